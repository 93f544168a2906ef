"""A cue set in the middle of its sentence between commas reports what follows it.

'Soon, says Ms Lind, there will be no cash in the shops.' and 'The changes, she says, will come slowly.':
the BBC gold takes the words after the parenthetical cue for the content (on its training articles, every
one of the 5 reported clauses around such a cue: 'However, he said, ...', 'By contrast, he said, ...').
The boundary scorer, learned on PolNeAR (which takes in the words before as well), sometimes takes only
the words before it, a fragment of the sentence. Where the rest of the sentence goes on with the same
clause (not a new one after 'but' or 'and'), the content becomes that rest.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .docfacts import doc_facts
from .drafts import DraftQuote
from .spans import end_before_full_stop

# A source between the cue and its closing comma is a few words ('says Mr Vey, ...', 'said the
# minister's spokeswoman, ...'); a longer run is the sentence going on.
_SOURCE_MAX_TOKENS = 6
# What opens a new clause after the parenthetical ('..., said Ms Lind, but the figures show ...').
_NEW_CLAUSE_OPENERS = frozenset({"but", "and", "or", "yet", "while", "although", "though", "because"})
# A clause's own subject; an expletive 'there' or 'it' is none ('there will be, says X, no need ...').
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})


def _closing_comma(doc: Doc, draft: DraftQuote, sent: Span) -> int | None:
    """The index of the comma that closes a parenthetical cue opened by a comma right after the content."""
    if draft.cue is None or draft.cue_token is None:
        return None
    text = doc_facts(doc).text
    opening = text[draft.end : draft.cue[0]]
    if not opening.lstrip().startswith(",") or len(opening.split()) > 2:
        return None  # ', says Ms Lind,' or ', she says,'
    cue_end = doc[draft.cue_token].i
    while cue_end + 1 < sent.end and doc[cue_end + 1].idx < draft.cue[1]:
        cue_end += 1
    for token in doc[cue_end + 1 : min(sent.end, cue_end + 2 + _SOURCE_MAX_TOKENS)]:
        if token.text == ",":
            return token.i
        if token.is_punct:
            return None
    return None


def _rest_of_sentence(doc: Doc, comma: int, sent: Span) -> tuple[int, int] | None:
    """The offsets of the sentence after the closing comma, less its final mark, if they go on with the
    same clause."""
    rest = doc[comma + 1 : sent.end]
    if not len(rest) or rest[0].lower_ in _NEW_CLAUSE_OPENERS:
        return None
    # a predicate goes on ('..., will come slowly', '..., no need to pay'); a noun phrase alone describes the
    # source ('argues Mr Vey, the firm's founder.')
    if not any(token.pos_ in ("VERB", "AUX") for token in rest):
        return None
    return rest.start_char, end_before_full_stop(doc_facts(doc).text, rest.start_char, rest.end_char)


def _is_a_whole_clause(doc: Doc, draft: DraftQuote) -> bool:
    """Do the words before the cue hold a clause with its own subject ('Sales rose, said Mr Vey, who added
    ...'; '..., said the report, the highest in years')? Then the cue closes that clause and what follows
    tells of the source. A cue interrupts words that are no clause yet ('The changes, she says, will ...',
    'Soon, says Ms Lind, ...', 'Ultimately, there will be, says Mr Vey, no need ...'). English grammar."""
    before = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if before is None:
        return False
    return any(token.dep_ in _SUBJECT_DEPS and before.start <= token.head.i < before.end for token in before)


def take_words_after_parenthetical_cues(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, each reported clause that ends at a parenthetical cue ('Soon, says Ms Lind, ...') moved
    to the rest of its sentence, and the partial quotes inside that rest taken in."""
    taken: set[int] = set()
    for draft in drafts:
        if draft.type != "indirect" or len(draft.contents) != 1 or draft.cue is None or draft.cue[0] < draft.end:
            continue
        sent = doc_facts(doc).sent(doc[draft.cue_token]) if draft.cue_token is not None else None
        comma = _closing_comma(doc, draft, sent) if sent is not None else None
        rest = _rest_of_sentence(doc, comma, sent) if comma is not None and sent is not None else None
        if rest is None or _is_a_whole_clause(doc, draft):
            continue
        inside = [other for other in drafts if other.type == "partial" and rest[0] <= other.start < rest[1]]
        draft.contents = [rest]
        if inside:
            draft.type = "mixed"
            taken.update(id(other) for other in inside)
    return [draft for draft in drafts if id(draft) not in taken]


def take_names_after_inverted_cues(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, each reported clause with no source that opens with a name set off by a comma right
    after its cue ('Often, said Mr Vey, the shops close early') given that name for its source and the
    words after the comma for its content. English grammar: a parenthetical 'said X,' after the sentence's
    opening words inverts cue and source; the parser often reads 'Mr Vey' as the clause's subject."""
    text = doc_facts(doc).text
    for draft in drafts:
        if draft.type not in ("indirect", "mixed") or draft.sources or draft.cue is None or len(draft.contents) != 1:
            continue
        if text[draft.cue[1] : draft.start].strip() or not text[: draft.cue[0]].rstrip().endswith(","):
            continue
        name = _name_before_comma(doc, draft)
        if name is not None:
            draft.sources, draft.source_token = [(name.start_char, name.end_char)], name.root.i
            draft.contents = [(doc[name.end + 1].idx, draft.end)]
    return drafts


def _name_before_comma(doc: Doc, draft: DraftQuote) -> Span | None:
    """The proper name that opens the draft's content and ends at a comma, with a clause after it."""
    content = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if content is None:
        return None
    end = content.start
    while end < content.end and doc[end].pos_ == "PROPN" and end - content.start < _SOURCE_MAX_TOKENS:
        end += 1
    if end == content.start or end + 1 >= content.end or doc[end].text != ",":
        return None
    rest = doc[end + 1 : content.end]
    verbs = [token.i for token in rest if token.pos_ in ("VERB", "AUX")]
    commas = [token.i for token in rest if token.text == ","]
    if not verbs or (commas and commas[0] < verbs[0]):
        return None  # no clause, or a description of the one named first ('said Mr Vey, a banker, ...')
    return doc[content.start : end]
