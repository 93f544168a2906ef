"""The names of bodies told apart: when a longer name is the same body as a shorter one the article
used ('Labour' ... 'Labour Party') and when another ('Acme' ... 'Acme Office'), and the capitalised runs
an acronym may spell out ('Athletics Kenya (AK)')."""

from __future__ import annotations

from typing import Protocol, TypeVar

from spacy.tokens import Doc, Token

from ..extraction.drafts import Offsets
from ..extraction.lexicon import ORGANISATION_NOUNS
from .names import organisation_key


class _NamedBody(Protocol):
    """What matching needs of an entity: its names and where it is mentioned."""

    names: list[str]
    mentions: list[Offsets]


_Body = TypeVar("_Body", bound=_NamedBody)

# Small words inside a body's name ('Office for National Statistics'). English naming.
_SMALL_WORDS = frozenset({"of", "for", "and", "&", "the"})


def _starts_with_words(words: list[str], prefix: list[str]) -> bool:
    return len(prefix) < len(words) and words[: len(prefix)] == prefix


# The noun of a body's kind or its legal form, which a body's full name may add to its short one ('Labour
# Party', 'Mozilla Foundation', 'Acme Corp'): English naming; the organisation nouns and the legal forms.
_KIND_OF_BODY = ORGANISATION_NOUNS | {"foundation", "corporation", "corp", "inc", "plc", "ltd", "co", "holding"}


def names_another_body(added: list[str]) -> bool:
    """Do these words, written after a body's name the article used before ('Acme' ... 'Acme Office'),
    name another thing? In 'Acme Office' the short name modifies the words after it, so the head is
    another body, a product, a branch or a channel ('Acme Europe', 'Radio Vale 2'; English grammar), unless
    the words are only the noun of its kind ('Acme Group') or a complement after 'of' or '&' ('Bank of
    Dale', 'Marsh & Lee'), where the short name stays the head."""
    if not added or added[0] in ("of", "&", "and"):
        return False
    return not (len(added) == 1 and added[0] in _KIND_OF_BODY)


def match_organisation(words: list[str], candidates: list[_Body], sentence: Offsets | None) -> _Body | None:
    """'Labour' and 'Labour Party', 'Conservatives' and 'Conservative Party', 'Lib Dems' and
    'Liberal Democrats' (merged before, `EntityIndex._merge_abbreviations`): one name opens the other, the
    longer first ('Cairn Energy ... Cairn'), in the sentence that named the shorter (a headline glued
    to the lede that names the body in full: 'Tarn may close Tarn Airlines said ...'), or adding only
    the noun of the body's kind or an 'of' ('Labour ... Labour Party', 'the Bank ... Bank of England');
    see `names_another_body`."""
    key = organisation_key(words)
    for entity in candidates:
        introduced = sentence is not None and any(sentence[0] <= start < sentence[1] for start, _ in entity.mentions)
        for other in entity.names:
            other_key = organisation_key(other.lower().split())
            if _starts_with_words(other_key, key) or (
                _starts_with_words(key, other_key) and (introduced or not names_another_body(key[len(other_key) :]))
            ):
                return entity
    return None


def capitalised_runs(doc: Doc) -> list[str]:
    """Every run of two or more capitalised words the text writes, with the small words inside a name
    ('Public and Commercial Services'); a run that opens a sentence also without its first word,
    capitalised anyway ('Yesterday Athletics Kenya')."""
    runs: list[str] = []
    words: list[Token] = []
    for token in [*doc, None]:
        if token is not None and (token.is_title or (words and token.lower_ in _SMALL_WORDS)):
            if token.is_sent_start:
                words = []
            words.append(token)
            continue
        while words and words[-1].lower_ in _SMALL_WORDS:
            words.pop()
        starts = (0, 1) if words and words[0].is_sent_start else (0,)
        runs.extend(
            doc[words[k].i : words[-1].i + 1].text
            for k in starts
            if len(words) - k > 1 and words[k].lower_ not in _SMALL_WORDS
        )
        words = []
    return runs
