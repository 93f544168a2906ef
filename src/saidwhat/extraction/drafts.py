"""Working records passed between the extraction stages before they become `Quote`s."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import QuoteType

Offsets = tuple[int, int]


@dataclass(slots=True)
class DraftQuote:
    """A quote as the stages build it up: offsets only, mutable until the article is assembled.

    Attributes:
        source_token: index of the token that heads the attributing mention, for speaker resolution.
        inherits: the quote takes its speaker from the quote before it (a continuation).
        answers: an answer of an interview printed as questions and answers ('A: ...'), the words of the
            one interviewed.
    """

    type: QuoteType
    contents: list[Offsets]
    cue: Offsets | None = None
    sources: list[Offsets] = field(default_factory=list)
    cue_token: int | None = None
    source_token: int | None = None
    confidence: float = 0.5
    inherits: bool = False
    answers: bool = False

    @property
    def start(self) -> int:
        return self.contents[0][0]

    @property
    def end(self) -> int:
        return self.contents[-1][1]

    def covers(self, offset: int) -> bool:
        return any(start <= offset < end for start, end in self.contents)
