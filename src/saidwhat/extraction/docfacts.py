"""Facts of a Doc computed once: `Doc.text` joins every token and `Token.sent` walks the document
on every call, which made them the largest cost of the saidwhat component."""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LOWER, ORTH, POS, SPACY, TAG
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc, Span, Token

from .lexicon import CORE_SAYING_VERBS, NO_ONE_IN_PARTICULAR
from .marks import QuotedRun, find_quoted_runs

QUOTE_CHARS = frozenset('"“”„«»')

_COLUMNS = [LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, IS_SPACE, IS_PUNCT, IS_STOP, ORTH, SPACY]
# Part-of-speech, tag, dependency and entity labels by their hash: a few hundred in all.
_LABELS: dict[int, str] = {}


class TokenColumns:
    """What the scorers ask of every word, read from spaCy's arrays in one call per document: a
    Token object per word per question was most of the cue scorer's time. Words are looked up by
    index; their strings only when asked for (`lower`, `lemma`, `text`)."""

    __slots__ = (
        "_lemma",
        "_strings",
        "children",
        "dep",
        "ent_type",
        "glued",
        "head",
        "is_punct",
        "is_space",
        "is_stop",
        "lower_key",
        "orth_key",
        "pos",
        "tag",
    )

    def __init__(self, doc: Doc) -> None:
        self._strings: StringStore = doc.vocab.strings
        array = doc.to_array(_COLUMNS)
        lower, lemma, pos, tag, dep, head, ent, space, punct, stop, orth, spacy = (array[:, n] for n in range(12))
        # the hashes of each word's lowercase and exact form, to compare with `spacy.strings.get_string_id`
        self.lower_key: list[int] = lower.tolist()
        self.orth_key: list[int] = orth.tolist()
        self._lemma: list[int] = lemma.tolist()
        self.pos, self.tag, self.dep, self.ent_type = (self._labels(column.tolist()) for column in (pos, tag, dep, ent))
        self.is_space: list[bool] = space.astype(bool).tolist()
        self.is_punct: list[bool] = punct.astype(bool).tolist()
        self.is_stop: list[bool] = stop.astype(bool).tolist()
        self.glued: list[bool] = (spacy == 0).tolist()  # no whitespace after the word
        # HEAD holds the offset to the head as an unsigned number: read back as signed
        self.head: list[int] = (numpy.arange(len(doc)) + head.astype(numpy.int64)).tolist()
        self.children: list[list[int]] = [[] for _ in self.head]
        for i, parent in enumerate(self.head):
            if parent != i:
                self.children[parent].append(i)

    def _labels(self, hashes: list[int]) -> list[str]:
        for key in set(hashes).difference(_LABELS):
            _LABELS[key] = self._strings[key] if key else ""
        return [_LABELS[key] for key in hashes]

    def lower(self, i: int) -> str:
        return str(self._strings[self.lower_key[i]])

    def lemma(self, i: int) -> str:
        """The lemma, lowercased."""
        return str(self._strings[self._lemma[i]]).lower()

    def text(self, i: int) -> str:
        return str(self._strings[self.orth_key[i]])

    def with_lemma(self, lemmas: frozenset[str]) -> list[int]:
        """Indices of the words with one of these lemmas (lowercase), found by hash."""
        keys = {get_string_id(lemma) for lemma in lemmas} | {get_string_id(lemma.title()) for lemma in lemmas}
        return [i for i, key in enumerate(self._lemma) if key in keys]


@dataclass(frozen=True, slots=True)
class DocFacts:
    """The quoted runs of the text, and for every token: its sentence, and whether it stands inside
    a quoted run."""

    # The Doc they describe, by weak reference: facts kept on a Doc must not keep it alive, and a copy of
    # its user_data on another Doc (`Doc.copy`) must not pass for that Doc's facts.
    doc: weakref.ref[Doc]
    text: str
    sentence_of: tuple[int, ...]
    bounds: tuple[tuple[int, int], ...]
    runs: tuple[QuotedRun, ...]
    mark_notes: tuple[str, ...]  # unbalanced marks, for the record's errors
    quoted: tuple[bool, ...]
    has_mark: tuple[bool, ...]
    columns: TokenColumns
    # Who speaks in the article: the subjects (lowercased) of 'say' and 'tell' outside quotation marks.
    speakers: frozenset[str]
    # Per-sentence tables that other stages read more than once (learn/boundaries.py).
    tables: dict[tuple[int, int], Any] = field(default_factory=dict)

    def sent(self, token: Token) -> Span:
        start, end = self.bounds[self.sentence_of[token.i]]
        return token.doc[start:end]

    def inside_quotes(self, token: Token) -> bool:
        return self.quoted[token.i]

    def sentence_has_mark(self, token: Token) -> bool:
        return self.has_mark[self.sentence_of[token.i]]


def _quoted(offsets: list[int], runs: list[QuotedRun]) -> tuple[bool, ...]:
    """Whether each token (by its start offset) stands inside a quoted run (its closing mark included, its opening not).

    Read from the paired marks, not counted per sentence: a quote of several sentences leaves its
    closing mark in the last one ('"... Christ." I would say, "That's ridiculous," the president
    added'), where counting from the sentence start put 'added' inside the quote; and counting over
    a whole text runs wild after one stray mark where paragraph breaks were lost."""
    # Double marks only, as the cue scorer learned them; not the doubled apostrophes of PolNeAR's NYT
    # texts (''...''), which made it find more cues in quotes and fewer right ones (dev cue F1 -0.002).
    parts = sorted(part for run in runs if run.family == "double" and run.opener != "''" for part in run.parts)
    quoted: list[bool] = []
    index = 0
    for start in offsets:
        while index < len(parts) and parts[index][1] <= start:
            index += 1
        quoted.append(index < len(parts) and parts[index][0] < start)
    return tuple(quoted)


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token bounds of each sentence, read from the sentence-start array: walking `Doc.sents`
    builds a Span and a Token per word."""
    if not doc.has_annotation("SENT_START"):
        return [(sent.start, sent.end) for sent in doc.sents]  # raises spaCy's own error
    starts = [i for i, flag in enumerate(doc.to_array("SENT_START").tolist()) if flag == 1 or i == 0]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def _compute(doc: Doc) -> DocFacts:
    sentence_of: list[int] = []
    has_mark: list[bool] = []
    columns = TokenColumns(doc)
    text = doc.text
    starts: list[int] = doc.to_array("IDX").tolist()  # token offsets without a Token object for each
    offsets = [*starts, len(text)]
    bounds = _sentence_bounds(doc) if len(doc) else []
    for index, (start, end) in enumerate(bounds):
        sentence_of += [index] * (end - start)
        has_mark.append(not QUOTE_CHARS.isdisjoint(text[offsets[start] : offsets[end]]))
    runs, notes = find_quoted_runs(text)
    quoted = _quoted(starts, runs)
    speakers = _speakers(columns, quoted)
    return DocFacts(
        weakref.ref(doc),
        text,
        tuple(sentence_of),
        tuple(bounds),
        tuple(runs),
        tuple(notes),
        quoted,
        tuple(has_mark),
        columns,
        speakers,
    )


def _speakers(words: TokenColumns, quoted: tuple[bool, ...]) -> frozenset[str]:
    return frozenset(
        words.lower(child)
        for i in words.with_lemma(CORE_SAYING_VERBS)
        if not quoted[i]
        for child in words.children[i]
        if words.dep[child] == "nsubj" and words.lower(child) not in NO_ONE_IN_PARTICULAR
    )


def token_at(doc: Doc, char: int) -> Token | None:
    """The token that holds the character at offset `char`; None where it is not in a token."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


# Where a Doc keeps its facts: per document, so that threads working on different documents never
# share them. Not msgpack-safe, so `forget_doc_facts` takes them off before a Doc is serialised.
FACTS_KEY = "saidwhat_facts"


def doc_facts(doc: Doc) -> DocFacts:
    """The facts of `doc`, computed on first use and kept in `doc.user_data` until `forget_doc_facts`."""
    facts = doc.user_data.get(FACTS_KEY)
    if not isinstance(facts, DocFacts) or facts.doc() is not doc:
        facts = _compute(doc)
        doc.user_data[FACTS_KEY] = facts
    return facts


def forget_doc_facts(doc: Doc) -> None:
    """Take the facts off `doc` (they hold Python objects that `Doc.to_bytes` cannot write)."""
    doc.user_data.pop(FACTS_KEY, None)


def doc_text(doc: Doc) -> str:
    """`doc.text` from the Doc's facts when they are kept (spaCy joins every token on each call), else joined."""
    facts = doc.user_data.get(FACTS_KEY)
    if isinstance(facts, DocFacts) and facts.doc() is doc:
        return facts.text
    return doc.text
