"""saidwhat: who said what in news articles."""

import logging

from .errors import ArchiveError, ConfigError, InputError, ModelError, SaidwhatError, UsageError
from .pipeline import extract, extract_many, load_nlp
from .records import Article, Document, Quote, Span, Speaker
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "ArchiveError",
    "Article",
    "ConfigError",
    "Document",
    "InputError",
    "ModelError",
    "Quote",
    "SaidwhatError",
    "Settings",
    "Span",
    "Speaker",
    "UsageError",
    "extract",
    "extract_many",
    "load_nlp",
    "load_settings",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
