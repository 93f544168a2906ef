"""uvicorn's HTTP/1.1 protocol, answering requests it cannot parse in the API's JSON error shape."""

from __future__ import annotations

import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .security import SECURITY_HEADERS


class JsonErrorsH11Protocol(H11Protocol):
    """As uvicorn's h11 protocol, but a malformed request gets `{"error": {...}}` and the security headers,
    not uvicorn's plain text. (Pass it as `uvicorn.run(..., http=JsonErrorsH11Protocol)`.)"""

    def send_400_response(self, msg: str) -> None:
        body = json.dumps({"error": {"status": 400, "message": f"malformed HTTP request: {msg}"}}).encode()
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),
            *((name.encode(), value.encode()) for name, value in SECURITY_HEADERS),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
            h11.EndOfMessage(),
        ):
            output = self.conn.send(event)
            if output:
                self.transport.write(output)
        self.transport.close()
