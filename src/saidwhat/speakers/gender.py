"""Whether a person is a man or a woman, as the article says it, and whether a pronoun can stand for them."""

from __future__ import annotations

from spacy.tokens import Doc

from ..extraction.docfacts import doc_facts, doc_text
from ..extraction.lexicon import FEMALE_PRONOUNS, MALE_PRONOUNS
from .entities import Entity

# Words that say whether a person is a man or a woman: English grammar's gendered nouns and titles.
MALE_WORDS = frozenset(
    {"mr", "sir", "lord", "baron", "he", "man", "father", "son", "husband", "brother", "chairman", "spokesman"}
    | {"actor", "king", "prince", "boy", "uncle", "nephew", "widower", "businessman", "sportsman", "grandfather"}
)
FEMALE_WORDS = frozenset(
    {"mrs", "ms", "miss", "lady", "dame", "baroness", "she", "woman", "mother", "daughter", "wife", "sister"}
    | {"chairwoman", "spokeswoman", "actress", "queen", "princess", "girl", "aunt", "niece", "widow"}
    | {"businesswoman", "sportswoman", "grandmother", "waitress", "heroine"}
)


def entity_gender(doc: Doc, entity: Entity) -> str | None:
    """'m' or 'f' from the words around the entity's mentions (Mr, Ms, actress, chairman) and its
    descriptions; None when they say nothing or disagree."""
    male = female = 0
    text = doc_text(doc)
    for start, end in entity.mentions:
        before = text[max(0, start - 12) : start].lower().split()
        mentioned = text[start:end].lower().split()
        title = mentioned[0].rstrip(".") if len(mentioned) > 1 else ""  # a name may start at its title: 'Ms Lund'
        for word in {before[-1].rstrip(".") if before else "", title}:
            male += word in MALE_WORDS
            female += word in FEMALE_WORDS
    for description in entity.descriptions:
        words = set(description.lower().split())
        male += bool(words & MALE_WORDS)
        female += bool(words & FEMALE_WORDS)
    if male == female:
        return None
    return "m" if male > female else "f"


def pronoun_gender(doc: Doc, entity: Entity, by_token: dict[int, Entity]) -> str | None:
    """'m' or 'f' from the first he or she after each mention of a person as a clause subject, within
    that sentence and the next, where no other person is named in between (a subject that goes on as
    the next subject; a weaker clue than `entity_gender`)."""
    if entity.kind != "person":
        return None
    facts = doc_facts(doc)
    male = female = 0
    for i in entity.subject_at:
        sent = facts.sent(doc[i])
        end = facts.sent(doc[sent.end]).end if sent.end < len(doc) else sent.end
        for token in doc[i + 1 : end]:
            other = by_token.get(token.i)
            if other is not None and other is not entity and other.kind == "person":
                break
            if token.dep_ == "nsubj" and (token.lower_ in MALE_PRONOUNS or token.lower_ in FEMALE_PRONOUNS):
                male += token.lower_ in MALE_PRONOUNS
                female += token.lower_ in FEMALE_PRONOUNS
                break
    if male == female:
        return None
    return "m" if male > female else "f"


def agreement(pronoun: str, entity: Entity, gender: str | None) -> str:
    """Whether a pronoun can stand for the candidate: 'she' for a man, 'it' for a person, 'he' for a body."""
    wanted = "m" if pronoun in MALE_PRONOUNS else "f" if pronoun in FEMALE_PRONOUNS else None
    if entity.members and (wanted is not None or pronoun in ("it", "its")):
        return "agreement=singular_for_joint"  # 'Tarn and Vell unveiled it. He said ...': one of them, or neither
    if wanted is not None:
        if entity.kind != "person":
            return "agreement=person_pronoun_for_body"
        return "agreement=unknown" if gender is None else f"agreement={'yes' if gender == wanted else 'clash'}"
    if pronoun in ("it", "its"):
        return f"agreement=it_for_{entity.kind}"
    return f"agreement=plural_for_{'joint' if entity.members else entity.kind}"
