"""One entity of an article: someone or some body, gathered mention by mention, and what says it is a body."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..extraction.drafts import Offsets
from ..extraction.lexicon import ORGANISATION_NOUNS
from ..records import SpeakerKind
from .mentions import clause_descriptions, description_of
from .surnames import is_peer_name, surname_of

# Nouns that describe a body right before or after its name: the organisation nouns, and the makers and
# think-tanks that bbc-train-gold's articles put before one-word company names NER tags as people.
BODY_DESCRIPTIONS = ORGANISATION_NOUNS | {"maker", "think-tank"}


@dataclass(slots=True)
class Entity:
    """Someone or some body the article refers to, gathered mention by mention."""

    names: list[str]
    kind: SpeakerKind
    mentions: list[Offsets] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    gender: str | None = None
    subject_at: list[int] = field(default_factory=list)  # token indices of mentions that were clause subjects
    anonymous: bool = False
    members: tuple[int, ...] = ()  # ids of the entities a joint speaker ('X and Y') stands for
    referred_to_as_which: bool = False  # 'Mabel Finch, which ...': a body, whatever NER said

    @property
    def name(self) -> str:
        # The fullest name; an acronym ('EC') never beats the words it stands for.
        # 'Betty Boothroyd' before 'Lady Boothroyd'.
        return max(self.names, key=lambda name: (len(name.split()) - is_peer_name(name), not name.isupper(), len(name)))

    @property
    def surname(self) -> str:
        return surname_of(self.name)

    def mentioned_before(self, offset: int) -> int:
        """Start of the latest mention before a character offset, or -1."""
        return max((start for start, _ in self.mentions if start < offset), default=-1)

    def first_mentioned(self) -> int:
        """Start of the first mention, or -1."""
        return min((start for start, _ in self.mentions), default=-1)

    def record_mention(self, token: Token, source: Offsets) -> None:
        """A source that resolved to this entity: one more mention, and what it says of a person."""
        if source not in self.mentions:
            self.mentions.append(source)
        if self.anonymous or self.kind != "person":
            return
        described = clause_descriptions(token)
        if token.pos_ == "NOUN":
            described.insert(0, description_of(token.doc, token) or "")
        self.descriptions.extend(d for d in described if d and d not in self.descriptions)


def is_described_as_body(entity: Entity) -> bool:
    """'handset maker Quorvo', 'the think-tank Palisade': a one-word name the article describes with a
    body's noun names a body, whatever NER said (a person has a first name or an honorific somewhere)."""
    if any(len(name.split()) > 1 for name in entity.names):
        return False
    return any(
        description.split()[-1].lower() in BODY_DESCRIPTIONS for description in entity.descriptions if description
    )
