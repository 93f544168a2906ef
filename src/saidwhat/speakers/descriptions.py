"""What the article says of an entity that tells which one a nominal source means: the titles and appositives
that describe it ('the foreign secretary'), the studies it carried out ('the study'), whether it is a product
rather than a body ('the company')."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..extraction.lexicon import DOCUMENT_NOUNS, HONORIFICS, INSTITUTION_NOUNS, ORGANISATION_NOUNS, STUDY_NOUNS
from ..learn.body_nouns import shipped_body_nouns
from .entities import Entity, EntityIndex

_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})  # spaCy's entity types for places and nationalities
_TITLE_RUN = 4  # words before a name that may be its title ('British team member Ada Vell')
# Prepositions that tie a body to a study or document: 'a survey by X', 'carried out by X', 'a poll for X'.
_STUDY_PREPOSITIONS = frozenset({"by", "for", "from"})
_REPORTED_NOUNS = STUDY_NOUNS | DOCUMENT_NOUNS
# Pieces of writing whose words are their author's ('the book says'). English usage, hand-written.
WRITING_NOUNS = frozenset(
    ("book", "report", "letter", "statement", "paper", "document", "memo", "email", "blog", "website", "release")
)


# Modifiers that make a role another one: a shadow chancellor, a former chancellor and a vice president are
# not the chancellor or the president (English grammar: privative modifiers, which deny the noun they modify;
# 'health' of 'health minister' narrows it, and 'the minister' may mean a health minister). Not 'deputy' nor
# 'assistant': a deputy High Court judge is a judge (bbc-train-gold 5-fold CV: with them, nominal 67 -> 66).
PRIVATIVE_MODIFIERS = frozenset(("shadow", "former", "ex", "vice", "prospective", "would-be"))


def other_role(title: set[str] | frozenset[str], modifiers: frozenset[str]) -> bool:
    """Is a title ('shadow chancellor') another role than a source's ('the chancellor'): does it hold a
    privative modifier the source lacks?"""
    return bool((title & PRIVATIVE_MODIFIERS) - modifiers)


def description_fits(description: str, head: str, modifiers: frozenset[str]) -> bool:
    """Does a description ('Tory shadow chancellor') hold the source's head noun ('chancellor') in the same
    role (not 'shadow chancellor' for 'the chancellor')?"""
    words = description.lower().replace("-", " ").split()
    return head in words and not other_role(set(words[: words.index(head)]), modifiers)


# Determiners that make a noun phrase definite: it refers back to something the article has spoken of.
# English grammar.
_DEFINITE_DETERMINERS = frozenset(("the", "this", "that", "these", "those", "both", "its", "their"))


# The body nouns the hand lists hold, each with its own rule.
_HAND_LISTED_BODY_NOUNS = ORGANISATION_NOUNS | INSTITUTION_NOUNS


def is_body_noun(lemma: str) -> bool:
    """Does a noun name or describe a body, not a person: 'company', 'union' (`ORGANISATION_NOUNS`), or one
    news uses of bodies (`is_learned_body_noun`)?"""
    return lemma in ORGANISATION_NOUNS or is_learned_body_noun(lemma)


def is_learned_body_noun(lemma: str) -> bool:
    """'giant', 'lender', 'carmaker': a noun that news puts before or in apposition to bodies' names three
    times in four (learned on unannotated BBC news, `learn/body_nouns.py`), but for the hand lists' nouns
    (an institution's, 'the regulator', stays an unnamed body where the article describes none so)."""
    return lemma in shipped_body_nouns() and lemma not in _HAND_LISTED_BODY_NOUNS


def is_indefinite(token: Token) -> bool:
    """'a court', 'experts', 'newspaper reports', 'some firms': a noun phrase with an indefinite article or
    quantifier, or a plural with no determiner at all, brings in someone new (English grammar: only a
    definite or possessive phrase refers back to what the article has spoken of)."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNP",):
        return False
    determiners = [child for child in token.children if child.dep_ in ("det", "poss", "predet")]
    if any(child.dep_ == "poss" or child.lower_ in _DEFINITE_DETERMINERS for child in determiners):
        return False
    if determiners:
        return all(child.lower_ in ("a", "an", "some", "any", "several", "many", "other") for child in determiners)
    return token.tag_ in ("NNS", "NNPS")


def words_of(token: Token) -> list[str]:
    """A token's lower-case lemma, and its parts where it is hyphenated ('ex-foreign' -> 'ex', 'foreign')."""
    lemma = token.lemma_.lower()
    parts = [part for part in lemma.split("-") if part]
    return [lemma, *parts] if len(parts) > 1 else [lemma]


def _content_words(tokens: list[Token]) -> set[str]:
    return {word for token in tokens if token.pos_ in _CONTENT_POS for word in words_of(token)}


@dataclass(frozen=True, slots=True)
class Profile:
    """What the article says of an entity that tells which one a nominal source means."""

    words: frozenset[str]  # titles right before its names and appositives after them
    study_roles: frozenset[tuple[str, str]]  # how it stands to a study or document: ('by', 'survey')
    thing: bool  # named as something a body makes or owns: 'its new Zell technology', "Arko's Zell"


def entity_profile(doc: Doc, tokens: list[int]) -> Profile:
    """The profile of an entity whose mentions cover `tokens` (indices into `doc`)."""
    covered = set(tokens)
    roots = [doc[i] for i in tokens if doc[i].head.i not in covered or doc[i].head.i == i]
    words: set[str] = set()
    for root in roots:
        words |= _title_words(doc, min(t.i for t in root.subtree if t.i in covered))
        for child in root.children:
            if child.dep_ == "appos":
                words |= _content_words(list(child.subtree))
    return Profile(
        frozenset(words),
        frozenset(role for root in roots if (role := _study_role_of_name(root, covered))),
        any(_is_thing(root, covered) for root in roots),
    )


def _title_words(doc: Doc, start: int) -> set[str]:
    """Content words right before a name, over honorifics: 'deputy prime minister Mr Ode' -> deputy, prime,
    minister."""
    found: list[Token] = []
    i = start - 1
    while i >= 0 and len(found) < _TITLE_RUN:
        token = doc[i]
        if token.lower_.rstrip(".") in HONORIFICS:
            i -= 1
            continue
        if token.pos_ not in _CONTENT_POS:
            break
        if token.ent_type_ not in _PLACE_TYPES:  # 'New York Senator Ann Lee': a senator, from New York
            found.append(token)
        i -= 1
    return _content_words(found)


def _study_role_of_name(root: Token, covered: set[int]) -> tuple[str, str] | None:
    """A name's role towards a study, 'the Zell survey' (owner) among them."""
    if root.dep_ == "compound" and root.head.i not in covered and root.head.lemma_.lower() in STUDY_NOUNS:
        return ("owner", root.head.lemma_.lower())
    return study_role(_stand_in(root, covered))


def study_role(token: Token) -> tuple[str, str] | None:
    """('by', 'survey') of 'a survey carried out by X', ('from', 'research') of 'research from X', ('for',
    'poll') of 'a poll for X', ('owner', 'report') of "X's report"; None where the mention stands to no
    study or document noun."""
    if token.dep_ == "poss" and token.head.lemma_.lower() in _REPORTED_NOUNS:
        return ("owner", token.head.lemma_.lower())
    if token.dep_ == "appos" and token.head.i != token.i:
        return study_role(token.head)  # 'by research firm, Zell': an appositive names the same one
    if token.dep_ != "pobj" or token.head.lower_ not in _STUDY_PREPOSITIONS:
        return None
    prep = token.head
    governor = prep.head
    if governor.pos_ == "VERB" and governor.dep_ in ("acl", "relcl"):
        governor = governor.head  # 'a study conducted by X', 'a survey which was carried out by X'
    elif governor.pos_ == "VERB" and prep.dep_ == "agent":
        # 'The survey is published by X': a passive's agent did what its subject undergoes.
        governor = next((child for child in governor.children if child.dep_ == "nsubjpass"), governor)
    if governor.lower_ == "according" and prep.lower_ != "to":
        # 'according to a report this week from X': the parser hangs 'from X' on 'according'.
        reports = [obj for to in governor.children if to.lower_ == "to" for obj in to.children if obj.dep_ == "pobj"]
        governor = reports[0] if reports else governor
    # 'a spokesman for X', 'a lawyer for X' speak for X: only a study is made for someone else.
    nouns = STUDY_NOUNS if prep.lower_ == "for" else _REPORTED_NOUNS
    return (prep.lower_, governor.lemma_.lower()) if governor.lemma_.lower() in nouns else None


def _stand_in(root: Token, covered: set[int]) -> Token:
    """The noun a name is compounded into ('magazine' of 'Zell Weekly magazine'), else the name's root."""
    return root.head if root.dep_ == "compound" and root.head.i not in covered else root


def _is_thing(root: Token, covered: set[int]) -> bool:
    """'its new Zell technology', "Arko's Zell", 'Zell from Arko': a product or brand, not a speaker."""
    owned = _stand_in(root, covered)
    # A place's possessive gives a nationality, not an owner: "Tarnland's Ada Vell" is a person.
    if any(child.dep_ == "poss" and child.ent_type_ not in _PLACE_TYPES for child in owned.children):
        return owned.lemma_.lower() not in ORGANISATION_NOUNS  # not 'its parent company Arko'
    return any(child.dep_ == "prep" and child.lower_ == "from" for child in root.children)


@dataclass(frozen=True, slots=True)
class SourceWords:
    """A nominal source's head lemma and the content words before it ('foreign' of 'the foreign secretary')."""

    head: str
    modifiers: frozenset[str]


def source_words(doc: Doc, head: Token, start: int) -> SourceWords:
    """The head and modifiers of the source phrase from token `start` to its head, not a possessive owner's
    words ("Ada Vell's lawyer": the lawyer is not Ada Vell)."""
    owner = {t.i for child in head.children if child.dep_ == "poss" for t in child.subtree}
    before = [doc[i] for i in range(start, head.i) if i not in owner]
    return SourceWords(head.lemma_.lower(), frozenset(_content_words(before) - {head.lemma_.lower()}))


def profile_in(index: EntityIndex, entity: Entity) -> Profile:
    """The profile of an entity from the mentions an index holds now (the rules' view of it)."""
    tokens = [i for i, e in index.by_token.items() if e is entity]
    return entity_profile(index.doc, tokens)


def description_rank(profile: Profile, source: SourceWords) -> int | None:
    """How well a description ('the foreign secretary') fits an entity: the modifiers its titles share,
    plus one where they hold the head; None where they hold the head and words of their own but none of the
    source's modifiers ('home secretary' for 'the foreign secretary'; a bare 'Senator' fits 'the Democrat
    senator'), or a privative modifier the source lacks ('shadow chancellor' for 'the chancellor')."""
    if source.head in profile.words and other_role(profile.words, source.modifiers):
        return None  # 'Tory shadow chancellor Ivo Brandt' is not 'the chancellor'
    head_known = source.head in profile.words
    matched = len(source.modifiers & profile.words)
    if head_known and source.modifiers and not matched and profile.words - {source.head}:
        return None
    return matched + head_known


def is_common_word(entity: Entity, lowered: frozenset[str], doc: Doc | None = None) -> bool:
    """A one-word name the article also writes in lower case ('Broadcasters' and 'broadcasters'), or a
    lower-case one ('chancellor'), or a person's that always follows an article ('the 22-year-old Scot'):
    a word NER took for a name."""
    if len(entity.names) != 1 or " " in entity.names[0]:
        return False
    name = entity.names[0]
    if name.islower() or name.lower() in lowered:
        return True
    if doc is None or entity.kind != "person" or not entity.mentions:
        return False
    return all(_follows_article(doc, start) for start, _ in entity.mentions)


def _follows_article(doc: Doc, start: int) -> bool:
    """Is the word before character `start` 'the', 'a' or 'an' (within a few words: 'the 22-year-old Scot')?"""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for token in reversed(doc[max(0, span.start - 7) : span.start]):
        if token.lower_ in ("the", "a", "an"):
            return True
        hyphenated = token.i > 0 and "-" in (doc[token.i - 1].text + doc[min(token.i + 1, len(doc) - 1)].text)
        if token.pos_ not in ("ADJ", "NUM", "PUNCT") and not hyphenated:
            return False
    return False


def stand_in(token: Token) -> Token:
    """The noun a name's word is compounded into ('magazine' of 'Zell Weekly magazine'), else the word."""
    while token.dep_ == "compound" and token.head.i != token.i and token.head.pos_ == "PROPN":
        token = token.head
    return token.head if token.dep_ == "compound" else token


def is_client(token: Token) -> bool:
    """'a poll for the Daily Courier': the paper paid for the poll, its pollster carried it out."""
    role = study_role(token) or study_role(stand_in(token))
    return role is not None and role[0] == "for"


# Prepositions that name who made a study ('a survey by X', 'research from X'); 'for' names a client.
_AUTHOR_PREPOSITIONS = frozenset(("by", "from"))


def names_its_author(study: Token) -> bool:
    """'a survey by the firm', 'research from the bank', 'a study carried out by the council': a study noun
    with a 'by' or 'from' phrase of its own, or in a participle describing it, says whose it is ('a poll for
    the Courier' names whom it was made for, `is_client`, not who made it)."""
    for child in study.children:
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPOSITIONS:
            return True
        if child.dep_ == "acl" and any(
            grand.dep_ in ("agent", "prep") and grand.lower_ in _AUTHOR_PREPOSITIONS for grand in child.children
        ):
            return True
    return False
