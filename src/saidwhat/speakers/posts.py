"""Posts and roles in a source mention: a title names a person's post; the office, seat or employer it
names is not who holds it ('the Trade Secretary', 'the MP for Dale', 'the Harbour Party leader')."""

from __future__ import annotations

from spacy.tokens import Token

from ..extraction.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    ORGANISATION_NOUNS,
    STUDY_NOUNS,
)
from .entities import Entity
from .mentions import PERSON_TITLES


def is_office_or_seat(token: Token, head: Token, entity: Entity) -> bool:
    """'the Trade and Industry Secretary', 'the MP for Dale', 'the minister for Wales': the office a title
    names before it, or the place it serves, is not who holds it (English grammar)."""
    return (
        head.lower_ in PERSON_TITLES
        and entity.kind != "person"
        and (token.i < head.i or token.ent_type_ in ("GPE", "LOC") or _served_by(token, head))
    )


def _served_by(token: Token, head: Token) -> bool:
    """Is the token in a 'for' phrase of the head ('the MP for Dale and Sheppey')?"""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.i == head.i:
            return True
        token = token.head
    return False


def is_employer(token: Token, head: Token, entity: Entity) -> bool:
    """'the Harbour Party leader': a body named before a singular role noun is whom the speaker serves, not
    the speaker (English grammar; not 'a Harbour Party spokesman', 'Harbour Party officials')."""
    while token.i != head.i and token.dep_ in ("compound", "amod", "nmod", "det"):  # NER may take in "The"
        token = token.head
    return (
        entity.kind == "organisation"
        and token.i == head.i
        and head.tag_ == "NN"
        and head.lemma_.lower() not in ANONYMOUS_HEADS | ORGANISATION_NOUNS | DOCUMENT_NOUNS | STUDY_NOUNS
    )


def body_nouns(spokesperson: Token) -> set[str]:
    """The kinds of body a spokesperson's modifiers name: {'party'} of 'a senior party spokesman'."""
    return {
        child.lemma_.lower()
        for child in spokesperson.children
        if child.dep_ in ("compound", "amod", "nmod") and child.lemma_.lower() in ORGANISATION_NOUNS
    }


def named_as(entity: Entity, nouns: set[str]) -> bool:
    """Does one of the entity's names hold one of these nouns as a word ('Harbour Party' of 'party')?"""
    return any(word.lower() in nouns for name in entity.names for word in name.split())
