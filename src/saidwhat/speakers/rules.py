"""The hand-written attribution rules: the entity each source mention refers to, quote by quote.

Their choice is one of the speaker ranker's features (and its answer where no model ships).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..extraction.docfacts import doc_facts
from ..extraction.drafts import DraftQuote
from ..extraction.lexicon import (
    ANONYMOUS_HEADS,
    DOCUMENT_NOUNS,
    FEMALE_PRONOUNS,
    INSTITUTION_NOUNS,
    MALE_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    SPOKESPERSON_NOUNS,
    STUDY_NOUNS,
)
from ..extraction.sources import mention_bounds
from ..records import SpeakerKind
from .antecedents import (
    PAIR_WORDS,
    named_in_own_report,
    only_heard,
    only_one_just_before,
    pair_member,
    plural_subject_before,
    speaker_without_source,
    spokesperson_continued,
    study_just_before,
    unnamed_continued,
    untagged_subjects,
)
from .cataphora import give_headline_quotes_the_lead_speaker, lede_referent
from .descriptions import (
    WRITING_NOUNS,
    description_rank,
    is_body_noun,
    is_client,
    is_common_word,
    is_indefinite,
    is_learned_body_noun,
    names_its_author,
    profile_in,
    source_words,
)
from .entities import Entity
from .gender import entity_gender
from .mentions import PERSON_TITLES, depth_below, in_possessive, noun_before_participle, quoted_person
from .name_spans import is_nationality_noun, proper_name_chain
from .names import POSTNOMINALS, clean_name, has_acronym, is_office_plural
from .posts import body_nouns, is_employer, is_office_or_seat, named_as
from .salience import Salience

# English's indefinite pronouns for people: a source 'someone who claimed ...' names no one met before.
INDEFINITE_PRONOUNS = frozenset({"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody"})


class ResolvingIndex(Salience):
    """The entities of a document, and the rules that tell which one a source mention means."""

    def resolve(self, token: Token, spoken: list[Entity]) -> Entity | None:
        """The entity a source mention headed by `token` refers to; None for unknown."""
        token = quoted_person(token)
        joint = self._joint(token)
        if joint is not None:
            return self._group_spoken_since(joint, token, spoken) or joint
        if token.i in self.by_token:
            return self._enriched(self.by_token[token.i], token)
        if token.text in POSTNOMINALS:
            named = self._named_before_postnominal(token)
            if named is not None:
                return named
        start, end = mention_bounds(token)
        if end <= start:  # a mention of punctuation only: the head alone
            start, end = token.i, token.i + 1
        if token.pos_ == "PRON" or token.lower_ in PAIR_WORDS:
            return self._resolve_pronoun(token, spoken)
        if is_office_plural(token.text):
            return self._anonymous(self.doc[start:end], "group")  # 'MPs said': people, no name
        # A capitalised title ('The Chancellor said', 'its CEO', 'the Trade Secretary') names no one: it is
        # resolved below as a noun, by an appositive, a name after it or a description.
        capitalised = (token.pos_ == "PROPN" and not token.is_lower) or (
            token.is_title and token.pos_ in ("NOUN", "ADJ")
        )
        if capitalised and is_nationality_noun(token, start):
            capitalised = False  # 'said the American': a person described by a nationality, resolved as a noun
        if capitalised and token.lower_ not in PERSON_TITLES:
            known = self.match(token.text, "person") or self.person_tagged_as_organisation(token)
            if known is not None:
                return known  # 'Brack says ...': the parser took a known surname for a noun
            named = self._named_inside(start, end) if token.pos_ == "NOUN" else None
            if named is not None and named.kind == "person":
                # 'Harlow critical of Harlow coach Tom Brack says': the tagger's capitalised noun heads a phrase
                # that names a person (a headline glued on); the person speaks (CV 572 -> 573 of 631).
                return named
            name = clean_name(proper_name_chain(token), lowered=self.lowered) or token.text
            body = next((e for e in self.entities if e.kind == "organisation" and name in e.names), None)
            if body is not None:
                return body  # a body's name NER missed this once
            if token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.i > doc_facts(token.doc).sent(token).start):
                # 'According to QX Weekly': a word in capitals is an acronym, which no one's name holds.
                return self.add_name(name, "organisation" if has_acronym(name) else "person")
        in_apposition = self._named_in_apposition(token)
        if in_apposition is not None:
            return in_apposition
        named_after = self._named_after(token, end)
        if named_after is not None:
            return named_after
        named = self._named_inside(start, end)
        if named is not None:
            # "Harbour City's caretaker manager Ivo Brandt", "Ms Varga's legal action", "a survey by PwC"
            return named
        token = noun_before_participle(token)
        found = self._resolve_nominal(token, start, end, spoken)
        if found is None or found.anonymous:
            return lede_referent(token, self.entities) or found
        return self.joined_by_conjuncts(found, token)

    def _group_spoken_since(self, joint: Entity, token: Token, spoken: list[Entity]) -> Entity | None:
        """'Tarn and Vell unveiled it. Experts warned ... They said': a 'they' refers back to the latest
        plural named before it (English grammar), the unnamed group that spoke since the joint's members
        were last named, not the coordination before it."""
        group = _unnamed_group_last_spoken(spoken)
        if token.lower_ != "they" or group is None:
            return None
        members = [e for e in self.entities if id(e) in joint.members]
        named = max((member.mentioned_before(token.idx) for member in members), default=-1)
        return group if group.mentioned_before(token.idx) > named else None

    def _named_in_apposition(self, token: Token) -> Entity | None:
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.by_token:
                return self.by_token[child.i]  # "Harbour City's caretaker manager, Ivo Brandt"
            if child.dep_ == "appos" and child.pos_ == "PROPN" and token.lower_ in PERSON_TITLES:
                # 'The Shadow Secretary, Ann May, said': a name NER missed, in apposition to a title
                name = clean_name(proper_name_chain(child), lowered=self.lowered)
                if name:
                    return self.add_name(name, "person")
        return None

    def _named_after(self, token: Token, end: int) -> Entity | None:
        """'One of the Harbour Five, Tom Brack - who ... - said', 'according to local paper the Zell Courier':
        a name right after a description is the one it describes (apposition, English grammar), however it
        was parsed."""
        at = end + 1 if end < len(self.doc) and self.doc[end].text == "," else end
        if at < len(self.doc) and self.doc[at].lower_ == "the":
            at += 1
        named = self.by_token.get(at) if at < len(self.doc) and token.pos_ != "PROPN" else None
        return named if named is not None and not named.anonymous else None

    def _named_before_postnominal(self, token: Token) -> Entity | None:
        """'Judge Ann Lee, QC told the court': the letters after a name stand for the one named."""
        before = token.doc[token.i - 1] if token.i > 0 else None
        if before is not None and before.is_punct and before.i > 0:
            before = token.doc[before.i - 1]
        return self.by_token.get(before.i) if before is not None else None

    def _named_inside(self, start: int, end: int) -> Entity | None:
        """A person named inside a mention, else an organisation, else None. A possessive owner speaks only
        through a document ("Ms Varga's legal action said"), not through another person ("Kit Connor's mother said")."""
        head = self.doc[start:end].root
        owner_speaks = head.lemma_.lower() in DOCUMENT_NOUNS | STUDY_NOUNS
        clients = self._clients(start, end)
        inside = [
            (depth_below(self.doc[i], head), self.by_token[i])
            for i in range(start, end)
            if i in self.by_token
            and (owner_speaks or not in_possessive(self.doc[i], head))
            and self.by_token[i] not in clients
            and not is_employer(self.doc[i], head, self.by_token[i])
            and not is_office_or_seat(self.doc[i], head, self.by_token[i])
        ]
        # The one nearest the head in the parse, the last of those ('a spokesman for Tarn, owner of Vell': Tarn).
        pool = [named for named in inside if named[1].kind == "person"] or inside
        found = min(reversed(pool), key=lambda named: named[0])[1] if pool else None
        return self._coordination_inside(start, end, found) or found

    def _coordination_inside(self, start: int, end: int, found: Entity | None) -> Entity | None:
        """'the likes of Tom Brack and Lord Vell', 'surveys from Tarnbank and Vellco': a mention that names
        a coordination of speakers, the one found among them, speaks for them all (English grammar)."""
        if found is None:
            return None
        for i in range(start, end):
            if self.by_token.get(i) is not found:
                continue
            head = self.doc[i]
            while head.dep_ == "conj" and start <= head.head.i < end:
                head = head.head
            members = self._coordinated(head) if head.i in self.by_token else []
            if len(members) > 1 and found in members:
                return self._joint_of(members)
        return None

    def _clients(self, start: int, end: int) -> list[Entity]:
        """The entities named between tokens start and end that a study was made for, not by."""
        return [self.by_token[i] for i in range(start, end) if i in self.by_token and is_client(self.doc[i])]

    def _enriched(self, entity: Entity, head: Token) -> Entity:
        """Add 'Ravi Dastidar' to an entity NER knew only as 'Dastidar'."""
        if entity.kind == "person":
            chain = clean_name(proper_name_chain(head), lowered=self.lowered)
            if chain and chain not in entity.names and chain.lower().endswith(entity.surname):
                entity.names.append(chain)
        return entity

    def _resolve_pronoun(self, token: Token, spoken: list[Entity]) -> Entity | None:
        lower = token.lower_
        if lower in ("i", "me", "you") or lower in PAIR_WORDS:
            return pair_member(self, token) if lower in PAIR_WORDS else None
        if lower in INDEFINITE_PRONOUNS:
            # 'someone who claimed ...': an indefinite pronoun refers back to no one (English grammar).
            return self._anonymous(self.doc[token.i : token.i + 1], "unknown")
        group = _unnamed_group_last_spoken(spoken)
        if lower == "they" and group is not None and group.mentioned_before(token.idx) >= 0:
            return group  # 'Analysts said ... They added': the plural source before it (English grammar)
        # 'The research was carried out by ... It found', 'The two firms did not say if they ...'
        carried_on = study_just_before(token) if lower == "it" else plural_subject_before(self, token)
        if carried_on is not None:
            return self.resolve(carried_on, spoken)
        if lower in ("it", "they", "we"):
            organisation = self._latest_body(token, spoken)
            if lower == "it" or (organisation is not None and spoken and spoken[-1] is organisation):
                return organisation or (spoken[-1] if spoken and not spoken[-1].anonymous else None)
            bodies = [e for e in self.entities if e.kind == "organisation" and not e.anonymous]
            just_named = only_one_just_before(self, token.i, bodies)
            if lower == "they" and just_named is not None:
                return just_named[0]  # '... opposed by the Tarn Democrats. They have said ...'
        gender = "m" if lower in MALE_PRONOUNS else "f" if lower in FEMALE_PRONOUNS else None
        common = {id(e) for e in self.entities if gender and is_common_word(e, self.lowered, self.doc)}  # 'Olympic'
        reported = named_in_own_report(self, token) | common
        entity = self.latest(token.i, "person", gender=gender, prefer=spoken, skip=lambda e: id(e) in reported)
        if lower == "they" and entity is not None and self._is_one_man_or_woman(entity):
            # English grammar: 'they' is not one man or woman (bbc-train-gold: no 'they' source is one person).
            # Only one the article marks as such: the NER tags a party or a band 'person' ('Labour ... They').
            return None
        if entity is not None and gender and entity.gender is None:
            entity.gender = gender
        return entity

    def _owner_of(self, determiner: Token, spoken: list[Entity]) -> Entity | None:
        """'his spokesman said': the man 'his' stands for speaks through him (English grammar; the gold gives
        "Mr Blair's official spokesman" to Blair), not the latest body; only one the article marks as a man
        (or a woman for 'her') with an honorific or a gendered noun: a first name says nothing, and a 'she'
        after a name is a weak clue ('Open chief Ivo Brandt said: "Her wrist ..." But her spokesman said')."""
        lower = determiner.lower_
        owner = self._resolve_pronoun(determiner, spoken)
        if owner is None or owner.kind != "person" or owner.anonymous:
            return None
        return owner if entity_gender(self.doc, owner) == ("m" if lower == "his" else "f") else None

    def _described(self, token: Token, start: int) -> list[Entity]:
        """Entities the article describes with the source's head noun, best fit last: most modifiers shared,
        then latest named; never one whose titles hold the head but none of its modifiers."""
        head = token.lemma_.lower()
        words = source_words(self.doc, token, start)
        reported = named_in_own_report(self, token)
        fits = []
        for position, entity in enumerate(self.entities):
            if entity.kind == "person" and id(entity) in reported:
                continue  # 'the chancellor said Mr Lund ...' is not Mr Lund (a body may name itself)
            if _described_as(entity, head):
                rank = description_rank(profile_in(self, entity), words)
                if rank is not None:
                    fits.append((rank, position, entity))
        return [entity for _, _, entity in sorted(fits, key=lambda fit: fit[:2])]

    def _speaker_like(self, known: Entity | None, token: Token, spoken: list[Entity]) -> Entity | None:
        """'the company' is not a product or brand the article names as a body's ('its new Zell technology'),
        and no description means a common word NER took for a name ('Broadcasters should ...' where the
        article also writes 'broadcasters'): the latest salient entity of its kind that is neither."""
        if known is None or not self._is_unlike_speaker(known):
            return known
        return self.latest(token.i, known.kind, prefer=spoken, skip=self._is_unlike_speaker) or known

    def _is_unlike_speaker(self, entity: Entity) -> bool:
        return profile_in(self, entity).thing or is_common_word(entity, self.lowered, self.doc)

    def _anonymous(self, phrase: Span, kind: SpeakerKind) -> Entity:
        """An unnamed source ('a source', 'officials', 'the council'): a speaker of its own, never linked."""
        entity = Entity([phrase.text], kind, anonymous=True)
        self.entities.append(entity)
        return entity

    def _latest_body(self, token: Token, spoken: list[Entity]) -> Entity | None:
        """The body last spoken of, not a news outlet only told things ('X told Radio Dale')."""
        return self.latest(token.i, "organisation", prefer=spoken, skip=lambda e: only_heard(self, e, token.i))

    def _latest_of_kind_named(self, spokesperson: Token, spoken: list[Entity]) -> Entity | None:
        """'a party spokesman': the body last spoken of that the article names as a party, not any body
        ('The Harbour Party ... a BBC film ... A party spokesman said')."""
        nouns = body_nouns(spokesperson)
        if not nouns:
            return None
        return self.latest(spokesperson.i, "organisation", prefer=spoken, skip=lambda e: not named_as(e, nouns))

    def _resolve_nominal(self, token: Token, start: int, end: int, spoken: list[Entity]) -> Entity | None:
        """'the actor', 'the 18-year-old actor', 'a spokesperson for X', 'the company', 'a source', 'officials'."""
        head = token.lemma_.lower()
        phrase = self.doc[start:end]
        clients = self._clients(start, end)
        inside = [self.by_token[i] for i in range(start, end) if i in self.by_token and self.by_token[i] not in clients]
        if head in SPOKESPERSON_NOUNS:
            organisations = [e for e in inside if e.kind == "organisation"]
            if organisations:
                return organisations[-1]
            if phrase[0].lower_ in ("his", "her"):  # a man's or a woman's spokesman, never a body's
                return self._owner_of(phrase[0], spoken) or self._anonymous(phrase, "unknown")
            known = self._latest_of_kind_named(token, spoken) or self._latest_body(token, spoken)
            return known if known is not None else self._anonymous(phrase, "unknown")
        if head in STUDY_NOUNS:
            # 'The Bank's minutes', 'a survey by the firm', else the body last spoken of
            organisations = [e for e in inside if e.kind == "organisation"]
            known = organisations[-1] if organisations else self._study_author(token)
            known = known or lede_referent(token, self.entities)
            if known is None and (not is_indefinite(token) or names_its_author(token)):
                # 'the report said', 'a survey by the firm': the body last spoken of; but 'reports say', 'a
                # survey found' bring in a study the article has not spoken of, with no author named
                # (English grammar): no one's.
                known = self.latest(token.i, "organisation", prefer=spoken)
            return known if known is not None else self._anonymous(phrase, "unknown")
        if is_body_noun(head) and phrase[0].lower_ in ("the", "this", "its") and token.tag_ == "NN":
            # a noun news uses of bodies ('the software giant'): the body the article last described so
            # ('computer giant Zell'), else the body last spoken of
            called = self.latest(
                token.i, "organisation", skip=lambda e: not _described_as(e, head) or only_heard(self, e, token.i)
            )
            if called is not None and is_learned_body_noun(head):
                return called
            known = self._speaker_like(self._latest_body(token, spoken), token, spoken)
            # 'according to the council' with no council named: a body all the same, if an unnamed one.
            return known if known is not None else self._anonymous(phrase, "organisation")
        if head in WRITING_NOUNS and phrase[0].lower_ in ("the", "this", "its"):
            author = self._study_author(token, same_noun=True)  # "Ann Lee's new book ... the book says"
            if author is not None:
                return author
        described = self._described(token, start)
        if phrase[0].lower_ in POSSESSIVE_DETERMINERS:  # 'his son said': the son met before, not the father
            return described[-1] if described else self._anonymous(phrase, "unknown")
        is_definite = phrase[0].lower_ in ("the", "this", "that")
        if token.lower_ in ANONYMOUS_HEADS and is_definite:  # 'a witness ... the witness': one met before
            described = [e for e in described if e.mentioned_before(token.idx) >= 0]
        if described and is_definite and token.tag_ not in ("NNS", "NNPS"):
            return described[-1]
        if token.lower_ in ANONYMOUS_HEADS or not is_definite or token.tag_ in ("NNS", "NNPS"):
            return self._anonymous(phrase, "group" if token.tag_ in ("NNS", "NNPS") else "unknown")
        if head in INSTITUTION_NOUNS:
            return self._anonymous(phrase, "organisation")
        reported = named_in_own_report(self, token)  # '"...," said the minister' with no one described so
        known = self.latest(token.i, "person", prefer=spoken, skip=lambda e: id(e) in reported)
        return self._speaker_like(known, token, spoken) or self._anonymous(phrase, "unknown")


def _described_as(entity: Entity, noun: str) -> bool:
    return any(noun in description.lower().split() for description in entity.descriptions)


def _unnamed_group_last_spoken(spoken: list[Entity]) -> Entity | None:
    """The speaker of the quote before, when it is an unnamed group ('Analysts said ...')."""
    last = spoken[-1] if spoken else None
    return last if last is not None and last.anonymous and last.kind == "group" else None


def rule_speakers(doc: Doc, drafts: list[DraftQuote], index: ResolvingIndex) -> list[Entity | None]:
    """The entity the hand-written rules attribute each draft quote to (None when unknown), in order."""
    speakers: list[Entity | None] = []
    spoken: list[Entity] = []
    for i, known in untagged_subjects(index):
        known.subject_at.append(i)
    previous: DraftQuote | None = None
    for draft in drafts:
        entity: Entity | None = None
        if draft.source_token is not None:
            token = doc[draft.source_token]
            said_before = speakers[-1] if speakers else None
            said_for = spokesperson_continued(index, token, previous, said_before) or unnamed_continued(
                index, token, previous, said_before
            )
            entity = said_for or index.resolve(token, spoken)
            if entity is not None and draft.sources:
                entity.record_mention(token, draft.sources[0])
            if entity is not None:
                entity.subject_at.append(token.i)  # a quote's source is as salient as a subject
        else:
            entity = speaker_without_source(index, draft, speakers, spoken)
        speakers.append(entity)
        if entity is not None:
            spoken.append(entity)
        previous = draft
    give_headline_quotes_the_lead_speaker(doc, drafts, speakers)
    index.complete_surnames()
    return speakers
