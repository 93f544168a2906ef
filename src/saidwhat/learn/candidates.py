"""Which tokens the cue scorer considers at all."""

from __future__ import annotations

from spacy.strings import get_string_id
from spacy.tokens import Token

from ..extraction.docfacts import TokenColumns, doc_facts
from ..extraction.lexicon import CUE_WORDS_NOT_VERBS, SPEECH_VERBS

CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADP", "PUNCT", "ADJ"})
_COLON = get_string_id(":")


def is_cue_candidate(token: Token) -> bool:
    """Tokens the cue scorer looks at: verbs, nouns and a few function words and colons."""
    return is_candidate_at(doc_facts(token.doc).columns, token.i)


def is_candidate_at(words: TokenColumns, i: int) -> bool:
    """`is_cue_candidate` of the token at `i`, read from the document's columns."""
    if words.orth_key[i] == _COLON:
        return True
    pos = words.pos[i]
    if pos not in CUE_POS or pos == "PUNCT" or words.is_space[i]:
        return False
    if pos in ("NOUN", "ADP", "ADJ"):
        return words.lemma(i) in SPEECH_VERBS or words.lower(i) in CUE_WORDS_NOT_VERBS
    return True
