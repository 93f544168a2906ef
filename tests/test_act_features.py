"""An act reported as if it were speech: the grammar the quote decision weighs (learn/act_features.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.drafts import DraftQuote
from saidwhat.learn.act_features import ACT_NOT_SAID, OBJECT_INFINITIVE, PASSIVE_NO_AGENT, act_keys


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
    assert OBJECT_INFINITIVE not in keys_of(doc, 1, (2, 4))
    assert PASSIVE_NO_AGENT not in keys_of(doc, 1, (2, 4))


# (words, heads, deps, tags, lemmas, cue, content tokens, names an act): a verb that is no verb of saying reports
# words only through a finite clause; with an infinitive, a gerund or a noun phrase it names an act. An object and
# an infinitive ('backed Tarnby to win') are left to the model.
ACTS = [
    (
        ["Tarnby", "declined", "to", "comment", "."],
        [1, 1, 3, 1, 1],
        ["nsubj", "ROOT", "aux", "xcomp", "punct"],
        ["NNP", "VBD", "TO", "VB", "."],
        ["Tarnby", "decline", "to", "comment", "."],
        1,
        (2, 4),
        True,
    ),
    (
        ["The", "firm", "is", "considering", "closing", "the", "mill", "."],
        [1, 3, 3, 3, 3, 6, 4, 3],
        ["det", "nsubj", "aux", "ROOT", "xcomp", "det", "dobj", "punct"],
        ["DT", "NN", "VBZ", "VBG", "VBG", "DT", "NN", "."],
        ["the", "firm", "be", "consider", "close", "the", "mill", "."],
        3,
        (4, 7),
        True,
    ),
    (
        ["The", "survey", "found", "prices", "rose", "."],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        ["DT", "NN", "VBD", "NNS", "VBD", "."],
        ["the", "survey", "find", "price", "rise", "."],
        2,
        (3, 5),
        False,
    ),
    (
        ["The", "coach", "backed", "Tarnby", "to", "win", "."],
        [1, 2, 2, 2, 5, 2, 2],
        ["det", "nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"],
        ["DT", "NN", "VBD", "NNP", "TO", "VB", "."],
        ["the", "coach", "back", "Tarnby", "to", "win", "."],
        2,
        (3, 6),
        False,
    ),
    (
        ["Ms", "Lind", "announced", "new", "fares", "."],
        [1, 2, 2, 4, 2, 2],
        ["compound", "nsubj", "ROOT", "amod", "dobj", "punct"],
        ["NNP", "NNP", "VBD", "JJ", "NNS", "."],
        ["Ms", "Lind", "announce", "new", "fare", "."],
        2,
        (3, 5),
        False,
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "tags", "lemmas", "cue", "content", "act"), ACTS)
def test_a_verb_of_no_saying_without_a_clause_names_an_act(
    blank_nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    tags: list[str],
    lemmas: list[str],
    cue: int,
    content: tuple[int, int],
    act: bool,
) -> None:
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
    assert (ACT_NOT_SAID in keys_of(doc, cue, content)) == act


def test_words_in_quotation_marks_are_someones_whatever_the_verb(blank_nlp: Language) -> None:
    words = ['"', "Never", ",", '"', "Ada", "shrugged", "."]
    doc = Doc(
        blank_nlp.vocab,
        words=words,
        heads=[5, 5, 5, 5, 5, 5, 5],
        deps=["punct", "ccomp", "punct", "punct", "nsubj", "ROOT", "punct"],
        tags=["``", "RB", ",", "''", "NNP", "VBD", "."],
        lemmas=['"', "never", ",", '"', "Ada", "shrug", "."],
    )
    draft = DraftQuote(type="direct", contents=[(0, doc[3].idx + 1)], cue_token=5)
    assert ACT_NOT_SAID not in act_keys(doc, draft)
