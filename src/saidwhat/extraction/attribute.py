"""Stage 4d: give each marked quote the cue and source in its sentences, and join a quote split by its attribution."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..segment import has_sentence_end
from .cues import Cue
from .docfacts import doc_facts, token_at
from .drafts import DraftQuote
from .marks import CLOSING_MARKS, STRAIGHT_MARKS
from .sources import MAX_SOURCE_TOKENS, attach_source, find_source_token
from .spans import char_bounds, trim_punct

_JOINING = frozenset(" ,:;—–-\"“”‘’'\n")
_DASH_SIGN_OFF = re.compile(r"\s*(?P<dash>[—–―-]{1,2})\s*(?=[A-Z])")
_CLOSING_CHARS = (*CLOSING_MARKS, *STRAIGHT_MARKS)
_MAX_SIGN_OFF_CHARS = 80


@dataclass(frozen=True, slots=True)
class CueIndex:
    """The cues of a document by token, in token order, and its line breaks: looked up by bisection,
    so attributing each quote costs the cues near it, not a scan of its sentences or paragraph
    (which made a paragraph of thousands of quotes take minutes)."""

    by_token: dict[int, Cue]
    tokens: list[int]
    line_breaks: list[int]

    @classmethod
    def build(cls, cues: list[Cue], text: str) -> CueIndex:
        by_token = {cue.token: cue for cue in cues}
        breaks = [match.start() for match in re.finditer("\n", text)]
        return cls(by_token, sorted(by_token), breaks)

    def within(self, span: Span) -> list[Cue]:
        """The cues whose token stands in `span`, in token order."""
        first, last = bisect_left(self.tokens, span.start), bisect_left(self.tokens, span.end)
        return [self.by_token[i] for i in self.tokens[first:last]]

    def paragraph_around(self, start: int, end: int, text_length: int) -> tuple[int, int]:
        """The offsets of the line that holds `start`, running on to the first break from `end`."""
        before = bisect_left(self.line_breaks, start)
        after = bisect_left(self.line_breaks, end)
        first = self.line_breaks[before - 1] + 1 if before else 0
        last = self.line_breaks[after] if after < len(self.line_breaks) else text_length
        return first, last


def _sentences_around(doc: Doc, draft: DraftQuote) -> Span:
    """The sentences the quote starts and ends in, as one span."""
    first = token_at(doc, draft.start)
    last = token_at(doc, max(draft.end - 1, draft.start))
    if first is None or last is None:
        return doc[0:0]
    facts = doc_facts(doc)
    return doc[facts.sent(first).start : facts.sent(last).end]


def _window(doc: Doc, draft: DraftQuote) -> Span:
    """The sentences a quote's cue may stand in: the quote's own, and the next one when the quote
    hands over to an attribution ('"We could not wait," said Nell Parry' split after the mark)."""
    around = _sentences_around(doc, draft)
    inner_end = doc_facts(doc).text[draft.start : draft.end].rstrip("\"”’' ")
    if around.end < len(doc) and inner_end.endswith((",", "?", "!", "—", "-")):
        return doc[around.start : doc_facts(doc).sent(doc[around.end]).end]
    return around


def is_adjacent(doc: Doc, draft: DraftQuote, cue: Cue) -> bool:
    """Does the cue's clause touch the quote, with only punctuation between ('"...," Melanie said')?"""
    token = doc[cue.token]
    start = min(token.left_edge.idx, cue.span[0])
    if start < draft.end <= cue.span[0]:
        start = cue.span[0]  # '"...," the mayor said': the cue's clause holds the quote itself
    subject = find_source_token(cue, doc)
    if subject is not None:
        # not the quote's closing comma and mark, which the parser may hang from the name after it
        first, _ = trim_punct(doc, subject.left_edge.i, subject.i + 1)
        if first < len(doc):  # a subject of nothing but marks at the end of the text trims away
            start = min(start, doc[first].idx)
    end = max(cue.span[1], subject.right_edge.idx + len(subject.right_edge.text) if subject is not None else 0)
    text = doc_facts(doc).text
    before = text[draft.end : start] if start >= draft.end else None
    after = text[end : draft.start] if end <= draft.start else None
    # Only a comma, colon or dash may stand between: after a full stop the next quote is a continuation.
    return any(gap is not None and len(gap) < 4 and all(c in _JOINING for c in gap) for gap in (before, after))


def _between(text: str, draft: DraftQuote, cue: Cue) -> str:
    return text[cue.span[1] : draft.start] if cue.span[1] <= draft.start else text[draft.end : cue.span[0]]


def _ends_with_colon(text: str, sent: Span) -> bool:
    """Does the sentence end in a colon, white space aside? (Read from its end: `Span.text` joins every word.)"""
    last = sent[-1]
    end = last.idx + len(last.text)
    while end > sent.start_char and text[end - 1].isspace():
        end -= 1
    return end > sent.start_char and text[end - 1] == ":"


def pick_cue_for_quote(doc: Doc, draft: DraftQuote, cues: CueIndex, busy: frozenset[int] = frozenset()) -> Cue | None:
    """The cue that introduces a marked quote: one whose clause touches it, else the nearest in its
    sentences that does not already report a clause of its own (`busy`)."""
    around = _window(doc, draft)
    text = doc_facts(doc).text
    paragraph_start, paragraph_end = cues.paragraph_around(draft.start, draft.end, len(text))
    # '"...there." The 18-year-old actor discussed': a quote that ends its own sentence is not
    # attributed by what follows it.
    ends_sentence = text[draft.start : draft.end].rstrip("\"”’' ").endswith((".", "…"))
    candidates = [
        cue
        for cue in cues.within(around)
        if not draft.covers(idx := doc[cue.token].idx)
        and paragraph_start <= idx < paragraph_end
        and not (ends_sentence and idx >= draft.end)
    ]
    # '"A," said X. "B."': a full stop between a cue and a quote ends the cue's sentence.
    candidates = [cue for cue in candidates if not has_sentence_end(_between(text, draft, cue))]
    adjacent = [cue for cue in candidates if is_adjacent(doc, draft, cue)]
    candidates = adjacent or [cue for cue in candidates if cue.token not in busy]
    if not candidates and around.start > 0:
        # 'Connor revealed:' ending the sentence before the quote.
        previous = doc_facts(doc).sent(doc[around.start - 1])
        if _ends_with_colon(text, previous):
            candidates = cues.within(previous)
    if not candidates:
        return None

    def distance(cue: Cue) -> int:
        start, end = cue.span
        gap = min(abs(draft.start - end), abs(start - draft.end))
        return gap - (40 if doc[cue.token].is_ancestor(doc[around.start]) else 0)

    return min(candidates, key=lambda cue: (distance(cue), -cue.score))


def _is_initial(token: Token) -> bool:
    """'A.' in 'Julie A. Diaz', which the tagger may call a noun."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _paragraph_sign_off(text: str, start: int) -> re.Match[str] | None:
    """'"... rain." And that is all we ask for "the rest of the summer." ― Mara Velde': the sign-off
    that ends a quote's paragraph after a later closing mark names the speaker of the whole paragraph."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    last_mark = max(text.rfind(mark, start, end) for mark in _CLOSING_CHARS)
    if last_mark < 0:
        return None
    match = _DASH_SIGN_OFF.match(text, last_mark + 1)
    # the name ends the paragraph: not a dash in running text
    return match if match and end - match.end() <= _MAX_SIGN_OFF_CHARS else None


def find_dash_sign_off(doc: Doc, draft: DraftQuote) -> None:
    """'"..." — Jane Doe, CEO': the name after the dash is the source, the dash the cue."""
    text = doc_facts(doc).text
    match = _DASH_SIGN_OFF.match(text, draft.end) or _paragraph_sign_off(text, draft.end)
    if not match:
        return
    name = token_at(doc, match.end())
    if name is None or name.pos_ != "PROPN":
        return
    end = name.i
    while end + 1 < len(doc) and (doc[end + 1].pos_ == "PROPN" or _is_initial(doc[end + 1])):
        end += 1
    draft.sources = [char_bounds(doc, name.i, end + 1)]
    draft.source_token = end
    dash = doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
    if dash is not None:
        draft.cue, draft.cue_token = (match.start("dash"), match.end("dash")), dash.start


def _name_between_quote_and_cue(doc: Doc, draft: DraftQuote, cue: Cue) -> None:
    """'"...," Norvale police Chief Dan Ostrow said': when the parse gives the cue no subject outside
    the quote, the words between the quote and its cue name the speaker if they end in a name."""
    between = doc.char_span(draft.end, cue.span[0], alignment_mode="contract")
    if between is None:
        return
    start, end = trim_punct(doc, between.start, between.end)
    words = doc[start:end]
    if not 0 < len(words) <= MAX_SOURCE_TOKENS or words[-1].pos_ != "PROPN":
        return
    if any(token.is_punct and token.text not in (".", "-") for token in words):
        return
    draft.sources = [char_bounds(doc, start, end)]
    draft.source_token = end - 1


def attribute_marked_quotes(
    doc: Doc, drafts: list[DraftQuote], cues: list[Cue], busy: frozenset[int] = frozenset()
) -> list[DraftQuote]:
    """The marked quotes, each given the cue and source in its sentences (`busy`: cues that report a
    clause of their own, taken only where they touch the quote)."""
    index = CueIndex.build(cues, doc_facts(doc).text)
    for draft in drafts:
        cue = pick_cue_for_quote(doc, draft, index, busy)
        if cue is not None:
            attach_source(draft, cue, doc)
            if draft.source_token is not None and draft.covers(doc[draft.source_token].idx):
                # '"... We will find them," Chief Dan Ostrow said': a word of the quote is not its source
                draft.sources, draft.source_token = [], None
            if not draft.sources:
                _name_between_quote_and_cue(doc, draft, cue)
            draft.confidence = max(draft.confidence, 0.5 + cue.score / 2)
        elif draft.type == "direct":
            find_dash_sign_off(doc, draft)
    return drafts


def _between_is_attribution(text: str, first: DraftQuote, second: DraftQuote) -> bool:
    """'"A," he said, "B."': what stands between the two runs is only the attribution, ending in a comma;
    not a sentence of narration after it ('"A," he said. The crew left. Ann Lee: "B."' is two quotes)."""
    between = text[first.end : second.start]
    return (
        first.cue is not None
        and first.end <= first.cue[0] < second.start
        and between.rstrip().endswith((",", ":"))
        and len(between) < 120
        and "\n" not in between
        and not has_sentence_end(between)
    )


def merge_interrupted_quotes(text: str, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """Join a direct quote split by its attribution into one quote with two content spans."""
    merged: list[DraftQuote] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.type == draft.type == "direct"
            and _between_is_attribution(text, previous, draft)
            and (draft.cue is None or draft.cue == previous.cue)
        ):
            previous.contents.extend(draft.contents)
            continue
        merged.append(draft)
    return merged
