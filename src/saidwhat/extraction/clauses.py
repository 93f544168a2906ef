"""Stage 4c: the reported clause of each cue, an indirect quote ('He said [the bridge would close]')."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from .according import clause_around_according, words_after_according, words_before_according
from .cues import CLAUSE_DEPS, Cue
from .docfacts import doc_facts
from .drafts import DraftQuote
from .lexicon import (
    AUDIENCE_NOUNS,
    FULL_STOPS,
    SAID_FORMS,
    SETTING_NOUNS,
    SETTING_PREPOSITIONS,
    TOPIC_VERBS,
    WH_WORDS,
)
from .marks import DOUBLED_MARKS, OPENING_MARKS, STRAIGHT_MARKS, QuotedRun
from .sources import attach_source, find_source_token, goes_on_from_reported_clause, reporting_verb_going_on_with
from .spans import char_bounds, trim_punct

ContentChooser = Callable[[Doc, Token], "tuple[int, int] | None"]

_SAYABLE_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "VERB", "AUX", "ADJ"})
# Objects that carry what was said when there is no clause: "discussed the importance of the show".
_TOPIC_DEPS = frozenset({"dobj"})
# Relations that set a verb beside the one above it rather than under what it reports.
_BESIDE_DEPS = frozenset({"conj", "prep", "pcomp", "advcl"})


def clause_of(cue: Cue, doc: Doc) -> tuple[int, int] | None:
    """Token bounds of what a cue reports: its clause, or its object for 'discussed the importance'."""
    token = doc[cue.token]
    if cue.phrase:
        return clause_around_according(cue, doc)
    clauses = [child for child in token.children if child.dep_ in CLAUSE_DEPS and child.dep_ != "xcomp"]
    # "Kit Connor has revealed when he hopes to start filming": the parser calls the wh-clause advcl. One
    # before the verb is the time of the report ('When the film opened, critics called it ...').
    clauses += [
        child
        for child in token.children
        if child.dep_ == "advcl" and child.i > token.i and child.left_edge.lower_ in WH_WORDS
    ]
    if not clauses and token.lemma_ in TOPIC_VERBS:
        clauses = [child for child in token.children if child.dep_ in _TOPIC_DEPS]
    if not clauses:
        return None
    clause = clauses[0]
    start, end = trim_punct(doc, clause.left_edge.i, clause.right_edge.i + 1)
    return (start, end) if end > start else None


_SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def _names_a_setting(prep: Token) -> bool:
    objects = [child for child in prep.children if child.dep_ == "pobj"]
    if not objects:
        return False
    noun = objects[0]
    if prep.lower_ == "to":
        return noun.lemma_.lower() in AUDIENCE_NOUNS
    return prep.lower_ in SETTING_PREPOSITIONS and (
        noun.lemma_.lower() in SETTING_NOUNS or noun.ent_type_ in _SETTING_ENTITIES
    )


def _is_setting(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> bool:
    """'said on [Twitter]', 'made the comments at [a brief appearance]': a content inside a
    prepositional phrase of the cue that names a medium, an occasion, a place or a time is where or
    when it was said, not what ('commented on [his death]' keeps its content)."""
    start, end = bounds
    if any(token.pos_ in ("VERB", "AUX") for token in doc[start:end]):
        return False  # 'told reporters in an interview [that the bridge would reopen]', parsed under 'interview'
    return any(
        child.dep_ == "prep" and child.i <= start < end <= child.right_edge.i + 1 and _names_a_setting(child)
        for child in doc[cue.token].children
    )


def _branch_beside(inner: Token, outer: Token) -> Token | None:
    """The branch of the outer cue that holds a second report by the same speaker, if the inner
    cue is one rather than part of what the outer cue reports: 'claimed vast wealth [and said] ...',
    'responded [by saying] ...', 'said it, [adding] that ...'."""
    if goes_on_from_reported_clause(inner) and inner.head.head.i == outer.i:
        return inner
    # A participle after a reported clause stands beside the reporting verb and beside every cue in
    # that clause ('emphasizes that she [wants] to help ..., contrasting herself with Sanders').
    reporting = reporting_verb_going_on_with(inner)
    if reporting is not None and (reporting.i == outer.i or reporting.is_ancestor(outer)):
        return inner
    token = inner
    while token.head.i != outer.i:
        if token.dep_ not in _BESIDE_DEPS or token.head.i == token.i:
            return None
        token = token.head
    if token.dep_ not in _BESIDE_DEPS or (token.dep_ == "advcl" and token.left_edge.lower_ in WH_WORDS):
        return None  # 'revealed [when he hopes to start]': the wh-clause is what was revealed
    return token


def _cut_before_sibling_reports(
    doc: Doc, cue: Cue, bounds: tuple[int, int], cue_tokens: frozenset[int]
) -> tuple[int, int] | None:
    """End a cue's content before another report by the same speaker that it ran into."""
    start, end = bounds
    outer = doc[cue.token]
    for i in range(start, end):
        branch = _branch_beside(doc[i], outer) if i in cue_tokens and i != cue.token else None
        if branch is not None:
            cut = branch.left_edge.i
            while cut > start and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].is_space):
                cut -= 1
            return (start, cut) if cut > start else None
    return bounds


def _cue_token_bounds(doc: Doc, cue: Cue) -> tuple[int, int]:
    span = doc.char_span(*cue.span, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (cue.token, cue.token + 1)


def _words_before_a_parenthetical_cue(
    doc: Doc, cue: Cue, bounds: tuple[int, int], *, adverbs: bool = False
) -> tuple[int, int] | None:
    """'The harbour, the mayor often says, is the heart of the town': the words before a cue set off
    by commas are said too; an adverb alone ('After all, she argued, ...') only with `adverbs`."""
    if cue.phrase:
        return None
    cue_start, cue_end = _cue_token_bounds(doc, cue)
    subject = find_source_token(cue, doc)
    first = min(cue_start, subject.left_edge.i) if subject is not None else cue_start
    sentence = doc_facts(doc).sent(doc[cue.token])
    between = doc[cue_end : bounds[0]]
    if first - 1 <= sentence.start or doc[first - 1].text != "," or not between or between[-1].text != ",":
        return None
    # 'The problem, she told us on Monday, is ...': the cue's own words may stand before the comma.
    if not all(doc[cue.token].is_ancestor(token) for token in between[:-1]):
        return None
    start, end = trim_punct(doc, sentence.start, first - 1)
    if end <= start or _opens_with_mark(doc, start):
        return None
    # 'Also, a spokesman said, ...': an adverb alone says nothing (PolNeAR counts it in)
    return (start, end) if adverbs or any(token.pos_ in _SAYABLE_POS for token in doc[start:end]) else None


def _words_after_a_parenthetical_cue(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """'Such efforts, they believe, will render his plan moot': where the content chosen is the words
    before a cue set off by commas, and the cue hangs from the verb after it, the rest of the
    sentence is said too."""
    token, facts = doc[cue.token], doc_facts(doc)
    subject = find_source_token(cue, doc)
    if cue.phrase or subject is None or subject.i > token.i:
        return None
    cue_start, cue_end = _cue_token_bounds(doc, cue)
    first = min(cue_start, subject.left_edge.i)
    before_comma = doc[bounds[1] : first - 1]
    if bounds[1] > first - 1 or doc[first - 1].text != "," or not all(word.is_punct for word in before_comma):
        return None
    sentence = facts.sent(token)
    comma = next((word.i for word in doc[cue_end : sentence.end] if word.text == ","), None)
    if comma is None or not all(token.is_ancestor(word) for word in doc[cue_end:comma]):
        return None
    start, end = trim_punct(doc, comma + 1, sentence.end)
    # quoted words before the cue, or opening what follows it, are a quote of their own ('"...," she says,
    # ...'); quoted words inside the rest are part of it ('..., she says, will come "slowly"')
    before = (sentence[0].idx, doc[first].idx)
    if any(run.start < before[1] and before[0] < run.end for run in facts.runs) or _opens_with_mark(doc, start):
        return None
    return (start, end) if start <= token.head.i < end else None


def _opens_with_mark(doc: Doc, start: int) -> bool:
    """Is the token at `start` an opening quotation mark (or a straight or doubled one)?"""
    opening = doc[start].text if start < len(doc) else ""
    return opening in OPENING_MARKS or opening in STRAIGHT_MARKS or opening in DOUBLED_MARKS


def _passive_subject(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """'The guards have been blamed for starting the fire': with no agent, what a passive cue
    reports is its subject and its complement."""
    token = doc[cue.token]
    # 'The council was warned that ...', 'Clinton was told ...': a clause makes the subject its audience.
    if any(child.dep_ in ("agent", "ccomp") for child in token.children):
        return None
    subjects = [child for child in token.children if child.dep_ == "nsubjpass" and child.i < token.i]
    if not subjects or bounds[0] <= token.i:
        return None
    start, end = trim_punct(doc, subjects[0].left_edge.i, subjects[0].right_edge.i + 1)
    return (start, end) if end > start else None


def _cuts(run: QuotedRun, start: int, end: int) -> bool:
    """Do character bounds take one quotation mark of a quoted run and not the other ('few surprises" are left')?"""
    return (start <= run.start < end) != (start < run.end <= end)


def _cuts_a_run(doc: Doc, bounds: tuple[int, int]) -> bool:
    """Do token bounds cut a quoted run?"""
    start, end = char_bounds(doc, *bounds)
    return any(_cuts(run, start, end) for run in doc_facts(doc).runs)


def _keep_clause_verb(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int]:
    """'said the vote - expected in May - would be close': learned bounds that start the cue's clause but
    end before its verb take the clause of the grammar, since a clause holds its verb. Of such bounds,
    the grammar's clause is nearer a gold content 9 times and farther once (bbc-train-gold 1 of 1,
    PolNeAR train 8 of 10 nearer, 1 as near)."""
    heads = [child for child in doc[cue.token].children if child.dep_ in CLAUSE_DEPS and child.dep_ != "xcomp"]
    grammar = clause_of(cue, doc) if heads else None
    start, end = bounds
    if grammar is None or grammar[0] != start or grammar[0] <= cue.token or not end <= heads[0].i < grammar[1]:
        return bounds
    return grammar


def widen_to_whole_runs(doc: Doc, bounds: tuple[int, int]) -> tuple[int, int]:
    """Token bounds widened to both marks of every quoted run they cut."""
    start, end = bounds
    for run in doc_facts(doc).runs:
        if _cuts(run, *char_bounds(doc, start, end)):
            span = doc.char_span(run.start, run.end, alignment_mode="expand")
            if span is not None:
                start, end = min(start, span.start), max(end, span.end)
    return start, end


def _start_after_closed_quotes(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int]:
    """'... saying: "The plan is dead." Fares will rise, he said.': a quoted sentence closed by its own full
    stop ends the sentence, though the parser ran on over it; what a cue after it reports starts after it."""
    start, end = bounds
    if cue.token < end:
        return bounds
    text = doc_facts(doc).text
    for run in doc_facts(doc).runs:
        first, last = char_bounds(doc, start, end)
        if first <= run.start and run.end < last and run.closed and text[run.end - 2 : run.end - 1] in FULL_STOPS:
            after = doc.char_span(run.end, last, alignment_mode="contract")
            if after is not None and len(after) and after[0].is_title:
                start = after.start
    return trim_punct(doc, start, end) if start > bounds[0] else bounds


def _words_before_inverted_cue(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """'Prices will rise, warned the council.': the words before the comma of a cue whose subject comes
    after it, where they make a clause and open with no quotation mark (a quote is attributed as such).
    'said' and 'says' need no comma ('Prices will rise said the council'): they open no clause of their
    own between a clause and their subject."""
    sentence = doc_facts(doc).sent(doc[cue.token])
    if cue.phrase or cue.token - 1 <= sentence.start:
        return None
    comma = doc[cue.token - 1].text == ","
    if not comma and not _said_before_its_subject(doc, cue):
        return None
    start, end = trim_punct(doc, sentence.start, cue.token - 1 if comma else cue.token)
    if start < end and doc[start].pos_ == "CCONJ":
        start, end = trim_punct(doc, start + 1, end)  # 'But prices will rise, warned ...': the link is the writer's
    if end <= start or _opens_with_mark(doc, sentence.start):
        return None
    return (start, end) if any(token.pos_ in ("VERB", "AUX") for token in doc[start:end]) else None


def _said_before_its_subject(doc: Doc, cue: Cue) -> bool:
    """'... said Ada Brenn': 'said' or 'says' with its subject right after it."""
    subject = find_source_token(cue, doc)
    token = doc[cue.token]
    return token.lower_ in SAID_FORMS and subject is not None and subject.left_edge.i == token.i + 1


# Words that may lead a sentence before a cue set off by commas without being said ('But, says ...',
# 'More significantly, argues ...'): adverbs and conjunctions, the writer's links (English grammar).
_LINK_POS = frozenset({"ADV", "CCONJ", "SCONJ", "PUNCT", "SPACE"})


def _words_after_inverted_aside(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """'But, says Ada Brenn, a planner, the bridge will close': after a link word or two, a cue set off
    by commas with its subject after it reports the rest of the sentence, from the comma that closes
    the subject and what describes it; the link is the writer's."""
    token = doc[cue.token]
    sentence = doc_facts(doc).sent(token)
    subject = find_source_token(cue, doc)
    if cue.phrase or subject is None or subject.i <= token.i or doc[cue.token - 1].text != ",":
        return None
    lead = doc[sentence.start : cue.token - 1]
    if not lead or not all(word.pos_ in _LINK_POS for word in lead):
        return None
    comma = subject.right_edge.i if subject.right_edge.text == "," else subject.right_edge.i + 1
    if comma >= sentence.end or doc[comma].text != ",":
        return None
    start, end = trim_punct(doc, comma + 1, sentence.end)
    if end <= start or _opens_with_mark(doc, start):
        return None
    return (start, end) if any(word.pos_ in ("VERB", "AUX") for word in doc[start:end]) else None


def find_indirect_quotes(
    doc: Doc,
    cues: list[Cue],
    drafts: list[DraftQuote],
    choose_content: ContentChooser | None = None,
    *,
    said_adverbs: bool = False,
    whole_runs: bool = False,
) -> list[DraftQuote]:
    """The reported clause of every cue that is not itself inside a marked quote. With `said_adverbs`,
    an adverb before a parenthetical cue is part of what it reports ('After all, she argued, ...'); with
    `whole_runs`, learned bounds that cut a quoted run give way to the clause by the grammar."""
    found: list[DraftQuote] = []
    cue_tokens = frozenset(cue.token for cue in cues)
    for cue in cues:
        if any(draft.covers(cue.span[0]) for draft in drafts):
            continue  # attributions nested in someone's quoted words are not listed
        # 'According to Politico, X': the phrase's rule is exact; the learned boundaries serve verbs.
        learned = choose_content is not None and not cue.phrase
        bounds = choose_content(doc, doc[cue.token]) if learned and choose_content else clause_of(cue, doc)
        if whole_runs and learned and bounds is not None and _cuts_a_run(doc, bounds):
            bounds = widen_to_whole_runs(doc, clause_of(cue, doc) or bounds)
        if learned and bounds is not None:
            bounds = _keep_clause_verb(doc, cue, bounds)
        if bounds is not None:
            bounds = _cut_before_sibling_reports(doc, cue, bounds, cue_tokens)
        if bounds is not None:
            bounds = _start_after_closed_quotes(doc, cue, bounds)
        if bounds is None or _is_setting(doc, cue, bounds):
            continue
        start, end = char_bounds(doc, *bounds)
        draft = DraftQuote(type="indirect", contents=[(start, end)], confidence=cue.score * 0.9)
        attach_source(draft, cue, doc)
        if any(source_start < end and start < source_end for source_start, source_end in draft.sources):
            before = _words_before_inverted_cue(doc, cue) or _words_after_inverted_aside(doc, cue)
            if before is None:
                continue  # '"...," said Ada Brenn, a ...': the words after the cue name who spoke
            draft.contents = [char_bounds(doc, *before)]
        wrapped = (
            _words_before_a_parenthetical_cue(doc, cue, bounds, adverbs=said_adverbs)
            or _passive_subject(doc, cue, bounds)
            or words_before_according(doc, cue)
        )
        if wrapped is not None:
            draft.contents.insert(0, char_bounds(doc, *wrapped))
        elif (
            rest := _words_after_a_parenthetical_cue(doc, cue, bounds) or words_after_according(doc, cue)
        ) is not None:
            draft.contents.append(char_bounds(doc, *rest))
        found.append(draft)
    return found
