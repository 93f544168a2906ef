"""Hand-built parses for the tests of rules that read the parse, so that a model upgrade cannot change them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def parsed(
    nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
    *,
    tags: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    if spaces is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", ":") for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def hand_parse(nlp: Language, rows: list[tuple[str, bool, int, str, str, str, str]]) -> Doc:
    """A parse from rows of (word, space after, head, dep, pos, tag, lemma)."""
    words, spaces, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    return parsed(nlp, words, heads, deps, pos, lemmas, tags=tags, spaces=spaces)


def connor_said(nlp: Language) -> Doc:
    # "Kit Connor has said it was fine ."
    return parsed(
        nlp,
        ["Kit", "Connor", "has", "said", "it", "was", "fine", "."],
        [1, 3, 3, 3, 5, 3, 5, 3],
        ["compound", "nsubj", "aux", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
        ["PROPN", "PROPN", "AUX", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
        ["Kit", "Connor", "have", "say", "it", "be", "fine", "."],
    )


def lee_said_that(nlp: Language) -> Doc:
    # "Lee said that the pier would reopen ."
    return parsed(
        nlp,
        ["Lee", "said", "that", "the", "pier", "would", "reopen", "."],
        [1, 1, 6, 4, 6, 6, 1, 1],
        ["nsubj", "ROOT", "mark", "det", "nsubj", "aux", "ccomp", "punct"],
        ["PROPN", "VERB", "SCONJ", "DET", "NOUN", "AUX", "VERB", "PUNCT"],
        ["Lee", "say", "that", "the", "pier", "would", "reopen", "."],
        tags=["NNP", "VBD", "IN", "DT", "NN", "MD", "VB", "."],
    )
