"""Which tokens the cue scorer considers at all."""

from __future__ import annotations

from spacy.tokens import Token

from ..constants import SPEECH_VERBS

CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADP", "PUNCT", "ADJ"})


def is_cue_candidate(token: Token) -> bool:
    """Tokens the cue scorer looks at: verbs, nouns and a few function words and colons."""
    if token.text == ":":
        return True
    if token.pos_ not in CUE_POS or token.is_space:
        return False
    if token.pos_ == "PUNCT":
        return False
    if token.pos_ in ("NOUN", "ADP", "ADJ"):
        return token.lemma_.lower() in SPEECH_VERBS or token.lower_ in ("according", "for", "statement", "interview")
    return True
