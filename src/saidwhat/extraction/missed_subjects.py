"""Stage 4b, a part of finding a source: the subject a parser missed, the name or noun phrase right before a
verb that it left without one."""

from __future__ import annotations

from spacy.tokens import Token

from .docfacts import doc_facts
from .lexicon import SPEAKER_PRONOUNS

# The tags of a finite verb (past, present with or without -s): a verb with a tense of its own.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# How a name before an appositive hangs above its last word ('Paul Anders, the head of the League,').
_APPOSITIVE_CLIMB_DEPS = frozenset({"pobj", "prep", "appos"})


def subject_the_parse_missed(verb: Token) -> Token | None:
    """The name, pronoun or determined noun phrase right before a finite verb ('has said' too) left without
    a subject: the parser made 'Lund' the object in 'a meeting with the Daily Courier Lund said', 'Okafor' a
    conjunct of 'war' in '..., Reyes and Okafor call them', 'Paul J. Anders, who runs the National Harbour
    League, firmly told' a conjunct of the place before it, and 'designers' in '..., the chip's designers
    have said' an appositive of the name before it (on bbc-train-gold and PolNeAR train, the noun phrase and
    'has said' give two more sources, both right: speaker CV 571 -> 572 of 631 with the repeated plural noun
    of joints.py)."""
    if not _is_finite(verb) or verb.dep_ not in ("ROOT", "conj"):
        return None
    doc = verb.doc
    before = (
        min([verb, *(child for child in verb.lefts if child.dep_ in ("aux", "neg", "advmod"))], key=lambda t: t.i).i - 1
    )
    if before < 0:
        return None
    facts = doc_facts(doc)
    candidate = doc[before]
    if facts.inside_quotes(candidate) and not facts.inside_quotes(verb):
        # '"...," read the statement': the inverted subject parsed as an object
        objects = [child for child in verb.rights if child.dep_ == "dobj"]
        return objects[0] if objects else None
    if candidate.text == "," and before > 0:
        candidate = doc[before - 1]
        # Up from 'League' to 'Anders', but not into a quote before the name ('...," Brenn, a close
        # ally, said': the parser made Brenn an appositive of the quote's last word).
        while candidate.dep_ in _APPOSITIVE_CLIMB_DEPS and candidate.head.i < candidate.i:
            if facts.inside_quotes(candidate.head):
                break
            candidate = candidate.head
    nominal = candidate.pos_ == "PROPN" or candidate.lower_ in SPEAKER_PRONOUNS or _is_misattached_noun(candidate)
    if not nominal or candidate.ent_type_ in ("DATE", "TIME", "CARDINAL") or facts.inside_quotes(candidate):
        return None
    return candidate


def _is_finite(verb: Token) -> bool:
    """'said', 'says', and 'has said' (a participle after a finite auxiliary)."""
    if verb.tag_ in FINITE_VERB_TAGS:
        return True
    return verb.tag_ == "VBN" and any(
        child.dep_ == "aux" and child.tag_ in FINITE_VERB_TAGS and child.lemma_ == "have" for child in verb.children
    )


def _is_misattached_noun(token: Token) -> bool:
    """'..., which uses Cell, the chip's designers have said': a determined noun phrase that the parser
    hung on the noun before it (as an appositive or a conjunct) while the verb after it has no subject."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ in ("appos", "conj")
        and any(child.dep_ in ("det", "poss") for child in token.children)
    )
