"""The HTTP API and web page over a quote archive (needs the `server` extra: FastAPI and uvicorn)."""

SERVER_EXTRA_HINT = "the web server needs the server extra: pip install 'saidwhat[server]'"
