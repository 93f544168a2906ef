"""Stage 4b, a part of finding a source: the subject a parser missed, the name or noun phrase right before a
verb that it left without one."""

from __future__ import annotations

from spacy.tokens import Token

from .docfacts import doc_facts
from .lexicon import FULL_STOPS, SPEAKER_PRONOUNS
from .tags import FINITE_VERB_TAGS

# How a name before an appositive hangs above its last word ('Paul Anders, the head of the League,').
_APPOSITIVE_CLIMB_DEPS = frozenset({"pobj", "prep", "appos"})
# The tokens of double marks that close a quote, then with the single ones, which also close a quote right
# before an inverted cue ('"No," replied Ames', "'No,' replied Ames").
DOUBLE_QUOTE_CLOSERS = frozenset({'"', "”", "''", "»"})
QUOTE_CLOSERS = DOUBLE_QUOTE_CLOSERS | {"’", "'"}
# An inverted name after a quote ('..., said Ana Ruiz Vidal.') is a few words long.
_MAX_INVERTED_NAME_TOKENS = 4
# How a word that modifies a noun hangs from it.
_MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod", "det", "npadvmod"})


def subject_the_parse_missed(verb: Token) -> Token | None:
    """The name, pronoun or determined noun phrase right before a finite verb ('has said' too) left without
    a subject: the parser made 'Lund' the object in 'a meeting with the Daily Courier Lund said', 'Okafor' a
    conjunct of 'war' in '..., Reyes and Okafor call them', 'Paul J. Anders, who runs the National Harbour
    League, firmly told' a conjunct of the place before it, and 'designers' in '..., the chip's designers
    have said' an appositive of the name before it (on bbc-train-gold and PolNeAR train, the noun phrase and
    'has said' give two more sources, both right: speaker CV 571 -> 572 of 631 with the repeated plural noun
    of joints.py)."""
    if not (_is_finite(verb) and verb.dep_ in ("ROOT", "conj")) and not _is_misparsed_modifier(verb):
        return None
    doc = verb.doc
    before = _word_before_verb_group(verb)
    if before is None:
        return None
    facts = doc_facts(doc)
    candidate = before
    if facts.inside_quotes(candidate) and not facts.inside_quotes(verb):
        # '"...," read the statement': the inverted subject parsed as an object
        objects = [child for child in verb.rights if child.dep_ == "dobj"]
        return objects[0] if objects else None
    if is_dash(candidate):
        # 'Ames - two years older than his rival - admitted': the name before a pair of dashes
        candidate = _before_opening_dash(candidate) or candidate
    elif candidate.text == "," and before.i > 0:
        candidate = doc[before.i - 1]
        # Up from 'League' to 'Anders', but not into a quote before the name ('...," Brenn, a close
        # ally, said': the parser made Brenn an appositive of the quote's last word).
        while candidate.dep_ in _APPOSITIVE_CLIMB_DEPS and candidate.head.i < candidate.i:
            if facts.inside_quotes(candidate.head) or _is_named_appositive(candidate):
                break
            candidate = candidate.head
    if nominal_adjective_article(candidate) is not None and not facts.inside_quotes(candidate):
        return candidate  # an age is no date here: '[The 31-year-old] insisted'
    nominal = candidate.pos_ == "PROPN" or candidate.lower_ in SPEAKER_PRONOUNS or _is_misattached_noun(candidate)
    if not nominal or candidate.ent_type_ in ("DATE", "TIME", "CARDINAL") or facts.inside_quotes(candidate):
        return None
    if verb.dep_ == "amod" and candidate.dep_ in _MODIFIER_DEPS:
        return None  # 'a Tarn appointed judge': the name modifies the noun as the participle does
    return candidate


def nominal_adjective_article(token: Token) -> Token | None:
    """The article of an adjective that stands for a noun ('[The] 31-year-old insisted'), where the parser hung
    both on the verb after them: an article before an adjective with no noun after it makes a noun phrase
    (English grammar: 'the accused', 'the 31-year-old')."""
    if token.pos_ != "ADJ" or token.dep_ != "amod" or token.head.i != token.i + 1 or token.left_edge.i == 0:
        return None
    article = token.doc[token.left_edge.i - 1]
    return article if article.dep_ == "det" and article.head.i == token.head.i else None


def _is_named_appositive(token: Token) -> bool:
    """'In reply to the plan, [Ian Wyn Jones], leader of the group, said': a person's name that the parser
    made an appositive of a noun before it is the one the description after it describes; the climb
    stops there."""
    return token.dep_ == "appos" and token.pos_ == "PROPN" and token.ent_type_ == "PERSON"


def is_dash(token: Token) -> bool:
    """A dash between words: '--', an em or en dash, or a hyphen with space around it (not the one inside
    'Jean-Pierre', which spaCy splits off)."""
    if token.text in ("--", "—", "―", "–"):
        return True
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(token.nbor(-1).whitespace_)


def _before_opening_dash(closing: Token) -> Token | None:
    """The word before the dash that opens the aside a dash closes, in the same sentence."""
    sentence = doc_facts(closing.doc).sent(closing)
    for i in range(closing.i - 1, sentence.start, -1):
        if is_dash(closing.doc[i]):
            return closing.doc[i - 1]
    return None


def _is_misparsed_modifier(verb: Token) -> bool:
    """A verb the parser made a modifier of a noun though it is the clause's own: a past tense is never one
    ('Ames endorsed the plan', 'endorsed' an adjective of 'plan'), and a participle is not one before a
    noun that stands after a name ('Ames repeated claims that ...')."""
    return verb.dep_ in ("amod", "acl") and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ == "amod"))


def _is_finite(verb: Token) -> bool:
    """'said', 'says', and 'has said' (a participle after a finite auxiliary)."""
    if verb.tag_ in FINITE_VERB_TAGS:
        return True
    return verb.tag_ == "VBN" and any(
        child.dep_ == "aux" and child.tag_ in FINITE_VERB_TAGS and child.lemma_ == "have" for child in verb.children
    )


def _word_before_verb_group(verb: Token) -> Token | None:
    """The word before a verb with the auxiliaries, negation and adverbs right before it ('has not yet said');
    not an adverb that opens the clause further back ('A day earlier, Ames - keen to please - had said')."""
    doc = verb.doc
    first = verb.i
    while first > 0 and doc[first - 1].head.i == verb.i and doc[first - 1].dep_ in ("aux", "neg", "advmod"):
        first -= 1
    return doc[first - 1] if first > 0 else None


def _is_misattached_noun(token: Token) -> bool:
    """'..., which uses Cell, the chip's designers have said': a determined noun phrase that the parser
    hung on the noun before it (as an appositive or a conjunct) while the verb after it has no subject."""
    return (
        token.pos_ == "NOUN"
        and token.dep_ in ("appos", "conj")
        and any(child.dep_ in ("det", "poss") for child in token.children)
    )


def follows_comma(verb: Token) -> bool:
    """Does a comma stand right before the verb, or before the closing marks of a quote right before it?"""
    before = verb.i - 1
    while before >= 0 and verb.doc[before].text in QUOTE_CLOSERS:
        before -= 1
    return before >= 0 and verb.doc[before].text == ","


def object_ending_sentence(verb: Token, *, after_quote: bool) -> Token | None:
    """The noun object of a verb that, with its words, is all that is left of the sentence after the verb;
    after a quote, up to a full stop (the parser may run the next sentence on after a quote's cue)."""
    doc = verb.doc
    objects = [child for child in verb.rights if child.dep_ == "dobj" and child.pos_ in ("NOUN", "PROPN")]
    if len(objects) != 1 or objects[0].left_edge.i != verb.i + 1:
        return None
    end = objects[0].right_edge.i + 1
    sentence_end = doc_facts(doc).sent(verb).end
    while end < sentence_end and (doc[end].is_space or (doc[end].is_punct and not after_quote)):
        end += 1
    if end == sentence_end:
        return objects[0]
    return objects[0] if after_quote and doc[end].text in FULL_STOPS else None


def inverted_name_after(verb: Token) -> Token | None:
    """'"...," admitted Keely.', '"...," said Ola Dorrow, a farmer from Tarn, told ...', with the name parsed as
    an adverb or as the subject of the words after it: after a quote, a few capitalised words between the verb
    and a full stop or a comma name the one who speaks (English: an inverted attribution). Not after a comma
    of narration ('Instead, said Mr Dorrow, the locks ...'): the content there is cut elsewhere, and on unseen
    news two of five such quotes were lost with it."""
    doc = verb.doc
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= _MAX_INVERTED_NAME_TOKENS and doc[end].is_alpha and doc[end].is_title:
        end += 1
    if end == verb.i + 1 or end >= len(doc) or doc[end].text not in (*FULL_STOPS, ","):
        return None
    name = doc[end - 1]
    return None if name.ent_type_ in ("DATE", "TIME") else name
