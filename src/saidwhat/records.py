"""Typed records that every stage passes along; they mirror spec/article.schema.json."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

QuoteType = Literal["direct", "mixed", "indirect", "partial"]
SpeakerKind = Literal["person", "organisation", "group", "unknown"]

QUOTE_TYPES: tuple[QuoteType, ...] = ("direct", "mixed", "indirect", "partial")
SPEAKER_KINDS: tuple[SpeakerKind, ...] = ("person", "organisation", "group", "unknown")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the analysed text; build it with `span_of` so that text[start:end] == span.text."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"span offsets must satisfy 0 <= start <= end, got {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text {self.text!r} does not fit offsets {self.start}..{self.end}")

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(start=int(data["start"]), end=int(data["end"]), text=str(data["text"]))


def span_of(text: str, start: int, end: int) -> Span:
    """The span of `text` between two offsets: the only way stages make spans."""
    return Span(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: what was said, the cue, the attributing mention(s) and the resolved speaker id."""

    id: str
    type: QuoteType
    contents: tuple[Span, ...]
    cue: Span | None
    sources: tuple[Span, ...]
    speaker: str | None
    confidence: float
    # How sure the speaker ranker is that `speaker` is right (calibrated by cross-validation); None
    # when there is no speaker or no ranker chose it.
    speaker_confidence: float | None = None

    def __post_init__(self) -> None:
        if self.type not in QUOTE_TYPES:
            raise ValueError(f"quote {self.id} type {self.type!r} is not one of {', '.join(QUOTE_TYPES)}")
        if not self.contents:
            raise ValueError(f"quote {self.id} has no content span")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"quote {self.id} confidence {self.confidence} is outside 0..1")
        if self.speaker_confidence is not None and not 0.0 <= self.speaker_confidence <= 1.0:
            raise ValueError(f"quote {self.id} speaker_confidence {self.speaker_confidence} is outside 0..1")

    @property
    def start(self) -> int:
        return self.contents[0].start

    @property
    def end(self) -> int:
        return self.contents[-1].end

    @property
    def text(self) -> str:
        """The content fragments joined by a space, for people and full-text search."""
        return " ".join(span.text for span in self.contents)

    def to_dict(self) -> dict[str, Any]:
        record = {
            "id": self.id,
            "type": self.type,
            "contents": [span.to_dict() for span in self.contents],
            "cue": self.cue.to_dict() if self.cue else None,
            "sources": [span.to_dict() for span in self.sources],
            "speaker": self.speaker,
            "confidence": round(self.confidence, 4),
        }
        if self.speaker_confidence is not None:
            record["speaker_confidence"] = round(self.speaker_confidence, 4)
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        quote_type = data.get("type", "direct")
        if quote_type not in QUOTE_TYPES:
            raise ValueError(f"quote type {quote_type!r} is not one of {', '.join(QUOTE_TYPES)}")
        cue = data.get("cue")
        return cls(
            id=str(data.get("id", "")),
            type=quote_type,
            contents=tuple(Span.from_dict(s) for s in data["contents"]),
            cue=Span.from_dict(cue) if cue else None,
            sources=tuple(Span.from_dict(s) for s in data.get("sources", [])),
            speaker=data.get("speaker"),
            confidence=float(data.get("confidence", 1.0)),
            speaker_confidence=None if data.get("speaker_confidence") is None else float(data["speaker_confidence"]),
        )


@dataclass(frozen=True, slots=True)
class Speaker:
    """Someone (or some body) quoted in the article, with every mention that refers to them."""

    id: str
    name: str
    kind: SpeakerKind
    mentions: tuple[Span, ...]
    descriptions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in SPEAKER_KINDS:
            raise ValueError(f"speaker {self.id} kind {self.kind!r} is not one of {', '.join(SPEAKER_KINDS)}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "mentions": [span.to_dict() for span in self.mentions],
            "descriptions": list(self.descriptions),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        kind = data.get("kind", "unknown")
        if kind not in SPEAKER_KINDS:
            raise ValueError(f"speaker kind {kind!r} is not one of {', '.join(SPEAKER_KINDS)}")
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            kind=kind,
            mentions=tuple(Span.from_dict(s) for s in data.get("mentions", [])),
            descriptions=tuple(str(d) for d in data.get("descriptions", [])),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """Everything saidwhat found in one document."""

    doc_id: str
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    title: str | None = None
    url: str | None = None
    published: str | None = None
    errors: tuple[str, ...] = ()
    text: str | None = field(default=None, compare=False)

    def speaker_of(self, quote: Quote) -> Speaker | None:
        """The resolved speaker of a quote, or None."""
        for speaker in self.speakers:
            if speaker.id == quote.speaker:
                return speaker
        return None

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        record: dict[str, Any] = {
            "doc_id": self.doc_id,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "quotes": [quote.to_dict() for quote in self.quotes],
            "speakers": [speaker.to_dict() for speaker in self.speakers],
            "errors": list(self.errors),
        }
        if with_text and self.text is not None:
            record["text"] = self.text
        return record

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(
            doc_id=str(data["doc_id"]),
            quotes=tuple(Quote.from_dict(q) for q in data.get("quotes", [])),
            speakers=tuple(Speaker.from_dict(s) for s in data.get("speakers", [])),
            title=data.get("title"),
            url=data.get("url"),
            published=data.get("published"),
            errors=tuple(str(e) for e in data.get("errors", [])),
            text=data.get("text"),
        )


# 'pull quote': words of the story set in large type beside it, a second copy of a quote; 'link': a line
# that points elsewhere ('Read more: ...', 'WATCH: ...').
RegionKind = Literal["heading", "caption", "byline", "pull quote", "link"]


@dataclass(frozen=True, slots=True)
class Region:
    """A stretch of a web page's text that is page furniture, not the story's prose."""

    start: int
    end: int
    kind: RegionKind


@dataclass(frozen=True, slots=True)
class Document:
    """One input article: its text and what is known about it.

    Attributes:
        regions: headings, captions, bylines, pull quotes and link lines of a web page (from `saidwhat.webpage`);
            none for plain text.
    """

    text: str
    doc_id: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    regions: tuple[Region, ...] = ()
