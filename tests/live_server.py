"""Run an ASGI app with uvicorn on a free loopback port in a thread, for tests that need a live server."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve_in_thread(app: Any, *, start_timeout: float = 20) -> Iterator[str]:
    """Yield the base URL ('http://127.0.0.1:PORT') while uvicorn serves `app` as `saidwhat serve` does."""
    import uvicorn

    from saidwhat.server.protocol import JsonErrorsH11Protocol

    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", http=JsonErrorsH11Protocol)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_timeout
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, f"uvicorn did not start within {start_timeout} s"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
