"""Joint speakers: several named speakers speaking together are one speaker, named by joining their names
('Sony, IBM and Toshiba said'; the BBC gold's convention), and so are the plural sources and studies that
refer back to such a coordination."""

from __future__ import annotations

from spacy.tokens import Token

from ..extraction.docfacts import doc_facts
from ..extraction.lexicon import STUDY_NOUNS
from ..records import SpeakerKind
from .descriptions import is_indefinite
from .entities import Entity, EntityIndex
from .mentions import is_study_agent


class JointSpeakers(EntityIndex):
    """The entities of a document, with the joint speakers its coordinations make."""

    def _joint(self, token: Token) -> Entity | None:
        """'Sony, IBM and Toshiba said': several named speakers speaking together are one speaker,
        named by joining their names (the BBC gold's convention); so are 'the firms' or 'they' just
        after such a coordination ('Tarn and Vell unveiled the chip. The firms said ...')."""
        members = self._coordinated(token) if token.i in self.by_token else []
        if len(members) < 2 and _is_plural_source(token):
            members = self._coordination_referred_to(token)
            if len(members) < 2 and token.pos_ == "NOUN":
                again = self._joint_with_noun_before(token)
                if again is not None:
                    return again
        if len(members) < 2 and token.lemma_.lower() in STUDY_NOUNS:
            members = self._joint_authors()
        return self._joint_of(members) if len(members) > 1 else None

    def joined_by_conjuncts(self, found: Entity, token: Token) -> Entity:
        """'The player himself and his captain Tom Brack have said': a description resolved to `found`, with
        named conjuncts, is a joint speaker of them all (a coordinated source, English grammar)."""
        members = self._named_parts(_conjuncts(token), [found])
        return self._joint_of(members) if len(members) > 1 and not found.members else found

    def _joint_of(self, members: list[Entity]) -> Entity:
        """The one joint speaker of these members, made on first use."""
        key = tuple(id(member) for member in members)
        for entity in self.entities:
            if entity.members == key:
                return entity
        names = [member.name for member in members]
        kind: SpeakerKind = "person" if all(m.kind == "person" for m in members) else "organisation"
        joint = Entity([f"{', '.join(names[:-1])} and {names[-1]}"], kind, members=key)
        self.entities.append(joint)
        return joint

    def _joint_with_noun_before(self, token: Token) -> Entity | None:
        """'its designers said ... the chip's designers have said': a plural noun that headed an earlier
        source of a joint speaker is that joint speaker again (a repeated description, English usage)."""
        lemma = token.lemma_.lower()
        for entity in reversed(self.entities):
            if not entity.members:
                continue
            for start, end in entity.mentions:
                span = self.doc.char_span(start, end, alignment_mode="expand") if end <= token.idx else None
                if span is not None and span.root.lemma_.lower() == lemma:
                    return entity
        return None

    def _coordinated(self, token: Token) -> list[Entity]:
        """The named entities of a coordination headed by `token`, in order."""
        return self._named_parts([token, *_conjuncts(token)], [])

    def _named_parts(self, parts: list[Token], members: list[Entity]) -> list[Entity]:
        """`members`, then each new single speaker the parts of a coordination name, in order."""
        for part in parts:
            entity = self.by_token.get(part.i) or self._named_after_noun(part)
            if entity is not None and entity not in members and not entity.members:
                members.append(entity)
        return members

    def _named_after_noun(self, token: Token) -> Entity | None:
        """'its rival Vell', 'training body Vell': the name a conjunct noun describes, as an appositive
        or as the proper noun right after it."""
        if token.pos_ != "NOUN":
            return None
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i]
        after = self.doc[token.i + 1] if token.i + 1 < len(self.doc) else None
        return self.by_token.get(after.i) if after is not None and after.pos_ == "PROPN" else None

    def _joint_authors(self) -> list[Entity]:
        """The members of a coordination that carried out a study ('The survey was conducted by Tarn and
        Vell'): the study, the survey or the research the article speaks of is theirs."""
        for token in self.doc:
            members = self._coordinated(token) if _is_coordination_head(token) and is_study_agent(token) else []
            if len(members) > 1:
                return members
        return []

    def _coordination_referred_to(self, token: Token) -> list[Entity]:
        """The members of the latest named coordination that is a clause's subject or a passive's agent,
        in the plural source's sentence before it or the two sentences before; else the first in the next
        sentence (a lede names the speakers after describing them: 'its makers said. Tarn and Vell ...')."""
        facts = doc_facts(self.doc)
        sent = facts.sent(token)
        first = sent
        for _ in range(_JOINT_SENTENCES_BACK):
            if first.start == 0:
                break
            first = facts.sent(self.doc[first.start - 1])
        before = [self._coordinated(t) for t in self.doc[first.start : token.i] if _is_coordination_head(t)]
        before = [members for members in before if len(members) > 1]
        if before:
            return before[-1]
        if sent.end >= len(self.doc):
            return []
        after = facts.sent(self.doc[sent.end])
        found = [self._coordinated(t) for t in after if _is_coordination_head(t)]
        return next((members for members in found if len(members) > 1), [])


# How many sentences back a plural source ('the firms', 'they') looks for the coordination it stands for
# (5-fold CV on bbc-train-gold: 516 of 631 right at 1, 2 and 3; looking on into the next sentence: +2).
_JOINT_SENTENCES_BACK = 2


def _is_plural_source(token: Token) -> bool:
    """'they', 'the firms', 'its designers': a plural pronoun, or a plural noun that refers back ('experts
    warned', 'analysts said' bring in people the article has not spoken of, `is_indefinite`: on unseen news
    they are an unnamed group far more often than the coordination named before or after them)."""
    return token.lower_ in ("they", "both") or (token.tag_ == "NNS" and not is_indefinite(token))


def _is_coordination_head(token: Token) -> bool:
    """The first conjunct of a coordination that is a subject ('Tarn and Vell said'), a passive's
    agent ('carried out by Tarn and Vell') or a study's authors ('research by Tarn and Vell')."""
    if not any(child.dep_ == "conj" for child in token.children):
        return False
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        or (token.dep_ == "pobj" and token.head.dep_ == "agent")
        or is_study_agent(token)
    )


def _conjuncts(token: Token) -> list[Token]:
    """'IBM' and 'Toshiba' of 'Sony, IBM and Toshiba' (the parser chains or fans out the conjuncts)."""
    found = []
    for child in token.children:
        if child.dep_ == "conj":
            found += [child, *_conjuncts(child)]
    return found
