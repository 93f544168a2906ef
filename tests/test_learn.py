"""The learned model: training on brat annotations, saving, loading, and using it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from saidwhat import Article, extract, load_settings
from saidwhat.cli import main
from saidwhat.errors import ModelError
from saidwhat.evaluation.model import EvalQuote
from saidwhat.extraction.cues import Cue
from saidwhat.extraction.deciders import load_model, shipped_model_path
from saidwhat.extraction.drafts import DraftQuote
from saidwhat.extraction.passes_saidwhat import ACT_CUE_MIN_SCORE, reports_words
from saidwhat.learn.linear import MODEL_FILE, AttributionModel, LinearModel
from saidwhat.learn.train import learn_cue_gaps

pytestmark = pytest.mark.model

# Tiny annotated articles written for these tests: (text, [(source, cue, content)]).
ARTICLES = [
    (
        "Maria Lopez said the library would open on Friday. The weather was cold.",
        [("Maria Lopez", "said", "the library would open on Friday")],
    ),
    (
        "The council announced that the bridge will reopen in May. Tom Briggs told reporters the work was done.",
        [
            ("The council", "announced", "that the bridge will reopen in May"),
            ("Tom Briggs", "told", "the work was done"),
        ],
    ),
    (
        "Dana Reyes warned that prices would rise. The market closed early.",
        [("Dana Reyes", "warned", "that prices would rise")],
    ),
]


def write_brat_folder(root: Path) -> Path:
    """A PolNeAR-style folder (train/text, train/attributions) holding ARTICLES."""
    text_dir, ann_dir = root / "train" / "text", root / "train" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    for number, (text, attributions) in enumerate(ARTICLES):
        (text_dir / f"doc{number}.txt").write_text(text, encoding="utf-8")
        lines, t = [], 0
        for e, (source, cue, content) in enumerate(attributions, start=1):
            ids = []
            for label, words in (("Source", source), ("Cue", cue), ("Content", content)):
                t += 1
                start = text.index(words)
                lines.append(f"T{t}\t{label} {start} {start + len(words)}\t{words}")
                ids.append(f"{label}:T{t}")
            lines.append(f"E{e}\tAttribution:T{t} " + " ".join(ids))
        (ann_dir / f"doc{number}_x1.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_train_writes_a_model_that_loads(tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="saidwhat train needs scikit-learn (the train extra)")
    gold = write_brat_folder(tmp_path / "gold")
    assert main(["train", "--gold", str(gold), "--out", str(tmp_path / "model")]) == 0
    model = AttributionModel.load(tmp_path / "model" / MODEL_FILE)
    assert model.meta["documents"] == len(ARTICLES)
    assert model.cue.weights and model.start.weights and model.end.weights


def test_train_shows_progress_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("sklearn", reason="saidwhat train needs scikit-learn (the train extra)")
    gold = write_brat_folder(tmp_path / "gold")
    assert main(["train", "--gold", str(gold), "--out", str(tmp_path / "model")]) == 0
    err = capsys.readouterr().err
    total = len(ARTICLES)
    assert f"parsing texts: {total}/{total}" in err and "fitting the cue and boundary models" in err


def test_train_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    gold = write_brat_folder(tmp_path / "gold")
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / MODEL_FILE).write_text("{}", encoding="utf-8")
    assert main(["train", "--gold", str(gold), "--out", str(tmp_path / "model")]) == 2


def test_train_names_a_folder_without_brat_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--gold", str(tmp_path), "--out", str(tmp_path / "model")]) == 1
    assert str(tmp_path) in capsys.readouterr().err


def test_broken_model_file_is_a_model_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / MODEL_FILE
    path.write_text('{"cue": {}}', encoding="utf-8")
    with pytest.raises(ModelError, match=str(path)):
        AttributionModel.load(path)


def test_linear_model_round_trips_through_json() -> None:
    model = LinearModel({"bias": -1.0, "lemma=say": 3.0}, threshold=0.4)
    again = LinearModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model
    assert again.probability({"bias": 1.0, "lemma=say": 1.0}) > 0.8


def test_shipped_model_is_in_the_package_and_small() -> None:
    path = shipped_model_path()
    assert path.exists()
    assert path.stat().st_size < 50 * 1024 * 1024
    assert load_model() is not None


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
            'Okafor called him a master at building bridges. "He showed again and again an ability to put '
            "together deals that other people couldn't.\"",
            [
                "him a master at building bridges",
                '"He showed again and again an ability to put together deals that other people couldn\'t."',
            ],
            id="to-the-reported-clause-before-it",
        ),
        pytest.param(
            '"Subpoenas are not optional," panel Chairman Tom Reyes said after Okafor failed to show up at the '
            'second hearing. "Okafor is a crucial witness in this investigation."',
            ['"Subpoenas are not optional,"', '"Okafor is a crucial witness in this investigation."'],
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
            'Apple fought the tax ruling, which Tim Cook called "total political crap."',
            ["which", '"total political crap."'],
            id="object-of-the-cue",
        ),
        pytest.param(
            "He hired bodyguards, which he said were at his side when he was shot.",
            ["which", "were at his side when he was shot"],
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
    text = "One of the many reasons that Okafor refuses to release his tax returns may be the audit."
    (quote,) = with_polnear_conventions(text).quotes
    assert [span.text for span in quote.sources] == ["Okafor"]  # not the relative pronoun 'that'


def test_polnear_conventions_take_a_learned_phrase_into_the_cue_and_the_default_conventions_do_not() -> None:
    text = "The harbour board said in a statement that the pier would reopen in May."
    (theirs,) = with_polnear_conventions(text).quotes
    (ours,) = extract(text).quotes
    assert theirs.cue is not None and theirs.cue.text == "said in a statement"
    assert ours.cue is not None and ours.cue.text == "said"  # the BBC gold's cue is the verb group


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
        ("Schools Minister Stephen Haldrow said the plan was sound.", "Stephen Haldrow"),
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
    assert extract('The comedy is a send-up of the stereotypical "cool" media scene.').quotes == ()
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
        ('Barley is described as a "webmaster and film-maker".', "is described", []),
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


def test_according_to_at_the_start_reports_the_clause_after_its_comma() -> None:
    # The parser makes 'the plan reeks' an appositive of the name, running the phrase to the full stop.
    text = 'According to talk radio host Dana Pryce, the plan reeks of "panic" and desperation.'
    (quote,) = with_polnear_conventions(text).quotes
    assert quote.cue is not None and quote.cue.text == "According to"
    assert [span.text for span in quote.contents] == ['the plan reeks of "panic" and desperation']
    assert [span.text for span in quote.sources] == ["talk radio host Dana Pryce"]


def test_polnear_conventions_keep_a_headline_label_as_the_whole_source() -> None:
    text = "Rita Okoye: Harbour Workers Worried About Winter Storms\n\nMayor Rita Okoye spoke on Sunday."
    theirs = with_polnear_conventions(text)
    assert [(q.sources[0].text, q.cue.text if q.cue else None) for q in theirs.quotes] == [("Rita Okoye", ":")]


def test_polnear_conventions_end_a_reported_clause_before_a_trailing_who_clause(nlp: Language) -> None:
    text = "The mayor asked the governor to pardon Tom Hale, who has not been charged with any crime."
    ours = extract(text, nlp=nlp)
    theirs = with_polnear_conventions(text)
    assert [q.contents[0].text for q in ours.quotes] == [
        "the governor to pardon Tom Hale, who has not been charged with any crime"
    ]
    assert [q.contents[0].text for q in theirs.quotes] == ["the governor to pardon Tom Hale"]


def test_polnear_conventions_mark_the_comma_that_closes_an_appositive(nlp: Language) -> None:
    text = "Ana Ruiz, the head of the harbour board of the northern province, said the wall would be rebuilt."
    ours = extract(text, nlp=nlp)
    theirs = with_polnear_conventions(text)
    assert [q.sources[0].text for q in ours.quotes] == ["Ana Ruiz"]
    assert [q.sources[0].text for q in theirs.quotes] == [
        "Ana Ruiz, the head of the harbour board of the northern province,"
    ]


def test_a_reported_clause_stops_short_of_the_speech_verb_above_its_cue(blank_nlp: Language) -> None:
    from spacy.tokens import Doc

    from saidwhat.learn.boundaries import best_bounds

    # 'While he admitted money was a reason, Ham also noted problems.': 'admitted' hangs below 'noted'
    words = ["While", "he", "admitted", "money", "was", "a", "reason", ",", "Ham", "also", "noted", "problems", "."]
    heads = [2, 2, 4, 4, 10, 6, 4, 10, 10, 10, 10, 10, 10]
    deps = [
        "mark",
        "nsubj",
        "advcl",
        "nsubj",
        "ccomp",
        "det",
        "attr",
        "punct",
        "nsubj",
        "advmod",
        "ROOT",
        "dobj",
        "punct",
    ]
    pos = ["SCONJ", "PRON", "VERB", "NOUN", "AUX", "DET", "NOUN", "PUNCT", "PROPN", "ADV", "VERB", "NOUN", "PUNCT"]
    lemmas = ["while", "he", "admit", "money", "be", "a", "reason", ",", "Ham", "also", "note", "problem", "."]
    doc = Doc(blank_nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    model = load_model()
    bounds = best_bounds(doc[2], model.start, model.end)
    assert bounds is not None and bounds[1] <= 8  # never reaches 'Ham also noted'


def test_a_reported_clause_never_ends_inside_a_word(blank_nlp: Language) -> None:
    from spacy.tokens import Doc

    from saidwhat.learn.boundaries import BoundaryContext

    # 'They said those who do n't .'
    words = ["They", "said", "those", "who", "do", "n't", "."]
    heads = [1, 1, 1, 4, 2, 4, 1]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "relcl", "neg", "punct"]
    spaces = [True, True, True, True, False, False, False]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps)
    context = BoundaryContext(doc[1])
    assert [i for i in range(len(doc)) if context.splits_a_word(i)] == [4]


def test_polnear_conventions_reach_the_cue_to_the_content_after_it(nlp: Language) -> None:
    text = "The mayor complained bitterly about the new parking rules."
    ours = extract(text, nlp=nlp)
    theirs = with_polnear_conventions(text)
    assert [(q.cue.text if q.cue else None, q.contents[0].text) for q in theirs.quotes] == [
        ("complained bitterly about", "the new parking rules")
    ]
    assert [q.cue.text if q.cue else None for q in ours.quotes] == ["complained"]


def annotated(text: str, cue: str, content: str) -> EvalQuote:
    cue_start, content_start = text.index(cue), text.index(content)
    return EvalQuote(
        contents=((content_start, content_start + len(content)),), cue=((cue_start, cue_start + len(cue)),)
    )


def test_train_learns_the_words_between_cue_and_content_that_annotators_count_in_the_cue(nlp: Language) -> None:
    names = ["Ana Ruiz", "Tom Hale", "Rita Okoye", "Dana Reyes", "Sam Cole"]
    about = [f"{name} complained about the noise from the port." for name in names]
    told = [f"{name} told the council the port was too loud." for name in names]
    docs = [(nlp(text), [annotated(text, "complained about", "the noise from the port")]) for text in about]
    docs += [(nlp(text), [annotated(text, "told", "the port was too loud")]) for text in told]
    assert learn_cue_gaps(docs, frozenset()) == ["ADP|about"]


def test_the_cue_scorer_knows_a_subject_who_speaks_elsewhere_in_the_article(nlp: Language) -> None:
    from saidwhat.learn.features import cue_keys

    doc = nlp("Okafor said the plan works. Later, Okafor wants a vote. Rivera wants a vote too.")
    wants = [token for token in doc if token.lower_ == "wants"]
    assert "subj_speaker" in cue_keys(wants[0])
    assert "subj_speaker" not in cue_keys(wants[1])
