"""'The paper quoted Ms Dale as saying the plan was dead': the words are Ms Dale's, not the paper's.

A verb that passes on someone else's words names that person as its object, then 'as' and a verb of saying
('quoted X as saying', 'cited X as saying', 'reported X as saying'). English grammar: the person after the
verb (or its subject in the passive: 'Ms Dale was quoted as saying ...') is the one who said the words, whether
they follow ('... as saying the plan was dead') or come before ('"It is dead," the paper quoted Ms Dale as
saying'). Words after 'as saying' that no draft holds (the clause hangs under 'as', where no cue's clause is
sought) are drafted here. Under the default conventions the content is the words
alone, its source the person and its cue the verb of saying (as the BBC training gold marks its one such
quote); the person and 'as saying' are no one's words. (PolNeAR, whose own conventions keep the whole 'X as
saying Y' as content with the paper as source, is left as it is.)
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .clauses import widen_to_whole_runs
from .cues import found_cues
from .docfacts import doc_facts
from .drafts import DraftQuote
from .lexicon import SAYING_VERBS
from .spans import char_bounds, trim_punct

# Where the clause of the verb of saying stands.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


@dataclass(frozen=True, slots=True)
class _Passed:
    """The person a cue passes words on from, its verb of saying, and the clause that verb takes, if any."""

    speaker: Token
    saying: Token
    clause: Token | None


def _passed_on(cue: Token) -> _Passed | None:
    """'quoted [X] as [saying] [the plan was dead]', '[X] was quoted as [saying] [...]', or with the words
    before and no clause."""
    objects = [child for child in cue.rights if child.dep_ == "dobj"]
    objects += [child for child in cue.lefts if child.dep_ == "nsubjpass"]
    for prep in cue.rights:
        if prep.dep_ != "prep" or prep.lower_ != "as" or not objects or objects[0].i > prep.i:
            continue
        for verb in prep.children:
            if verb.tag_ == "VBG" and verb.lemma_.lower() in SAYING_VERBS:
                clause = next((child for child in verb.rights if child.dep_ in _CLAUSE_DEPS), None)
                return _Passed(objects[0], verb, clause)
    return None


def _source(doc: Doc, speaker: Token) -> tuple[int, int] | None:
    start, end = trim_punct(doc, speaker.left_edge.i, speaker.right_edge.i + 1)
    return char_bounds(doc, start, end) if end > start else None


def _clause_only(doc: Doc, draft: DraftQuote, clause: Token, *, within: bool = True) -> bool:
    """Make the draft's content the clause (`within`: no further than the content drawn before, which runs from
    the person over 'as saying'); False if nothing is left."""
    start, end = widen_to_whole_runs(doc, trim_punct(doc, clause.left_edge.i, clause.right_edge.i + 1))
    if end <= start:
        return False
    content_start, content_end = char_bounds(doc, start, end)
    draft.contents = [(content_start, min(content_end, draft.end) if within else content_end)]
    if any(content_start <= run.start and run.end <= draft.end for run in doc_facts(doc).runs):
        draft.type = "mixed"
    return True


def _unreported(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """A reported clause for each cue that passes on a person's clause no draft holds ('X was quoted by the
    paper as saying the plan was dead': the clause hangs under 'as saying', where no cue's clause is sought)."""
    found = []
    for cue in found_cues(doc).cues:
        passed = _passed_on(doc[cue.token]) if not cue.phrase else None
        if passed is None or passed.clause is None or any(d.covers(passed.clause.idx) for d in drafts):
            continue
        draft = DraftQuote(type="indirect", contents=[(passed.clause.idx, passed.clause.idx)], cue_token=cue.token)
        if _clause_only(doc, draft, passed.clause, within=False):
            draft.confidence = cue.score * 0.9
            found.append(draft)
    return found


def give_words_to_the_quoted(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, each quote a cue passes on from a person ('quoted X as saying') credited to that person,
    a reported clause over 'X as saying Y' cut down to Y, and one of 'X as saying' alone left out."""
    kept = []
    for draft in sorted([*drafts, *_unreported(doc, drafts)], key=lambda draft: draft.start):
        passed = _passed_on(doc[draft.cue_token]) if draft.cue_token is not None else None
        source = _source(doc, passed.speaker) if passed is not None else None
        if passed is None or source is None:
            kept.append(draft)
            continue
        if draft.covers(passed.speaker.idx) and draft.covers(passed.saying.idx):
            if draft.type not in ("indirect", "mixed") or len(draft.contents) != 1:
                kept.append(draft)
                continue
            clause = passed.clause
            if clause is None or not draft.covers(clause.idx) or not _clause_only(doc, draft, clause):
                continue  # '... as saying': the person and the verb, not their words
        draft.sources = [source]
        draft.source_token = passed.speaker.i
        # the BBC gold's cue for such a quote is the verb of saying ('... as [saying]')
        saying = passed.saying
        draft.cue = (saying.idx, saying.idx + len(saying.text))
        draft.cue_token = saying.i
        kept.append(draft)
    return kept
