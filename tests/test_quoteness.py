"""The learned decisions "is this someone's words?" (learn/quoteness.py, learn/train_quotes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from saidwhat.cli import main
from saidwhat.errors import ModelError
from saidwhat.extraction.deciders import load_deciders, shipped_model_path
from saidwhat.extraction.docfacts import doc_facts
from saidwhat.learn.quoteness import QUOTE_MODEL_FILE, load_quote_models, run_keys

pytestmark = pytest.mark.model

# Two tiny articles in the BBC gold layout, written for these tests: a quotation, a reported clause, a term in
# quotation marks that the gold lists among its non_quotes, and a clause the gold leaves out.
TEXTS = [
    'Mara Lind said: "We are ready to open the bridge." The firm sold an "internet history eraser" online. '
    "Critics claim the law is weak.",
    'Tom Vey said the station would close in May. A "one-click shopping" patent was filed. He said: "It is done." '
    'Vey called the plan "a waste of public money".',
]
QUOTES = [
    ['"We are ready to open the bridge."'],
    ["the station would close in May", '"It is done."', '"a waste of public money"'],
]
NON_QUOTES = [['"internet history eraser"'], ['"one-click shopping"']]


def span(text: str, part: str) -> dict[str, int]:
    start = text.index(part)
    return {"start": start, "end": start + len(part)}


def write_bbc_gold(root: Path) -> Path:
    (root / "texts").mkdir(parents=True)
    docs = []
    for number, text in enumerate(TEXTS):
        (root / "texts" / f"t{number}.txt").write_text(text, encoding="utf-8")
        quotes = [{"contents": [span(text, part)], "flags": []} for part in QUOTES[number]]
        non_quotes = [{**span(text, part), "kind": "term"} for part in NON_QUOTES[number]]
        docs.append(
            {"doc_id": f"t{number}", "text_file": f"texts/t{number}.txt", "quotes": quotes, "non_quotes": non_quotes}
        )
    (root / "gold.json").write_text(json.dumps({"docs": docs}), encoding="utf-8")
    return root


def test_train_quotes_writes_both_decisions(tmp_path: Path) -> None:
    pytest.importorskip("sklearn", reason="saidwhat train needs scikit-learn (the train extra)")
    gold = write_bbc_gold(tmp_path / "gold")
    assert main(["train", "--quotes", "--gold", str(gold), "--out", str(tmp_path / "model")]) == 0
    models = load_quote_models(tmp_path / "model" / QUOTE_MODEL_FILE)
    assert models.meta["documents"] == len(TEXTS) and models.runs.weights and models.quotes.weights


def test_train_quotes_needs_a_gold_in_the_bbc_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--quotes", "--gold", str(tmp_path), "--out", str(tmp_path / "model")]) == 1
    assert "gold.json" in capsys.readouterr().err


def test_broken_quote_model_is_a_model_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / QUOTE_MODEL_FILE
    path.write_text('{"runs": {}}', encoding="utf-8")
    with pytest.raises(ModelError, match=str(path)):
        load_quote_models(path)


def test_shipped_deciders_carry_both_quote_decisions() -> None:
    assert shipped_model_path(QUOTE_MODEL_FILE).exists()
    deciders = load_deciders(use_model=True)
    assert deciders.run_model is not None and deciders.quote_model is not None


def test_run_keys_tell_a_title_case_run_after_a_preposition_from_a_sentence(nlp: Language) -> None:
    doc = nlp('She starred in "Paper Kites" last year. She said: "We will be back next spring."')
    title, sentence = (run_keys(doc, run) for run in doc_facts(doc).runs)
    assert "marked_caps=all" in title and "marked_after_lemma=in" in title
    assert "marked_ends_sentence" in sentence and "marked_after=:" in sentence


def test_quote_keys_tell_an_act_from_a_reported_clause(nlp: Language) -> None:
    from saidwhat.extraction.orchestrator import find_candidate_quotes
    from saidwhat.learn.quoteness import quote_keys

    doc = nlp("The Tarnby council declined to comment. Mr Vey said the bridge would close in May.")
    drafts, _, _ = find_candidate_quotes(doc, deciders=load_deciders(use_model=True))
    keys = {doc.text[draft.start : draft.end]: quote_keys(doc, draft) for draft in drafts}
    assert "content_to=comment" in keys["to comment"]
    assert not any(key.startswith("content_to=") for key in keys["the bridge would close in May"])
    assert "content_verbless" not in keys["the bridge would close in May"]


def test_an_impression_after_seem_or_appear_is_no_ones_words(nlp: Language) -> None:
    from saidwhat.extraction.drafts import DraftQuote
    from saidwhat.learn.linear import LinearModel
    from saidwhat.learn.quoteness import RAISING_CUE, keeps_quote, quote_keys

    text = "It seems that the Tarnby bridge will close in May. Mr Vey said the ferry would stay."
    doc = nlp(text)
    always = LinearModel({"bias": 30.0}, threshold=0.6)
    for cue, content in (("seems", "the Tarnby bridge will close in May"), ("said", "the ferry would stay")):
        start, cue_start = text.index(content), text.index(cue)
        draft = DraftQuote(
            type="indirect",
            contents=[(start, start + len(content))],
            cue=(cue_start, cue_start + len(cue)),
            cue_token=next(token.i for token in doc if token.idx == cue_start),
        )
        keys = quote_keys(doc, draft)
        assert (RAISING_CUE in keys) == (cue == "seems")
        assert keeps_quote(always, keys) == (cue == "said")
