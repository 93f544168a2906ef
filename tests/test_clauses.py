"""Stage 4c, reported clauses (extraction/clauses.py), on hand-built parses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.clauses import find_indirect_quotes
from saidwhat.extraction.cues import Cue
from tests.parses import parsed


def _reports(doc: Doc, cue_tokens: list[int]) -> list[tuple[str, str, str]]:
    """(source, cue, content) of the rule-drawn reported clause of each cue token, as text."""
    cues = [Cue(i, (doc[i].idx, doc[i].idx + len(doc[i].text)), 0.9) for i in cue_tokens]
    found = find_indirect_quotes(doc, cues, [])
    return [
        (doc.text[slice(*q.sources[0])], doc.text[slice(*q.cue)], doc.text[slice(*q.contents[0])])
        for q in found
        if q.cue is not None
    ]


def test_a_verb_of_another_tense_joined_inside_the_reported_clause_is_the_speakers_next_report(
    blank_nlp: Language,
) -> None:
    # "Okafor complained the council had ignored him and questioned the mayor ." with 'questioned'
    # hung from 'ignored', as the parser does
    doc = parsed(
        blank_nlp,
        ["Okafor", "complained", "the", "council", "had", "ignored", "him", "and", "questioned", "the", "mayor", "."],
        [1, 1, 3, 5, 5, 1, 5, 5, 5, 10, 8, 1],
        ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "dobj", "cc", "conj", "det", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PRON", "CCONJ", "VERB", "DET", "NOUN", "PUNCT"],
        ["Okafor", "complain", "the", "council", "have", "ignore", "he", "and", "question", "the", "mayor", "."],
        tags=["NNP", "VBD", "DT", "NN", "VBD", "VBN", "PRP", "CC", "VBD", "DT", "NN", "."],
    )
    assert _reports(doc, [1, 8]) == [
        ("Okafor", "complained", "the council had ignored him"),
        ("Okafor", "questioned", "the mayor"),
    ]


def test_a_verb_in_another_tense_than_the_speech_verb_stays_in_the_reported_clause(blank_nlp: Language) -> None:
    # "She said she is glad it went well and looks forward ." with 'looks' hung from 'went': it goes
    # on from 'is glad', not from 'said'
    doc = parsed(
        blank_nlp,
        ["She", "said", "she", "is", "glad", "it", "went", "well", "and", "looks", "forward", "."],
        [1, 1, 3, 1, 3, 6, 4, 6, 6, 6, 9, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "nsubj", "ccomp", "advmod", "cc", "conj", "advmod", "punct"],
        ["PRON", "VERB", "PRON", "AUX", "ADJ", "PRON", "VERB", "ADV", "CCONJ", "VERB", "ADV", "PUNCT"],
        ["she", "say", "she", "be", "glad", "it", "go", "well", "and", "look", "forward", "."],
        tags=["PRP", "VBD", "PRP", "VBZ", "JJ", "PRP", "VBD", "RB", "CC", "VBZ", "RB", "."],
    )
    assert _reports(doc, [1])[0] == ("She", "said", "she is glad it went well and looks forward")
    assert _reports(doc, [1, 9])[0] == ("She", "said", "she is glad it went well and looks forward")


def test_learned_bounds_that_end_before_the_clause_verb_take_the_clause_of_the_grammar(blank_nlp: Language) -> None:
    # "Lind said the vote - due in May - would be close ." with bounds that stop at 'the vote', as the
    # learned boundary scorer may do at a dash
    doc = parsed(
        blank_nlp,
        ["Lind", "said", "the", "vote", "-", "due", "in", "May", "-", "would", "be", "close", "."],
        [1, 1, 3, 10, 3, 3, 5, 6, 3, 10, 1, 10, 1],
        ["nsubj", "ROOT", "det", "nsubj", "punct", "amod", "prep", "pobj", "punct", "aux", "ccomp", "acomp", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "PUNCT", "ADJ", "ADP", "PROPN", "PUNCT", "AUX", "AUX", "ADJ", "PUNCT"],
        ["Lind", "say", "the", "vote", "-", "due", "in", "May", "-", "would", "be", "close", "."],
        tags=["NNP", "VBD", "DT", "NN", ":", "JJ", "IN", "NNP", ":", "MD", "VB", "JJ", "."],
    )
    cues = [Cue(1, (doc[1].idx, doc[1].idx + 4), 0.9)]
    found = find_indirect_quotes(doc, cues, [], lambda doc, token: (2, 4))
    assert [doc.text[slice(*q.contents[0])] for q in found] == ["the vote - due in May - would be close"]
