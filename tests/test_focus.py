"""Parsing only the sentences that can hold a quotation gives the records of a whole parse."""

from __future__ import annotations

from itertools import pairwise

import pytest
from spacy.language import Language

from saidwhat.focus import CueLexicon, plan_pieces
from saidwhat.pipeline import extract_many

# Quiet narration around two quotations, so that some sentences are left out of the parse.
ARTICLE = (
    "Westford gets a new library\n"
    "The town of Westford opened its new library on Saturday. The building has three floors. "
    "It holds forty thousand books. The roof is covered in solar panels. Parking is free at weekends. "
    "The cafe opens at nine. Children can borrow six books at a time.\n"
    '"This is the best day of my year," said librarian Nora Quist, who has worked in the town for '
    "thirty years. She added that more shelves would arrive in May.\n"
    "The old library on Mill Lane will become a youth centre. Builders start work in autumn. "
    "The lane will be closed for a week. Buses will stop on Market Street instead. "
    "The youth centre should open next spring.\n"
    "According to the council, the library cost six million pounds."
)


def test_cue_lexicon_knows_inflected_forms() -> None:
    lexicon = CueLexicon((("s", ""), ("ed", ""), ("ing", "")), {"said": ["say"], "told": ["tell"]})
    assert all(lexicon.is_cue_word(word) for word in ("said", "told", "says", "insisted", "according"))
    assert not any(lexicon.is_cue_word(word) for word in ("library", "books", "parking"))


@pytest.mark.model
def test_plan_leaves_out_quiet_sentences(nlp: Language) -> None:
    doc = nlp.make_doc(ARTICLE)
    pieces = plan_pieces(nlp, doc)
    assert len(pieces) > 1 and any(not piece.parse for piece in pieces)
    assert pieces[0].start == 0 and pieces[-1].end == len(doc)
    assert all(a.end == b.start for a, b in pairwise(pieces))
    skipped = " ".join(doc[p.start : p.end].text for p in pieces if not p.parse)
    assert "Parking is free" in skipped and "Nora Quist" not in skipped


@pytest.mark.model
def test_focused_records_equal_whole_parse(nlp: Language) -> None:
    [focused] = extract_many([ARTICLE], nlp=nlp, focus=True)
    [whole] = extract_many([ARTICLE], nlp=nlp)
    # speaker_confidence reads the parse of the quiet sentences too (who was a subject, the nouns near
    # a name), which focus leaves unparsed: the same speakers, a score a little apart
    focused_record, whole_record = focused.to_dict(), whole.to_dict()
    scores = [[q.pop("speaker_confidence", None) for q in r["quotes"]] for r in (focused_record, whole_record)]
    assert focused_record == whole_record
    assert all(a == b or abs(a - b) < 0.05 for a, b in zip(*scores, strict=True))
    assert {quote.cue.text for quote in focused.quotes if quote.cue} >= {"said", "According to"}


@pytest.mark.model
def test_article_without_cues_or_marks_is_not_parsed_but_gives_the_same_record(nlp: Language) -> None:
    text = "The cafe opens at nine. Nora Quist owns it.\nThe town of Westford is in Kent."
    doc = nlp.make_doc(text)
    assert all(not piece.parse for piece in plan_pieces(nlp, doc))
    [focused] = extract_many([text], nlp=nlp, focus=True)
    [whole] = extract_many([text], nlp=nlp)
    assert focused.to_dict() == whole.to_dict()
