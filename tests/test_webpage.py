"""Reading web pages: paragraphs, headings, captions and bylines from trafilatura's XML, and page
furniture never read as speech."""

from __future__ import annotations

import pytest

from saidwhat import extract_many
from saidwhat.records import Document, Region
from saidwhat.webpage import read_html

pytest.importorskip("trafilatura")

# Filler paragraphs make the page long enough for trafilatura's main-content extraction.
_FILLER = "".join(
    f"<p>In 19{n}0 the harbour had {n + 2} ferries, and the old quay was rebuilt in stone after a winter storm.</p>"
    for n in range(5)
)


def _page(*blocks: str) -> str:
    return (
        "<html><head><title>Ferry news</title></head><body><nav>Home | Sport</nav><article>"
        + "".join(blocks)
        + _FILLER
        + "</article><footer>Copyright</footer></body></html>"
    )


HEADLINE = "<h1>Harbour Plans: New ferry route approved</h1>"
BYLINE = '<div class="byline"><p>By Sam Ode, Harbour reporter</p></div>'
CAPTION = '<figure><img src="ferry.jpg"><p>Harbour Trust Image: The ferry will run twice a day from May.</p></figure>'
SPEECH = '<p>The route was approved on Monday. "We have waited ten years," said harbour master Lee Dunn.</p>'


def _regions(document: Document) -> list[tuple[str, str]]:
    return [(region.kind, document.text[region.start : region.end]) for region in document.regions]


def test_read_html_gives_one_paragraph_per_block() -> None:
    document = read_html(_page(HEADLINE, SPEECH))
    paragraphs = document.text.split("\n\n")
    assert paragraphs[0] == "Harbour Plans: New ferry route approved"
    assert paragraphs[1].startswith("The route was approved on Monday.")


def test_read_html_marks_headings() -> None:
    document = read_html(_page(HEADLINE, "<h2>Ten years of waiting</h2>", SPEECH))
    assert _regions(document) == [
        ("heading", "Harbour Plans: New ferry route approved"),
        ("heading", "Ten years of waiting"),
    ]


def test_read_html_marks_a_caption_inside_a_figure() -> None:
    document = read_html(_page(HEADLINE, CAPTION, SPEECH))
    assert ("caption", "Harbour Trust Image: The ferry will run twice a day from May.") in _regions(document)


def test_read_html_marks_a_caption_by_its_class() -> None:
    document = read_html(
        _page(HEADLINE, '<div class="media-caption"><p>Lee Dunn: He has run the port since 2001.</p></div>')
    )
    assert ("caption", "Lee Dunn: He has run the port since 2001.") in _regions(document)


def test_read_html_marks_a_by_line_as_a_byline() -> None:
    document = read_html(_page(HEADLINE, "<p>By Sam Ode</p>", SPEECH))
    assert ("byline", "By Sam Ode") in _regions(document)


def test_read_html_does_not_take_a_sentence_opening_with_by_for_a_byline() -> None:
    document = read_html(_page(HEADLINE, "<p>By Monday, Ann Lee said the pier was safe.</p>", SPEECH))
    assert [kind for kind, _ in _regions(document)] == ["heading"]


def test_read_html_leaves_out_a_byline_block_trafilatura_drops() -> None:
    document = read_html(_page(HEADLINE, BYLINE, SPEECH))
    assert "Sam Ode" not in document.text


def test_read_html_keeps_line_breaks_inside_a_paragraph() -> None:
    document = read_html(_page(HEADLINE, "<p>First line of the poem<br>second line of the poem</p>"))
    assert "First line of the poem\nsecond line of the poem" in document.text


def test_read_html_gives_list_items_and_table_rows_a_paragraph_each() -> None:
    table = "<table><tr><th>Year</th><th>Ferries</th></tr><tr><td>2020</td><td>3</td></tr></table>"
    document = read_html(_page(HEADLINE, "<ul><li>First point of the plan</li><li>Second point</li></ul>", table))
    paragraphs = document.text.split("\n\n")
    assert paragraphs[1:5] == ["First point of the plan", "Second point", "Year | Ferries", "2020 | 3"]


def test_read_html_without_article_text_is_an_input_error() -> None:
    from saidwhat.errors import InputError

    with pytest.raises(InputError, match="no article text"):
        read_html("<html><body></body></html>", doc_id="empty")


def test_caption_is_not_read_as_a_labelled_quote(nlp: object) -> None:
    document = read_html(_page(HEADLINE, CAPTION, SPEECH), doc_id="ferry")
    [article] = extract_many([document])
    assert [quote.contents[0].text for quote in article.quotes] == ['"We have waited ten years,"']
    assert [speaker.name.endswith("Lee Dunn") for speaker in article.speakers] == [True]


def test_heading_is_not_read_as_a_name_and_words_line(nlp: object) -> None:
    document = read_html(_page(HEADLINE, SPEECH), doc_id="ferry")
    [article] = extract_many([document])
    assert all("Harbour Plans" not in speaker.name for speaker in article.speakers)
    assert all(quote.start > len("Harbour Plans: New ferry route approved") for quote in article.quotes)


def test_quoted_fragment_in_a_heading_stays_a_quote(nlp: object) -> None:
    text = "Minister says cuts 'will hurt' town\n\nThe minister spoke on Monday."
    heading = Region(0, text.index("\n"), "heading")
    [plain] = extract_many([Document(text, "plain")])
    [paged] = extract_many([Document(text, "paged", regions=(heading,))])
    assert [quote.to_dict() for quote in paged.quotes][:1] == [quote.to_dict() for quote in plain.quotes][:1]
    assert "'will hurt'" in paged.quotes[0].contents[0].text


def test_reported_speech_in_a_heading_is_dropped(nlp: object) -> None:
    text = "Minister says cuts will hurt town\n\nThe minister spoke on Monday."
    heading = Region(0, text.index("\n"), "heading")
    [paged] = extract_many([Document(text, "paged", regions=(heading,))])
    assert all(quote.start > heading.end for quote in paged.quotes)


def test_byline_region_drops_its_quote_and_renumbers(nlp: object) -> None:
    text = "Sam Ode: Harbour reporter for the paper\n\nLee Dunn said the ferry was ready."
    byline = Region(0, text.index("\n"), "byline")
    [article] = extract_many([Document(text, "paged", regions=(byline,))])
    assert [(quote.id, quote.speaker) for quote in article.quotes] == [("q1", "s1")]
    assert [(speaker.id, speaker.name) for speaker in article.speakers] == [("s1", "Lee Dunn")]


def test_news_page_furniture_gives_no_speakers(nlp: object) -> None:
    """A page laid out like a news site: headline 'Topic: ...', byline block, image captions."""
    from pathlib import Path

    html = (Path(__file__).parent / "texts" / "ferry_page.html").read_text(encoding="utf-8")
    document = read_html(html, doc_id="ferry")
    assert [region.kind for region in document.regions] == ["heading", "byline", "heading", "caption"]
    [article] = extract_many([document])
    names = [speaker.name for speaker in article.speakers]
    assert not any("Ferry Row" in name or "Image" in name for name in names)
    assert any(name.endswith("Lee Dunn") for name in names) and "Ann Price" in names
    assert not any(
        quote.start < region.end and region.start < quote.end for quote in article.quotes for region in document.regions
    )


PULL_QUOTE = '<blockquote class="pull-quote"><p>"We have waited ten years."</p><cite>Lee Dunn</cite></blockquote>'


def test_read_html_marks_a_pull_quote_by_its_class() -> None:
    document = read_html(_page(HEADLINE, SPEECH, PULL_QUOTE))
    assert ("pull quote", '"We have waited ten years."') in _regions(document)


@pytest.mark.parametrize(
    "line", ['Read more: "Why the old ferry sank"', 'WATCH: "Ferry day" (2:14)', 'Related - "Quay plans" in full']
)
def test_read_html_marks_a_line_that_points_elsewhere(line: str) -> None:
    document = read_html(_page(HEADLINE, SPEECH, f"<p>{line}</p>"))
    assert ("link", line) in _regions(document)


def test_a_pull_quote_and_a_link_title_are_not_quotes_of_their_own(nlp: object) -> None:
    page = _page(HEADLINE, SPEECH, PULL_QUOTE, '<p>Read more: "Why the old ferry sank"</p>')
    [article] = extract_many([read_html(page, doc_id="ferry")])
    assert [quote.contents[0].text for quote in article.quotes] == ['"We have waited ten years,"']


def test_quoted_words_over_a_section_are_the_words_of_whoever_says_them_below(nlp: object) -> None:
    text = (
        'Ferry returns\n\nThe route reopened, harbour master Lee Dunn said. "We are ready," Dunn said.\n\n'
        "'Ten long years'\n\nPilot Ann Price said it had been \"ten long years\" for the crew."
    )
    heading = Region(text.index("'Ten"), text.index("'Ten") + len("'Ten long years'"), "heading")
    [article] = extract_many([Document(text, "paged", regions=(Region(0, 13, "heading"), heading))])
    in_heading = next(quote for quote in article.quotes if quote.start == heading.start)
    speaker = next(speaker for speaker in article.speakers if speaker.id == in_heading.speaker)
    assert (in_heading.type, speaker.name) == ("partial", "Ann Price")


def test_quoted_words_over_a_section_that_no_one_says_below_have_no_speaker(nlp: object) -> None:
    text = "Ferry returns\n\n\"We are ready,\" harbour master Lee Dunn said.\n\n'A new chapter'\n\nThe quay reopens."
    heading = Region(text.index("'A"), text.index("'A") + len("'A new chapter'"), "heading")
    [article] = extract_many([Document(text, "paged", regions=(heading,))])
    assert [quote.speaker for quote in article.quotes if quote.start == heading.start] in ([None], [])


def test_read_html_marks_a_paragraph_that_is_wholly_a_link_to_another_story() -> None:
    related = '<p><strong><a href="/a">"We will rebuild": Dunn on the quay</a></strong></p>'
    document = read_html(_page(HEADLINE, SPEECH, related))
    assert ("link", '"We will rebuild": Dunn on the quay') in _regions(document)


def test_read_html_keeps_a_paragraph_with_a_link_inside_its_sentence_as_prose() -> None:
    prose = '<p>The <a href="/r">harbour report</a> was published on Monday, the council said.</p>'
    document = read_html(_page(HEADLINE, SPEECH, prose))
    assert not any(text.startswith("The harbour report") for _, text in _regions(document))


def test_the_headline_of_another_story_linked_from_the_story_is_not_a_quote(nlp: object) -> None:
    related = '<p><a href="/a">"We will rebuild": Dunn on the quay</a></p>'
    [article] = extract_many([read_html(_page(HEADLINE, SPEECH, related), doc_id="ferry")])
    assert not any("rebuild" in quote.text for quote in article.quotes)
