"""How spans are drawn where annotation schemes differ: the 'saidwhat' and 'polnear' conventions.

A `Conventions` value says, in one place, what its corpus counts as a cue and a report, and which
passes then run, in order, over the drafts of a document. Every pass has one signature: it takes a
parsed Doc and its drafts and returns the drafts (`Pass`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..errors import ConfigError
from .asides import reshape_inverted_asides
from .clause_ends import end_before_other_reports
from .drafts import DraftQuote
from .headline import drop_headline_reports, drop_split_headline_reports, take_headline_fragments, trim_glued_headlines
from .joined_reports import take_joined_reports
from .parenthetical_cues import take_names_after_inverted_cues, take_words_after_parenthetical_cues
from .passes_polnear import (
    complete_relative_pronoun_contents,
    drop_uncued_partials,
    is_nested_report,
    join_continuations,
    keep_relative_pronoun_sources,
    reach_cues_to_content,
    take_in_lead_before_parenthetical_attribution,
    take_in_that_before_quotes,
    trim_trailing_relative_clauses,
    widen_sources,
)
from .passes_saidwhat import (
    drop_addressee_before_infinitive,
    drop_leading_that,
    give_passive_cues_to_quoted_words,
    is_belief_or_perception,
    keep_names_only_in_sources,
    keep_quoted_words_of_a_naming,
    keep_reports,
)
from .quoted_as_saying import give_words_to_the_quoted
from .quoted_tails import take_in_quoted_tails
from .reconcile import link_continuations
from .transcripts import take_labelled_lines

Pass = Callable[[Doc, list[DraftQuote]], list[DraftQuote]]


@dataclass(frozen=True, slots=True)
class Conventions:
    """What one annotation scheme counts as a quotation, and the passes that draw its spans.

    Attributes:
        leading_adverb: a cue's span takes in an adverb before the whole verb group ('[also] said').
        phrase_extensions: a cue's span takes in the learned phrases of several words after it ('said
            [in a statement]'); without, only the learned one-word ones ('called [on]').
        poll_cues: 'In a new poll, X leads' is attributed to the poll, with 'in' for cue.
        adverb_is_said: an adverb alone before a parenthetical cue is part of what it reports
            ('After all, she argued, ...').
        judges_quotes: the learned decisions (`deciders.run_model`, `quote_model`) leave out what is
            no one's words (titles, terms, acts reported as speech).
        whole_runs: a reported clause whose learned bounds take one mark of a quoted run and not the
            other ('deep computing"') is the cue's clause by the grammar, with both marks (on PolNeAR
            train it loses direct contents: content right 1478 -> 1466 of 2284 in its first 120 texts).
        is_belief_cue: the cues that report a belief, not words; None where beliefs are reports.
        is_nested_cue: the cues inside another report's content that are listed beside it; None where
            such reports are left out.
        passes: run in this order over the settled drafts of a document.
    """

    name: str
    leading_adverb: bool
    phrase_extensions: bool
    poll_cues: bool
    adverb_is_said: bool
    judges_quotes: bool
    whole_runs: bool
    is_belief_cue: Callable[[Token], bool] | None
    is_nested_cue: Callable[[Token, float], bool] | None
    passes: tuple[Pass, ...]


# What every convention does once marked quotes and reported clauses are settled.
_SHARED_PASSES: tuple[Pass, ...] = (reshape_inverted_asides, take_labelled_lines, link_continuations)

# The default: the BBC gold's and the seed's conventions (docs/model.md).
SAIDWHAT = Conventions(
    name="saidwhat",
    leading_adverb=False,
    phrase_extensions=False,
    poll_cues=False,
    adverb_is_said=False,
    judges_quotes=True,
    whole_runs=True,
    is_belief_cue=is_belief_or_perception,
    is_nested_cue=None,
    passes=(
        *_SHARED_PASSES,
        give_passive_cues_to_quoted_words,
        keep_reports,
        give_words_to_the_quoted,
        drop_leading_that,
        drop_addressee_before_infinitive,
        keep_quoted_words_of_a_naming,
        keep_names_only_in_sources,
        trim_glued_headlines,
        drop_headline_reports,
        drop_split_headline_reports,
        take_words_after_parenthetical_cues,
        take_names_after_inverted_cues,
        take_in_quoted_tails,
        end_before_other_reports,
        take_joined_reports,
        take_headline_fragments,
    ),
)

# PolNeAR's conventions (its annotation guidelines, and counts on PolNeAR train in each pass).
POLNEAR = Conventions(
    name="polnear",
    leading_adverb=True,
    phrase_extensions=True,
    poll_cues=True,
    adverb_is_said=True,
    judges_quotes=False,
    whole_runs=False,
    is_belief_cue=None,
    is_nested_cue=is_nested_report,
    passes=(
        *_SHARED_PASSES,
        join_continuations,
        drop_uncued_partials,
        widen_sources,
        keep_relative_pronoun_sources,
        complete_relative_pronoun_contents,
        trim_trailing_relative_clauses,
        take_in_that_before_quotes,
        take_in_lead_before_parenthetical_attribution,
        reach_cues_to_content,
    ),
)

CONVENTIONS = {conventions.name: conventions for conventions in (SAIDWHAT, POLNEAR)}


def conventions_named(name: str) -> Conventions:
    """The conventions called `name` ('saidwhat' or 'polnear')."""
    if name not in CONVENTIONS:
        raise ConfigError(f"conventions must be one of {', '.join(CONVENTIONS)}, got {name!r}")
    return CONVENTIONS[name]


def run_passes(doc: Doc, drafts: list[DraftQuote], passes: tuple[Pass, ...]) -> list[DraftQuote]:
    """The drafts after each pass in turn."""
    for step in passes:
        drafts = step(doc, drafts)
    return drafts
