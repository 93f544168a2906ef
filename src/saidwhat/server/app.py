"""The FastAPI app: JSON API over an archive, OpenAPI at /docs, and the web page at /."""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator

from .. import __version__
from ..archive import Archive, SearchFilters, get_article, get_speaker, list_speakers, search_quotes
from ..archive.queries import count_speakers
from ..records import Article, Document
from .cache import AnswerCache
from .errors import BodyLimit, install_error_handlers

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 1_000_000
DEFAULT_CACHE_SIZE = 256
Extractor = Callable[[Document], Article]


class TextIn(BaseModel):
    """An article to analyse (and, for POST /articles, to store)."""

    text: str = Field(description="the article text")
    doc_id: str | None = Field(default=None, description="an id; the text's hash when absent")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD")

    @field_validator("text", "doc_id", "title", "url", "published")
    @classmethod
    def _encodable(cls, value: str | None) -> str | None:
        """A lone surrogate ('\\ud800' in JSON) cannot be stored or sent back as UTF-8."""
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as err:
                raise ValueError(f"contains an unpaired surrogate at position {err.start}") from err
        return value

    def document(self) -> Document:
        return Document(self.text, self.doc_id, self.title, self.url, self.published)


def default_extractor() -> Extractor:
    """Extraction with the English pipeline, loaded on first use, one document at a time."""
    lock = threading.Lock()

    def extract_one(document: Document) -> Article:
        from ..pipeline import extract_many

        with lock:
            return next(extract_many([document]))

    return extract_one


class ArchivePool:
    """One archive connection per worker thread (SQLite connections are not shared across threads)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        Archive(path).close()  # apply migrations once, before any request

    def get(self) -> Archive:
        archive: Archive | None = getattr(self._local, "archive", None)
        if archive is None:
            archive = self._local.archive = Archive(self.path)
        return archive


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    extractor: Extractor | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    cache_size: int = DEFAULT_CACHE_SIZE,
) -> FastAPI:
    """The API over the archive at `db_path`; POST /articles only works when a `token` is given.

    `cache_size` recent /quotes answers are kept (0: none); any new article empties the cache.
    """
    pool = ArchivePool(str(db_path))
    cache = AnswerCache(cache_size)
    extract_one = extractor or default_extractor()
    app = FastAPI(
        title="saidwhat",
        version=__version__,
        description="Who said what: search quotations, speakers and articles in a saidwhat archive.",
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(403, "ingest over HTTP is disabled; start the server with --token to allow it")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "send 'Authorization: Bearer TOKEN'", headers={"WWW-Authenticate": "Bearer"})

    @app.get("/quotes", summary="Search quotes (bm25 ranking) or list the latest")
    async def quotes(
        q: Annotated[str, Query(description='words to find; "a phrase" in quotes', max_length=500)] = "",
        speaker: Annotated[str | None, Query(description="speaker name, alias or id")] = None,
        since: Annotated[str | None, Query(description="published on or after, YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(description="published on or before, YYYY-MM-DD")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        filters = SearchFilters(q, speaker, since, until, limit, offset)
        # A cached answer comes straight from the event loop; a search runs in a worker thread
        # (SQLite lets go of the GIL while it works). Bytes out skip FastAPI's generic encoder.
        body = cache.lookup(pool.get().conn, filters)
        if body is None:
            body = await run_in_threadpool(answer_search, filters)
        return Response(body, media_type="application/json")

    def answer_search(filters: SearchFilters) -> bytes:
        conn = pool.get().conn

        def answer() -> bytes:
            hits = [hit.to_dict() for hit in search_quotes(conn, filters)]
            page = {"query": filters.query, "limit": filters.limit, "offset": filters.offset, "quotes": hits}
            return json.dumps(page, ensure_ascii=False).encode()

        return cache.get_or_compute(conn, filters, answer)

    @app.get("/speakers", summary="Speakers with quote counts, most quoted first")
    def speakers(
        limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Annotated[int, Query(ge=0)] = 0
    ) -> dict[str, Any]:
        conn = pool.get().conn
        rows = list_speakers(conn, limit=limit, offset=offset)
        return {"total": count_speakers(conn), "limit": limit, "offset": offset, "speakers": rows}

    @app.get("/speakers/{speaker_id}", summary="One speaker: aliases, descriptions, quotes by month")
    def speaker(speaker_id: Annotated[int, PathParam(ge=1, le=2**63 - 1)]) -> dict[str, Any]:
        return get_speaker(pool.get().conn, speaker_id)

    @app.get("/articles/{doc_id:path}", summary="One article: text, quotes with offsets, speakers")
    def article(doc_id: str) -> dict[str, Any]:
        return get_article(pool.get().conn, doc_id)

    @app.post("/extract", summary="Find the quotations in a text (nothing is stored)")
    def extract(body: TextIn) -> dict[str, Any]:
        return extract_one(body.document()).to_dict()

    @app.post(
        "/articles",
        status_code=201,
        summary="Extract and store an article (needs the server's token)",
        dependencies=[Depends(require_token)],
    )
    def add_article(body: TextIn) -> dict[str, Any]:
        record = extract_one(body.document())
        added = pool.get().add_article(record)
        return {"id": record.doc_id, "added": added, "quotes": len(record.quotes)}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def create_app_from_env() -> FastAPI:
    """The app for `uvicorn --factory` (several worker processes): archive path in SAIDWHAT_DB, token in
    SAIDWHAT_TOKEN."""
    import os

    db = os.environ.get("SAIDWHAT_DB")
    if not db:
        raise RuntimeError("set SAIDWHAT_DB to the archive file for saidwhat.server.app:create_app_from_env")
    cache_size = int(os.environ.get("SAIDWHAT_CACHE_SIZE", DEFAULT_CACHE_SIZE))
    return create_app(db, token=os.environ.get("SAIDWHAT_TOKEN") or None, cache_size=cache_size)
