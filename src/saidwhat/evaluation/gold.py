"""Load a gold set from any accepted layout, detected from the path (see docs/evaluation.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..annotations.brat import brat_folder, load_brat, read_exact_text
from ..annotations.fragments import EvalDoc, EvalQuote, GoldSet, clip_fragments
from ..errors import InputError
from .convert import BadSpan, fragments_of, quotes_from_json


def _read_json(path: Path) -> Any:
    try:
        return json.loads(read_exact_text(path))
    except json.JSONDecodeError as err:
        raise InputError(f"{path}:{err.lineno}: not valid JSON ({err.msg})") from err


def read_json_lines(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSON Lines file."""
    rows = []
    for number, line in enumerate(read_exact_text(path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{path}:{number}: not valid JSON ({err.msg})") from err
        if not isinstance(obj, dict):
            raise InputError(f"{path}:{number}: expected a JSON object, got {type(obj).__name__}")
        rows.append((number, obj))
    return rows


def _json_quote(raw: Any, text: str, where: str, aliases: dict[str, frozenset[str]], notes: list[str]) -> EvalQuote:
    """One quote of the seed/BBC JSON gold: contents, cue, sources and the speaker's name."""
    if not isinstance(raw, dict):
        raise BadSpan(f"{raw!r} is not an object")
    parts = {key: fragments_of(raw.get(key)) for key in ("contents", "sources", "cue")}
    speaker = raw.get("speaker") if isinstance(raw.get("speaker"), str) else None
    return EvalQuote(
        contents=clip_fragments(parts["contents"], len(text), where, notes),
        sources=clip_fragments(parts["sources"], len(text), where, notes),
        cue=clip_fragments(parts["cue"], len(text), where, notes),
        speaker=speaker,
        aliases=aliases.get(speaker.casefold(), frozenset({speaker.casefold()})) if speaker else frozenset(),
        speaker_kind=raw["speaker_kind"] if speaker and isinstance(raw.get("speaker_kind"), str) else None,
    )


def _speaker_aliases(item: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Case-folded speaker name -> the name and its listed mentions, case-folded."""
    table = {}
    for speaker in item.get("speakers") or []:
        if isinstance(speaker, dict) and isinstance(speaker.get("name"), str):
            names = {speaker["name"]} | {m for m in speaker.get("mentions") or [] if isinstance(m, str)}
            table[speaker["name"].casefold()] = frozenset(n.casefold() for n in names)
    return table


def _json_gold_doc(item: Any, base: Path, where: str, notes: list[str], *, bbc_style: bool) -> EvalDoc | None:
    """One document of a JSON gold; quotes flagged `uncertain` are left out.

    The seed names each document after its text file and lists each speaker's mentions (the `alias`
    score accepts them); the BBC gold has a `doc_id` and canonical names only.
    """
    if not isinstance(item, dict) or not isinstance(item.get("text_file") or item.get("doc_id"), str):
        notes.append(f"{where}: a gold document needs 'text_file' or 'doc_id'; skipped")
        return None
    text_path = base / (item.get("text_file") or f"{item['doc_id']}.txt")
    text = read_exact_text(text_path)
    doc_id = str(item.get("doc_id") or text_path.stem) if bbc_style else text_path.stem
    aliases = {} if bbc_style else _speaker_aliases(item)
    quotes = []
    for index, raw in enumerate(item.get("quotes") or []):
        here = f"{where} ({doc_id}) quote {index}"
        if isinstance(raw, dict) and isinstance(raw.get("flags"), list) and "uncertain" in raw["flags"]:
            continue
        try:
            quote = _json_quote(raw, text, here, aliases, notes)
        except BadSpan as err:
            notes.append(f"{here}: {err}; quote skipped")
            continue
        if quote.contents:
            quotes.append(quote)
        else:
            notes.append(f"{here}: no content inside the text; quote skipped")
    return EvalDoc(doc_id, text, tuple(quotes), _non_quotes(item, text, f"{where} ({doc_id}) non_quotes", notes))


def _non_quotes(item: dict[str, Any], text: str, where: str, notes: list[str]) -> tuple[tuple[int, int], ...]:
    """The spans the BBC gold lists as not quotations (titles, terms, scare quotes)."""
    try:
        return clip_fragments(fragments_of(item.get("non_quotes")), len(text), where, notes)
    except BadSpan as err:
        notes.append(f"{where}: {err}; non-quotes skipped")
        return ()


def load_json_gold(path: Path, notes: list[str], *, limit: int | None = None) -> GoldSet:
    """A seed-style gold file (one document, a list, or JSON Lines) or a BBC-style {"docs": [...]}."""
    data: Any = [obj for _, obj in read_json_lines(path)] if path.suffix == ".jsonl" else _read_json(path)
    is_bbc = isinstance(data, dict) and isinstance(data.get("docs"), list)
    items = data["docs"] if is_bbc else data if isinstance(data, list) else [data]
    docs = []
    for index, item in enumerate(items[:limit]):
        doc = _json_gold_doc(item, path.parent, f"{path} document {index}", notes, bbc_style=is_bbc)
        if doc is not None:
            docs.append(doc)
    return GoldSet("bbc" if is_bbc else "seed", str(path), tuple(docs), tuple(notes))


def _record_text(record: dict[str, Any], texts: dict[str, Path]) -> str | None:
    doc_id = str(record.get("doc_id"))
    if doc_id in texts:
        return read_exact_text(texts[doc_id])
    text = record.get("text")
    return text if isinstance(text, str) else None


def load_records_gold(
    records_path: Path, texts: dict[str, Path], notes: list[str], *, limit: int | None = None
) -> tuple[EvalDoc, ...]:
    """Hand-corrected saidwhat records as gold; each text comes from <doc_id>.txt or the `text` field.

    Raises:
        InputError: records were found but not one of them has its text.
    """
    docs = []
    without_text = 0
    for number, record in read_json_lines(records_path):
        where = f"{records_path}:{number}"
        if not isinstance(record.get("doc_id"), str):
            notes.append(f"{where}: record without a 'doc_id', skipped")
            continue
        text = _record_text(record, texts)
        if text is None:
            notes.append(f"{where}: no text for {record['doc_id']!r} (no 'text' field, no {record['doc_id']}.txt)")
            without_text += 1
            continue
        quotes = tuple(q for q in quotes_from_json(record, text, where, notes) if q.contents)
        docs.append(EvalDoc(record["doc_id"], text, quotes))
    if without_text and not docs and not texts:
        raise InputError(
            f"{records_path}: none of its {without_text} records holds its text; write them with "
            "`saidwhat extract --with-text` or put <doc_id>.txt files beside them"
        )
    seen = {doc.doc_id for doc in docs}
    for doc_id, path in sorted(texts.items()):
        if doc_id not in seen:
            notes.append(f"{path}: no record in {records_path.name}, taken as a text without quotes")
            docs.append(EvalDoc(doc_id, read_exact_text(path), ()))
    return tuple(docs[:limit])


def _records_folder(path: Path, notes: list[str], limit: int | None) -> GoldSet:
    records = sorted(path.glob("*.jsonl"))
    if len(records) != 1:
        found = ", ".join(p.name for p in records) or "none"
        raise InputError(
            f"{path}: a records gold folder needs exactly one .jsonl of records beside the .txt files (found {found})"
        )
    texts = {p.stem: p for p in sorted(path.glob("*.txt"))}
    return GoldSet("records", str(path), load_records_gold(records[0], texts, notes, limit=limit), tuple(notes))


def load_gold(path: Path, *, split: str = "dev", limit: int | None = None) -> GoldSet:
    """The gold set at `path`, its layout detected: brat folder, BBC folder, seed JSON, or saidwhat records.

    Raises:
        InputError: the path is missing or holds none of the accepted layouts.
    """
    notes: list[str] = []
    if not path.exists():
        raise InputError(f"gold path '{path}' does not exist")
    if path.is_file():
        if path.suffix == ".jsonl" and not _looks_like_seed_lines(path):
            return GoldSet("records", str(path), load_records_gold(path, {}, notes, limit=limit), tuple(notes))
        return load_json_gold(path, notes, limit=limit)
    if folder := brat_folder(path, split):
        return GoldSet("brat", str(folder), load_brat(folder, notes, limit=limit), tuple(notes))
    if (path / "gold.json").is_file():
        return load_json_gold(path / "gold.json", notes, limit=limit)
    if any(path.glob("*.jsonl")):
        return _records_folder(path, notes, limit)
    raise InputError(
        f"gold folder '{path}' holds no known layout: expected {split}/text + {split}/attributions (brat), "
        "text/ + attributions/, gold.json (BBC layout), or .txt files with one records .jsonl"
    )


def _looks_like_seed_lines(path: Path) -> bool:
    rows = read_json_lines(path)
    return bool(rows) and "text_file" in rows[0][1]
