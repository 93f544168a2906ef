"""What the speaker ranker knows of a (quote, candidate speaker) pair, as sparse features."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..extraction.docfacts import doc_facts, doc_text, token_at
from ..extraction.drafts import DraftQuote
from ..extraction.lexicon import (
    DOCUMENT_NOUNS,
    SPOKESPERSON_NOUNS,
    STUDY_NOUNS,
)
from ..extraction.sources import mention_bounds
from .descriptions import description_fits, is_body_noun, source_words
from .entities import Entity, EntityIndex
from .gender import FEMALE_WORDS, MALE_WORDS, agreement, entity_gender, pronoun_gender

Features = dict[str, float]

_AGE = re.compile(r"(\d{1,3})-year-old")
_SOURCE_KINDS = ("name", "pronoun", "nominal", "none")
_NEAR = 6  # words either side of a mention where a noun may describe it


@dataclass(slots=True)
class Candidate:
    """Someone a quote may be by: an entity of the article, or nobody that can be named (`entity` None)."""

    entity: Entity | None
    rule: bool  # the hand-written rules' choice


@dataclass(frozen=True, slots=True)
class QuoteContext:
    """Where a quote and its source mention stand, computed once per quote."""

    anchor: int  # character offset the candidates' mentions are measured from
    source_kind: str
    source_head: Token | None
    source_span: tuple[int, int] | None  # characters of the source mention's noun phrase
    sentence: tuple[int, int]  # characters of the sentence the source (or the quote) is in
    previous_sentence: tuple[int, int]  # characters of the sentence before it (empty at the start)
    paragraph_start: int
    noun: str  # a nominal source's head: spokes / org / document / other, else ''
    lemma: str
    modifiers: frozenset[str]  # a nominal source's content words before its head ('foreign' of 'the foreign secretary')
    plural: bool  # the source is plural: 'they', 'the firms', 'X and Y'


def source_kind(doc: Doc, draft: DraftQuote, index: EntityIndex) -> str:
    """'name', 'pronoun', 'nominal' or 'none': what kind of mention attributes the quote, as the gold says it."""
    if draft.source_token is None:
        return "none"
    token = doc[draft.source_token]
    if token.pos_ == "PRON":
        return "pronoun"
    if token.i in index.by_token or token.pos_ == "PROPN":
        return "name"
    return "nominal"


def quote_context(doc: Doc, draft: DraftQuote, index: EntityIndex) -> QuoteContext:
    facts = doc_facts(doc)
    head = doc[draft.source_token] if draft.source_token is not None else None
    span: tuple[int, int] | None = None
    if head is not None:
        start, end = mention_bounds(head)
        start, end = (head.i, head.i + 1) if end <= start else (start, end)
        span = (doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
        anchor = span[0]
    else:
        anchor = draft.start
    token = head if head is not None else token_at(doc, draft.start) or doc[0]
    sent = facts.sent(token)
    previous = facts.sent(doc[sent.start - 1]) if sent.start > 0 else sent[:0]
    paragraph_start = facts.text.rfind("\n", 0, anchor) + 1
    kind = source_kind(doc, draft, index)
    lemma = head.lemma_.lower() if head is not None and kind == "nominal" else ""
    modifiers = (
        source_words(doc, head, mention_bounds(head)[0]).modifiers if head is not None and lemma else frozenset()
    )
    return QuoteContext(
        anchor,
        kind,
        head,
        span,
        (sent.start_char, sent.end_char),
        (previous.start_char, previous.end_char) if len(previous) else (0, 0),
        paragraph_start,
        noun_class(lemma),
        lemma,
        modifiers,
        head is not None and (head.tag_ in ("NNS", "NNPS") or head.lower_ in ("they", "we")),
    )


def noun_class(lemma: str) -> str:
    """What a nominal source's head says of who speaks: a spokesperson, a body, a document, or other."""
    if not lemma:
        return ""
    if lemma in SPOKESPERSON_NOUNS:
        return "spokes"
    if lemma in STUDY_NOUNS:
        return "study"
    if is_body_noun(lemma):
        return "org"
    return "document" if lemma in DOCUMENT_NOUNS else "other"


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


@dataclass(frozen=True, slots=True)
class EntityFacts:
    """What the article says of an entity before any quote is attributed to it."""

    starts: list[int]  # where its mentions start
    subjects: list[int]  # tokens of mentions that are clause subjects
    descriptions: list[str]
    gender: str | None
    nearby: frozenset[str]  # nouns a few words either side of its mentions ('Ann Lee, the judge')
    owned: frozenset[str]  # nouns its mentions are the possessive owner of ('son' of "Lee's son")


class FeatureMaker:
    """Features of each candidate of each quote of one document.

    Make it before the rules attribute the quotes: what it knows of each entity is then the article's
    own mentions, not the source mentions the rules gave it (which would tell the ranker the rules' choice).
    """

    def __init__(self, doc: Doc, index: EntityIndex) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.index = index
        self.by_token = dict(index.by_token)
        self.facts = {id(e): self._facts_now(e) for e in index.entities}
        self.main_subjects = main_clause_subjects(doc, index)
        self._firsts: dict[tuple[int, int, str], Entity | None] = {}

    def _facts_now(self, entity: Entity) -> EntityFacts:
        gender = entity_gender(self.doc, entity) or pronoun_gender(self.doc, entity, self.by_token)
        starts = sorted(start for start, _ in entity.mentions)
        nearby = frozenset(
            token.lemma_.lower()
            for i, e in self.by_token.items()
            if e is entity
            for token in self.doc[max(0, i - _NEAR) : i + _NEAR + 1]
            if token.pos_ == "NOUN"
        )
        owned = frozenset(
            self.doc[i].head.lemma_.lower()
            for i, e in self.by_token.items()
            if e is entity and self.doc[i].dep_ == "poss"
        )
        return EntityFacts(starts, list(entity.subject_at), list(entity.descriptions), gender, nearby, owned)

    def facts_of(self, entity: Entity) -> EntityFacts:
        """The entity's facts as they were when the maker was made (an entity the rules found since: now)."""
        if id(entity) not in self.facts:
            self.facts[id(entity)] = self._facts_now(entity)
        return self.facts[id(entity)]

    def candidates_of(self, rule: Entity | None) -> list[Candidate]:
        """Every named entity of the article, the rules' choice, and 'nobody' (unless the rules named one)."""
        found = [Candidate(e, e is rule) for e in self.index.entities if not e.anonymous]
        if rule is None or rule.anonymous or rule not in self.index.entities:
            found.append(Candidate(rule if rule is not None and rule.anonymous else None, True))
        return found

    def features(self, draft: DraftQuote, context: QuoteContext, candidate: Candidate, ranks: Ranks) -> Features:
        """The features of one candidate of one quote, each also conjoined with the source kind, but for
        those of the previous quote's speaker (`previous_features`, added once that speaker is chosen)."""
        entity = candidate.entity
        names = ["rule"] if candidate.rule else []
        if entity is None or entity.anonymous:
            names += nobody_features(draft, context)
        else:
            facts = self.facts_of(entity)
            names.append(f"kind={entity.kind}")
            if entity.members:
                names += ["joint", f"joint|plural={context.plural}"]
            names += self._distance_features(draft, context, entity, facts, ranks)
            names += self._place_features(draft, context, entity, facts)
            if context.source_span is not None:
                names += self._source_features(context, entity, facts)
            if len(entity.name.split()) > 1:
                names.append("full_name")
        kind = context.source_kind
        return {key: 1.0 for name in names for key in (name, f"{name}|{kind}")}

    def _distance_features(
        self, draft: DraftQuote, context: QuoteContext, entity: Entity, facts: EntityFacts, ranks: Ranks
    ) -> list[str]:
        """How far back the candidate was last named (or how soon after it is first named), and how often."""
        starts = facts.starts
        before = [s for s in starts if s < context.anchor]
        recent = _bucket(ranks.recent.get(id(entity), 99), (0, 1, 2, 4))
        names = [f"recent={recent}"]
        if context.noun:
            names.append(f"noun={context.noun}|recent={recent}|kind={entity.kind}")
        if before:
            names.append(f"chars={_bucket(context.anchor - before[-1], (60, 200, 600, 1500))}")
        else:
            upcoming = _bucket(ranks.upcoming.get(id(entity), 99), (0, 1, 3))
            names += [f"upcoming={upcoming}", f"upcoming={upcoming}|noun={context.noun}|kind={entity.kind}"]
            after = [s for s in starts if s >= draft.end]
            soon = bool(after) and after[0] - draft.end < 300
            names.append("first_after_quote" if soon else "not_before")
            if after and context.source_span is not None:
                names.append(f"first_after_source={_bucket(after[0] - context.source_span[1], (40, 150, 400))}")
            if context.noun and soon:
                names.append(f"noun={context.noun}|first_after")
        names.append(f"mentions={_bucket(len(starts), (1, 2, 4, 8))}")
        return names

    def _place_features(
        self, draft: DraftQuote, context: QuoteContext, entity: Entity, facts: EntityFacts
    ) -> list[str]:
        """Where the candidate stands: a subject before, in the quote's sentence or paragraph, in the quote."""
        names = []
        if any(self.doc[i].idx < context.anchor for i in facts.subjects):
            names.append("was_subject")
        if context.source_kind in ("pronoun", "none"):
            names += self._main_subject_features(context.anchor, entity)
            names += self._first_named_features(context, entity)
        lo, hi = context.sentence
        if any(lo <= s < hi and not draft.covers(s) for s in facts.starts):
            names.append("same_sentence")
        if any(context.paragraph_start <= s < context.anchor for s in facts.starts):
            names.append("same_paragraph_before")
        if any(draft.covers(s) for s in facts.starts):
            names.append("inside_quote")
        return names

    def _main_subject_features(self, anchor: int, entity: Entity) -> list[str]:
        """Whether the candidate is the subject of the latest main clause (outside quotation marks) that
        has a named subject, or of the latest one with a subject of its kind: who the story is about."""
        before = [(at, e) for at, e in self.main_subjects if at < anchor]
        names = []
        if before and before[-1][1] is entity:
            names.append("last_main_subject")
        same_kind = [e for _, e in before if e.kind == entity.kind]
        if same_kind and same_kind[-1] is entity:
            names.append(f"last_main_subject_of_kind={entity.kind}")
        return names

    def _first_named_features(self, context: QuoteContext, entity: Entity) -> list[str]:
        """Whether the candidate is the first of its kind named (outside quotation marks) in the sentence
        before the source's, or in the source's own before it: who a pronoun most likely refers back to."""
        names = []
        lo, hi = context.previous_sentence
        if hi > lo and self._first_of_kind(lo, hi, entity.kind) is entity:
            names.append("first_named_previous_sentence")
        lo = context.sentence[0]
        if self._first_of_kind(lo, context.anchor, entity.kind) is entity:
            names.append("first_named_same_sentence")
        return names

    def _first_of_kind(self, lo: int, hi: int, kind: str) -> Entity | None:
        """The entity of `kind` first named between characters lo and hi, outside quotation marks (once per
        quote and kind, not per candidate)."""
        key = (lo, hi, kind)
        if key not in self._firsts:
            self._firsts[key] = self._find_first_of_kind(lo, hi, kind)
        return self._firsts[key]

    def _find_first_of_kind(self, lo: int, hi: int, kind: str) -> Entity | None:
        first: tuple[int, Entity] | None = None
        for entity in self.index.entities:
            if entity.kind != kind or entity.anonymous:
                continue
            for start in self.facts_of(entity).starts:
                if lo <= start < hi and not any(draft.covers(start) for draft in self.index.quoted):
                    if first is None or start < first[0]:
                        first = (start, entity)
                    break
        return first[1] if first is not None else None

    def _source_features(self, context: QuoteContext, entity: Entity, facts: EntityFacts) -> list[str]:
        """What the source mention says of the candidate: it names it, agrees with it, describes it."""
        head = context.source_head
        if head is None or context.source_span is None:
            return []
        names = []
        lo, hi = context.source_span
        inside = [self.by_token.get(token.i) for token in self.doc.char_span(lo, hi, alignment_mode="expand") or []]
        if entity in inside:
            names.append("in_source")
            if self.by_token.get(head.i) is entity:
                names.append("is_source")
        lower = head.lower_
        gender = facts.gender
        if head.pos_ == "PRON":
            return [
                *names,
                f"pron={lower}|kind={entity.kind}",
                f"pron={lower}|gender={gender}",
                agreement(lower, entity, gender),
            ]
        lemma = context.lemma
        names.append(f"noun={context.noun}|kind={entity.kind}")
        names.append(f"lemma={lemma}|kind={entity.kind}")
        if lemma in MALE_WORDS or lemma in FEMALE_WORDS:
            names.append(f"noun_gender={'m' if lemma in MALE_WORDS else 'f'}|gender={gender}")
        if any(description_fits(description, lemma, context.modifiers) for description in facts.descriptions):
            names.append("description_match")
        if lemma in facts.nearby:
            names.append("noun_near_mention")
        if lemma in facts.owned and context.noun == "other":
            names.append("owns_source_noun")  # "Lee's son ... his son said": not Lee (English grammar)
        age = _AGE.search(self.text[lo:hi])
        if age is not None and _has_age(self.text, facts.starts, age.group(1)):
            names.append("age_match")
        return names


def nobody_features(draft: DraftQuote, context: QuoteContext) -> list[str]:
    """Features of 'nobody that can be named': the nominal source's class, lemma and number."""
    names = ["nobody"]
    if context.noun:
        names += [f"nobody|noun={context.noun}", f"nobody|lemma={context.lemma}"]
        if context.source_head is not None and context.source_head.tag_ in ("NNS", "NNPS"):
            names.append("nobody|plural")
    if draft.inherits:
        names.append("nobody_inherits")
    return names


def _has_age(text: str, starts: list[int], age: str) -> bool:
    """'Tama Umaga, 31,' for 'the 31-year-old'."""
    return any(re.match(rf"[\w .'\-]{{0,40}}?, {age},", text[s : s + 60]) for s in starts)


def main_clause_subjects(doc: Doc, index: EntityIndex) -> list[tuple[int, Entity]]:
    """(character offset, entity) of each named active subject of a sentence's main verb, outside quotations."""
    found = []
    for i, entity in sorted(index.by_token.items()):
        token = doc[i]
        is_main = token.dep_ == "nsubj" and token.head.dep_ == "ROOT"  # not who was told, asked
        if is_main and not any(draft.covers(token.idx) for draft in index.quoted):
            found.append((token.idx, entity))
    return found


@dataclass(frozen=True, slots=True)
class Ranks:
    """Where each entity stands from a quote's anchor, by `id` of the entity."""

    recent: dict[int, int]  # rank by latest mention before the anchor (0: the latest)
    upcoming: dict[int, int]  # of entities first named after it: rank by first mention (0: the next)


def recency_ranks(fm: FeatureMaker, anchor: int) -> Ranks:
    """Each entity's rank by its latest mention before `anchor`, and of those first named after it, by
    that first mention ('research suggests ...' in a lede, the body named in the next sentence)."""
    latest = {key: max((s for s in facts.starts if s < anchor), default=-1) for key, facts in fm.facts.items()}
    order = sorted((key for key, at in latest.items() if at >= 0), key=lambda key: -latest[key])
    first = {key: facts.starts[0] for key, facts in fm.facts.items() if facts.starts and latest[key] < 0}
    return Ranks(
        {key: rank for rank, key in enumerate(order)},
        {key: rank for rank, key in enumerate(sorted(first, key=first.__getitem__))},
    )


SOURCE_KINDS = _SOURCE_KINDS


def previous_features(kind: str, draft: DraftQuote, candidate: Candidate, previous: Entity | None) -> list[str]:
    """Features of the candidate that spoke the quote before: a continuation is usually theirs."""
    if previous is None or candidate.entity is not previous:
        return []
    names = ["previous_speaker", f"previous_speaker|{kind}"]
    if draft.inherits:
        names += ["previous_inherits", f"previous_inherits|{kind}"]
    return names
