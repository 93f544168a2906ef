"""The passes of the 'polnear' conventions (extraction/passes_polnear.py), through the English pipeline,
beside what the default conventions draw."""

from __future__ import annotations

import pytest
from spacy.language import Language

from saidwhat import Article, extract, load_settings
from saidwhat.extraction.drafts import DraftQuote
from saidwhat.extraction.passes_polnear import drop_uncued_partials, trim_trailing_relative_clauses
from tests.parses import parsed

pytestmark = pytest.mark.model


def with_polnear_conventions(text: str) -> Article:
    return extract(text, settings=load_settings(overrides={"conventions": "polnear"}))


def test_polnear_conventions_join_continuations_and_keep_appositives(nlp: Language) -> None:
    text = (
        '"We shoot at night," said Maya Okafor, the star of the show. "The crew are incredible."\n'
        "Nothing else happened."
    )
    ours = extract(text, nlp=nlp)
    theirs = with_polnear_conventions(text)
    assert [len(q.contents) for q in ours.quotes if q.type == "direct"] == [1, 1]
    assert [q.sources[0].text for q in ours.quotes if q.sources] == ["Maya Okafor"]
    (joined,) = [q for q in theirs.quotes if q.type == "direct"]
    assert len(joined.contents) == 2
    assert joined.sources[0].text == "Maya Okafor, the star of the show"


def test_polnear_conventions_mark_a_relative_pronoun_as_the_source() -> None:
    text = "The plan was backed by Maya Okafor, who said the bridge would reopen in May."
    theirs = with_polnear_conventions(text)
    quote = next(q for q in theirs.quotes if q.cue and q.cue.text == "said")
    assert quote.sources[0].text == "who"
    assert theirs.speaker_of(quote).name == "Maya Okafor"


def test_polnear_conventions_keep_the_closing_bracket_of_a_source() -> None:
    text = '"The bridge must reopen," Sen. Maya Okafor (D-Ore.) said.'
    theirs = with_polnear_conventions(text)
    assert [q.sources[0].text for q in theirs.quotes] == ["Sen. Maya Okafor (D-Ore.)"]


def test_polnear_conventions_a_passive_cue_reports_its_subject_and_complement() -> None:
    expected = with_polnear_conventions("The bridge is expected to reopen in May.")
    assert [[span.text for span in q.contents] for q in expected.quotes] == [["The bridge", "to reopen in May"]]
    # with a clause, the subject is whom it was said to
    warned = with_polnear_conventions("The council was warned that the bridge would fail.")
    assert [[span.text for span in q.contents] for q in warned.quotes] == [["that the bridge would fail"]]


def test_polnear_conventions_join_a_continuation_to_the_reported_clause_before_its_cue() -> None:
    text = 'The bridge may stay shut until May, Maya Okafor said. "We cannot rush the repairs."\nNothing else.'
    theirs = with_polnear_conventions(text)
    assert [(q.type, [span.text for span in q.contents]) for q in theirs.quotes] == [
        ("mixed", ["The bridge may stay shut until May", '"We cannot rush the repairs."'])
    ]


def test_polnear_conventions_keep_a_who_clause_in_the_source() -> None:
    text = "Maya Okafor, who runs the bakery, said the bridge would reopen."
    theirs = with_polnear_conventions(text)
    assert [q.sources[0].text for q in theirs.quotes] == ["Maya Okafor, who runs the bakery,"]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        pytest.param(
            '"We shoot at night," Maya Okafor said, adding that the crew never sleeps. '
            '"The crew are incredible."\nNothing else happened.',
            ['"We shoot at night,"', '"The crew are incredible."'],
            id="over-the-speakers-own-clause",
        ),
        pytest.param(
            '"The harbour is a cynical place," said Tom Reyes, a developer in Ohio, who introduced Ann Lee to '
            'his bankers. "But people lean forward."\nNothing else.',
            ['"The harbour is a cynical place,"', '"But people lean forward."'],
            id="over-a-clause-describing-the-speaker",
        ),
    ],
)
def test_polnear_conventions_join_a_continuation_to_its_quote(text: str, contents: list[str]) -> None:
    (joined,) = [q for q in with_polnear_conventions(text).quotes if q.type == "direct"]
    assert [span.text for span in joined.contents] == contents


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        pytest.param(
            'Okafor called him a gifted mediator. "He proved time after time that he could settle disputes '
            "nobody else could settle.\"",
            [
                "him a gifted mediator",
                '"He proved time after time that he could settle disputes nobody else could settle."',
            ],
            id="to-the-reported-clause-before-it",
        ),
        pytest.param(
            '"Hearings are not a choice," panel Chairman Tom Reyes said after Okafor failed to attend the '
            'second hearing. "Okafor is a crucial witness in this investigation."',
            ['"Hearings are not a choice,"', '"Okafor is a crucial witness in this investigation."'],
            id="over-a-clause-of-its-own-attribution",
        ),
    ],
)
def test_polnear_conventions_join_a_continuation_in_the_same_paragraph(text: str, contents: list[str]) -> None:
    joined = [q for q in with_polnear_conventions(text).quotes if len(q.contents) > 1]
    assert [[span.text for span in q.contents] for q in joined] == [contents]


def test_polnear_conventions_start_a_quote_after_that_at_that() -> None:
    text = 'The mayor wrote that, "For those who doubt me, I will be there at three in the morning!"'
    (quote,) = with_polnear_conventions(text).quotes
    assert (quote.type, quote.contents[0].text[:9]) == ("mixed", 'that, "Fo')


def test_polnear_conventions_run_a_that_clause_on_after_its_closing_mark() -> None:
    text = 'A spokeswoman said that, "Of course Okafor will defend himself" against what she sees as an attack.'
    (quote,) = with_polnear_conventions(text).quotes
    assert [span.text for span in quote.contents] == [
        'that, "Of course Okafor will defend himself" against what she sees as an attack'
    ]


def test_polnear_conventions_list_a_report_in_a_relative_clause_beside_the_one_around_it() -> None:
    text = "Okafor says she is tied for second place, a finish that she said defied every poll."
    outer, inner = with_polnear_conventions(text).quotes
    assert outer.sources[0].text == "Okafor" and outer.contents[0].text.endswith("defied every poll")
    assert (inner.cue.text if inner.cue else None, inner.sources[0].text, [c.text for c in inner.contents]) == (
        "said",
        "she",
        ["that", "defied every poll"],  # PolNeAR's content starts at the relative pronoun
    )


def test_polnear_conventions_list_a_report_of_a_who_clause_beside_the_one_around_it() -> None:
    text = "The mayor said the plan was backed by Jane Okafor, who argued that the pier needed repairs."
    quotes = with_polnear_conventions(text).quotes
    assert [
        (q.cue.text if q.cue else None, [s.text for s in q.sources], [c.text for c in q.contents]) for q in quotes
    ] == [
        ("said", ["The mayor"], ["the plan was backed by Jane Okafor"]),
        ("argued", ["who"], ["that the pier needed repairs"]),  # PolNeAR's source is the pronoun
    ]


def test_polnear_conventions_list_a_sure_report_inside_another_beside_it() -> None:
    text = "The council said in a statement that Okafor told reporters on Monday the bridge would reopen."
    outer, inner = with_polnear_conventions(text).quotes
    assert [span.text for span in outer.sources] == ["The council"]
    assert (inner.cue.text if inner.cue else None, inner.sources[0].text, inner.contents[0].text) == (
        "told",
        "Okafor",
        "the bridge would reopen",
    )
    # saidwhat's own conventions list what the council said, once
    (quote,) = extract(text).quotes
    assert [span.text for span in quote.sources] == ["The council"]


def test_polnear_conventions_go_on_from_a_relative_pronoun_to_what_the_cue_calls_it() -> None:
    text = "Reyes pointed to the new bridge, which he described as a triumph of planning."
    described = next(q for q in with_polnear_conventions(text).quotes if q.cue and q.cue.text == "described")
    assert [span.text for span in described.contents] == ["which", "as a triumph of planning"]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        pytest.param(
            'Arko Mills fought the tax ruling, which Ana Reyes called "utter nonsense."',
            ["which", '"utter nonsense."'],
            id="object-of-the-cue",
        ),
        pytest.param(
            "He bought two boats, which he said were in the harbour when the storm hit.",
            ["which", "were in the harbour when the storm hit"],
            id="subject-of-the-reported-clause",
        ),
    ],
)
def test_polnear_conventions_start_a_content_at_the_relative_pronoun_before_its_cue(
    text: str, contents: list[str]
) -> None:
    quote = next(q for q in with_polnear_conventions(text).quotes if q.contents[0].text == "which")
    assert [span.text for span in quote.contents] == contents


def test_polnear_conventions_count_an_adverb_before_a_parenthetical_cue_in() -> None:
    text = "After all, the mayor argued, the bridge will reopen in May."
    (quote,) = with_polnear_conventions(text).quotes
    assert [span.text for span in quote.contents] == ["After all", "the bridge will reopen in May"]


@pytest.mark.parametrize(
    ("text", "contents"),
    [
        pytest.param(
            'Okafor campaigned hard. Sooner or later, the governor told reporters, "it starts to pay off."',
            ["Sooner or later", '"it starts to pay off."'],
            id="a-quote-that-goes-on-with-the-sentence",
        ),
        pytest.param(
            'During a speech on Monday, the governor said, "It starts to pay off."',
            ['"It starts to pay off."'],
            id="a-quote-that-opens-a-sentence-of-its-own",
        ),
    ],
)
def test_polnear_conventions_take_in_the_words_before_a_parenthetical_attribution(
    text: str, contents: list[str]
) -> None:
    quote = next(q for q in with_polnear_conventions(text).quotes if q.contents[-1].text.startswith('"'))
    assert [span.text for span in quote.contents] == contents


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        pytest.param(
            "In a new Quinnipiac poll released Monday, Okafor leads Reyes by five points among likely voters.",
            "a new Quinnipiac poll released Monday",
            "Okafor leads Reyes by five points among likely voters",
            id="poll-first",
        ),
        pytest.param(
            "Okafor did fare well in an online poll conducted after the debate.",
            "an online poll conducted after the debate",
            "Okafor did fare well",
            id="poll-after",
        ),
    ],
)
def test_polnear_conventions_attribute_what_a_poll_finds_to_the_poll(text: str, source: str, content: str) -> None:
    (quote,) = with_polnear_conventions(text).quotes
    assert quote.cue is not None and quote.cue.text.lower() == "in"
    assert ([s.text for s in quote.sources], [c.text for c in quote.contents]) == ([source], [content])
    assert extract(text).quotes == ()  # saidwhat's own conventions list no quote


def test_polnear_conventions_leave_a_lead_in_the_polls_unattributed() -> None:
    assert with_polnear_conventions("Okafor still leads in the polls ahead of the primary.").quotes == ()


def test_polnear_conventions_keep_a_relative_clauses_own_subject_as_its_source() -> None:
    text = "One of the reasons that Okafor refuses to publish his diaries may be the lawsuit."
    (quote,) = with_polnear_conventions(text).quotes
    assert [span.text for span in quote.sources] == ["Okafor"]  # not the relative pronoun 'that'


def test_polnear_conventions_take_a_learned_phrase_into_the_cue_and_the_default_conventions_do_not() -> None:
    text = "The harbour board said in a statement that the pier would reopen in May."
    (theirs,) = with_polnear_conventions(text).quotes
    (ours,) = extract(text).quotes
    assert theirs.cue is not None and theirs.cue.text == "said in a statement"
    assert ours.cue is not None and ours.cue.text == "said"  # the BBC gold's cue is the verb group


def test_polnear_conventions_keep_a_headline_label_as_the_whole_source() -> None:
    text = "Rita Okoye: Harbour Workers Worried About Winter Storms\n\nMayor Rita Okoye spoke on Sunday."
    theirs = with_polnear_conventions(text)
    assert [(q.sources[0].text, q.cue.text if q.cue else None) for q in theirs.quotes] == [("Rita Okoye", ":")]


def test_polnear_conventions_end_a_reported_clause_before_a_trailing_who_clause(nlp: Language) -> None:
    text = "The mayor asked the governor to pardon Tom Hale, who was never tried for theft."
    ours = extract(text, nlp=nlp)
    theirs = with_polnear_conventions(text)
    # ours start at the infinitive: the one asked is not what was said (the BBC gold's convention)
    assert [q.contents[0].text for q in ours.quotes] == ["to pardon Tom Hale, who was never tried for theft"]
    assert [q.contents[0].text for q in theirs.quotes] == ["the governor to pardon Tom Hale"]


def test_polnear_conventions_mark_the_comma_that_closes_an_appositive(nlp: Language) -> None:
    text = "Ana Ruiz, the head of the harbour board of the northern province, said the wall would be rebuilt."
    ours = extract(text, nlp=nlp)
    theirs = with_polnear_conventions(text)
    assert [q.sources[0].text for q in ours.quotes] == ["Ana Ruiz"]
    assert [q.sources[0].text for q in theirs.quotes] == [
        "Ana Ruiz, the head of the harbour board of the northern province,"
    ]


def test_polnear_conventions_reach_the_cue_to_the_content_after_it(nlp: Language) -> None:
    text = "The mayor complained bitterly about the new parking rules."
    ours = extract(text, nlp=nlp)
    theirs = with_polnear_conventions(text)
    assert [(q.cue.text if q.cue else None, q.contents[0].text) for q in theirs.quotes] == [
        ("complained bitterly about", "the new parking rules")
    ]
    assert [q.cue.text if q.cue else None for q in ours.quotes] == ["complained"]


def test_according_to_at_the_start_reports_the_clause_after_its_comma() -> None:
    # The parser makes 'the plan reeks' an appositive of the name, running the phrase to the full stop.
    text = 'According to talk radio host Dana Pryce, the plan reeks of "panic" and desperation.'
    (quote,) = with_polnear_conventions(text).quotes
    assert quote.cue is not None and quote.cue.text == "According to"
    assert [span.text for span in quote.contents] == ['the plan reeks of "panic" and desperation']
    assert [span.text for span in quote.sources] == ["talk radio host Dana Pryce"]


# --- on hand-built drafts and parses ----------------------------------------------------------------------


def test_drop_uncued_partials_keeps_every_quote_with_a_cue_and_every_other_type(blank_nlp: Language) -> None:
    cued = DraftQuote("partial", [(0, 5)], cue=(6, 10))
    uncued = DraftQuote("partial", [(12, 20)])
    direct = DraftQuote("direct", [(22, 30)])
    assert drop_uncued_partials(blank_nlp("x"), [cued, uncued, direct]) == [cued, direct]


def test_trim_trailing_relative_clauses_ends_a_clause_before_its_trailing_who_clause(blank_nlp: Language) -> None:
    # "Lee asked them to pardon Hale , who was not charged ."
    words = ["Lee", "asked", "them", "to", "pardon", "Hale", ",", "who", "was", "not", "charged", "."]
    doc = parsed(
        blank_nlp,
        words,
        [1, 1, 1, 4, 1, 4, 5, 10, 10, 10, 5, 1],
        ["nsubj", "ROOT", "dobj", "aux", "xcomp", "dobj", "punct", "nsubjpass", "auxpass", "neg", "relcl", "punct"],
        ["PROPN", "VERB", "PRON", "PART", "VERB", "PROPN", "PUNCT", "PRON", "AUX", "PART", "VERB", "PUNCT"],
        ["Lee", "ask", "they", "to", "pardon", "Hale", ",", "who", "be", "not", "charge", "."],
    )
    start, end = doc[2].idx, doc[10].idx + len("charged")
    draft = DraftQuote("indirect", [(start, end)], cue=(4, 9), cue_token=1)
    (trimmed,) = trim_trailing_relative_clauses(doc, [draft])
    assert doc.text[slice(*trimmed.contents[0])] == "them to pardon Hale"
