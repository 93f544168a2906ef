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

# "according to X", "in the words of X": the phrase is the cue, X the source.
CUE_PHRASES = ("according to",)

# Pronouns that can stand for a speaker, and the kind they imply.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "we", "they", "you"})
GROUP_PRONOUNS = frozenset({"they", "we"})
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})

# Honorifics dropped from canonical names ("Mr Pollmann" -> "Pollmann").
HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "reverend"}
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
