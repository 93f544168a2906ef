"""The server under hostile use: SQLite's integer range, security headers, Host names, extraction limits, schema."""

from __future__ import annotations

import argparse
import threading
import time
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

from saidwhat.records import Article, Document
from saidwhat.server.app import create_app
from saidwhat.server.extraction import ExtractionLimits
from saidwhat.server.security import SECURITY_HEADERS

from .test_server import LOCAL, TOKEN, _assert_error, db, fake_extract  # noqa: F401 - db is a fixture

HUGE = str(2**63)


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:  # noqa: F811
    limits = ExtractionLimits(max_chars=200, max_quote_marks=4)
    with TestClient(create_app(db, token=TOKEN, extractor=fake_extract, limits=limits), base_url=LOCAL) as client:
        yield client


@pytest.mark.parametrize("path", ["/quotes", "/speakers"])
def test_offset_past_sqlite_integers_is_400_and_the_next_request_works(client: TestClient, path: str) -> None:
    assert "offset" in _assert_error(client.get(path, params={"offset": HUGE}), 400)
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/quotes", "/missing", "/speakers/0", "/openapi.json", "/"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    for name, value in SECURITY_HEADERS:
        assert response.headers[name] == value


def test_other_host_names_are_400_in_the_error_shape(client: TestClient) -> None:
    message = _assert_error(client.get("/speakers", headers={"host": "attacker.example:8000"}), 400)
    assert "--allow-host attacker.example" in message


def test_allowed_host_is_answered(db: Path) -> None:  # noqa: F811
    app = create_app(db, extractor=fake_extract, allowed_hosts=["news.example"])
    with TestClient(app, base_url="http://news.example:8000") as other:
        assert other.get("/speakers").status_code == 200


@pytest.mark.parametrize(
    ("text", "words"), [("x" * 201, "201 characters"), ('"a" "b" "c", she said.', "6 quotation marks")]
)
def test_text_over_the_request_limits_is_413(client: TestClient, text: str, words: str) -> None:
    assert words in _assert_error(client.post("/extract", json={"text": text}), 413)


def _slow_app(db: Path, release: threading.Event, **limits: Any) -> Any:  # noqa: F811
    def slow_extract(document: Document) -> Article:
        release.wait(5)
        return fake_extract(document)

    return create_app(db, extractor=slow_extract, limits=ExtractionLimits(**limits))


def test_extraction_past_the_time_limit_is_504(db: Path) -> None:  # noqa: F811
    release = threading.Event()
    with TestClient(_slow_app(db, release, timeout=0.2), base_url=LOCAL) as slow:
        message = _assert_error(slow.post("/extract", json={"text": "Slow one!"}), 504)
        release.set()
    assert "0.2 s" in message


def test_full_queue_is_503_and_reads_still_answer(db: Path) -> None:  # noqa: F811
    release = threading.Event()
    with TestClient(_slow_app(db, release, workers=1, queue=0, timeout=5), base_url=LOCAL) as slow:
        first = threading.Thread(target=slow.post, args=("/extract",), kwargs={"json": {"text": "First!"}})
        first.start()
        time.sleep(0.3)
        busy = slow.post("/extract", json={"text": "Second!"})
        assert slow.get("/speakers").status_code == 200
        release.set()
        first.join()
    _assert_error(busy, 503)
    assert busy.headers["retry-after"]


@pytest.mark.parametrize("published", ["yesterday", "2024-02-30", "2024-13", "٢٠٢٤"])
def test_post_articles_rejects_a_bad_published_date(client: TestClient, published: str) -> None:
    payload = {"text": "We won!", "doc_id": "dated", "published": published}
    _assert_error(client.post("/articles", json=payload, headers={"Authorization": f"Bearer {TOKEN}"}), 422)


def test_openapi_documents_the_error_shape_and_statuses(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in str(schema)
    extract = schema["paths"]["/extract"]["post"]["responses"]
    assert {"200", "400", "413", "422", "503", "504"} <= set(extract)
    assert extract["503"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorOut")
    since = next(p for p in schema["paths"]["/quotes"]["get"]["parameters"] if p["name"] == "since")
    assert "pattern" in str(since["schema"])
    offset = next(p for p in schema["paths"]["/speakers"]["get"]["parameters"] if p["name"] == "offset")
    assert offset["schema"]["maximum"] == 2**63 - 1


def _serve_args(tmp_path: Path, **given: Any) -> argparse.Namespace:
    return argparse.Namespace(**{"token": None, "token_file": None, **given})


def test_token_from_a_file(tmp_path: Path) -> None:
    from saidwhat.cli.serve_cmd import _token

    path = tmp_path / "token"
    path.write_text("from-a-file\n", encoding="utf-8")
    assert _token(_serve_args(tmp_path, token_file=str(path))) == "from-a-file"


def test_token_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from saidwhat.cli.serve_cmd import _token

    monkeypatch.setenv("SAIDWHAT_TOKEN", "from-the-env")
    assert _token(_serve_args(tmp_path)) == "from-the-env"


def test_serve_prints_the_url_it_listens_on(
    db: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import uvicorn

    from saidwhat.cli import main

    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: None)
    assert main(["serve", "--db", str(db), "--port", "8123"]) == 0
    assert "http://127.0.0.1:8123/" in capsys.readouterr().err


@pytest.mark.parametrize("path", [f"/quotes?offset={HUGE}", "/speakers?limit=x", "http://[bad"])
def test_serve_get_never_prints_a_traceback(db: Path, capsys: pytest.CaptureFixture[str], path: str) -> None:  # noqa: F811
    from saidwhat.cli import main

    assert main(["serve", "--db", str(db), "--get", path]) != 0
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.model
def test_extract_runs_the_pipeline_in_a_worker_process(db: Path) -> None:  # noqa: F811
    with TestClient(create_app(db), base_url=LOCAL) as live:
        response = live.post("/extract", json={"text": '"The bridge opens in May," the mayor said.'})
    assert response.status_code == 200
    assert [quote["contents"][0]["text"] for quote in response.json()["quotes"]] == ['"The bridge opens in May,"']
