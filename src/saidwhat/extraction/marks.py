"""Stage 3a: find quotation marks and pair them into quoted runs (pure text, no parse).

A run is what one pair of marks encloses; a run that reopens in the next paragraph
(an opening mark with no closing mark at the end of a paragraph, reopened at the start of
the next) is one run with one part per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from ..segment import Paragraph, find_paragraphs
from .lexicon import SENTENCE_END_MARKS

Family = Literal["double", "single"]
Role = Literal["open", "close", "either"]

OPENING_MARKS = {
    "“": "double",
    "„": "double",
    "«": "double",
    "‟": "double",
    "‘": "single",
    "‚": "single",
    "‹": "single",
}
CLOSING_MARKS = {"”": "double", "»": "double", "’": "single", "›": "single"}
STRAIGHT_MARKS = {'"': "double", "'": "single"}
QUOTE_MARK_CHARS = frozenset(OPENING_MARKS) | frozenset(CLOSING_MARKS) | frozenset(STRAIGHT_MARKS)

# „Hallo“ and ‚hallo‘: the German low mark is closed by what English uses to open.
GERMAN_PAIRS = {("„", "“"), ("‚", "‘")}

# Guillemets point either way: «oui» in French, »ja« in German and Danish; the context decides.
REVERSIBLE_MARKS = frozenset("«»‹›")

# Words that begin with an apostrophe: "'til", "the '90s", "rock 'n' roll" (also typed with ’).
ELISIONS = ("til", "tis", "twas", "em", "cause", "n'", "n ", "bout", "round", "s ")
# A year or a decade cut short ('the '90s', 'Jay-Z ('03)', 'in ’08'): bbc-train-gold and PolNeAR train
# have 5 years and 12 decades so written, and no quotation that opens with two digits.
_DECADE = re.compile(r"\d\d(?:s)?\b")
# An elision is a whole word: "'em" is them, but "'empire'" opens a quotation (bbc-train-gold and
# PolNeAR train: "'em" 3 times as a word, "'empire" twice as a quoted word).
_ELISION = re.compile("|".join(re.escape(e) if not e[-1].isalpha() else re.escape(e) + r"\b" for e in ELISIONS))

# Two characters typed for one double mark: ''archive style'' and ``TeX style''.
DOUBLED_MARKS = ("''", "``")

# Characters after which a mark opens, and before which a mark closes.
_BEFORE_OPENING = set("([{—–-/:") | {""}
_AFTER_CLOSING = set(".,;:!?)]}—–-…") | {""}

# An unclosed mark in a paragraph that goes on longer than this is dropped, not stretched.
MAX_UNCLOSED_CHARS = 600


@dataclass(frozen=True, slots=True)
class QuoteMark:
    """One character (or a doubled pair such as '') that can open or close a quotation."""

    offset: int
    char: str
    family: Family
    role: Role

    @property
    def end(self) -> int:
        return self.offset + len(self.char)


@dataclass(slots=True)
class QuotedRun:
    """Text enclosed by one pair of marks, marks included; one part per paragraph it spans."""

    family: Family
    parts: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True
    opener: str = '"'

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _char(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _is_apostrophe(text: str, offset: int) -> bool:
    """True for ' and ’ that belong to a word: don't, Connor's, players', 'til, the '90s."""
    before, after = _char(text, offset - 1), _char(text, offset + 1)
    if before.isalnum() and after.isalnum():
        return True
    rest = text[offset + 1 : offset + 8].lower().replace("’", "'")
    # "players' union" is left to the pairing: a closing mark with no single quotation open is dropped.
    return (not before or before.isspace() or before in "([") and bool(_ELISION.match(rest) or _DECADE.match(rest))


def _role_from_context(text: str, offset: int, width: int = 1) -> Role:
    before, after = _char(text, offset - 1), _char(text, offset + width)
    opens = before.isspace() or before in _BEFORE_OPENING or before in OPENING_MARKS
    closes = after.isspace() or after in _AFTER_CLOSING or after in CLOSING_MARKS or after in STRAIGHT_MARKS
    if opens and not after.isspace() and after:
        return "open"
    if closes and not before.isspace() and before:
        return "close"
    return "either"


def _guillemet_role(text: str, offset: int, *, default: Role) -> Role:
    """'Er sagte »ja« gestern': a guillemet opens or closes by what stands around it, not by its direction."""
    role = _role_from_context(text, offset)
    return default if role == "either" else role


# HTML left in a text: '<a href="x">' holds marks that quote nothing.
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,300}>")


def find_quote_marks(text: str) -> list[QuoteMark]:
    """Every character that may open or close a quotation; apostrophes inside words are left out."""
    marks: list[QuoteMark] = []
    in_tags = {
        i
        for match in _HTML_TAG.finditer(text)
        if '"' in match.group() or "'" in match.group()
        for i in range(*match.span())
    }
    skip_to = 0
    for offset, char in enumerate(text):
        if (char not in QUOTE_MARK_CHARS and char != "`") or offset in in_tags or offset < skip_to:
            continue
        if text.startswith(DOUBLED_MARKS, offset):
            doubled = text[offset : offset + 2]
            role = "open" if doubled == "``" else _role_from_context(text, offset, width=2)
            marks.append(QuoteMark(offset, doubled, "double", role))
            skip_to = offset + 2
            continue
        if char == "`":
            continue
        if char in ("'", "’") and _is_apostrophe(text, offset):
            continue
        if char in REVERSIBLE_MARKS:
            family = OPENING_MARKS.get(char) or CLOSING_MARKS[char]
            role = _guillemet_role(text, offset, default="open" if char in OPENING_MARKS else "close")
        elif char in OPENING_MARKS:
            family, role = OPENING_MARKS[char], "open"
        elif char in CLOSING_MARKS:
            family, role = CLOSING_MARKS[char], "close"
            if char in ("’", "”") and _role_from_context(text, offset) == "open":
                role = "open"  # a closing glyph typed as an opener: ’twas, or bad typography (”Fear. I ...”)
        else:
            family, role = STRAIGHT_MARKS[char], _role_from_context(text, offset)
        marks.append(QuoteMark(offset, char, family, role))  # type: ignore[arg-type]
    return marks


@dataclass(slots=True)
class _Pairing:
    """State while marks are paired, paragraph by paragraph."""

    text: str
    runs: list[QuotedRun] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stack: list[QuotedRun] = field(default_factory=list)
    pending: QuotedRun | None = None  # outermost run left open at the end of the last paragraph

    def open_run(self, mark: QuoteMark) -> None:
        self.stack.append(QuotedRun(mark.family, [(mark.offset, -1)], opener=mark.char))

    def close_run(self, mark: QuoteMark) -> bool:
        """Close the innermost open run of the mark's family; False when there is none."""
        for depth in range(len(self.stack) - 1, -1, -1):
            run = self.stack[depth]
            if run.family == mark.family:
                del self.stack[depth:]  # inner runs left open die with it
                run.parts[-1] = (run.parts[-1][0], mark.end)
                if not self.stack:
                    self.runs.append(run)
                return True
        return False

    def reopen_part(self, mark: QuoteMark) -> None:
        """'..end of one paragraph. "Start of the next': the break was lost, the quote goes on."""
        run = self.stack[0]
        part_start = run.parts[-1][0]
        part_end = _trim_end(self.text, part_start, mark.offset)
        run.parts[-1] = (part_start, part_end)
        run.parts.append((mark.offset, -1))

    def end_paragraph(self, paragraph: Paragraph) -> None:
        if self.stack:
            run = self.stack[0]
            run.parts[-1] = (run.parts[-1][0], paragraph.end)
            self.pending = run
        self.stack = []

    def settle_pending(self) -> None:
        """A run that was never reopened: keep it only if it stays short, and say so."""
        run, self.pending = self.pending, None
        if run is None:
            return
        run.closed = False
        start, end = run.parts[-1]
        if run.family == "double" and end - start <= MAX_UNCLOSED_CHARS:
            self.runs.append(run)
            self.errors.append(f"unclosed quotation mark at offset {start}: quote ends at the paragraph end")
        elif run.family == "double":
            self.errors.append(f"unclosed quotation mark at offset {start}: ignored")
            if len(run.parts) > 1:
                run.parts.pop()
                self.runs.append(run)


def skip_space_back(text: str, offset: int) -> int:
    """The offset just after the last non-space character before `offset` (0 when there is none)."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return offset


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _starts_paragraph(text: str, paragraph: Paragraph, mark: QuoteMark) -> bool:
    return mark.role != "close" and not text[paragraph.start : mark.offset].strip()


def _is_reopening(text: str, stack: list[QuotedRun], mark: QuoteMark) -> bool:
    """An opening double mark right after a sentence end, while a double quote is open: a lost break."""
    if mark.family != "double" or mark.role != "open" or len(stack) != 1 or stack[0].family != "double":
        return False
    end = skip_space_back(text, mark.offset)
    return end != mark.offset and text[max(0, end - 2) : end].endswith((*SENTENCE_END_MARKS, '."', ".”"))


def pair_quote_marks(
    text: str, marks: list[QuoteMark], paragraphs: list[Paragraph] | None = None
) -> tuple[list[QuotedRun], list[str]]:
    """Pair marks into outermost quoted runs, in reading order; also returns notes on bad marks."""
    paragraphs = find_paragraphs(text) if paragraphs is None else paragraphs
    state = _Pairing(text)
    index = 0
    for paragraph in paragraphs:
        para_marks: list[QuoteMark] = []
        while index < len(marks) and marks[index].offset < paragraph.end:
            if marks[index].offset >= paragraph.start:
                para_marks.append(marks[index])
            index += 1
        _pair_paragraph(state, paragraph, para_marks)
    state.settle_pending()
    state.runs.sort(key=lambda run: run.start)
    return state.runs, state.errors


def _pair_paragraph(state: _Pairing, paragraph: Paragraph, marks: list[QuoteMark]) -> None:
    text = state.text
    if state.pending is not None:
        first = marks[0] if marks else None
        if first and first.family == state.pending.family and _starts_paragraph(text, paragraph, first):
            state.pending.parts.append((first.offset, -1))
            state.stack, state.pending = [state.pending], None
            marks = marks[1:]
        else:
            state.settle_pending()
    for mark in marks:
        top_family = state.stack[-1].family if state.stack else None
        if state.stack and (state.stack[-1].opener, mark.char) in GERMAN_PAIRS:
            state.close_run(mark)
        elif _is_reopening(text, state.stack, mark):
            state.reopen_part(mark)
        elif mark.role == "close" or (mark.role == "either" and top_family == mark.family):
            if not state.close_run(mark) and mark.family == "double":
                state.errors.append(f"closing quotation mark at offset {mark.offset} has no opening mark")
        elif mark.role == "open" or mark.family == "double" or state.stack:
            state.open_run(mark)
    state.end_paragraph(paragraph)


def find_quoted_runs(text: str) -> tuple[list[QuotedRun], list[str]]:
    """The outermost quoted runs of a text, and notes on unbalanced marks."""
    return pair_quote_marks(text, find_quote_marks(text))
