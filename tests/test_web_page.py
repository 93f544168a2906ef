"""The web page in headless Chromium: search, article highlights, escaping, speaker page, keyboard."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from saidwhat.archive import Archive, ingest

from .test_archive import make_article

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCRIPT_TEXT = (
    "Storm week on set\n\n"
    "Kit Connor pinned a note reading <script>alert(1)</script> to the trailer door.\n"
    'Connor said: "The rain is a <b>mood</b> and we love it."\n'
    'Director Tom Hale added: "Rain machines are cheaper than weather."'
)


def _script_article() -> Any:
    article = make_article(
        "storm",
        SCRIPT_TEXT,
        [("The rain is a <b>mood</b> and we love it.", "s1"), ("Rain machines are cheaper than weather.", "s2")],
        [
            ("s1", "Kit Connor", "person", ("Kit Connor", "Connor"), ("actor",)),
            ("s2", "Tom Hale", "person", ("Tom Hale",), ("Director",)),
        ],
        published="2024-03-14",
        title="Storm week <i>on set</i>",
    )
    # Give the first quote its cue and source, as the extractor would.
    from saidwhat.records import Quote, span_of

    said = SCRIPT_TEXT.index("said:")
    source = SCRIPT_TEXT.index("Connor said")
    first = article.quotes[0]
    cue, src = span_of(SCRIPT_TEXT, said, said + 4), span_of(SCRIPT_TEXT, source, source + 6)
    quotes = (Quote(first.id, first.type, first.contents, cue, (src,), first.speaker, 0.9), article.quotes[1])
    return type(article)(article.doc_id, quotes, article.speakers, article.title, None, "2024-03-14", text=article.text)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("fastapi", reason="the page test needs the server extra (fastapi, uvicorn)")
    uvicorn = pytest.importorskip("uvicorn", reason="the page test needs the server extra (uvicorn)")
    from saidwhat.server.app import create_app

    from .test_archive_search import ARTICLES

    db = tmp_path_factory.mktemp("web") / "web.db"
    with Archive(db) as archive:
        ingest(archive, [*ARTICLES, _script_article()])
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    uv_server = uvicorn.Server(config)
    thread = threading.Thread(target=uv_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv_server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv_server.started, "uvicorn did not start within 20 s"
    yield f"http://127.0.0.1:{port}"
    uv_server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium); the browser test needs it")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs playwright for Python")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def test_search_article_escaping_and_highlights(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    dialogs: list[str] = []
    page_errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    page.goto(f"{server}/")
    page.wait_for_selector("#results li")

    page.fill("#q", "rain mood")
    page.press("#q", "Enter")
    # locator waits, not wait_for_function: that evaluates its string with eval, which the page's CSP forbids
    page.locator("h1", has_text="rain mood").wait_for()
    first = page.locator("#results li").first
    assert first.locator("mark").all_text_contents() == ["rain", "mood"]
    assert "Kit Connor" in first.inner_text() and "2024-03-14" in first.inner_text()

    first.get_by_role("link", name="Storm week <i>on set</i>").click()
    page.wait_for_selector("#article-text mark.quote")
    text = page.locator("#article-text")
    assert "<script>alert(1)</script>" in text.inner_text()
    assert page.locator("#article-text script, #article-text b, h1 i").count() == 0
    assert page.locator("h1").inner_text() == "Storm week <i>on set</i>"
    assert dialogs == []

    marks = page.locator("#article-text mark.quote")
    assert marks.all_text_contents() == [
        "The rain is a <b>mood</b> and we love it.",
        "Rain machines are cheaper than weather.",
    ]
    assert marks.nth(0).get_attribute("title") == "Kit Connor (direct quote)"
    assert marks.nth(0).get_attribute("class") != marks.nth(1).get_attribute("class")  # one colour per speaker
    assert page.locator("#article-text .cue").inner_text() == "said"
    assert page.locator("#article-text .source").inner_text() == "Connor"

    marks.nth(1).focus()
    assert page.locator("#tip").inner_text() == "Tom Hale"
    assert marks.nth(0).get_attribute("tabindex") == "0"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web_page.png"), full_page=True)
    assert page_errors == []
    page.close()


def test_keyboard_only_search(server: str, browser: Any) -> None:
    page = browser.new_page()
    page.goto(f"{server}/")
    page.wait_for_selector("#results li")
    for _ in range(3):  # skip link, brand, then the search box
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "q"
    page.keyboard.type("coffee")
    page.keyboard.press("Enter")
    page.locator("#results li:only-child").wait_for()
    assert page.locator("#results mark").inner_text() == "Coffee"
    page.close()


def test_speaker_page_on_a_phone(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True)
    page.goto(f"{server}/#/search?speaker=the%20actor")
    page.wait_for_selector("#results li")
    page.locator("#results li a").first.click()
    page.wait_for_selector(".bars")
    assert page.locator("h1").inner_text() == "Kit Connor"
    assert "the actor" in page.locator(".chips").first.inner_text()
    assert page.locator(".bars .bar").count() == 3  # 2024-01, 2024-03, 2024-07
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web_page_phone.png"), full_page=True)
    page.close()


def test_home_page_pages_past_the_first_quotes_and_says_one_quote(server: str, browser: Any) -> None:
    from .test_archive_search import ARTICLES

    total = sum(len(article.quotes) for article in ARTICLES) + len(_script_article().quotes)
    page = browser.new_page()
    page.goto(f"{server}/#/search?limit=2")
    page.wait_for_selector("#results li")
    assert page.locator("#results li").count() == 2
    while page.locator("#more").count():
        shown = page.locator("#results li").count()
        page.click("#more")
        # locator waits, not wait_for_function (its eval is forbidden by the page's CSP)
        # the button is disabled while its page loads, then enabled again or removed at the end
        page.locator("#more[disabled]").wait_for(state="detached")
        assert page.locator("#results li").count() >= shown
    assert page.locator("#results li").count() == total
    assert page.locator("#status").inner_text() == f"{total} quotes"
    page.fill("#q", "coffee")
    page.press("#q", "Enter")
    page.locator("#results li:only-child").wait_for()
    assert page.locator("#status").inner_text() == "1 quote"
    page.close()
