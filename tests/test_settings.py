"""settings.py: defaults <- TOML file <- SAIDWHAT_* environment <- overrides, each value checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from saidwhat.errors import ConfigError
from saidwhat.settings import DEFAULT_SETTINGS, Settings, load_settings


def _toml(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "saidwhat.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_settings_without_sources_gives_the_defaults() -> None:
    assert load_settings(env={}) == Settings() == DEFAULT_SETTINGS


def test_load_settings_later_sources_win(tmp_path: Path) -> None:
    file = _toml(tmp_path, "[saidwhat]\nbatch_size = 4\nmin_confidence = 0.2\nconventions = 'polnear'\n")
    env = {"SAIDWHAT_BATCH_SIZE": "8", "SAIDWHAT_MIN_CONFIDENCE": "0.3"}
    settings = load_settings(file=file, env=env, overrides={"batch_size": 16})
    assert (settings.batch_size, settings.min_confidence, settings.conventions) == (16, 0.3, "polnear")


def test_load_settings_reads_a_file_without_the_saidwhat_table(tmp_path: Path) -> None:
    assert load_settings(file=_toml(tmp_path, "batch_size = 3\n"), env={}).batch_size == 3


def test_load_settings_ignores_overrides_that_are_none() -> None:
    assert load_settings(env={"SAIDWHAT_BATCH_SIZE": "8"}, overrides={"batch_size": None}).batch_size == 8


@pytest.mark.parametrize(("raw", "expected"), [("1", True), ("yes", True), ("On", True), ("0", False), ("off", False)])
def test_load_settings_reads_booleans_from_the_environment(raw: str, expected: bool) -> None:
    assert load_settings(env={"SAIDWHAT_USE_MODEL": raw}).use_model is expected


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SAIDWHAT_USE_MODEL": "perhaps"}, "setting 'use_model' has bad value 'perhaps': expected bool"),
        ({"SAIDWHAT_BATCH_SIZE": "many"}, "setting 'batch_size' has bad value 'many': expected int"),
    ],
)
def test_load_settings_bad_value_names_the_setting(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env)


def test_load_settings_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(ConfigError, match=r"unknown setting\(s\) colour; known: spacy_model, "):
        load_settings(env={}, overrides={"colour": "red"})


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"max_chars": 0}, "max_chars must be positive"),
        ({"max_sentence_chars": 0}, "max_sentence_chars must be positive"),
        ({"chunk_chars": 999}, "chunk_chars must be at least 1000"),
        ({"min_confidence": 1.5}, "min_confidence must be between 0 and 1"),
        ({"conventions": "bbc"}, "conventions must be one of saidwhat, polnear, got 'bbc'"),
        ({"entities": "gazetteer"}, "entities must be one of spacy, fast"),
        ({"batch_size": 0}, "batch_size must be positive"),
    ],
)
def test_load_settings_refuses_values_out_of_range(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env={}, overrides=overrides)


def test_load_settings_missing_file_says_how_to_go_on(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"settings file '.*nowhere\.toml' not found; pass another --config"):
        load_settings(file=tmp_path / "nowhere.toml", env={})


def test_load_settings_bad_toml_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is not valid TOML"):
        load_settings(file=_toml(tmp_path, "batch_size = = 3\n"), env={})


def test_load_settings_saidwhat_must_be_a_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"\[saidwhat\] must be a table"):
        load_settings(file=_toml(tmp_path, "saidwhat = 3\n"), env={})


def test_settings_replace_checks_the_new_values() -> None:
    assert Settings().replace(conventions="polnear").conventions == "polnear"
    with pytest.raises(ConfigError, match="conventions must be one of"):
        Settings().replace(conventions="bbc")
