"""The readable view of a record."""

from __future__ import annotations

from saidwhat import Article, Quote, Speaker
from saidwhat.records import span_of
from saidwhat.render import plural, render_article, render_quote

TEXT = 'Kit Connor said: "It is a show about kindness." Officials said it was over.'


def _article() -> Article:
    connor = Quote("q1", "direct", (span_of(TEXT, 17, 47),), span_of(TEXT, 11, 15), (span_of(TEXT, 0, 10),), "s1", 0.95)
    anonymous = Quote("q2", "indirect", (span_of(TEXT, 63, 74),), span_of(TEXT, 58, 62), (), None, 0.5)
    speaker = Speaker("s1", "Kit Connor", "person", (span_of(TEXT, 0, 10),), ("actor",))
    return Article("connor", quotes=(connor, anonymous), speakers=(speaker,), errors=("a note",), text=TEXT)


def test_render_article_header_counts_quotes_and_speakers() -> None:
    assert render_article(_article()).splitlines()[0] == "== connor  (2 quotes, 1 speaker)"


def test_render_quote_shows_speaker_cue_source_and_offsets() -> None:
    article = _article()
    lines = render_quote(article, article.quotes[0], colour=False).splitlines()
    assert lines[0].split() == ["q1", "direct", "Kit", "Connor"]
    assert lines[1].strip() == '"It is a show about kindness."'
    assert "cue: said | source: Kit Connor | at 17-47 | confidence 0.95" in lines[2]


def test_render_quote_without_speaker_or_source() -> None:
    article = _article()
    text = render_quote(article, article.quotes[1], colour=False)
    assert "(unknown)" in text and "source: -" in text


def test_render_quote_shortens_long_quotes_to_one_line() -> None:
    article = _article()
    line = render_quote(article, article.quotes[0], colour=False, width=12).splitlines()[1].strip()
    assert line == '"It is a sh…' and len(line) == 12


def test_render_article_lists_speakers_descriptions_and_errors() -> None:
    text = render_article(_article())
    assert "s1 Kit Connor (person, 1 quote) — actor" in text
    assert text.splitlines()[-1] == "   ! a note"


def test_render_article_colour_only_when_asked() -> None:
    assert "\033[" not in render_article(_article())
    assert "\033[32m" in render_article(_article(), colour=True)


def test_render_article_without_quotes() -> None:
    assert render_article(Article("empty")) == "== empty  (0 quotes, 0 speakers)"


def test_render_quote_full_shows_every_word_wrapped() -> None:
    article = _article()
    lines = render_quote(article, article.quotes[0], colour=False, width=20, full=True).splitlines()
    assert " ".join(line.strip() for line in lines[1:-1]) == '"It is a show about kindness."'
    assert all(len(line) <= 20 for line in lines[1:-1])


def test_plural_says_one_quote() -> None:
    assert [plural(n, "quote") for n in (0, 1, 2)] == ["0 quotes", "1 quote", "2 quotes"]
