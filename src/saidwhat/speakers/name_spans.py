"""Where the words of a name start in the text: the proper nouns before the one NER saw, the capitalised
modifiers that belong to a name, and a nationality standing for one person."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..extraction.lexicon import HONORIFICS, INSTITUTION_NOUNS, ORGANISATION_NOUNS

# The nouns that head a body's name ('... Life Project', '... Data Institute'): the organisation and
# institution nouns, and the heads of bodies' names in English naming that neither list holds.
BODY_HEADS = (
    ORGANISATION_NOUNS
    | INSTITUTION_NOUNS
    | frozenset({"project", "centre", "center", "trust", "society", "fund", "foundation", "forum", "office", "service"})
)


# The lower-case particles inside people's names from Dutch, German, French, Spanish, Portuguese and Italian
# ('Van den Brul', 'van der Vaart', 'de la Fuente'): English usage keeps them in the name.
NAME_PARTICLES = frozenset(
    {"van", "von", "den", "der", "de", "du", "da", "di", "la", "le", "del", "della", "dos", "ter"}
)

# Marks that join the parts of one name with no space either side ('F-Secure', 'AT&T'). English naming.
_NAME_JOINERS = frozenset({"-", "–", "&", "/"})


def proper_name_chain(token: Token) -> Span:
    """The run of proper nouns that ends at `token`: 'Ravi Dastidar' when NER saw only 'Dastidar', 'F-Secure'
    when the tagger cut the name at its hyphen."""
    doc, start = token.doc, token.i
    while start > 0:
        before = doc[start - 1]
        if _is_name_word(before) and before.dep_ == "compound":
            start -= 1
        elif start > 1 and _joins(before) and _is_name_word(doc[start - 2]):
            start -= 2
        else:
            break
    return doc[start : token.i + 1]


def _joins(mark: Token) -> bool:
    """A mark inside one word of a name: no space before or after it."""
    return mark.text in _NAME_JOINERS and not mark.whitespace_ and not mark.doc[mark.i - 1].whitespace_


def _is_name_word(token: Token) -> bool:
    """A proper noun, or an acronym the tagger took for a common noun ('PC' of 'PC Pro')."""
    return token.pos_ == "PROPN" or (token.is_upper and token.is_alpha and len(token) > 1)


def is_nationality_noun(token: Token, start: int) -> bool:
    """'the American', 'the Frenchman': one person described by the nationality the NER tags NORP, after
    'the' at token `start` (English grammar: a name takes no article, a singular nationality noun is one person)."""
    return (
        token.ent_type_ == "NORP" and token.tag_ == "NNP" and 0 <= start < token.i and token.doc[start].lower_ == "the"
    )


def with_capitalised_modifiers(ent: Span) -> Span:
    """'the Liberal Democrats' where NER saw only 'Democrats': capitalised words that modify the name
    and stand right before it belong to it (not a sentence's first word, which is capitalised anyway)."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        token = doc[start - 1]
        inside = start <= token.head.i < ent.end  # 'UK Harbour Party' of 'Party' too, through 'Harbour'
        capitalised = token.is_title or (token.is_upper and token.is_alpha and len(token) > 1)
        if not (inside and capitalised and token.pos_ in ("PROPN", "ADJ") and token.dep_ in ("compound", "amod")):
            break
        if token.is_sent_start or token.lower_.rstrip(".") in HONORIFICS:
            break  # 'Mr Quill' tagged ORG stays a person's mention after the honorific
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label)


def name_spans(doc: Doc) -> list[Span]:
    """The entities NER found, a list NER took for one name cut into its names (`_list_parts`), a body's
    name ending in its noun (`_with_noun_after_adjective`), and joined
    back where NER cut it at an 'and' inside it:
    'the Pew Internet and American Life Project' where NER saw 'American Life Project' (or 'Pew
    Internet and' and 'American Life Project'). Capitalised words and 'and' before a body's name that
    ends in the noun of a body name one body (English naming: 'and' between the capitalised words of one
    name joins its parts, not two bodies); a body NER named on its own before the 'and' stays apart
    ('Acme and the Data Institute', 'Acme and Data Institute')."""
    ents = sorted([part for ent in doc.ents for part in _list_parts(ent)] + _untagged_acronyms(doc))
    spans: list[Span] = []
    for ent in ents:
        if spans and ent.start < spans[-1].end:
            continue  # taken into the name before it ('Vaart' of 'Rafael van der Vaart')
        ent = _with_noun_after_adjective(_with_particle_and_surname(ent))
        start = _joined_start(doc, ent)
        if start is None:
            spans.append(ent)
            continue
        if spans and spans[-1].end > start:
            spans.pop()  # 'Pew Internet and' tagged on its own: part of this name
        spans.append(Span(doc, start, ent.end, label=ent.label))
    return spans


def _with_particle_and_surname(ent: Span) -> Span:
    """'Rafael van der' where NER cut the name before its surname: a person's name does not end in a
    particle, so the particles and the capitalised word after them belong to it."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].lower_ in NAME_PARTICLES and doc[end].is_lower:
        end += 1
    first = end
    while first > ent.start and doc[first - 1].lower_ in NAME_PARTICLES and doc[first - 1].is_lower:
        first -= 1
    if ent.label_ != "PERSON" or first == end or end >= len(doc) or not doc[end].is_title:
        return ent
    return Span(doc, ent.start, end + 1, label=ent.label)


def _untagged_acronyms(doc: Doc) -> list[Span]:
    """'The IFPI industry body said' where NER saw no name: an acronym that modifies the noun of a body
    names that body (English grammar: the compound's modifier says which body the noun means)."""
    return [
        Span(doc, token.i, token.i + 1, label="ORG")
        for token in doc
        if not token.ent_type_
        and token.is_upper
        and token.is_alpha
        and len(token) > 1
        and token.pos_ == "PROPN"
        and token.dep_ == "compound"
        and token.head.is_lower
        and token.head.lemma_ in BODY_HEADS
    ]


def _list_parts(ent: Span) -> list[Span]:
    """'Tarnco, Vellbank' tagged as one name: a comma before a word the parser coordinates with one before
    it separates the names of a list (English grammar), each a name of its own."""
    for token in ent[1:-1]:
        after = ent.doc[token.i + 1]
        if token.text == "," and after.dep_ == "conj" and ent.start <= after.head.i < token.i:
            first = Span(ent.doc, ent.start, token.i, label=ent.label)
            return [first, *_list_parts(Span(ent.doc, token.i + 1, ent.end, label=ent.label))]
    return [ent]


def _with_noun_after_adjective(ent: Span) -> Span:
    """'the Association of British insurers' where NER stopped at 'British': a body's name ends in a noun,
    not in the adjective that modifies the noun after it (English grammar), so that noun, though written
    in lower case, ends the name."""
    doc, last = ent.doc, ent[-1]
    if ent.label_ != "ORG" or last.pos_ != "ADJ" or last.dep_ != "amod" or ent.end >= len(doc):
        return ent
    noun = doc[ent.end]
    if last.head.i != noun.i or noun.pos_ != "NOUN" or not noun.is_lower or not last.whitespace_:
        return ent
    return Span(doc, ent.start, ent.end + 1, label=ent.label)


def _joined_start(doc: Doc, ent: Span) -> int | None:
    """Where the name starts when capitalised words and 'and' before a body's name belong to it."""
    last = ent[-1]
    if ent.label_ != "ORG" or ent.start < 2 or not last.is_title or last.lower_ not in BODY_HEADS:
        return None
    joint = doc[ent.start - 1]
    if joint.lower_ != "and" or joint.is_sent_start:
        return None
    start = ent.start - 1
    while start > 0 and _is_inner_name_word(doc[start - 1]):
        start -= 1
        if doc[start].is_sent_start:
            break
    if start == ent.start - 1:
        return None
    before = [e for e in doc.ents if e.start < ent.start - 1 and e.end > start]
    if any(e.end <= ent.start - 1 for e in before):
        return None  # 'Acme and Data Institute': NER named the first body on its own
    return start


def _is_inner_name_word(token: Token) -> bool:
    """A capitalised word inside a name, not the first word of its sentence nor a possessive's owner."""
    return (
        token.is_title
        and token.is_alpha
        and token.pos_ in ("PROPN", "ADJ", "NOUN")
        and token.dep_ != "poss"
        and (token.pos_ == "PROPN" or not token.is_sent_start)
    )


def name_after_description(ent: Span) -> tuple[Span, Token] | None:
    """'Barcelona star Ronaldinho', 'Dale Council chairman Ann Lee' tagged as one body: a common noun
    written in lower case inside the span, before the proper nouns that end it and modifying them,
    describes the name after it (English grammar: the last noun of a compound is its head, and a name's
    words are capitalised). The name, and the describing noun."""
    for token in reversed(ent[1:-1] if len(ent) > 2 else ent[1:1]):
        if token.is_lower and token.pos_ == "NOUN" and token.dep_ == "compound":
            after = ent.doc[token.i + 1 : ent.end]
            if all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in after) and after.start <= token.head.i < ent.end:
                return after, token
            return None
    return None
