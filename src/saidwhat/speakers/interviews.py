"""Who answers in an interview printed as questions and answers ('Q: ...' / 'A: ...'): the one
interviewed, whom such an article is about."""

from __future__ import annotations

from .entities import Entity


def interviewee(entities: list[Entity]) -> Entity | None:
    """The person the article names most often, the first named of equals; None with no person named.
    The answers carry no name, and the interviewer, where named at all, is named once or twice in the
    introduction, while the article is about the one who answers."""
    people = [entity for entity in entities if entity.kind == "person" and not entity.anonymous and not entity.members]
    if not people:
        return None
    return max(people, key=lambda entity: (len(entity.mentions), -entity.first_mentioned()))
