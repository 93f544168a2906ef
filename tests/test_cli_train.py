"""`saidwhat train`, run in-process: option checks and the name classifier (`--names`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from saidwhat.cli import main
from saidwhat.learn.body_nouns import BODY_NOUNS_FILE
from saidwhat.learn.casing import LOWERCASE_WORDS_FILE
from saidwhat.learn.names import LABELS, NAMES_FILE

TEXTS = (
    "text\n"
    '"Orla Brennick told the Kestrel Valley Council on Monday that the bridge would open."\n'
    '"Tomas Ferreday of Glenmoor Foods said the plant in Ashcombe would hire staff."\n'
    '"The Harwick Institute said Dr Ilse Quayle had left for Norvale."\n'
    '"Canadians and Norwegians welcomed the plan, said Ida Pell of Vantor Shipping in London."\n'
)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out", "x"], "--gold PATH is required"),
        (["--names", "--out", "x"], "--names needs --texts"),
        (["--gold", "g", "--texts", "t.csv", "--out", "x"], "--texts goes with --names, --casing or --body-nouns"),
        (["--casing", "--out", "x"], "--casing needs --texts"),
        (["--casing", "--names", "--texts", "t.csv", "--out", "x"], "--names and --casing conflict"),
        (["--quotes", "--speakers", "--gold", "g", "--out", "x"], "--quotes and --speakers conflict"),
    ],
)
def test_train_bad_options_are_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", *argv]) == 2
    assert message in capsys.readouterr().err


def test_train_names_refuses_to_overwrite_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / NAMES_FILE).write_text("{}", encoding="utf-8")
    texts = tmp_path / "texts.csv"
    texts.write_text(TEXTS, encoding="utf-8")
    assert main(["train", "--names", "--texts", str(texts), "--out", str(tmp_path)]) == 2
    assert "pass --force" in capsys.readouterr().err


def test_train_names_unreadable_csv_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = tmp_path / "texts.csv"
    texts.write_text("body\nno text column here\n", encoding="utf-8")
    assert main(["train", "--names", "--texts", str(texts), "--out", str(tmp_path)]) == 1
    assert "no 'text' column" in capsys.readouterr().err


def test_train_names_writes_a_model_with_every_label(tmp_path: Path) -> None:
    texts = tmp_path / "texts.csv"
    texts.write_text(TEXTS, encoding="utf-8")
    assert main(["train", "--names", "--texts", str(texts), "--out", str(tmp_path / "models")]) == 0
    written = json.loads((tmp_path / "models" / NAMES_FILE).read_text(encoding="utf-8"))
    assert written["labels"] == list(LABELS)
    assert "bias" in written["weights"]


def test_train_names_too_few_texts_name_the_missing_labels(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    texts = tmp_path / "texts.csv"
    texts.write_text('text\n"Orla Brennick opened the bridge."\n', encoding="utf-8")
    assert main(["train", "--names", "--texts", str(texts), "--out", str(tmp_path)]) == 1
    assert "no run of proper nouns is labelled" in capsys.readouterr().err
    assert not (tmp_path / NAMES_FILE).exists()


def test_train_casing_counts_the_words_written_in_lower_case(tmp_path: Path) -> None:
    texts = tmp_path / "news.csv"
    rows = ["The guitarist said Mark would play. A guitarist met Mark. The guitarist left with May."] * 2
    texts.write_text("text\n" + "\n".join(f'"{row}"' for row in rows) + "\n", encoding="utf-8")
    assert main(["train", "--casing", "--texts", str(texts), "--out", str(tmp_path / "models")]) == 0
    table = json.loads((tmp_path / "models" / LOWERCASE_WORDS_FILE).read_text(encoding="utf-8"))
    assert "guitarist" in table["words"] and "mark" not in table["words"]
    assert table["texts"] == 2


def test_train_body_nouns_writes_the_table_with_its_source(tmp_path: Path) -> None:
    texts = tmp_path / "news.csv"
    texts.write_text('text\n"Shares in Quillco rose."\n', encoding="utf-8")
    assert main(["train", "--body-nouns", "--texts", str(texts), "--out", str(tmp_path / "models")]) == 0
    table = json.loads((tmp_path / "models" / BODY_NOUNS_FILE).read_text(encoding="utf-8"))
    assert table["meta"]["source"] == "news.csv" and table["meta"]["texts"] == 1
    assert table["nouns"] == []  # no noun describes a name three times in one sentence
