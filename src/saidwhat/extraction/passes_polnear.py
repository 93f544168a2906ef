"""The passes of the 'polnear' conventions: how PolNeAR's annotators draw attributions.

Each pass takes the drafts of one document and returns them (`conventions.Pass`). PolNeAR folds a
continuation into the quote it continues, marks a source with its appositive and a relative pronoun
as a source, ends a reported clause before a trailing relative clause, and lets a cue reach over the
words before its content. Its counts below are on PolNeAR train.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .cues import found_cues, gap_key, words_between
from .docfacts import doc_facts, token_at
from .drafts import DraftQuote
from .lexicon import OBJECT_RELATIVE_PRONOUNS, SPEECH_VERBS
from .marks import QUOTE_MARK_CHARS
from .sources import is_relative_subject, source_bounds
from .spans import char_bounds, trim_punct

# A cue scored this high keeps its report inside another one's content.
NESTED_REPORT_MIN_SCORE = 0.9


def is_nested_report(token: Token, score: float) -> bool:
    """PolNeAR lists a report inside another one's content beside it ('X said that Y claimed Z' is two
    attributions) where the inner one is a speech verb of a relative clause, or a cue the scorer is
    sure of: at 0.9 and above, train attribution +31, cue exact TP +75, content exact TP +50 (dev
    +2, +7, +5); at 0.7 the extra quotes cost more precision than they bring."""
    return score >= NESTED_REPORT_MIN_SCORE or _reports_in_relative_clause(token)


def _reports_in_relative_clause(token: Token) -> bool:
    """'a finish that he said defied expectations', 'with whom he clashed', 'Okafor, who claimed ...':
    PolNeAR lists a speech verb of a relative clause with a subject beside the report around it (train
    attribution +17, source exact TP +47; the relative pronoun for subject too: +22, +27)."""
    return (
        token.dep_ == "relcl"
        and token.lemma_.lower() in SPEECH_VERBS
        and any(child.dep_ == "nsubj" for child in token.children)
    )


def drop_uncued_partials(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """PolNeAR lists attributions only: a quoted word with no cue (a scare quote, a title) is none."""
    return [draft for draft in drafts if draft.type != "partial" or draft.cue is not None]


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
    said Ray Dunmore, a developer, who introduced X to Y. "B."')?"""
    if clause.sources == quote.sources:
        return True
    if clause.cue_token is None:
        return False
    cue = doc[clause.cue_token]
    # '"A," Reyes said after Okafor failed to attend. "B."': a clause inside the quote's own
    # attribution, whoever its subject.
    if quote.cue_token is not None and doc[quote.cue_token].is_ancestor(cue):
        return True
    return quote.source_token is not None and doc[quote.source_token].is_ancestor(cue)


def widen_sources(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """Give each source its appositive, as PolNeAR marks sources ('Brent Bozell III, founder of the
    Media Research Center')."""
    text = doc_facts(doc).text
    for draft in drafts:
        if draft.source_token is not None and draft.sources:
            start, end = char_bounds(doc, *source_bounds(doc[draft.source_token]))
            # 'Another critic, Laurence H. Tribe, likened': the comma closing an appositive is marked too.
            if "," in text[start:end] and text[end : end + 1] == ",":
                end += 1
            # 'Ann Lowe: Renters Fear ...': the parser may hang the words said from the name.
            said = [*draft.contents, *([draft.cue] if draft.cue else [])]
            if not any(start < said_end and said_start < end for said_start, said_end in said):
                draft.sources = [(start, end)]
    return drafts


def keep_relative_pronoun_sources(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
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
    return drafts


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
        if end <= draft.cue[0] and doc_facts(doc).text[start:end].strip().lower() in OBJECT_RELATIVE_PRONOUNS:
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
    """'which Ana Reyes called "utter nonsense"', 'what the senators said was gerrymandering': the
    relative pronoun before the cue that is its object or the subject of the clause it reports."""
    clauses = [child for child in cue.rights if child.dep_ in ("ccomp", "xcomp")]
    candidates = [child for child in cue.lefts if child.dep_ == "dobj"]
    candidates += [child for clause in clauses for child in clause.lefts if child.dep_ in ("nsubj", "nsubjpass")]
    for candidate in candidates:
        if candidate.i < cue.i and candidate.tag_ in ("WDT", "WP") and candidate.lower_ in OBJECT_RELATIVE_PRONOUNS:
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


def take_in_lead_before_parenthetical_attribution(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """'Sooner or later, the governor told reporters, "it starts to pay off."': PolNeAR's content starts
    with the words before an attribution set off by commas."""
    text = doc_facts(doc).text
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
    return drafts


_THAT_BEFORE = re.compile(r"\bthat,?\s*$")


def take_in_that_before_quotes(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """'Okafor wrote that, "For the few who ..."': PolNeAR's content starts at 'that' (85 times
    to 2 on train), and the quote is then mixed; its clause goes on after the closing mark
    ('that "Of course he will defend himself" against what ...')."""
    text = doc_facts(doc).text
    for draft in drafts:
        if draft.type != "direct" or draft.cue is None or draft.cue[1] > draft.start:
            continue
        match = _THAT_BEFORE.search(text, max(draft.cue[1], draft.start - 8), draft.start)
        if match:
            draft.contents[0] = (match.start(), draft.contents[0][1])
            draft.type = "mixed"
            draft.contents[-1] = (draft.contents[-1][0], _end_of_clause(doc, draft.end))
    return drafts


def _end_of_clause(doc: Doc, end: int) -> int:
    """Where the words after a closing mark end their sentence, if they go on in lower case."""
    rest = doc_facts(doc).text[end:]
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


def reach_cues_to_content(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """'complained bitterly [about]', 'went on [to say]': PolNeAR's cue runs up to the content after
    it when the words between have a shape its annotators take in (learned, `cues.gap_key`)."""
    gaps = found_cues(doc).gaps
    for draft in drafts:
        if draft.cue is None or draft.cue[1] > draft.start:
            continue
        if any(draft.cue[1] <= start < draft.start for start, _ in draft.sources):
            continue  # never over the source: 'According to [Dana Pryce], the plan smacks of "panic"'
        words = words_between(doc, draft.cue[1], draft.start)
        if words and gap_key(words) in gaps:
            draft.cue = (draft.cue[0], words[-1].idx + len(words[-1]))
    return drafts


def trim_trailing_relative_clauses(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """'to pardon Tom Hale[, who was never tried]': PolNeAR's annotators end a reported
    clause before a non-restrictive relative clause two times in three (179 to 95 on train); the BBC
    gold keeps it ('a wet spring, which has slowed sales')."""
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
    return drafts


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
