"""Nouns that news uses to describe bodies, not people, counted on unannotated articles.

'the software giant said', 'the UK's biggest mortgage lender said', 'the former monopoly said': a definite
description refers back to an entity of the kind its noun describes, and neither the parser nor a hand list
knows that 'giant', 'lender' or 'monopoly' describe firms. Usage does: news puts such a noun before or in
apposition to the names the NER tags as organisations ('computer giant Microsoft', 'Halifax, the UK's
biggest mortgage lender'), and 'striker', 'economist' before people's names. The table keeps the nouns
that describe an organisation in at least BODY_SHARE of the MIN_COUNT or more times they describe a name:

    saidwhat train --body-nouns --texts ../shared/data/bbc/train.csv --out src/saidwhat/models --force
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

BODY_NOUNS_FILE = "body_nouns.json"
# Like the casing table's (learn/casing.py): nine in ten of three or more uses.
BODY_SHARE = 0.75
MIN_COUNT = 3
_ORGANISATION = "ORG"
_PERSON = "PERSON"


def described_nouns(doc: Doc) -> Iterable[tuple[str, str]]:
    """(noun lemma, 'ORG' or 'PERSON') for each noun that heads a title right before a name ('computer giant
    Acme': giant) or an appositive after it ('Acme, the biggest lender': lender)."""
    for ent in doc.ents:
        if ent.label_ not in (_ORGANISATION, _PERSON):
            continue
        title = _title_head(doc, ent)
        if title is not None:
            yield title, ent.label_
        for child in ent.root.children:
            if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= ent.end:
                yield child.lemma_.lower(), ent.label_


def _title_head(doc: Doc, ent: Span) -> str | None:
    """The common noun right before a name that the name is compounded with or in apposition to."""
    if ent.start == 0:
        return None
    before = doc[ent.start - 1]
    if before.pos_ != "NOUN" or not before.is_lower:
        return None
    linked = before.head.i in range(ent.start, ent.end) or ent.root.head.i == before.i
    return before.lemma_.lower() if linked else None


def count_described(docs: Iterable[Doc]) -> tuple[Counter[str], Counter[str]]:
    """How often each noun describes an organisation's name and a person's."""
    bodies: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for doc in docs:
        for noun, label in described_nouns(doc):
            (bodies if label == _ORGANISATION else people)[noun] += 1
    return bodies, people


def nouns_of_bodies(bodies: Counter[str], people: Counter[str]) -> list[str]:
    """The nouns that describe an organisation at least BODY_SHARE of the MIN_COUNT or more times."""
    return sorted(
        noun
        for noun in bodies
        if noun.isalpha() and (seen := bodies[noun] + people[noun]) >= MIN_COUNT and bodies[noun] >= BODY_SHARE * seen
    )


def learn_body_nouns(nlp: Language, texts: Iterable[str]) -> list[str]:
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name.startswith("saidwhat")]):
        return nouns_of_bodies(*count_described(nlp.pipe(texts, batch_size=32)))


@lru_cache(maxsize=1)
def shipped_body_nouns() -> frozenset[str]:
    """The table that ships in the package (models/body_nouns.json), empty without one."""
    path = Path(str(files("saidwhat").joinpath("models", BODY_NOUNS_FILE)))
    if not path.exists():
        return frozenset()
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["nouns"])


def save_body_nouns(nouns: list[str], path: Path, *, source: str, texts: int) -> None:
    meta = {"source": source, "texts": texts, "share": BODY_SHARE, "min_count": MIN_COUNT}
    path.write_text(json.dumps({"meta": meta, "nouns": nouns}, indent=0) + "\n", encoding="utf-8")
