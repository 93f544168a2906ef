"""Facts of a Doc computed once (extraction/docfacts.py), on hand-built parses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from tests.parses import connor_said, hand_parse


def test_a_cue_after_a_quote_of_two_sentences_stands_outside_it(blank_nlp: Language) -> None:
    from saidwhat.extraction.docfacts import doc_facts

    # '"We won. I say no," he added.', the second sentence parsed with "added" under "say"
    doc = hand_parse(
        blank_nlp,
        [
            ('"', False, 2, "punct", "PUNCT", "``", '"'),
            ("We", True, 2, "nsubj", "PRON", "PRP", "we"),
            ("won", False, 2, "ROOT", "VERB", "VBD", "win"),
            (".", True, 2, "punct", "PUNCT", ".", "."),
            ("I", True, 5, "nsubj", "PRON", "PRP", "I"),
            ("say", True, 5, "ROOT", "VERB", "VBP", "say"),
            ("no", False, 5, "dobj", "INTJ", "UH", "no"),
            (",", False, 5, "punct", "PUNCT", ",", ","),
            ('"', True, 10, "punct", "PUNCT", "''", '"'),
            ("he", True, 10, "nsubj", "PRON", "PRP", "he"),
            ("added", False, 5, "ccomp", "VERB", "VBD", "add"),
            (".", False, 5, "punct", "PUNCT", ".", "."),
        ],
    )
    facts = doc_facts(doc)
    assert [token.text for token in doc if facts.inside_quotes(token)] == ["We", "won", ".", "I", "say", "no", ",", '"']


def test_the_document_columns_read_every_word_as_spacy_does(blank_nlp: Language) -> None:
    from spacy.tokens import Span

    from saidwhat.extraction.docfacts import doc_facts

    doc = connor_said(blank_nlp)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    words, heads, deps = ["Hi", "\n\n", "there", ":"], [0, 0, 0, 2], ["ROOT", "dep", "dep", "punct"]
    spaced = Doc(blank_nlp.vocab, words=words, spaces=[False, False, True, False], heads=heads, deps=deps)
    for each in (doc, spaced):
        words = doc_facts(each).columns
        assert [
            (words.text(i), words.lower(i), words.lemma(i), words.pos[i], words.tag[i], words.dep[i], words.ent_type[i])
            for i in range(len(each))
        ] == [
            (token.text, token.lower_, token.lemma_.lower(), token.pos_, token.tag_, token.dep_, token.ent_type_)
            for token in each
        ]
        assert [
            (words.head[i], words.children[i], words.is_space[i], words.is_punct[i], words.is_stop[i])
            for i in range(len(each))
        ] == [
            (token.head.i, [child.i for child in token.children], token.is_space, token.is_punct, token.is_stop)
            for token in each
        ]
        assert words.glued == [not token.whitespace_ for token in each]
