"""Stage 5: resolve source mentions to speakers with canonical names, mentions and descriptions."""

from __future__ import annotations

from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..extraction.drafts import DraftQuote, Offsets
from ..extraction.lexicon import (
    HONORIFICS,
    ROLE_WORDS,
    TITLE_WORDS,
)
from ..records import SpeakerKind
from .body_names import capitalised_runs, match_organisation
from .entity import BODY_DESCRIPTIONS, Entity, is_described_as_body
from .mentions import (
    clause_descriptions,
    description_of,
    has_honorific,
    has_surname_honorific,
    has_which_clause,
    is_common_noun,
    is_described_as_person,
    is_document_author,
    is_lone_adjective,
    is_passive_agent,
    is_post_description,
    is_subject,
    is_subject_or_conjunct,
)
from .name_spans import (
    is_nationality_noun,
    name_after_description,
    name_spans,
    proper_name_chain,
    with_capitalised_modifiers,
)
from .names import (
    clean_name,
    initials,
    is_abbreviation_of,
    is_acronym_of,
    is_first_name,
    is_office_plural,
    lowercase_words,
    organisation_key,
)
from .surnames import is_peer_name, is_spelling_slip

__all__ = ["BODY_DESCRIPTIONS", "Entity", "EntityIndex", "is_described_as_body"]

# Words before a surname that are no first name: honorifics, titles and roles.
_NOT_FIRST_NAMES = HONORIFICS | TITLE_WORDS | ROLE_WORDS
_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = frozenset({"ORG", "NORP", "GPE"})
# A party's nickname names it ('the Tories' ... 'the Conservative Party'): British English usage.
_PARTY_NICKNAMES = {"tories": "conservative", "tory": "conservative", "tory party": "conservative"}


class EntityIndex:
    """The people and organisations of one document, in order of mention."""

    def __init__(self, doc: Doc, quoted: list[DraftQuote] | None = None) -> None:
        self.doc = doc
        self.entities: list[Entity] = []
        self.by_token: dict[int, Entity] = {}
        self.lowered = lowercase_words(doc)
        # Names inside someone's words, quoted or reported, are not the subjects a later 'he' refers back to:
        # in 'Tom Keller is "trying to buy them off", he said' the 'he' is not Keller (English grammar: a
        # pronoun never means a name inside the clause its verb reports), however the parser hung the clauses.
        self.quoted = list(quoted or [])
        for ent in name_spans(doc):
            if ent.label_ in _PERSON_LABELS or ent.label_ in _ORG_LABELS:
                self._add_mention(ent)
        for entity in self.entities:
            if entity.kind == "person" and (entity.referred_to_as_which or is_described_as_body(entity)):
                entity.kind = "organisation"  # 'Mabel Finch' the retailer, tagged PERSON
        self._merge_acronyms()
        self._merge_abbreviations()
        self._merge_nicknames()
        self._spell_out_acronyms()

    def _merge_acronyms(self) -> None:
        """'the EC' and 'the European Commission' are one body, named in full ('JK' and 'Jason King' one person)."""
        for short in list(self.entities):
            if len(short.names) != 1 or short.anonymous:
                continue
            full = next(
                (
                    e
                    for e in self.entities
                    if e is not short and not e.anonymous and any(is_acronym_of(short.names[0], n) for n in e.names)
                ),
                None,
            )
            if full is None:
                continue
            if short.kind == "organisation" and len(full.name.split()) > 2:
                full.kind = "organisation"  # 'Dresdner Kleinwort Wasserstein' tagged PERSON, 'DrKW' ORG
            self._absorb(full, short)

    def _spell_out_acronyms(self) -> None:
        """'AK' where the article writes 'Athletics Kenya (AK)' and NER tagged only the letters: an acronym is
        the initials of a name the article writes in full (capitalised words, English naming), the fullest
        name and the canonical one."""
        for entity in self.entities:
            if entity.kind != "organisation" or entity.anonymous or len(entity.names) != 1:
                continue
            acronym = entity.names[0]
            if len(acronym) > 1 and acronym.isupper() and acronym.isalpha():
                full = next((run for run in capitalised_runs(self.doc) if initials(run) == acronym), None)
                if full is not None:
                    entity.names.append(full)

    def _merge_abbreviations(self) -> None:
        """'Lib Dems' tagged PERSON and 'Liberal Democrats' tagged ORG: a name that shortens each word of
        another names the same body, whatever NER said of either."""
        for short in list(self.entities):
            if short.anonymous or short not in self.entities:
                continue
            key = organisation_key(short.name.lower().split())
            full = next(
                (
                    e
                    for e in self.entities
                    if e is not short
                    and not e.anonymous
                    and "organisation" in (e.kind, short.kind)
                    and is_abbreviation_of(key, organisation_key(e.name.lower().split()))
                ),
                None,
            )
            if full is not None:
                full.kind = "organisation"
                self._absorb(full, short)

    def _merge_nicknames(self) -> None:
        """'the Tories' and 'the Conservatives' are one body, named in full."""
        for short in list(self.entities):
            formal = _PARTY_NICKNAMES.get(short.name.lower())
            if formal is None or short.anonymous or short not in self.entities:
                continue
            named = (e for e in self.entities if not e.anonymous and e is not short)
            full = next((e for e in named if organisation_key(e.name.lower().split())[:1] == [formal]), None)
            if full is not None:
                full.kind = "organisation"
                self._absorb(full, short)

    def _absorb(self, full: Entity, short: Entity) -> None:
        """Make `short`'s names and mentions `full`'s, and forget `short`."""
        full.names.extend(n for n in short.names if n not in full.names)
        full.mentions.extend(short.mentions)
        full.subject_at.extend(short.subject_at)
        full.descriptions.extend(short.descriptions)
        for i, entity in list(self.by_token.items()):
            if entity is short:
                self.by_token[i] = full
        self.entities.remove(short)

    def match(
        self, name: str, kind: SpeakerKind, *, surname_only: bool = False, sentence: Offsets | None = None
    ) -> Entity | None:
        """A known entity with this name, or (people) this surname or first name (after an honorific that
        takes a surname, `surname_only`, never the first word); a surname spelt exactly before one spelt
        with a slip. `sentence`: the characters of the sentence the name is written in, if known."""
        words = name.lower().split()
        if not words:
            return None
        # Never a joint speaker: one name is one of them ('Brack' is not 'Ann Lee and Tom Brack').
        candidates = [entity for entity in reversed(self.entities) if entity.kind == kind and not entity.members]
        for entity in candidates:
            if name.lower() in {n.lower() for n in entity.names}:
                return entity
        if is_peer_name(name):
            words = words[1:]  # 'Lady Boothroyd' is 'Betty Boothroyd'
        if kind != "person":
            return match_organisation(words, candidates, sentence)

        # A surname before another word of a name (a first name, or the surname before a suffix: 'Mr Evans'
        # is 'Charles Evans Jr'), whichever was named later: a one-word name in news is most often a surname
        # ('Howard' is 'Ann Howard' before 'Howard Ellery'), and never a first name after 'Mr' (`surname_only`).
        def has_surname(entity: Entity) -> bool:
            return words[-1] == entity.surname

        def has_surname_slip(entity: Entity) -> bool:
            return is_spelling_slip(words[-1], entity.surname)

        def has_word(entity: Entity) -> bool:
            return len(words) == 1 and words[0] in entity.name.lower().split()[1 if surname_only else 0 :]

        for same in (has_surname, has_surname_slip, has_word):
            for entity in candidates:
                if same(entity):
                    full = [n for n in entity.names if len(n.split()) > 1]
                    if len(words) == 1 or not full or any(n.lower().split()[0] == words[0] for n in full):
                        return entity
        return None

    def _person_tagged_organisation(self, name: str) -> Entity | None:
        """'Vincent Cable' tagged ORG, then 'Mr Cable' or 'Cable' tagged PERSON: the body is that person."""
        words = name.split()
        if len(words) != 1:
            return None
        for entity in reversed(self.entities):
            full = entity.name.split()
            capitalised = all(word[:1].isupper() for word in full)
            # Initials stand right before a surname ('JK Rowling'); an acronym before two more words is a
            # body's ('QX Radio Dale', not a person for 'Dale').
            acronym_before = any(len(word) > 1 and word.isupper() and word.isalpha() for word in full[:-2])
            if (
                entity.kind == "organisation"
                and len(full) in (2, 3)
                and full[-1] == words[0]
                and capitalised
                and not acronym_before
            ):
                entity.kind = "person"
                return entity
        return None

    def _is_organisation_name(self, name: str) -> bool:
        """Is a one-word name already the exact name of a body of the article, and of no person?"""
        if " " in name or not any(e.kind == "organisation" and name in e.names for e in self.entities):
            return False
        return self.match(name, "person") is None

    def _add_mention(self, ent: Span) -> None:
        kind: SpeakerKind = "person" if ent.label_ in _PERSON_LABELS else "organisation"
        if (kind == "person" and is_common_noun(ent)) or is_lone_adjective(ent) or is_post_description(ent):
            return
        if kind == "person" and len(ent) == 1 and ent.root.pos_ == "NOUN" and ent.root.lower_ in self.lowered:
            return  # 'Tsunami' tagged PERSON where the article writes 'tsunami': a common noun, no name
        if len(ent) == 1 and is_office_plural(ent.text):
            return  # 'MPs said': a group of people, not a name (English: a plural common noun)
        if is_nationality_noun(ent.root, ent.start - 1):
            return  # 'said the American': a person described, no body's name
        # Only a name tagged as an organisation: in a place's name ('north west Dale') the nouns say where.
        described = name_after_description(ent) if ent.label_ == "ORG" else None
        if described is not None:
            # 'Barcelona star Ronaldinho': the person the body's noun describes; 'handset maker Quorvo' a body.
            ent = described[0]
            kind = "organisation" if described[1].lower_ in BODY_DESCRIPTIONS else "person"
        if kind == "organisation":
            ent = with_capitalised_modifiers(ent)
        name = clean_name(ent, person=kind == "person" or has_honorific(ent), lowered=self.lowered)
        if name and kind == "organisation" and self.match(name, "person") is not None:
            kind = "person"  # 'Ferguson' tagged ORG after 'Alex Ferguson' tagged PERSON
        if not name or (
            kind == "organisation"
            and ent.label_ in ("GPE", "NORP")
            and not (is_subject_or_conjunct(ent.root) or is_passive_agent(ent.root) or is_document_author(ent.root))
        ):
            return
        if kind == "person" and self._is_organisation_name(name):
            kind = "organisation"  # 'Labour' tagged PERSON after 'Labour' tagged ORG: one body
        if kind == "organisation" and (has_honorific(ent) or (ent.label_ == "ORG" and is_described_as_person(ent))):
            kind = "person"  # 'Mr Okoro' or 'Tobi Okoro QC' tagged ORG
        surname_only = kind == "person" and has_surname_honorific(ent)
        if kind == "person" and self._is_possessive_slip(ent, name):
            name += "s"  # "Mr Ebber's lawyers" after 'Bernie Ebbers': the possessive of the name in s
        # Only the first sentence, where the BBC texts glue the headline to the lede ('Tarn may close Tarn
        # Airlines said ...'): elsewhere a longer name in the sentence of a shorter one is another body
        # ('China says ..., quoted in China Daily').
        first = self.doc.has_annotation("SENT_START") and ent.sent.start == 0
        sentence = (ent.sent.start_char, ent.sent.end_char) if first else None
        entity = self.add_name(name, kind, surname_only=surname_only, sentence=sentence)
        entity.mentions.append((ent.start_char, ent.end_char))
        # 'John Vell, director of Harbour Data, which monitors markets': the 'which' is the body's, the nearer
        # noun, whatever the parser hung it on; a name described as a person's takes no 'which'.
        entity.referred_to_as_which |= has_which_clause(ent.root) and not is_described_as_person(ent)
        # 'Glass Harbour frontwoman Ida Kray collected ...': the name stands for the subject.
        stands_for = ent.root.head if ent.root.dep_ == "appos" else ent.root
        if is_subject(stands_for) and not any(draft.covers(ent.start_char) for draft in self.quoted):
            entity.subject_at.append(ent.root.i)
        self._collect_descriptions(entity, ent)
        for token in ent:
            self.by_token[token.i] = entity

    def _is_possessive_slip(self, ent: Span, name: str) -> bool:
        """ "Mr Ebber's" where the article names 'Bernie Ebbers': a one-word name in the possessive that no one
        has, while one of the article's people has it with an 's' for a surname, is that surname with its
        possessive written as if the 's' were not part of it (the article's own words say they are one)."""
        after = self.doc[ent.end] if ent.end < len(self.doc) else ent[-1]
        if " " in name or after.text not in ("'s", "’s") or self.match(name, "person") is not None:
            return False
        return any(entity.kind == "person" and entity.surname == f"{name.lower()}s" for entity in self.entities)

    def person_tagged_as_organisation(self, token: Token) -> Entity | None:
        """'Tobi Okoro' tagged ORG, then 'Mr Okoro': the honorific settles it."""
        if not has_honorific(proper_name_chain(token)):
            return None
        for entity in reversed(self.entities):
            words = entity.name.split()
            if (
                entity.kind == "organisation"
                and len(words) in (2, 3)
                and is_spelling_slip(words[-1].lower(), token.lower_)
            ):
                entity.kind = "person"
                return entity
        return None

    def complete_surnames(self) -> None:
        """'Silvas' takes 'Lucie Silvas' where the article writes it so, though NER missed it: the
        canonical name is the fullest the article gives (a capitalised word compounded before the
        surname, not a role word nor one the article writes in lower case)."""
        for entity in self.entities:
            if entity.kind != "person" or entity.anonymous or len(entity.name.split()) != 1:
                continue
            full = self._first_name_before(entity.name)
            if full is not None:
                entity.names.append(full)

    def name_people_tagged_as_bodies(self) -> None:
        """'Mutu' tagged ORG where the article writes 'Adrian Mutu': a person's first name before the one
        word (as the fast name classifier, learned from spaCy's NER on BBC news, weighs it) makes it a
        person's surname, and the fuller name the canonical one. Done once the speakers are chosen: the
        name is what the reader sees, not what the ranker weighs. Not where the name is a plural proper noun
        ('Glasgow Rangers'), nor where a person of the article has it for a surname ('Ford' the maker and its
        chairman 'Bill Ford')."""
        for entity in self.entities:
            name = entity.name
            if entity.kind != "organisation" or entity.anonymous or len(name.split()) != 1 or name.isupper():
                continue
            first = self._first_name_token(name)
            if first is None or self.doc[first.i + 1].tag_ == "NNPS" or not is_first_name(first.text):
                continue  # 'Glasgow Rangers': a plural proper noun names a body, a person is one
            full = f"{first.text} {name}"
            if not any(
                other is not entity and other.kind == "person" and other.surname == name.lower()
                for other in self.entities
            ):
                entity.kind = "person"
                entity.names.append(full)

    def _first_name_before(self, surname: str) -> str | None:
        first = self._first_name_token(surname)
        return None if first is None else f"{first.text} {surname}"

    @cached_property
    def _proper_nouns_by_text(self) -> dict[str, list[Token]]:
        """The proper nouns after the first token, by their text: looked up once per entity, not the whole doc."""
        by_text: dict[str, list[Token]] = {}
        for token in self.doc[1:]:
            if token.pos_ == "PROPN":
                by_text.setdefault(token.text, []).append(token)
        return by_text

    def _first_name_token(self, surname: str) -> Token | None:
        for token in self._proper_nouns_by_text.get(surname, ()):
            first = self.doc[token.i - 1]
            if (
                first.pos_ == "PROPN"
                and first.dep_ in ("compound", "nmod")  # the parser's 'nmod' in lists: 'A B, Ada Brill and C D'
                and first.head.i == token.i
                and first.is_title
                and first.lower_ not in self.lowered
                and first.lower_.rstrip(".") not in _NOT_FIRST_NAMES
                and bool(first.whitespace_)
            ):
                return first
        return None

    def add_name(
        self, name: str, kind: SpeakerKind, *, surname_only: bool = False, sentence: Offsets | None = None
    ) -> Entity:
        entity = self.match(name, kind, surname_only=surname_only, sentence=sentence)
        if entity is None and kind == "person":
            entity = self._person_tagged_organisation(name)
        if entity is None:
            entity = Entity([name], kind)
            self.entities.append(entity)
        elif name not in entity.names:
            entity.names.append(name)
        return entity

    def _collect_descriptions(self, entity: Entity, ent: Span) -> None:
        """'Lantern Street star Maya Okafor', 'Okafor, who plays Ruth Adeyemi', 'Halvorsen, spokesman for Skylark'."""
        root = ent.root
        lead = [t for t in root.lefts if t.i < ent.start and t.dep_ == "compound"]
        words = (
            [t for t in self.doc[lead[0].left_edge.i : ent.start] if t.lower_.rstrip(".") not in HONORIFICS]
            if lead
            else []
        )
        if words:
            entity.descriptions.append(self.doc[words[0].i : words[-1].i + 1].text)  # not 'Mr' nor 'Dr'
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            described = description_of(self.doc, root.head)  # "Brandt's son Jonas"
            if described:
                entity.descriptions.append(described)
        entity.descriptions.extend(clause_descriptions(root))
