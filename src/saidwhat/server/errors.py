"""One JSON error shape for every failure: {"error": {"status": 400, "message": "...", "details": [...]}}."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..archive import NotFound, QueryError
from ..errors import InputError
from .extraction import ExtractionTimeout, ServerBusy, TextTooLarge

logger = logging.getLogger(__name__)


# The saidwhat errors a request can meet, each with its status and the headers its answer carries.
STATUS_OF_ERROR: tuple[tuple[type[Exception], int, dict[str, str]], ...] = (
    (QueryError, 400, {}),
    (InputError, 400, {}),
    (TextTooLarge, 413, {}),
    (ServerBusy, 503, {"Retry-After": "5"}),
    (ExtractionTimeout, 504, {}),
    (NotFound, 404, {}),
)


def error_response(
    status: int, message: str, details: list[Any] | None = None, *, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "message": message}
    if details:
        body["details"] = details
    response = JSONResponse({"error": body}, status_code=status)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _validation_status(errors: list[Any]) -> int:
    """Bad query or path parameters are a 400; a body that does not fit its schema a 422."""
    return 422 if any(error.get("loc", ("",))[0] == "body" for error in errors) else 400


def _describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()))
    return f"{where}: {error.get('msg', 'invalid')}"


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return error_response(exc.status_code, str(exc.detail), headers=exc.headers)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = [dict(error) for error in exc.errors()]
    details = [{"loc": list(e.get("loc", ())), "message": e.get("msg", "")} for e in errors]
    return error_response(_validation_status(errors), "; ".join(_describe(e) for e in errors), details)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(500, f"internal error ({type(exc).__name__}); see the server log")


def _answer_with(status: int, headers: dict[str, str]) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    """A handler answering any exception with `status`, its message and `headers`."""

    async def handle(request: Request, exc: Exception) -> JSONResponse:
        return error_response(status, str(exc), headers=headers)

    return handle


def install_error_handlers(app: FastAPI) -> None:
    """Map every exception the API can meet to the one error shape."""
    app.exception_handler(StarletteHTTPException)(_http_error)
    app.exception_handler(RequestValidationError)(_validation_error)
    for error, status, headers in STATUS_OF_ERROR:
        app.exception_handler(error)(_answer_with(status, headers))
    app.exception_handler(Exception)(_unexpected)


class BodyLimit:
    """ASGI middleware: a request body over `max_bytes` gets a 413, whether or not it declares its length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await error_response(413, self._message())(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise HTTPException(413, self._message())
            return message

        await self.app(scope, limited_receive, send)

    def _message(self) -> str:
        return f"request body is larger than {self.max_bytes} bytes"
