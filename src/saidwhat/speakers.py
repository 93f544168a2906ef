"""Stage 5: resolve source mentions to speakers with canonical names, mentions and descriptions."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .attribute import mention_bounds
from .constants import ANONYMOUS_HEADS, FEMALE_PRONOUNS, HONORIFICS, MALE_PRONOUNS
from .drafts import DraftQuote, Offsets
from .records import SpeakerKind

_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
_POSSESSIVE = ("'s", "’s")


@dataclass(slots=True)
class Entity:
    """Someone or some body the article refers to, gathered mention by mention."""

    names: list[str]
    kind: SpeakerKind
    mentions: list[Offsets] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    gender: str | None = None
    last_subject: int = -1  # token index of the latest mention that was a clause subject
    anonymous: bool = False

    @property
    def name(self) -> str:
        return max(self.names, key=lambda name: (len(name.split()), len(name)))

    @property
    def surname(self) -> str:
        return self.name.split()[-1].lower()


def clean_name(span: Span) -> str:
    """'Mr Pollmann's' -> 'Pollmann': the name without honorifics or possessive."""
    words = [
        t.text for t in span if t.lower_.rstrip(".") not in HONORIFICS and not t.is_punct and t.text not in _POSSESSIVE
    ]
    name = " ".join(words)
    for ending in _POSSESSIVE:
        name = name.removesuffix(ending)
    return name.strip()


def _is_subject(token: Token) -> bool:
    return token.dep_ in ("nsubj", "nsubjpass") or token.head.dep_ in ("nsubj", "nsubjpass")


class EntityIndex:
    """The people and organisations of one document, in order of mention."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self.by_token: dict[int, Entity] = {}
        for ent in doc.ents:
            if ent.label_ in _PERSON_LABELS or ent.label_ in _ORG_LABELS:
                self._add_mention(ent)

    def _match(self, name: str, kind: SpeakerKind) -> Entity | None:
        words = name.lower().split()
        for entity in reversed(self.entities):
            if entity.kind != kind:
                continue
            known = {n.lower() for n in entity.names}
            if name.lower() in known:
                return entity
            if kind == "person" and (
                words[-1] == entity.surname or (len(words) == 1 and words[0] in entity.name.lower().split())
            ):
                full = [n for n in entity.names if len(n.split()) > 1]
                if len(words) == 1 or not full or any(n.lower().split()[0] == words[0] for n in full):
                    return entity
        return None

    def _add_mention(self, ent: Span) -> None:
        kind: SpeakerKind = "person" if ent.label_ in _PERSON_LABELS else "organisation"
        name = clean_name(ent)
        if not name or (kind == "organisation" and ent.label_ == "GPE" and not _is_subject(ent.root)):
            return
        entity = self._match(name, kind)
        if entity is None:
            entity = Entity([name], kind)
            self.entities.append(entity)
        elif name not in entity.names:
            entity.names.append(name)
        entity.mentions.append((ent.start_char, ent.end_char))
        if _is_subject(ent.root):
            entity.last_subject = ent.root.i
        self._collect_descriptions(entity, ent)
        for token in ent:
            self.by_token[token.i] = entity

    def _collect_descriptions(self, entity: Entity, ent: Span) -> None:
        """'Heartstopper star Kit Connor', 'Connor, who plays Nick Nelson', 'Pollmann, spokesman for Lycos'."""
        root = ent.root
        lead = [t for t in root.lefts if t.i < ent.start and t.dep_ == "compound"]
        if lead:
            entity.descriptions.append(self.doc[lead[0].left_edge.i : ent.start].text)
        for child in root.rights:
            if child.dep_ in ("appos", "relcl", "acl"):
                words = [t for t in child.subtree if t.lower_ not in ("who", "which", "that")]
                text = self.doc[words[0].i : words[-1].i + 1].text.strip(" ,") if words else ""
                if text and len(text) < 120:
                    entity.descriptions.append(text)

    def entity_in(self, start: int, end: int) -> Entity | None:
        """The first person or organisation named inside token bounds."""
        for i in range(start, end):
            if i in self.by_token:
                return self.by_token[i]
        return None

    def latest_person_before(self, token_index: int, gender: str | None, *, prefer: list[Entity]) -> Entity | None:
        """The person a pronoun or description most likely means: the latest subject, else the latest mention."""
        people = [e for e in self.entities if e.kind == "person" and (gender is None or e.gender in (None, gender))]
        start_char = self.doc[token_index].idx

        def last_before(entity: Entity) -> int:
            return max((s for s, _ in entity.mentions if s < start_char), default=-1)

        subjects = [e for e in people if -1 < e.last_subject < token_index or e in prefer]
        for pool in (subjects, people):
            ranked = sorted((e for e in pool if last_before(e) >= 0), key=last_before)
            if ranked:
                return ranked[-1]
        return None

    def resolve(self, token: Token, speakers_so_far: list[Entity]) -> Entity | None:
        """The entity a source mention headed by `token` refers to; None for unknown."""
        start, end = mention_bounds(token)
        named = self.entity_in(start, end)
        if named is not None:
            return named
        lower = token.lower_
        if token.pos_ == "PRON":
            if lower in ("they", "we") and not (
                token.tag_ == "PRP" and speakers_so_far and speakers_so_far[-1].kind == "person"
            ):
                org = next((e for e in reversed(speakers_so_far) if e.kind != "person"), None)
                if org is not None:
                    return org
            if lower in ("i", "me"):
                return None
            gender = "m" if lower in MALE_PRONOUNS else "f" if lower in FEMALE_PRONOUNS else None
            entity = self.latest_person_before(token.i, gender, prefer=speakers_so_far)
            if entity is not None and gender and entity.gender is None:
                entity.gender = gender
            return entity
        if token.pos_ == "PROPN":
            name = clean_name(self.doc[start:end])
            entity = self._match(name, "person") or Entity([name], "person")
            if entity not in self.entities:
                self.entities.append(entity)
            return entity
        return self._resolve_nominal(token, start, end, speakers_so_far)

    def _resolve_nominal(self, token: Token, start: int, end: int, speakers_so_far: list[Entity]) -> Entity | None:
        """'the actor', 'the 18-year-old actor', 'a source', 'officials'."""
        head = token.lemma_.lower()
        phrase = self.doc[start:end]
        is_definite = phrase[0].lower_ in ("the", "this", "that")
        if token.lower_ in ANONYMOUS_HEADS or not is_definite or token.tag_ in ("NNS", "NNPS"):
            kind: SpeakerKind = "group" if token.tag_ in ("NNS", "NNPS") else "unknown"
            entity = Entity([phrase.text], kind, anonymous=True)
            self.entities.append(entity)
            return entity
        described = [e for e in self.entities if any(head in d.lower().split() for d in e.descriptions)]
        if described:
            return described[-1]
        return self.latest_person_before(token.i, None, prefer=speakers_so_far)


def _description_of(doc: Doc, token: Token) -> str | None:
    """'The 18-year-old actor' -> '18-year-old actor'."""
    start, end = mention_bounds(token)
    words = [t for t in doc[start:end] if t.dep_ != "det"]
    return doc[words[0].i : words[-1].i + 1].text if words else None


def resolve_speakers(doc: Doc, drafts: list[DraftQuote]) -> list[Entity | None]:
    """The entity each draft quote is attributed to (None when unknown), in the order of `drafts`."""
    index = EntityIndex(doc)
    speakers: list[Entity | None] = []
    spoken: list[Entity] = []
    for draft in drafts:
        entity: Entity | None = None
        if draft.source_token is not None:
            token = doc[draft.source_token]
            entity = index.resolve(token, spoken)
            if entity is not None and draft.sources:
                _record_mention(doc, entity, token, draft.sources[0])
        elif draft.inherits and speakers:
            entity = speakers[-1]
        elif draft.type == "partial":
            entity = _speaker_of_sentence(doc, index, draft, drafts, speakers, spoken)
        speakers.append(entity)
        if entity is not None:
            spoken.append(entity)
    return speakers


def _record_mention(doc: Doc, entity: Entity, token: Token, source: Offsets) -> None:
    if source not in entity.mentions:
        entity.mentions.append(source)
    if token.pos_ == "NOUN" and not entity.anonymous:
        description = _description_of(doc, token)
        if description and description not in entity.descriptions:
            entity.descriptions.append(description)


def _speaker_of_sentence(
    doc: Doc,
    index: EntityIndex,
    draft: DraftQuote,
    drafts: list[DraftQuote],
    speakers: list[Entity | None],
    spoken: list[Entity],
) -> Entity | None:
    """A quoted word with no cue ('On the show's "fuzziness", Connor commented: ...') belongs to
    the speaker of the sentence it stands in."""
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span.sent
    for token in sent:
        if token.dep_ in ("nsubj", "nsubjpass") and not draft.covers(token.idx):
            entity = index.resolve(token, spoken)
            if entity is not None and not entity.anonymous:
                return entity
    return None
