"""The declared conventions and how their passes run (extraction/conventions.py)."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.errors import ConfigError
from saidwhat.extraction.conventions import CONVENTIONS, POLNEAR, SAIDWHAT, Conventions, conventions_named, run_passes
from saidwhat.extraction.drafts import DraftQuote
from saidwhat.settings import CONVENTIONS as SETTING_NAMES
from tests.parses import connor_said


def test_conventions_are_the_ones_the_settings_accept() -> None:
    assert tuple(CONVENTIONS) == SETTING_NAMES
    assert conventions_named("polnear") is POLNEAR


def test_conventions_named_names_the_choices_for_an_unknown_name() -> None:
    with pytest.raises(ConfigError, match="saidwhat, polnear"):
        conventions_named("bbc")


def test_conventions_declare_every_choice_and_default_to_none() -> None:
    assert all(field.default is dataclasses.MISSING for field in dataclasses.fields(Conventions))


def test_both_conventions_run_the_shared_passes_first() -> None:
    assert SAIDWHAT.passes[:3] == POLNEAR.passes[:3]
    assert not set(SAIDWHAT.passes[3:]) & set(POLNEAR.passes[3:])


def test_run_passes_runs_each_pass_in_turn_on_what_the_one_before_returned(blank_nlp: Language) -> None:
    doc = connor_said(blank_nlp)
    first = DraftQuote("direct", [(0, 3)])

    def add(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
        return [*drafts, DraftQuote("indirect", [(20, 31)])]

    def keep_indirect(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
        return [draft for draft in drafts if draft.type == "indirect"]

    assert [d.type for d in run_passes(doc, [first], (add, keep_indirect))] == ["indirect"]
    assert [d.type for d in run_passes(doc, [first], (keep_indirect, add))] == ["indirect"]
    assert run_passes(doc, [first], ()) == [first]


@pytest.mark.parametrize("conventions", [SAIDWHAT, POLNEAR], ids=lambda c: c.name)
def test_every_pass_returns_the_drafts_it_is_given_when_there_are_none(
    blank_nlp: Language, conventions: Conventions
) -> None:
    doc = connor_said(blank_nlp)
    for step in conventions.passes:
        assert step(doc, []) == [], step.__name__


@pytest.mark.parametrize("conventions", [SAIDWHAT, POLNEAR], ids=lambda c: c.name)
def test_docs_list_the_passes_of_each_conventions_in_order(conventions: Conventions) -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    listed = re.search(rf"{conventions.name.upper()}\.passes == \((.*?)\)", page, re.S)
    assert listed is not None
    assert listed.group(1).replace(",", " ").split() == [step.__name__ for step in conventions.passes]
