"""Gold quotes from brat standoff files in the PolNeAR layout (text/*.txt + attributions/*.ann)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .fragments import Annotations, EvalDoc, EvalQuote, Fragment, clip_fragments

# `T4\tCue 107 114;120 125\treports`: a text-bound annotation, possibly discontinuous.
TEXT_BOUND_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
# `E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1`: one attribution and its roles.
EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")
ROLE_SUFFIX = re.compile(r"\d+$")
ROLE_FIELDS = {"Content": "contents", "Source": "sources", "Cue": "cue"}


@dataclass(frozen=True, slots=True)
class _Event:
    line: int
    event_id: str
    roles: tuple[tuple[str, str], ...]


def read_exact_text(path: Path) -> str:
    """The file's text exactly as stored (UTF-8, no newline translation), since offsets count on it."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    except OSError as err:
        raise InputError(f"{path}: cannot be read ({err.strerror})") from err


def _parse_lines(path: Path, text_length: int, notes: list[str]) -> tuple[dict[str, list[Fragment]], list[_Event]]:
    """Spans by T id (cut to the text, with a note naming the line) and the E lines."""
    spans: dict[str, list[Fragment]] = {}
    events: list[_Event] = []
    # A span's text may hold newlines, so a line that is neither a T nor an E line continues the one before.
    for number, raw in enumerate(read_exact_text(path).split("\n"), 1):
        line = raw.rstrip("\r")
        if match := TEXT_BOUND_LINE.match(line):
            fragments = [(int(a), int(b)) for a, b in (f.split() for f in match[3].split(";"))]
            spans[match[1]] = list(clip_fragments(fragments, text_length, f"{path}:{number}: {match[1]}", notes))
        elif match := EVENT_LINE.match(line):
            roles = tuple((role, ref) for role, _, ref in (t.partition(":") for t in match[2].split()) if ref)
            events.append(_Event(number, match[1], roles))
        elif re.match(r"^T\d+\t", line):
            notes.append(f"{path}:{number}: cannot read the offsets of {line.split(chr(9))[0]}, ignored")
    return spans, events


def parse_ann(path: Path, text: str, notes: list[str]) -> tuple[EvalQuote, ...]:
    """The quotes of one .ann file: one per E line with a Content; notes name file and line of trouble."""
    spans, events = _parse_lines(path, len(text), notes)
    quotes = []
    for event in events:
        parts: dict[str, list[Fragment]] = {"contents": [], "sources": [], "cue": []}
        for role, ref in event.roles:
            if ref not in spans:
                notes.append(f"{path}:{event.line}: {event.event_id} refers to unknown {ref}, role {role} ignored")
                continue
            # Attribution / Attribution-no-source are anchors; Content2 is a second content.
            field_name = ROLE_FIELDS.get(ROLE_SUFFIX.sub("", role))
            if field_name:
                parts[field_name] += spans[ref]
        if not parts["contents"]:
            notes.append(f"{path}:{event.line}: {event.event_id} has no Content, dropped")
            continue
        contents, sources, cue = (tuple(sorted(parts[name])) for name in ("contents", "sources", "cue"))
        quotes.append(EvalQuote(contents=contents, sources=sources, cue=cue))
    return tuple(quotes)


def brat_folder(path: Path, split: str) -> Path | None:
    """The folder holding text/ and attributions/: PATH/<split> or PATH itself; None if neither."""
    for folder in (path / split, path):
        if (folder / "text").is_dir() and (folder / "attributions").is_dir():
            return folder
    return None


def _annotations_of(stem: str, ann_paths: list[Path]) -> list[Path]:
    """The .ann files of one text, `<stem>_<annotator>.ann`, preferring annotator names without `_`."""
    anns = [p for p in ann_paths if p.name.startswith(stem + "_")]
    # Another text may be named `<stem>_more`; its files also start with `<stem>_`.
    return [p for p in anns if "_" not in p.name[len(stem) + 1 : -4]] or anns


def _annotated_texts(folder: Path) -> list[tuple[Path, list[Path]]]:
    """Each text of the folder (sorted) with its .ann files (sorted)."""
    text_paths = sorted((folder / "text").glob("*.txt"))
    if not text_paths:
        raise InputError(f"{folder / 'text'}: no .txt files; brat gold needs text/<name>.txt")
    ann_paths = sorted((folder / "attributions").glob("*.ann"))
    return [(text_path, _annotations_of(text_path.stem, ann_paths)) for text_path in text_paths]


def load_brat(folder: Path, notes: list[str], *, limit: int | None = None) -> tuple[EvalDoc, ...]:
    """Every text of the folder with the quotes of its first .ann (sorted); no .ann means no quotes."""
    docs = []
    for text_path, anns in _annotated_texts(folder)[:limit]:
        stem = text_path.stem
        text = read_exact_text(text_path)
        if not anns:
            notes.append(f"{text_path}: no attributions/{stem}_<annotator>.ann, taken as a text without quotes")
            docs.append(EvalDoc(stem, text, ()))
            continue
        docs.append(EvalDoc(stem, text, parse_ann(anns[0], text, notes)))
    return tuple(docs)


def load_brat_annotators(folder: Path, notes: list[str], *, limit: int | None = None) -> tuple[Annotations, ...]:
    """For each text that several annotators marked, one document per .ann file (sorted, the first first).

    `limit` counts those texts only.
    """
    texts = []
    for text_path, anns in _annotated_texts(folder):
        if len(anns) < 2:
            continue
        text = read_exact_text(text_path)
        texts.append(tuple(EvalDoc(text_path.stem, text, parse_ann(ann, text, notes)) for ann in anns))
        if len(texts) == limit:
            break
    return tuple(texts)
