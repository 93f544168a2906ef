"""Whole-pipeline expectations on short texts: (source, cue, content) of each quote, and who said it."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from saidwhat import Article, Quote, extract
from saidwhat.speakers import EntityIndex

pytestmark = pytest.mark.model


def run(nlp: Language, text: str) -> Article:
    return extract(text, nlp=nlp)


def triple(quote: Quote) -> tuple[str | None, str | None, list[str]]:
    """(first source, cue, contents) of a quote, as text."""
    source = quote.sources[0].text if quote.sources else None
    return source, quote.cue.text if quote.cue else None, [span.text for span in quote.contents]


def speaker_name(article: Article, quote: Quote) -> str | None:
    speaker = article.speaker_of(quote)
    return speaker.name if speaker else None


def _known_gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(reason=reason)


# --- direct quotes: (text, source, cue, contents, speaker) -------------------------------------------------

DIRECT = [
    pytest.param(
        'Connor revealed: "I am so excited to get back to filming."',
        "Connor",
        "revealed",
        ['"I am so excited to get back to filming."'],
        "Connor",
        id="colon-introduced",
    ),
    pytest.param(
        'Connor said "I am so excited to get back to filming."',
        "Connor",
        "said",
        ['"I am so excited to get back to filming."'],
        "Connor",
        id="preposed",
    ),
    pytest.param(
        '"It is a show about kindness," commented Kit Connor, who plays Nick Nelson in the series.',
        "Kit Connor",
        "commented",
        ['"It is a show about kindness,"'],
        "Kit Connor",
        id="postposed-with-relative-clause",
    ),
    pytest.param(
        '"It is a show about kindness," Kit Connor said.',
        "Kit Connor",
        "said",
        ['"It is a show about kindness,"'],
        "Kit Connor",
        id="postposed",
    ),
    pytest.param(
        "Kit Connor told reporters: “We start filming in May.”",
        "Kit Connor",
        "told",
        ["“We start filming in May.”"],
        "Kit Connor",
        id="told-reporters-curly-marks",
    ),
    pytest.param(
        "'Books change lives,' said Maria Lopez.",
        "Maria Lopez",
        "said",
        ["'Books change lives,'"],
        "Maria Lopez",
        id="single-marks",
    ),
    pytest.param(
        '"We cannot let people refuse," Rep. Joan Mika (R-Fla.) said.',
        "Joan Mika",
        "said",
        ['"We cannot let people refuse,"'],
        "Joan Mika",
        id="abbreviations-between-quote-and-cue",
    ),
    pytest.param(
        '"We expect record profits this year." — Jane Doe, CEO',
        "Jane Doe",
        "—",
        ['"We expect record profits this year."'],
        "Jane Doe",
        id="dash-sign-off",
    ),
    pytest.param(
        '"The talks have stalled," a source said.',
        "a source",
        "said",
        ['"The talks have stalled,"'],
        "a source",
        id="anonymous-source",
    ),
]


@pytest.mark.parametrize(("text", "source", "cue", "contents", "speaker"), DIRECT)
def test_extract_direct_quote(
    nlp: Language, text: str, source: str, cue: str | None, contents: list[str], speaker: str
) -> None:
    article = run(nlp, text)
    assert len(article.quotes) == 1
    quote = article.quotes[0]
    assert quote.type == "direct"
    assert triple(quote) == (source, cue, contents)
    assert speaker_name(article, quote) == speaker


def test_extract_inverted_quote_with_definite_description(nlp: Language) -> None:
    article = run(nlp, '"We will not raise taxes this year," said the minister.')
    assert [triple(q) for q in article.quotes] == [("the minister", "said", ['"We will not raise taxes this year,"'])]


def test_extract_inverted_quote_speaker_is_the_description(nlp: Language) -> None:
    article = run(nlp, '"We will not raise taxes this year," said the minister.')
    assert speaker_name(article, article.quotes[0]) == "the minister"


def test_extract_interrupted_quote_is_one_quote_with_two_spans(nlp: Language) -> None:
    text = 'Kit Connor was at the premiere. "We will win this," he said, "and we will win it well."'
    article = run(nlp, text)
    assert [triple(q) for q in article.quotes] == [
        ("he", "said", ['"We will win this,"', '"and we will win it well."'])
    ]
    assert speaker_name(article, article.quotes[0]) == "Kit Connor"


def test_extract_quotes_with_narration_between_are_two_quotes(nlp: Language) -> None:
    text = '"We will win this," said Kit Connor. The crew cheered. Coach Ann Lee: "And we will win it well."'
    article = run(nlp, text)
    assert [len(quote.contents) for quote in article.quotes] == [1, 1]


def test_extract_quote_over_paragraphs_has_one_span_per_paragraph(nlp: Language) -> None:
    text = (
        'Dana Reyes said: "The first part of what I want to say.\n'
        '"And the second part, which closes here."\n'
        "The council meets on Monday."
    )
    article = run(nlp, text)
    assert [triple(q) for q in article.quotes] == [
        ("Dana Reyes", "said", ['"The first part of what I want to say.', '"And the second part, which closes here."'])
    ]


def test_extract_unclosed_mark_never_swallows_the_article(nlp: Language) -> None:
    text = (
        'Dana Reyes said: "This mark is never closed.\n'
        "The council meets on Monday. Its members will vote on the budget.\n"
        "The mayor is away this week."
    )
    article = run(nlp, text)
    first_break = text.index("\n")
    assert all(span.end <= first_break for q in article.quotes if q.type == "direct" for span in q.contents)
    assert any("unclosed" in error for error in article.errors)


def test_extract_continuation_paragraph_belongs_to_previous_speaker(nlp: Language) -> None:
    text = (
        '"The water is rising fast," said Mayor Tom Briggs.\n'
        '"We have opened the school hall as a shelter for anyone who needs it."'
    )
    article = run(nlp, text)
    assert len(article.quotes) == 2
    continuation = article.quotes[1]
    assert triple(continuation) == (
        None,
        None,
        ['"We have opened the school hall as a shelter for anyone who needs it."'],
    )
    assert speaker_name(article, continuation) == "Tom Briggs"


def test_extract_two_speakers_in_turn(nlp: Language) -> None:
    text = 'Maria Lopez said: "The bridge opens in May." Tom Briggs said: "It will be late."'
    article = run(nlp, text)
    assert [speaker_name(article, q) for q in article.quotes] == ["Maria Lopez", "Tom Briggs"]


# --- indirect, mixed and partial quotes: (text, type, source, cue, contents) -------------------------------

REPORTED = [
    pytest.param(
        "Kit Connor has revealed when he hopes to start filming the new series.",
        "indirect",
        "Kit Connor",
        "has revealed",
        ["when he hopes to start filming the new series"],
        id="revealed-when",
    ),
    pytest.param(
        "Kit Connor said that the series would return next year.",
        "indirect",
        "Kit Connor",
        "said",
        ["the series would return next year"],
        id="said-that",
    ),
    pytest.param(
        "Kit Connor said the series would return next year.",
        "indirect",
        "Kit Connor",
        "said",
        ["the series would return next year"],
        id="said-bare-clause",
    ),
    pytest.param(
        "Kit Connor discussed what the fans can expect from the new series.",
        "indirect",
        "Kit Connor",
        "discussed",
        ["what the fans can expect from the new series"],
        id="discussed-what",
    ),
    pytest.param(
        "Kit Connor told reporters the series would return next year.",
        "indirect",
        "Kit Connor",
        "told",
        ["the series would return next year"],
        id="told-reporters",
    ),
    pytest.param(
        "The bridge will reopen in May, according to Maria Lopez.",
        "indirect",
        "Maria Lopez",
        "according to",
        ["The bridge will reopen in May"],
        id="according-to-after",
    ),
    pytest.param(
        "According to Maria Lopez, the bridge will reopen in May.",
        "indirect",
        "Maria Lopez",
        "According to",
        ["the bridge will reopen in May"],
        id="according-to-before",
    ),
    pytest.param(
        'Kit Connor said the series would be "bigger and better" next year.',
        "mixed",
        "Kit Connor",
        "said",
        ['the series would be "bigger and better" next year'],
        id="mixed",
    ),
    pytest.param(
        'Kit Connor added that he was "thrilled" with the result.',
        "mixed",
        "Kit Connor",
        "added",
        ['he was "thrilled" with the result'],
        id="mixed-added",
    ),
    pytest.param(
        "The mayor openly doubted that the bridge was safe.",
        "indirect",
        "The mayor",
        "doubted",
        ["the bridge was safe"],
        id="an-adverb-before-the-verb-group-is-not-in-the-cue",
    ),
    pytest.param(
        "She said the plan, which was drafted in May, would fail.",
        "indirect",
        "She",
        "said",
        ["the plan, which was drafted in May, would fail"],
        id="keeps-a-which-clause-inside",
    ),
    pytest.param(
        "The mayor praised the volunteers and said the bridge would reopen in May.",
        "indirect",
        "The mayor",
        "said",
        ["the bridge would reopen in May"],
        id="second-verb-shares-the-subject",
    ),
    pytest.param(
        "The mayor ended the meeting by saying the bridge would reopen in May.",
        "indirect",
        "The mayor",
        "saying",
        ["the bridge would reopen in May"],
        id="by-saying-shares-the-subject",
    ),
    pytest.param(
        "The harbour, the mayor often says, is the heart of the town.",
        "indirect",
        "the mayor",
        "says",
        ["The harbour", "is the heart of the town"],
        id="parenthetical-cue",
    ),
    pytest.param(
        "The difference now, the mayor told me on Friday, is that the bridge has a budget.",
        "indirect",
        "the mayor",
        "told",
        ["The difference now", "is that the bridge has a budget"],
        id="parenthetical-cue-with-its-own-words",
    ),
    pytest.param(
        "Also, the mayor said, the bridge will reopen in May.",
        "indirect",
        "the mayor",
        "said",
        ["the bridge will reopen in May"],
        id="an-adverb-before-a-parenthetical-cue-is-not-said",
    ),
    pytest.param(
        "Such efforts, the mayor warns, will render the council's plan moot.",
        "indirect",
        "the mayor",
        "warns",
        ["Such efforts", "will render the council's plan moot"],
        id="the-words-after-a-parenthetical-cue-are-said-too",
    ),
    pytest.param(
        "Okafor's promise to rebuild the pier won praise.",
        "indirect",
        "Okafor's",
        "promise",
        ["to rebuild the pier"],
        id="a-speech-noun-is-attributed-to-its-owner",
    ),
]


def test_extract_a_participle_after_a_noun_is_attributed_to_the_noun(nlp: Language) -> None:
    # the attribution before the learned quote decision, which scores this report of a document near its
    # threshold (0.515 to 0.6 with the shipped models/quotes.json)
    from saidwhat.extraction.deciders import load_deciders
    from saidwhat.extraction.orchestrator import find_candidate_quotes

    doc = nlp("The council published a report warning that the pier would collapse.")
    drafts, _, _ = find_candidate_quotes(doc, deciders=load_deciders(use_model=True))
    found = [
        (
            doc.text[draft.sources[0][0] : draft.sources[0][1]] if draft.sources else None,
            doc.text[draft.cue[0] : draft.cue[1]] if draft.cue else None,
            [doc.text[start:end] for start, end in draft.contents],
        )
        for draft in drafts
    ]
    assert ("a report", "warning", ["the pier would collapse"]) in found


def test_extract_quote_keeps_said_when_an_adding_clause_follows(nlp: Language) -> None:
    article = run(nlp, '"We will not close the school," the mayor said, adding that it would take weeks to decide.')
    assert [triple(q) for q in article.quotes] == [
        ("the mayor", "said", ['"We will not close the school,"']),
        ("the mayor", "adding", ["it would take weeks to decide"]),
    ]


def test_extract_a_speech_verb_after_the_reported_clause_goes_on_with_the_speaker(nlp: Language) -> None:
    article = run(nlp, "The mayor said she would review the budget and warned residents to expect cuts.")
    assert [triple(q) for q in article.quotes] == [
        ("The mayor", "said", ["she would review the budget"]),
        ("The mayor", "warned", ["to expect cuts"]),  # the one warned is not what was said
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Senator Jane Okafor said she did not believe the rumours hurt the campaign, "
            "arguing that divisions in the party were a bigger hurdle.",
            [
                ("Jane Okafor", "said", ["she did not believe the rumours hurt the campaign"]),
                ("Jane Okafor", "arguing", ["divisions in the party were a bigger hurdle"]),
            ],
            id="a-participle-after-a-comma",
        ),
        pytest.param(
            "Okafor complained the council had ignored him and questioned why the mayor had not spoken.",
            [
                ("Okafor", "complained", ["the council had ignored him"]),
                ("Okafor", "questioned", ["why the mayor had not spoken"]),
            ],
            id="a-verb-of-another-tense-than-the-one-the-parser-joined-it-to",
        ),
    ],
)
def test_extract_a_report_after_the_reported_clause_is_the_speakers_next_one(
    nlp: Language, text: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert [triple(q) for q in run(nlp, text).quotes] == expected


@pytest.mark.parametrize(
    ("text", "source"),
    [
        pytest.param("PORTLAND -- Mayor Maya Okafor said the bridge would reopen.", "Maya Okafor", id="dateline"),
        pytest.param("Even the council said the bridge would reopen.", "the council", id="focus-adverb"),
    ],
)
def test_extract_source_starts_at_the_mention(nlp: Language, text: str, source: str) -> None:
    assert [triple(q)[0] for q in run(nlp, text).quotes] == [source]


@pytest.mark.parametrize(
    ("text", "source", "cue"),
    [
        pytest.param(
            "In a March meeting with the editorial board of the Harbour Gazette Okafor said that the bridge "
            "may need repairs.",
            "the Harbour Gazette Okafor",
            "said",
            id="name-parsed-as-an-object",
        ),
        pytest.param(
            'The council says the plan is complicated. Said Okafor: "I do not expect the bridge to reopen."',
            "Okafor",
            "Said",
            id="inverted-said-parsed-as-part-of-the-name",
        ),
        pytest.param(
            'After saying her knee was "so swollen I could barely walk," she was rushed to the clinic.',
            "she",
            "saying",
            id="participle-before-a-passive",
        ),
        pytest.param(
            '"It is absurd," Reyes said, going on to say that the city has spent "years fighting the storms, to '
            'have that fight again, young people do not want to see that."',
            "Reyes",
            "going on",
            id="participle-hung-from-the-quote",
        ),
        pytest.param('"The bridge is safe," read the statement.', "the statement", "read", id="inverted-object"),
    ],
)
def test_extract_source_the_parse_missed(nlp: Language, text: str, source: str, cue: str) -> None:
    """Where the parser gives the cue no subject, or a wrong one, the words around it still name the speaker."""
    article = run(nlp, text)
    assert (source, cue) in [triple(q)[:2] for q in article.quotes]


def test_extract_a_second_report_ends_the_first(nlp: Language) -> None:
    article = run(nlp, "The mayor denied the claims and said the bridge would reopen in May.")
    assert [triple(q)[1:] for q in article.quotes] == [
        ("denied", ["the claims"]),
        ("said", ["the bridge would reopen in May"]),
    ]


@pytest.mark.parametrize(("text", "quote_type", "source", "cue", "contents"), REPORTED)
def test_extract_reported_speech(
    nlp: Language, text: str, quote_type: str, source: str, cue: str, contents: list[str]
) -> None:
    article = run(nlp, text)
    assert [(q.type, *triple(q)) for q in article.quotes] == [(quote_type, source, cue, contents)]


def test_extract_added_with_pronoun_resolves_to_previous_person(nlp: Language) -> None:
    article = run(nlp, "Kit Connor spoke to the press on Monday. He added that the series would return next year.")
    assert [triple(q) for q in article.quotes] == [("He", "added", ["the series would return next year"])]
    assert speaker_name(article, article.quotes[0]) == "Kit Connor"


def test_extract_quoted_words_in_a_reported_clause_make_a_mixed_quote(nlp: Language) -> None:
    article = run(nlp, 'The mayor said the flood defences were "not good enough" after the storm.')
    (quote,) = article.quotes
    assert quote.type == "mixed"
    assert '"not good enough"' in quote.contents[0].text


def test_extract_mixed_quote_around_a_parenthetical_cue_keeps_its_two_parts(nlp: Language) -> None:
    article = run(nlp, 'The golf industry, she said, is "doing much better than it has looked since 2009."')
    (quote,) = article.quotes
    assert quote.type == "mixed"
    # not one span over the cue and source
    assert [span.text for span in quote.contents] == [
        "The golf industry",
        'is "doing much better than it has looked since 2009."',
    ]


@_known_gap(
    "issue 22: the learned run decision (threshold 0.9, chosen by cross-validation on the BBC training gold) "
    "takes a quoted fragment in narration with no speech verb in its sentence for a scare quote"
)
def test_extract_partial_quote_in_narration(nlp: Language) -> None:
    article = run(nlp, 'The flood defences were "not good enough" after the storm.')
    assert [(q.type, [s.text for s in q.contents]) for q in article.quotes] == [("partial", ['"not good enough"'])]


def test_extract_partial_quote_in_narration_has_the_subject_as_speaker(nlp: Language) -> None:
    article = run(nlp, 'The mayor said the flood defences were "not good enough" after the storm.')
    assert speaker_name(article, article.quotes[0]) == "The mayor"


def test_extract_mixed_quote_after_named_speaker(nlp: Language) -> None:
    article = run(nlp, 'Maria Lopez called the plan "a disaster waiting to happen".')
    quote = article.quotes[0]
    assert quote.type == "mixed"
    assert quote.contents[0].text.endswith('"a disaster waiting to happen"')
    assert speaker_name(article, quote) == "Maria Lopez"


def test_extract_described_as_is_one_quote_holding_the_quoted_words(nlp: Language) -> None:
    article = run(nlp, 'The mayor described the plan as "a disaster" on Monday.')
    (quote,) = article.quotes
    assert quote.type in ("partial", "mixed")
    assert quote.cue is not None and quote.cue.text == "described"
    assert '"a disaster"' in quote.contents[0].text


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('Actor says new series is "bigger and better"\nKit Connor has been talking.', id="says-clause"),
        pytest.param('Council leader slams "reckless" budget plan\nTom Briggs said the plan was poor.', id="slams"),
    ],
)
def test_extract_headline_quoted_words_are_found(nlp: Language, text: str) -> None:
    article = run(nlp, text)
    headline_end = text.index("\n")
    headline = [q for q in article.quotes if q.end <= headline_end]
    assert len(headline) == 1
    assert headline[0].type in ("partial", "mixed")


def test_extract_headline_partial_is_attributed(nlp: Language) -> None:
    text = 'Lopez hopes bridge opens in "next couple of weeks"\nMaria Lopez has said the bridge will reopen soon.'
    article = run(nlp, text)
    quote = article.quotes[0]
    assert (quote.type, *triple(quote)) == ("partial", "Lopez", "hopes", ['"next couple of weeks"'])
    assert speaker_name(article, quote) == "Maria Lopez"


# --- speakers ------------------------------------------------------------------------------------------------

SAME_PERSON = [
    pytest.param('Kit Connor was at the premiere. "It is a show about kindness," Connor said.', id="surname"),
    pytest.param('Kit Connor was at the premiere. "It is a show about kindness," he said.', id="he"),
    pytest.param('Kit Connor was at the premiere. "It is a show about kindness," the actor said.', id="the-actor"),
    pytest.param(
        'Kit Connor was at the premiere. "It is a show about kindness," the 18-year-old actor said.',
        id="the-18-year-old-actor",
    ),
    pytest.param('Kit Connor praised Greta Lind, the director. "She is brilliant," he said.', id="he-not-her"),
]


@pytest.mark.parametrize("text", SAME_PERSON)
def test_extract_mention_resolves_to_full_name(nlp: Language, text: str) -> None:
    article = run(nlp, text)
    assert [speaker_name(article, q) for q in article.quotes] == ["Kit Connor"]
    assert [speaker.name for speaker in article.speakers] == ["Kit Connor"]


SPEAKER_NAMED_DESPITE_SLIPS = [
    pytest.param(
        'Arjun Chatterjee said India welcomed investment. "We welcome investment," said Mr Chaterjee.',
        ["Arjun Chatterjee", "Arjun Chatterjee"],
        id="surname-spelt-two-ways",
    ),
    pytest.param(
        'Tom Bell said the road would close. "It is needed," said Mr Bull.',
        ["Tom Bell", "Bull"],
        id="short-surnames-one-letter-apart-are-two-people",
    ),
    pytest.param(
        'Jolivet Galmard said he would press for a vote. "It is vital that our partners see this," said Mr Galmard.',
        ["Jolivet Galmard", "Jolivet Galmard"],
        id="tagged-organisation-but-called-mr",
    ),
    pytest.param(
        "Mabel Hartley is closing two shops. Mabel Hartley, which sells curtains and cushions, said its sales had "
        "fallen. The retailer said it would cut jobs.",
        ["Mabel Hartley", "Mabel Hartley"],
        id="company-named-like-a-person",
    ),
    pytest.param(
        'And ex-Labour transport secretary Moira Penhale remembered how a colleague called all drivers "Captain".',
        ["Moira Penhale"],
        id="hyphenated-title-before-the-name",
    ),
]


@pytest.mark.parametrize(("text", "speakers"), SPEAKER_NAMED_DESPITE_SLIPS)
def test_extract_speaker_named_despite_tagger_slips(nlp: Language, text: str, speakers: list[str]) -> None:
    article = run(nlp, text)
    assert [speaker_name(article, q) for q in article.quotes] == speakers


def test_extract_company_named_like_a_person_is_an_organisation(nlp: Language) -> None:
    text = "Mabel Hartley, which sells curtains and cushions, said its sales had fallen."
    assert [speaker.kind for speaker in run(nlp, text).speakers] == ["organisation"]


def test_extract_his_son_is_not_the_father(nlp: Language) -> None:
    text = 'Arlo Vasko recorded the sessions. "He called them his spare tapes," his son said.'
    article = run(nlp, text)
    assert [speaker_name(article, q) for q in article.quotes] == ["his son"]  # an unnamed speaker of its own


def test_extract_where_it_was_said_is_not_what_was_said(nlp: Language) -> None:
    text = (
        '"We hate this framing of the vote," Ann Lee, a writer for The Courier, said on Twitter. '
        '"We did our part already."'
    )
    article = run(nlp, text)
    assert [(q.type, q.cue.text if q.cue else None) for q in article.quotes] == [("direct", "said"), ("direct", None)]
    assert [speaker_name(article, q) for q in article.quotes] == ["Ann Lee", "Ann Lee"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param(
            "The mayor told reporters in an interview that the bridge would reopen.",
            "the bridge would reopen",
            id="clause-parsed-under-the-setting",
        ),
        pytest.param("The senator commented on the death of the activist.", "the death of the activist", id="topic"),
    ],
)
def test_extract_content_after_a_preposition_is_kept_when_it_is_what_was_said(
    nlp: Language, text: str, content: str
) -> None:
    assert [q.contents[0].text for q in run(nlp, text).quotes] == [content]


def test_extract_quote_ending_in_a_noun_phrase_keeps_the_speaker_after_the_cue(nlp: Language) -> None:
    text = '"The harbour is in a terrible state. Total chaos," said Rita Okoye, the head of the harbour board.'
    article = run(nlp, text)
    assert [(q.type, speaker_name(article, q)) for q in article.quotes] == [("direct", "Rita Okoye")]


def test_extract_whom_something_was_told_is_not_the_speaker(nlp: Language) -> None:
    article = run(nlp, "Dana Cole was told that the bridge would close.")
    assert [(q.contents[0].text, q.sources, speaker_name(article, q)) for q in article.quotes] == [
        ("the bridge would close", (), None)
    ]


def test_extract_she_resolves_to_a_woman_named_before(nlp: Language) -> None:
    article = run(nlp, 'Maria Lopez opened the new library on Friday. "Books change lives," she said.')
    assert [speaker_name(article, q) for q in article.quotes] == ["Maria Lopez"]


def test_extract_speaker_mentions_are_all_recorded(nlp: Language) -> None:
    text = 'Kit Connor was at the premiere. "It is a show about kindness," the actor said.'
    article = run(nlp, text)
    assert [m.text for m in article.speakers[0].mentions] == ["Kit Connor", "the actor"]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        pytest.param("Drama star Kit Connor said the show was about kindness.", "Drama star", id="lead"),
        pytest.param(
            "Kit Connor, who plays Nick Nelson, said the show was about kindness.", "plays Nick Nelson", id="relative"
        ),
        pytest.param(
            "Kit Connor, the star of Heartstopper, said the show was about kindness.",
            "the star of Heartstopper",
            id="appositive",
        ),
        pytest.param(
            'Kit Connor was there. "It is a show about kindness," the 18-year-old actor said.',
            "18-year-old actor",
            id="description-as-source",
        ),
    ],
)
def test_extract_speaker_descriptions(nlp: Language, text: str, description: str) -> None:
    article = run(nlp, text)
    assert [speaker.name for speaker in article.speakers] == ["Kit Connor"]
    assert description in article.speakers[0].descriptions


def test_extract_people_merely_mentioned_are_not_speakers(nlp: Language) -> None:
    text = 'The film was directed by Greta Lind. Kit Connor said: "It was an honour to work on it."'
    assert [speaker.name for speaker in run(nlp, text).speakers] == ["Kit Connor"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            'Presenter Tom Hale asked Kit Connor whether the show would return. "Absolutely," Connor said.',
            id="asked-whether",
            # passed only while the name came out as 'Presenter Tom Hale'
            marks=_known_gap("cues.py/attribute.py: 'asked X whether ...' is reported as the asker's indirect quote"),
        ),
        pytest.param(
            'Tom Hale asked: "Will the show return?" Connor said: "Absolutely, it will."',
            id="asked-direct",
            marks=_known_gap("cues.py/attribute.py: a question asked in quotation marks makes the asker a speaker"),
        ),
    ],
)
def test_extract_people_who_only_ask_questions_are_not_speakers(nlp: Language, text: str) -> None:
    assert "Tom Hale" not in [speaker.name for speaker in run(nlp, text).speakers]


def test_extract_possessive_relative_is_not_the_owner(nlp: Language) -> None:
    article = run(nlp, "Kit Connor's mother, Ann, said he was always acting.")
    assert "Kit Connor" not in [speaker.name for speaker in article.speakers]


def test_extract_speaking_with_someone_about_a_renewed_show_is_not_a_quote(nlp: Language) -> None:
    text = "At the festival, Maya Okafor spoke with Tom Reyes about her show Harbour, which has just been renewed."
    assert run(nlp, text).quotes == ()


def test_extract_a_belief_is_not_a_quote(nlp: Language) -> None:
    article = run(nlp, "The mayor said the bridge would reopen. I think the bridge is the best thing in town.")
    assert [triple(q)[1] for q in article.quotes] == ["said"]


def test_extract_talking_about_a_topic_is_a_quote(nlp: Language) -> None:
    article = run(nlp, "In the interview, Maya Okafor talked about the long nights on set and the fans outside.")
    assert [triple(q)[1:] for q in article.quotes] == [
        ("talked about", ["the long nights on set and the fans outside"])
    ]


def test_extract_nobody_knows_is_not_a_quote(nlp: Language) -> None:
    article = run(nlp, 'Dana Reyes said: "The vote is close."\nNobody knows how it will end.')
    assert [q.type for q in article.quotes] == ["direct"]


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        pytest.param('"We are reviewing the report," the BBC said.', "BBC", "organisation", id="the-bbc"),
        pytest.param("The BBC said it was reviewing the report.", "BBC", "organisation", id="the-bbc-indirect"),
        pytest.param(
            '"We are reviewing the report," a spokesperson for Northlight Studios said.',
            "Northlight Studios",
            "organisation",
            id="spokesperson-for",
        ),
        pytest.param('"The talks have stalled," a source said.', "a source", "unknown", id="a-source"),
        pytest.param('"It is a great day," a spokesperson said.', "a spokesperson", "unknown", id="a-spokesperson"),
        pytest.param("Officials said the talks had stalled.", "Officials", "group", id="officials"),
        pytest.param("Residents said they were worried about the flood.", "Residents", "group", id="residents"),
        pytest.param(
            '"Prices will rise," the Bank of England said.',
            "Bank of England",
            "organisation",
            id="the-bank-of-england",
        ),
        pytest.param(
            "The bridge will reopen in May, according to the council.",
            "the council",
            "organisation",
            id="according-to-the-council",
        ),
    ],
)
def test_extract_speaker_kind(nlp: Language, text: str, name: str, kind: str) -> None:
    article = run(nlp, text)
    assert [(speaker.name, speaker.kind) for speaker in article.speakers] == [(name, kind)]
    assert all(q.speaker == article.speakers[0].id for q in article.quotes)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"We expect record profits this year." – Jane Doe, chief executive', id="en-dash"),
        pytest.param('"We expect record profits this year." -- Jane Doe', id="double-hyphen"),
        pytest.param('The firm did well.\n"We expect record profits this year."\n— Jane Doe, CEO', id="own-line"),
        pytest.param('"We expect record profits this year."\xa0― Jane Doe', id="horizontal-bar"),
        pytest.param('"We expect record profits this year." ― Jane A. Doe', id="middle-initial"),
    ],
)
def test_extract_dash_sign_off_variants(nlp: Language, text: str) -> None:
    article = run(nlp, text)
    name = "Jane A. Doe" if "A." in text else "Jane Doe"
    assert [(q.type, speaker_name(article, q)) for q in article.quotes] == [("direct", name)]
    assert article.quotes[0].sources[0].text == name


def test_extract_according_to_in_mid_sentence_reports_the_words_after_and_too(nlp: Language) -> None:
    text = "The top tenth paid 69 percent of taxes, according to the budget office, and the bottom half paid 3 percent."
    (quote,) = run(nlp, text).quotes
    assert [span.text for span in quote.contents] == [
        "The top tenth paid 69 percent of taxes",
        "the bottom half paid 3 percent",
    ]


def test_extract_dash_sign_off_at_the_end_of_the_paragraph_names_its_first_quote_too(nlp: Language) -> None:
    # A mark closed too early splits the reader's words in two; the sign-off speaks for the paragraph.
    text = (
        "\u201cThe plan is a mess.\u201d \u2015 Ana Ruiz\n"
        "\u201cNobody asked us. My grandmother said it best.\u201d And that is all he has "
        "\u201cthe root of all evil.\u201d \u2015 Maria Lopez\n"
    )
    article = run(nlp, text)
    assert [speaker_name(article, q) for q in article.quotes if q.type == "direct"] == ["Ana Ruiz", "Maria Lopez"]


@pytest.mark.parametrize(
    ("text", "source", "name"),
    [
        pytest.param('"We will fight on," Mr Briggs said.', "Mr Briggs", "Briggs", id="mr"),
        pytest.param('"We will fight on," said Dr Maria Lopez, a GP.', "Dr Maria Lopez", "Maria Lopez", id="dr"),
        pytest.param(
            '"It is over," said Ms Lopez. Maria Lopez has run the bakery for years.',
            "Ms Lopez",
            "Maria Lopez",
            id="full-name-later",
        ),
    ],
)
def test_extract_honorific_kept_in_source_dropped_from_name(nlp: Language, text: str, source: str, name: str) -> None:
    article = run(nlp, text)
    assert [(q.sources[0].text, speaker_name(article, q)) for q in article.quotes] == [(source, name)]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('"We will fight on," Mr Briggs said.', id="mr"),
        pytest.param('"We will fight on," said Dr Maria Lopez, a GP.', id="dr"),
    ],
)
def test_extract_honorific_is_not_a_description(nlp: Language, text: str) -> None:
    descriptions = run(nlp, text).speakers[0].descriptions
    assert not {"Mr", "Dr"} & set(descriptions)


def test_extract_a_sum_in_millions_ends_its_sentence(nlp: Language) -> None:
    article = run(nlp, "Harbour Stores said sales had fallen from £138m to £118m. The retailer opened in 1985.")
    assert [q.contents[0].text for q in article.quotes] == ["sales had fallen from £138m to £118m"]


def test_a_person_whose_name_opens_an_organisations_name_stays_a_person(blank_nlp: Language) -> None:
    # 'Walsh said ... The Walsh Group said ...': the man and his firm are two speakers (the rule that
    # made them one came from a single example and changed nothing on bbc-train-gold).
    doc = Doc(blank_nlp.vocab, words=["Walsh", "made", "a", "tool", ".", "Walsh", "Group", "agreed", "."])
    doc.ents = [Span(doc, 0, 1, label="PERSON"), Span(doc, 5, 7, label="ORG")]  # as the NER tagged them
    assert [(entity.name, entity.kind) for entity in EntityIndex(doc).entities] == [
        ("Walsh", "person"),
        ("Walsh Group", "organisation"),
    ]
