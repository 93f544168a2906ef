"""A reported clause that goes on to quoted words later in its sentence takes them in.

'Mr Vey said the plan was costly and there were "lots of gaps".' is one mixed quote in the BBC gold; the
boundary scorer, learned on PolNeAR, often ends the clause at 'and' or at a dash, and the quoted words
are then left as a partial quote of their own. Where nothing between the two reports anything else (no
other cue, no sentence end), the clause runs on to the end of the quoted words and the partial goes.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from .cues import found_cues
from .docfacts import doc_facts
from .drafts import DraftQuote
from .lexicon import FULL_STOPS
from .spans import end_before_full_stop

# A rest of the sentence with one of these is not plainly the same clause ('..., adding that ...').
_CLAUSE_BREAKS = (",", ";", ":", " - ", "(", '"', "\u201c")


def _sentence_of(doc: Doc, offset: int) -> int | None:
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return None if token is None or not len(token) else doc_facts(doc).sentence_of[token[0].i]


def _is_tail(doc: Doc, clause: DraftQuote, partial: DraftQuote, cue_offsets: Sequence[int]) -> bool:
    """Is `partial` quoted words that continue `clause` in its sentence, with no report between them?"""
    if partial.type != "partial" or partial.start <= clause.end:
        return False
    if partial.cue_token is not None and partial.cue_token != clause.cue_token:
        return False
    between = doc_facts(doc).text[clause.end : partial.start]
    if any(char in FULL_STOPS for char in between) or "\n" in between or '"' in between:
        return False
    if any(clause.end <= offset < partial.start for offset in cue_offsets):
        return False
    same = _sentence_of(doc, clause.end - 1)
    return same is not None and same == _sentence_of(doc, partial.start)


def _clause_end(doc: Doc, end: int, cue_offsets: Sequence[int]) -> int:
    """Where the clause ends after quoted words that end at `end`: at the end of its sentence where the rest
    of it plainly goes on with the same clause ('... "a bit complacent" about the costs.'), else at `end`."""
    token = doc.char_span(end - 1, end, alignment_mode="expand")
    if token is None or not len(token):
        return end
    facts = doc_facts(doc)
    text = facts.text
    stop = end_before_full_stop(text, end, facts.sent(token[0]).end_char)
    rest = text[end:stop]
    if not rest.strip() or any(mark in rest for mark in _CLAUSE_BREAKS):
        return end
    return end if any(end <= offset < stop for offset in cue_offsets) else stop


def take_in_quoted_tails(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts with each reported clause run on over the quoted words that continue it, those dropped."""
    cue_offsets = [cue.span[0] for cue in found_cues(doc).cues]
    dropped: set[int] = set()
    for index, clause in enumerate(drafts):
        if clause.type not in ("indirect", "mixed") or clause.cue_token is None or clause.cue is None:
            continue
        if clause.cue[0] > clause.start or index + 1 >= len(drafts) or index + 1 in dropped:
            continue
        partial = drafts[index + 1]
        if _is_tail(doc, clause, partial, cue_offsets):
            clause.contents[-1] = (clause.contents[-1][0], _clause_end(doc, partial.end, cue_offsets))
            clause.type = "mixed"
            dropped.add(index + 1)
    return [draft for index, draft in enumerate(drafts) if index not in dropped]
