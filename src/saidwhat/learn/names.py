"""Names of people and bodies without spaCy's NER: a linear classifier over runs of proper nouns.

spaCy's NER, with its own encoder, is half of saidwhat's time, and saidwhat needs of it only which
runs of proper nouns name a person, an organisation or a place. This classifier answers that from the
tagger and the parser that run anyway. It is learned from the NER's own entities on news text (the
English pipeline distilled; no annotation needed):

    saidwhat train --names --texts ../shared/data/bbc/train.csv --out src/saidwhat/models --force

Used when the setting `entities` is "fast" (`saidwhat extract --fast-entities`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span

from ..extraction.lexicon import HONORIFICS, ORGANISATION_NOUNS, TITLE_WORDS

LABELS = ("PERSON", "ORG", "GPE", "NORP", "O")
# The NER's labels that matter to saidwhat; every other type is 'O' here.
_KEPT = frozenset(LABELS) - {"O"}
# Words that may stand inside a name between proper nouns ('Bank of England', 'Marks & Spencer').
_JOINER_KEYS = frozenset(get_string_id(word) for word in ("of", "for", "&", "and", "de", "van", "von", "al", "bin"))
NAMES_FILE = "names.json"
# Words that make a name a body's ('Northlight Studios', 'Leeds City Council'), seen in training or not.
_BODY_WORDS = ORGANISATION_NOUNS | {
    "studios",
    "inc",
    "ltd",
    "plc",
    "corp",
    "corporation",
    "group",
    "holdings",
    "university",
    "college",
    "institute",
    "foundation",
    "trust",
    "society",
    "commission",
    "authority",
    "services",
    "records",
    "airways",
    "airlines",
    "motors",
    "news",
    "times",
    "police",
    "church",
    "fund",
    "ministry",
    "office",
    "parliament",
    "assembly",
    "league",
    "fc",
}


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of every run of proper nouns, joined across 'of', '&' and the like. (Read from
    spaCy's arrays: a Token object per word of every article cost more than the rest.)"""
    proper: list[bool] = (doc.to_array(POS) == PROPN).tolist()
    lowers: list[int] = doc.to_array(LOWER).tolist()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not proper[i]:
            i += 1
            continue
        end = i + 1
        while end < len(doc):
            if proper[end]:
                end += 1
            elif lowers[end] in _JOINER_KEYS and end + 1 < len(doc) and proper[end + 1]:
                end += 2
            else:
                break
        runs.append((i, end))
        i = end
    return runs


def _shape(text: str) -> str:
    if text.isupper():
        return "XX"
    if text[:1].isupper():
        return "Xx"
    return "x"


def run_features(doc: Doc, start: int, end: int) -> list[str]:
    """What the classifier knows about the run doc[start:end]: its words, their shapes, its context."""
    span = doc[start:end]
    words = [token.lower_ for token in span]
    before = doc[start - 1].lower_.rstrip(".") if start > 0 else "<s>"
    before2 = doc[start - 2].lower_ if start > 1 else "<s>"
    after = doc[end].lower_ if end < len(doc) else "</s>"
    root = span.root
    keys = ["bias", f"n={min(len(words), 4)}", f"first={words[0]}", f"last={words[-1]}"]
    keys += [f"w={word}" for word in words]
    keys += [
        f"suffix={words[-1][-3:]}",
        f"shape={''.join(_shape(token.text) for token in span[:3])}",
        f"before={before}",
        f"before2={before2}",
        f"after={after}",
        f"dep={root.dep_}",
        f"head={root.head.lemma_.lower()}",
        f"head_dep={root.dep_}|{root.head.lemma_.lower()}",
    ]
    if any(word in _BODY_WORDS or word.rstrip("s") in _BODY_WORDS for word in words):
        keys.append("body_word")
    if before in HONORIFICS:
        keys.append("honorific")
    if before in TITLE_WORDS:
        keys.append("title")
    if start == 0 or doc[start - 1].is_sent_start is True or doc[start].is_sent_start:
        keys.append("sentence_start")
    return keys


@dataclass(frozen=True, slots=True)
class NameModel:
    """Per feature, one weight for each label of LABELS; a run takes the label that scores highest."""

    weights: dict[str, tuple[float, ...]]

    def label(self, keys: list[str]) -> str:
        found = [weights for weights in map(self.weights.get, keys) if weights is not None]
        totals = [sum(column) for column in zip(*found, strict=True)] if found else [0.0] * len(LABELS)
        return LABELS[max(range(len(LABELS)), key=totals.__getitem__)]

    def find_entities(self, doc: Doc) -> list[Span]:
        found = []
        for start, end in name_runs(doc):
            label = self.label(run_features(doc, start, end))
            if label != "O":
                found.append(Span(doc, start, end, label=label))
        return found

    def save(self, path: Path) -> None:
        payload = {"labels": list(LABELS), "weights": {key: list(values) for key, values in self.weights.items()}}
        path.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> NameModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["labels"]) != LABELS:
            raise ValueError(f"labels {data['labels']} are not {list(LABELS)}")
        return cls({str(key): tuple(float(w) for w in values) for key, values in data["weights"].items()})


def ner_label(doc: Doc, start: int, end: int) -> str:
    """The label spaCy's NER gives the run: that of the entity covering its last word, if kept."""
    label = doc[end - 1].ent_type_
    return label if label in _KEPT else "O"


def examples(docs: Iterable[Doc]) -> Iterator[tuple[list[str], str]]:
    for doc in docs:
        for start, end in name_runs(doc):
            yield run_features(doc, start, end), ner_label(doc, start, end)


def fit(pairs: list[tuple[list[str], str]], *, c: float = 1.0) -> NameModel:
    """Multinomial logistic regression (scikit-learn), exported as weights per label."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([dict.fromkeys(keys, 1.0) for keys, _ in pairs])
    classifier = LogisticRegression(C=c, max_iter=1000)
    classifier.fit(matrix, [label for _, label in pairs])
    names = vectorizer.get_feature_names_out()
    rows = {str(label): row for row, label in enumerate(classifier.classes_)}
    order = [rows[label] for label in LABELS]
    weights: dict[str, tuple[float, ...]] = {}
    for column, name in enumerate(names):
        values = tuple(round(float(classifier.coef_[row][column]), 3) for row in order)
        if max(abs(value) for value in values) >= 0.01:  # the rest changes no decision: a smaller file
            weights[str(name)] = values
    bias = weights.get("bias", (0.0,) * len(LABELS))
    weights["bias"] = tuple(round(b + float(classifier.intercept_[row]), 3) for b, row in zip(bias, order, strict=True))
    return NameModel(weights)
