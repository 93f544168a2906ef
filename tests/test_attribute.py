"""Stage 4d, the cue and source of each marked quote (extraction/attribute.py), on hand-built parses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.cues import Cue, find_cues
from tests.parses import hand_parse


def test_a_word_of_the_quote_is_never_its_source(blank_nlp: Language) -> None:
    from saidwhat.extraction.attribute import attribute_marked_quotes
    from saidwhat.extraction.marks import find_quoted_runs
    from saidwhat.extraction.quotes import draft_marked_quotes

    # '"We will win," Chief Tom Reyes said.', parsed with "We" as the subject of "said"
    words = ['"', "We", "will", "win", ",", '"', "Chief", "Tom", "Reyes", "said", "."]
    spaces = [False, True, True, False, False, True, True, True, True, False, False]
    heads = [9, 9, 3, 9, 3, 9, 8, 8, 9, 9, 9]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "compound", "compound", "npadvmod", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    lemmas = ['"', "we", "will", "win", ",", '"', "Chief", "Tom", "Reyes", "say", "."]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    runs, _ = find_quoted_runs(doc.text)
    drafts = draft_marked_quotes(doc.text, runs)
    attribute_marked_quotes(doc, drafts, find_cues(doc, leading_adverb=True))
    assert [[doc.text[slice(*source)] for source in draft.sources] for draft in drafts] == [["Chief Tom Reyes"]]


def test_a_quote_touches_the_cue_whose_subject_took_its_closing_comma_and_mark(blank_nlp: Language) -> None:
    from saidwhat.extraction.attribute import is_adjacent
    from saidwhat.extraction.docfacts import doc_facts
    from saidwhat.extraction.quotes import draft_marked_quotes

    # '"We won," Lee, 69, told Kim.', parsed with the quote's closing comma and mark hung from 'Lee'
    doc = hand_parse(
        blank_nlp,
        [
            ("“", False, 9, "punct", "PUNCT", "``", "“"),
            ("We", True, 2, "nsubj", "PRON", "PRP", "we"),
            ("won", False, 9, "ccomp", "VERB", "VBD", "win"),
            (",", False, 5, "punct", "PUNCT", ",", ","),
            ("”", True, 5, "punct", "PUNCT", "''", "”"),
            ("Lee", False, 9, "nsubj", "PROPN", "NNP", "Lee"),
            (",", True, 5, "punct", "PUNCT", ",", ","),
            ("69", False, 5, "appos", "NUM", "CD", "69"),
            (",", True, 5, "punct", "PUNCT", ",", ","),
            ("told", True, 9, "ROOT", "VERB", "VBD", "tell"),
            ("Kim", False, 9, "dobj", "PROPN", "NNP", "Kim"),
            (".", False, 9, "punct", "PUNCT", ".", "."),
        ],
    )
    (quote,) = draft_marked_quotes(doc.text, list(doc_facts(doc).runs))
    told = doc[9]
    assert is_adjacent(doc, quote, Cue(9, (told.idx, told.idx + len(told)), 0.9))
