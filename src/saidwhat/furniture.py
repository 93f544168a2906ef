"""Page furniture is not speech: drop quotes read from a web page's captions, bylines and headings.

A caption ('Harbour Trust Image: The ferry ...') or a byline is never someone's words, and a
heading is never reported speech nor a 'Name: words' line ('Library Cuts: Council votes ...').
A heading keeps what quotation marks set apart ('Minister says cuts 'will hurt' town'), as in
the story's prose. The regions come from `webpage.read_html`; plain text has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from .extraction.marks import QUOTE_MARK_CHARS
from .records import Quote, Region, Span, Speaker


def drop_furniture_quotes(
    quotes: Sequence[Quote], speakers: Sequence[Speaker], text: str, regions: Sequence[Region]
) -> tuple[list[Quote], list[Speaker]]:
    """The quotes not read from page furniture, renumbered, and the speakers they still credit."""
    if not regions:
        return list(quotes), list(speakers)
    kept = [quote for quote in quotes if not is_furniture_quote(quote, text, regions)]
    if len(kept) == len(quotes):
        return list(quotes), list(speakers)
    return _renumber(kept, speakers)


def is_furniture_quote(quote: Quote, text: str, regions: Sequence[Region]) -> bool:
    """True when a span of the quote lies in a caption or byline, or in a heading that it reads
    as reported speech or as a 'Name: words' line."""
    spans = [*quote.contents, *quote.sources, *([quote.cue] if quote.cue else [])]
    for region in regions:
        if not any(span.start < region.end and region.start < span.end for span in spans):
            continue
        if region.kind != "heading" or not _is_quoted_in_heading(quote, text):
            return True
    return False


def _is_quoted_in_heading(quote: Quote, text: str) -> bool:
    """A heading's quote stands when quotation marks set its words apart and no colon cues it."""
    if quote.cue is not None and quote.cue.text.strip() == ":":
        return False
    return any(_is_quote_marked(span, text) for span in quote.contents)


def _is_quote_marked(span: Span, text: str) -> bool:
    before = text[: span.start].rstrip()[-1:]
    after = text[span.end :].lstrip()[:1]
    return bool(QUOTE_MARK_CHARS & {before, after} or QUOTE_MARK_CHARS & set(span.text))


def _renumber(quotes: list[Quote], speakers: Sequence[Speaker]) -> tuple[list[Quote], list[Speaker]]:
    """Quote ids q1.. in order; speakers still credited, ids s1.. in their old order."""
    credited = {quote.speaker for quote in quotes if quote.speaker}
    kept = [speaker for speaker in speakers if speaker.id in credited]
    new_ids = {speaker.id: f"s{number}" for number, speaker in enumerate(kept, start=1)}
    renumbered = [
        replace(quote, id=f"q{number}", speaker=new_ids.get(quote.speaker) if quote.speaker else None)
        for number, quote in enumerate(quotes, start=1)
    ]
    return renumbered, [replace(speaker, id=new_ids[speaker.id]) for speaker in kept]
