"""`saidwhat serve`: the HTTP API and web page over an archive (or one request in-process with --get)."""

from __future__ import annotations

import argparse
import json
import warnings
from pathlib import Path
from typing import Any

from ..errors import SaidwhatError
from ..server import SERVER_EXTRA_HINT


def register(subparsers: Any) -> None:
    serve = subparsers.add_parser(
        "serve",
        help="serve the archive: JSON API (OpenAPI at /docs) and a web page",
        description="Serve an archive over HTTP on the loopback interface by default.",
    )
    serve.add_argument("--db", default="saidwhat.db", metavar="FILE", help="archive file (default saidwhat.db)")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--token", metavar="TOKEN", help="allow POST /articles with 'Authorization: Bearer TOKEN'")
    serve.add_argument(
        "--cache-size", type=int, default=256, metavar="N", help="keep N recent search answers (0: none; default 256)"
    )
    serve.add_argument("--get", metavar="PATH", help="answer one GET request (e.g. '/quotes?q=rain') and exit")
    serve.set_defaults(func=serve_cli)


def serve_cli(args: argparse.Namespace) -> int:
    from . import UsageError

    if not Path(args.db).exists():
        raise UsageError(f"archive '{args.db}' does not exist; create it with `saidwhat ingest PATH --db {args.db}`")
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port} is outside 1..65535")
    try:
        from ..server.app import create_app
    except ImportError as err:
        raise SaidwhatError(f"{SERVER_EXTRA_HINT} ({err})") from err
    if args.cache_size < 0:
        raise UsageError(f"--cache-size {args.cache_size} is negative")
    app = create_app(args.db, token=args.token, cache_size=args.cache_size)
    if args.get:
        return answer_one(app, args.get)
    import uvicorn

    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def answer_one(app: Any, path: str) -> int:
    """GET one path in-process and print the JSON answer; exit 0 on 2xx, 1 otherwise."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # starlette nags about httpx versions
            from fastapi.testclient import TestClient
    except (ImportError, RuntimeError) as err:
        raise SaidwhatError(f"--get needs httpx: pip install 'saidwhat[server]' ({err})") from err
    with TestClient(app) as client:
        response = client.get(path if path.startswith("/") else f"/{path}")
    try:
        print(json.dumps(response.json(), ensure_ascii=False, indent=2))
    except ValueError:
        print(response.text)
    return 0 if response.is_success else 1
