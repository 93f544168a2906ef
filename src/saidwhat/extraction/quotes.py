"""Stage 3b: decide which quoted runs are quotations, and of which kind (direct or partial).

Titles of works, nicknames and terms in quotation marks are not quotations (a capitalised name
such as "Pride and Prejudice", or a short run after 'so-called', 'the word', 'dubbed'); any other
quoted word in narration is kept as a partial quote, since it is most often the speaker's own word
('On the show's "fuzziness", Connor commented'). A run that makes up a sentence of its own, or
follows a colon or a cue, is direct; a fragment inside narration is partial.
"""

from __future__ import annotations

import re

from ..segment import INNER_SENTENCE_BREAK
from .drafts import DraftQuote
from .lexicon import SENTENCE_END_MARKS, TITLE_SMALL_WORDS
from .marks import QUOTE_MARK_CHARS, QuotedRun, skip_space_back

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What may stand between a cue and the quote it introduces: 'said:', 'said,', 'told the BBC:'.
_INTRODUCED = re.compile(r"[:,]\s*$")
# Words that present what follows as a name or a term, not as anyone's words: 'the so-called
# "experts"', 'the word "resilience"', 'a striker nicknamed "the rocket"'.
_NAMING_LEAD = re.compile(
    r"(?:\bso[- ]called|\bthe (?:words?|terms?|phrases?|expressions?|hashtags?|labels?)"
    r"|\b(?:dubbed|nicknamed|titled|entitled)(?: (?:him|her|them|it))?|\bknown as|\bcalled itself)\s*$",
    re.IGNORECASE,
)
_MAX_NAMED_WORDS = 6
# What stands before the title of a show or a work: 'on CBS's "Face the Nation,"', 'an episode of "The
# Steve Harvey Morning Show,"' (American style keeps the comma or full stop inside the marks).
_TITLE_LEAD = re.compile(r"(?:\b(?:on|of)|['’]s)\s*$", re.IGNORECASE)
# What may follow a quote with no comma before its attribution: '"It was great" said Connor', '"No" he said'.
_ATTRIBUTION_START = re.compile(
    r"\s*(?:said|says|added|adds|told|tells|asked|asks|explained|commented|insisted|wrote|writes|replied|continued"
    r"|declared|claimed|stated|warned|argued|admitted|according|he|she|they|we|it)\b"
)
_LOWER_WORD = re.compile(r"\s*[a-z]")
# Short words that a title keeps in lower case ("Pride and Prejudice", "His Dark Materials").


def inner_text(text: str, run: QuotedRun) -> str:
    """What the marks enclose, all parts joined."""
    return " ".join(text[start:end].strip("".join(QUOTE_MARK_CHARS) + " ") for start, end in run.parts)


def is_title_or_term(words: list[str], inner: str, *, after_title_lead: bool = False) -> bool:
    """'Heartstopper', 'His Dark Materials', 'Iron Lady': capitalised names, not someone's words
    (with a comma or full stop inside the marks only where a title is expected: 'on "Fox and Friends."')."""
    punctuated = inner.rstrip().endswith((*SENTENCE_END_MARKS, ","))
    if not words or len(words) > 5 or (punctuated and not after_title_lead):
        return False
    capitalised = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return (
        bool(capitalised)
        and all(w[0].isupper() for w in capitalised)
        and len(words) >= 1
        and (len(words) > 1 or not words[0].isupper() or len(words[0]) > 1)
    )


def is_named_term(text: str, run: QuotedRun, words: list[str]) -> bool:
    """'The so-called "experts"', 'the word "resilience"': a short run that a naming phrase introduces."""
    return len(words) <= _MAX_NAMED_WORDS and bool(_NAMING_LEAD.search(text[max(0, run.start - 40) : run.start]))


def _starts_sentence(text: str, offset: int) -> bool:
    end = skip_space_back(text, offset)
    return end == 0 or text[end - 1] in (*SENTENCE_END_MARKS, '"', "”", "’", "'") or "\n" in text[end:offset]


def _is_introduced(text: str, offset: int) -> bool:
    return bool(_INTRODUCED.search(text[max(0, offset - 3) : offset]))


def _sentence_goes_on(text: str, run: QuotedRun, inner: str) -> bool:
    """'"Bigger and better" is how Connor described it': the run is the subject of narration, not an utterance."""
    if inner.rstrip().endswith((*SENTENCE_END_MARKS, ",", ":", ";")):
        return False
    after = text[run.end : run.end + 40]
    return bool(_LOWER_WORD.match(after)) and not _ATTRIBUTION_START.match(after)


def _follows_a_word(text: str, offset: int) -> bool:
    end = skip_space_back(text, offset)
    return end > 0 and end < offset and "\n" not in text[end:offset] and text[end - 1].isalnum()


def _is_whole_paragraph(text: str, run: QuotedRun) -> bool:
    line_start = text.rfind("\n", 0, run.start) + 1
    line_end = text.find("\n", run.end)
    return not (text[line_start : run.start] + text[run.end : line_end if line_end >= 0 else len(text)]).strip()


def classify_run(text: str, run: QuotedRun) -> str | None:
    """'direct', 'partial', or None for a run that is not a quotation."""
    inner = inner_text(text, run)
    words = _WORD.findall(inner)
    if not words:
        return None
    if len(run.parts) > 1:
        return "direct"
    # A title keeps its comma or full stop inside the marks where it stands: after 'on', 'of', "'s", or right
    # after a word of the sentence ('who directed "Paper Kites," said'), or alone as a paragraph (a caption).
    after_title_lead = (
        bool(_TITLE_LEAD.search(text[max(0, run.start - 10) : run.start]))
        or _follows_a_word(text, run.start)
        or _is_whole_paragraph(text, run)
    )
    if is_title_or_term(words, inner, after_title_lead=after_title_lead) or is_named_term(text, run, words):
        return None
    after = text[run.end : run.end + 2].lstrip()
    closes_sentence = inner.rstrip().endswith((*SENTENCE_END_MARKS, ",")) or after[:1] in (",",)
    if _starts_sentence(text, run.start) and _sentence_goes_on(text, run, inner):
        # '"I wouldn't call it reform. It's a tax increase" for the top bracket': sentences are an utterance
        return "direct" if INNER_SENTENCE_BREAK.search(inner) else "partial"
    if _starts_sentence(text, run.start) or _is_introduced(text, run.start):
        return "direct" if len(words) >= 3 or closes_sentence else "partial"
    if len(words) >= 4 and inner[:1].isupper() and inner.rstrip().endswith(SENTENCE_END_MARKS):
        return "direct"  # Connor said "I love it." -- a whole utterance without a comma
    return "partial"


def draft_marked_quotes(text: str, runs: list[QuotedRun]) -> list[DraftQuote]:
    """One draft quote per quoted run that is a quotation, typed direct or partial."""
    drafts: list[DraftQuote] = []
    for run in runs:
        kind = classify_run(text, run)
        if kind is None:
            continue
        confidence = 0.6 if run.closed else 0.4
        drafts.append(DraftQuote(type=kind, contents=list(run.parts), confidence=confidence))  # type: ignore[arg-type]
    return drafts
