"""Link the speakers of one article to the archive's speakers when the evidence supports it.

Rules, in order:
- the same full name ("Kit Connor" and "Kit Connor") is the same person;
- full names that share a surname but not a first name ("Kit Connor", "Sarah Connor") are not;
- a surname alone ("Connor") joins a speaker with that surname only when both are described
  with a shared word ("actor Kit Connor" ... "Connor, the actor,"); ties and no evidence mean
  a new speaker;
- organisations link on the same name; anonymous sources ("a spokesperson") never link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..extraction.lexicon import (
    DESCRIPTION_DETERMINERS,
    HONORIFICS,
    MENTION_PRONOUNS,
    ROLE_FORMS,
    UNINFORMATIVE_WORDS,
)
from ..records import Speaker

LINKABLE_KINDS = frozenset({"person", "organisation"})
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_POSSESSIVE = re.compile(r"['’]s$")


def normalise_name(text: str) -> str:
    """'Kit  Connor's' -> 'kit connor': lower case, single spaces, no possessive."""
    return _POSSESSIVE.sub("", " ".join(text.split()).lower())


def last_word(text: str) -> str:
    words = normalise_name(text).split()
    return words[-1] if words else ""


def is_pronoun(text: str) -> bool:
    return normalise_name(text) in MENTION_PRONOUNS


def is_name(text: str) -> bool:
    """A proper name ('Kit Connor', 'Mr Halvorsen'), not a description ('the actor', 'Heartstopper star Kit')."""
    words = text.split()
    if not words or words[0].lower() in DESCRIPTION_DETERMINERS or is_pronoun(text):
        return False
    return all(word[:1].isupper() for word in words)


def description_words(texts: Iterable[str], *, exclude: Iterable[str] = ()) -> frozenset[str]:
    """The telling words of descriptions and descriptive mentions ('Heartstopper star' -> heartstopper, star)."""
    excluded = {normalise_name(name) for name in exclude}
    excluded |= {word for name in excluded for word in name.split()}
    words: set[str] = set()
    for text in texts:
        for match in _WORD.finditer(text.lower()):
            word = _POSSESSIVE.sub("", match.group())
            word = ROLE_FORMS.get(word, word)
            if len(word) >= 3 and word not in UNINFORMATIVE_WORDS and word not in excluded:
                words.add(word)
    return frozenset(words)


@dataclass(frozen=True, slots=True)
class SpeakerEvidence:
    """What is known about one speaker: its kind, its names and the words that describe it."""

    kind: str
    names: frozenset[str]
    words: frozenset[str]

    @property
    def full_names(self) -> frozenset[str]:
        """'first surname' of every name that has a first name ('Prime Minister Tony Blair' -> 'tony blair')."""
        keys = (name_key(name) for name in self.names)
        return frozenset(f"{first} {surname}" for first, surname in keys if first)

    @property
    def surnames(self) -> frozenset[str]:
        return frozenset(name.split()[-1] for name in self.names)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A speaker already in the archive that the new speaker might be."""

    speaker_id: int
    evidence: SpeakerEvidence


def evidence_of(speaker: Speaker) -> SpeakerEvidence:
    """Names and describing words of an article's speaker, from its name, mentions and descriptions."""
    mention_texts = [span.text for span in speaker.mentions if not is_pronoun(span.text)]
    # 'the council' unnamed is a body of its own article only: a description is no name to link on.
    names = [t for t in [speaker.name, *mention_texts] if is_name(t)]
    described = list(speaker.descriptions) + [t for t in mention_texts if not is_name(t)]
    return build_evidence(speaker.kind, names, described)


def build_evidence(kind: str, names: Iterable[str], described: Iterable[str]) -> SpeakerEvidence:
    """Evidence from names and descriptions; the titles inside names ('Chancellor Gordon Brown') describe too."""
    normalised = frozenset(name for name in map(normalise_name, names) if name)
    person_words = {word for key in map(name_key, normalised) for word in key if word}
    titles = [word for name in normalised for word in name.split() if word not in person_words | HONORIFICS]
    return SpeakerEvidence(kind, normalised, description_words([*described, *titles], exclude=person_words))


def aliases_of(speaker: Speaker) -> list[tuple[str, bool]]:
    """Every distinct name and mention of a speaker (pronouns left out), with whether it is a name."""
    texts = [speaker.name] + [span.text for span in speaker.mentions]
    seen: dict[str, tuple[str, bool]] = {}
    for text in texts:
        alias = " ".join(text.split())
        norm = normalise_name(alias)
        if norm and not is_pronoun(alias) and norm not in seen:
            seen[norm] = (alias, alias == speaker.name or is_name(alias))
    return list(seen.values())


def _names_conflict(new: SpeakerEvidence, old: SpeakerEvidence) -> bool:
    """Full names on both sides with a shared surname but different first names: two people."""
    pairs = [(a, b) for a in new.full_names for b in old.full_names if a.split()[-1] == b.split()[-1]]
    return bool(pairs) and all(a.split()[0] != b.split()[0] for a, b in pairs)


def name_key(name: str) -> tuple[str | None, str]:
    """(first name, surname): the word before the surname, skipping initials; none after an honorific.

    'Chancellor Gordon Brown' -> ('gordon', 'brown'), 'George W. Bush' -> ('george', 'bush'),
    'Mr Brown' -> (None, 'brown').
    """
    words = normalise_name(name).split()
    if not words:
        return None, ""
    before = [word for word in words[:-1] if len(word.rstrip(".")) > 1]
    first = before[-1].rstrip(".") if before else None
    return (None if first in HONORIFICS else first), words[-1]


def link_score(new: SpeakerEvidence, old: SpeakerEvidence) -> int:
    """How sure we are that two speakers are one: 0 no, 100 same full name, else shared describing words."""
    if new.kind != old.kind or new.kind not in LINKABLE_KINDS:
        return 0
    if new.kind == "organisation":
        return 100 if new.names & old.names else 0
    if new.full_names & old.full_names:
        return 100
    if not new.surnames & old.surnames or _names_conflict(new, old):
        return 0
    return len(new.words & old.words)


def pick_speaker(new: SpeakerEvidence, candidates: Iterable[Candidate]) -> int | None:
    """The archive speaker that `new` is, or None when no candidate (or more than one equally) fits."""
    scored = sorted(((link_score(new, c.evidence), c.speaker_id) for c in candidates), key=lambda p: (-p[0], p[1]))
    scored = [(score, speaker_id) for score, speaker_id in scored if score > 0]
    if not scored:
        return None
    if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][0] < 100:
        return None
    return scored[0][1]
