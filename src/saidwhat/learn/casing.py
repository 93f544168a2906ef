"""Words that news writes in lower case, counted on unannotated articles.

A capitalised word that opens a sentence says nothing of its case, so 'Guitarist Ann Lee said' gives the
parser and the NER one name of three words. Whether 'Guitarist' is a role or a first name is a fact of
English usage that a corpus shows: news writes 'guitarist', 'correspondent' and 'fellow' in lower case
inside a sentence nearly always, and 'Mark', 'Bill' and 'May' capitalised often (as names and a month).
The table counts every word but a sentence's first, in the 'text' column of a CSV of news:

    saidwhat train --casing --texts ../shared/data/bbc/train.csv --out src/saidwhat/models --force
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

LOWERCASE_WORDS_FILE = "lowercase_words.json"
# Chosen by 5-fold CV on bbc-train-gold (speakers), with the names it changes read on 250 unseen BBC
# articles: at 0.9 no CV figure moves and five role-word names are mended; at 0.8 three quotes fall
# out of the confident share. A word seen fewer than three times inside sentences is not counted.
LOWER_SHARE = 0.9
MIN_COUNT = 3

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
_PLAIN_WORD = re.compile(r"[A-Za-z][a-z]+")
_EDGE_PUNCTUATION = "\"',.;:!?()\u2018\u2019\u201c\u201d"


def count_cases(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """How often each word (lower-cased) is written in lower case and capitalised, past each sentence's first."""
    lower: Counter[str] = Counter()
    capitalised: Counter[str] = Counter()
    for text in texts:
        for sentence in _SENTENCE_BREAK.split(text):
            for raw in sentence.split()[1:]:
                word = raw.strip(_EDGE_PUNCTUATION)
                if not _PLAIN_WORD.fullmatch(word):
                    continue
                if word[0].isupper():
                    capitalised[word.lower()] += 1
                else:
                    lower[word] += 1
    return lower, capitalised


def words_written_lower(texts: Iterable[str]) -> list[str]:
    """The words written in lower case at least LOWER_SHARE of the MIN_COUNT or more times they occur."""
    lower, capitalised = count_cases(texts)
    return sorted(
        word
        for word in lower.keys() | capitalised.keys()
        if (seen := lower[word] + capitalised[word]) >= MIN_COUNT and lower[word] >= LOWER_SHARE * seen
    )


def save_lowercase_words(words: list[str], path: Path, *, source: str, texts: int) -> None:
    table = {"source": source, "texts": texts, "lower_share": LOWER_SHARE, "min_count": MIN_COUNT, "words": words}
    path.write_text(json.dumps(table, indent=0) + "\n", encoding="utf-8")


@lru_cache(maxsize=1)
def news_lowercase_words() -> frozenset[str]:
    """The shipped table (models/lowercase_words.json); empty when it is missing, so names keep every word."""
    path = Path(str(files("saidwhat").joinpath("models", LOWERCASE_WORDS_FILE)))
    if not path.exists():
        return frozenset()
    return frozenset(json.loads(path.read_text(encoding="utf-8"))["words"])
