"""An act reported as if it were speech: the grammar the quote decision weighs (learn/act_features.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.drafts import DraftQuote
from saidwhat.learn.act_features import OBJECT_INFINITIVE, PASSIVE_NO_AGENT, act_keys


def parsed(blank_nlp: Language, words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """A hand-built parse, so that a model upgrade cannot change what the features read."""
    return Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)


def keys_of(doc: Doc, cue: int, content: tuple[int, int]) -> list[str]:
    start, end = doc[content[0]].idx, doc[content[1] - 1].idx + len(doc[content[1] - 1])
    return act_keys(doc, DraftQuote(type="indirect", contents=[(start, end)], cue_token=cue))


# (words, heads, deps, tags, content tokens, is an agentless passive): 'The band is called upon to play.' names
# no one who spoke; 'The plan was praised by Ms Lind.' does.
PASSIVES = [
    (
        ["The", "band", "is", "called", "upon", "to", "play", "."],
        [1, 3, 3, 3, 3, 6, 3, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "prep", "aux", "xcomp", "punct"],
        ["DT", "NN", "VBZ", "VBN", "IN", "TO", "VB", "."],
        (5, 7),
        True,
    ),
    (
        ["The", "plan", "was", "praised", "by", "Ms", "Lind", "."],
        [1, 3, 3, 3, 3, 6, 4, 3],
        ["det", "nsubjpass", "auxpass", "ROOT", "agent", "compound", "pobj", "punct"],
        ["DT", "NN", "VBD", "VBN", "IN", "NNP", "NNP", "."],
        (0, 2),
        False,
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "tags", "content", "agentless"), PASSIVES)
def test_a_passive_cue_without_an_agent(
    blank_nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    tags: list[str],
    content: tuple[int, int],
    agentless: bool,
) -> None:
    doc = parsed(blank_nlp, words, heads, deps, tags)
    assert (PASSIVE_NO_AGENT in keys_of(doc, 3, content)) == agentless


def test_an_object_then_an_infinitive(blank_nlp: Language) -> None:
    # 'The win allowed Tarnby to reach the final.', read both ways the parser reads it
    words = ["The", "win", "allowed", "Tarnby", "to", "reach", "the", "final", "."]
    tags = ["DT", "NN", "VBD", "NNP", "TO", "VB", "DT", "NN", "."]
    as_object = parsed(
        blank_nlp,
        words,
        [1, 2, 2, 2, 5, 2, 7, 5, 2],
        ["det", "nsubj", "ROOT", "dobj", "aux", "xcomp", "det", "dobj", "punct"],
        tags,
    )
    as_subject = parsed(
        blank_nlp,
        words,
        [1, 2, 2, 5, 5, 2, 7, 5, 2],
        ["det", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "det", "dobj", "punct"],
        tags,
    )
    assert OBJECT_INFINITIVE in keys_of(as_object, 2, (3, 8))
    assert OBJECT_INFINITIVE in keys_of(as_subject, 2, (3, 8))


def test_an_infinitive_without_an_object_is_not_that_shape(blank_nlp: Language) -> None:
    words = ["Tarnby", "declined", "to", "comment", "."]
    doc = parsed(
        blank_nlp, words, [1, 1, 3, 1, 1], ["nsubj", "ROOT", "aux", "xcomp", "punct"], ["NNP", "VBD", "TO", "VB", "."]
    )
    assert keys_of(doc, 1, (2, 4)) == []
