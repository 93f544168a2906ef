"""A second report joined to a first one by another speaker ('Labour say X, while the Tories say Y').

Before the passes, a reported clause whose cue stands inside another one's content is left out
(`reconcile.drop_nested`), and `clause_ends.end_before_other_reports` then ends the first content
before the second report's subject. The second report is its own speaker's words: this pass takes it
back, with the clause its cue governs, where the first content now ends right before the joint.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .clauses import clause_of
from .cues import Cue, found_cues
from .docfacts import doc_facts
from .drafts import DraftQuote
from .lexicon import CLAUSE_JOINTS
from .passes_saidwhat import drop_leading_that, keep_reports
from .sources import attach_source
from .spans import char_bounds


def _subject_start(cue: Token) -> int | None:
    subjects = [child for child in cue.lefts if child.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0].left_edge.i if subjects else None


def _is_cut_free(doc: Doc, cue: Cue, ends: frozenset[int]) -> bool:
    """Does a joint stand between the cue's subject and a content that ends right before it?"""
    first = _subject_start(doc[cue.token])
    if first is None:
        return False
    stop = first
    while stop > 0 and doc[stop - 1].lower_ in CLAUSE_JOINTS:
        stop -= 1
    return 0 < stop < first and doc[stop - 1].idx + len(doc[stop - 1].text) in ends


def _report_of(doc: Doc, cue: Cue) -> DraftQuote | None:
    """The clause a freed cue governs, mixed where it holds quoted words (with both their marks)."""
    bounds = clause_of(cue, doc)
    if bounds is None or bounds[0] <= cue.token:
        return None
    start, end = char_bounds(doc, *bounds)
    runs = [run for run in doc_facts(doc).runs if start < run.end and run.start < end]
    if runs:
        start, end = min(start, runs[0].start), max(end, runs[-1].end)
    draft = DraftQuote(type="mixed" if runs else "indirect", contents=[(start, end)], confidence=cue.score * 0.9)
    attach_source(draft, cue, doc)
    return draft


def take_joined_reports(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, with the report of each cue that a content was ended before and no draft holds."""
    facts = doc_facts(doc)
    used = {draft.cue_token for draft in drafts}
    ends = frozenset(draft.contents[-1][1] for draft in drafts if draft.type in ("indirect", "mixed"))
    found = []
    for cue in found_cues(doc).cues:
        if cue.phrase or cue.token in used or facts.inside_quotes(doc[cue.token]):
            continue
        if any(draft.covers(cue.span[0]) for draft in drafts) or not _is_cut_free(doc, cue, ends):
            continue
        report = _report_of(doc, cue)
        if report is not None and not any(d.start < report.end and report.start < d.end for d in drafts):
            found.append(report)
    if not found:
        return drafts
    return sorted(drafts + drop_leading_that(doc, keep_reports(doc, found)), key=lambda draft: draft.start)
