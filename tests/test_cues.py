"""Cues and sources on hand-built parses, so that a model upgrade cannot change these tests."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.attribute import find_source_token, mention_bounds
from saidwhat.cues import find_cues, rule_cue_score, verb_group


def parsed(
    nlp: Language, words: list[str], heads: list[int], deps: list[str], pos: list[str], lemmas: list[str]
) -> Doc:
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", ":") for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def _connor_said(nlp: Language) -> Doc:
    # "Kit Connor has said it was fine ."
    return parsed(
        nlp,
        ["Kit", "Connor", "has", "said", "it", "was", "fine", "."],
        [1, 3, 3, 3, 5, 3, 5, 3],
        ["compound", "nsubj", "aux", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
        ["PROPN", "PROPN", "AUX", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
        ["Kit", "Connor", "have", "say", "it", "be", "fine", "."],
    )


def test_find_cues_finds_the_speech_verb_with_its_auxiliary(blank_nlp: Language) -> None:
    doc = _connor_said(blank_nlp)
    cues = find_cues(doc)
    assert [doc.text[slice(*cue.span)] for cue in cues] == ["has said"]
    assert verb_group(doc[3]) == cues[0].span


def test_rule_cue_score_say_scores_high_and_nouns_zero(blank_nlp: Language) -> None:
    doc = _connor_said(blank_nlp)
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
    (cue,) = find_cues(doc)
    assert (doc.text[slice(*cue.span)], cue.phrase) == ("According to", True)
    source = find_source_token(cue, doc)
    assert source is not None and source.text == "Lopez"


def test_find_source_token_is_the_subject_and_mention_covers_the_name(blank_nlp: Language) -> None:
    doc = _connor_said(blank_nlp)
    (cue,) = find_cues(doc)
    source = find_source_token(cue, doc)
    assert source is not None and source.text == "Connor"
    start, end = mention_bounds(source)
    assert doc[start:end].text == "Kit Connor"


def test_mention_bounds_leave_out_a_relative_clause(blank_nlp: Language) -> None:
    # "Connor , who plays Nick , said it ."
    doc = parsed(
        blank_nlp,
        ["Connor", ",", "who", "plays", "Nick", ",", "said", "it", "."],
        [6, 0, 3, 0, 3, 0, 6, 6, 6],
        ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "dobj", "punct"],
        ["PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"],
        ["Connor", ",", "who", "play", "Nick", ",", "say", "it", "."],
    )
    start, end = mention_bounds(doc[0])
    assert doc[start:end].text == "Connor"


def test_a_word_of_the_quote_is_never_its_source(blank_nlp: Language) -> None:
    from saidwhat.attribute import attribute_marked_quotes
    from saidwhat.marks import find_quoted_runs
    from saidwhat.quotes import draft_marked_quotes

    # '"We will win," Chief Tom Reyes said.', parsed with "We" as the subject of "said"
    words = ['"', "We", "will", "win", ",", '"', "Chief", "Tom", "Reyes", "said", "."]
    spaces = [False, True, True, False, False, True, True, True, True, False, False]
    heads = [9, 9, 3, 9, 3, 9, 8, 8, 9, 9, 9]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "compound", "compound", "npadvmod", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    lemmas = ['"', "we", "will", "win", ",", '"', "Chief", "Tom", "Reyes", "say", "."]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    runs, _ = find_quoted_runs(doc.text)
    drafts = draft_marked_quotes(doc.text, runs)
    attribute_marked_quotes(doc, drafts, find_cues(doc))
    assert [[doc.text[slice(*source)] for source in draft.sources] for draft in drafts] == [["Chief Tom Reyes"]]
