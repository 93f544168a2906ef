"""Stage 4e: settle marked quotes against reported clauses, and link continuations to the quote before.

A quote and a clause that overlap become one quotation (direct or mixed); a clause inside another
one's content is left out; a direct quote with no attribution takes the speaker of the one before.
What each corpus then asks of the spans is in the conventions' passes (`conventions.py`).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .docfacts import doc_facts
from .drafts import DraftQuote, Offsets


def _only_punctuation(text: str) -> bool:
    return not any(char.isalnum() for char in text)


def reconcile(
    text: str,
    marked: list[DraftQuote],
    clauses: list[DraftQuote],
    *,
    belief_cues: frozenset[int] = frozenset(),
    nested_cues: frozenset[int] = frozenset(),
) -> list[DraftQuote]:
    """Settle marked quotes against reported clauses that overlap them.

    A clause inside a quote is the quote's own grammar ('"I don't know," he said'): the quote
    keeps it as its cue. A quote inside a longer clause is a mixed quote ('told them that
    "nobody complains"'): the clause is kept, typed mixed, and the quote is not listed again;
    but a clause of belief (`belief_cues`: 'hopes season 2 films in "next couple of months"')
    reports no words, so the quoted words stay a partial quote with the clause's cue and source.
    A clause inside another one's content is left out unless its cue is one of `nested_cues`.
    """
    absorbed: set[int] = set()
    kept: list[DraftQuote] = []
    quoting_cues = {m.cue_token for m in marked if m.type == "direct" and m.cue_token is not None}
    for clause in clauses:
        overlapping = [m for m in marked if m.start < clause.end and clause.start < m.end]
        if not overlapping:
            if clause.cue_token not in quoting_cues:
                kept.append(clause)
            continue
        keep_clause = _settle_clause(text, clause, overlapping, quoting_cues, belief_cues, absorbed)
        if keep_clause:
            kept.append(clause)
    return [m for m in marked if id(m) not in absorbed] + drop_nested(kept, nested_cues=nested_cues)


def _settle_clause(
    text: str,
    clause: DraftQuote,
    overlapping: list[DraftQuote],
    quoting_cues: set[int],
    belief_cues: frozenset[int],
    absorbed: set[int],
) -> bool:
    """Settle one clause against the quotes it overlaps; whether the clause is kept (as a mixed quote).
    The ids of the quotes it takes in go to `absorbed`."""
    keep_clause = False
    for quote in overlapping:
        outside = text[clause.start : quote.start] + text[quote.end : clause.end]
        clause_in_quote = quote.start <= clause.start and clause.end <= quote.end
        # '"Books change lives," she said': the quote took this cue, so the clause is the quote's.
        took_cue = quote.type == "direct" and quote.cue_token == clause.cue_token
        if (
            clause_in_quote
            or took_cue
            or _only_punctuation(outside)
            or (quote.type == "direct" and clause.start >= quote.start)
        ):
            if quote.cue is None and clause.cue_token not in quoting_cues:
                _take_attribution(quote, clause)
            continue
        if quote.type == "partial" and clause.cue_token in belief_cues:
            if quote.cue is None:
                _take_attribution(quote, clause)
            continue
        if quote.start >= clause.start or quote.type == "partial":
            absorbed.add(id(quote))
            clause.type = "mixed"
            clause.contents = _widen_over(clause.contents, (quote.start, quote.end))
            keep_clause = True
    return keep_clause


def _widen_over(fragments: list[Offsets], quote: Offsets) -> list[Offsets]:
    """The fragments with the ones the quote overlaps widened over it: 'The golf industry, she said,
    is "doing much better"' keeps its two fragments apart, not one over its own cue and source."""
    touched = [i for i, (start, end) in enumerate(fragments) if start < quote[1] and quote[0] < end]
    if not touched:
        return [(min(fragments[0][0], quote[0]), max(fragments[-1][1], quote[1]))]
    first, last = touched[0], touched[-1]
    widened = (min(fragments[first][0], quote[0]), max(fragments[last][1], quote[1]))
    return [*fragments[:first], widened, *fragments[last + 1 :]]


def _take_attribution(quote: DraftQuote, clause: DraftQuote) -> None:
    quote.cue, quote.cue_token = clause.cue, clause.cue_token
    quote.sources, quote.source_token = clause.sources, clause.source_token


def drop_nested(clauses: list[DraftQuote], *, nested_cues: frozenset[int] = frozenset()) -> list[DraftQuote]:
    """Leave out a reported clause whose cue stands inside another one's content: 'Connor has
    revealed when he hopes to start filming' reports one thing, not two. Clauses of `nested_cues`
    stay beside the one around them."""
    return [
        clause
        for clause in clauses
        if clause.cue is None
        or clause.cue_token in nested_cues
        or not any(other is not clause and other.covers(clause.cue[0]) for other in clauses)
    ]


def link_continuations(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """A direct quote with no attribution of its own takes the speaker of the direct quote before it.

    '"But then again, it is also so necessary..."' follows '..." commented Connor' with nothing
    in between that names another speaker.
    """
    text = doc_facts(doc).text
    previous: DraftQuote | None = None
    for draft in sorted(drafts, key=lambda d: d.start):
        if draft.type == "direct" and not draft.sources and draft.cue is None and previous is not None:
            between = text[previous.end : draft.start]
            if len(between) < 400:
                draft.inherits = True
        if draft.type in ("direct", "mixed", "indirect"):
            previous = draft
    return drafts
