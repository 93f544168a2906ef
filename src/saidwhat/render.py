"""A readable view of an Article for a person at a terminal."""

from __future__ import annotations

from .records import Article, Quote

_COLOURS = {"direct": "32", "mixed": "36", "indirect": "33", "partial": "35"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_quote(article: Article, quote: Quote, *, colour: bool, width: int = 100) -> str:
    speaker = article.speaker_of(quote)
    who = speaker.name if speaker else "(unknown)"
    source = ", ".join(span.text for span in quote.sources) or "-"
    cue = quote.cue.text if quote.cue else "-"
    head = f"{quote.id:>4} {_paint(f'{quote.type:<8}', _COLOURS[quote.type], colour)} {_paint(who, '1', colour)}"
    detail = f"       cue: {cue} | source: {source} | at {quote.start}-{quote.end} | confidence {quote.confidence:.2f}"
    return f"{head}\n       {_shorten(quote.text, width)}\n{detail}"


def render_article(article: Article, *, colour: bool = False) -> str:
    """Every quote with its speaker, type, cue and source, then the speakers."""
    lines = [
        _paint(f"== {article.doc_id}", "1", colour)
        + f"  ({len(article.quotes)} quotes, {len(article.speakers)} speakers)"
    ]
    lines += [render_quote(article, quote, colour=colour) for quote in article.quotes]
    if article.speakers:
        lines.append("   speakers:")
        for speaker in article.speakers:
            count = sum(1 for quote in article.quotes if quote.speaker == speaker.id)
            described = f" — {'; '.join(speaker.descriptions)}" if speaker.descriptions else ""
            lines.append(f"     {speaker.id} {speaker.name} ({speaker.kind}, {count} quotes){described}")
    lines += [f"   ! {error}" for error in article.errors]
    return "\n".join(lines)
