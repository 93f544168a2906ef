"""Names without spaCy's NER: runs of proper nouns, the learned classifier, and the `entities = "fast"` pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from saidwhat import extract, load_settings
from saidwhat.errors import ConfigError
from saidwhat.learn.names import LABELS, NameModel, name_runs, run_features


def test_name_model_takes_the_label_that_scores_highest(tmp_path: Path) -> None:
    person, org = LABELS.index("PERSON"), LABELS.index("ORG")
    weights = {"bias": tuple(1.0 if i == LABELS.index("O") else 0.0 for i in range(len(LABELS)))}
    weights["w=lopez"] = tuple(3.0 if i == person else 0.0 for i in range(len(LABELS)))
    weights["last=council"] = tuple(3.0 if i == org else 0.0 for i in range(len(LABELS)))
    model = NameModel(weights)
    assert model.label(["bias", "w=lopez"]) == "PERSON"
    assert model.label(["bias", "last=council"]) == "ORG"
    assert model.label(["bias", "w=unknown"]) == "O"
    model.save(tmp_path / "names.json")
    assert NameModel.load(tmp_path / "names.json") == model


def test_settings_reject_an_unknown_entity_finder() -> None:
    with pytest.raises(ConfigError, match="entities must be one of spacy, fast"):
        load_settings(overrides={"entities": "gazetteer"})


@pytest.mark.model
def test_name_runs_join_proper_nouns_across_of(nlp: Language) -> None:
    doc = nlp("Maria Lopez met the Bank of England governor in Leeds.")
    assert [doc[start:end].text for start, end in name_runs(doc)] == ["Maria Lopez", "Bank of England", "Leeds"]
    features = run_features(doc, 0, 2)
    assert "w=maria" in features and "last=lopez" in features


@pytest.mark.model
def test_fast_entities_name_the_speakers() -> None:
    text = (
        'Maria Lopez opened the new library on Friday. "Books change lives," she said.\n'
        "Northlight Studios said it would fund a reading room."
    )
    article = extract(text, settings=load_settings(overrides={"entities": "fast"}))
    assert [(speaker.name, speaker.kind) for speaker in article.speakers] == [
        ("Maria Lopez", "person"),
        ("Northlight Studios", "organisation"),
    ]
