"""Make two slow rule-based spaCy pipes fast without changing what they assign.

Profiling the English pipeline on news text shows the rule lemmatizer and the attribute ruler
(tag -> part of speech and morphology) at about a fifth of the time, both in Python-level
per-token work that repeats the same answer for the same inputs. Both get a memo keyed on
exactly what their answer depends on; tests compare every token's attributes with the plain pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

# Entries remembered per memo and process before starting afresh, so memory stays bounded.
MAX_MEMO_ENTRIES = 200_000


class _IndexList(list[str]):
    """A word list with set-speed membership; it stays a list for anything that saves the pipeline."""

    def __init__(self, words: Iterable[str]) -> None:
        super().__init__(words)
        self._members = frozenset(self)

    def __contains__(self, word: object) -> bool:
        return word in self._members


def speed_up_lemmatizer(nlp: Language) -> None:
    """Set-speed `lemma_index` lookups and a memo per (word, part of speech, morphology).

    spaCy's English rule lemmatizer looks each candidate form up in `lemma_index` tables that
    are plain lists (57,000 nouns: a linear scan per lookup), and caches only inflected forms, so
    every base form goes through `is_base_form` again. The lemma depends on the key alone.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "_saidwhat_fast", False):
        return
    if lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for key in list(index.keys()):
            index[key] = _IndexList(index[key])
    compute: Callable[[Token], list[str]] = lemmatizer.lemmatize
    memo: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)  # type: ignore[attr-defined]  # Cython attribute
        lemmas = memo.get(key)
        if lemmas is None:
            if len(memo) >= MAX_MEMO_ENTRIES:
                memo.clear()
            lemmas = memo[key] = compute(token)
        return lemmas

    lemmatizer.lemmatize = lemmatize
    lemmatizer._saidwhat_fast = True


_RULER_KEYS = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})
_RULER_OPS = frozenset({"IN", "NOT_IN", "REGEX"})

Match = tuple[int, int, int, int]
# Above this share of token contexts not seen yet, the Matcher runs over the whole doc at once.
MAX_NEW_SHARE = 0.2


class _RulerMemo:
    """The attribute ruler's matches at a position, keyed on what its patterns can look at.

    Valid for patterns without quantifiers over LOWER, TAG, DEP and IS_SPACE: a match starting
    at token i then depends on tokens i .. i+n-1 only, and a word matters only through the
    literal words and regular expressions the patterns name.
    """

    def __init__(self, nlp: Language, patterns: list[list[dict[str, Any]]]) -> None:
        self.strings = nlp.vocab.strings
        self.width = max(len(pattern) for pattern in patterns)
        self.words: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        for pattern in patterns:
            for spec in pattern:
                self._note_words(spec.get("LOWER"))
        self.word_class: dict[int, tuple[Any, ...]] = {}
        self.matches: dict[tuple[Any, ...], tuple[tuple[int, int, int], ...]] = {}

    def _note_words(self, value: Any) -> None:
        if isinstance(value, str):
            self.words.add(value)
        elif isinstance(value, dict):
            for op, operand in value.items():
                if op == "REGEX":
                    self.regexes.append(re.compile(operand))
                else:
                    self.words.update(operand)

    def _class_of(self, lower: int) -> tuple[Any, ...]:
        known = self.word_class.get(lower)
        if known is None:
            text = self.strings[lower]
            known = (text if text in self.words else None, *(bool(r.search(text)) for r in self.regexes))
            self.word_class[lower] = known
        return known

    def position_keys(self, doc: Doc) -> list[tuple[Any, ...]]:
        flags = (doc.has_annotation("TAG"), doc.has_annotation("DEP"))
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist() if len(doc) else []
        tokens = [(self._class_of(lower), tag, dep, space) for lower, tag, dep, space in rows]
        padded = tokens + [None] * (self.width - 1)
        return [(flags, *padded[i : i + self.width]) for i in range(len(tokens))]

    def remember(self, keys: list[tuple[Any, ...]], matches: list[Match]) -> None:
        if len(self.matches) + len(keys) > MAX_MEMO_ENTRIES:
            self.matches.clear()
        by_start: dict[int, list[tuple[int, int, int]]] = {}
        for attr_id, match_id, start, end in matches:
            by_start.setdefault(start, []).append((attr_id, match_id, end - start))
        for i, key in enumerate(keys):
            self.matches[key] = tuple(by_start.get(i, ()))


def _is_memoizable(patterns: list[list[dict[str, Any]]]) -> bool:
    for pattern in patterns:
        for spec in pattern:
            if not set(spec) <= _RULER_KEYS:
                return False
            if any(isinstance(v, dict) and not set(v) <= _RULER_OPS for v in spec.values()):
                return False
    return bool(patterns)


def speed_up_attribute_ruler(nlp: Language) -> None:
    """Remember the attribute ruler's matches per token context; the Matcher runs on new contexts only."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe("attribute_ruler")
    if getattr(ruler, "_saidwhat_fast", False):
        return
    patterns = [pattern for entry in ruler.patterns for pattern in entry["patterns"]]
    if not _is_memoizable(patterns):
        return
    memo = _RulerMemo(nlp, patterns)
    match_all: Callable[[Doc], list[Match]] = ruler.match
    strings = nlp.vocab.strings

    def match_at(doc: Doc, i: int) -> tuple[tuple[int, int, int], ...]:
        """The matches starting at token i, from the Matcher run over the tokens a match can span."""
        found = ruler.matcher(doc[i : i + memo.width], allow_missing=True, as_spans=False)
        return tuple(sorted((int(strings[m]), m, end) for m, start, end in found if start == 0))

    def match(doc: Doc) -> list[Match]:
        keys = memo.position_keys(doc)
        found = [memo.matches.get(key) for key in keys]
        missing = [i for i, entries in enumerate(found) if entries is None]
        if len(missing) > MAX_NEW_SHARE * len(keys):
            matches = match_all(doc)
            memo.remember(keys, matches)
            return matches
        for i in missing:
            found[i] = memo.matches[keys[i]] = match_at(doc, i)
        matches = [(a, m, i, i + n) for i, entries in enumerate(found) if entries for a, m, n in entries]
        matches.sort()
        return matches

    ruler.match = match
    ruler.set_annotations = _direct_set_annotations(ruler)
    ruler._saidwhat_fast = True


def _direct_set_annotations(ruler: Any) -> Callable[[Doc, list[Match]], None]:
    """The ruler's `set_annotations` without a Span built per match (one per token of every text):
    the token a pattern's index points at is found by arithmetic; anything out of range goes to
    the original, which raises spaCy's own error."""
    original: Callable[[Doc, list[Match]], None] = ruler.set_annotations

    def set_annotations(doc: Doc, matches: list[Match]) -> None:
        for match in matches:
            attr_id, _, start, end = match
            index = ruler.indices[attr_id]
            i = start + index if index >= 0 else end + index
            if not start <= i < end:
                original(doc, [match])
                continue
            set_token_attrs(doc[i], ruler.attrs[attr_id])

    return set_annotations


def speed_up_pipes(nlp: Language) -> None:
    """Both speed-ups, where the pipeline has the pipes in the expected shape."""
    speed_up_lemmatizer(nlp)
    speed_up_attribute_ruler(nlp)
