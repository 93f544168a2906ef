"""The HTTP API in-process (TestClient): search, speakers, articles, extract, ingest, one error shape."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the server tests need the server extra (fastapi)")
pytest.importorskip("httpx", reason="the server tests need httpx for TestClient")

with warnings.catch_warnings():  # starlette nags about the httpx version
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from saidwhat.archive import Archive, ingest
from saidwhat.records import Article, Document, Quote, Speaker, span_of
from saidwhat.server.app import create_app

from .test_archive_search import ARTICLES

TOKEN = "s3cret-token"
LOCAL = "http://localhost"  # a Host name the server answers by default


def fake_extract(document: Document) -> Article:
    """Every sentence ending in '!' is a quote by 'Test Speaker': no spaCy model needed."""
    text = document.text
    start = text.find("!")
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    if start >= 0:
        first = text.rfind(".", 0, start) + 1
        content = span_of(text, first, start + 1)
        quotes = (Quote("q1", "direct", (content,), None, (), "s1", 0.5),)
        speakers = (Speaker("s1", "Test Speaker", "person", ()),)
    return Article(document.doc_id or "anon", quotes, speakers, title=document.title, text=text)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "api.db"
    with Archive(path) as archive:
        ingest(archive, ARTICLES)
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    app = create_app(db, token=TOKEN, extractor=fake_extract, max_body_bytes=10_000)
    with TestClient(app, base_url=LOCAL) as client:
        yield client


@pytest.fixture
def readonly_client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db, extractor=fake_extract), base_url=LOCAL) as client:
        yield client


def _assert_error(response: Any, status: int) -> str:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    message: str = body["error"]["message"]
    assert message
    return message


def test_quotes_search_ranks_and_highlights(client: TestClient) -> None:
    body = client.get("/quotes", params={"q": "coffee"}).json()
    [hit] = body["quotes"]
    assert hit["speaker"]["name"] == "Maya Okafor" and hit["article"]["id"] == "spring"
    assert [hit["text"][s:e] for s, e in hit["highlights"]] == ["Coffee"]


def test_quotes_filters_and_paging(client: TestClient) -> None:
    params = {"q": "rain", "speaker": "Kit Connor", "since": "2024-01-01", "until": "2024-06-30", "limit": 1}
    first = client.get("/quotes", params=params).json()["quotes"]
    second = client.get("/quotes", params={**params, "offset": 1}).json()["quotes"]
    assert len(first) == len(second) == 1 and first[0]["id"] != second[0]["id"]


@pytest.mark.parametrize("query", ['"rain', "NEAR(", "*", "rain OR", "a:b", ")("])
def test_quotes_odd_queries_answer_200_or_400_never_500(client: TestClient, query: str) -> None:
    response = client.get("/quotes", params={"q": query})
    if response.status_code != 200:
        assert "no words" in _assert_error(response, 400)


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"since": "yesterday"}, "since"),
        ({"until": "2024-02-30"}, "until"),
        ({"since": "2024-13"}, "since"),
        ({"limit": "0"}, "limit"),
        ({"limit": "ten"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_quotes_bad_parameters_are_400(client: TestClient, params: dict[str, str], names: str) -> None:
    assert names in _assert_error(client.get("/quotes", params={"q": "rain", **params}), 400)


def test_speakers_list_and_detail(client: TestClient) -> None:
    body = client.get("/speakers").json()
    assert body["total"] == 2 and body["speakers"][0]["name"] == "Kit Connor"
    detail = client.get(f"/speakers/{body['speakers'][0]['id']}").json()
    assert "the actor" in detail["aliases"] and detail["months"][0] == {"month": "2024-01", "quotes": 2}


def test_unknown_speaker_article_and_route_are_404(client: TestClient) -> None:
    assert "speaker 999" in _assert_error(client.get("/speakers/999"), 404)
    assert "nope" in _assert_error(client.get("/articles/nope"), 404)
    _assert_error(client.get("/no/such/route"), 404)


def test_speaker_id_not_a_number_is_400(client: TestClient) -> None:
    _assert_error(client.get("/speakers/kit"), 400)


def test_article_has_text_quotes_with_offsets_and_speakers(client: TestClient) -> None:
    body = client.get("/articles/winter").json()
    for quote in body["quotes"]:
        for span in quote["contents"]:
            assert body["text"][span["start"] : span["end"]] == span["text"]
    assert body["speakers"][0]["mentions"][0]["text"] == "Kit Connor"


def test_extract_returns_a_record(client: TestClient) -> None:
    body = client.post("/extract", json={"text": "Calm down. We won!", "doc_id": "x"}).json()
    assert body["doc_id"] == "x" and body["quotes"][0]["contents"][0]["text"] == " We won!"


def test_extract_body_too_large_is_413(client: TestClient) -> None:
    _assert_error(client.post("/extract", json={"text": "a" * 20_000}), 413)


def test_extract_missing_text_is_422_in_the_same_shape(client: TestClient) -> None:
    assert "text" in _assert_error(client.post("/extract", json={"title": "no text"}), 422)


def test_extract_bad_json_is_an_error_not_500(client: TestClient) -> None:
    response = client.post("/extract", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code in (400, 422)
    _assert_error(response, response.status_code)


def test_post_articles_is_403_without_a_server_token(readonly_client: TestClient) -> None:
    assert "--token" in _assert_error(readonly_client.post("/articles", json={"text": "Hi!"}), 403)


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic czNjcmV0", TOKEN])
def test_post_articles_needs_the_bearer_token(client: TestClient, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post("/articles", json={"text": "Hi!"}, headers=headers)
    _assert_error(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


def test_post_articles_ingests_once(client: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    payload = {"text": "It was late. We did it!", "doc_id": "late", "title": "Late", "published": "2024-09-09"}
    first = client.post("/articles", json=payload, headers=headers)
    assert first.status_code == 201 and first.json() == {"id": "late", "added": True, "quotes": 1}
    assert client.post("/articles", json=payload, headers=headers).json()["added"] is False
    assert client.get("/quotes", params={"q": "did"}).json()["quotes"][0]["speaker"]["name"] == "Test Speaker"


def test_openapi_and_page_are_served_and_docs_is_off(client: TestClient) -> None:
    assert "/quotes" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN
    page = client.get("/")
    assert page.status_code == 200 and "<input" in page.text


def test_serve_get_answers_one_request(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from saidwhat.cli import main

    assert main(["serve", "--db", str(db), "--get", "/quotes?q=coffee"]) == 0
    assert "Coffee keeps the rain crew going." in capsys.readouterr().out
    assert main(["serve", "--db", str(db), "--get", "/quotes?since=bad"]) == 1


def test_cached_answers_follow_new_articles(client: TestClient) -> None:
    before = client.get("/quotes", params={"q": "storms"}).json()["quotes"]
    payload = {"text": "Grey skies. Storms make us stronger!", "doc_id": "storms"}
    client.post("/articles", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
    after = client.get("/quotes", params={"q": "storms"}).json()["quotes"]
    assert (len(before), len(after)) == (0, 1)


def test_answers_without_a_cache(db: Path) -> None:
    with TestClient(create_app(db, extractor=fake_extract, cache_size=0), base_url=LOCAL) as client:
        assert client.get("/quotes", params={"q": "coffee"}).json()["quotes"][0]["article"]["id"] == "spring"


def test_huge_speaker_id_is_400_not_500(client: TestClient) -> None:
    _assert_error(client.get("/speakers/99999999999999999999999"), 400)


def test_unpaired_surrogate_in_text_is_422(client: TestClient) -> None:
    body = b'{"text": "\\ud800 We won!"}'
    assert "surrogate" in _assert_error(
        client.post("/extract", content=body, headers={"content-type": "application/json"}), 422
    )
