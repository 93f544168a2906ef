"""A reported clause ends before another report joined to it ('..., but the firm would not confirm ...').

The boundary scorer, learned on PolNeAR, often runs a clause on over a second clause with a cue of its own
('said the chip would be fast, but designers would not confirm the price'); the BBC gold ends the first
content at the joint. Where a cue's subject stands inside a content, after a comma, a dash or a
conjunction, the content ends before them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from .cues import Cue, found_cues
from .drafts import DraftQuote

# What joins two clauses: left off the end of the first content.
_JOINTS = frozenset({",", ";", "-", "–", "—", "but", "and", "although", "though", "while", "whereas"})


def _subject_start(cue: Token) -> int | None:
    """The first token of the cue's subject, if it has one before it."""
    subjects = [child for child in cue.lefts if child.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0].left_edge.i if subjects else None


def _cut(doc: Doc, draft: DraftQuote, cues: Sequence[Cue]) -> int | None:
    """The character offset where the draft's content ends before another report inside it, if any."""
    start, end = draft.contents[-1]
    for cue in cues:
        if cue.token == draft.cue_token or not start < cue.span[0] < end:
            continue
        first = _subject_start(doc[cue.token])
        # a relative clause ('..., which is expected in May') belongs to the content
        if first is None or doc[first].idx <= start or doc[first].tag_ in ("WDT", "WP"):
            continue
        stop = first
        while stop > 0 and doc[stop - 1].lower_ in _JOINTS:
            stop -= 1
        kept = doc.char_span(start, doc[stop].idx, alignment_mode="contract")
        if stop < first and kept is not None and any(token.pos_ in ("VERB", "AUX") for token in kept):
            return doc[stop - 1].idx + len(doc[stop - 1])
    return None


def end_before_other_reports(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, each reported clause (its cue before it) ended before a report of another cue joined to it."""
    cues = found_cues(doc).cues
    for draft in drafts:
        if draft.type not in ("indirect", "mixed") or draft.cue is None or draft.cue[0] > draft.start:
            continue
        cut = _cut(doc, draft, cues)
        if cut is not None:
            draft.contents[-1] = (draft.contents[-1][0], cut)
    return drafts
