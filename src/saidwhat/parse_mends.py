"""Mend the parse where English grammar rules out what the tagger said, before anything reads it.

A modal verb takes a bare infinitive ('may say'), never a past tense: in 'May said the band would play',
'May' is the subject, a name (Brian May, Theresa May), which the tagger took for the modal because a
sentence's capital letter hides the difference.

A participle of saying set off by a comma or a dash at the end of a clause ('Unions criticised the move -
which may cut jobs - saying it was wrong') is said by the subject of the clause it closes, the main one; the
parser hangs it from the nearest verb, even one inside a relative clause or a clause that completes a noun
('rejected the claim that he had been sidelined, saying ...'). On PolNeAR train's 840 texts the parser
does so 3 times, each time the main clause's subject the one who speaks.

'Say' takes a clause or an object, not both: where the parser gives it a noun for object and then a
finite clause with no subject ('said [the new rule], as drafted, would fail'), the noun is the clause's
subject. On PolNeAR train's 840 texts this mends 7 parses, each (read by hand) a subject split off its clause;
a pronoun object ('say it in ...', 'says something about ...') is left alone.

News names a person by age ('the 31-year-old'); where a verb of saying follows it, the parser may read the
verb as a second modifier of the noun after it ('[The 31-year-old admitted interest] in the tour was
immense'): an age adjective with an article is the whole noun phrase, so the verb is the clause's, the
age its subject and the clause the noun opened what it reports.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from .extraction.lexicon import SPEECH_VERBS
from .extraction.tags import TENSED_TAGS

_PAST_TENSE = "VBD"
# Clauses that describe a noun: a participle hung from their verb belongs to the clause above the noun.
_NOUN_CLAUSES = frozenset({"relcl", "acl"})
_SETTING_OFF = frozenset({",", "-", "–", "—"})
_SAY_FORMS = frozenset({"say", "says", "said", "saying"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_AGE_WORDS = ("year", "-", "old")  # the end of '31-year-old' as the tokenizer splits it


def _ing_forms(lemma: str) -> set[str]:
    """The '-ing' forms English spelling may give a verb: 'saying', 'arguing', 'admitting' (the mends run
    before the lemmatizer, so a participle is known by its form)."""
    stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    return {stem + "ing", lemma + lemma[-1] + "ing"} if lemma[-1] not in "aeiouwy" else {stem + "ing"}


_SAYING_PARTICIPLES = frozenset(form for lemma in SPEECH_VERBS for form in _ing_forms(lemma))


def _past_forms(lemma: str) -> set[str]:
    """The regular past forms English spelling may give a verb: 'claimed', 'admitted', 'denied', 'revealed'."""
    if lemma.endswith("e"):
        return {lemma + "d"}
    if lemma.endswith("y") and lemma[-2:-1] not in tuple("aeiou"):
        return {lemma[:-1] + "ied"}
    return {lemma + "ed", lemma + lemma[-1] + "ed"}


_SAID_FORMS = frozenset(form for lemma in SPEECH_VERBS for form in _past_forms(lemma)) | {"said", "told"}


def _is_name_read_as_modal(token: Token) -> bool:
    head = token.head
    return (
        token.tag_ == "MD"
        and token.text[:1].isupper()
        and head.tag_ == _PAST_TENSE
        and head.i > token.i
        and not any(child.dep_ in ("nsubj", "nsubjpass") and child != token for child in head.children)
    )


def _clause_a_participle_closes(token: Token) -> Token | None:
    """The verb of the clause above the noun clause a set-off participle of saying was hung from, if it was."""
    head = token.head
    if not (
        token.tag_ == "VBG"
        and token.dep_ == "advcl"
        and token.lower_ in _SAYING_PARTICIPLES
        and token.i > 0
        and token.doc[token.i - 1].text in _SETTING_OFF
        and head.dep_ in _NOUN_CLAUSES
        and head.i < token.i
    ):
        return None
    above = head.head
    while not _is_verb(above) and above.head.i != above.i:
        above = above.head
    return above if _is_verb(above) and above.dep_ not in _NOUN_CLAUSES else None


def _is_verb(token: Token) -> bool:
    # the mends run before the attribute ruler sets `pos_`: the tag tells
    return token.tag_.startswith("VB") or token.tag_ == "MD"


def _subject_read_as_object(token: Token) -> tuple[Token, Token] | None:
    """The noun a form of 'say' was given as its object, and the clause after it that lacks a subject, where
    the parser split 'said [the plan], as drafted, would fail' so; 'say' takes no object beside a clause."""
    if token.lower_ not in _SAY_FORMS or not _is_verb(token):
        return None
    objects = [child for child in token.rights if child.dep_ == "dobj" and child.tag_.startswith("NN")]
    clauses = [child for child in token.rights if child.dep_ == "ccomp"]
    if not objects or not clauses or clauses[0].i < objects[0].i:
        return None
    clause = clauses[0]
    if any(child.dep_ in _SUBJECT_DEPS for child in clause.children) or not _is_finite(clause):
        return None
    return objects[0], clause


def _age_read_as_modifier(token: Token) -> tuple[Token, Token, Token] | None:
    """(age adjective, clause, article) where a past verb of saying right after 'the 31-year-old' was read as a
    modifier of the noun that is the subject of the clause after it ('The 31-year-old admitted [interest] ...
    [was] immense')."""
    doc = token.doc
    if token.lower_ not in _SAID_FORMS or token.dep_ != "amod" or token.i < 4:
        return None
    age, noun = doc[token.i - 1], token.head
    if tuple(t.lower_ for t in doc[token.i - 3 : token.i]) != _AGE_WORDS or age.head != noun or noun.i < token.i:
        return None
    clause = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or not _is_verb(clause) or clause.i < noun.i:
        return None
    article = [child for child in noun.lefts if child.dep_ == "det" and child.i < age.i]
    return (age, clause, article[0]) if article and article[0].lower_ == "the" else None


def _make_age_the_subject(verb: Token, age: Token, clause: Token, article: Token) -> None:
    verb.tag_ = _PAST_TENSE
    if clause.head.i == clause.i:
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = clause.head, clause.dep_
    clause.head, clause.dep_ = verb, "ccomp"
    age.head, age.dep_ = verb, "nsubj"
    article.head = age


def _is_finite(verb: Token) -> bool:
    return verb.tag_ in TENSED_TAGS or any(child.tag_ in TENSED_TAGS for child in verb.lefts if child.dep_ == "aux")


def mend_parse(doc: Doc) -> Doc:
    """Make a capitalised 'modal' before a past tense the verb's subject, a proper noun; hang a set-off
    participle of saying from the clause it closes; make the object 'say' was given the subject of its clause;
    make 'the 31-year-old' the subject of the verb of saying read as a modifier after it."""
    for token in doc:
        if _is_name_read_as_modal(token):
            token.tag_, token.pos_, token.dep_ = "NNP", "PROPN", "nsubj"
    for token in doc:
        verb = _clause_a_participle_closes(token)
        if verb is not None:
            token.head = verb
        split = _subject_read_as_object(token)
        if split is not None:
            noun, clause = split
            noun.head = clause
            noun.dep_ = "nsubjpass" if any(child.dep_ == "auxpass" for child in clause.children) else "nsubj"
    for token in doc:
        aged = _age_read_as_modifier(token)
        if aged is not None:
            _make_age_the_subject(token, *aged)
    return doc


@Language.component("saidwhat_parse_mends")
def parse_mends_component(doc: Doc) -> Doc:
    return mend_parse(doc)
