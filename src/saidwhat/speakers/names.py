"""Canonical names: the words of a mention that name someone, and when two spellings are one name."""

from __future__ import annotations

import html
import re

from spacy.tokens import Doc, Span, Token

from ..extraction.docfacts import doc_text
from ..extraction.lexicon import HONORIFICS, PEER_TITLES, ROLE_WORDS, TITLE_WORDS
from ..learn.casing import news_lowercase_words
from ..learn.names import LABELS
from ..names_component import load_name_model
from .name_spans import NAME_PARTICLES

_POSSESSIVE = ("'s", "’s")
# Letters written after a name for an office or an honour (English usage): never part of the name.
POSTNOMINALS = frozenset({"MP", "MEP", "MSP", "AM", "QC", "KC", "OBE", "MBE", "CBE", "KBE"})
# Marks that hold a name together when nothing separates them from the letters on either side:
# 'T-Mobile', 'M&S', "O'Hara", 'Nielsen//NetRatings', 'Yahoo!'.
_JOINERS = frozenset({"-", "–", "&", "'", "’", "/", "//", "."})
# A word written with HTML character references just before a name ('Jos&#233; Manuel'): NER often
# leaves it out because the tokenizer cuts it into pieces.
_ENTITY_WORD_BEFORE = re.compile(r"(?<![\w&#;])([A-Z][A-Za-z]*(?:&#?\w+;[A-Za-z]*)+)\s+$")
_SMALL_WORDS = frozenset({"of", "and", "for", "the", "&", "de", "du", "la", "le", "von", "van", "der"})
# A model number after a maker's name ('Vektor X200', 'Vektor X200s', 'Vektor 747s'): the maker's
# product, no word of its name (letters then digits, or digits in the plural; not 'Radio 4').
_MODEL_NUMBER = re.compile(r"^([A-Z]+\d+[A-Za-z]*|\d+s)$")


def _is_joiner(token: Token, span: Span) -> bool:
    """A mark inside a word of the name: no space before or after it, and a word after it in the span."""
    doc = token.doc
    return (
        token.text in _JOINERS
        and token.i > span.start
        and token.i + 1 < span.end
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def _is_spaced_ampersand(token: Token, span: Span) -> bool:
    """'Marks & Spencer', 'Procter & Gamble': an ampersand between two capitalised words joins one name
    (English naming; 'and' joins two speakers)."""
    doc = token.doc
    return (
        token.text == "&"
        and span.start < token.i < span.end - 1
        and doc[token.i - 1].text[:1].isupper()
        and doc[token.i + 1].text[:1].isupper()
    )


def _is_particle_inside(token: Token, span: Span) -> bool:
    """A lower-case particle of a person's name before a capitalised word of the span ('Van den Brul')."""
    after = span.doc[token.i + 1] if token.i + 1 < span.end else None
    return token.lower_ in NAME_PARTICLES and token.is_lower and after is not None and after.is_title


def _is_article(token: Token) -> bool:
    """'the', or 'a'/'an' the tagger calls a determiner ('a Harbour Party official'; not the initial 'A')."""
    return token.lower_ == "the" or (token.lower_ in ("a", "an") and token.pos_ == "DET")


def _is_plural_possessive_inside(token: Token, span: Span) -> bool:
    """The mark of a plural's possessive with a capitalised word of the span after it is inside a body's name
    (English naming: "Professional Curlers' Association", "Farmers' Union", "Lawyers' Fellowship")."""
    doc = token.doc
    return (
        token.text in ("'", "’")
        and span.start < token.i < span.end - 1
        and doc[token.i - 1].lower_.endswith("s")
        and not doc[token.i - 1].whitespace_
        and doc[token.i + 1].text[:1].isupper()
    )


def _name_tokens(span: Span, *, person: bool = True) -> tuple[list[Token], str]:
    """The tokens of a mention that belong to the name, and the peer's title that came before them, if any
    (inside the mention, or right before it where NER left it out: 'Lord [Falconer]')."""
    tokens: list[Token] = []
    before = span.doc[span.start - 1] if span.start > 0 else None
    peer = before.text if before is not None and before.lower_ in PEER_TITLES and before.is_title else ""
    for token in span:
        joins = _is_joiner(token, span) or _is_spaced_ampersand(token, span)
        if (joins or (not person and _is_plural_possessive_inside(token, span))) and tokens:
            tokens.append(token)
            continue
        if tokens and _is_particle_inside(token, span):
            tokens.append(token)  # 'Nick Van den Brul': the tagger may call 'den' a verb
            continue
        if token.is_punct or token.pos_ in ("PRON", "VERB", "AUX") or token.text in _POSSESSIVE:
            if tokens:
                break
            continue
        lower = token.lower_.rstrip(".")
        if lower in HONORIFICS and token.is_title:
            # An honorific opens a name: words before it are not part of it ('On Wednesday Mr Lund said'
            # gives the NER 'Wednesday Mr Lund'; 'Rt Rev Ann Lee').
            tokens = []
        if lower in HONORIFICS or (not tokens and _is_article(token)):
            if lower in PEER_TITLES and not tokens and token.is_title:
                peer = token.text
            continue
        tokens.append(token)
    if not person:
        tokens = _with_words_after_small_word(tokens)
    while tokens and (tokens[-1].text in _JOINERS or (not person and tokens[-1].lower_ in _SMALL_WORDS)):
        tokens.pop()
    return tokens, peer


def _with_words_after_small_word(tokens: list[Token]) -> list[Token]:
    """'Office of the' -> 'Office of the Deputy Harbour Master' where NER stopped inside a body's name: a name
    ends in no 'of', 'and' or 'the' (English naming), so the capitalised words after one belong to it."""
    if not tokens or tokens[-1].lower_ not in _SMALL_WORDS or tokens[-1].is_title:
        return tokens
    doc = tokens[0].doc
    end = tokens[-1].i + 1
    while end < len(doc) and (doc[end].is_title or doc[end].lower_ in _SMALL_WORDS) and not doc[end].is_sent_start:
        end += 1
    while end > tokens[-1].i + 1 and doc[end - 1].lower_ in _SMALL_WORDS:
        end -= 1
    return tokens + list(doc[tokens[-1].i + 1 : end])


def _without_roles(tokens: list[Token], lowered: frozenset[str]) -> list[Token]:
    """'Housing Minister Petra Lund' -> 'Petra Lund', 'Solicitor Gareth Pierce' -> 'Gareth Pierce'.

    Everything up to the last title word goes; so do leading words that are common nouns (the tagger's,
    written in lower case elsewhere in the text or, as a rule, in news: `learn/casing.py`), acronyms
    ('EU', 'MEP') and words of another name ('Harriers Tom Keller' after 'the Harriers'), as long as two
    words stay.
    """
    words = [t for t in tokens if t.text not in _JOINERS]
    last_title = max((i for i, t in enumerate(words) if _is_title_inside(i, t, len(words))), default=-1)
    if 0 <= last_title < len(words) - 1:
        words = words[last_title + 1 :]
    while len(words) > 2 and (
        lead := 1 if _is_role_word(words[0], lowered) or _describes_name_after(words) else _other_name_before(words)
    ):
        words = words[lead:]
    if len(words) == 2 and (words[0].lower_ in ROLE_WORDS | TITLE_WORDS or is_office_plural(words[0].text)):
        words = words[1:]
    return [t for t in tokens if words and words[0].i <= t.i <= words[-1].i]


def _describes_name_after(words: list[Token]) -> bool:
    """'Spaniard Ana Ruiz-Vidal', 'Councillor Ola Quist': is the first word one that news does not use in a
    person's name (the fast name classifier, learned from spaCy's NER on BBC news, weighs it against a
    person and for a nationality or no name at all) before one that it uses as a person's first?"""
    return _name_word_label(words[0]) in ("NORP", "O") and _person_weight(words[0]) < 0 < _person_weight(words[1])


def is_first_name(word: str) -> bool:
    """Does the fast name classifier weigh this capitalised word for a person's name ('Adrian', 'Bruce';
    not 'General', 'Royal', 'Deutsche')?"""
    weights = load_name_model().weights.get(f"w={word.lower()}")
    return weights is not None and weights[LABELS.index("PERSON")] > 0


def _name_word_label(token: Token) -> str | None:
    weights = _name_word_weights(token)
    return None if weights is None else LABELS[max(range(len(LABELS)), key=weights.__getitem__)]


def _person_weight(token: Token) -> float:
    weights = _name_word_weights(token)
    return 0.0 if weights is None else weights[LABELS.index("PERSON")]


def _name_word_weights(token: Token) -> tuple[float, ...] | None:
    """The fast name classifier's weight for each label given this word, None for a word it never saw."""
    return load_name_model().weights.get(f"w={token.lower_}")


def _is_title_inside(i: int, token: Token, words: int) -> bool:
    """Is the i-th of a name's words a title? A title word is; so is a word news writes in lower case
    inside the name, before two more words ('Dale County Sheriff Ann Lee'): a name's own common words
    ('Stuart Rose') stand last or first."""
    lower = token.lower_
    return lower in TITLE_WORDS or lower in ROLE_WORDS or (0 < i < words - 2 and lower in news_lowercase_words())


def _other_name_before(words: list[Token]) -> int:
    """How many leading words of a person's name belong to another name of the text, leaving two words
    or more: the end of a longer name ('Persie Ann Lee' after 'van Persie'), a body's or a group's whole
    name ('Lions Ann Lee' after 'the Lions'), or the surname again ('Straw Jack Straw', a headline run
    into its first sentence). A person's shorter mention ('Robert Kilroy' of 'Robert Kilroy-Silk') is no
    other name."""
    if len(words) <= 2:
        return 0
    doc, first, last = words[0].doc, words[0].i, words[-1].i
    texts = tuple(t.text for t in words)
    others = [ent for ent in doc.ents if ent.end <= first or ent.start > last]
    return max(
        (k for k in range(1, len(words) - 1) if texts[:k] == texts[-k:] or _ends_another_name(texts[:k], others)),
        default=0,
    )


def _ends_another_name(lead: tuple[str, ...], others: list[Span]) -> bool:
    """Do these words end a longer name of the text, or make a whole name that is not a person's?"""
    for ent in others:
        words = tuple(t.text for t in ent)
        if words[-len(lead) :] == lead and (len(words) > len(lead) or ent.label_ != "PERSON"):
            return True
    return False


def lowercase_words(doc: Doc) -> frozenset[str]:
    """The words a text writes in lower case: a capitalised one of them before a name is a role."""
    return frozenset(t.text for t in doc if t.is_lower and t.is_alpha)


def is_office_plural(text: str) -> bool:
    """'MPs', 'QCs': the plural of an office written after names, a common noun for a group, no name."""
    return text.endswith("s") and text[:-1] in POSTNOMINALS


def _is_role_word(token: Token, lowered: frozenset[str]) -> bool:
    lower = token.lower_
    return (
        lower in TITLE_WORDS
        or is_office_plural(token.text)
        or lower in ROLE_WORDS
        or (lower in news_lowercase_words() and not lower.endswith("ing"))  # a verb's -ing form: 'Making X Alliance'
        or token.tag_ in ("NN", "NNS")
        or (token.text.isupper() and len(token.text) > 1)
        or (lower in lowered and token.i > 0 and not token.is_sent_start)
    )


def clean_name(span: Span, *, person: bool = True, lowered: frozenset[str] = frozenset()) -> str:
    """The name a mention gives: 'Mr Halvorsen's' -> 'Halvorsen', 'The Labour Party' -> 'Labour Party',
    'Lord Falconer' stays, 'T-Mobile' stays whole, 'Jos&#233; Manuel Barroso' -> 'José Manuel Barroso'.

    Role words before a person's name go ('Housing Minister Petra Lund' -> 'Petra Lund'); an
    organisation's name keeps every word ('General Motors').
    """
    tokens, peer = _name_tokens(span, person=person)
    if person:
        tokens = _without_roles(tokens, lowered)
    while len(tokens) > 1 and tokens[0].lower_ in ROLE_WORDS:
        tokens = tokens[1:]  # 'Bookmakers Ladbrokes'
    while tokens and tokens[-1].text in POSTNOMINALS:
        tokens = tokens[:-1]  # 'Ann Lee QC' -> 'Ann Lee', 'Harbour Party MEP' -> 'Harbour Party', 'QC' alone: no name

    if not tokens:
        return ""
    text = doc_text(span.doc)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    before = _ENTITY_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and before.end() == start:
        start = before.start(1)
    name = " ".join(html.unescape(text[start:end]).split())
    for ending in _POSSESSIVE:
        name = name.removesuffix(ending)
    if (
        peer
        and person
        and len(name.split()) == 1
        and name[:1].isupper()
        and tokens[-1].lower_ not in TITLE_WORDS | ROLE_WORDS
    ):
        # A peer's bare surname is not a name ('Lord Falconer'); the seat is part of it ('Lord Fenwick of Dale').
        name = f"{peer} {name}{_peer_seat(tokens[-1])}"
    if not person:
        name = _without_model_number(_with_acronym_word(name, tokens[-1]))
        if span.doc.has_annotation("SENT_START") and tokens[0].sent.start == 0:
            name = _without_glued_repeat(name, text)
    return _without_figures(name)


def _without_glued_repeat(name: str, text: str) -> str:
    """'Acme Acme' -> 'Acme' in a text's first sentence, where the BBC texts glue the headline to the lede
    ('Sales hit Acme Acme has said ...'), when the text also writes the name once on its own; a name that is
    a word twice ('Duran Duran') is always written so."""
    words = name.split()
    half = len(words) // 2
    if not half or len(words) != 2 * half or words[:half] != words[half:]:
        return name
    once = " ".join(words[:half])
    alone = re.compile(rf"(?<!{re.escape(once)} )\b{re.escape(once)}\b(?! {re.escape(once)})")
    return once if alone.search(text, text.find(name) + len(name)) else name


def _is_figure(word: str) -> bool:
    """'6-1,6-4', '12.5secs', '£9.99': digits with marks and no capital letter ('7-Eleven' is a name)."""
    return any(ch.isdigit() for ch in word) and not word.isalnum() and not any("A" <= ch <= "Z" for ch in word)


def _without_figures(name: str) -> str:
    """'Tom Harlow 6-1,6-4' -> 'Tom Harlow', '12.5secs' -> '': a score, a price or a time glued to a name
    is no word of it, and a name has a capital letter (English usage: 'the lord chancellor' names no one)."""
    words = name.split()
    while words and _is_figure(words[-1]):
        words.pop()
    if not any(ch.isupper() for word in words for ch in word):
        return ""
    return " ".join(words)


def _peer_seat(surname: Token) -> str:
    """' of Dale' after 'Lord Fenwick of Dale': a peer's territorial designation (English usage)."""
    doc = surname.doc
    if surname.i + 2 >= len(doc) or doc[surname.i + 1].lower_ != "of":
        return ""
    seat = doc[surname.i + 2]
    if seat.pos_ != "PROPN" or not seat.is_title or seat.head.i != surname.i + 1:
        return ""
    return f" of {seat.text}"


def _with_acronym_word(name: str, last: Token) -> str:
    """'Office for Rural (ORA) affairs' -> 'Office for Rural Affairs': an acronym in brackets written
    inside a body's name stands for the whole name, so the word after the brackets belongs to it."""
    doc = last.doc
    i = last.i + 1
    if i + 3 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
        return name
    acronym, word = doc[i + 1].text, doc[i + 3]
    if not (acronym.isupper() and word.is_alpha and word.pos_ in ("NOUN", "PROPN")):
        return name
    longer = f"{name} {word.text[:1].upper()}{word.text[1:]}"
    if initials(name) == acronym or initials(longer) != acronym:
        return name
    return longer


def _without_model_number(name: str) -> str:
    words = name.split()
    if len(words) > 1 and _MODEL_NUMBER.match(words[-1]):
        return " ".join(words[:-1])
    return name


def organisation_key(words: list[str]) -> list[str]:
    """Lower-case words of an organisation's name without a plural 's' ('conservatives' ~ 'conservative')."""
    return [word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word for word in words]


def is_abbreviation_of(short: list[str], full: list[str]) -> bool:
    """Does each of two or more words of `short` open the word of `full` in its place ('lib dem' of
    'liberal democrat'), with one word at least shorter than its full form?"""
    return (
        len(short) == len(full) > 1
        and short != full
        and all(len(a) >= 3 and b.startswith(a) for a, b in zip(short, full, strict=True))
    )


def initials(name: str) -> str:
    """'European Commission' -> 'EC', 'UK Independence Party' -> 'UKIP', 'Marks & Spencer' -> 'MS'."""
    letters = []
    for word in re.split(r"[\s\-]+", name):
        if not word or word.lower() in _SMALL_WORDS:
            continue
        letters.append(word if word.isupper() and len(word) <= 3 else word[0])
    return "".join(letters).upper()


def is_acronym_of(short: str, full: str) -> bool:
    """Is `short` ('EC', 'DrKW', 'M&S') the initials of the several words of `full`?"""
    if " " in short or " " not in full.strip():
        return False
    capitals = "".join(ch for ch in short if ch.isupper())
    return (
        len(capitals) >= 2
        and sum(ch.isupper() for ch in short) * 2 >= len(short.replace("&", "")) - 1
        and (capitals == initials(full))
    )


def has_acronym(name: str) -> bool:
    """Does a name of several words hold one in capitals ('QX Weekly'), not an initial ('George W Bush')?"""
    words = name.split()
    return len(words) > 1 and any(len(word) > 1 and word.isupper() and word.isalpha() for word in words)
