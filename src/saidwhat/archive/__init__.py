"""The quote archive: SQLite storage, full-text search, speaker linking and export."""

from .queries import NotFound, get_article, get_speaker, list_speakers
from .search import QueryError, QuoteHit, SearchFilters, fts_query, search_quotes
from .store import Archive, IngestReport, ingest

__all__ = [
    "Archive",
    "IngestReport",
    "NotFound",
    "QueryError",
    "QuoteHit",
    "SearchFilters",
    "fts_query",
    "get_article",
    "get_speaker",
    "ingest",
    "list_speakers",
    "search_quotes",
]
