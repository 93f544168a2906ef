"""A readable view of an Article for a person at a terminal."""

from __future__ import annotations

import textwrap

from .records import Article, Quote

_COLOURS = {"direct": "32", "mixed": "36", "indirect": "33", "partial": "35"}


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\033[{code}m{text}\033[0m" if colour else text


def plural(count: int, noun: str) -> str:
    """'1 quote', '2 quotes', '0 quotes'."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _shorten(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _whole(text: str, width: int) -> str:
    indent = " " * 7
    return textwrap.fill(" ".join(text.split()), width=width, initial_indent=indent, subsequent_indent=indent)


def render_quote(article: Article, quote: Quote, *, colour: bool, width: int = 100, full: bool = False) -> str:
    """The quote on three lines; its words cut to one line of `width`, or with `full` all of them, wrapped."""
    speaker = article.speaker_of(quote)
    who = speaker.name if speaker else "(unknown)"
    source = ", ".join(span.text for span in quote.sources) or "-"
    cue = quote.cue.text if quote.cue else "-"
    head = f"{quote.id:>4} {_paint(f'{quote.type:<8}', _COLOURS[quote.type], colour)} {_paint(who, '1', colour)}"
    detail = f"       cue: {cue} | source: {source} | at {quote.start}-{quote.end} | confidence {quote.confidence:.2f}"
    words = _whole(quote.text, width) if full else f"       {_shorten(quote.text, width)}"
    return f"{head}\n{words}\n{detail}"


def render_article(article: Article, *, colour: bool = False, full: bool = False) -> str:
    """Every quote with its speaker, type, cue and source, then the speakers; `full` shows whole quotes."""
    lines = [
        _paint(f"== {article.doc_id}", "1", colour)
        + f"  ({plural(len(article.quotes), 'quote')}, {plural(len(article.speakers), 'speaker')})"
    ]
    lines += [render_quote(article, quote, colour=colour, full=full) for quote in article.quotes]
    if article.speakers:
        lines.append("   speakers:")
        for speaker in article.speakers:
            count = sum(1 for quote in article.quotes if quote.speaker == speaker.id)
            described = f" — {'; '.join(speaker.descriptions)}" if speaker.descriptions else ""
            lines.append(f"     {speaker.id} {speaker.name} ({speaker.kind}, {plural(count, 'quote')}){described}")
    lines += [f"   ! {error}" for error in article.errors]
    return "\n".join(lines)
