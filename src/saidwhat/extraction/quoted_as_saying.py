"""'The paper quoted Ms Dale as saying the plan was dead': the words are Ms Dale's, not the paper's.

A verb that passes on someone else's words names that person as its object and the words after 'as' and a
verb of saying ('quoted X as saying', 'cited X as saying'). English grammar: the person after the verb is the
one who said the clause. The reported clause drawn for the verb takes in the person and 'as saying'; under the
default conventions the content is the clause alone and its source is the person. (PolNeAR, whose own
conventions keep the whole as content, is left as it is.)
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .drafts import DraftQuote
from .lexicon import SAYING_VERBS
from .spans import char_bounds, trim_punct

# Where the clause of the verb of saying stands.
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})


def _speaker_and_clause(cue: Token) -> tuple[Token, Token] | None:
    """The object of the cue and the clause of the verb of saying after its 'as' ('quoted [X] as saying
    [the plan was dead]'), if the cue takes both."""
    objects = [child for child in cue.rights if child.dep_ == "dobj"]
    for prep in cue.rights:
        if prep.dep_ != "prep" or prep.lower_ != "as" or not objects or objects[0].i > prep.i:
            continue
        for verb in prep.children:
            if verb.tag_ != "VBG" or verb.lemma_.lower() not in SAYING_VERBS:
                continue
            clause = next((child for child in verb.rights if child.dep_ in _CLAUSE_DEPS), None)
            if clause is not None:
                return objects[0], clause
    return None


def give_words_to_the_quoted(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, each reported clause of 'quoted X as saying Y' cut down to Y with X for its source."""
    for draft in drafts:
        if draft.type != "indirect" or draft.cue_token is None or len(draft.contents) != 1:
            continue
        found = _speaker_and_clause(doc[draft.cue_token])
        if found is None:
            continue
        speaker, clause = found
        if not (draft.covers(speaker.idx) and draft.covers(clause.idx)):
            continue
        start, end = trim_punct(doc, clause.left_edge.i, clause.right_edge.i + 1)
        source = trim_punct(doc, speaker.left_edge.i, speaker.right_edge.i + 1)
        if end <= start or source[1] <= source[0]:
            continue
        content_start, content_end = char_bounds(doc, start, end)
        draft.contents = [(content_start, min(content_end, draft.end))]
        draft.sources = [char_bounds(doc, *source)]
        draft.source_token = speaker.i
    return drafts
