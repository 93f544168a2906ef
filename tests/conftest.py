"""Shared fixtures: the English pipeline (loaded once), a blank pipeline, and ../shared paths."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SCHEMA_PATH = SHARED / "spec" / "article.schema.json"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs the ../shared data beside the checkout (present in CI)")
    return path


@pytest.fixture(scope="session")
def nlp() -> Language:
    from saidwhat import load_nlp

    return load_nlp()


@pytest.fixture
def blank_nlp() -> Language:
    return spacy.blank("en")


@pytest.fixture(scope="session")
def article_schema() -> dict[str, Any]:
    path = SCHEMA_PATH
    if path.exists():
        return dict(json.loads(path.read_text(encoding="utf-8")))
    return dict(json.loads((ROOT / "tests" / "texts" / "article.schema.fallback.json").read_text(encoding="utf-8")))
