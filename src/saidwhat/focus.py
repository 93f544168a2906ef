"""Parse only what the decisions need: the sentences that can hold a quotation, and their neighbours.

The statistical pipeline (tok2vec, tagger, parser, lemmatizer, ner) is nearly all the cost of
extraction. A quotation has a quotation mark or a cue (a form of a speech verb, 'according to')
in its sentence, so those sentences (with every sentence inside a quoted run, and
`CONTEXT_BEFORE` and `CONTEXT_AFTER` neighbours) go through the full pipeline, as small docs batched
through `nlp.pipe`. The other sentences are only tokenized and run through the named-entity
recognizer (speakers are resolved over the whole article), and all pieces are joined back into
one Doc over the original text with `Doc.from_docs`, so offsets need no shifting. The saidwhat
component then runs on that Doc as usual.
"""

from __future__ import annotations

import logging
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from .extraction.lexicon import CUE_PHRASES, SPEECH_VERBS
from .extraction.marks import find_quote_marks, find_quoted_runs
from .segment import rough_sentence_bounds

logger = logging.getLogger(__name__)

# Sentences parsed before and after each sentence that can hold a quotation.
CONTEXT_BEFORE = 1
CONTEXT_AFTER = 1
# Parse the whole article when focusing would leave out less than this share of its tokens.
MIN_SKIPPED_SHARE = 0.15
# Pipes run over the sentences left out: entities anywhere can be the speaker named later.
GAP_PIPES = ("ner",)
# The first pipe that needs the whole article; it and the pipes after it run on the joined Doc.
ARTICLE_PIPE = "saidwhat"


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of tokens of an article, and whether it goes through the full pipeline."""

    start: int
    end: int
    parse: bool


class CueLexicon:
    """Tells whether a word could be a cue: a form of a speech verb, or the first word of a cue phrase.

    Forms come from the English lemmatizer's own verb tables (suffix rules and irregular forms),
    so 'said', 'told', 'insists', 'argued' are known without tagging the text first.
    """

    _MAX_CACHED = 200_000

    def __init__(
        self,
        rules: tuple[tuple[str, str], ...],
        exceptions: dict[str, list[str]],
        cue_lemmas: frozenset[str] = SPEECH_VERBS,
    ) -> None:
        self.rules = rules
        self.exceptions = exceptions
        self.cue_lemmas = cue_lemmas
        self.phrase_starts = frozenset(phrase.split()[0] for phrase in (*CUE_PHRASES, "according to"))
        self._known: dict[str, bool] = {}

    def is_cue_word(self, lower: str) -> bool:
        known = self._known.get(lower)
        if known is None:
            if len(self._known) > self._MAX_CACHED:
                self._known.clear()
            known = self._known[lower] = lower in self.phrase_starts or not self._lemmas(lower).isdisjoint(
                self.cue_lemmas
            )
        return known

    def _lemmas(self, lower: str) -> set[str]:
        lemmas = {lower, *self.exceptions.get(lower, ())}
        lemmas.update(lower[: len(lower) - len(old)] + new for old, new in self.rules if lower.endswith(old))
        return lemmas


@lru_cache(maxsize=4)
def cue_lexicon(nlp: Language) -> CueLexicon:
    """The cue lexicon of a pipeline, built once from its lemmatizer's tables (none without one)."""
    if "lemmatizer" not in nlp.pipe_names:
        return CueLexicon((), {})
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    lookups = lemmatizer.lookups
    try:
        rules = tuple((str(old), str(new)) for old, new in lookups.get_table("lemma_rules").get("verb", []))
        exceptions = dict(lookups.get_table("lemma_exc").get("verb", {}))
    except KeyError:
        return CueLexicon((), {})
    return CueLexicon(rules, exceptions, _cue_lemmas_of(nlp))


def _cue_lemmas_of(nlp: Language) -> frozenset[str]:
    """The lemmas the pipeline's saidwhat component can take for cues (its learned model's, or the speech verbs)."""
    if "saidwhat" not in nlp.pipe_names:
        return SPEECH_VERBS
    deciders = getattr(nlp.get_pipe("saidwhat"), "deciders", None)
    return frozenset(getattr(deciders, "cue_lemmas", SPEECH_VERBS))


def _hot_sentences(nlp: Language, doc: Doc, bounds: list[tuple[int, int]]) -> list[bool]:
    """Which sentences hold a cue word, a quotation mark or part of a quoted run."""
    starts = [doc[start].idx for start, _ in bounds]
    lexicon = cue_lexicon(nlp)
    hot = [any(lexicon.is_cue_word(token.lower_) for token in doc[start:end]) for start, end in bounds]
    text = doc.text
    for mark in find_quote_marks(text):
        hot[bisect_right(starts, mark.offset) - 1] = True
    runs, _ = find_quoted_runs(text)
    for run in runs:
        for part_start, part_end in run.parts:
            first = max(0, bisect_right(starts, part_start) - 1)
            last = max(first, bisect_left(starts, part_end) - 1)
            for index in range(first, last + 1):
                hot[index] = True
    return hot


def plan_pieces(nlp: Language, doc: Doc) -> list[Piece]:
    """The article cut into pieces to parse (hot sentences and neighbours) and pieces to skip."""
    bounds = rough_sentence_bounds(doc)
    if not bounds:
        return [Piece(0, len(doc), True)]
    hot = _hot_sentences(nlp, doc, bounds)
    selected = [any(hot[max(0, i - CONTEXT_AFTER) : i + CONTEXT_BEFORE + 1]) for i in range(len(bounds))]
    pieces: list[Piece] = []
    for (start, end), parse in zip(bounds, selected, strict=True):
        if pieces and pieces[-1].parse == parse:
            pieces[-1] = Piece(pieces[-1].start, end, parse)
        else:
            pieces.append(Piece(start, end, parse))
    skipped = sum(piece.end - piece.start for piece in pieces if not piece.parse)
    if skipped < MIN_SKIPPED_SHARE * len(doc):
        return [Piece(0, len(doc), True)]
    return pieces


def _mark_sentences(doc: Doc, bounds: Iterable[tuple[int, int]]) -> None:
    for start, end in bounds:
        for i in range(start, end):
            doc[i].is_sent_start = i == start


def _piece_doc(doc: Doc, piece: Piece) -> Doc:
    part = doc[piece.start : piece.end].as_doc()
    if not piece.parse:
        _mark_sentences(part, rough_sentence_bounds(part))
    return part


def parse_focused(nlp: Language, texts: list[tuple[str, int]]) -> dict[int, Doc]:
    """Parsed Docs, keyed like `texts`, that went through the whole pipeline with focus on what matters."""
    if ARTICLE_PIPE not in nlp.pipe_names:
        return {key: doc for doc, key in nlp.pipe(texts, as_tuples=True)}
    article_pipes = nlp.pipe_names[nlp.pipe_names.index(ARTICLE_PIPE) :]
    docs = {key: nlp.make_doc(text) for text, key in texts}
    plans = {key: plan_pieces(nlp, doc) for key, doc in docs.items()}
    whole = {key for key, plan in plans.items() if plan == [Piece(0, len(docs[key]), True)]}
    results = {key: doc for doc, key in nlp.pipe([(docs[key], key) for key in whole], as_tuples=True)}
    pieces = [(key, n, piece) for key, plan in plans.items() if key not in whole for n, piece in enumerate(plan)]
    done = dict(_run_pieces(nlp, docs, pieces, article_pipes))
    for key, plan in plans.items():
        if key not in whole:
            results[key] = _join(nlp, docs[key], [done[(key, n)] for n in range(len(plan))], article_pipes)
    return results


def _run_pieces(
    nlp: Language, docs: dict[int, Doc], pieces: list[tuple[int, int, Piece]], article_pipes: list[str]
) -> Iterable[tuple[tuple[int, int], Doc]]:
    """Pieces to parse go through every pipe before the article pipes; the others through `GAP_PIPES`."""
    parse = [(_piece_doc(docs[key], piece), (key, n)) for key, n, piece in pieces if piece.parse]
    yield from ((key, doc) for doc, key in nlp.pipe(parse, as_tuples=True, disable=article_pipes))
    gaps = [(_piece_doc(docs[key], piece), (key, n)) for key, n, piece in pieces if not piece.parse]
    gap_disable = [name for name in nlp.pipe_names if name not in GAP_PIPES]
    yield from ((key, doc) for doc, key in nlp.pipe(gaps, as_tuples=True, disable=gap_disable))


def _join(nlp: Language, doc: Doc, parts: list[Doc], article_pipes: list[str]) -> Doc:
    """One Doc over the article's text from its pieces, then through the article pipes."""
    for part in parts:
        part.tensor = numpy.zeros((0,), dtype="float32")
    joined = Doc.from_docs(parts, ensure_whitespace=False)
    if joined.text != doc.text:  # pragma: no cover - from_docs keeps the text; parse whole if not
        logger.debug("pieces did not join back into the text; parsing the whole article")
        return nlp(doc)
    for name in article_pipes:
        joined = nlp.get_pipe(name)(joined)
    return joined
