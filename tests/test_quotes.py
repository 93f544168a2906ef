"""Which quoted runs are quotations: direct, partial, or not a quotation at all (pure text, no parse).

A quoted single word in narration is kept as a partial quote: it is most often a word taken from
the speaker ('On the show's "fuzziness", Connor commented'); it is dropped only when the text says
it is a name or a term ('so-called', 'the word', 'dubbed'), or when it is a capitalised title.
"""

from __future__ import annotations

import pytest

from saidwhat.extraction.marks import find_quoted_runs
from saidwhat.extraction.quotes import classify_run, draft_marked_quotes, inner_text


def kinds(text: str) -> list[str | None]:
    runs, _ = find_quoted_runs(text)
    return [classify_run(text, run) for run in runs]


@pytest.mark.parametrize(
    "text",
    [
        'Connor revealed: "I am so excited to get back to filming."',
        '"It is a show about kindness," commented Kit Connor.',
        '"We will not raise taxes this year," said the minister.',
        'The minister spoke. "We will not raise taxes this year."',
        'Connor said "I am so excited to get back to filming."',
        '"Never," she said.',
        "'We will win,' he said.",
        "“Is it over?” she asked.",
        '"It was great" said Connor.',
        '"We will be back" he said.',
        'The plan is timid. "I would not call it reform. It is just a tax rise" for the richest, he said.',
    ],
)
def test_classify_run_direct(text: str) -> None:
    assert kinds(text) == ["direct"]


def test_classify_run_interrupted_quote_is_two_direct_runs() -> None:
    assert kinds('"We will win this," he said, "and we will win it well."') == ["direct", "direct"]


def test_classify_run_quote_over_paragraphs_is_direct() -> None:
    assert kinds('"First part of it.\n"Second part of it."') == ["direct"]


@pytest.mark.parametrize(
    "text",
    [
        'The mayor called the flood defences "not good enough" after the storm.',
        'Mayor says flood defences are "not good enough"',
        'Kit Connor said the series would be "bigger and better" next year.',
        'Kit Connor hopes season 2 films in "next couple of months"',
        'On the show\'s "fuzziness", Connor commented on the cast.',
        'Kit Connor added that he was "thrilled" with the result.',
        '"Bigger and better" is how Connor described the new series.',
    ],
)
def test_classify_run_partial(text: str) -> None:
    assert kinds(text) == ["partial"]


@pytest.mark.parametrize(
    "text",
    [
        'The mayor will read "Pride and Prejudice" at the library.',
        'Connor voices a daemon in "His Dark Materials" on BBC One.',
        'She stars in "Heartstopper" on Netflix.',
        'Fans call him "The Rocket" at the club.',
        'The club dubbed him "the rocket" last year.',
        'A striker nicknamed "the rocket" scored twice.',
        'The so-called "experts" were wrong again.',
        'The word "resilience" appears in the report 40 times.',
        'The phrase "build back better" was everywhere.',
        'In an interview on Channel Four\'s "Harbour Today," the mayor said the bridge would reopen.',
        'On this week\'s episode of "The Morning Show," the mayor spoke.',
        'The advert, titled "Arrogant," ran twice.',
        'Tom Hale, who directed "Paper Kites," said the film took six years.',
        'Ana Reyes was named best actress for her role in "Northern Lights."',
        'The mayor spoke on Monday.\n\n"Northern Lights."\n\nThe film opens in May.',
    ],
)
def test_classify_run_titles_names_and_terms_are_not_quotes(text: str) -> None:
    assert kinds(text) == [None]


@pytest.mark.parametrize("text", ['She said "" and left.', 'He wrote "..." on the wall.', 'A "—" mark.'])
def test_classify_run_without_words_is_not_a_quote(text: str) -> None:
    assert set(kinds(text)) <= {None}


def test_inner_text_joins_parts_without_marks() -> None:
    text = '"First part.\n"Second part."'
    runs, _ = find_quoted_runs(text)
    assert inner_text(text, runs[0]) == "First part. Second part."


def test_draft_marked_quotes_keeps_offsets_and_types() -> None:
    text = 'The so-called "experts" said: "It will rain."'
    runs, _ = find_quoted_runs(text)
    drafts = draft_marked_quotes(text, runs)
    assert [(draft.type, [text[s:e] for s, e in draft.contents]) for draft in drafts] == [
        ("direct", ['"It will rain."'])
    ]


def test_draft_marked_quotes_unclosed_run_is_less_confident() -> None:
    text = 'She said: "It will rain.\nThe council met on Monday.'
    runs, _ = find_quoted_runs(text)
    closed_runs, _ = find_quoted_runs('She said: "It will rain."')
    unclosed = draft_marked_quotes(text, runs)[0]
    closed = draft_marked_quotes('She said: "It will rain."', closed_runs)[0]
    assert unclosed.confidence < closed.confidence
