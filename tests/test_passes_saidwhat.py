"""The passes of the default 'saidwhat' conventions (extraction/passes_saidwhat.py), through the English
pipeline, beside what the 'polnear' conventions draw."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat import Article, extract, load_settings
from saidwhat.extraction.cues import Cue
from saidwhat.extraction.drafts import DraftQuote
from saidwhat.extraction.passes_saidwhat import (
    ACT_CUE_MIN_SCORE,
    drop_leading_that,
    is_belief_or_perception,
    keep_names_only_in_sources,
    reports_words,
)
from tests.parses import hand_parse, lee_said_that

pytestmark = pytest.mark.model


def with_polnear_conventions(text: str) -> Article:
    return extract(text, settings=load_settings(overrides={"conventions": "polnear"}))


@pytest.mark.parametrize(
    "text",
    [
        "The club is considering a bid for the striker before the window closes.",
        "Jane Okafor has attempted to cool the row ahead of Sunday's final.",
        "Jane Okafor was named captain of the national team.",
    ],
)
def test_default_conventions_leave_out_an_act_that_polnear_marks_as_an_attribution(text: str) -> None:
    assert [quote.type for quote in with_polnear_conventions(text).quotes] == ["indirect"]
    assert extract(text).quotes == ()  # not words: the cue is no speech verb and scores under 0.6


def test_only_a_cue_that_is_no_speech_verb_needs_a_high_score_to_report_words(nlp: Language) -> None:
    doc = nlp("The mayor hinted the pier would reopen, and the board is considering a bid.")
    hinted, considering = (token.i for token in doc if token.text in ("hinted", "considering"))

    def kept(cue: int, score: float) -> bool:
        draft = DraftQuote("indirect", [(0, 5)], cue_token=cue)
        return reports_words(doc, draft, [Cue(cue, (0, 1), score)])

    assert kept(hinted, 0.35)
    assert not kept(considering, ACT_CUE_MIN_SCORE - 0.01)
    assert kept(considering, ACT_CUE_MIN_SCORE)


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        ("The mayor said that the bridge would close.", "the bridge would close", "that the bridge would close"),
        ('Okafor said that the plan was "dead" after the vote.', 'the plan was "dead" after the vote', None),
        ("He said that that was the end of it.", "that was the end of it", "that that was the end of it"),
    ],
)
def test_default_conventions_start_a_reported_clause_after_its_that_and_polnear_at_it(
    text: str, ours: str, theirs: str | None
) -> None:
    assert [quote.contents[0].text for quote in extract(text).quotes] == [ours]
    if theirs is not None:
        assert [quote.contents[0].text for quote in with_polnear_conventions(text).quotes] == [theirs]


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ("Roads Minister Petra Haldrow said the plan was sound.", "Petra Haldrow"),
        ("Lantern Street star Maya Okafor said she was thrilled.", "Maya Okafor"),
        ("Mr Galmard said rates would rise.", "Mr Galmard"),
        ("The harbour board said the pier would reopen.", "The harbour board"),
    ],
)
def test_default_conventions_name_a_source_without_the_words_that_describe_it(text: str, ours: str) -> None:
    assert [quote.sources[0].text for quote in extract(text).quotes] == [ours]
    if ours == "Maya Okafor":
        (theirs,) = with_polnear_conventions(text).quotes
        assert theirs.sources[0].text == "Lantern Street star Maya Okafor"


@pytest.mark.parametrize(
    ("text", "ours", "theirs"),
    [
        ("The actor also discussed the pressure of a second series.", "discussed", "also discussed"),
        ("The mayor has also said the pier would reopen.", "has also said", "has also said"),
    ],
)
def test_default_conventions_leave_an_adverb_before_the_verb_group_out_of_the_cue(
    text: str, ours: str, theirs: str
) -> None:
    assert [quote.cue.text for quote in extract(text).quotes if quote.cue] == [ours]
    assert [quote.cue.text for quote in with_polnear_conventions(text).quotes if quote.cue] == [theirs]


@pytest.mark.parametrize(
    "text",
    [
        "Residents agree that the bridge is too narrow.",
        "Some fans wondered if the club would ever win again.",
        "The senator criticised the new budget, which is due to be published on Friday.",
    ],
)
def test_default_conventions_report_no_agreement_wondering_or_criticism_of_a_thing(text: str) -> None:
    assert extract(text).quotes == ()


def test_default_conventions_keep_a_reported_clause_the_parser_hung_under_a_noun() -> None:
    text = (
        "The many different safety systems built into the old lifts meant there was no chance that a fault "
        "could cause them to start moving on their own, she said."
    )
    (quote,) = extract(text).quotes
    assert quote.contents[0].text.startswith("The many different safety systems")


def test_default_conventions_list_no_scare_quote_but_a_quoted_word_beside_a_cue() -> None:
    assert extract('The play is a spoof of the so-called "smart" set of the town.').quotes == ()
    text = 'On the show\'s warmth and "fuzziness", Okafor commented: "It is lovely to be part of it."'
    assert [(quote.type, quote.contents[0].text) for quote in extract(text).quotes] == [
        ("partial", '"fuzziness"'),
        ("direct", '"It is lovely to be part of it."'),
    ]


@pytest.mark.parametrize(
    ("text", "cue", "sources"),
    [
        (
            'The new bridge was described by the mayor as the "most important crossing in the county".',
            "was described",
            ["the mayor"],
        ),
        ('Quill is described as a "sculptor and part-time baker".', "is described", []),
    ],
)
def test_default_conventions_give_a_passive_cue_to_the_quoted_words_it_reports(
    text: str, cue: str, sources: list[str]
) -> None:
    (quote,) = extract(text).quotes
    assert quote.type == "partial" and quote.cue is not None and quote.cue.text == cue
    assert [source.text for source in quote.sources] == sources


def test_default_conventions_leave_out_the_question_put_to_a_speaker() -> None:
    (quote,) = extract("Asked about the delays, the mayor said the bridge would reopen in May.").quotes
    assert quote.cue is not None and (quote.cue.text, quote.contents[0].text) == (
        "said",
        "the bridge would reopen in May",
    )


def test_default_conventions_keep_one_report_for_a_relative_clause_inside_another() -> None:
    text = "Okafor says she is tied for second place, a finish that she said defied every poll."
    (quote,) = extract(text).quotes
    assert quote.sources[0].text == "Okafor"


# --- on hand-built parses ---------------------------------------------------------------------------------


def test_drop_leading_that_starts_a_reported_clause_after_the_that_that_opens_it(blank_nlp: Language) -> None:
    doc = lee_said_that(blank_nlp)
    draft = DraftQuote("indirect", [(9, len(doc.text) - 1)], cue=(4, 8), cue_token=1)
    (kept,) = drop_leading_that(doc, [draft])
    assert doc.text[slice(*kept.contents[0])] == "the pier would reopen"


def test_keep_names_only_in_sources_keeps_the_name_and_an_honorific_before_it(blank_nlp: Language) -> None:
    from spacy.tokens import Span

    # "Housing Minister Mr Lund said it ."
    doc = hand_parse(
        blank_nlp,
        [
            ("Housing", True, 1, "compound", "PROPN", "NNP", "Housing"),
            ("Minister", True, 3, "compound", "PROPN", "NNP", "Minister"),
            ("Mr", True, 3, "compound", "PROPN", "NNP", "Mr"),
            ("Lund", True, 4, "nsubj", "PROPN", "NNP", "Lund"),
            ("said", True, 4, "ROOT", "VERB", "VBD", "say"),
            ("it", False, 4, "dobj", "PRON", "PRP", "it"),
            (".", False, 4, "punct", "PUNCT", ".", "."),
        ],
    )
    doc.ents = [Span(doc, 3, 4, label="PERSON")]
    draft = DraftQuote("indirect", [(30, 32)], cue=(25, 29), sources=[(0, 24)], cue_token=4, source_token=3)
    (kept,) = keep_names_only_in_sources(doc, [draft])
    assert [doc.text[slice(*source)] for source in kept.sources] == ["Mr Lund"]


def test_keep_names_only_in_sources_takes_the_name_in_apposition_to_a_description(blank_nlp: Language) -> None:
    from spacy.tokens import Span

    # "His agent Ola Brandt said it ."
    doc = hand_parse(
        blank_nlp,
        [
            ("His", True, 1, "poss", "PRON", "PRP$", "his"),
            ("agent", True, 4, "nsubj", "NOUN", "NN", "agent"),
            ("Ola", True, 3, "compound", "PROPN", "NNP", "Ola"),
            ("Brandt", True, 1, "appos", "PROPN", "NNP", "Brandt"),
            ("said", True, 4, "ROOT", "VERB", "VBD", "say"),
            ("it", False, 4, "dobj", "PRON", "PRP", "it"),
            (".", False, 4, "punct", "PUNCT", ".", "."),
        ],
    )
    doc.ents = [Span(doc, 2, 4, label="PERSON")]
    draft = DraftQuote("indirect", [(27, 29)], cue=(22, 26), sources=[(0, 9)], cue_token=4, source_token=1)
    (kept,) = keep_names_only_in_sources(doc, [draft])
    assert [doc.text[slice(*source)] for source in kept.sources] == ["Ola Brandt"]
    assert kept.source_token == 3


def test_keep_names_only_in_sources_keeps_the_before_a_name(blank_nlp: Language) -> None:
    from spacy.tokens import Span

    # "Later the Harbour Board said it ."
    doc = hand_parse(
        blank_nlp,
        [
            ("Later", True, 4, "advmod", "ADV", "RB", "later"),
            ("the", True, 3, "det", "DET", "DT", "the"),
            ("Harbour", True, 3, "compound", "PROPN", "NNP", "Harbour"),
            ("Board", True, 4, "nsubj", "PROPN", "NNP", "Board"),
            ("said", True, 4, "ROOT", "VERB", "VBD", "say"),
            ("it", False, 4, "dobj", "PRON", "PRP", "it"),
            (".", False, 4, "punct", "PUNCT", ".", "."),
        ],
    )
    doc.ents = [Span(doc, 2, 4, label="ORG")]
    draft = DraftQuote("indirect", [(29, 31)], cue=(24, 28), sources=[(6, 23)], cue_token=4, source_token=3)
    (kept,) = keep_names_only_in_sources(doc, [draft])
    assert [doc.text[slice(*source)] for source in kept.sources] == ["the Harbour Board"]


@pytest.mark.parametrize(("verb", "tag"), [("hopes", "VBZ"), ("hoped", "VBD")])
def test_a_belief_verb_is_no_report_even_where_the_lemmatizer_misreads_it(
    blank_nlp: Language, verb: str, tag: str
) -> None:
    doc = hand_parse(
        blank_nlp,
        [
            ("Lee", True, 1, "nsubj", "PROPN", "NNP", "Lee"),
            (verb, True, 1, "ROOT", "VERB", tag, "hop"),
            ("so", False, 1, "advmod", "ADV", "RB", "so"),
        ],
    )
    assert is_belief_or_perception(doc[1])
    assert not is_belief_or_perception(doc[0])


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The union urged ministers to rethink the levy.", "to rethink the levy"),
        ("Ada Moss called on the council to reopen the baths.", "to reopen the baths"),
        ("Ada Moss warned the mayor not to raise fares.", "not to raise fares"),
    ],
)
def test_the_one_urged_is_left_out_of_what_was_said(text: str, content: str) -> None:
    (quote,) = extract(text).quotes
    assert [part.text for part in quote.contents] == [content]


def test_an_object_of_the_reported_clause_stays_in_it() -> None:
    (quote,) = extract("Ada Moss said the plan was dead.").quotes
    assert quote.contents[0].text == "the plan was dead"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('Critics called it "the gentlest film of the year."', '"the gentlest film of the year."'),
        ('She described Ms Lund as "a fighter" on Sunday.', '"a fighter"'),
        ('He described the third film as "bigger and darker."', '"bigger and darker."'),
        ('Pell called the merger "a disaster" for staff.', '"a disaster"'),
    ],
)
def test_the_thing_named_is_left_out_of_the_quoted_words(text: str, content: str) -> None:
    (quote,) = extract(text).quotes
    assert (quote.type, [part.text for part in quote.contents]) == ("partial", [content])
