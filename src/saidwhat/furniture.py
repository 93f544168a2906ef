"""Page furniture is not speech: drop quotes read from a web page's captions, bylines and headings.

A caption ('Harbour Trust Image: The ferry ...'), a byline or a link line ('Read more: "Why ..."') is
never someone's words, a pull quote repeats words the story already quotes, and a
heading is never reported speech nor a 'Name: words' line ('Library Cuts: Council votes ...').
A heading keeps what quotation marks set apart ('Minister says cuts 'will hurt' town'), as in
the story's prose. The regions come from `webpage.read_html`; plain text has none.
"""

from __future__ import annotations

import re
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
    kept = [_credit_heading_quote(quote, kept, regions) for quote in kept]
    if kept == list(quotes):
        return list(quotes), list(speakers)
    return _renumber(kept, speakers)


def _credit_heading_quote(quote: Quote, quotes: Sequence[Quote], regions: Sequence[Region]) -> Quote:
    """A heading's quoted words with no cue of their own ('\'It's about time\'' over a section) are no
    continuation of the quote before the heading: they are a fragment of the story's quote that holds
    the same words, and that quote's speaker's; of no one's when no quote holds them. The headline over the
    story keeps the speaker the extraction gave it (the lead's, as for a headline glued to the text)."""
    heading = next((region for region in regions if _in_heading(quote, region)), None)
    if quote.cue is not None or quote.sources or heading is None:
        return quote
    words = _words(quote.text)
    echoed = next(
        (other for other in quotes if other is not quote and words and _holds(_words(other.text), words)), None
    )
    if echoed is None and heading.start == 0:
        return quote
    speaker = echoed.speaker if echoed is not None else None
    confidence = echoed.speaker_confidence if echoed is not None and speaker else None
    return replace(quote, type="partial", speaker=speaker, speaker_confidence=confidence)


def _in_heading(quote: Quote, region: Region) -> bool:
    return region.kind == "heading" and region.start <= quote.start and quote.end <= region.end


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _holds(words: list[str], part: list[str]) -> bool:
    return any(words[i : i + len(part)] == part for i in range(len(words) - len(part) + 1))


def is_furniture_quote(quote: Quote, text: str, regions: Sequence[Region]) -> bool:
    """True when a span of the quote lies in furniture other than a heading, or in a heading that it
    reads as reported speech or as a 'Name: words' line."""
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
