"""Stage 4a: find the cues of a document: speech verbs, 'according to', with a score each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .constants import SPEECH_VERBS, WEAK_SPEECH_VERBS
from .drafts import Offsets

# Dependents that make a verb group: "has also been told", "pointed out".
_LEFT_GROUP_DEPS = frozenset({"aux", "auxpass", "neg"})
_RIGHT_GROUP_DEPS = frozenset({"prt"})
# Children through which a verb reports something.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})

CueScorer = Callable[[Token], float]


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb (or phrase) and how sure we are that it reports speech here."""

    token: int
    span: Offsets
    score: float
    phrase: bool = False  # "according to": the source is the object, not the subject


def verb_group(token: Token) -> Offsets:
    """The cue span of a verb: its auxiliaries and negation on the left, a particle on the right."""
    start_token, end_token = token, token
    for child in token.lefts:
        if child.dep_ in _LEFT_GROUP_DEPS and child.i >= start_token.i - 3:
            start_token = child if child.i < start_token.i else start_token
    for child in token.rights:
        if child.dep_ in _RIGHT_GROUP_DEPS and child.i == end_token.i + 1:
            end_token = child
    return start_token.idx, end_token.idx + len(end_token.text)


def governs_clause(token: Token) -> bool:
    return any(child.dep_ in CLAUSE_DEPS for child in token.children)


def rule_cue_score(token: Token) -> float:
    """A hand-set score: speech verbs score high, the weak ones only with a clause to report."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in SPEECH_VERBS:
        return 0.0
    if lemma in WEAK_SPEECH_VERBS:
        return 0.55 if governs_clause(token) else 0.05
    return 0.9 if lemma in ("say", "tell") else 0.7


def find_cues(doc: Doc, score: CueScorer = rule_cue_score, *, threshold: float = 0.5) -> list[Cue]:
    """Every token scored at or above `threshold` as a cue, plus each 'according to'."""
    cues: list[Cue] = []
    for token in doc:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            to = doc[token.i + 1]
            cues.append(Cue(token.i, (token.idx, to.idx + len(to.text)), 0.95, phrase=True))
            continue
        value = score(token)
        if value >= threshold:
            cues.append(Cue(token.i, verb_group(token), value))
    return cues
