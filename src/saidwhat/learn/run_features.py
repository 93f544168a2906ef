"""How a quoted run stands in its article and its clause: more features for the run decision.

A term is used plainly elsewhere in the article ('a "cloud wallet" ... the cloud wallet stores ...') and names
a kind of the noun after it ('"smart" meters'); someone's words stand in the clause a cue governs ('said
the plan was "a mess"'). Counted on the judged runs of the BBC training gold (106 quotes, 38 non-quotes) and
of PolNeAR train (2464 and 293, a run no attribution covers being a non-quote):

- the run's words recur outside any quotation marks: 4 quotes and 17 non-quotes; 83 and 40;
- the run modifies a noun after it (amod, compound, nmod, nummod): 7 and 12; 111 and 55;
- a cue of the document governs the run (stands among its head's ancestors): 90 and 14; 2097 and 76.

Weighed by the run decision (held out, `benchmarks/nonquote_cv.py --shipped --polnear-runs`): on the BBC
training folds 673 quotes found instead of 671, content overlap recall 0.940 -> 0.942, overlap precision 0.949
and 4 of 53 `non_quotes` reported as before; on PolNeAR train 7962 instead of 7952 of the 8454 quoted runs an
attribution covers are reported, and 191 instead of 192 of the 678 that none covers.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..extraction.docfacts import doc_facts
from ..extraction.marks import QuotedRun
from ..extraction.quotes import inner_text

_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nummod"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_OUTER_PUNCTUATION = " ,.;:!?"


def standing_keys(doc: Doc, run: QuotedRun, cue_tokens: frozenset[int]) -> list[str]:
    """'marked_recurs_plain', 'marked_noun_modifier', 'marked_cue_governs' where they hold of the run."""
    keys = ["marked_recurs_plain"] if _recurs_plain(doc, run) else []
    span = doc.char_span(run.start, run.end, alignment_mode="expand")
    if span is None or not len(span):
        return keys
    return keys + _clause_keys(span, cue_tokens)


def _recurs_plain(doc: Doc, run: QuotedRun) -> bool:
    """Do the run's words stand elsewhere in the article outside quotation marks (any case)?"""
    facts = doc_facts(doc)
    words = inner_text(facts.text, run).strip(_OUTER_PUNCTUATION).lower()
    if not any(char.isalpha() for char in words):
        return False
    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    return pattern.search(_unquoted_text(facts.text, facts.runs)) is not None


def _unquoted_text(text: str, runs: tuple[QuotedRun, ...]) -> str:
    """The text, lower-cased, with every quoted run blanked out."""
    chars = list(text.lower())
    for run in runs:
        for start, end in run.parts:
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def _clause_keys(span: Span, cue_tokens: frozenset[int]) -> list[str]:
    keys = []
    root = span.root
    head = root.head
    if root.dep_ in _MODIFIER_DEPS and head.i >= span.end and head.pos_ in _NOUNS:
        keys.append("marked_noun_modifier")
    if any(ancestor.i in cue_tokens for ancestor in root.ancestors):
        keys.append("marked_cue_governs")
    return keys
