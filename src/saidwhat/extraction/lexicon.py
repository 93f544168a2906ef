"""Every word list the rules read, in one place, each with a line saying where it comes from.

Lists are lowercase lemmas unless they say otherwise. Where one concept is built from another, the
relation is written out (`SPEECH_VERBS = SAYING_VERBS | BELIEF_CUE_VERBS`) rather than copied, so that
a word is added in one place. "Hand-written" means the list came with the rule that reads it and no
count on training data was recorded for its words; the commit named is where it came in.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Verbs ---------------------------------------------------------------------------------------

# Verbs of saying or writing ('Connor revealed: ...', 'officials said'). Hand-written (3be5605).
SAYING_VERBS = _words(
    """
    accuse acknowledge add admit agree allege announce answer argue ask assert attack blast boast brand
    call caution charge claim comment complain concede conclude confirm contend continue criticise
    criticize cry declare deny describe disagree discuss dismiss emphasise emphasize enthuse estimate
    exclaim explain forecast gush hint indicate insist joke label laugh maintain mention murmur mutter
    note observe pledge point post praise predict promise quip rave recall recount reiterate remark
    repeat reply report respond reveal say scream shout sigh signal slam smile speculate state stress
    suggest tell testify tout tweet urge vow warn whisper write yell
    """
)

# Verbs of belief and wish: what follows them is held, not said (English grammar; the BBC gold's
# guidelines do not annotate them).
BELIEF_VERBS = _words("believe think feel know hope expect fear worry want wish")

# The belief verbs that may still be cues: PolNeAR's annotators count 'X believes that Y' as an
# attribution, and the cue scorer learned them so. Hand-written (3be5605).
BELIEF_CUE_VERBS = _words("believe think feel know hope")

# Lemmas the rules take for cues: verbs of saying, and the belief verbs that may be cues. What the
# saidwhat conventions then leave out as no report is NON_REPORT_VERBS.
SPEECH_VERBS = SAYING_VERBS | BELIEF_CUE_VERBS

# Cue verbs that report something only when they govern a clause or a quotation ('called on', 'continued'
# alone report nothing): the belief cues, and three verbs of saying with an everyday sense. Hand-written
# (3be5605).
WEAK_SPEECH_VERBS = BELIEF_CUE_VERBS | _words("call continue charge")

# What the saidwhat conventions do not count as reports although a cue may stand for them: beliefs,
# and agreeing, wondering, forgetting, seeing (the BBC gold's guidelines: 'belief/perception verbs
# (thought, expected, seen, worried, agree)'). 'agree' is a verb of saying too: a cue under PolNeAR's
# conventions, no report under saidwhat's.
NON_REPORT_VERBS = BELIEF_VERBS | _words("agree wonder ponder forget see")
# English grammar's raising verbs: 'It seems that ...', 'the fuss appears to be ...' give an impression, not
# anyone's words. The quote decision drops what they report (on the BBC training gold, none of the 4 quotes
# found with them is a gold quote; learn/quoteness.py).
RAISING_VERBS = _words("seem appear")

# The two verbs of saying whose subject is a speaker wherever they stand ('X said', 'X told'): the
# commonest cues (English usage; the cue scorer's speaker feature, c43ee0b, and the rule scorer's
# top score read them).
CORE_SAYING_VERBS = _words("say tell")

# The forms of 'say' that open an inverted attribution ('Said Pruett: ...'). English grammar.
SAID_FORMS = _words("said says")

# Heads a cue may hang from that make it part of another report: a feature of the cue scorer
# (ac96150; changing it needs `saidwhat train`).
REPORTING_HEADS = _words("say tell add note claim")

# Verbs of conversation: 'spoke with X about Y' says who talked with whom, not what was said.
# Hand-written (ff996ec).
CONVERSATION_VERBS = _words("speak talk chat")

# Verbs whose object is what was said only with their particle ('ruled out any chance', 'called for talks',
# 'pointed to the protests'): the cues of bbc-train-gold's noun-phrase contents ('has ruled out',
# 'called for', 'calls', 'pointed to'). As bare words they took 7 more contents there, 2 of them right;
# with their particle 3 more, 2 of them right (content 583 -> 585 right of 665 -> 668).
TOPIC_PHRASAL_VERBS = {"rule": "out", "call": "for", "point": "to"}

# Verbs whose object is what was said ('discussed the importance of the show', 'announced plans'),
# whether or not they are verbs of saying. Hand-written (3be5605); the last line from the cues of the
# noun-phrase contents of bbc-train-gold (flag np_content: cited 2, requested, voiced, declared, dismissing,
# indicated; adding them there: content 574 -> 577 right of 659 -> 662 found). 'call (for)', 'rule
# (out)', 'point (to)' are left out: as words they took 7 contents there, 2 of them right.
TOPIC_VERBS = _words(
    """
    discuss announce describe reveal explain outline deny confirm forecast predict unveil detail report
    disclose propose suggest recommend demand promise pledge warn estimate admit acknowledge ask answer
    address question recount express
    cite request voice declare dismiss indicate
    """
)

# What joins two clauses ('..., while the Tories say ...', '..., but designers would not confirm ...'):
# English grammar. The words of clause_ends._JOINTS, which ends a content before them.
CLAUSE_JOINTS = _words(", ; - – — but and although though while whereas")

# --- Words around a cue --------------------------------------------------------------------------

# 'according to X': the phrase is the cue, X the source. English usage.
CUE_PHRASES = ("according to",)

# Words other than verbs that may be cues: 'according (to)', 'for' ('a spokesman for'), 'statement',
# 'interview'. Where the cue scorer looks (853d449; changing it needs `saidwhat train`).
CUE_WORDS_NOT_VERBS = _words("according for statement interview")

# Nouns of opinion polls: 'In a new poll, X leads' is attributed to the poll under PolNeAR's
# conventions. English usage (84c2ef7, with PolNeAR train counts for the rule).
POLL_NOUNS = _words("poll survey")

# Adverbs before a verb that introduce its clause rather than belong to the cue ('when he said', 'so
# said'). English grammar (5ff8d80).
NOT_CUE_ADVERBS = _words("when where how why as so however instead there here")

# Words that open an embedded question ('revealed [when] he hopes to start'). English grammar.
WH_WORDS = _words("when what how why whether if where who")

# Verbs that take a question to say its answer is not known ('doubted whether it would work'). English grammar.
DOUBT_VERBS = _words("doubt wonder")

# Verbs of asking: in the passive ('was asked whether ...', 'Asked if he would stand, he said ...') the
# question was put to the subject, who did not ask it. English grammar.
ASKING_VERBS = _words("ask question")

# Prepositions and nouns of a phrase that says where, when or to whom something was said ('said on
# Twitter', 'told reporters in an interview'), never what. Hand-written (fd0645e, whose message gives
# dev figures only: these lists have no count on training data).
SETTING_PREPOSITIONS = _words("on in at during via from while")
SETTING_NOUNS = _words(
    """
    interview statement speech appearance conference hearing briefing letter tweet post twitter
    facebook instagram call email e-mail meeting broadcast show program programme radio television
    video rally event debate forum session
    """
)
AUDIENCE_NOUNS = _words("reporter journalist audience crowd supporter gathering viewer")

# --- Pronouns and determiners (English grammar) ----------------------------------------------------

# Personal pronouns that can be the subject of a verb.
SUBJECT_PRONOUNS = _words("i you he she it we they")
# Pronouns that open a relative clause and stand for the noun before it ('Connor, who said').
RELATIVE_PRONOUNS = _words("who which that")
# Relative pronouns that may be the object of a cue ('which he described as ...', 'what she said').
OBJECT_RELATIVE_PRONOUNS = _words("which whom who what that")
# Pronouns a speaker may be named by in a clause it goes on with ('said [he] would ...'): not 'you'.
SPEAKER_PRONOUNS = SUBJECT_PRONOUNS - {"you"}
# Subjects that name no one in particular across an article: not 'he' or 'she'.
NO_ONE_IN_PARTICULAR = (SUBJECT_PRONOUNS - {"he", "she"}) | RELATIVE_PRONOUNS
# Pronouns whose gender tells which person they stand for.
MALE_PRONOUNS = _words("he him his himself")
FEMALE_PRONOUNS = _words("she her hers herself")
# Determiners that make a description point back to someone already met ('his son said').
POSSESSIVE_DETERMINERS = _words("his her their")
# Demonstratives that open a discourse marker ('That said, ...').
DEMONSTRATIVES = _words("that this")
# Small words a title keeps in lower case ('The Lord of the Rings'). English style.
TITLE_SMALL_WORDS = _words("a an and the of in on to for at by or")

# --- People and bodies ---------------------------------------------------------------------------

# The one word for someone who speaks for a body, in its three forms. English usage.
SPOKESPERSON_WORDS = _words("spokesman spokeswoman spokesperson")

# Heads of noun phrases that speak for an organisation ('a spokesperson for Sky said'). Hand-written
# (3be5605).
SPOKESPERSON_NOUNS = SPOKESPERSON_WORDS | _words("representative statement")

# Heads of noun phrases that name anonymous or collective sources ('a source said', 'officials said').
# Hand-written (3be5605).
ANONYMOUS_HEADS = SPOKESPERSON_WORDS | _words(
    """
    source sources official officials insider insiders aide aides analyst analysts critic critics
    expert experts observer observers witness witnesses police people residents fans
    """
)

# Honorifics of peers, kept before a bare surname: the BBC gold's convention ('Lord Falconer').
PEER_TITLES = _words("lord lady baroness baron")

# Honorifics dropped from canonical names ('Mr Halvorsen' -> 'Halvorsen'). English usage.
HONORIFICS = PEER_TITLES | _words("mr mrs ms miss dr prof professor sir dame rev reverend")

# Heads that refer back to an organisation ('the company said', 'the party said'). Hand-written (3be5605);
# 'newspaper' and 'magazine' since issue 19 (a publication speaks as a body; bbc-train-gold CV 567 -> 569 of 631),
# 'body' (English: 'the governing body'; with a lede's definite nominal pointing forward, 570 -> 571);
# 'cabinet' (English: a collective noun, the body of a government's or a party's leaders; issue 19d12).
ORGANISATION_NOUNS = _words(
    """
    company firm group party club team government bank retailer network broadcaster organisation
    organization council union ministry department agency studio label band charity association
    federation board committee court newspaper magazine body cabinet
    """
)

# Nouns that name a public body, never a person ('the port authority said'): English. With no body the
# article describes so, such a source is an unnamed body, not the person named last.
INSTITUTION_NOUNS = _words(
    """
    authority regulator watchdog commission institute institution administration parliament assembly
    senate congress tribunal embassy corporation
    """
)

# Verbs of telling someone to do something: they take the one told and a 'to'-infinitive ('urged voters
# to ...'). English grammar.
DIRECTIVE_VERBS = _words(
    """
    urge ask call tell warn challenge order encourage implore invite advise beg press persuade remind
    instruct appeal exhort command caution plead
    """
)

# Verbs that give their object a name or a label with no 'as' ('called it "a farce"'). English grammar.
NAMING_VERBS = _words("call dub brand label term name")

# Party words written before a name ('Labour MP Ann Lee'); alone they name a party, not a role.
PARTY_WORDS = _words("democrat democrats tory labour conservative republican")

# Roles written before a name, left out of canonical names ('Housing Minister Petra Lund'). Hand-written
# (3be5605); 'spokesperson' is not one of them, as it was not there.
JOB_TITLES = (SPOKESPERSON_WORDS - {"spokesperson"}) | _words(
    """
    minister secretary president chancellor leader chairman chairwoman chair chief executive coach
    manager boss senator sen. rep. gov. governor
    mayor judge general captain director star actor actress singer striker midfielder defender
    goalkeeper mp mep ceo founder editor analyst economist officer
    """
)
TITLE_WORDS = JOB_TITLES | PARTY_WORDS

# Roles written capitalised before a person's name that TITLE_WORDS lacks, from the sources of
# bbc-train-gold ('Solicitor Gareth Pierce', 'Magistrate ...', 'Songwriter ...', 'Trade Commissioner ...').
ROLE_WORDS = _words("solicitor magistrate songwriter commissioner bookmakers lawyer presenter producer")

# Documents and findings that speak for the body behind them: bbc-train-gold's convention ('documents
# of named bodies (minutes, research, tests, posters) take the body as speaker').
STUDY_NOUNS = _words("minutes research study survey poll report test review figures poster findings") | _words(
    "analysis minute"  # the lemmatizer's 'minute' of 'minutes'
)

# Heads through which a named owner speaks ('Ms Varga's legal action said', 'the firm's report says').
# Hand-written (3be5605).
DOCUMENT_NOUNS = SPOKESPERSON_WORDS | _words(
    """
    statement report letter survey study website action lawsuit complaint filing suit claim email memo
    blog book paper document release announcement campaign research analysis figures data poll review
    account lawyer lawyers attorney representative office
    """
)

# Capitalised words that head a line without naming a speaker ('UPDATE: ...', 'WATCH: ...'): the
# labels of web pages. Hand-written with the labelled lines (transcripts.py); written one per line as
# some hold a space.
NOT_SPEAKER_LABELS = frozenset(
    line.strip()
    for line in """
    update
    updated
    note
    editor's note
    editor’s note
    watch
    read
    read more
    related
    breaking
    breaking news
    exclusive
    photo
    photos
    video
    source
    sources
    correction
    disclosure
    warning
    spoiler
    q
    a
    """.strip().splitlines()
)

# --- Verb forms the lemmatizer misreads ----------------------------------------------------------


def verb_readings(lemma: str, lower: str) -> tuple[str, str, str]:
    """A verb's lemma and its form less a final 's' or 'd', to look up in the verb lists above: spaCy's
    lemmatizer reads 'hopes' and 'hoped' as 'hop'."""
    return (lemma.lower(), lower.removesuffix("s"), lower.removesuffix("d"))


# --- Sentence ends ------------------------------------------------------------------------------

# The full stop, question mark and exclamation mark: what ends a sentence written out in full (English
# punctuation), read where a trailing ellipsis should not count as an end (`clauses.py`, `quoted_tails.py`,
# `spans.end_before_full_stop`).
FULL_STOPS = (".", "!", "?")
# Marks that end a sentence in running text (a closing quotation mark may follow). English punctuation;
# the text-only tests of a sentence's end read it (`quotes.py`, `marks.py`, `learn/quoteness.py`).
SENTENCE_END_MARKS = (*FULL_STOPS, "…")

# --- Speakers compared across articles (archive/link.py) ----------------------------------------

# Mentions that are pronouns, not names, when the archive links speakers across articles. Hand-written
# with the archive (654a199): the personal pronouns and their possessive determiners, 'who', 'one' and
# the third-person reflexives (not 'hers', 'mine', 'myself').
MENTION_PRONOUNS = _words(
    """
    i me my we us our you he him his she her they them their it its who one himself herself themselves itself
    """
)
# Words that open a description, not a name ('the actor', 'his lawyer'). English grammar: articles,
# demonstratives and possessive determiners; hand-written with the archive (654a199).
DESCRIPTION_DETERMINERS = _words("the a an these those its our") | DEMONSTRATIVES | POSSESSIVE_DETERMINERS
# Words of a description that say nothing about who someone is ('the 18-year-old', 'who also said'), left
# out when the archive compares two speakers' descriptions. Hand-written with the archive (654a199).
UNINFORMATIVE_WORDS = _words(
    """
    the and for who which that with has have had was were are been also said says told year years old new
    former current who's from into this its his her their our one two three four five six
    """
)
# Forms that describe the same role, read as one when the archive compares descriptions ('actress' and
# 'actor'). Hand-written with the archive (654a199); the spokesman forms are `SPOKESPERSON_WORDS`.
ROLE_FORMS = {
    "actress": "actor",
    "actors": "actor",
    "stars": "star",
    **dict.fromkeys(sorted(SPOKESPERSON_WORDS - {"spokesman"}), "spokesman"),
    "chairwoman": "chairman",
    "chairperson": "chairman",
}

# --- Abbreviations -------------------------------------------------------------------------------

# Words whose full stop does not end a sentence ('Rep. Jane Osterby (R-Fla.) said'): titles, US state
# abbreviations, company suffixes. English usage (the AP state abbreviations).
ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof rev sen rep gov pres gen col lt sgt capt maj adm cmdr cpl det insp supt jr sr st
    hon ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo no vs etc inc corp co ltd
    """
)
