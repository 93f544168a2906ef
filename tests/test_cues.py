"""Stage 4a, cues (extraction/cues.py): on hand-built parses, so that a model upgrade cannot change these tests."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.cues import find_cues, rule_cue_score, verb_group
from saidwhat.extraction.sources import find_source_token
from tests.parses import connor_said, parsed


def test_find_cues_finds_the_speech_verb_with_its_auxiliary(blank_nlp: Language) -> None:
    doc = connor_said(blank_nlp)
    cues = find_cues(doc, leading_adverb=True)
    assert [doc.text[slice(*cue.span)] for cue in cues] == ["has said"]
    assert verb_group(doc[3], leading_adverb=True) == cues[0].span


def _company_said_in_a_statement(nlp: Language) -> Doc:
    # "The company said in a statement that it would close ."
    return parsed(
        nlp,
        ["The", "company", "said", "in", "a", "statement", "that", "it", "would", "close", "."],
        [1, 2, 2, 2, 5, 3, 9, 9, 9, 2, 2],
        ["det", "nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "aux", "ccomp", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "PUNCT"],
        ["the", "company", "say", "in", "a", "statement", "that", "it", "would", "close", "."],
    )


def test_verb_group_takes_in_a_learned_phrase_after_the_verb(blank_nlp: Language) -> None:
    doc = _company_said_in_a_statement(blank_nlp)
    span = verb_group(doc[2], frozenset({"say|in a statement"}), leading_adverb=True)
    assert doc.text[slice(*span)] == "said in a statement"
    assert doc.text[slice(*verb_group(doc[2], leading_adverb=True))] == "said"


def test_rule_cue_score_say_scores_high_and_nouns_zero(blank_nlp: Language) -> None:
    doc = connor_said(blank_nlp)
    assert rule_cue_score(doc[3]) >= 0.9
    assert rule_cue_score(doc[1]) == 0.0


def test_find_cues_according_to_is_a_phrase_cue(blank_nlp: Language) -> None:
    # "According to Lopez , it is over ."
    doc = parsed(
        blank_nlp,
        ["According", "to", "Lopez", ",", "it", "is", "over", "."],
        [5, 0, 1, 5, 5, 5, 5, 5],
        ["prep", "prep", "pobj", "punct", "nsubj", "ROOT", "acomp", "punct"],
        ["VERB", "ADP", "PROPN", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"],
        ["accord", "to", "Lopez", ",", "it", "be", "over", "."],
    )
    (cue,) = find_cues(doc, leading_adverb=True)
    assert (doc.text[slice(*cue.span)], cue.phrase) == ("According to", True)
    source = find_source_token(cue, doc)
    assert source is not None and source.text == "Lopez"
