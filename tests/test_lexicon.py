"""The word lists (extraction/lexicon.py): each concept defined once, the relations between them."""

from __future__ import annotations

import ast
from pathlib import Path

from saidwhat.extraction import lexicon
from saidwhat.extraction.lexicon import (
    BELIEF_CUE_VERBS,
    BELIEF_VERBS,
    DEMONSTRATIVES,
    DESCRIPTION_DETERMINERS,
    HONORIFICS,
    NON_REPORT_VERBS,
    PEER_TITLES,
    POSSESSIVE_DETERMINERS,
    ROLE_FORMS,
    SAYING_VERBS,
    SPEECH_VERBS,
    SPOKESPERSON_WORDS,
    WEAK_SPEECH_VERBS,
)


def test_speech_verbs_are_the_verbs_of_saying_and_the_belief_verbs_that_may_be_cues() -> None:
    assert SPEECH_VERBS == SAYING_VERBS | BELIEF_CUE_VERBS
    assert BELIEF_CUE_VERBS <= BELIEF_VERBS and BELIEF_CUE_VERBS <= WEAK_SPEECH_VERBS


def test_no_verb_of_saying_is_a_belief_verb() -> None:
    assert not SAYING_VERBS & BELIEF_VERBS


def test_agree_is_a_verb_of_saying_that_the_default_conventions_count_as_no_report() -> None:
    assert "agree" in SAYING_VERBS and "agree" in NON_REPORT_VERBS
    assert BELIEF_VERBS <= NON_REPORT_VERBS


def test_a_word_shared_by_two_concepts_comes_from_one_list() -> None:
    assert PEER_TITLES <= HONORIFICS
    assert {"spokesman", "spokeswoman"} <= SPOKESPERSON_WORDS
    assert all(ROLE_FORMS[word] == "spokesman" for word in SPOKESPERSON_WORDS - {"spokesman"})
    assert DEMONSTRATIVES | POSSESSIVE_DETERMINERS <= DESCRIPTION_DETERMINERS


def test_every_list_has_a_comment_saying_where_it_comes_from() -> None:
    path = Path(lexicon.__file__)
    lines = path.read_text(encoding="utf-8").splitlines()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if not isinstance(node, ast.Assign) or not isinstance(node.targets[0], ast.Name):
            continue
        # the paragraph the list stands in opens with a comment
        first = node.lineno - 1
        while first > 0 and lines[first - 1].strip():
            first -= 1
        assert lines[first].startswith("#"), node.targets[0].id


def test_lists_hold_lowercase_words_without_spaces_at_either_end() -> None:
    for name in dir(lexicon):
        value = getattr(lexicon, name)
        if name.isupper() and isinstance(value, frozenset):
            assert all(word == word.strip().lower() and word for word in value), name
