"""The learned model: training on brat annotations, saving, loading, and using it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from saidwhat.annotations.fragments import EvalQuote
from saidwhat.cli import main
from saidwhat.errors import ModelError
from saidwhat.extraction.deciders import load_model, shipped_model_path
from saidwhat.extraction.docfacts import FACTS_KEY
from saidwhat.learn.linear import MODEL_FILE, AttributionModel, LinearModel
from saidwhat.learn.train import collect_examples, learn_cue_gaps

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


def test_collecting_examples_takes_the_doc_facts_off_each_doc(nlp: Language) -> None:
    text = "Nora Quist said the ferry would sail at noon."
    doc = nlp(text)
    examples = collect_examples([(doc, [annotated(text, "said", "the ferry would sail at noon")])])
    assert examples.cue_y.count(1) == 1
    assert FACTS_KEY not in doc.user_data  # training holds every Doc: not its facts as well


def test_the_cue_scorer_knows_a_subject_who_speaks_elsewhere_in_the_article(nlp: Language) -> None:
    from saidwhat.learn.features import cue_keys

    doc = nlp("Okafor said the plan works. Later, Okafor wants a vote. Rivera wants a vote too.")
    wants = [token for token in doc if token.lower_ == "wants"]
    assert "subj_speaker" in cue_keys(wants[0])
    assert "subj_speaker" not in cue_keys(wants[1])
