"""Run stages 3 to 5 over one parsed document and assemble the typed records.

The order of work: cues (`cues.py`), quoted runs and marked quotes (`marks.py`, `quotes.py`),
reported clauses (`clauses.py`), the cue and source of each marked quote (`attribute.py`), one
quotation where a quote and a clause overlap (`reconcile.py`), then the passes of the conventions
(`conventions.py`), the learned decision whether each is someone's words, and the speakers.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..learn.act_features import is_agentless_passive
from ..learn.quoteness import is_a_quotation, is_someones_words
from ..records import Quote, Speaker, span_of
from ..speakers import Entity, Resolved, resolve_quotes
from .asides import is_discourse_said
from .attribute import attribute_marked_quotes, merge_interrupted_quotes
from .clauses import find_indirect_quotes
from .conventions import SAIDWHAT, Conventions, run_passes
from .cues import Cue, FoundCues, find_cues, find_poll_cues, forget_found_cues, keep_found_cues, one_word_extensions
from .deciders import RULES, Deciders
from .docfacts import doc_facts, forget_doc_facts
from .drafts import DraftQuote
from .marks import QuotedRun
from .quotes import draft_marked_quotes
from .reconcile import reconcile
from .tags import TENSED_TAGS


@dataclass(frozen=True, slots=True)
class Analysis:
    """What saidwhat found in one parsed text."""

    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    errors: tuple[str, ...]


def find_draft_quotes(
    doc: Doc, *, deciders: Deciders = RULES, conventions: Conventions = SAIDWHAT
) -> tuple[list[DraftQuote], list[str]]:
    """Every quotation of a parsed document, as drafts in reading order, and notes on bad marks.

    Where the conventions ask for it, the learned decision (`deciders.quote_model`) then leaves out
    what is no one's words: titles, terms, scare quotes, acts reported as if they were speech.
    """
    drafts, errors, _ = _free_bare_reports(doc, deciders, conventions, judge=True)
    return drafts, errors


def find_candidate_quotes(
    doc: Doc, *, deciders: Deciders = RULES, conventions: Conventions = SAIDWHAT
) -> tuple[list[DraftQuote], list[str], list[Cue]]:
    """What the rules and the attribution model find (`find_draft_quotes` before the learned decision
    whether each is someone's words), the notes on bad marks, and the cues."""
    return _free_bare_reports(doc, deciders, conventions, judge=False)


def _free_bare_reports(
    doc: Doc, deciders: Deciders, conventions: Conventions, *, judge: bool
) -> tuple[list[DraftQuote], list[str], list[Cue]]:
    """The drafts, with the reports left out as inside another report's content listed again, one at a time
    in reading order, where that report is dropped later (by a pass, or with `judge` by the learned decision).
    The cues and quoted runs do not depend on what is freed: they are found once, the drafts anew each time
    (the passes change them in place)."""
    facts = doc_facts(doc)
    cues = _find_report_cues(doc, deciders, conventions)
    runs = _quoted_runs(doc, cues, deciders, conventions)
    if conventions.poll_cues:
        cues = sorted(cues + find_poll_cues(doc), key=lambda cue: cue.token)
    keep_found_cues(doc, FoundCues(tuple(cues), deciders.cue_gaps))
    scores = {cue.token: cue.score for cue in cues}
    freed: frozenset[int] = frozenset()
    while True:
        marked = draft_marked_quotes(facts.text, runs)
        drafts, nested = _settle_quotes_and_clauses(doc, cues, marked, deciders, conventions, freed)
        drafts = run_passes(doc, drafts, conventions.passes)
        if judge and conventions.judges_quotes and deciders.quote_model is not None:
            drafts = [draft for draft in drafts if is_someones_words(doc, draft, deciders.quote_model, scores)]
        drafts = _without_freed_overlaps(drafts, freed)
        lost = _reports_left_bare(doc, nested, drafts) - freed
        if not lost:
            return drafts, list(facts.mark_notes), cues
        freed |= {min(lost)}


def _without_freed_overlaps(drafts: list[DraftQuote], freed: frozenset[int]) -> list[DraftQuote]:
    """The drafts, less a freed report whose content shares words with another draft's: what is left of
    the report around it still reports them."""
    return [
        draft
        for draft in drafts
        if draft.cue_token not in freed
        or not any(other is not draft and other.start < draft.end and draft.start < other.end for other in drafts)
    ]


def _reports_left_bare(doc: Doc, nested: frozenset[int], drafts: list[DraftQuote]) -> frozenset[int]:
    """Of the cues whose report was left out as inside another report's content, those that no draft
    holds any more: the report around them was dropped ('Mill town votes for bridge Ministers will close
    it, according to the council': a headline's verb) or cut before them."""
    cue_tokens = {draft.cue_token for draft in drafts}
    return frozenset(
        token
        for token in nested
        if token not in cue_tokens and not any(draft.covers(doc[token].idx) for draft in drafts)
    )


def _find_report_cues(doc: Doc, deciders: Deciders, conventions: Conventions) -> list[Cue]:
    """The cues of the document, with the span the conventions draw, less a discourse 'said'."""
    extensions = deciders.cue_extensions
    if not conventions.phrase_extensions:
        extensions = one_word_extensions(extensions)
    cues = find_cues(
        doc,
        deciders.cue_score,
        threshold=deciders.cue_threshold,
        extensions=extensions,
        leading_adverb=conventions.leading_adverb,
    )
    return [cue for cue in cues if not is_discourse_said(doc[cue.token])]


def _quoted_runs(doc: Doc, cues: list[Cue], deciders: Deciders, conventions: Conventions) -> list[QuotedRun]:
    """The quoted runs of the text, less those the learned decision finds are no quotation."""
    runs = list(doc_facts(doc).runs)
    if conventions.judges_quotes and deciders.run_model is not None:
        cue_tokens = frozenset(cue.token for cue in cues)
        runs = [run for run in runs if is_a_quotation(doc, run, deciders.run_model, cue_tokens)]
    return runs


def _settle_quotes_and_clauses(
    doc: Doc,
    cues: list[Cue],
    marked: list[DraftQuote],
    deciders: Deciders,
    conventions: Conventions,
    freed: frozenset[int] = frozenset(),
) -> tuple[list[DraftQuote], frozenset[int]]:
    """Reported clauses around the cues, each marked quote's cue and source, then one quotation where
    a quote and a clause overlap; and the cues of the clauses left out as inside another's content
    (listed where they are `freed`)."""
    text = doc_facts(doc).text
    clauses = find_indirect_quotes(
        doc,
        cues,
        marked,
        deciders.choose_content,
        said_adverbs=conventions.adverb_is_said,
        whole_runs=conventions.whole_runs,
    )
    marked = attribute_marked_quotes(doc, marked, cues, _narrating_cues(clauses, marked))
    marked = merge_interrupted_quotes(text, marked)
    is_belief, is_nested = conventions.is_belief_cue, conventions.is_nested_cue
    beliefs = frozenset(c.token for c in cues if is_belief(doc[c.token])) if is_belief else frozenset()
    nested = frozenset(c.token for c in cues if is_nested(doc[c.token], c.score)) if is_nested else frozenset()
    settled = reconcile(text, marked, clauses, belief_cues=beliefs, nested_cues=nested | freed)
    # a noun's clause ('claims that he ...') inside another report is what that report is about, a passive
    # with no agent ('has been declared fit') names no one who says anything, and a clause whose subject is a
    # relative pronoun outside it ('the bill, which ministers say will cut crime') is part of that noun's
    inside = frozenset(
        clause.cue_token
        for clause in clauses
        if clause.cue is not None
        and clause.cue_token is not None
        and doc[clause.cue_token].pos_ != "NOUN"
        and not is_agentless_passive(doc[clause.cue_token])
        and not _opens_with_a_verb(doc, clause)
        and not any(draft is clause for draft in settled)
        and any(other is not clause and other.covers(clause.cue[0]) for other in clauses)
    )
    return settled, inside


def _opens_with_a_verb(doc: Doc, clause: DraftQuote) -> bool:
    """Does the clause's content start with its finite verb, its subject standing outside it? (Not a gerund:
    'Writing a letter can be risky, according to ...'.)"""
    span = doc.char_span(*clause.contents[0], alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].tag_ in TENSED_TAGS


def _narrating_cues(clauses: list[DraftQuote], marked: list[DraftQuote]) -> frozenset[int]:
    """Cues whose clause is plain narration, apart from every quote: not a quote's cue."""
    return frozenset(
        clause.cue_token
        for clause in clauses
        if clause.cue_token is not None and not any(m.start < clause.end and clause.start < m.end for m in marked)
    )


def analyse_doc(
    doc: Doc, *, deciders: Deciders = RULES, min_confidence: float = 0.0, conventions: Conventions = SAIDWHAT
) -> Analysis:
    """Find, attribute and resolve every quotation in a parsed document.

    What the stages keep on the Doc while they work (its facts, its cues) is taken off again, so that
    the Doc can be serialised (`Doc.to_bytes`, `nlp.pipe(n_process=...)`)."""
    try:
        return _analyse(doc, deciders, min_confidence, conventions)
    finally:
        forget_kept_state(doc)


def forget_kept_state(doc: Doc) -> None:
    """Take off `doc` what the stages keep on it while they work (its facts, its cues): Python objects
    that `Doc.to_bytes` cannot write, and that training would otherwise hold for every Doc it keeps."""
    forget_doc_facts(doc)
    forget_found_cues(doc)


def _analyse(doc: Doc, deciders: Deciders, min_confidence: float, conventions: Conventions) -> Analysis:
    drafts, errors = find_draft_quotes(doc, deciders=deciders, conventions=conventions)
    drafts = [draft for draft in drafts if draft.confidence >= min_confidence]
    resolved = resolve_quotes(doc, drafts)
    text = doc_facts(doc).text
    speakers, ids = build_speakers(text, [r.entity for r in resolved])
    quotes = tuple(
        build_quote(text, draft, f"q{number}", speaker_id_of(ids, chosen), chosen)
        for number, (draft, chosen) in enumerate(zip(drafts, resolved, strict=True), start=1)
    )
    return Analysis(quotes, speakers, tuple(errors))


def speaker_id_of(ids: dict[int, str], chosen: Resolved) -> str | None:
    return ids.get(id(chosen.entity)) if chosen.entity is not None else None


def build_quote(
    text: str, draft: DraftQuote, quote_id: str, speaker_id: str | None, chosen: Resolved | None = None
) -> Quote:
    return Quote(
        id=quote_id,
        type=draft.type,
        contents=tuple(span_of(text, start, end) for start, end in draft.contents),
        cue=span_of(text, *draft.cue) if draft.cue else None,
        sources=tuple(span_of(text, start, end) for start, end in draft.sources),
        speaker=speaker_id,
        confidence=min(1.0, max(0.0, draft.confidence)),
        speaker_confidence=chosen.confidence if chosen is not None and speaker_id is not None else None,
    )


def build_speakers(text: str, entities: list[Entity | None]) -> tuple[tuple[Speaker, ...], dict[int, str]]:
    """One speaker record per entity that was quoted, numbered in order of first quote."""
    speakers: list[Speaker] = []
    ids: dict[int, str] = {}
    for entity in entities:
        if entity is None or id(entity) in ids:
            continue
        ids[id(entity)] = f"s{len(speakers) + 1}"
        mentions = tuple(span_of(text, start, end) for start, end in sorted(set(entity.mentions)))
        # A description is shown on one line: a phrase the parse ran over a line break keeps its words only.
        descriptions = tuple(dict.fromkeys(flat for flat in (" ".join(d.split()) for d in entity.descriptions) if flat))
        speakers.append(Speaker(ids[id(entity)], entity.name, entity.kind, mentions, descriptions))
    return tuple(speakers), ids
