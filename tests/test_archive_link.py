"""Linking speakers across articles: same full name, surname plus shared description, never on a surname alone."""

from __future__ import annotations

import pytest

from saidwhat.archive import Archive, get_speaker, ingest
from saidwhat.archive.link import description_words, evidence_of, is_name, link_score, name_key

from .test_archive import make_article

FULL = make_article(
    "full",
    'Heartstopper actor Kit Connor said: "Filming was wonderful."',
    [("Filming was wonderful.", "s1")],
    [("s1", "Kit Connor", "person", ("Kit Connor",), ("Heartstopper actor",))],
)
SURNAME_ACTOR = make_article(
    "surname-actor",
    'Connor, the actor, said: "The rain was cold."',
    [("The rain was cold.", "s1")],
    [("s1", "Connor", "person", ("Connor", "the actor"), ())],
)
SURNAME_PLUMBER = make_article(
    "surname-plumber",
    'Connor, a plumber from Leeds, said: "The pipes froze."',
    [("The pipes froze.", "s1")],
    [("s1", "Connor", "person", ("Connor",), ("a plumber from Leeds",))],
)
OTHER_FIRST_NAME = make_article(
    "other-first-name",
    'The actor Sarah Connor said: "I loved the script."',
    [("I loved the script.", "s1")],
    [("s1", "Sarah Connor", "person", ("Sarah Connor", "The actor"), ())],
)
SAME_FULL_NAME = make_article(
    "same-full-name",
    'Kit Connor said: "Next year we go to Paris."',
    [("Next year we go to Paris.", "s1")],
    [("s1", "Kit Connor", "person", ("Kit Connor",), ())],
)


def _speaker_of(archive: Archive, doc_id: str) -> int:
    row = archive.conn.execute(
        "SELECT x.speaker_id FROM article_speakers x JOIN articles a ON a.id = x.article_id WHERE a.doc_id = ?",
        (doc_id,),
    ).fetchone()
    return int(row[0])


def test_surname_with_shared_description_links_to_full_name() -> None:
    with Archive() as archive:
        ingest(archive, [FULL, SURNAME_ACTOR])
        assert _speaker_of(archive, "full") == _speaker_of(archive, "surname-actor")


def test_surname_seen_first_takes_the_full_name_later() -> None:
    with Archive() as archive:
        ingest(archive, [SURNAME_ACTOR, FULL])
        speaker_id = _speaker_of(archive, "full")
        assert speaker_id == _speaker_of(archive, "surname-actor")
        assert (
            archive.conn.execute("SELECT name FROM speakers WHERE id = ?", (speaker_id,)).fetchone()[0] == "Kit Connor"
        )


def test_surname_without_shared_evidence_stays_apart() -> None:
    with Archive() as archive:
        ingest(archive, [FULL, SURNAME_PLUMBER])
        assert _speaker_of(archive, "full") != _speaker_of(archive, "surname-plumber")


def test_two_surname_only_speakers_with_different_roles_stay_apart() -> None:
    with Archive() as archive:
        ingest(archive, [SURNAME_ACTOR, SURNAME_PLUMBER])
        assert _speaker_of(archive, "surname-actor") != _speaker_of(archive, "surname-plumber")


def test_different_first_names_never_link_even_when_described_alike() -> None:
    with Archive() as archive:
        ingest(archive, [FULL, OTHER_FIRST_NAME])
        assert _speaker_of(archive, "full") != _speaker_of(archive, "other-first-name")


def test_same_full_name_is_the_same_person() -> None:
    with Archive() as archive:
        ingest(archive, [FULL, SURNAME_PLUMBER, SAME_FULL_NAME])
        assert _speaker_of(archive, "full") == _speaker_of(archive, "same-full-name")


def test_aliases_and_descriptions_are_kept_per_speaker() -> None:
    with Archive() as archive:
        ingest(archive, [FULL, SURNAME_ACTOR])
        speaker_id = _speaker_of(archive, "full")
        view = get_speaker(archive.conn, speaker_id)
        assert set(view["aliases"]) == {"Kit Connor", "Connor", "the actor"}
        assert view["descriptions"] == ["Heartstopper actor"]


def test_organisations_link_on_the_same_name_only() -> None:
    first = make_article(
        "org1", 'Northlight Studios said: "Filming ends soon."', [("Filming ends soon.", "s1")],
        [("s1", "Northlight Studios", "organisation", ("Northlight Studios",), ())],
    )  # fmt: skip
    second = make_article(
        "org2", 'Northlight Studios said: "The finale is secret."', [("The finale is secret.", "s1")],
        [("s1", "Northlight Studios", "organisation", ("Northlight Studios",), ())],
    )  # fmt: skip
    with Archive() as archive:
        ingest(archive, [first, second])
        assert _speaker_of(archive, "org1") == _speaker_of(archive, "org2")


def test_anonymous_sources_never_link() -> None:
    texts = ['A spokesperson said: "No comment."', 'A spokesperson said: "Still no comment."']
    articles = [
        make_article(
            f"anon{i}", text, [(text[22:-1], "s1")], [("s1", "A spokesperson", "unknown", ("A spokesperson",), ())]
        )
        for i, text in enumerate(texts)
    ]
    with Archive() as archive:
        ingest(archive, articles)
        assert _speaker_of(archive, "anon0") != _speaker_of(archive, "anon1")


def test_unnamed_bodies_never_link() -> None:
    texts = ["The bridge will reopen, according to the council.", "The bridge will close, according to the council."]
    articles = [
        make_article(
            f"council{i}", text, [(text[:21], "s1")], [("s1", "the council", "organisation", ("the council",), ())]
        )
        for i, text in enumerate(texts)
    ]
    with Archive() as archive:
        ingest(archive, articles)
        assert _speaker_of(archive, "council0") != _speaker_of(archive, "council1")


def test_description_words_leave_out_ages_and_names() -> None:
    assert description_words(["the 18-year-old actress", "Kit Connor's co-star"], exclude=["Kit Connor"]) == {
        "actor",
        "star",
    }


def test_is_name_tells_names_from_descriptions() -> None:
    assert is_name("Kit Connor") and is_name("Mr Halloway")
    assert not is_name("the actor") and not is_name("Lantern Street star Maya Okafor") and not is_name("she")


def test_link_score_is_zero_across_kinds() -> None:
    person = evidence_of(FULL.speakers[0])
    organisation = evidence_of(
        make_article("o", "Connor Ltd", [], [("s1", "Kit Connor", "organisation", (), ())]).speakers[0]
    )
    assert link_score(person, organisation) == 0


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Chancellor Gordon Brown", ("gordon", "brown")),
        ("George W. Bush", ("george", "bush")),
        ("Mr Brown", (None, "brown")),
        ("Connor", (None, "connor")),
        ("Kit Connor's", ("kit", "connor")),
    ],
)
def test_name_key_finds_first_name_and_surname(name: str, key: tuple[str | None, str]) -> None:
    assert name_key(name) == key


def test_titles_and_honorifics_do_not_hide_the_same_person() -> None:
    first = make_article(
        "chancellor", 'Chancellor Gordon Brown said: "Growth is strong."', [("Growth is strong.", "s1")],
        [("s1", "Gordon Brown", "person", ("Chancellor Gordon Brown",), ())],
    )  # fmt: skip
    second = make_article(
        "mr-brown", 'Mr Brown, the chancellor, said: "Taxes stay."', [("Taxes stay.", "s1")],
        [("s1", "Brown", "person", ("Mr Brown", "the chancellor"), ())],
    )  # fmt: skip
    other_mr_brown = make_article(
        "other-brown", 'Mr Brown, a baker, said: "Bread is up."', [("Bread is up.", "s1")],
        [("s1", "Brown", "person", ("Mr Brown",), ("a baker",))],
    )  # fmt: skip
    with Archive() as archive:
        ingest(archive, [first, second, other_mr_brown])
        assert _speaker_of(archive, "chancellor") == _speaker_of(archive, "mr-brown")
        assert _speaker_of(archive, "other-brown") != _speaker_of(archive, "mr-brown")
