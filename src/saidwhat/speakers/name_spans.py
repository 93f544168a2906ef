"""Where the words of a name start in the text: the proper nouns before the one NER saw, the capitalised
modifiers that belong to a name, and a nationality standing for one person."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..extraction.lexicon import HONORIFICS


def proper_name_chain(token: Token) -> Span:
    """The run of proper nouns that ends at `token`: 'Ravi Dastidar' when NER saw only 'Dastidar'."""
    start = token.i
    while start > 0 and _is_name_word(token.doc[start - 1]) and token.doc[start - 1].dep_ == "compound":
        start -= 1
    return token.doc[start : token.i + 1]


def _is_name_word(token: Token) -> bool:
    """A proper noun, or an acronym the tagger took for a common noun ('PC' of 'PC Pro')."""
    return token.pos_ == "PROPN" or (token.is_upper and token.is_alpha and len(token) > 1)


def is_nationality_noun(token: Token, start: int) -> bool:
    """'the American', 'the Frenchman': one person described by the nationality the NER tags NORP, after
    'the' at token `start` (English grammar: a name takes no article, a singular nationality noun is one person)."""
    return (
        token.ent_type_ == "NORP" and token.tag_ == "NNP" and 0 <= start < token.i and token.doc[start].lower_ == "the"
    )


def with_capitalised_modifiers(ent: Span) -> Span:
    """'the Liberal Democrats' where NER saw only 'Democrats': capitalised words that modify the name
    and stand right before it belong to it (not a sentence's first word, which is capitalised anyway)."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        token = doc[start - 1]
        inside = start <= token.head.i < ent.end  # 'UK Harbour Party' of 'Party' too, through 'Harbour'
        capitalised = token.is_title or (token.is_upper and token.is_alpha and len(token) > 1)
        if not (inside and capitalised and token.pos_ in ("PROPN", "ADJ") and token.dep_ in ("compound", "amod")):
            break
        if token.is_sent_start or token.lower_.rstrip(".") in HONORIFICS:
            break  # 'Mr Quill' tagged ORG stays a person's mention after the honorific
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label)
