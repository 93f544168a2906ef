"""Candidate cues, contents and sources over a parsed Doc, each with the features a scorer reads."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..constants import SPEECH_VERBS

TokenBounds = tuple[int, int]

# Children of a cue through which it reports its content.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "parataxis", "advcl", "prep", "attr", "oprd", "conj", "acomp"})
# The cue hangs below the content: '..., the source added' (parataxis / ccomp of the content's verb).
UPWARD_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj", "relcl", "xcomp"})
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADP", "PUNCT", "ADJ"})


@dataclass(frozen=True, slots=True)
class ContentCandidate:
    """Token bounds of a possible content for a cue, and how it was found."""

    bounds: TokenBounds
    how: str


def trim(doc: Doc, start: int, end: int) -> TokenBounds:
    """Bounds without punctuation or white space at either end (quotation marks kept inside)."""
    while start < end and (doc[start].is_space or (doc[start].is_punct and not doc[start].is_quote)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and not doc[end - 1].is_quote)):
        end -= 1
    return start, end


def subtree_bounds(token: Token) -> TokenBounds:
    return token.left_edge.i, token.right_edge.i + 1


def is_cue_candidate(token: Token) -> bool:
    """Tokens the cue scorer looks at: verbs, nouns and a few function words and colons."""
    if token.text == ":":
        return True
    if token.pos_ not in CUE_POS or token.is_space:
        return False
    if token.pos_ == "PUNCT":
        return False
    if token.pos_ in ("NOUN", "ADP", "ADJ"):
        return token.lemma_.lower() in SPEECH_VERBS or token.lower_ in ("according", "for", "statement", "interview")
    return True


def content_candidates(doc: Doc, cue: Token) -> list[ContentCandidate]:
    """Every span that could be what `cue` reports, from the parse around it."""
    found: dict[TokenBounds, str] = {}
    sent = cue.sent

    def add(start: int, end: int, how: str) -> None:
        start, end = trim(doc, max(start, sent.start), min(end, sent.end))
        if end > start and (start, end) not in found and not (start <= cue.i < end and how != "sentence"):
            found[(start, end)] = how

    if cue.text == ":":
        add(cue.i + 1, sent.end, "after_colon")
    if cue.lower_ == "according" and cue.i + 1 < len(doc):
        to = doc[cue.i + 1]
        phrase_end = max([to.i + 1] + [c.right_edge.i + 1 for c in to.children])
        add(phrase_end, sent.end, "after_according")
        add(sent.start, cue.i, "before_according")
    for child in cue.children:
        if child.dep_ in CONTENT_DEPS:
            add(*subtree_bounds(child), f"child_{child.dep_}")
            if child.dep_ == "prep":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        add(*subtree_bounds(grand), "prep_pobj")
    right = [c for c in cue.rights if c.dep_ in CONTENT_DEPS]
    if len(right) > 1:
        add(right[0].left_edge.i, right[-1].right_edge.i + 1, "rights_all")
    if cue.dep_ in UPWARD_DEPS and cue.head.i != cue.i:
        head = cue.head
        head_start, head_end = subtree_bounds(head)
        cue_start, cue_end = subtree_bounds(cue)
        if cue_start > head.i:
            add(head_start, cue_start, f"up_before_{cue.dep_}")
        elif cue_end <= head.i:
            add(cue_end, head_end, f"up_after_{cue.dep_}")
    if cue.i > sent.start + 2:
        add(sent.start, subtree_bounds(cue)[0], "sentence_before")
    add(cue.i + 1, sent.end, "sentence_after")
    return [ContentCandidate(bounds, how) for bounds, how in found.items()]
