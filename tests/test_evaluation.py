"""`saidwhat evaluate`: metrics on tiny hand-made gold/prediction pairs, gold loaders, the command,
and agreement with the independent reference scorer (../shared/tools/score.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from saidwhat.annotations.brat import load_brat_annotators
from saidwhat.cli import main
from saidwhat.errors import InputError
from saidwhat.evaluation import (
    EvalDoc,
    EvalQuote,
    PredictionOptions,
    evaluate,
    headline,
    load_gold,
    read_predictions,
    score,
    write_score_format,
)
from saidwhat.evaluation.agreement import annotator_agreement
from saidwhat.evaluation.disagreements import disagreements, span_relation
from saidwhat.evaluation.metrics import align, is_direct, non_quote_figures, prepare

from .conftest import shared_path

TEXT = 'Mara Lind said the bridge would close.\n"We are ready," Tom Vey told reporters.\n'


def at(text: str, part: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the nth occurrence of `part` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return start, start + len(part)


def gold_quotes() -> tuple[EvalQuote, ...]:
    return (
        EvalQuote(
            contents=(at(TEXT, "the bridge would close"),),
            sources=(at(TEXT, "Mara Lind"),),
            cue=(at(TEXT, "said"),),
            speaker="Mara Lind",
            aliases=frozenset({"mara lind", "lind"}),
        ),
        EvalQuote(
            contents=(at(TEXT, '"We are ready,"'),),
            sources=(at(TEXT, "Tom Vey"),),
            cue=(at(TEXT, "told"),),
            speaker="Tom Vey",
            aliases=frozenset({"tom vey"}),
        ),
    )


def results(preds: tuple[EvalQuote, ...], golds: tuple[EvalQuote, ...] | None = None) -> dict[str, Any]:
    doc = EvalDoc("d", TEXT, gold_quotes() if golds is None else golds)
    return score([doc], {"d": preds}).to_dict()


# --- subsets -------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "direct"),
    [('"We win," he said', True), ("\u2018We win\u2019", True), ("that we'd win", False), ("'We win'", False)],
)
def test_is_direct_needs_a_double_mark_or_a_left_single_mark(content: str, direct: bool) -> None:
    assert is_direct(content, [(0, len(content))]) is direct


# --- alignment -----------------------------------------------------------------------------


def test_align_pairs_one_to_one_by_most_shared_characters() -> None:
    gold = prepare(TEXT, gold_quotes()[0])
    short = prepare(TEXT, EvalQuote(contents=(at(TEXT, "bridge"),)))
    long = prepare(TEXT, EvalQuote(contents=(at(TEXT, "the bridge would"),)))
    assert align([short, long], [gold]) == {1: 0}


# --- exact and overlap P/R/F1 --------------------------------------------------------------


def test_score_gold_against_itself_is_perfect() -> None:
    figures = results(gold_quotes())["all"]
    for kind in ("content", "source", "cue", "quote"):
        assert figures[kind]["exact"]["f1"] == 1.0
        assert figures[kind]["overlap"]["f1"] == 1.0
    assert figures["attribution"]["acc_all"] == 1.0
    assert figures["speaker"]["acc_all"] == 1.0


def test_score_empty_prediction_has_zero_recall_and_no_precision() -> None:
    content = results(())["all"]["content"]["exact"]
    assert (content["p"], content["r"], content["f1"]) == (None, 0.0, 0.0)


def test_score_exact_ignores_quotation_marks_and_commas() -> None:
    bare = EvalQuote(contents=(at(TEXT, "We are ready"),))
    figures = results((bare,))["all"]["content"]["exact"]
    assert (figures["tp"], figures["n_pred"], figures["n_gold"]) == (1, 1, 2)


def test_score_partial_content_counts_in_overlap_not_exact() -> None:
    partial = EvalQuote(contents=(at(TEXT, "bridge would close"),))
    figures = results((partial,))["all"]["content"]
    gold_chars = len("thebridgewouldclose") + len('"Weareready,"')
    assert figures["exact"]["tp"] == 0
    assert figures["overlap"]["p"] == 1.0
    assert figures["overlap"]["r"] == pytest.approx(len("bridgewouldclose") / gold_chars)


def test_score_whole_quote_needs_every_kind_and_empty_matches_empty() -> None:
    golds = (EvalQuote(contents=(at(TEXT, "the bridge would close"),), cue=(at(TEXT, "said"),)),)
    same = EvalQuote(contents=golds[0].contents, cue=golds[0].cue)
    wrong_cue = EvalQuote(contents=golds[0].contents, cue=(at(TEXT, "told"),))
    assert results((same,), golds)["all"]["quote"]["exact"]["tp"] == 1
    assert results((wrong_cue,), golds)["all"]["quote"]["exact"]["tp"] == 0


def test_score_f1_is_twice_tp_over_pred_plus_gold() -> None:
    extra = EvalQuote(contents=(at(TEXT, "reporters"),))
    figures = results((gold_quotes()[0], extra))["all"]["content"]["exact"]
    assert figures["f1"] == pytest.approx(2 * 1 / (2 + 2))


# --- attribution and speaker accuracy ------------------------------------------------------


def test_attribution_needs_half_the_gold_content() -> None:
    tiny = EvalQuote(contents=(at(TEXT, "close"),), sources=(at(TEXT, "Mara Lind"),))
    attribution = results((tiny,), gold_quotes()[:1])["all"]["attribution"]
    assert (attribution["acc_all"], attribution["acc_matched"]) == (0.0, None)


def test_attribution_one_prediction_may_serve_two_gold_quotes() -> None:
    span = at(TEXT, "the bridge would close")
    golds = (
        EvalQuote(contents=(span,), sources=(at(TEXT, "Mara"),)),
        EvalQuote(contents=(span,), sources=(at(TEXT, "Lind"),)),
    )
    pred = EvalQuote(contents=(span,), sources=(at(TEXT, "Mara Lind"),))
    attribution = results((pred,), golds)["all"]["attribution"]
    assert (attribution["n_correct"], attribution["n_gold_with_source"]) == (2, 2)


def test_speaker_exact_needs_the_name_but_alias_takes_a_mention() -> None:
    pred = EvalQuote(contents=gold_quotes()[0].contents, speaker=" LIND ")
    speaker = results((pred,), gold_quotes()[:1])["all"]["speaker"]
    assert (speaker["n_correct"], speaker["n_correct_alias"]) == (0, 1)


def test_speaker_scores_are_left_out_when_gold_names_no_speakers() -> None:
    golds = (EvalQuote(contents=gold_quotes()[0].contents),)
    assert "speaker" not in results((), golds)["all"]


def test_subset_of_unaligned_prediction_follows_its_own_content() -> None:
    stray = EvalQuote(contents=(at(TEXT, "Tom Vey told reporters"),))
    figures = results((stray,), gold_quotes()[:1])
    assert (figures["direct"]["n_pred_quotes"], figures["indirect"]["n_pred_quotes"]) == (0, 1)


# --- gold loaders ------------------------------------------------------------------------


def write_brat(folder: Path, ann_lines: list[str], *, text: str = TEXT, stem: str = "d1") -> None:
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
    (folder / "attributions" / f"{stem}_aaaa.ann").write_text("\n".join(ann_lines) + "\n", encoding="utf-8")


def brat_span(part: str, nth: int = 0) -> str:
    start, end = at(TEXT, part, nth)
    return f"{start} {end}"


def test_load_gold_reads_brat_split_with_discontinuous_content(tmp_path: Path) -> None:
    first, second = brat_span("We are"), brat_span("ready")
    write_brat(
        tmp_path / "dev",
        [
            f"T1\tSource {brat_span('Tom Vey')}\tTom Vey",
            f"T2\tCue {brat_span('told')}\ttold",
            f"T3\tContent {first};{second}\tWe are ready",
            f"T4\tAttribution {brat_span('told')}\ttold",
            "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
            f"T5\tCue {brat_span('said')}\tsaid",
            f"T6\tContent {brat_span('the bridge')}\tthe bridge",
            f"T7\tContent {brat_span('would close')}\twould",
            "E2\tAttribution-no-source:T5 Content:T6 Content2:T7 Cue:T5",
        ],
    )
    (tmp_path / "dev" / "attributions" / "d1_zzzz.ann").write_text("E1\tContent:T9\n", encoding="utf-8")
    gold = load_gold(tmp_path, split="dev")
    quotes = gold.docs[0].quotes
    assert gold.kind == "brat" and len(quotes) == 2
    assert quotes[0].contents == (at(TEXT, "We are"), at(TEXT, "ready"))
    assert quotes[1].sources == () and len(quotes[1].contents) == 2


def test_load_gold_reads_brat_folder_without_splits(tmp_path: Path) -> None:
    write_brat(tmp_path, [f"T1\tContent {brat_span('the bridge')}\tx", "E1\tContent:T1"])
    assert len(load_gold(tmp_path).docs[0].quotes) == 1


def test_load_gold_notes_unknown_t_id_with_file_and_line(tmp_path: Path) -> None:
    write_brat(tmp_path, [f"T1\tContent {brat_span('the bridge')}\tx", "E1\tContent:T1 Source:T8"])
    notes = load_gold(tmp_path).notes
    assert any("d1_aaaa.ann:2" in note and "unknown T8" in note for note in notes)


def test_load_gold_clips_offsets_outside_the_text_with_a_note(tmp_path: Path) -> None:
    write_brat(tmp_path, [f"T1\tContent 40 {len(TEXT) + 50}\tx", "E1\tContent:T1"])
    gold = load_gold(tmp_path)
    assert gold.docs[0].quotes[0].contents == ((40, len(TEXT)),)
    assert any("outside the text" in note and "d1_aaaa.ann:1: T1" in note for note in gold.notes)


def test_load_gold_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        load_gold(tmp_path / "nowhere")


def test_load_gold_unknown_folder_layout_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no known layout"):
        load_gold(tmp_path)


def json_span(part: str) -> dict[str, int]:
    start, end = at(TEXT, part)
    return {"start": start, "end": end}


def test_load_gold_reads_seed_json_with_speaker_mentions(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    seed = {
        "text_file": "story.txt",
        "speakers": [{"name": "Mara Lind", "mentions": ["Lind"]}],
        "quotes": [
            {
                "contents": [json_span("the bridge would close")],
                "cue": json_span("said"),
                "sources": [json_span("Mara Lind")],
                "speaker": "Mara Lind",
            }
        ],
    }
    (tmp_path / "story.gold.json").write_text(json.dumps(seed), encoding="utf-8")
    gold = load_gold(tmp_path / "story.gold.json")
    quote = gold.docs[0].quotes[0]
    assert (gold.kind, gold.docs[0].doc_id) == ("seed", "story")
    assert quote.aliases == {"mara lind", "lind"}


def test_load_gold_bbc_layout_leaves_out_uncertain_quotes(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "b-1.txt").write_text(TEXT, encoding="utf-8")
    quotes = [
        {
            "contents": [json_span("the bridge would close")],
            "cue": None,
            "sources": [],
            "speaker": None,
            "flags": ["uncertain"],
        },
        {
            "contents": [json_span('"We are ready,"')],
            "cue": json_span("told"),
            "sources": [],
            "speaker": "Tom Vey",
            "flags": [],
        },
    ]
    gold_json = {"docs": [{"doc_id": "b-1", "text_file": "texts/b-1.txt", "quotes": quotes}]}
    (tmp_path / "gold.json").write_text(json.dumps(gold_json), encoding="utf-8")
    gold = load_gold(tmp_path)
    assert gold.kind == "bbc" and [q.speaker for q in gold.docs[0].quotes] == ["Tom Vey"]


def test_load_gold_bbc_layout_reads_non_quotes(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "b-1.txt").write_text(TEXT, encoding="utf-8")
    item = {"doc_id": "b-1", "text_file": "texts/b-1.txt", "quotes": [], "non_quotes": [json_span("bridge")]}
    (tmp_path / "gold.json").write_text(json.dumps({"docs": [item]}), encoding="utf-8")
    assert load_gold(tmp_path).docs[0].non_quotes == (at(TEXT, "bridge"),)


def test_non_quote_figures_count_non_quotes_a_predicted_content_touches() -> None:
    doc = EvalDoc("d", TEXT, (), non_quotes=(at(TEXT, "bridge"), at(TEXT, "ready")))
    predicted = [EvalQuote(contents=(at(TEXT, "the bridge would close"),))]
    figures = non_quote_figures([(doc, predicted)])
    assert (figures["n_gold"], figures["n_reported"], figures["share_reported"]) == (2, 1, 0.5)
    assert figures["share_not_reported"] == 0.5


def record(doc_id: str, *, with_text: bool) -> dict[str, Any]:
    quote = {
        "id": "q1",
        "type": "direct",
        "contents": [json_span('"We are ready,"')],
        "cue": json_span("told"),
        "sources": [json_span("Tom Vey")],
        "speaker": "s1",
        "confidence": 1.0,
    }
    group = {
        "id": "q2",
        "type": "indirect",
        "contents": [json_span("the bridge would close")],
        "cue": None,
        "sources": [],
        "speaker": "s2",
        "confidence": 1.0,
    }
    data: dict[str, Any] = {
        "doc_id": doc_id,
        "quotes": [quote, group],
        "errors": [],
        "speakers": [
            {"id": "s1", "name": "Tom Vey", "kind": "person", "mentions": [json_span("Tom Vey")]},
            {"id": "s2", "name": "officials", "kind": "group", "mentions": []},
        ],
    }
    if with_text:
        data["text"] = TEXT
    return data


def test_load_gold_reads_records_with_text_and_names_speakers(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record("r1", with_text=True)) + "\n", encoding="utf-8")
    gold = load_gold(path)
    assert gold.kind == "records"
    assert [q.speaker for q in gold.docs[0].quotes] == ["Tom Vey", None]


def test_evaluate_on_records_without_text_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record("r1", with_text=False)) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="--with-text"):
        load_gold(path)
    assert main(["evaluate", "--gold", str(path)]) != 0
    assert "none of its 1 records holds its text" in capsys.readouterr().err


def test_load_gold_reads_records_folder_of_texts(tmp_path: Path) -> None:
    (tmp_path / "r1.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "other.txt").write_text("Nothing was said.", encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(json.dumps(record("r1", with_text=False)) + "\n", encoding="utf-8")
    gold = load_gold(tmp_path)
    assert {doc.doc_id: len(doc.quotes) for doc in gold.docs} == {"r1": 2, "other": 0}


def test_read_predictions_accepts_minimal_format_and_notes_bad_spans(tmp_path: Path) -> None:
    doc = EvalDoc("d", TEXT, gold_quotes())
    lines = [
        {
            "doc_id": "d",
            "quotes": [
                {"contents": [json_span("the bridge would close")], "sources": [], "cue": None, "speaker": "Mara Lind"},
                {"contents": [{"start": "x", "end": 3}]},
            ],
        },
        {"doc_id": "elsewhere", "quotes": []},
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    predictions = read_predictions(path, [doc])
    assert [q.speaker for q in predictions.by_doc["d"]] == ["Mara Lind"]
    assert any("pred.jsonl:1 quote 1" in note for note in predictions.notes)
    assert any("not in the gold" in note for note in predictions.notes)


# --- disagreements ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pred", "relation"),
    [
        ("Mara Lind", None),
        ("Lind", "shorter"),
        ("Mara Lind said", "longer"),
        ("Lind said", "overlapping"),
        ("Tom Vey", "elsewhere"),
        ("", "absent"),
    ],
)
def test_span_relation_says_how_the_predicted_span_stands_to_the_gold(pred: str, relation: str | None) -> None:
    predicted = (at(TEXT, pred),) if pred else ()
    assert span_relation(predicted, (at(TEXT, "Mara Lind"),)) == relation
    assert span_relation((at(TEXT, "Mara Lind"),), ()) == "extra"


def test_disagreements_list_missed_and_spurious_quotes_and_differing_spans() -> None:
    lind, vey = gold_quotes()
    shorter_source = EvalQuote(lind.contents, (at(TEXT, "Lind"),), lind.cue, speaker="Mara Lind")
    unrelated = EvalQuote((at(TEXT, "reporters"),))
    found = list(disagreements([EvalDoc("d", TEXT, (lind, vey))], {"d": (shorter_source, unrelated)}))
    assert [(record["error"], record["subset"]) for record in found] == [
        ("missed", "direct"),
        ("differs", "indirect"),
        ("spurious", "indirect"),
        ("attribution", "direct"),
        ("speaker", "direct"),
    ]
    assert found[0]["gold"]["content"][0]["text"] == "We are ready"  # as compared: marks and comma stripped
    assert found[1]["spans"] == {"source": "shorter"}
    assert found[1]["pred"]["source"] == [{"start": 5, "end": 9, "text": "Lind"}]
    assert found[3]["pred"] is None  # nothing covers half of Tom Vey's words


def test_disagreements_list_the_quotes_that_attribution_and_speaker_accuracy_count_wrong() -> None:
    lind, vey = gold_quotes()
    wrong_source = EvalQuote(lind.contents, (at(TEXT, "bridge"),), lind.cue, speaker="Mara Lind")
    wrong_speaker = EvalQuote(vey.contents, vey.sources, vey.cue, speaker="Vey")
    doc = EvalDoc("d", TEXT, (lind, vey))
    found = list(disagreements([doc], {"d": (wrong_source, wrong_speaker)}))
    wrong = [(record["error"], record["gold"]["speaker"]) for record in found if record["error"] != "differs"]
    assert wrong == [("attribution", "Mara Lind"), ("speaker", "Tom Vey")]
    figures = score([doc], {"d": (wrong_source, wrong_speaker)}).to_dict()["all"]
    assert figures["attribution"]["n_correct"] == 1 and figures["speaker"]["n_correct"] == 1


def test_disagreements_are_empty_when_predictions_equal_the_gold() -> None:
    assert list(disagreements([EvalDoc("d", TEXT, gold_quotes())], {"d": gold_quotes()})) == []


# --- annotator agreement ---------------------------------------------------------------------


def write_annotator(folder: Path, name: str, ann_lines: list[str]) -> None:
    (folder / "attributions" / f"d1_{name}.ann").write_text("\n".join(ann_lines) + "\n", encoding="utf-8")


def said_quote(cue: str) -> list[str]:
    return [
        f"T1\tSource {brat_span('Mara Lind')}\tx",
        f"T2\tCue {brat_span(cue)}\tx",
        f"T3\tContent {brat_span('the bridge would close')}\tx",
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1",
    ]


def test_agreement_scores_every_annotator_against_every_other(tmp_path: Path) -> None:
    write_brat(tmp_path, said_quote("said"))  # annotator aaaa
    write_annotator(tmp_path, "bbbb", said_quote("said"))
    write_annotator(tmp_path, "cccc", said_quote("said the"))
    texts = load_brat_annotators(tmp_path, [])
    assert [len(versions) for versions in texts] == [3]
    cue = annotator_agreement(texts)["all"]["cue"]["exact"]
    # Six ordered pairs; only aaaa and bbbb agree on the cue, both ways.
    assert (cue["tp"], cue["n_pred"], cue["n_gold"]) == (2, 6, 6)
    assert annotator_agreement(texts)["all"]["content"]["exact"]["f1"] == 1.0


def test_agreement_leaves_out_texts_with_one_annotator(tmp_path: Path) -> None:
    write_brat(tmp_path, said_quote("said"))
    write_brat(tmp_path, said_quote("said"), stem="d2")
    write_annotator(tmp_path, "bbbb", said_quote("said"))
    assert [versions[0].doc_id for versions in load_brat_annotators(tmp_path, [])] == ["d1"]


def test_cli_annotators_prints_agreement_and_the_predictions_against_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_brat(tmp_path, said_quote("said"))
    write_annotator(tmp_path, "bbbb", said_quote("said the"))
    pred = tmp_path / "pred.jsonl"
    quote = {"contents": [json_span("the bridge would close")], "cue": json_span("said")}
    pred.write_text(json.dumps({"doc_id": "d1", "quotes": [quote]}))
    assert main(["evaluate", "--gold", str(tmp_path), "--annotators", "--pred", str(pred), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["meta"]["n_texts"] == 1 and out["meta"]["n_annotations"] == 2
    assert out["agreement"]["all"]["cue"]["exact"]["f1"] == 0.0
    assert out["results"]["all"]["cue"]["exact"]["f1"] == 0.5  # right against aaaa, wrong against bbbb


def test_cli_annotators_needs_a_text_marked_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_brat(tmp_path, said_quote("said"))
    assert main(["evaluate", "--gold", str(tmp_path), "--annotators"]) == 1
    assert "no text has .ann files from two annotators" in capsys.readouterr().err
    (tmp_path / "story.gold.json").write_text("{}", encoding="utf-8")
    assert main(["evaluate", "--gold", str(tmp_path / "story.gold.json"), "--annotators"]) == 1
    assert "annotator agreement needs a brat folder" in capsys.readouterr().err


@pytest.mark.shared
def test_polnear_annotators_agree_on_seven_cues_in_ten() -> None:
    """The human ceiling quoted in docs/accuracy.md: 16 train texts, 5 or 6 annotators each."""
    texts = load_brat_annotators(shared_path("data", "polnear", "train"), [])
    figures = headline(annotator_agreement(texts))
    assert (len(texts), sum(map(len, texts))) == (16, 95)
    assert round(figures["cue_exact_f1"], 3) == 0.701
    assert round(figures["content_exact_f1"], 3) == 0.683


# --- the command ---------------------------------------------------------------------------


def test_cli_missing_gold_is_one_line_and_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--gold", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "nowhere" in err and "Traceback" not in err


def test_cli_scores_given_predictions_as_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_brat(tmp_path / "gold", [f"T1\tContent {brat_span('the bridge would close')}\tx", "E1\tContent:T1"])
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc_id": "d1", "quotes": [{"contents": [json_span("the bridge would close")]}]}))
    assert main(["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(pred)]) == 0
    table = capsys.readouterr().out
    assert "all      content  | 1.000 1.000 1.000" in table
    assert main(["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(pred), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"]["all"]["content"]["exact"]["tp"] == 1


def test_cli_dump_pred_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    write_brat(tmp_path / "gold", [f"T1\tContent {brat_span('the bridge')}\tx", "E1\tContent:T1"])
    pred, dump = tmp_path / "pred.jsonl", tmp_path / "dump.jsonl"
    pred.write_text(json.dumps({"doc_id": "d1", "quotes": []}))
    dump.write_text("keep me")
    assert main(["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(pred), "--dump-pred", str(dump)]) == 2
    assert dump.read_text() == "keep me"


def test_cli_writes_disagreements_and_tallies_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_brat(tmp_path / "gold", [f"T1\tContent {brat_span('the bridge would close')}\tx", "E1\tContent:T1"])
    pred, found = tmp_path / "pred.jsonl", tmp_path / "found.jsonl"
    pred.write_text(json.dumps({"doc_id": "d1", "quotes": [{"contents": [json_span("the bridge")]}]}))
    args = ["evaluate", "--gold", str(tmp_path / "gold"), "--pred", str(pred), "--disagreements", str(found)]
    assert main(args) == 0
    assert "missed 0, spurious 0; differing spans: content shorter 1; wrong attribution 0" in capsys.readouterr().err
    assert json.loads(found.read_text())["spans"] == {"content": "shorter"}
    assert main(args) == 2  # an existing file is kept unless --force
    assert main([*args, "--force"]) == 0


# --- agreement with the reference scorer -------------------------------------------------


def _differences(mine: Any, theirs: Any, path: str = "") -> list[str]:
    if isinstance(mine, dict) and isinstance(theirs, dict):
        out = [f"{path}.{key} missing" for key in set(mine) ^ set(theirs)]
        for key in set(mine) & set(theirs):
            out += _differences(mine[key], theirs[key], f"{path}.{key}")
        return out
    if isinstance(mine, float) and isinstance(theirs, float):
        return [] if round(mine, 3) == round(theirs, 3) else [f"{path}: {mine} != {theirs}"]
    return [] if mine == theirs else [f"{path}: {mine} != {theirs}"]


def _small_polnear(target: Path, n_docs: int) -> Path:
    source = shared_path("data", "polnear", "dev")
    (target / "text").mkdir(parents=True)
    (target / "attributions").mkdir()
    for text_path in sorted((source / "text").glob("*.txt"))[:n_docs]:
        (target / "text" / text_path.name).write_bytes(text_path.read_bytes())
        for ann in (source / "attributions").glob(f"{text_path.stem}_*.ann"):
            (target / "attributions" / ann.name).write_bytes(ann.read_bytes())
    return target


@pytest.mark.shared
@pytest.mark.model
@pytest.mark.parametrize("kind", ["seed", "polnear", "bbc"])
def test_evaluate_agrees_with_reference_scorer(kind: str, tmp_path: Path, nlp: Language) -> None:
    scorer = shared_path("tools", "score.py")
    if kind == "seed":
        gold_path = shared_path("data", "seed", "heartstopper.gold.json")
        evaluation, spec = evaluate(gold_path, options=PredictionOptions(nlp=nlp)), f"seed:{gold_path}"
    elif kind == "polnear":
        gold_path = _small_polnear(tmp_path / "polnear", 6)
        evaluation, spec = evaluate(gold_path, options=PredictionOptions(nlp=nlp)), f"polnear:{gold_path}"
    else:
        gold_path = shared_path("data", "bbc-gold")
        evaluation, spec = evaluate(gold_path, limit=8, options=PredictionOptions(nlp=nlp)), f"bbc:{gold_path}"
    pred = tmp_path / "pred.jsonl"
    write_score_format(pred, evaluation.predictions, evaluation.gold.docs)
    if kind == "bbc":  # the reference scorer reads every BBC document: score the same 8
        data = json.loads((gold_path / "gold.json").read_text(encoding="utf-8"))
        data["docs"] = data["docs"][:8]
        (tmp_path / "texts").symlink_to(gold_path / "texts")
        (tmp_path / "gold.json").write_text(json.dumps(data), encoding="utf-8")
        spec = f"bbc:{tmp_path}"
    done = subprocess.run(
        [sys.executable, str(scorer), "--gold", spec, "--pred", str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    reference = json.loads(done.stdout)["results"]
    assert evaluation.results["all"]["n_pred_quotes"] > 0
    # 'non_quotes' (issue 22) and 'speaker_kind' (issue 19) are saidwhat's own figures, beyond spec/metrics.md
    # and the reference scorer
    mine = {
        subset: {k: v for k, v in figures.items() if k != "speaker_kind"}
        for subset, figures in evaluation.results.items()
        if subset != "non_quotes"
    }
    assert _differences(mine, reference) == []
