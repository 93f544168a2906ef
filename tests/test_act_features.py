"""An act reported as if it were speech: the grammar the quote decision weighs (learn/act_features.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.drafts import DraftQuote
from saidwhat.learn.act_features import ACT_NOT_SAID, OBJECT_INFINITIVE, OBJECT_NOT_SAID, PASSIVE_NO_AGENT, act_keys
from saidwhat.learn.quoteness import is_ruled_out


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
        # a finite verb inside the infinitive's own clause does not make a report of it
        ["Tarnby", "decided", "to", "act", "before", "the", "vote", "was", "held", "."],
        [1, 1, 3, 1, 8, 6, 8, 8, 3, 1],
        ["nsubj", "ROOT", "aux", "xcomp", "mark", "det", "nsubjpass", "auxpass", "advcl", "punct"],
        ["NNP", "VBD", "TO", "VB", "IN", "DT", "NN", "VBD", "VBN", "."],
        ["Tarnby", "decide", "to", "act", "before", "the", "vote", "be", "hold", "."],
        1,
        (2, 9),
        True,
    ),
    (
        # a noun with a clause of its own may name what was said: left to the model
        ["Ms", "Roe", "rejected", "speculation", "that", "she", "would", "stand", "."],
        [1, 2, 2, 2, 7, 7, 7, 3, 2],
        ["compound", "nsubj", "ROOT", "dobj", "mark", "nsubj", "aux", "acl", "punct"],
        ["NNP", "NNP", "VBD", "NN", "IN", "PRP", "MD", "VB", "."],
        ["Ms", "Roe", "reject", "speculation", "that", "she", "would", "stand", "."],
        2,
        (3, 8),
        False,
    ),
    (
        # a clause before its cue, headed by the sentence's root
        ["Prices", "rose", ",", "the", "survey", "found", "."],
        [1, 1, 1, 4, 5, 1, 1],
        ["nsubj", "ROOT", "punct", "det", "nsubj", "parataxis", "punct"],
        ["NNS", "VBD", ",", "DT", "NN", "VBD", "."],
        ["price", "rise", ",", "the", "survey", "find", "."],
        5,
        (0, 2),
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


# (words, heads, deps, tags, lemmas, content tokens, reports nothing): a verb of saying that does not name what was
# said by its object ('praised her deputy for his role') reports no words through a noun phrase; a clause, a
# preposition naming the matter ('told them of') or a 'for' with a gerund ('criticised the board for failing to
# act') leaves the quote to the model. The cue is the third word.
OBJECTS = [
    (
        ["Ms", "Roe", "praised", "her", "deputy", "for", "his", "role", "."],
        [1, 2, 2, 4, 2, 2, 7, 5, 2],
        ["compound", "nsubj", "ROOT", "poss", "dobj", "prep", "poss", "pobj", "punct"],
        ["NNP", "NNP", "VBD", "PRP$", "NN", "IN", "PRP$", "NN", "."],
        ["Ms", "Roe", "praise", "her", "deputy", "for", "his", "role", "."],
        (3, 8),
        True,
    ),
    (
        ["The", "Owls", "conceded", "six", "goals", "."],
        [1, 2, 2, 4, 2, 2],
        ["det", "nsubj", "ROOT", "nummod", "dobj", "punct"],
        ["DT", "NNPS", "VBD", "CD", "NNS", "."],
        ["the", "Owls", "concede", "six", "goal", "."],
        (3, 5),
        True,
    ),
    (
        # a plural object the tagger reads as a verb in the present
        ["Ms", "Tarn", "added", "tries", "to", "the", "tally", "."],
        [1, 2, 2, 2, 3, 6, 4, 2],
        ["compound", "nsubj", "ROOT", "dobj", "prep", "det", "pobj", "punct"],
        ["NNP", "NNP", "VBD", "VBZ", "IN", "DT", "NN", "."],
        ["Ms", "Tarn", "add", "try", "to", "the", "tally", "."],
        (3, 7),
        True,
    ),
    (
        ["Ms", "Roe", "told", "them", "of", "her", "decision", "."],
        [1, 2, 2, 2, 2, 6, 4, 2],
        ["compound", "nsubj", "ROOT", "dobj", "prep", "poss", "pobj", "punct"],
        ["NNP", "NNP", "VBD", "PRP", "IN", "PRP$", "NN", "."],
        ["Ms", "Roe", "tell", "they", "of", "her", "decision", "."],
        (3, 7),
        False,
    ),
    (
        ["Ms", "Roe", "criticised", "the", "board", "for", "failing", "to", "act", "."],
        [1, 2, 2, 4, 2, 2, 5, 8, 6, 2],
        ["compound", "nsubj", "ROOT", "det", "dobj", "prep", "pcomp", "aux", "xcomp", "punct"],
        ["NNP", "NNP", "VBD", "DT", "NN", "IN", "VBG", "TO", "VB", "."],
        ["Ms", "Roe", "criticise", "the", "board", "for", "fail", "to", "act", "."],
        (3, 9),
        False,
    ),
    (
        # the matter named after the second of two objects ('accused the board and the mayor of ...')
        ["Ms", "Roe", "accused", "Tarn", "and", "Lind", "of", "bias", "."],
        [1, 2, 2, 2, 3, 3, 5, 6, 2],
        ["compound", "nsubj", "ROOT", "dobj", "cc", "conj", "prep", "pobj", "punct"],
        ["NNP", "NNP", "VBD", "NNP", "CC", "NNP", "IN", "NN", "."],
        ["Ms", "Roe", "accuse", "Tarn", "and", "Lind", "of", "bias", "."],
        (3, 8),
        False,
    ),
    (
        ["Ms", "Roe", "attacked", "the", "plan", "as", "costly", "."],
        [1, 2, 2, 4, 2, 2, 5, 2],
        ["compound", "nsubj", "ROOT", "det", "dobj", "prep", "amod", "punct"],
        ["NNP", "NNP", "VBD", "DT", "NN", "IN", "JJ", "."],
        ["Ms", "Roe", "attack", "the", "plan", "as", "costly", "."],
        (3, 7),
        False,
    ),
    (
        # a clause the parser reads as a noun phrase ('the scheme [aimed] to ...'): a verb in it, left to the model
        ["Ms", "Roe", "said", "the", "scheme", "aimed", "to", "grow", "."],
        [1, 2, 2, 4, 2, 4, 7, 5, 2],
        ["compound", "nsubj", "ROOT", "det", "dobj", "acl", "aux", "xcomp", "punct"],
        ["NNP", "NNP", "VBD", "DT", "NN", "VBN", "TO", "VB", "."],
        ["Ms", "Roe", "say", "the", "scheme", "aim", "to", "grow", "."],
        (3, 8),
        False,
    ),
    (
        ["Ms", "Roe", "said", "the", "board", "failed", "."],
        [1, 2, 2, 4, 5, 2, 2],
        ["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
        ["NNP", "NNP", "VBD", "DT", "NN", "VBD", "."],
        ["Ms", "Roe", "say", "the", "board", "fail", "."],
        (3, 6),
        False,
    ),
]


# Every row of both tables, with the veto it checks (the cue of an OBJECTS row is its third word).
VETOES = [(*row, ACT_NOT_SAID) for row in ACTS] + [(*row[:5], 2, *row[5:], OBJECT_NOT_SAID) for row in OBJECTS]


@pytest.mark.parametrize(("words", "heads", "deps", "tags", "lemmas", "cue", "content", "vetoed", "key"), VETOES)
def test_an_act_or_an_object_is_no_report(
    blank_nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    tags: list[str],
    lemmas: list[str],
    cue: int,
    content: tuple[int, int],
    vetoed: bool,
    key: str,
) -> None:
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas)
    keys = keys_of(doc, cue, content)
    assert (key in keys) == vetoed
    assert is_ruled_out(keys) == vetoed
