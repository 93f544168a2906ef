"""Where a cue's content starts and ends: two token scorers over the cue's sentence.

Choosing among whole parse subtrees misses contents that the parse splits differently; scoring
each token as a possible first and last word of the content, with features that still say which
subtree edges it sits on, covers far more of what annotators mark.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Span, Token

from ..extraction.docfacts import doc_facts
from ..extraction.lexicon import SPEECH_VERBS
from .features import Features
from .linear import LinearModel

_QUOTES = frozenset('"“”„«»')
_OPENERS = frozenset({"that", "to", "whether", "if", "what", "how", "why", "when", "where", "who", "for"})


def _bucket(distance: int) -> str:
    for limit in (1, 2, 3, 5, 8, 13, 21):
        if distance <= limit:
            return str(limit)
    return "far"


_BUCKETS = [_bucket(distance) for distance in range(22)]  # looked up: every token of every cue's sentence


def region(cue: Token) -> Span:
    """The tokens a content may be taken from: the cue's sentence."""
    return doc_facts(cue.doc).sent(cue)


def subtree_owner(cue: Token) -> dict[int, str]:
    """Token index -> the dep of the cue's child whose subtree holds it ('ccomp', 'nsubj', ...)."""
    owner: dict[int, str] = {}
    for child in cue.children:
        for token in child.subtree:
            owner[token.i] = child.dep_
    return owner


def edge_labels(cue: Token) -> tuple[dict[int, str], dict[int, str]]:
    """Token index -> dep label, for left and right edges of the cue's children and of its head's subtree."""
    lefts: dict[int, str] = {}
    rights: dict[int, str] = {}
    for child in cue.children:
        lefts.setdefault(child.left_edge.i, child.dep_)
        rights.setdefault(child.right_edge.i, child.dep_)
    if cue.head.i != cue.i:
        lefts.setdefault(cue.head.left_edge.i, "head")
        rights.setdefault(cue.head.right_edge.i, "head")
        lefts.setdefault(cue.right_edge.i + 1, "after_cue_tree")
        rights.setdefault(cue.left_edge.i - 1, "before_cue_tree")
    return lefts, rights


Columns = tuple[list[str], list[bool], list[str], list[str], list[str], list[bool], list[bool]]


def _window_columns(doc: Doc, start: int, end: int) -> Columns:
    """Text, punctuation flag, word class, dependency, POS, space flag and no-space-after flag of
    each token in doc[start:end], read in one pass and kept for the other cues of the sentence (each Token
    object costs)."""
    tables = doc_facts(doc).tables
    if (start, end) not in tables:
        tables[start, end] = _read_columns(doc, start, end)
    columns: Columns = tables[start, end]
    return columns


def _read_columns(doc: Doc, start: int, end: int) -> Columns:
    words = doc_facts(doc).columns
    end = min(len(doc), end)
    text = [words.text(i) for i in range(start, end)]
    punct = words.is_punct[start:end]
    lowers = [words.lower(i) for i in range(start, end)]
    word = [
        lower if words.is_stop[i] or lower in _OPENERS or words.is_punct[i] else words.pos[i]
        for i, lower in enumerate(lowers, start)
    ]
    dep, pos = words.dep[start:end], words.pos[start:end]
    return text, punct, word, dep, pos, words.is_space[start:end], words.glued[start:end]


class BoundaryContext:
    """One cue and the tokens of its sentence, read from the Doc once: scoring every token twice
    through spaCy's Token objects was most of saidwhat's own analysis time."""

    def __init__(self, cue: Token) -> None:
        doc = cue.doc
        sent = region(cue)
        self.cue = cue.i
        self.lemma = cue.lemma_.lower()
        self.cue_dep = cue.dep_
        self.lefts, self.rights = edge_labels(cue)
        self.owner = subtree_owner(cue)
        self.first, self.last = sent.start, sent.end - 1
        # The sentence and one neighbour either side (the token before a start, after an end).
        self.offset = max(0, sent.start - 1)
        columns = _window_columns(doc, self.offset, sent.end + 1)
        self.text, self.punct, self.word, self.dep, self.pos, space, self.glued = columns
        self.candidates = [i for i in range(sent.start, sent.end) if i != cue.i and not space[i - self.offset]]
        self.doc_length = len(doc)

    def keys(self, i: int, *, start: bool) -> list[str]:
        """The features of token `i` as the first (start=True) or last word of the content that
        are on (value 1.0), in a fixed order."""
        side = "after" if i > self.cue else "before"
        n = i - 1 if start else i + 1
        if n == self.cue:
            near = "CUE"
        elif 0 <= n < self.doc_length and self.punct[n - self.offset]:
            near = self.text[n - self.offset]
        else:
            near = "w"
        edge = (self.lefts if start else self.rights).get(i, "none")
        word = self.word[i - self.offset]
        at_sentence_edge = i == (self.first if start else self.last)
        owner = self.owner.get(i, "none")
        keys = [
            "bias",
            f"side={side}",
            f"dist={side}{_BUCKETS[distance] if (distance := abs(i - self.cue)) < 22 else 'far'}",
            f"edge={edge}",
            f"edge_side={edge}|{side}",
            f"edge_lemma={edge}|{self.lemma}",
            f"near={near}",
            f"near_side={near}|{side}",
            f"word={word}",
            f"word_edge={word}|{edge}",
            f"dep={self.dep[i - self.offset]}",
            f"pos={self.pos[i - self.offset]}",
        ]
        if at_sentence_edge:
            keys.append("sent_edge")
        keys.append(f"sent_edge_side={at_sentence_edge}|{side}")
        if self.text[i - self.offset] in _QUOTES:
            keys.append("quote")
        # The word past the edge and the one past that: a content stops before ', which' or ', but' as
        # often as not, before 'in' or 'while' more often (dev content exact F1 0.586 -> 0.599).
        beyond = n + (-1 if start else 1)
        if self.first - 1 <= n <= self.last + 1 and 0 <= n < self.doc_length:
            next_word = self.word[n - self.offset]
            keys.append(f"next_word={next_word}|{side}")
            if self.first - 1 <= beyond <= self.last + 1 and 0 <= beyond < self.doc_length:
                keys.append(f"next_two={next_word}|{self.word[beyond - self.offset]}")
        keys += [
            f"cue_dep={self.cue_dep}|{side}",
            f"owner={owner}",
            f"owner_edge={owner}|{edge}",
            f"owner_near={owner}|{near}",
        ]
        return keys

    def features(self, i: int, *, start: bool) -> Features:
        """The same features as a sparse dict, for training."""
        features = dict.fromkeys(self.keys(i, start=start), 1.0)
        features.setdefault("sent_edge", 0.0)
        features.setdefault("quote", 0.0)
        return features

    def log_probabilities(self, model: LinearModel, *, start: bool) -> list[tuple[float, int]]:
        return [(math.log(model.probability_of_keys(self.keys(i, start=start))), i) for i in self.candidates]

    def splits_a_word(self, i: int) -> bool:
        """Do tokens i and i + 1 make one word ('do' and "n't")? (Only for i inside the sentence.)"""
        at = i - self.offset
        if not (self.first - 1 <= i <= self.last and 0 <= at < len(self.text) - 1) or not self.glued[at]:
            return False
        return any(c.isalnum() for c in self.text[at]) and any(c.isalnum() for c in self.text[at + 1])

    def within_stops(self) -> None:
        """Keep only the candidates between the full stops around the cue: the parser often runs
        '... said on Twitter. "Black folks ..."' into one sentence, and a content never crosses
        a stop that a new sentence follows. (Training keeps the whole sentence; the gold never
        crosses such a stop, so the scorers learned nothing there to lose.)"""
        stops = [i for i in self.candidates if self._ends_sentence(i)]
        first = max((i + 1 for i in stops if i < self.cue), default=self.first)
        last = min((i for i in stops if i > self.cue), default=self.last)
        self.candidates = [i for i in self.candidates if first <= i <= last]

    def _ends_sentence(self, i: int) -> bool:
        following = i + 1 - self.offset
        if self.text[i - self.offset] not in (".", "!", "?") or i >= self.last or following >= len(self.text):
            return False
        after = self.text[following]
        return after in _QUOTES or after[:1].isupper()


def _between_reporting_verbs_above(cue: Token) -> tuple[int, int]:
    """What a cue reports stays clear of a speech verb that governs it: in 'While he acknowledged
    funding was a reason, Ham also noted X', 'acknowledged' does not report 'Ham also noted X'."""
    first, last = 0, len(cue.doc)
    for above in cue.ancestors:
        if above.pos_ == "VERB" and above.lemma_.lower() in SPEECH_VERBS:
            if above.i < cue.i:
                first = max(first, above.i + 1)
            else:
                last = min(last, above.i - 1)
    return first, last


def best_bounds(cue: Token, start_model: LinearModel, end_model: LinearModel) -> tuple[int, int] | None:
    """Token bounds [start, end) of the likeliest content of `cue`: the best pair of a first and a
    last word, in order, on one side of the cue."""
    context = BoundaryContext(cue)
    context.within_stops()
    starts = context.log_probabilities(start_model, start=True)
    ends = context.log_probabilities(end_model, start=False)
    first, last = _between_reporting_verbs_above(cue)
    best: tuple[float, int, int] | None = None
    for before_cue in (True, False):
        # Walk the ends in order, keeping the best start so far: the pairs in one pass, not all of them.
        top: tuple[float, int] | None = None
        for (start_score, start), (end_score, end) in zip(starts, ends, strict=True):
            if (start < cue.i) != before_cue or start < first or end > last:
                continue
            if (top is None or start_score > top[0]) and not context.splits_a_word(start - 1):
                top = (start_score, start)
            if top is None or context.splits_a_word(end):
                continue  # 'those who do|n't'
            total = top[0] + end_score
            if best is None or total > best[0] or (total == best[0] and (top[1], end) < best[1:]):
                best = (total, top[1], end)
    return (best[1], best[2] + 1) if best else None
