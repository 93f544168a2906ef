"""The FastAPI app: JSON API over an archive, its OpenAPI schema at /openapi.json, and the web page at /.

Security and limits (docs/archive.md): every response carries the headers of `security.py`; a Host header
outside `allowed_hosts` gets a 400; extraction runs in a bounded pool (`extraction.py`): 413 over the
per-request size, 503 when the pool and its queue are full, 504 past the time limit.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator

from .. import __version__
from ..archive import Archive, QueryError, SearchFilters, get_article, get_speaker, list_speakers, search_quotes
from ..archive.queries import count_speakers
from ..archive.search import check_date
from ..records import Document
from .cache import AnswerCache
from .errors import BodyLimit, install_error_handlers
from .extraction import ExtractionLimits, ExtractionPool, Extractor
from .openapi import DATE_PATTERN, SQLITE_MAX_INT, documented_errors, drop_fastapi_validation_shape
from .security import LOOPBACK_HOSTS, AllowedHosts, SecurityHeaders

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 1_000_000
DEFAULT_CACHE_SIZE = 256


class TextIn(BaseModel):
    """An article to analyse (and, for POST /articles, to store)."""

    text: str = Field(description="the article text")
    doc_id: str | None = Field(default=None, description="an id; the text's hash when absent")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(
        default=None, description="publication date, YYYY-MM-DD (or YYYY-MM, YYYY)", pattern=DATE_PATTERN
    )

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

    @field_validator("published")
    @classmethod
    def _real_date(cls, value: str | None) -> str | None:
        try:
            return check_date(value, "published")
        except QueryError as err:
            raise ValueError(str(err)) from err

    def document(self) -> Document:
        return Document(self.text, self.doc_id, self.title, self.url, self.published)


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
    allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
    limits: ExtractionLimits | None = None,
) -> FastAPI:
    """The API over the archive at `db_path`; POST /articles only works when a `token` is given.

    `cache_size` recent /quotes answers are kept (0: none); any new article empties the cache.
    Without an `extractor` the English pipeline runs in worker processes; a given one runs in threads.
    `allowed_hosts` are the Host names answered ("*": any).
    """
    pool = ArchivePool(str(db_path))
    extraction = ExtractionPool(extractor, limits or ExtractionLimits())
    app = _bare_app(extraction)
    install_error_handlers(app)
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(AllowedHosts, hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    # The order routes are added in is the order of the OpenAPI schema's paths.
    _add_search_route(app, pool, AnswerCache(cache_size))
    _add_archive_routes(app, pool)
    _add_extraction_routes(app, pool, extraction, token_check(token))
    _add_web_page(app)
    drop_fastapi_validation_shape(app)
    return app


def _bare_app(extraction: ExtractionPool) -> FastAPI:
    """The FastAPI app with its description, and the extraction pool closed when it stops."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        extraction.close()

    return FastAPI(
        title="saidwhat",
        version=__version__,
        description="Who said what: search quotations, speakers and articles in a saidwhat archive.",
        docs_url=None,  # Swagger UI would load from a CDN; /openapi.json is served
        redoc_url=None,
        lifespan=lifespan,
    )


def token_check(token: str | None) -> Callable[[str | None], None]:
    """The dependency that lets a request through only with 'Authorization: Bearer <token>' (none: 403)."""

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            raise HTTPException(403, "ingest over HTTP is disabled; start the server with --token to allow it")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(401, "send 'Authorization: Bearer TOKEN'", headers={"WWW-Authenticate": "Bearer"})

    return require_token


def _add_search_route(app: FastAPI, pool: ArchivePool, cache: AnswerCache) -> None:
    """GET /quotes: full-text search, its answers cached as bytes."""

    @app.get(
        "/quotes",
        summary="Search quotes (bm25 ranking) or list the latest",
        responses=documented_errors(400),
        response_class=Response,
    )
    async def quotes(
        q: Annotated[str, Query(description='words to find; "a phrase" in quotes', max_length=500)] = "",
        speaker: Annotated[str | None, Query(description="speaker name, alias or id")] = None,
        since: Annotated[
            str | None, Query(description="published on or after, YYYY-MM-DD (or YYYY-MM, YYYY)", pattern=DATE_PATTERN)
        ] = None,
        until: Annotated[
            str | None, Query(description="published on or before, YYYY-MM-DD (or YYYY-MM, YYYY)", pattern=DATE_PATTERN)
        ] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
        offset: Annotated[int, Query(ge=0, le=SQLITE_MAX_INT)] = 0,
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


def _add_archive_routes(app: FastAPI, pool: ArchivePool) -> None:
    """GET /speakers, /speakers/{id} and /articles/{doc_id}: what the archive holds."""

    @app.get("/speakers", summary="Speakers with quote counts, most quoted first", responses=documented_errors(400))
    def speakers(
        limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Annotated[int, Query(ge=0, le=SQLITE_MAX_INT)] = 0
    ) -> dict[str, Any]:
        conn = pool.get().conn
        rows = list_speakers(conn, limit=limit, offset=offset)
        return {"total": count_speakers(conn), "limit": limit, "offset": offset, "speakers": rows}

    @app.get(
        "/speakers/{speaker_id}",
        summary="One speaker: aliases, descriptions, quotes by month",
        responses=documented_errors(400, 404),
    )
    def speaker(speaker_id: Annotated[int, PathParam(ge=1, le=SQLITE_MAX_INT)]) -> dict[str, Any]:
        return get_speaker(pool.get().conn, speaker_id)

    @app.get(
        "/articles/{doc_id:path}",
        summary="One article: text, quotes with offsets, speakers",
        responses=documented_errors(400, 404),
    )
    def article(doc_id: str) -> dict[str, Any]:
        return get_article(pool.get().conn, doc_id)


def _add_extraction_routes(
    app: FastAPI, pool: ArchivePool, extraction: ExtractionPool, require_token: Callable[[str | None], None]
) -> None:
    """POST /extract (nothing stored) and POST /articles (stored; behind the token)."""

    @app.post(
        "/extract",
        summary="Find the quotations in a text (nothing is stored)",
        responses=documented_errors(400, 413, 422, 503, 504),
    )
    async def extract(body: TextIn) -> dict[str, Any]:
        record = await extraction.run(body.document())
        return record.to_dict()

    @app.post(
        "/articles",
        status_code=201,
        summary="Extract and store an article (needs the server's token)",
        dependencies=[Depends(require_token)],
        responses=documented_errors(400, 401, 403, 413, 422, 503, 504),
    )
    async def add_article(body: TextIn) -> dict[str, Any]:
        record = await extraction.run(body.document())
        added = await run_in_threadpool(lambda: pool.get().add_article(record))
        return {"id": record.doc_id, "added": added, "quotes": len(record.quotes)}


def _add_web_page(app: FastAPI) -> None:
    """GET / and /static: the search page."""

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def create_app_from_env() -> FastAPI:
    """The app for `uvicorn --factory` (several worker processes): archive path in SAIDWHAT_DB, token in
    SAIDWHAT_TOKEN."""
    import os

    db = os.environ.get("SAIDWHAT_DB")
    if not db:
        raise RuntimeError("set SAIDWHAT_DB to the archive file for saidwhat.server.app:create_app_from_env")
    cache_size = int(os.environ.get("SAIDWHAT_CACHE_SIZE", DEFAULT_CACHE_SIZE))
    hosts = [*LOOPBACK_HOSTS, *filter(None, os.environ.get("SAIDWHAT_ALLOW_HOSTS", "").split(","))]
    return create_app(db, token=os.environ.get("SAIDWHAT_TOKEN") or None, cache_size=cache_size, allowed_hosts=hosts)
