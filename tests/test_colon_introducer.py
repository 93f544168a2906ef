"""A colon before a quotation with no cue introduces it by the narration's subject (antecedents.py), on
hand-built parses so that a model upgrade cannot change them."""

from __future__ import annotations

from spacy.language import Language

from saidwhat.extraction.drafts import DraftQuote
from saidwhat.speakers.antecedents import colon_introducer

from .parses import parsed


def test_a_colon_after_narration_with_no_subject_introduces_no_one(blank_nlp: Language) -> None:
    # 'At dawn on Monday: "We sail."'
    doc = parsed(
        blank_nlp,
        ["At", "dawn", ":", '"', "We", "sail", ".", '"'],
        [0, 0, 0, 5, 5, 0, 5, 5],
        ["ROOT", "pobj", "punct", "punct", "nsubj", "parataxis", "punct", "punct"],
        ["ADP", "NOUN", "PUNCT", "PUNCT", "PRON", "VERB", "PUNCT", "PUNCT"],
        ["at", "dawn", ":", '"', "we", "sail", ".", '"'],
    )
    draft = DraftQuote("direct", [(doc[3].idx, len(doc.text))])
    assert colon_introducer(doc, draft) is None


def test_the_nearest_verb_of_saying_before_the_colon_gives_the_speaker(blank_nlp: Language) -> None:
    # 'Ports were calm, with Ann Lee telling MPs: "We sail."': Lee, not the main clause's 'Ports'
    words = ["Ports", "were", "calm", ",", "with", "Ann", "Lee", "telling", "MPs", ":", '"', "We", "sail", ".", '"']
    doc = parsed(
        blank_nlp,
        words,
        [1, 1, 1, 1, 1, 6, 7, 4, 7, 7, 12, 12, 1, 12, 12],
        [
            "nsubj",
            "ROOT",
            "acomp",
            "punct",
            "prep",
            "compound",
            "nsubj",
            "pcomp",
            "dobj",
            "punct",
            "punct",
            "nsubj",
            "parataxis",
            "punct",
            "punct",
        ],
        [
            "NOUN",
            "AUX",
            "ADJ",
            "PUNCT",
            "ADP",
            "PROPN",
            "PROPN",
            "VERB",
            "NOUN",
            "PUNCT",
            "PUNCT",
            "PRON",
            "VERB",
            "PUNCT",
            "PUNCT",
        ],
        ["port", "be", "calm", ",", "with", "Ann", "Lee", "tell", "mp", ":", '"', "we", "sail", ".", '"'],
    )
    draft = DraftQuote("direct", [(doc[10].idx, len(doc.text))])
    introducer = colon_introducer(doc, draft)
    assert introducer is not None and introducer.text == "Lee"
