"""Mend the parse where English grammar rules out what the tagger said, before anything reads it.

A modal verb takes a bare infinitive ('may say'), never a past tense: in 'May said the band would play',
'May' is the subject, a name (Brian May, Theresa May), which the tagger took for the modal because a
sentence's capital letter hides the difference.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

_PAST_TENSE = "VBD"


def _is_name_read_as_modal(token: Token) -> bool:
    head = token.head
    return (
        token.tag_ == "MD"
        and token.text[:1].isupper()
        and head.tag_ == _PAST_TENSE
        and head.i > token.i
        and not any(child.dep_ in ("nsubj", "nsubjpass") and child != token for child in head.children)
    )


def mend_parse(doc: Doc) -> Doc:
    """Make a capitalised 'modal' before a past tense the verb's subject, a proper noun."""
    for token in doc:
        if _is_name_read_as_modal(token):
            token.tag_, token.pos_, token.dep_ = "NNP", "PROPN", "nsubj"
    return doc


@Language.component("saidwhat_parse_mends")
def parse_mends_component(doc: Doc) -> Doc:
    return mend_parse(doc)
