"""Read attributions annotated in brat standoff (the PolNeAR layout)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

Fragments = list[tuple[int, int]]

_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")


@dataclass(slots=True)
class GoldAttribution:
    """One annotated attribution: content, cue and source fragments (character offsets)."""

    contents: Fragments = field(default_factory=list)
    cues: Fragments = field(default_factory=list)
    sources: Fragments = field(default_factory=list)


def read_ann(path: Path) -> tuple[list[GoldAttribution], list[str]]:
    """The attributions of one .ann file, and notes on lines that do not add up."""
    spans: dict[str, tuple[str, Fragments]] = {}
    relations: list[tuple[str, list[tuple[str, str]]]] = []
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot be read as UTF-8 brat standoff ({err})") from err
    for line in lines:
        if match := _T_LINE.match(line):
            fragments = [(int(a), int(b)) for a, b in (pair.split() for pair in match.group(3).split(";"))]
            spans[match.group(1)] = (match.group(2), fragments)
        elif match := _E_LINE.match(line):
            roles = [tuple(part.split(":", 1)) for part in match.group(2).split() if ":" in part]
            relations.append((match.group(1), [(role, tid) for role, tid in roles]))
    attributions, notes = [], []
    for eid, roles in relations:
        gold = GoldAttribution()
        for role, tid in roles:
            if tid not in spans:
                notes.append(f"{path.name} {eid}: refers to unknown {tid}")
                continue
            kind = re.sub(r"\d+$", "", role)
            target = {"Content": gold.contents, "Cue": gold.cues, "Source": gold.sources}.get(kind)
            if target is not None:
                target.extend(spans[tid][1])
        if gold.contents:
            attributions.append(gold)
        else:
            notes.append(f"{path.name} {eid}: no Content, left out")
    return attributions, notes


def read_brat_folder(folder: Path) -> list[tuple[str, str, list[GoldAttribution]]]:
    """(doc_id, text, attributions) for every text of a PolNeAR-style folder (text/ + attributions/)."""
    text_dir, ann_dir = folder / "text", folder / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"brat gold folder '{folder}' must hold text/ and attributions/")
    documents = []
    for text_path in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{text_path.stem}_*.ann"))
        text = text_path.read_bytes().decode("utf-8")
        attributions = read_ann(anns[0])[0] if anns else []
        documents.append((text_path.stem, text, attributions))
    return documents
