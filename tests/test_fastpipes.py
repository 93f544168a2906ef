"""The faster lemmatizer and attribute ruler assign exactly what the plain pipes assign."""

from __future__ import annotations

import pickle

import pytest
from spacy.language import Language

from saidwhat.fastpipes import _IndexList, _is_memoizable, speed_up_pipes
from saidwhat.pipeline import _load_english

TEXTS = [
    "The mayors said they weren't going to build the bridges, but I'm sure you know better.",
    '"We ain\'t gonna stop," shouted the striking dockers, who have been walking out since May.',
    "Let's see: she's written three books and was running the city's best-loved bakeries.",
    "But the councillors argued that the libraries' budgets had already been cut twice.\n\nI disagree.",
]


def test_index_list_is_a_list_with_fast_membership() -> None:
    words = _IndexList(["bridge", "mayor"])
    assert "mayor" in words and "city" not in words
    assert list(words) == ["bridge", "mayor"]
    assert pickle.loads(pickle.dumps(list(words))) == ["bridge", "mayor"]


def test_patterns_with_quantifiers_or_other_keys_are_left_alone() -> None:
    assert _is_memoizable([[{"TAG": "NN"}], [{"LOWER": {"IN": ["a"]}}, {"DEP": "nsubj"}]])
    assert not _is_memoizable([[{"TAG": "NN", "OP": "+"}]])
    assert not _is_memoizable([[{"ENT_TYPE": "PERSON"}]])
    assert not _is_memoizable([[{"LOWER": {"FUZZY": "colour"}}]])


@pytest.mark.model
def test_fast_pipes_assign_the_same_attributes() -> None:
    plain, fast = _load_english("auto"), _load_english("auto")
    speed_up_pipes(fast)

    def attributes(nlp: Language) -> list[list[tuple[str, str, str, str]]]:
        docs = list(nlp.pipe(TEXTS * 2))  # twice: the memos answer the second time
        return [[(t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in docs]

    assert attributes(fast) == attributes(plain)
