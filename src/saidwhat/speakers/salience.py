"""Which of a document's entities a pronoun or a description most likely means: the one last seen as a
source or a clause's subject, and whether an entity is one man or woman ('they' is never one)."""

from __future__ import annotations

from collections.abc import Callable

from ..records import SpeakerKind
from .antecedents import is_embedded_subject, only_one_just_before
from .entities import Entity
from .gender import entity_gender, pronoun_gender
from .study_authors import StudyAuthors


class Salience(StudyAuthors):
    """The entities of a document, with the one a reference most likely means."""

    def latest(
        self,
        token_index: int,
        kind: SpeakerKind,
        *,
        gender: str | None = None,
        prefer: list[Entity] | None = None,
        skip: Callable[[Entity], bool] | None = None,
    ) -> Entity | None:
        """The entity a pronoun or description most likely means: the one last seen as a quote's source or
        as the subject of a clause that is neither a relative clause nor one a verb reports ('X, whose
        coach was Y, said Z had left': X), else the one last mentioned at all."""
        offset = self.doc[token_index].idx
        pool = [
            e
            for e in self.entities
            if e.kind == kind
            and not e.anonymous
            and not e.members  # a singular reference is never several speakers together
            and (gender is None or (e.gender or entity_gender(self.doc, e)) in (None, gender))
            and e.mentioned_before(offset) >= 0
            and not (skip is not None and skip(e))
        ]

        def last_salient(entity: Entity) -> int:
            return max(
                (i for i in entity.subject_at if i < token_index and not is_embedded_subject(self.doc[i])),
                default=-1,
            )

        salient = [e for e in pool if last_salient(e) >= 0]
        if salient:
            best = max(salient, key=last_salient)
            only = only_one_just_before(self, token_index, pool)
            if only is not None and last_salient(best) < only[1]:
                return only[0]
            return best
        preferred = [e for e in pool if e in (prefer or [])]
        for candidates in (preferred, pool):
            if candidates:
                return max(candidates, key=lambda e: e.mentioned_before(offset))
        return None

    def _is_one_man_or_woman(self, entity: Entity) -> bool:
        """A single person the article marks as a man or a woman (a title, a gendered noun, or the 'he' or
        'she' that carries its subject on: `pronoun_gender`), or names by a first name and a surname."""
        if entity.members:
            return False
        if entity_gender(self.doc, entity) is not None:
            return True
        if self._named_as_several(entity):
            return False  # 'The Lib Dems would cut ... he said': the 'he' after them is someone else
        return pronoun_gender(self.doc, entity, self.by_token) is not None or len(entity.name.split()) > 1

    def _named_as_several(self, entity: Entity) -> bool:
        """'the Lib Dems', 'The Scissor Sisters' tagged as a person: a name with a plural noun or after 'the'
        names a party or a band (English grammar: a person's name takes neither)."""
        words = [i for i, e in self.by_token.items() if e is entity]
        return any(
            self.doc[i].tag_ == "NNPS" or self.doc[i].lower_ == "the" or (i > 0 and self.doc[i - 1].lower_ == "the")
            for i in words
        )
