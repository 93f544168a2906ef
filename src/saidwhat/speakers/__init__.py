"""Stage 5: resolve source mentions to speakers with canonical names, mentions and descriptions."""

from .entities import Entity, EntityIndex
from .ranker import Resolved, SpeakerModel, resolve_quotes, resolve_speakers

__all__ = ["Entity", "EntityIndex", "Resolved", "SpeakerModel", "resolve_quotes", "resolve_speakers"]
