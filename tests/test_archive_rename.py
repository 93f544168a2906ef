"""An ingested record renames an archive speaker only with a plain name that its article contains."""

from __future__ import annotations

import pytest

from saidwhat.archive import Archive, ingest
from saidwhat.archive.store import may_rename_with

from .test_archive import make_article
from .test_archive_link import SURNAME_ACTOR, _speaker_of


def _name_after(record_name: str, text: str, mentions: tuple[str, ...]) -> str:
    later = make_article(
        "later",
        text,
        [("The set was warm.", "s1")],
        [("s1", record_name, "person", mentions, ("the actor",))],
    )
    with Archive() as archive:
        ingest(archive, [SURNAME_ACTOR, later])
        speaker_id = _speaker_of(archive, "later")
        assert speaker_id == _speaker_of(archive, "surname-actor")
        return str(archive.conn.execute("SELECT name FROM speakers WHERE id = ?", (speaker_id,)).fetchone()[0])


def test_markup_in_a_record_name_does_not_rename_the_speaker() -> None:
    text = 'Kit Connor, the actor, said: "The set was warm."'
    assert _name_after('<img src=x onerror="alert(1)">Kit Connor', text, ("Kit Connor", "the actor")) == "Connor"


def test_a_name_the_article_lacks_does_not_rename_the_speaker() -> None:
    text = 'Connor, the actor, said: "The set was warm."'
    assert _name_after("Kit Connor", text, ("Connor", "the actor")) == "Connor"


def test_a_plain_name_in_the_article_renames_the_speaker() -> None:
    text = 'Kit Connor, the actor, said: "The set was warm."'
    assert _name_after("Kit Connor", text, ("Kit Connor", "the actor")) == "Kit Connor"


@pytest.mark.parametrize(
    ("name", "allowed"),
    [("Mary O'Neil-Smith", True), ("Dr. J. Doe", True), ("Tom <b>Brown</b>", False), ("Tom Brown\u202e", False)],
)
def test_may_rename_with_takes_plain_names_only(name: str, allowed: bool) -> None:
    assert may_rename_with(name, f"Yesterday {name} spoke.") is allowed
