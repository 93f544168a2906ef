"""Run stages 3 to 5 over one parsed document and assemble the typed records."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .asides import is_discourse_said, reshape_inverted_asides
from .attribute import (
    attribute_marked_quotes,
    find_indirect_quotes,
    merge_interrupted_quotes,
)
from .clause_ends import end_before_other_reports
from .constants import BELIEF_VERBS, SPEECH_VERBS, TOPIC_VERBS
from .cues import Cue, find_cues, find_poll_cues, one_word_extensions
from .docfacts import doc_facts
from .drafts import DraftQuote
from .headline import trim_glued_headlines
from .learn.quoteness import is_a_quotation, is_someones_words
from .model import RULES, Deciders
from .quoted_tails import take_in_quoted_tails
from .quotes import draft_marked_quotes
from .records import Quote, Speaker, span_of
from .settle import (
    complete_relative_pronoun_contents,
    drop_leading_that,
    give_passive_cues_to_quoted_words,
    has_reported_content,
    join_continuations,
    keep_names_only_in_sources,
    keep_relative_pronoun_sources,
    link_continuations,
    reach_cues_to_content,
    reconcile,
    take_in_lead_before_parenthetical_attribution,
    take_in_that_before_quotes,
    trim_trailing_relative_clauses,
    widen_sources,
)
from .speakers import Entity, Resolved, resolve_quotes
from .transcripts import find_labelled_lines, settle_labelled_lines

# Under PolNeAR's conventions, a cue scored this high keeps its report inside another one's content.
NESTED_REPORT_MIN_SCORE = 0.9
# Under the default conventions, an indirect quote whose cue is not a speech verb needs this score.
ACT_CUE_MIN_SCORE = 0.6
# Quoted words in narration up to this long are a scare quote or a term, not someone's words.
_SCARE_QUOTE_MAX_WORDS = 2
# What the default conventions do not count as reports, beside beliefs: agreeing, wondering, forgetting,
# seeing (the BBC gold's 'belief/perception verbs (thought, expected, seen, worried, agree)').
_NOT_REPORTS = BELIEF_VERBS | frozenset({"agree", "wonder", "ponder", "forget", "see"})
# Verbs that report words, or a topic ('outlined the plan'), whatever the cue scorer gives them.
_REPORTING_VERBS = SPEECH_VERBS | TOPIC_VERBS


@dataclass(frozen=True, slots=True)
class Analysis:
    """What saidwhat found in one parsed text."""

    quotes: tuple[Quote, ...]
    speakers: tuple[Speaker, ...]
    errors: tuple[str, ...]


def find_draft_quotes(
    doc: Doc, *, deciders: Deciders = RULES, polnear: bool = False
) -> tuple[list[DraftQuote], list[str]]:
    """Every quotation of a parsed document, as drafts in reading order, and notes on bad marks.

    Under the default conventions, the learned decision (`deciders.quote_model`) then leaves out
    what is no one's words: titles, terms, scare quotes, acts reported as if they were speech.

    Args:
        polnear: PolNeAR's conventions: continuations folded into the quote they continue,
            appositives kept in sources, trailing relative clauses left out of reported clauses,
            quoted words without a cue left out.
    """
    drafts, errors, cues = find_candidate_quotes(doc, deciders=deciders, polnear=polnear)
    if not polnear and deciders.quote_model is not None:
        scores = {cue.token: cue.score for cue in cues}
        drafts = [draft for draft in drafts if is_someones_words(doc, draft, deciders.quote_model, scores)]
    return drafts, errors


def find_candidate_quotes(
    doc: Doc, *, deciders: Deciders = RULES, polnear: bool = False
) -> tuple[list[DraftQuote], list[str], list[Cue]]:
    """What the rules and the attribution model find (`find_draft_quotes` before the learned decision
    whether each is someone's words), the notes on bad marks, and the cues."""
    facts = doc_facts(doc)
    text = facts.text
    errors = list(facts.mark_notes)
    extensions = deciders.cue_extensions if polnear else one_word_extensions(deciders.cue_extensions)
    cues = find_cues(
        doc, deciders.cue_score, threshold=deciders.cue_threshold, extensions=extensions, leading_adverb=polnear
    )
    cues = [cue for cue in cues if not is_discourse_said(doc[cue.token])]
    runs = list(facts.runs)
    if not polnear and deciders.run_model is not None:
        cue_tokens = frozenset(cue.token for cue in cues)
        runs = [run for run in runs if is_a_quotation(doc, run, deciders.run_model, cue_tokens)]
    marked = draft_marked_quotes(text, runs)
    if polnear:
        cues = sorted(cues + find_poll_cues(doc), key=lambda cue: cue.token)
    clauses = find_indirect_quotes(doc, cues, marked, deciders.choose_content, said_adverbs=polnear)
    busy = _narrating_cues(clauses, marked)
    attribute_marked_quotes(doc, marked, cues, busy)
    marked = merge_interrupted_quotes(text, marked)
    # PolNeAR counts beliefs as attributions; the BBC gold and saidwhat's default do not.
    beliefs = frozenset() if polnear else frozenset(c.token for c in cues if _is_belief_or_perception(doc[c.token]))
    nested = frozenset(c.token for c in cues if _is_nested_report(doc[c.token], c.score)) if polnear else frozenset()
    drafts = reconcile(text, marked, clauses, belief_cues=beliefs, nested_cues=nested)
    reshape_inverted_asides(doc, drafts)
    drafts = settle_labelled_lines(sorted(drafts, key=lambda draft: draft.start), find_labelled_lines(doc))
    link_continuations(text, drafts)
    if polnear:
        # PolNeAR lists attributions only: a quoted word with no cue (a scare quote, a title) is none.
        joined = join_continuations(doc, drafts)
        drafts = [draft for draft in joined if draft.type != "partial" or draft.cue is not None]
        widen_sources(doc, drafts)
        keep_relative_pronoun_sources(doc, drafts)
        drafts = complete_relative_pronoun_contents(doc, drafts)
        trim_trailing_relative_clauses(doc, drafts)
        take_in_that_before_quotes(doc, drafts)
        take_in_lead_before_parenthetical_attribution(doc, drafts)
        reach_cues_to_content(doc, drafts, deciders.cue_gaps)
    else:
        # 'I think Robbie deserves it' reports a belief, not words (the BBC gold's rule).
        drafts = give_passive_cues_to_quoted_words(doc, drafts)
        drafts = [
            draft
            for draft in drafts
            if has_reported_content(doc, draft)
            and not (draft.type == "indirect" and draft.cue_token in beliefs)
            and reports_words(doc, draft, cues)
            and not _is_scare_quote(doc, draft, cues)
        ]
        drop_leading_that(doc, drafts)
        keep_names_only_in_sources(doc, drafts)
        trim_glued_headlines(doc, drafts)
        drafts = take_in_quoted_tails(doc, drafts, cues)
        end_before_other_reports(doc, drafts, cues)
    return drafts, errors, cues


def _is_belief_or_perception(token: Token) -> bool:
    # the lemmatizer reads 'hopes' as 'hop'
    return token.lemma_.lower() in _NOT_REPORTS or token.lower_.removesuffix("s") in _NOT_REPORTS


def _is_nested_report(token: Token, score: float) -> bool:
    """PolNeAR lists a report inside another one's content beside it ('X said that Y claimed Z' is two
    attributions) where the inner one is a speech verb of a relative clause, or a cue the scorer is
    sure of: at 0.9 and above, train attribution +31, cue exact TP +75, content exact TP +50 (dev
    +2, +7, +5); at 0.7 the extra quotes cost more precision than they bring."""
    return score >= NESTED_REPORT_MIN_SCORE or _reports_in_relative_clause(token)


def reports_words(doc: Doc, draft: DraftQuote, cues: list[Cue]) -> bool:
    """Whether an indirect quote reports words, as the default conventions ask, rather than an act.

    The cue scorer learned from PolNeAR, whose annotators mark acts and stances as attributions too
    ('has been named captain', 'is considering a bid', 'signed a deal'). Its score alone keeps such a cue
    only when it is near-certain; a speech verb, or one that reports a topic ('outlined the plan'), keeps
    the usual threshold. On the BBC gold, at 0.6 none of the gold's quotes goes and 16 acts do (content
    exact F1 0.697 -> 0.720, cue 0.809 -> 0.838); at 0.7 a study's finding goes too ('has shown that').
    Such a cue in the passive with no agent never reports words (4 more acts go, none of the gold's).
    """
    if draft.type != "indirect" or draft.cue_token is None:
        return True
    cue = doc[draft.cue_token]
    if _is_question_put_to_the_subject(cue):
        return False
    if cue.lemma_.lower() in _REPORTING_VERBS:
        return True
    if _is_agentless_passive(cue):
        return False  # 'was named captain', 'have been nominated': nobody is said to have said anything
    score = next((cue.score for cue in cues if cue.token == draft.cue_token), 1.0)
    return score >= ACT_CUE_MIN_SCORE


def _is_scare_quote(doc: Doc, draft: DraftQuote, cues: list[Cue]) -> bool:
    """A quoted word or two with no cue or source, in a sentence that reports nothing: a scare quote or
    a term ('the stereotypical "cool" media scene', 'its "super size" portions'), which the BBC gold lists
    as non-quotes (11 of them there, none of its quotes). Beside a cue a quoted word stays a partial quote
    ('On the show's warmth and "fuzziness", Connor commented'); so do longer quoted words in narration
    ('The flood defences were "not good enough"'), which are someone's."""
    if draft.type != "partial" or draft.cue is not None or draft.sources:
        return False
    words = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if words is None or sum(1 for token in words if not token.is_punct) > _SCARE_QUOTE_MAX_WORDS:
        return False
    sentence = doc_facts(doc).sent(words[0])
    return not any(sentence.start <= cue.token < sentence.end for cue in cues)


def _is_question_put_to_the_subject(token: Token) -> bool:
    """'Asked about the holiday, Mr Blair said ...': the question was put to the speaker by someone unnamed."""
    return token.lemma_.lower() == "ask" and token.tag_ == "VBN" and token.dep_ == "advcl"


def _is_agentless_passive(token: Token) -> bool:
    deps = {child.dep_ for child in token.children}
    return "auxpass" in deps and "agent" not in deps


def _reports_in_relative_clause(token: Token) -> bool:
    """'a finish that he said defied expectations', 'with whom he clashed', 'Okafor, who claimed ...':
    PolNeAR lists a speech verb of a relative clause with a subject beside the report around it (train
    attribution +17, source exact TP +47; the relative pronoun for subject too: +22, +27)."""
    return (
        token.dep_ == "relcl"
        and token.lemma_.lower() in SPEECH_VERBS
        and any(child.dep_ == "nsubj" for child in token.children)
    )


def _narrating_cues(clauses: list[DraftQuote], marked: list[DraftQuote]) -> frozenset[int]:
    """Cues whose clause is plain narration, apart from every quote: not a quote's cue."""
    return frozenset(
        clause.cue_token
        for clause in clauses
        if clause.cue_token is not None and not any(m.start < clause.end and clause.start < m.end for m in marked)
    )


def analyse_doc(
    doc: Doc, *, deciders: Deciders = RULES, min_confidence: float = 0.0, conventions: str = "saidwhat"
) -> Analysis:
    """Find, attribute and resolve every quotation in a parsed document."""
    drafts, errors = find_draft_quotes(doc, deciders=deciders, polnear=conventions == "polnear")
    drafts = [draft for draft in drafts if draft.confidence >= min_confidence]
    resolved = resolve_quotes(doc, drafts)
    text = doc_facts(doc).text
    speakers, ids = build_speakers(text, [r.entity for r in resolved])
    quotes = tuple(
        build_quote(text, draft, f"q{number}", speaker_id_of(ids, chosen), chosen)
        for number, (draft, chosen) in enumerate(zip(drafts, resolved, strict=True), start=1)
    )
    return Analysis(quotes, speakers, tuple(errors))


def speaker_id_of(ids: dict[int, str], chosen: Resolved) -> str | None:
    return ids.get(id(chosen.entity)) if chosen.entity is not None else None


def build_quote(
    text: str, draft: DraftQuote, quote_id: str, speaker_id: str | None, chosen: Resolved | None = None
) -> Quote:
    return Quote(
        id=quote_id,
        type=draft.type,
        contents=tuple(span_of(text, start, end) for start, end in draft.contents),
        cue=span_of(text, *draft.cue) if draft.cue else None,
        sources=tuple(span_of(text, start, end) for start, end in draft.sources),
        speaker=speaker_id,
        confidence=min(1.0, max(0.0, draft.confidence)),
        speaker_confidence=chosen.confidence if chosen is not None and speaker_id is not None else None,
    )


def build_speakers(text: str, entities: list[Entity | None]) -> tuple[tuple[Speaker, ...], dict[int, str]]:
    """One speaker record per entity that was quoted, numbered in order of first quote."""
    speakers: list[Speaker] = []
    ids: dict[int, str] = {}
    for entity in entities:
        if entity is None or id(entity) in ids:
            continue
        ids[id(entity)] = f"s{len(speakers) + 1}"
        mentions = tuple(span_of(text, start, end) for start, end in sorted(set(entity.mentions)))
        descriptions = tuple(dict.fromkeys(entity.descriptions))
        speakers.append(Speaker(ids[id(entity)], entity.name, entity.kind, mentions, descriptions))
    return tuple(speakers), ids
