"""Schemathesis against the live API (uvicorn on loopback): no server error, no undocumented status, no answer
that breaks the schema, and invalid input refused, over 100 generated requests per operation. Extraction is the
stand-in of test_server. Left out: `positive_data_acceptance`, since a request can fit the schema and still
name a day a month lacks ('2023-02-30') or an unknown speaker, which are a documented 400 or 404."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="the schema test needs schemathesis (dev extra)")
pytest.importorskip("uvicorn", reason="the schema test needs the server extra (uvicorn)")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import positive_data_acceptance  # noqa: E402

from saidwhat.archive import Archive, ingest  # noqa: E402
from saidwhat.server.app import create_app  # noqa: E402

from .live_server import serve_in_thread  # noqa: E402
from .test_archive_search import ARTICLES  # noqa: E402
from .test_server import TOKEN, fake_extract  # noqa: E402


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db: Path = tmp_path_factory.mktemp("schema") / "api.db"
    with Archive(db) as archive:
        ingest(archive, ARTICLES)
    with serve_in_thread(create_app(db, token=TOKEN, extractor=fake_extract)) as url:
        yield url


@pytest.fixture
def api_schema(live_url: str) -> Any:
    return schemathesis.openapi.from_url(f"{live_url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_match_the_schema(case: Any) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"} if case.path == "/articles" else None
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])


def test_malformed_http_gets_the_json_error_shape(live_url: str) -> None:
    import json
    import socket

    host, port = live_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"NOT HTTP AT ALL\r\n\r\n")
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400") and b"content-type: application/json" in head.lower()
    assert b"x-content-type-options: nosniff" in head.lower()
    assert json.loads(body)["error"]["status"] == 400
