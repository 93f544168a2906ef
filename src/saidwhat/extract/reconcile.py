"""Stage 4c: settle marked quotes against reported clauses, and apply the span conventions.

A quote and a clause that overlap become one quotation (direct or mixed); continuations take the
speaker before them; the 'polnear' conventions fold continuations in and widen sources.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .cues import gap_key, words_between
from .docfacts import doc_facts, token_at
from .drafts import DraftQuote, Offsets
from .lexicon import HONORIFICS, TOPIC_VERBS
from .marks import QUOTE_MARK_CHARS
from .sources import is_relative_subject, source_bounds
from .spans import char_bounds, trim_punct

_CONVERSATION_VERBS = frozenset({"speak", "talk", "chat"})
_DESCRIBING_DEPS = frozenset({"relcl", "acl", "amod", "compound", "aux", "auxpass"})
# Entities that name a source under the default conventions: a person or an organisation.
_NAME_LABELS = frozenset({"PERSON", "ORG"})


def _only_punctuation(text: str) -> bool:
    return not any(char.isalnum() for char in text)


def reconcile(
    text: str,
    marked: list[DraftQuote],
    clauses: list[DraftQuote],
    *,
    belief_cues: frozenset[int] = frozenset(),
    nested_cues: frozenset[int] = frozenset(),
) -> list[DraftQuote]:
    """Settle marked quotes against reported clauses that overlap them.

    A clause inside a quote is the quote's own grammar ('"I don't know," he said'): the quote
    keeps it as its cue. A quote inside a longer clause is a mixed quote ('told them that
    "nobody complains"'): the clause is kept, typed mixed, and the quote is not listed again;
    but a clause of belief (`belief_cues`: 'hopes season 2 films in "next couple of months"')
    reports no words, so the quoted words stay a partial quote with the clause's cue and source.
    A clause inside another one's content is left out unless its cue is one of `nested_cues`.
    """
    absorbed: set[int] = set()
    kept: list[DraftQuote] = []
    quoting_cues = {m.cue_token for m in marked if m.type == "direct" and m.cue_token is not None}
    for clause in clauses:
        overlapping = [m for m in marked if m.start < clause.end and clause.start < m.end]
        if not overlapping:
            if clause.cue_token not in quoting_cues:
                kept.append(clause)
            continue
        keep_clause = False
        for quote in overlapping:
            outside = text[clause.start : quote.start] + text[quote.end : clause.end]
            clause_in_quote = quote.start <= clause.start and clause.end <= quote.end
            # '"Books change lives," she said': the quote took this cue, so the clause is the quote's.
            took_cue = quote.type == "direct" and quote.cue_token == clause.cue_token
            if (
                clause_in_quote
                or took_cue
                or _only_punctuation(outside)
                or (quote.type == "direct" and clause.start >= quote.start)
            ):
                if quote.cue is None and clause.cue_token not in quoting_cues:
                    _take_attribution(quote, clause)
                continue
            if quote.type == "partial" and clause.cue_token in belief_cues:
                if quote.cue is None:
                    _take_attribution(quote, clause)
                continue
            if quote.start >= clause.start or quote.type == "partial":
                absorbed.add(id(quote))
                clause.type = "mixed"
                clause.contents = _widen_over(clause.contents, (quote.start, quote.end))
                keep_clause = True
        if keep_clause:
            kept.append(clause)
    return [m for m in marked if id(m) not in absorbed] + drop_nested(kept, nested_cues=nested_cues)


def _widen_over(fragments: list[Offsets], quote: Offsets) -> list[Offsets]:
    """The fragments with the ones the quote overlaps widened over it: 'The golf industry, she said,
    is "doing much better"' keeps its two fragments apart, not one over its own cue and source."""
    touched = [i for i, (start, end) in enumerate(fragments) if start < quote[1] and quote[0] < end]
    if not touched:
        return [(min(fragments[0][0], quote[0]), max(fragments[-1][1], quote[1]))]
    first, last = touched[0], touched[-1]
    widened = (min(fragments[first][0], quote[0]), max(fragments[last][1], quote[1]))
    return [*fragments[:first], widened, *fragments[last + 1 :]]


def _take_attribution(quote: DraftQuote, clause: DraftQuote) -> None:
    quote.cue, quote.cue_token = clause.cue, clause.cue_token
    quote.sources, quote.source_token = clause.sources, clause.source_token


def drop_nested(clauses: list[DraftQuote], *, nested_cues: frozenset[int] = frozenset()) -> list[DraftQuote]:
    """Leave out a reported clause whose cue stands inside another one's content: 'Connor has
    revealed when he hopes to start filming' reports one thing, not two. Clauses of `nested_cues`
    stay beside the one around them."""
    return [
        clause
        for clause in clauses
        if clause.cue is None
        or clause.cue_token in nested_cues
        or not any(other is not clause and other.covers(clause.cue[0]) for other in clauses)
    ]


def link_continuations(text: str, drafts: list[DraftQuote]) -> None:
    """A direct quote with no attribution of its own takes the speaker of the direct quote before it.

    '"But then again, it is also so necessary..."' follows '..." commented Connor' with nothing
    in between that names another speaker.
    """
    previous: DraftQuote | None = None
    for draft in sorted(drafts, key=lambda d: d.start):
        if draft.type == "direct" and not draft.sources and draft.cue is None and previous is not None:
            between = text[previous.end : draft.start]
            if len(between) < 400:
                draft.inherits = True
        if draft.type in ("direct", "mixed", "indirect"):
            previous = draft


def join_continuations(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """Fold each continuation into the direct quote it continues, as one more content span.

    PolNeAR annotates '"A," X said. "B."' as one attribution of two fragments, and 'A, X said. "B."'
    too; the BBC gold and saidwhat's default list "B." as a quote of its own with the same speaker.
    """
    joined: list[DraftQuote] = []
    for draft in sorted(drafts, key=lambda d: d.start):
        previous = _quote_continued(doc, joined)
        if (
            draft.inherits
            and draft.type == "direct"
            and previous is not None
            and _may_be_continued(doc, previous, draft)
        ):
            previous.contents.extend(draft.contents)
            if previous.type == "indirect":
                previous.type = "mixed"
            continue
        joined.append(draft)
    return joined


def _may_be_continued(doc: Doc, previous: DraftQuote, draft: DraftQuote) -> bool:
    """A direct quote, or a reported clause that its cue follows ('The talks may stall, Schiff said.')
    or that stands in the continuation's paragraph ('Okafor called him a master. "He showed ..."')."""
    if previous.type == "direct":
        return True
    if previous.type not in ("mixed", "indirect") or previous.cue is None:
        return False
    return previous.cue[0] >= previous.end or "\n" not in doc_facts(doc).text[previous.end : draft.start]


def _quote_continued(doc: Doc, joined: list[DraftQuote]) -> DraftQuote | None:
    """The quote a continuation may continue: the last one before it, over partial quotes and over
    clauses its own speaker went on with ('"A," DuVernay said, emphasizing why X. "B."')."""
    went_on: list[DraftQuote] = []
    for draft in reversed(joined):
        if draft.type == "partial":
            continue
        if draft.type == "direct" and all(_same_source(doc, clause, draft) for clause in went_on):
            return draft
        if draft.type == "direct" or not draft.sources:
            return went_on[0] if went_on else draft
        went_on.append(draft)
    return went_on[0] if went_on else None


def _same_source(doc: Doc, clause: DraftQuote, quote: DraftQuote) -> bool:
    """Is a clause said by the quote's speaker, or part of how the quote names its speaker ('"A,"
    said Tim Hess, a developer, who introduced X to Y. "B."')?"""
    if clause.sources == quote.sources:
        return True
    if clause.cue_token is None:
        return False
    cue = doc[clause.cue_token]
    # '"A," Chaffetz said after Pagliano failed to show up. "B."': a clause inside the quote's own
    # attribution, whoever its subject.
    if quote.cue_token is not None and doc[quote.cue_token].is_ancestor(cue):
        return True
    return quote.source_token is not None and doc[quote.source_token].is_ancestor(cue)


def widen_sources(doc: Doc, drafts: list[DraftQuote]) -> None:
    """Give each source its appositive, as PolNeAR marks sources ('Brent Bozell III, founder of the
    Media Research Center')."""
    text = doc_facts(doc).text
    for draft in drafts:
        if draft.source_token is not None and draft.sources:
            start, end = char_bounds(doc, *source_bounds(doc[draft.source_token]))
            # 'Another critic, Laurence H. Tribe, likened': the comma closing an appositive is marked too.
            if "," in text[start:end] and text[end : end + 1] == ",":
                end += 1
            # 'Pat Caddell: Voters Worried ...': the parser may hang the words said from the name.
            said = [*draft.contents, *([draft.cue] if draft.cue else [])]
            if not any(start < said_end and said_start < end for said_start, said_end in said):
                draft.sources = [(start, end)]


def keep_relative_pronoun_sources(doc: Doc, drafts: list[DraftQuote]) -> None:
    """'Schiff, who said ...': PolNeAR marks the relative pronoun as the source (568 times on train);
    the speaker is still the noun it stands for."""
    for draft in drafts:
        if draft.cue_token is None or not draft.sources:
            continue
        cue = doc[draft.cue_token]
        subjects = [child for child in cue.children if child.dep_ == "nsubj"]
        pronouns = [child for child in subjects if is_relative_subject(child)]
        # 'the reasons that Trump refuses ...': a subject of its own says it, not the pronoun
        if pronouns and len(subjects) == len(pronouns):
            draft.sources = [char_bounds(doc, pronouns[0].i, pronouns[0].i + 1)]


_OBJECT_PRONOUNS = frozenset({"which", "whom", "who", "what", "that"})


def complete_relative_pronoun_contents(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """'his new home, which he described as "like an open orchid"': PolNeAR's content is the relative
    pronoun before the cue and the cue's words after it. Where the content is only the pronoun, it
    goes on after the cue, or gives way to a quote of the same cue; where it is only the words after,
    the pronoun comes first."""
    kept: list[DraftQuote] = []
    for draft in drafts:
        if draft.cue is None or draft.cue_token is None or len(draft.contents) != 1:
            kept.append(draft)
            continue
        start, end = draft.contents[0]
        cue = doc[draft.cue_token]
        if end <= draft.cue[0] and doc.text[start:end].strip().lower() in _OBJECT_PRONOUNS:
            if any(other is not draft and other.cue_token == draft.cue_token for other in drafts):
                continue
            complement = _complement_after(cue, draft.cue[1])
            if complement is not None:
                draft.contents.append(char_bounds(doc, *complement))
        elif start >= draft.cue[1] and (pronoun := _relative_object(cue)) is not None:
            draft.contents.insert(0, char_bounds(doc, pronoun.i, pronoun.i + 1))
        kept.append(draft)
    return kept


def _relative_object(cue: Token) -> Token | None:
    """'which Tim Cook called "total political crap"', 'what the senators said was gerrymandering': the
    relative pronoun before the cue that is its object or the subject of the clause it reports."""
    clauses = [child for child in cue.rights if child.dep_ in ("ccomp", "xcomp")]
    candidates = [child for child in cue.lefts if child.dep_ == "dobj"]
    candidates += [child for clause in clauses for child in clause.lefts if child.dep_ in ("nsubj", "nsubjpass")]
    for candidate in candidates:
        if candidate.i < cue.i and candidate.tag_ in ("WDT", "WP") and candidate.lower_ in _OBJECT_PRONOUNS:
            return candidate
    return None


def _complement_after(cue: Token, cue_end: int) -> tuple[int, int] | None:
    """The tokens of what the cue calls its object ('as a triumph', "'the little senator'", 'now
    allows ...') after the cue's span."""
    for child in cue.rights:
        if child.dep_ in ("oprd", "ccomp", "xcomp") or (child.dep_ == "prep" and child.lower_ == "as"):
            first = next((token.i for token in child.subtree if token.idx >= cue_end), None)
            if first is None:
                return None
            first, last = trim_punct(cue.doc, first, child.right_edge.i + 1)
            return (first, last) if last > first else None
    return None


def take_in_lead_before_parenthetical_attribution(doc: Doc, drafts: list[DraftQuote]) -> None:
    """'Sooner or later, the governor told reporters, "it starts to pay off."': PolNeAR's content starts
    with the words before an attribution set off by commas."""
    text = doc.text
    for draft in drafts:
        if draft.type not in ("direct", "mixed") or draft.cue is None or not draft.sources:
            continue
        first = min(draft.cue[0], draft.sources[0][0])
        last = max(draft.cue[1], draft.sources[-1][1])
        after = text[last : draft.start].strip()
        if last > draft.start or not after.endswith(",") or len(after) > 60 or any(c in after for c in ".:;"):
            continue
        before = text[:first].rstrip()
        opening = next((c for c in text[draft.start : draft.end] if c.isalnum()), "")
        if not before.endswith(",") or not opening.islower():
            continue  # a quote that opens a sentence of its own says nothing of the words before
        token = token_at(doc, first)
        if token is None:
            continue
        sentence = doc_facts(doc).sent(token)
        lead = text[sentence.start_char : len(before) - 1]
        if not lead.strip() or any(mark in lead for mark in QUOTE_MARK_CHARS) or "\n" in lead.strip():
            continue
        start = sentence.start_char + len(lead) - len(lead.lstrip())
        draft.contents.insert(0, (start, len(before) - 1))
        draft.type = "mixed"


_THAT_BEFORE = re.compile(r"\bthat,?\s*$")


def take_in_that_before_quotes(doc: Doc, drafts: list[DraftQuote]) -> None:
    """'Trump tweeted that, "For those few people ..."': PolNeAR's content starts at 'that' (85 times
    to 2 on train), and the quote is then mixed; its clause goes on after the closing mark
    ('that "Of course he will defend himself" against what ...')."""
    text = doc.text
    for draft in drafts:
        if draft.type != "direct" or draft.cue is None or draft.cue[1] > draft.start:
            continue
        match = _THAT_BEFORE.search(text, max(draft.cue[1], draft.start - 8), draft.start)
        if match:
            draft.contents[0] = (match.start(), draft.contents[0][1])
            draft.type = "mixed"
            draft.contents[-1] = (draft.contents[-1][0], _end_of_clause(doc, draft.end))


def drop_leading_that(doc: Doc, drafts: list[DraftQuote]) -> None:
    """'said [that] the bridge would close': the BBC gold and the seed start a reported clause after the
    'that' that introduces it; PolNeAR starts it at 'that'. A relative or demonstrative 'that' stays."""
    for draft in drafts:
        if draft.type not in ("indirect", "mixed"):
            continue
        first = token_at(doc, draft.start)
        if first is None or first.lower_ != "that" or first.dep_ != "mark" or first.i + 1 >= len(doc):
            continue
        start = doc[first.i + 1].idx
        if start < draft.contents[0][1]:
            draft.contents[0] = (start, draft.contents[0][1])


def give_passive_cues_to_quoted_words(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """'The machine was described by Jobs as the "most important Mac"': the quoted words are what the
    passive cue reports, with its agent for source (the BBC gold's partial quote); the subject before the
    cue is what they describe, not a quote of its own."""
    described: list[DraftQuote] = []
    # the passive clauses, found once: testing every clause for every quoted word was quadratic
    passive = [clause for clause in drafts if _is_passive_report(doc, clause)]
    for quote in drafts:
        words = token_at(doc, quote.start) if passive and quote.type == "partial" and quote.cue is None else None
        clause = _passive_clause_over(doc, words, passive) if words is not None else None
        if clause is not None and all(clause is not taken for taken in described):
            quote.cue, quote.cue_token = clause.cue, clause.cue_token
            quote.sources, quote.source_token = clause.sources, clause.source_token
            described.append(clause)
    return [draft for draft in drafts if all(draft is not taken for taken in described)]


def _is_passive_report(doc: Doc, clause: DraftQuote) -> bool:
    """An indirect quote whose cue is a passive verb after it ('..., it was reported by')."""
    if clause.type != "indirect" or clause.cue_token is None:
        return False
    cue = doc[clause.cue_token]
    return clause.end <= cue.idx and any(child.dep_ == "auxpass" for child in cue.children)


def _passive_clause_over(doc: Doc, words: Token, passive: list[DraftQuote]) -> DraftQuote | None:
    """The passive indirect quote whose cue governs these words and reports only the subject before it."""
    for clause in passive:
        if clause.cue_token is not None and doc[clause.cue_token].is_ancestor(words):
            return clause
    return None


def keep_names_only_in_sources(doc: Doc, drafts: list[DraftQuote]) -> None:
    """'Housing Minister [Petra Lund]', 'Lantern Street star [Maya Okafor]', "France's [Snecma]": the BBC
    gold and the seed mark a named source without the words that describe it, keeping an honorific before
    it ('Mr Okoro'). The name is the entity that holds the head word of the source."""
    for draft in drafts:
        if len(draft.sources) != 1:
            continue
        start, end = draft.sources[0]
        source = doc.char_span(start, end, alignment_mode="expand")
        name = _entity_holding(doc, source.root.i) if source is not None and len(source) else None
        if name is None or name.label_ not in _NAME_LABELS:
            continue
        first = name.start
        if len(name) == 1 and first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head.i == first:
            first -= 1  # 'Ravi Dastidar' where the entity is 'Dastidar' alone
        if first > 0 and doc[first - 1].lower_.rstrip(".") in HONORIFICS:
            first -= 1
        named = (doc[first].idx, name.end_char)
        if start <= named[0] and named[1] <= end:
            draft.sources = [named]


def _entity_holding(doc: Doc, i: int) -> Span | None:
    return next((ent for ent in doc.ents if ent.start <= i < ent.end), None)


def _end_of_clause(doc: Doc, end: int) -> int:
    """Where the words after a closing mark end their sentence, if they go on in lower case."""
    rest = doc.text[end:]
    word = end + len(rest) - len(rest.lstrip(" "))
    if not rest.lstrip(" ")[:1].islower():
        return end
    first = token_at(doc, word)
    if first is None:
        return end
    last = doc_facts(doc).sent(first).end
    while last > first.i and (doc[last - 1].is_punct or doc[last - 1].is_space):
        last -= 1
    return max(end, doc[last - 1].idx + len(doc[last - 1].text)) if last > first.i else end


def reach_cues_to_content(doc: Doc, drafts: list[DraftQuote], gaps: frozenset[str]) -> None:
    """'complained bitterly [about]', 'went on [to say]': PolNeAR's cue runs up to the content after
    it when the words between have a shape its annotators take in (learned, `cues.gap_key`)."""
    for draft in drafts:
        if draft.cue is None or draft.cue[1] > draft.start:
            continue
        if any(draft.cue[1] <= start < draft.start for start, _ in draft.sources):
            continue  # never over the source: 'According to [Rush Limbaugh], the move reeks of "fear"'
        words = words_between(doc, draft.cue[1], draft.start)
        if words and gap_key(words) in gaps:
            draft.cue = (draft.cue[0], words[-1].idx + len(words[-1]))


def trim_trailing_relative_clauses(doc: Doc, drafts: list[DraftQuote]) -> None:
    """'to pardon Hillary Clinton[, who has not been charged]': PolNeAR's annotators end a reported
    clause before a non-restrictive relative clause two times in three (179 to 95 on train); the BBC
    gold keeps it ('mild early-winter weather, which has tempered demand')."""
    for draft in drafts:
        if draft.type != "indirect" or len(draft.contents) != 1:
            continue
        span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span[1:-1]:
            if _opens_trailing_relative_clause(token, span):
                draft.contents = [(draft.start, token.idx)]
                break


def _opens_trailing_relative_clause(token: Token, span: Span) -> bool:
    """Is `token` the comma of ', who ...' or ', which ...' running to the end of `span`?"""
    after = token.nbor(1)
    clause = after.head
    return (
        token.text == ","
        and after.lower_ in ("who", "which")
        and clause.dep_ == "relcl"
        and clause.right_edge.i >= span.end - 2
    )


def has_reported_content(doc: Doc, draft: DraftQuote) -> bool:
    """Does an indirect quote report something: a clause, or the topic of a telling verb?

    'He added that the series would return' reports a clause and 'discussed the importance of the
    show' a topic, but 'spoke to the press' and 'praised Greta Lind' report nothing (the BBC gold's
    rule; PolNeAR annotates such acts too).
    """
    if draft.type != "indirect" or draft.cue_token is None:
        return True
    if draft.source_token is not None and _names_nobody(doc[draft.source_token]):
        return False  # 'Nobody knows how it will end'
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or any(_heads_a_clause(token, span) for token in span):
        return True
    cue = doc[draft.cue_token]
    lemma = cue.lemma_.lower()
    if lemma in _CONVERSATION_VERBS and any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in cue.children):
        return False  # 'spoke with Jane Garvey about his show': who talked with whom, not what was said
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return lemma in TOPIC_VERBS or before in ("about", "on", "of")


def _heads_a_clause(token: Token, span: Span) -> bool:
    """A verb of the reported words themselves, not of a clause that describes a noun in them
    ('spoke with Jane Garvey about his show, which has just been renewed'), nor one inside a relative
    clause ('criticised the new series, which is about to be aired')."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    # 'told reporters in an interview that the bridge would reopen': 'that' opens a clause the parser hung as acl
    if token.dep_ in _DESCRIBING_DEPS and not any(child.dep_ == "mark" for child in token.children):
        return False
    return not any(ancestor.dep_ == "relcl" and span.start <= ancestor.i < span.end for ancestor in token.ancestors)


def _names_nobody(token: Token) -> bool:
    return token.lower_ in ("nobody", "none") or (
        token.lower_ == "one" and token.i > 0 and token.nbor(-1).lower_ == "no"
    )
