"""Stage 4b: the source mention of a cue: its subject, the agent of a passive, 'according to X'."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import Cue, opens_inverted_attribution, phrase_preposition
from .docfacts import doc_facts
from .drafts import DraftQuote
from .headline import source_out_of_headline, start_after_headline
from .lexicon import RELATIVE_PRONOUNS, SAYING_VERBS, SPEAKER_PRONOUNS
from .missed_subjects import (
    DOUBLE_QUOTE_CLOSERS,
    QUOTE_CLOSERS,
    follows_comma,
    inverted_name_after,
    is_dash,
    nominal_adjective_article,
    object_ending_sentence,
    subject_the_parse_missed,
)
from .spans import char_bounds, trim_punct
from .tags import FINITE_VERB_TAGS

_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# What a participle hung from a word may describe as the one who speaks.
_DESCRIBED_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_TENSE_OF_TAG = {"VBD": "past", "VBZ": "present", "VBP": "present"}
# A verb in these relations shares the subject of the verb it hangs from.
_SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp"})
# Parts of a subject that describe rather than name: "Connor, who plays Nick Nelson", "Halvorsen, spokesman".
_DESCRIPTIVE_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "punct", "cc", "conj"})
MAX_SOURCE_TOKENS = 12
# A line that opens with the one who speaks names them in a few words ('Poll: ...', 'NY Daily News: ...').
_MAX_LABEL_TOKENS = 6
# A source with its appositive may run long ('Ruth Okwu, an unpaid adviser to the council on
# housing and transport and a senior lecturer at the Norvale Institute of Town Planning').
_MAX_SOURCE_WITH_APPOSITIVE_TOKENS = 40


def mention_bounds(token: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by `token`, without relative clauses and appositives."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for child in token.lefts:
        if child.dep_ not in _DESCRIPTIVE_DEPS:
            start = min(start, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in _DESCRIPTIVE_DEPS:
            break
        end = max(end, child.right_edge.i + 1)
    if end - start > MAX_SOURCE_TOKENS:
        start, end = max(start, token.i - 4), token.i + 1
    article = nominal_adjective_article(token)
    if article is not None:
        start = article.i  # '[The 31-year-old] insisted', the article hung on the verb
    return trim_punct(doc, _start_of_phrase(token, start), end)


def _start_of_phrase(head: Token, start: int) -> int:
    """Where a mention starts, after what the parser hung before it: a dateline ('WASHINGTON --
    President Obama'), a clause before a comma ('After the vote, Nadia Frost') or a focus
    adverb ('Even Norway')."""
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if _separates(doc[i]):
            start = i + 1
            break
    while start < head.i and doc[start].dep_ in ("advmod", "cc", "punct") and doc[start].head.i == head.i:
        start += 1
    return start_after_headline(doc, start, head.i)


def _separates(token: Token) -> bool:
    return token.text in (",", ":", ";") or is_dash(token)


def source_bounds(token: Token) -> tuple[int, int]:
    """Token bounds of a source mention as PolNeAR marks it: the phrase with its appositive ('Hal
    Brewer III, founder of the Civic Ledger Institute') and a who-clause ('Owen Tarrant, who served
    as consul': 251 to 203 on train), but no other relative clause; long phrases are cut back
    to the name."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "relcl" and child.left_edge.lower_ != "who":
            break
        end = child.right_edge.i + 1
    start, end = trim_punct(token.doc, _start_of_phrase(token, token.left_edge.i), end)
    if end - start > _MAX_SOURCE_WITH_APPOSITIVE_TOKENS:
        return mention_bounds(token)
    return start, end


def _word_before(token: Token) -> Token | None:
    before = token.i - 1
    while before >= 0 and token.doc[before].is_punct:
        before -= 1
    return token.doc[before] if before >= 0 else None


def is_relative_subject(subject: Token) -> bool:
    """'Schiff, who said', and 'the Chicago Police Department which reported' that the parser hung
    from the main verb."""
    if subject.lower_ not in RELATIVE_PRONOUNS:
        return False
    previous = _word_before(subject)
    return subject.head.dep_ == "relcl" or (previous is not None and previous.pos_ in ("NOUN", "PROPN"))


def _antecedent(pronoun: Token, parsed_head: Token) -> Token:
    """The noun a relative pronoun stands for: a person named just before it ('including actor George
    C Scott who said'), else the noun the parser attached the clause to."""
    previous = _word_before(pronoun) or parsed_head
    if previous.ent_type_ == "PERSON" or parsed_head.pos_ not in _NOMINAL_POS:
        return previous
    return parsed_head


def _quoted_before(child: Token, cue: Token) -> bool:
    """Does a quotation mark close between a word and the cue after it ('mode," said')?"""
    return child.i < cue.i and any(token.text in DOUBLE_QUOTE_CLOSERS for token in child.doc[child.i + 1 : cue.i])


def _dash_before(child: Token, cue: Token) -> bool:
    """Does a dash stand between a word and the cue after it ('WASHINGTON -- President Obama said')?"""
    return child.i < cue.i and any(is_dash(token) for token in child.doc[child.i + 1 : cue.i])


def find_source_token(cue: Cue, doc: Doc) -> Token | None:
    """The head of the mention that attributes a cue: its subject, 'by X', or X in 'according to X'."""
    source = _find_source_token(cue, doc)
    return None if source is None else source_out_of_headline(source, doc[cue.token])


def _find_source_token(cue: Cue, doc: Doc) -> Token | None:
    token = doc[cue.token]
    if cue.phrase:
        preposition = phrase_preposition(doc, cue)
        objects = [child for child in preposition.children if child.dep_ == "pobj"]
        return objects[0] if objects else (doc[preposition.i + 1] if preposition.i + 1 < len(doc) else None)
    if opens_inverted_attribution(token):
        return token.head  # 'Said Pruett: "..."': the parser made the verb part of the name
    if token.text == ":":
        return _label_before_colon(token)
    owner = _owner_of_speech_noun(token) if token.pos_ == "NOUN" else None
    if owner is not None:
        return owner
    return _source_up_the_verbs(doc, cue)


def _source_up_the_verbs(doc: Doc, cue: Cue) -> Token | None:
    """The agent or subject of the cue, else of the verb whose subject it shares, up to two verbs up."""
    token = doc[cue.token]
    inverted = _inverted_subject(token)
    if inverted is not None:
        return inverted
    for climbed in (False, True, True):
        # 'The plan is backed by [a group of farmers]': a passive's speaker is its agent; its subject
        # is what was said or whom it was said to ('Clinton was told').
        agent = _agent_of(token)
        if agent is not None:
            return agent
        subject = _best_subject(token, climbed=climbed)
        if subject is not None:
            # "singer Mae Lund, who said ...": the relative pronoun stands for the noun.
            return _antecedent(subject, token.head) if is_relative_subject(subject) else subject
        # "Connor laughed and said ...", "he said, adding that ...": the subject of the verb above.
        above = _verb_above(token)
        if above is None and _describes_head(token, climbed=climbed):
            return token.head
        if above is None:
            # Not for a passive: 'When terrorists are revealed as ..., Obama and Clinton call them'.
            return None if _is_passive(doc[cue.token]) else subject_the_parse_missed(token)
        token = above
    return None


def _describes_head(verb: Token, *, climbed: bool) -> bool:
    """Does a verb hung from a noun before it say what that noun did? A participle does ('a petition calling
    on him to ...', 'one listing the facts': PolNeAR's source 117 times in 149 on train); so does a cue in
    the past tense, or a participle the parser hung from a noun that it left as the sentence's root with no
    verb of its own ('Ames, the head of the league, tweeted on Friday', 'A new poll found that ...'). Not a
    verb climbed to from the cue: 'Imports rose by 3%, signalling that ...' names no speaker."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in _DESCRIBED_POS or head.i > verb.i:
        return False
    if verb.tag_ == "VBG":
        return True
    has_auxiliary = any(child.dep_ in ("aux", "auxpass") for child in verb.children)
    return (
        not climbed
        and verb.tag_ in ("VBD", "VBN")
        and not has_auxiliary
        and (head.dep_ == "ROOT" or verb.tag_ == "VBD")
    )


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _best_subject(token: Token, *, climbed: bool) -> Token | None:
    """The subject of a verb (a passive one's too, once climbed up from the cue), if it has one."""
    facts = doc_facts(token.doc)
    # Not a quoted title after the verb ('Flynn said on Fox News's "Fox and Friends."').
    subjects = [
        child
        for child in token.children
        if (child.dep_ == "nsubj" or (climbed and child.dep_ == "nsubjpass"))
        and not (child.i > token.i and facts.inside_quotes(child))
    ]
    # Of two subjects: the one not closed inside a quotation ('"... Nobody saw it coming," said Ada
    # Brenn'), a noun or pronoun, not a dateline before a dash ('WASHINGTON -- President Obama said'),
    # a person ('Ivo Marsh, Westbay Stallholders Association said'), else the nearer ('His ex-wife
    # agreed', 'ex - Labour transport secretary Moira Penhale remembered', with 'ex' a subject too).
    subjects.sort(
        key=lambda child: (
            _quoted_before(child, token),
            child.pos_ not in _NOMINAL_POS,
            _dash_before(child, token),
            child.ent_type_ != "PERSON",
            abs(child.i - token.i),
        )
    )
    return subjects[0] if subjects else None


def _label_before_colon(colon: Token) -> Token | None:
    """'Poll: Reyes and Okafor neck and neck', 'Okafor Visits Flooded Town: ...': a colon taken for
    a cue at the head of a line is said by the few words before it (after a dash, if one stands
    between them and the line's head), by the subject where they make a clause. (Names alone are
    labelled lines already, `transcripts.py`.)"""
    doc = colon.doc
    start = colon.i
    # from the head of the line, or from a dash after a title ('LATE POLLS MISLEAD - Ada Brenn: ...')
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text) and not is_dash(doc[start - 1]):
        start -= 1
        if colon.i - start > _MAX_LABEL_TOKENS:
            return None
    if start == colon.i:
        return None
    label = doc[start : colon.i]
    root = label.root
    subjects = [child for child in root.children if child.dep_ in ("nsubj", "nsubjpass") and child.i < colon.i]
    # 'More from Ada Brenn:', 'From the report:': the words are those of whom they come from
    sources = [word for word in label if word.dep_ == "pobj" and word.head.lower_ == "from"]
    return (subjects or sources or [root])[0]


def _owner_of_speech_noun(noun: Token) -> Token | None:
    """'his claim that ...', 'Trump's promise to ...': PolNeAR's source 334 times in 357 on train; and
    'But Trump claims that ...' parsed as a plural noun with its speaker a compound (14 in 21)."""
    owners = [child for child in noun.children if child.dep_ == "poss"]
    if noun.tag_ == "NNS":
        owners += [child for child in noun.lefts if child.dep_ == "compound" and child.pos_ == "PROPN"][-1:]
    return owners[0] if owners else None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def _inverted_subject(verb: Token) -> Token | None:
    """'Prices will rise, warned the council.', '"No," replied the clerk.': after a comma (and the marks
    that close a quote), a verb with no subject of its own and a noun that ends the sentence, which the
    parser made its object, has that noun for its subject."""
    # a finite verb: 'He resigned, citing the report' names what he cited, not who cited it
    if verb.tag_ not in FINITE_VERB_TAGS or verb.i == 0:
        return None
    after_quote = verb.doc[verb.i - 1].text in QUOTE_CLOSERS
    if not follows_comma(verb) or _agent_of(verb) is not None or _best_subject(verb, climbed=True) is not None:
        return None
    found = object_ending_sentence(verb, after_quote=after_quote)
    return found if found is not None or not after_quote else inverted_name_after(verb)


def goes_on_from_reported_clause(token: Token) -> bool:
    """'Okafor said she would call an inquiry [and warned] against delay': a speech verb joined to a
    reported clause whose subject is a pronoun for the speaker goes on with the speaker's own words
    (the parser hangs it from 'order')."""
    head = token.head
    return (
        token.dep_ == "conj"
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
        and head.dep_ == "ccomp"
        and head.head.pos_ in ("VERB", "AUX")
        and any(child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in SPEAKER_PRONOUNS for child in head.children)
    )


def reporting_verb_going_on_with(token: Token) -> Token | None:
    """The speech verb whose speaker goes on with `token`, though the parser hangs it inside that verb's
    reported clause: a participle after a comma at the clause's end ('Okafor said she did not believe
    it, [arguing] that ...'; PolNeAR train: cue exact TP +23, content +28, source +19; dev +6, +6, +3),
    or a finite verb joined to a verb of another tense in it, or to one of the same lemma ('called on
    the city to repair the pier and [proposed] a levy', 'said X and [said] Y'; train +14, +15, +12)."""
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
        return None
    trailing_participle = token.tag_ == "VBG" and token.dep_ == "advcl" and token.i > 0 and token.nbor(-1).text == ","
    conjunct = token.dep_ == "conj" and token.tag_ in _TENSE_OF_TAG
    if not (trailing_participle or conjunct):
        return None
    facts = doc_facts(token.doc)
    child = token
    for ancestor in token.ancestors:
        # past 'believe' and 'want': 'said [she did not believe [it hurt]], arguing' is said's
        if ancestor.lemma_.lower() in SAYING_VERBS:
            clause_deps = ("ccomp", "xcomp") if conjunct else ("ccomp",)
            if child.dep_ not in clause_deps or child.i < ancestor.i or facts.inside_quotes(child):
                return None
            return ancestor if trailing_participle or _goes_on_from(ancestor, token) else None
        child = ancestor
    return None


def _goes_on_from(verb: Token, conjunct: Token) -> bool:
    """Is a finite conjunct inside a speech verb's clause joined to the verb rather than to the word the
    parser chose? When it repeats the verb, or differs in tense from that word and, where the verb is
    finite, agrees with it ('said she is glad it went well and [looks] forward to ...' stays inside)."""
    if conjunct.lemma_ == verb.lemma_:
        return True
    tense = _TENSE_OF_TAG[conjunct.tag_]
    return _TENSE_OF_TAG.get(conjunct.head.tag_) != tense and _TENSE_OF_TAG.get(verb.tag_, tense) == tense


def _verb_above(token: Token) -> Token | None:
    """The verb whose subject a verb shares: 'laughed and [said]', 'said, [adding]', 'responded by [saying]'."""
    head = token.head
    facts = doc_facts(token.doc)
    if facts.inside_quotes(head) and not facts.inside_quotes(token):
        # '"...," Okafor said, adding later that "... the farmers have had enough ..."': the parser
        # hung 'going' from a verb of the quote; it shares the subject of the verb before its comma,
        # or of the verb that reports the quote ('insisted that he has "expanded the party," claiming').
        if token.tag_ != "VBG":
            return None
        return _verb_before_comma(token) or _verb_reporting_quote(head)
    reporting = reporting_verb_going_on_with(token)
    if reporting is not None:
        return reporting
    if token.dep_ == "pcomp" and head.dep_ == "prep":
        # up through the phrases it stands in: 'In addition to [stating] that ..., Clinton has vowed'
        above = head.head
        while above.dep_ in ("pobj", "prep") and above.head.i != above.i:
            above = above.head
        return above if above.pos_ in ("VERB", "AUX") else None
    if goes_on_from_reported_clause(token):
        return head.head
    if token.dep_ in _SHARED_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _verb_reporting_quote(quoted: Token) -> Token | None:
    facts = doc_facts(quoted.doc)
    return next((a for a in quoted.ancestors if not facts.inside_quotes(a) and a.pos_ == "VERB"), None)


def _verb_before_comma(token: Token) -> Token | None:
    if token.i < 2 or token.nbor(-1).text != ",":
        return None
    verb = token.nbor(-2)
    return verb if verb.pos_ == "VERB" else None


def attach_source(draft: DraftQuote, cue: Cue, doc: Doc) -> None:
    """Set a draft's cue and source (the mention, without appositive or relative clause) from one cue."""
    draft.cue, draft.cue_token = cue.span, cue.token
    source = find_source_token(cue, doc)
    if source is not None and source.lower_ not in RELATIVE_PRONOUNS:
        start, end = mention_bounds(source)
        if start <= cue.token < end:
            start = cue.token + 1  # 'Said Pruett'
        if end > start:
            draft.sources = [char_bounds(doc, start, end)]
            draft.source_token = source.i
            # 'Tarn and Vell said', 'Mr Ames, Ms Lund and Mr Orr deny': one source for each of joint speakers
            draft.sources += [char_bounds(doc, *mention_bounds(token)) for token in _conjuncts(source, cue.token)]


def _conjuncts(head: Token, cue: int) -> list[Token]:
    """The nouns and pronouns joined to a source's head ('Tarn [and Vell]'), before the cue."""
    joined = []
    token = head
    while (following := next((c for c in token.rights if c.dep_ == "conj"), None)) is not None:
        if following.pos_ not in _NOMINAL_POS or following.i >= cue:
            break
        joined.append(following)
        token = following
    return joined
