"""Who carried out a study, a survey or a report that a source mention names: its author or owner, as the
article says it ('a survey by Zell Weekly', "Arko's report") or, where NER saw no name, the capitalised
words a study is by. The BBC gold gives a named body's documents to that body."""

from __future__ import annotations

from spacy.tokens import Token

from ..extraction.docfacts import doc_facts
from ..extraction.lexicon import STUDY_NOUNS
from .descriptions import profile_in, stand_in, study_role
from .entities import Entity
from .joints import JointSpeakers
from .name_spans import proper_name_chain
from .names import clean_name


class StudyAuthors(JointSpeakers):
    """The entities of a document, with the authors and owners of the studies it names."""

    def _study_author(self, token: Token, *, same_noun: bool = False) -> Entity | None:
        """Who carried out a study: the latest body or person named as a study's author or owner before the
        mention ('a survey by Zell Weekly', "Arko's report"), else the first named so after it; with
        `same_noun`, of a study or document named with the mention's own noun ('the book'), not any study."""
        offset = token.idx
        lemma = token.lemma_.lower()
        authors = [
            e
            for e in self.entities
            if not e.anonymous
            and any(
                role in ("by", "from", "owner") and (noun == lemma if same_noun else noun in STUDY_NOUNS)
                for role, noun in profile_in(self, e).study_roles
            )
        ]
        before = [e for e in authors if e.mentioned_before(offset) >= 0]
        if before:
            return max(before, key=lambda e: e.mentioned_before(offset))
        after = [e for e in authors if e.mentions and (not _refers_back(token) or self._owns_a(e, lemma))]
        if after:
            return min(after, key=Entity.first_mentioned)
        return None if same_noun else self._unnamed_study_author(token)

    def _owns_a(self, entity: Entity, lemma: str) -> bool:
        """Is the entity named as the author or owner of a study or document of this noun ("Lee's book")?"""
        return any(
            role in ("by", "from", "owner") and noun == lemma for role, noun in profile_in(self, entity).study_roles
        )

    def _unnamed_study_author(self, token: Token) -> Entity | None:
        """'a survey carried out by Zell Pro magazine' where NER saw no name: the body the study is by, the
        latest so named before the mention, else the first after it."""
        words = [t for t in token.doc if t.pos_ == "PROPN" and t.i not in self.by_token]
        for word in sorted(words, key=lambda t: (t.i > token.i, -t.i if t.i < token.i else t.i)):
            if any(child.lower_ in ("a", "an") for child in stand_in(word).children):
                continue  # 'research from a City investment bank': a word in capitals, no body's name
            role = study_role(stand_in(word)) or study_role(word)
            if (
                role is not None
                and role[0] in ("by", "from")
                and not (word.dep_ == "compound" and word.head.pos_ == "PROPN")
            ):
                name = clean_name(proper_name_chain(word), lowered=self.lowered)
                if name:
                    return self.add_name(name, "organisation")
        return None


def _refers_back(token: Token) -> bool:
    """'The report said', past an article's first two sentences: a definite description refers back to what
    the article has spoken of (English grammar), not to another study someone is named as owning further on
    ("the Treasury's review" three paragraphs later; "Mr Lee's book" for 'the book' is the same one named
    again); 'a new report' or a lede's 'the study' points forward."""
    if not any(child.dep_ == "det" and child.lower_ in ("the", "this", "that") for child in token.children):
        return False
    facts = doc_facts(token.doc)
    sent = facts.sent(token)
    return sent.start > 0 and facts.sent(token.doc[sent.start - 1]).start > 0
