"""A headline glued to the first sentence: where the body starts, so that a reported clause does not take it in.

Texts copied from news datasets often carry the headline and the body on one line with no full stop between
('Mill town votes for new bridge The council said on Monday it would ...'); the parser then runs the headline
into the first sentence, and the content of its cue starts at the headline. The body starts at the first
capitalised word after a lower-case word (or a closing mark, or a number): a headline of a few words is
mostly lower case, and the body opens with a capital.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .docfacts import doc_facts
from .drafts import DraftQuote

# A headline is rarely longer than this (the BBC training gold: at most 10 words).
_HEADLINE_MAX_TOKENS = 16
_CLOSING = frozenset("'\"’”%")


def _ends_a_headline(previous: Token) -> bool:
    # not a preposition: 'in May' is a date in a sentence more often than a headline's last word
    return (previous.is_lower and previous.pos_ != "ADP") or previous.text in _CLOSING or previous.like_num


def find_body_start(doc: Doc) -> int | None:
    """The character offset where the body starts after a headline glued to it; None when the first
    sentence does not start with such a headline (a line break ends the headline instead)."""
    facts = doc_facts(doc)
    if not len(doc):
        return None
    sentence = facts.sent(doc[0])
    if "\n" in sentence.text.strip():
        return None
    window = doc[2 : min(sentence.end, _HEADLINE_MAX_TOKENS)]
    capitalised = [
        token
        for token in window
        if token.is_alpha and token.text[:1].isupper() and not facts.inside_quotes(token) and token.text != "I"
    ]
    # 'The', 'A', 'Your' open the body even after a name that ends the headline ('... in May The ...').
    opener = next((token for token in capitalised if token.pos_ in ("DET", "PRON")), None)
    if opener is not None:
        return opener.idx
    return next((token.idx for token in capitalised if _ends_a_headline(doc[token.i - 1])), None)


def trim_glued_headlines(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, a content that starts at the text's first word, before a cue of the body, started at
    the body."""
    text = doc_facts(doc).text
    first = len(text) - len(text.lstrip())
    leading = [draft for draft in drafts if draft.start == first and draft.cue is not None]
    if not leading or text[first : first + 1] in _CLOSING:
        return drafts
    body = find_body_start(doc)
    if body is None:
        return drafts
    for draft in leading:
        end = draft.contents[0][1]
        if body >= end:
            continue
        rest = doc.char_span(body, end, alignment_mode="expand")
        is_clause = rest is not None and any(token.pos_ in ("VERB", "AUX") for token in rest)
        if is_clause and draft.cue is not None and draft.cue[0] >= body:
            draft.contents[0] = (body, end)
    return drafts
