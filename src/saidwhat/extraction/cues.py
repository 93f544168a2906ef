"""Stage 4a: find the cues of a document: speech verbs, 'according to', with a score each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..learn.candidates import is_candidate_at
from .docfacts import TokenColumns, doc_facts
from .drafts import Offsets
from .lexicon import CORE_SAYING_VERBS, NOT_CUE_ADVERBS, POLL_NOUNS, SAID_FORMS, SPEECH_VERBS, WEAK_SPEECH_VERBS

# Dependents that make a verb group: "has also been told", "pointed out".
_LEFT_GROUP_DEPS = frozenset({"aux", "auxpass", "neg"})
_RIGHT_GROUP_DEPS = frozenset({"prt"})
# Children through which a verb reports something.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})

CueScorer = Callable[[Token], float]

_ACCORDING, _TO, _COLON = get_string_id("according"), get_string_id("to"), get_string_id(":")
_IN = get_string_id("in")
_SAID = frozenset(get_string_id(form) for form in SAID_FORMS)


@dataclass(frozen=True, slots=True)
class Cue:
    """A speech verb (or phrase) and how sure we are that it reports speech here."""

    token: int
    span: Offsets
    score: float
    phrase: bool = False  # "according to": the source is the object, not the subject


@dataclass(frozen=True, slots=True)
class FoundCues:
    """The cues of one document, as later passes read them, with the learned shapes of the words
    between a cue and its content that a cue may reach over (`gap_key`; none with the rules)."""

    cues: tuple[Cue, ...]
    gaps: frozenset[str] = frozenset()

    def score_of(self, token: int) -> float | None:
        return next((cue.score for cue in self.cues if cue.token == token), None)


# Where a Doc keeps its cues while it is analysed (see `docfacts.FACTS_KEY`).
CUES_KEY = "saidwhat_cues"


def keep_found_cues(doc: Doc, found: FoundCues) -> None:
    doc.user_data[CUES_KEY] = found


def found_cues(doc: Doc) -> FoundCues:
    """The cues kept on `doc` by `keep_found_cues`; none where no cue was kept."""
    found = doc.user_data.get(CUES_KEY)
    return found if isinstance(found, FoundCues) else FoundCues(())


def forget_found_cues(doc: Doc) -> None:
    doc.user_data.pop(CUES_KEY, None)


class Extension(NamedTuple):
    """Words beside a cue verb that may belong to its span: 'in a statement' after 'said'."""

    key: str
    first: Token
    last: Token


def extension_options(token: Token) -> tuple[list[Extension], list[Extension]]:
    """Words next to a cue verb that may belong to its span, each as (key, first token, last token).

    A key names the verb and the words: 'say|in a statement', 'call|on', 'say|<also'. Left options
    are adverbs before the verb; right options are a following word alone or its whole short phrase.
    """
    lemma = token.lemma_.lower()
    lefts = [
        Extension(f"{lemma}|<{child.lower_}", child.left_edge, child) for child in token.lefts if child.dep_ == "advmod"
    ]
    rights: list[Extension] = []
    for child in token.rights:
        if child.dep_ in ("prep", "npadvmod", "agent", "advmod", "dobj", "prt"):
            words = [t.lower_ for t in child.subtree]
            if 1 < len(words) <= 4:
                rights.append(Extension(f"{lemma}|{' '.join(words)}", child.left_edge, child.right_edge))
            # the word with what stands before it: 'made [little secret]' for 'make|secret'
            rights.append(Extension(f"{lemma}|{child.lower_}", child.left_edge, child))
    return lefts, rights


def one_word_extensions(extensions: frozenset[str]) -> frozenset[str]:
    """The learned extensions of one word ('call|on', 'make|secret'): the BBC gold's cue is the verb
    group, without the phrases PolNeAR's annotators take in ('said in a statement')."""
    return frozenset(key for key in extensions if " " not in key)


def words_between(doc: Doc, cue_end: int, content_start: int) -> list[Token]:
    """The words between a cue and the content after it, without punctuation at either end; none
    where the content starts another sentence."""
    span = doc.char_span(cue_end, content_start, alignment_mode="contract")
    words = [token for token in span or () if not token.is_space]
    while words and words[-1].is_punct:
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    return [] if any(token.is_sent_start for token in words) else words


def gap_key(words: list[Token]) -> str:
    """The shape of the words between a cue and its content: 'ADP|about' ('complained about'),
    'PART VERB' ('went on to say'), 'DET NOUN' ('told the forum'); 'LONG' past four words."""
    key = " ".join(token.pos_ for token in words) if len(words) <= 4 else "LONG"
    last = words[-1]
    return f"{key}|{last.lower_}" if last.pos_ in ("ADP", "PART", "SCONJ") else key


def phrase_preposition(doc: Doc, cue: Cue) -> Token:
    """The preposition whose object a phrase cue names as its source: 'to' in 'according to', 'in' in
    'in a new poll'."""
    token = doc[cue.token]
    return doc[cue.token + 1] if token.lower_ == "according" and cue.token + 1 < len(doc) else token


def find_poll_cues(doc: Doc) -> list[Cue]:
    """'In a new Quinnipiac poll, Clinton leads by 5 points': PolNeAR attributes what a poll finds to the
    poll, with 'in' for cue. A sentence's opening 'In ... poll(s)' or 'in a poll' within it; not 'leads
    in the polls', which its annotators mark one time in three (on train: attribution +38, every exact
    F1 the same or up)."""
    facts = doc_facts(doc)
    cues = []
    for i, lower in enumerate(facts.columns.lower_key):
        if lower != _IN or facts.quoted[i]:
            continue
        token = doc[i]
        objects = [child for child in token.children if child.dep_ == "pobj"]
        if not objects or objects[0].lemma_.lower() not in POLL_NOUNS:
            continue
        if i == facts.sent(token).start or objects[0].tag_ != "NNS":
            cues.append(Cue(i, (token.idx, token.idx + len(token.text)), 0.9, phrase=True))
    return cues


def verb_group(token: Token, extensions: frozenset[str] = frozenset(), *, leading_adverb: bool) -> Offsets:
    """The cue span of a verb: auxiliaries and negation on the left, a particle on the right, and the
    neighbouring words that annotators count as part of it ('said in a statement', 'called on').

    Args:
        leading_adverb: keep an adverb that comes before the whole group ('[also] said'), as PolNeAR's
            annotators do 9 times in 10; the BBC gold and the seed keep one only inside the group
            ('has also said').
    """
    start, end = token, token
    for child in token.lefts:
        if child.dep_ in _LEFT_GROUP_DEPS and child.i >= token.i - 3:
            start = min(start, child, key=lambda t: t.i)
    lefts, rights = extension_options(token)
    # An adverb right before the group is part of it ('aggressively attacked'): PolNeAR's annotators
    # include it 9 times in 10. Learned ones may stand apart. One inside the group ('has also said')
    # never moves its start, so without leading adverbs there is nothing to do.
    for key, _, child in sorted(lefts, key=lambda option: -option.last.i) if leading_adverb else ():
        adjacent = child.i == start.i - 1 or child.i > start.i
        if adjacent and (key in extensions or child.lower_ not in NOT_CUE_ADVERBS):
            start = min(start, child, key=lambda t: t.i)
    for child in token.rights:
        if child.dep_ in _RIGHT_GROUP_DEPS and child.i == end.i + 1:
            end = child
    for key, first, last in rights:
        if key in extensions and first.i <= end.i + 1 <= last.i:
            end = last
    return start.idx, end.idx + len(end.text)


def opens_inverted_attribution(token: Token) -> bool:
    """'Said Pruett: "..."': the parser makes a sentence-opening 'Said' part of the name after it."""
    return token.lower_ in SAID_FORMS and _opens_inverted_attribution_at(doc_facts(token.doc).columns, token.i)


def _opens_inverted_attribution_at(words: TokenColumns, i: int) -> bool:
    head = words.head[i]
    return words.dep[i] == "compound" and words.pos[head] == "PROPN" and head > i


def governs_clause(token: Token) -> bool:
    return any(child.dep_ in CLAUSE_DEPS for child in token.children)


def rule_cue_score(token: Token) -> float:
    """A hand-set score: speech verbs score high, the weak ones only with a clause to report."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in SPEECH_VERBS:
        return 0.0
    if lemma in WEAK_SPEECH_VERBS:
        return 0.55 if governs_clause(token) else 0.05
    return 0.9 if lemma in CORE_SAYING_VERBS else 0.7


def find_cues(
    doc: Doc,
    score: CueScorer = rule_cue_score,
    *,
    threshold: float = 0.5,
    extensions: frozenset[str] = frozenset(),
    leading_adverb: bool,
) -> list[Cue]:
    """Every token scored at or above `threshold` as a cue, plus each 'according to'. Only the cue
    candidates (`learn.candidates`) are scored: every other word scores 0 with either scorer. The
    cue spans are `verb_group`s, with `extensions` and `leading_adverb` as there."""
    words = doc_facts(doc).columns
    cues: list[Cue] = []
    inverted_names: set[int] = set()
    for i, lower in enumerate(words.lower_key):
        if lower == _ACCORDING and i + 1 < len(doc) and words.lower_key[i + 1] == _TO:
            to = doc[i + 1]
            cues.append(Cue(i, (doc[i].idx, to.idx + len(to.text)), 0.95, phrase=True))
            continue
        if words.dep[i] == "aux":
            continue  # 'has' in 'has said' belongs to its verb's group (none scores 0.33 on PolNeAR)
        if words.orth_key[i] == _COLON and i - 1 in inverted_names:
            continue  # 'Said Pruett:' has its cue already
        inverted = lower in _SAID and _opens_inverted_attribution_at(words, i)
        if not inverted and not is_candidate_at(words, i):
            continue
        token = doc[i]
        value = score(token)
        if inverted:
            value = max(value, 0.9)
            inverted_names.add(words.head[i])
        if value >= threshold:
            cues.append(Cue(i, verb_group(token, extensions, leading_adverb=leading_adverb), value))
    return cues
