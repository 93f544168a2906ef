"""Who a pronoun, or a quote with no source, refers back to: the subjects of the clauses before it.

A subject inside a relative clause ('X, whose film was Y's drama, stayed') or inside a clause that a verb
reports ('X said Y had spoken') is not who the next 'he' is about; the subject of the main clause is.
"""

from __future__ import annotations

from typing import Protocol

from spacy.tokens import Doc, Token

from ..extraction.docfacts import doc_facts
from ..extraction.drafts import DraftQuote
from ..extraction.lexicon import (
    DOCUMENT_NOUNS,
    FEMALE_PRONOUNS,
    HONORIFICS,
    MALE_PRONOUNS,
    ORGANISATION_NOUNS,
    SAYING_VERBS,
    SPOKESPERSON_NOUNS,
    STUDY_NOUNS,
)
from .entities import Entity, EntityIndex
from .gender import FEMALE_WORDS, MALE_WORDS
from .interviews import interviewee


class Resolver(Protocol):
    """What resolves a mention to an entity (`rules.ResolvingIndex`)."""

    doc: Doc
    by_token: dict[int, Entity]
    entities: list[Entity]

    def resolve(self, token: Token, spoken: list[Entity]) -> Entity | None: ...


# Nouns that name a body, a study or a document, not one person a 'he' or 'she' could go on with.
_NOT_ONE_PERSON = ORGANISATION_NOUNS | STUDY_NOUNS | DOCUMENT_NOUNS

# Clause relations that put a clause under a noun (a relative clause or a participle describing it).
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
# What ends a sentence of narration, so that the narration a colon closes starts after it.
_SENTENCE_ENDS = frozenset({".", "!", "?"})
# Clause relations that make a clause what a verb says, thinks or wants ('said Y had spoken').
_REPORTED_CLAUSES = frozenset({"ccomp", "xcomp"})


def _has_quote_mark_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(token.is_quote for token in a.doc[lo + 1 : hi])


def is_embedded_subject(token: Token) -> bool:
    """Is the clause that `token` is the subject of a relative clause, or a clause another verb of the
    same stretch of narration reports? A parser often hangs the narration before a quote from the speech
    verb after it ('X stayed upbeat. "...," he said.'): across a quotation mark that is no report."""
    clause = token.head.head if token.dep_ == "appos" else token.head
    while clause.dep_ != "ROOT" and clause.head.i != clause.i:
        if clause.dep_ in _NOUN_CLAUSES:
            return True
        if clause.dep_ in _REPORTED_CLAUSES and not _has_quote_mark_between(clause, clause.head):
            return True
        clause = clause.head
    return False


def untagged_subjects(index: EntityIndex) -> list[tuple[int, Entity]]:
    """(token, person) of each subject outside quotation marks that is a person's surname where the NER
    tagged nothing ('But Lund feels ...' after 'Ola Lund said'): a subject all the same (of two people
    with that surname, the one named last, as a surname source is matched)."""
    found = []
    for token in index.doc:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ != "PROPN" or token.i in index.by_token:
            continue
        if any(draft.covers(token.idx) for draft in index.quoted):
            continue
        people = [e for e in index.entities if e.kind == "person" and not e.anonymous and e.surname == token.lower_]
        if people:
            found.append((token.i, people[-1]))
    return found


def spokesperson_continued(
    index: EntityIndex, token: Token, previous: DraftQuote | None, previous_speaker: Entity | None
) -> Entity | None:
    """The body whose spokesperson gave the quote before, for a 'he' or 'she' with no one named since:
    'A spokeswoman for Orbis Air said: "...". She added ...' is Orbis Air's (an unnamed spokesperson's
    words are the body's. On bbc-train-gold it gives 3 pronouns, all right; the 2 pronouns after a
    spokesperson's quote that the gold gives to someone else both follow a person named since)."""
    if token.lower_ not in MALE_PRONOUNS | FEMALE_PRONOUNS or previous is None or previous.source_token is None:
        return None
    if previous_speaker is None or previous_speaker.kind != "organisation" or previous_speaker.anonymous:
        return None
    if not _spokesperson_source(token.doc, previous):
        return None
    return None if _named_since(index, previous, token) else previous_speaker


def _spokesperson_source(doc: Doc, draft: DraftQuote) -> bool:
    """Is the draft's source a spokesperson, even where the parser made the body its head ('A Department
    for Harbours spokeswoman said', headed by 'Department')?"""
    if draft.source_token is None:
        return False
    head = doc[draft.source_token]
    return head.lemma_.lower() in SPOKESPERSON_NOUNS or any(
        t.lemma_.lower() in SPOKESPERSON_NOUNS and t.tag_ == "NN" for t in head.subtree
    )


def unnamed_continued(
    index: EntityIndex, token: Token, previous: DraftQuote | None, previous_speaker: Entity | None
) -> Entity | None:
    """The unnamed person who gave the quote before, for a 'he' or 'she' with no one named since: 'one
    dealer, who asked not to be named, said ... "...," he said.' is the dealer's (a pronoun refers back to
    the latest person spoken of, named or not: English grammar), not a person named before the dealer."""
    lower = token.lower_
    if lower not in MALE_PRONOUNS | FEMALE_PRONOUNS or previous is None or previous.source_token is None:
        return None
    if previous_speaker is None or not previous_speaker.anonymous or previous_speaker.kind != "unknown":
        return None
    head = token.doc[previous.source_token]
    wanted = MALE_WORDS if lower in MALE_PRONOUNS else FEMALE_WORDS
    lemma = head.lemma_.lower()
    other_gender = (MALE_WORDS | FEMALE_WORDS) - wanted
    if head.pos_ != "NOUN" or head.tag_ != "NN" or lemma in _NOT_ONE_PERSON or lemma in other_gender:
        return None  # 'analysts', "his party's pledge", 'a spokeswoman ... he': not one person of that gender
    return None if _named_since(index, previous, token) else previous_speaker


def _named_since(index: EntityIndex, previous: DraftQuote, token: Token) -> bool:
    """Is anyone named between the previous quote (and its source) and the token?"""
    since = max(previous.end, *(end for _, end in previous.sources[:1]))
    return _names_someone(index, since, token.idx)


def _names_someone(index: EntityIndex, lo: int, hi: int) -> bool:
    """Is a proper noun between characters lo and hi, outside quotation marks, other than a body's name?
    ('Mr Lund' counts even where the NER tagged nothing.)"""
    doc = index.doc
    for token in doc.char_span(lo, hi, alignment_mode="expand") or doc[:0]:
        if not lo <= token.idx < hi or token.pos_ != "PROPN" or doc_facts(doc).inside_quotes(token):
            continue
        entity = index.by_token.get(token.i)
        if entity is None or entity.kind == "person":
            return True
    return False


def only_one_just_before(index: EntityIndex, token_index: int, pool: list[Entity]) -> tuple[Entity, int] | None:
    """The one entity of `pool` named in the sentence before the token's, outside quotation marks, with
    that sentence's first token; None where it names none or several ('The film showed Ann Lee's
    rows. She ...': Lee, not a subject of an older sentence)."""
    facts = doc_facts(index.doc)
    start = facts.sent(index.doc[token_index]).start
    if start == 0:
        return None
    before = facts.sent(index.doc[start - 1])
    told = [t for t in before if not facts.inside_quotes(t)]
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS for t in told):
        return None  # 'She and Ivo Brandt founded it. She ...': the pronoun carries the older subject on
    named = {id(e): e for e in (_known_person(index, t) for t in told) if e is not None and e in pool}
    return (next(iter(named.values())), before.start) if len(named) == 1 else None


def _known_person(index: EntityIndex, token: Token) -> Entity | None:
    """The entity a name's word stands for: NER's, else a known person's ('Mr Lund' untagged)."""
    if token.i in index.by_token:
        return index.by_token[token.i]
    if token.pos_ != "PROPN" or token.lower_ in HONORIFICS:
        return None
    doc, start, end = index.doc, token.i, token.i + 1
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ + doc[start - 1].whitespace_:
        start -= 2  # 'Kilroy-Silk' is one surname, tokenised in three
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ + doc[end].whitespace_:
        end += 2
    return index.match(doc[start:end].text, "person")


def study_just_before(token: Token) -> Token | None:
    """'The research was carried out by Tarn and Vell. It also found ...': a study that is the main subject
    of the sentence before is what an 'it' subject stands for (English: a pronoun subject carries the
    subject before it on), so its authors speak (bbc-train-gold 5-fold CV 573 -> 574 of 631, pronoun
    135 -> 136)."""
    facts = doc_facts(token.doc)
    start = facts.sent(token).start
    if start == 0 or token.dep_ != "nsubj":
        return None
    before = facts.sent(token.doc[start - 1])
    subjects = [t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")]
    return next((t for t in subjects if t.lemma_.lower() in STUDY_NOUNS and t.tag_ == "NN"), None)


def speaker_of_sentence(index: Resolver, draft: DraftQuote, spoken: list[Entity]) -> Entity | None:
    """A quoted word with no cue ('On the show's "fuzziness", Connor commented: ...') belongs to
    the speaker of the sentence it stands in."""
    doc = index.doc
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None:
        return None
    for token in doc_facts(doc).sent(span[0]):
        if token.dep_ in ("nsubj", "nsubjpass") and not draft.covers(token.idx):
            # Only a known person or body, or a pronoun: 'The $499 Macintosh' says nothing.
            if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":
                token = token.head.head  # 'comedian Ola Lund, who called the shows "idiotic"': Lund
            # A personal pronoun only: 'This echoed ...' is no one.
            entity = index.by_token.get(token.i) or (index.resolve(token, spoken) if token.tag_ == "PRP" else None)
            if entity is not None and not entity.anonymous:
                return entity
    return None


def named_in_own_report(index: EntityIndex, token: Token) -> frozenset[int]:
    """The `id`s of the entities named inside what a source mention reports, in the clause its verb governs
    ('the chancellor said Mr Lund was never there'): English grammar (binding, principle C) keeps a name
    that a pronoun or a description c-commands from meaning the same one, so none of them is who 'the
    chancellor' or 'he' is (for people: a body's statement names the body: 'plans by Acme to ...'). Not a
    name outside that clause that a content drafted too long takes in, nor a
    name in the narration before a quotation that the parser ran into its sentence (a full stop missing), nor
    a name in a report put before its source ("Ann Lee's new film is a hit, the director said"), where English
    lets the description refer back to the name."""
    drafts = [draft for draft in index.quoted if draft.source_token == token.i]
    own = {t.i for t in token.subtree}
    governed = {t.i for t in token.head.subtree} - own if token.head.i != token.i else set()
    facts = doc_facts(index.doc)
    return frozenset(
        id(entity)
        for i, entity in index.by_token.items()
        if i in governed
        and i > token.i
        and any(draft.covers(index.doc[i].idx) for draft in drafts)
        and (facts.inside_quotes(index.doc[i]) or not _has_quote_mark_between(index.doc[i], token))
    )


# Verbs and nouns of telling whose object or 'to', 'with', 'in', 'on' phrase names who hears or carries
# someone's words ('told the Daily Courier', 'said on Radio Dale', 'in an interview with the Courier').
_TELLING = frozenset(("tell", "say", "speak", "talk", "write", "quote", "interview", "comment"))
_TO_HEARER = frozenset(("to", "with", "in", "on"))


def is_hearer(token: Token) -> bool:
    """Is a name's word inside who hears or carries the words of a report ('told [Radio Dale]'s Today
    programme', 'quoted in [the Daily Courier]', 'speaking to [Reuters]'): English grammar, the object of a
    verb of telling is the one told, not the one who tells."""
    link = token
    while link.dep_ in ("compound", "poss", "nmod", "nummod", "case", "appos", "amod") and link.head.i != link.i:
        link = link.head
    governor = link.head
    if link.dep_ == "pobj" and governor.lower_ in _TO_HEARER:
        link, governor = governor, governor.head
    if link.dep_ in ("dobj", "dative") and governor.lemma_.lower() in ("tell", "quote", "interview"):
        return True
    return link.dep_ == "prep" and link.lower_ in _TO_HEARER and governor.lemma_.lower() in _TELLING


def only_heard(index: EntityIndex, entity: Entity, before: int) -> bool:
    """Is every word of the entity's names before token `before` inside who hears a report: a news outlet
    told something, never the body a spokesperson or 'the company' speaks for ('X told Radio Dale. A
    spokesman said')?"""
    words = [i for i, e in index.by_token.items() if e is entity and i < before]
    return bool(words) and all(is_hearer(index.doc[i]) for i in words)


def plural_subject_before(index: EntityIndex, token: Token) -> Token | None:
    """'The two firms did not say if they ...', 'The makers want it, they say': a 'they' subject carries on
    the plural noun that is the main subject of its own sentence (where 'they' is not) or of the one before
    (English: a pronoun subject carries the subject before it on), not a body named elsewhere; never the
    subject of what 'they' report ('Tarn officials were lying, they said')."""
    if token.lower_ != "they" or token.dep_ != "nsubj":
        return None
    reported = [draft for draft in index.quoted if draft.source_token == token.i]
    facts = doc_facts(token.doc)
    sent = facts.sent(token)
    sentences = [sent] if token.head.i != sent.root.i else []
    if sent.start > 0:
        sentences.append(facts.sent(token.doc[sent.start - 1]))
    for candidate in sentences:
        subjects = [t for t in candidate.root.children if t.dep_ == "nsubj" and t.i != token.i]
        if subjects and subjects[0].tag_ == "NNS" and not facts.inside_quotes(subjects[0]):
            return None if any(draft.covers(subjects[0].idx) for draft in reported) else subjects[0]
        if subjects:
            return None  # the subject before is not a plural noun: leave 'they' to the other rules
    return None


# 'the former', 'the latter' as a noun phrase of their own: the first or the second of the two things just named
# (English grammar), by their place among the two entities named last.
PAIR_WORDS = {"former": 0, "latter": 1}


def pair_member(index: EntityIndex, token: Token) -> Entity | None:
    """The entity 'the former' or 'the latter' stands for: of the two named last before it, the first or the
    second ('Tarnco and Vellbank bid. The latter said ...': Vellbank); None where fewer than two are named."""
    if token.i == 0 or token.doc[token.i - 1].lower_ != "the":
        return None
    text = doc_facts(token.doc).text

    def named_at(entity: Entity) -> int:
        """Start of its latest mention before the token that names it (an earlier 'the former' does not)."""
        starts = (start for start, end in entity.mentions if start < token.idx and not _is_pair(text[start:end]))
        return max(starts, default=-1)

    named = [e for e in index.entities if not e.anonymous and named_at(e) >= 0]
    pair = sorted(named, key=named_at)[-2:]
    return pair[PAIR_WORDS[token.lower_]] if len(pair) == 2 else None


def _is_pair(mention: str) -> bool:
    return mention.lower().endswith(tuple(PAIR_WORDS))


def colon_introducer(doc: Doc, draft: DraftQuote) -> Token | None:
    """The mention a colon right before a quotation with no cue introduces it by: 'Mr Lund is confident:
    "..."', 'Said coach Ann Lee: "..."', 'Harbour chief Ann Lee: "..."'. English punctuation: a colon
    that closes the narration before a quotation hands the words to that narration's subject, or, where
    the narration has no verb, to the name the colon follows. None where no colon stands there or the
    narration has neither."""
    if draft.type != "direct" or draft.cue is not None or draft.sources:
        return None
    before = doc_facts(doc).text[: draft.start].rstrip()
    if not before.endswith(":"):
        return None
    colon = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if colon is None or colon[0].i == 0 or colon[0].text != ":":
        return None
    end = colon[0].i
    start = next((t.i + 1 for t in reversed(doc[:end]) if t.is_quote or t.text in _SENTENCE_ENDS), 0)
    if start >= end:
        return None
    top = doc[end - 1]
    while True:
        # the nearest verb of saying the colon closes ('..., with Ann Lee telling MPs:'), else the top of the
        # narration ('Lee said the crew had been sad to see him go:'), never a verb of the quotations around it
        subjects = [t for t in top.children if t.dep_ in ("nsubj", "nsubjpass") and start <= t.i]
        if subjects and top.lemma_.lower() in SAYING_VERBS:
            return subjects[0]
        if top.head.i == top.i or not start <= top.head.i < end:
            break
        top = top.head
    if top.pos_ in ("VERB", "AUX"):
        return subjects[0] if subjects else None
    return top if top.pos_ in ("PROPN", "NOUN") else None


def speaker_without_source(
    index: Resolver, draft: DraftQuote, speakers: list[Entity | None], spoken: list[Entity]
) -> Entity | None:
    """The speaker of a quote with no source mention: the one a colon before it introduces, else the
    quote before's for a continuation, the one interviewed for an answer, the sentence's for a partial."""
    introducer = colon_introducer(index.doc, draft)
    introduced = index.resolve(introducer, spoken) if introducer is not None else None
    if introduced is not None and not introduced.anonymous:
        return introduced
    if draft.inherits and speakers:
        return speakers[-1]
    if draft.answers:
        return interviewee(index.entities)
    return speaker_of_sentence(index, draft, spoken) if draft.type == "partial" else None
