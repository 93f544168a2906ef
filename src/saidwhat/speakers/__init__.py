"""Stage 5: resolve source mentions to speakers with canonical names, mentions and descriptions."""

from .entities import Entity, EntityIndex, resolve_speakers

__all__ = ["Entity", "EntityIndex", "resolve_speakers"]
