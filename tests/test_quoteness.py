"""The learned decisions "is this someone's words?" (learn/quoteness.py, learn/train_quotes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

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
    assert "content_subjectless" in keys["to comment"]
    assert "content_subjectless" not in keys["the bridge would close in May"]
    assert "content_root_pos=VERB" in keys["the bridge would close in May"]


def test_a_belief_verb_in_the_passive_does_not_vouch_for_a_run(nlp: Language) -> None:
    from saidwhat.learn.quoteness import SPEECH_CUE_BESIDE

    for text, verb, vouches in (
        ('Ms Lind said the toll on the "old ferry road" would rise.', "said", True),
        ('Ms Lind hopes the "old ferry road" will reopen.', "hopes", True),
        ('The lake lies on the Varna, or "silver river" as the stream is known.', "known", False),
    ):
        doc = nlp(text)
        (run,) = doc_facts(doc).runs
        cue = next(token.i for token in doc if token.text == verb)
        assert (SPEECH_CUE_BESIDE in run_keys(doc, run, frozenset({cue}))) == vouches


def test_a_few_words_after_a_comma_are_judged_like_a_fragment(nlp: Language) -> None:
    from saidwhat.learn.quoteness import is_judged_run

    doc = nlp(
        'The rule covers code, in other words, "machine aided design". '
        'Ms Lind said, "We are ready to open the bridge in May". Mr Vey said, "It is done."'
    )
    text = doc_facts(doc).text
    assert [is_judged_run(text, run) for run in doc_facts(doc).runs] == [True, False, False]


@pytest.mark.parametrize(
    ("text", "content", "ruled_out"),
    [
        ("Ms Lind was asked whether the bridge would open in May.", "whether the bridge would open in May", True),
        (
            "The mayor asked whether the new road would run past the school.",
            "whether the new road would run past the school",
            False,
        ),
        ("Mr Vey doubted whether the bridge would open in May.", "whether the bridge would open in May", True),
        ("The sum announced by the mayor is lower than last year.", "The sum", True),
        ("If I say the plan is safe, people will believe me.", "the plan is safe", True),
        ("The mayor did not say where the new road would run.", "where the new road would run", True),
        ("The council would not confirm that the bridge would close.", "the bridge would close", True),
        ("Ms Lind has revealed when she hopes to open the bridge.", "when she hopes to open the bridge", False),
        ("Mr Vey said the bridge would open in May.", "the bridge would open in May", False),
        ("The Tarnby council declined to comment.", "to comment", True),
    ],
)
def test_a_report_that_asserts_nothing_is_ruled_out(nlp: Language, text: str, content: str, ruled_out: bool) -> None:
    from saidwhat.extraction.orchestrator import find_candidate_quotes
    from saidwhat.learn.quoteness import is_ruled_out, quote_keys

    doc = nlp(text)
    drafts, _, _ = find_candidate_quotes(doc, deciders=load_deciders(use_model=True))
    (draft,) = (draft for draft in drafts if doc.text[draft.start : draft.end] == content)
    assert is_ruled_out(quote_keys(doc, draft)) == ruled_out


# Hand-built parses (words, heads, dependency labels, parts of speech), so that a model upgrade cannot change
# what the clause features read.
MODIFIER_WORDS = ["Mara", "opposes", "the", '"', "smart", '"', "meters", "."]
MODIFIER_SPACES = [True, True, True, False, False, True, False, False]
MODIFIER_PARSE = {
    "heads": [1, 1, 6, 4, 6, 4, 1, 1],
    "deps": ["nsubj", "ROOT", "det", "punct", "amod", "punct", "dobj", "punct"],
    "pos": ["PROPN", "VERB", "DET", "PUNCT", "ADJ", "PUNCT", "NOUN", "PUNCT"],
}
CLAUSE_WORDS = ["Mara", "said", "the", "plan", "was", '"', "a", "mess", '"', "."]
CLAUSE_SPACES = [True, True, True, True, True, False, True, False, False, False]
CLAUSE_PARSE = {
    "heads": [1, 1, 3, 4, 1, 7, 7, 4, 7, 1],
    "deps": ["nsubj", "ROOT", "det", "nsubj", "ccomp", "punct", "det", "attr", "punct", "punct"],
    "pos": ["PROPN", "VERB", "DET", "NOUN", "AUX", "PUNCT", "DET", "NOUN", "PUNCT", "PUNCT"],
}


def test_a_quoted_word_before_its_noun_is_a_noun_modifier(blank_nlp: Language) -> None:
    from saidwhat.learn.run_features import standing_keys

    doc = Doc(blank_nlp.vocab, words=MODIFIER_WORDS, spaces=MODIFIER_SPACES, **MODIFIER_PARSE)
    (run,) = doc_facts(doc).runs
    assert "marked_noun_modifier" in standing_keys(doc, run, frozenset())
    doc = Doc(blank_nlp.vocab, words=CLAUSE_WORDS, spaces=CLAUSE_SPACES, **CLAUSE_PARSE)
    (run,) = doc_facts(doc).runs
    assert "marked_noun_modifier" not in standing_keys(doc, run, frozenset())


def test_a_run_in_the_clause_of_a_cue_is_governed_by_it(blank_nlp: Language) -> None:
    from saidwhat.learn.run_features import standing_keys

    doc = Doc(blank_nlp.vocab, words=CLAUSE_WORDS, spaces=CLAUSE_SPACES, **CLAUSE_PARSE)
    (run,) = doc_facts(doc).runs
    assert "marked_cue_governs" in standing_keys(doc, run, frozenset({1}))
    assert "marked_cue_governs" not in standing_keys(doc, run, frozenset({0}))


@pytest.mark.parametrize(
    ("text", "recurs"),
    [
        ('The firm sells a "cloud wallet". The Cloud Wallet stores cards.', True),
        ('Ms Lind said the plan was "a mess". The bridge will open in May.', False),
        # only quoted again: someone's words repeated, not a term used plainly
        ('Ms Lind called it "a mess". "A mess," she said again.', False),
    ],
)
def test_a_term_used_plainly_elsewhere_recurs(nlp: Language, text: str, recurs: bool) -> None:
    from saidwhat.learn.run_features import standing_keys

    doc = nlp(text)
    run = doc_facts(doc).runs[0]
    assert ("marked_recurs_plain" in standing_keys(doc, run, frozenset())) == recurs


def test_the_run_decision_weighs_the_standing_keys_and_the_quote_decision_does_not(blank_nlp: Language) -> None:
    from saidwhat.learn.quoteness import run_decision_keys

    doc = Doc(blank_nlp.vocab, words=MODIFIER_WORDS, spaces=MODIFIER_SPACES, **MODIFIER_PARSE)
    (run,) = doc_facts(doc).runs
    assert "marked_noun_modifier" in run_decision_keys(doc, run, frozenset())
    assert "marked_noun_modifier" not in run_keys(doc, run)


def test_a_run_beside_a_verb_of_saying_needs_only_the_floor() -> None:
    from saidwhat.learn.linear import LinearModel
    from saidwhat.learn.quoteness import SPEECH_BESIDE_FLOOR, SPEECH_CUE_BESIDE, keeps_run

    # logit 1.6 -> 0.83, logit 0.0 -> 0.5: both under the threshold, only the first over the floor
    model = LinearModel({"fair": 1.6, "poor": 0.0}, threshold=0.95)
    assert SPEECH_BESIDE_FLOOR < 0.83
    assert keeps_run(model, ["fair", SPEECH_CUE_BESIDE])
    assert not keeps_run(model, ["poor", SPEECH_CUE_BESIDE])
    assert not keeps_run(model, ["fair"])


def test_the_run_decision_leaves_out_features_of_few_runs() -> None:
    from saidwhat.learn.train_quotes import RUN_MIN_COUNT, RunExample, fit_run_model

    examples = [RunExample(i, ["marked", "marked_caps=none"], 1) for i in range(RUN_MIN_COUNT * 2)]
    examples += [RunExample(i, ["marked", "marked_caps=all"], 0) for i in range(RUN_MIN_COUNT)]
    examples.append(RunExample(99, ["marked", "marked_caps=all", "marked_governor=ferry"], 0))
    weights = fit_run_model(examples).weights
    assert "marked_caps=all" in weights
    assert "marked_governor=ferry" not in weights
