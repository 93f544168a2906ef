"""Quotes for scoring from saidwhat records (objects or JSON) and from the minimal prediction format."""

from __future__ import annotations

from typing import Any

from ..annotations.fragments import EvalQuote, Fragment, clip_fragments
from ..records import Article, Speaker

# Anonymous sources have no name in any gold, so their quotes get no predicted speaker.
NAMELESS_KINDS = frozenset({"group", "unknown"})


class BadSpan(ValueError):
    """A span in a JSON record that is not {"start": int, "end": int}."""


def _fragment(obj: Any) -> Fragment:
    if not isinstance(obj, dict) or not isinstance(obj.get("start"), int) or not isinstance(obj.get("end"), int):
        raise BadSpan(f"span {obj!r} is not an object with integer start and end")
    return int(obj["start"]), int(obj["end"])


def fragments_of(value: Any) -> list[Fragment]:
    """Fragments from a span, a list of spans, or null."""
    if value is None:
        return []
    if isinstance(value, dict):
        return [_fragment(value)]
    if isinstance(value, list):
        return [_fragment(item) for item in value]
    raise BadSpan(f"{value!r} is neither a span, a list of spans nor null")


def speaker_name(speaker: Speaker | None) -> str | None:
    """The name a speaker is scored under: None for a group or an unknown source."""
    if speaker is None or speaker.kind in NAMELESS_KINDS:
        return None
    return speaker.name


def quotes_from_article(article: Article) -> tuple[EvalQuote, ...]:
    """The quotes of a saidwhat record, with each quote's speaker given by name."""
    return tuple(
        EvalQuote(
            contents=tuple((s.start, s.end) for s in quote.contents),
            sources=tuple((s.start, s.end) for s in quote.sources),
            cue=((quote.cue.start, quote.cue.end),) if quote.cue else (),
            speaker=speaker_name(article.speaker_of(quote)),
            speaker_kind=speaker.kind if (speaker := article.speaker_of(quote)) else None,
        )
        for quote in article.quotes
    )


def _speaker_table(record: dict[str, Any], text: str) -> dict[str, tuple[str | None, frozenset[str]]]:
    """speaker id -> (scored name, case-folded names and mention texts) of a saidwhat JSON record."""
    table: dict[str, tuple[str | None, frozenset[str]]] = {}
    for item in record.get("speakers") or []:
        if not isinstance(item, dict) or "id" not in item:
            continue
        name = item.get("name")
        named = isinstance(name, str) and item.get("kind", "unknown") not in NAMELESS_KINDS
        aliases = {name.casefold()} if isinstance(name, str) else set()
        for mention in item.get("mentions") or []:
            if isinstance(mention, dict):
                mention_text = mention.get("text")
                start, end = mention.get("start"), mention.get("end")
                if not isinstance(mention_text, str) and isinstance(start, int) and isinstance(end, int):
                    mention_text = text[start:end]
                if isinstance(mention_text, str) and mention_text.strip():
                    aliases.add(mention_text.strip().casefold())
        table[str(item["id"])] = (name if named else None, frozenset(aliases))
    return table


def quotes_from_json(record: dict[str, Any], text: str, where: str, notes: list[str]) -> tuple[EvalQuote, ...]:
    """The quotes of one JSON line: a saidwhat record (speaker = id into `speakers`) or the minimal
    format (speaker = name). A quote with unreadable spans is noted and skipped."""
    is_record = "speakers" in record
    speakers = _speaker_table(record, text) if is_record else {}
    quotes = []
    raw_quotes = record.get("quotes") or []
    if not isinstance(raw_quotes, list):
        notes.append(f"{where}: 'quotes' is not a list, ignored")
        return ()
    for index, raw in enumerate(raw_quotes):
        here = f"{where} quote {index}"
        try:
            if not isinstance(raw, dict):
                raise BadSpan(f"{raw!r} is not an object")
            parts = {key: fragments_of(raw.get(key)) for key in ("contents", "sources", "cue")}
        except BadSpan as err:
            notes.append(f"{here}: {err}; quote skipped")
            continue
        speaker = raw.get("speaker")
        name, aliases = speakers.get(str(speaker), (None, frozenset())) if is_record else (speaker, frozenset())
        if not isinstance(name, str):
            name = None
        quotes.append(
            EvalQuote(
                contents=clip_fragments(parts["contents"], len(text), here, notes),
                sources=clip_fragments(parts["sources"], len(text), here, notes),
                cue=clip_fragments(parts["cue"], len(text), here, notes),
                speaker=name,
                aliases=aliases | ({name.casefold()} if name else frozenset()),
            )
        )
    return tuple(quotes)


def to_score_format(doc_id: str, quotes: tuple[EvalQuote, ...]) -> dict[str, Any]:
    """One line of the minimal prediction format that the reference scorer reads."""

    def spans(fragments: tuple[Fragment, ...]) -> list[dict[str, int]]:
        return [{"start": start, "end": end} for start, end in fragments]

    return {
        "doc_id": doc_id,
        "quotes": [
            {
                "contents": spans(q.contents),
                "sources": spans(q.sources),
                "cue": spans(q.cue)[0] if len(q.cue) == 1 else (spans(q.cue) or None),
                "speaker": q.speaker,
            }
            for q in quotes
        ],
    }
