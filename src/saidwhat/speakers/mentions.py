"""What the parse says of a name's mention: its honorific, its clause role, its article, the words
around it that belong to it and the descriptions the text gives it."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..extraction.lexicon import (
    DOCUMENT_NOUNS,
    HONORIFICS,
    JOB_TITLES,
    PEER_TITLES,
    RELATIVE_PRONOUNS,
    ROLE_WORDS,
    SPOKESPERSON_WORDS,
    STUDY_NOUNS,
    TITLE_WORDS,
)
from ..extraction.sources import mention_bounds
from .names import POSTNOMINALS

# Nouns that say a name in apposition is a person's ('Ann Lee, spokeswoman for ...'): the lexicon's roles.
PERSON_ROLES = TITLE_WORDS | ROLE_WORDS | SPOKESPERSON_WORDS

# Titles that name a person's post and nothing else: not a spokesman (who speaks for a body), not
# 'executive' (also a body: 'the Scottish Executive') nor 'star' (also a paper: 'The Star').
PERSON_TITLES = (JOB_TITLES | ROLE_WORDS) - SPOKESPERSON_WORDS - {"executive", "star"}


def has_honorific(span: Span, honorifics: frozenset[str] = HONORIFICS) -> bool:
    """'Mr Okoro', 'Dr Lim Wei Ling': only people carry these (in the span or right before it)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    tokens = [before, *span] if before is not None else list(span)
    return any(token.lower_.rstrip(".") in honorifics for token in tokens)


# Honorifics written before a surname ('Mr Howard' is a Howard by surname); 'Sir' and 'Dame' go before a
# first name ('Sir Howard'), and a peer's title is matched as a peer's name. English usage.
_SURNAME_HONORIFICS = HONORIFICS - PEER_TITLES - {"sir", "dame"}


def has_surname_honorific(span: Span) -> bool:
    """'Mr Howard', 'Dr Lim': a one-word name after such an honorific is a surname, never a first name."""
    return has_honorific(span, _SURNAME_HONORIFICS)


def has_which_clause(token: Token) -> bool:
    """'Mabel Finch, which floated in 2001': people take 'who', bodies 'which'."""
    return any(
        child.dep_ == "relcl" and any(grand.lower_ == "which" and is_subject(grand) for grand in child.children)
        for child in token.rights
    )


def is_described_as_person(ent: Span) -> bool:
    """'Ann Lee QC', 'Ann Lee, spokeswoman for ...', 'Ann Lee, who ...': letters after a name for an office
    or an honour, a person's role before it ('captain Ann Lee'), in apposition or a 'who' clause say a name
    of two or three capitalised words is a person's, whatever NER said."""
    words = [token for token in ent if token.is_alpha]
    if words and words[-1].text in POSTNOMINALS:
        words = words[:-1]
        if 2 <= len(words) <= 3 and all(token.is_title for token in words):
            return True
    if not (2 <= len(words) <= 3 and all(token.is_title for token in words)):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.is_lower and before.lemma_ in PERSON_ROLES:
        return True  # 'captain Ola Lund': a person's role written as a title before the name
    return any(
        (child.dep_ == "appos" and child.lemma_.lower() in PERSON_ROLES)
        or (child.dep_ == "relcl" and any(g.lower_ == "who" and is_subject(g) for g in child.children))
        for child in ent.root.rights
    )


def is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass")


def is_subject_or_conjunct(token: Token) -> bool:
    """A subject, or a word coordinated with one ('Vell' of 'Both Tarn and the Vell said')."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return is_subject(token)


def is_study_agent(token: Token) -> bool:
    """The agent of a study ('The survey was conducted by Tarnside', 'The study, carried out by
    Tarnside, found') or its author after 'by' ('research by Tarnside'): the body the findings speak for."""
    if _object_after(token, ("by",), STUDY_NOUNS):
        return True
    if token.dep_ != "pobj" or token.head.dep_ != "agent":
        return False
    verb = token.head.head
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in STUDY_NOUNS:
        return True
    return any(child.dep_ == "nsubjpass" and child.lemma_.lower() in STUDY_NOUNS for child in verb.children)


def is_passive_agent(token: Token) -> bool:
    """'The bill is opposed by the Tarn Democrats': the agent of a passive verb is who acts, a subject in all
    but form (English grammar)."""
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


# Nouns of documents and studies, whose author may follow 'by' or 'from'.
_AUTHORED_NOUNS = DOCUMENT_NOUNS | STUDY_NOUNS


def is_document_author(token: Token) -> bool:
    """'A statement by Symbia', 'figures from Dale': the body after 'by' or 'from' that a document, a study
    or figures come from, who speaks through them (bbc-train-gold's convention: a named body's documents
    take the body as speaker)."""
    return _object_after(token, ("by", "from"), _AUTHORED_NOUNS)


def _object_after(token: Token, prepositions: tuple[str, ...], nouns: frozenset[str]) -> bool:
    """Is the token the object of one of the prepositions, hung on one of the nouns ('survey [by] Tarn')?"""
    return token.dep_ == "pobj" and token.head.lower_ in prepositions and token.head.head.lemma_.lower() in nouns


def depth_below(token: Token, head: Token) -> int:
    """How many arcs of the parse lie between a word and the head of its phrase (English grammar: the
    nearer one is what the phrase is about, 'a spokesman for Tarn, owner of Vell' speaks for Tarn)."""
    depth = 0
    while token.i != head.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def in_possessive(token: Token, head: Token) -> bool:
    """Is `token` part of a possessive modifier of `head` ('Brandt's' in "Brandt's son")?"""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ == "poss":
            return True
        token = token.head
    return False


def is_common_noun(ent: Span) -> bool:
    """'the 22-year-old Welshman' tagged PERSON: one word after an article is a noun, not a person's name
    (English grammar: names take no article); so is 'a Man' tagged with its article."""
    if len(ent) == 2 and ent[0].lower_ in ("a", "an"):
        return True
    return len(ent) == 1 and any(
        child.dep_ == "det" and child.lower_ in ("the", "a", "an") for child in ent.root.children
    )


def is_post_description(ent: Span) -> bool:
    """'The Dale North MP' tagged as a name: an article, then words ending in a person's title, describe the
    one who holds the post; they name no one (English grammar: a name takes no article, a title is a common
    noun)."""
    return len(ent) >= 3 and ent[0].lower_ in ("the", "a", "an") and ent[-1].lower_ in PERSON_TITLES


def is_lone_adjective(ent: Span) -> bool:
    """'the Harbour Democrat leader' where NER tagged 'Harbour' alone, read as an adjective: one adjective
    that modifies the noun after it names nobody (English grammar: a name is a noun)."""
    token = ent.root
    return len(ent) == 1 and token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.i == token.i + 1


def description_of(doc: Doc, token: Token) -> str | None:
    """'The 18-year-old actor' -> '18-year-old actor'."""
    start, end = mention_bounds(token)
    words = [t for t in doc[start:end] if t.dep_ != "det"]
    return doc[words[0].i : words[-1].i + 1].text if words else None


def clause_descriptions(token: Token) -> list[str]:
    """What appositives and relative clauses say of a mention ('who plays Nick Nelson in the show')."""
    found = []
    for child in token.rights:
        if child.dep_ in ("appos", "relcl", "acl"):
            words = [t for t in child.subtree if t.lower_ not in RELATIVE_PRONOUNS]
            text = token.doc[words[0].i : words[-1].i + 1].text.strip(" ,") if words else ""
            if text and len(text) < 120:
                found.append(text)
    return found


def quoted_person(token: Token) -> Token:
    """'Reuters quoted prosecutor Ann Lowry as saying': the words are the one quoted's, not the quoter's
    (English grammar)."""
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_ != "quote":
        return token
    says = any(
        child.lower_ == "as" and any(grand.lemma_ == "say" for grand in child.children) for child in verb.children
    )
    quoted = [child for child in verb.children if child.dep_ == "dobj"]
    return quoted[0] if says and quoted else token


def noun_before_participle(token: Token) -> Token:
    """'The judge presiding has said': a word in -ing the tagger took for the head noun, with a noun
    compounded right before it, is a participle after its noun, and the noun heads the mention (bbc-train-gold
    5-fold CV 576 -> 577 of 631, nominal 67 -> 68)."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if token.tag_ != "NN" or not token.lower_.endswith("ing") or before is None:
        return token
    return before if before.dep_ == "compound" and before.head.i == token.i and before.pos_ == "NOUN" else token
