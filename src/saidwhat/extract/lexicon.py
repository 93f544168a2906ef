"""Word lists used by the rules, in one place."""

from __future__ import annotations

# Lemmas of verbs that report speech or writing ("Connor revealed: ...", "officials said").
SPEECH_VERBS = frozenset(
    {
        "accuse",
        "acknowledge",
        "add",
        "admit",
        "agree",
        "allege",
        "announce",
        "answer",
        "argue",
        "ask",
        "assert",
        "attack",
        "believe",
        "blast",
        "boast",
        "brand",
        "call",
        "caution",
        "charge",
        "claim",
        "comment",
        "complain",
        "concede",
        "conclude",
        "confirm",
        "contend",
        "continue",
        "criticise",
        "criticize",
        "cry",
        "declare",
        "deny",
        "describe",
        "disagree",
        "discuss",
        "dismiss",
        "emphasise",
        "emphasize",
        "enthuse",
        "estimate",
        "exclaim",
        "explain",
        "feel",
        "forecast",
        "gush",
        "hint",
        "hope",
        "indicate",
        "insist",
        "joke",
        "know",
        "label",
        "laugh",
        "maintain",
        "mention",
        "murmur",
        "mutter",
        "note",
        "observe",
        "pledge",
        "point",
        "post",
        "praise",
        "predict",
        "promise",
        "quip",
        "rave",
        "recall",
        "recount",
        "reiterate",
        "remark",
        "repeat",
        "reply",
        "report",
        "respond",
        "reveal",
        "say",
        "scream",
        "shout",
        "sigh",
        "signal",
        "slam",
        "smile",
        "speculate",
        "state",
        "stress",
        "suggest",
        "tell",
        "testify",
        "think",
        "tout",
        "tweet",
        "urge",
        "vow",
        "warn",
        "whisper",
        "write",
        "yell",
    }
)

# Verbs that only report speech when they govern a clause or a quotation, never alone.
WEAK_SPEECH_VERBS = frozenset({"believe", "think", "feel", "know", "hope", "call", "continue", "charge"})

# Pronouns that open a relative clause and stand for the noun before it ("Connor, who said").
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})

# Verbs of belief and wish: what follows them is not something said (the BBC gold does not annotate them).
BELIEF_VERBS = frozenset({"believe", "think", "feel", "know", "hope", "expect", "fear", "worry", "want", "wish"})

# "according to X", "in the words of X": the phrase is the cue, X the source.
CUE_PHRASES = ("according to",)

# Pronouns whose gender tells which person they stand for.
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

# Honorifics dropped from canonical names ("Mr Halvorsen" -> "Halvorsen").
HONORIFICS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
        "baroness",
        "baron",
        "rev",
        "reverend",
    }
)

# Heads of noun phrases that name anonymous or collective sources ("a source said", "officials said").
ANONYMOUS_HEADS = frozenset(
    {
        "source",
        "sources",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "insider",
        "insiders",
        "aide",
        "aides",
        "analyst",
        "analysts",
        "critic",
        "critics",
        "expert",
        "experts",
        "observer",
        "observers",
        "witness",
        "witnesses",
        "police",
        "people",
        "residents",
        "fans",
    }
)

# Family words that pass a surname on: "Brandt's son Jonas" is Jonas Brandt.
KINSHIP_NOUNS = frozenset(
    {
        "son",
        "daughter",
        "wife",
        "husband",
        "widow",
        "widower",
        "brother",
        "sister",
        "father",
        "mother",
        "grandson",
        "granddaughter",
    }
)

# Determiners that make a description point back to someone already met ("his son said").
POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their"})

# Heads of noun phrases that speak for an organisation ("a spokesperson for Sky said").
SPOKESPERSON_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "statement"})

# Heads that refer back to an organisation ("the company said", "the party said").
ORGANISATION_NOUNS = frozenset(
    {
        "company",
        "firm",
        "group",
        "party",
        "club",
        "team",
        "government",
        "bank",
        "retailer",
        "network",
        "broadcaster",
        "organisation",
        "organization",
        "council",
        "union",
        "ministry",
        "department",
        "agency",
        "studio",
        "label",
        "band",
        "charity",
        "association",
        "federation",
        "board",
        "committee",
        "court",
    }
)

# Roles written before a name, left out of canonical names ("Housing Minister Petra Lund").
TITLE_WORDS = frozenset(
    {
        "minister",
        "secretary",
        "president",
        "chancellor",
        "leader",
        "chairman",
        "chairwoman",
        "chair",
        "chief",
        "executive",
        "coach",
        "manager",
        "boss",
        "democrat",
        "democrats",
        "tory",
        "labour",
        "conservative",
        "republican",
        "senator",
        "sen.",
        "rep.",
        "gov.",
        "governor",
        "mayor",
        "judge",
        "general",
        "captain",
        "director",
        "spokesman",
        "spokeswoman",
        "star",
        "actor",
        "actress",
        "singer",
        "striker",
        "midfielder",
        "defender",
        "goalkeeper",
        "mp",
        "mep",
        "ceo",
        "founder",
        "editor",
        "analyst",
        "economist",
        "officer",
    }
)

# Honorifics of peers, kept before a bare surname: the BBC gold's convention ("Lord Falconer").
PEER_TITLES = frozenset({"lord", "lady", "baroness", "baron"})

# Documents and findings that speak for the body behind them: bbc-train-gold's convention ("documents of
# named bodies (minutes, research, tests, posters) take the body as speaker").
STUDY_NOUNS = frozenset(
    {"minutes", "research", "study", "survey", "poll", "report", "test", "review", "figures", "poster", "findings"}
    | {"analysis", "minute"}  # the lemmatizer's 'minute' of 'minutes'
)

# Roles written capitalised before a person's name that TITLE_WORDS lacks, from the sources of
# bbc-train-gold ("Solicitor Gareth Pierce", "Magistrate ...", "Songwriter ...", "Trade Commissioner ...").
ROLE_WORDS = frozenset(
    {"solicitor", "magistrate", "songwriter", "commissioner", "bookmakers", "lawyer", "presenter", "producer"}
)

# Verbs whose object is what was said ("discussed the importance of the show", "announced plans").
TOPIC_VERBS = frozenset(
    {
        "discuss",
        "announce",
        "describe",
        "reveal",
        "explain",
        "outline",
        "deny",
        "confirm",
        "forecast",
        "predict",
        "unveil",
        "detail",
        "report",
        "disclose",
        "propose",
        "suggest",
        "recommend",
        "demand",
        "promise",
        "pledge",
        "warn",
        "estimate",
        "admit",
        "acknowledge",
        "ask",
        "answer",
        "address",
        "question",
        "recount",
        "express",
    }
)

# Heads through which a named owner speaks ("Ms Varga's legal action said", "the firm's report says").
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "report",
        "letter",
        "survey",
        "study",
        "website",
        "action",
        "lawsuit",
        "complaint",
        "filing",
        "suit",
        "claim",
        "email",
        "memo",
        "blog",
        "book",
        "paper",
        "document",
        "release",
        "announcement",
        "campaign",
        "research",
        "analysis",
        "figures",
        "data",
        "poll",
        "review",
        "account",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "lawyer",
        "lawyers",
        "attorney",
        "representative",
        "office",
    }
)

# Words whose full stop does not end a sentence ("Rep. John Mica (R-Fla.) said").
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "rev",
        "sen",
        "rep",
        "gov",
        "pres",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "adm",
        "cmdr",
        "cpl",
        "det",
        "insp",
        "supt",
        "jr",
        "sr",
        "st",
        "hon",
        "ala",
        "ariz",
        "ark",
        "calif",
        "colo",
        "conn",
        "del",
        "fla",
        "ga",
        "ill",
        "ind",
        "kan",
        "ky",
        "la",
        "md",
        "mass",
        "mich",
        "minn",
        "miss",
        "mo",
        "mont",
        "neb",
        "nev",
        "okla",
        "ore",
        "pa",
        "tenn",
        "tex",
        "va",
        "vt",
        "wash",
        "wis",
        "wyo",
        "no",
        "vs",
        "etc",
        "inc",
        "corp",
        "co",
        "ltd",
    ]
)
