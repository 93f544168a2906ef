"""What the OpenAPI schema says about errors: the one shape the server sends, for each status it can send."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

# SQLite stores integers in 8 bytes: a larger offset or id cannot even be bound.
SQLITE_MAX_INT = 2**63 - 1
# YYYY, YYYY-MM or YYYY-MM-DD (or nothing); a day the month lacks ('2023-02-30') is still a 400.
DATE_PATTERN = r"^([0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?)?$"

STATUS_REASONS = {
    400: "bad query or path parameter, or a Host header the server does not answer to",
    401: "no or wrong 'Authorization: Bearer TOKEN'",
    403: "ingest over HTTP is off (the server has no token)",
    404: "no such speaker, article or route",
    413: "request body, text or its quotation marks over the server's limits",
    422: "a JSON body that does not fit the schema",
    503: "every extraction worker and queue place is taken (see Retry-After)",
    504: "the text was not analysed within the server's time limit",
}


class ErrorDetail(BaseModel):
    """Where a request failed validation, and why."""

    loc: list[str | int]
    message: str


class ErrorBody(BaseModel):
    status: int
    message: str
    details: list[ErrorDetail] | None = None


class ErrorOut(BaseModel):
    """Every error the server answers: {"error": {"status": 400, "message": "...", "details": [...]}}."""

    error: ErrorBody


def documented_errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route that can answer these error statuses."""
    return {status: {"model": ErrorOut, "description": STATUS_REASONS[status]} for status in statuses}


def drop_fastapi_validation_shape(app: FastAPI) -> None:
    """Build the schema without the 422 `{"detail": ...}` answers FastAPI adds on its own: the server never
    sends that shape (bad parameters are a 400 in the error shape; a route with a body documents its 422)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    answer = operation.get("responses", {}).get("422", {})
                    if "HTTPValidationError" in str(answer):
                        del operation["responses"]["422"]
            components = schema.get("components", {}).get("schemas", {})
            for name in ("HTTPValidationError", "ValidationError"):
                components.pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
