"""A glued headline that the parser took for a sentence of its own: its verb reports no one's words
(extraction/headline.py, `drop_split_headline_reports`)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.drafts import DraftQuote
from saidwhat.extraction.headline import drop_split_headline_reports

from .parses import parsed

# 'Varga denies port sale The council said it is false .', parsed as two sentences; with `stop`, a full stop
# ends the first one.
HEADLINE = (["Varga", "denies", "port", "sale"], [1, 1, 3, 1], ["nsubj", "ROOT", "compound", "dobj"])
BODY = (["The", "council", "said", "it", "is", "false", "."], [1, 2, 2, 4, 2, 4, 2])
BODY_DEPS = ["det", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"]


def two_sentences(blank_nlp: Language, *, stop: bool) -> Doc:
    words, heads, deps = (list(column) for column in HEADLINE)
    if stop:
        words, heads, deps = [*words, "."], [*heads, 1], [*deps, "punct"]
    shift = len(words)
    words += BODY[0]
    heads += [head + shift for head in BODY[1]]
    deps += BODY_DEPS
    pos = ["PUNCT" if word == "." else "X" for word in words]
    return parsed(blank_nlp, words, heads, deps, pos, [word.lower() for word in words])


def report(doc: Doc, cue: int, first: int, last: int) -> DraftQuote:
    contents = [(doc[first].idx, doc[last].idx + len(doc[last].text))]
    cue_span = (doc[cue].idx, doc[cue].idx + len(doc[cue].text))
    return DraftQuote(type="indirect", contents=contents, cue=cue_span, cue_token=cue)


def test_a_split_headlines_verb_reports_nothing(blank_nlp: Language) -> None:
    doc = two_sentences(blank_nlp, stop=False)
    headline, body = report(doc, 1, 2, 3), report(doc, 6, 7, 9)
    assert drop_split_headline_reports(doc, [headline, body]) == [body]


def test_a_first_sentence_with_a_full_stop_is_no_headline(blank_nlp: Language) -> None:
    doc = two_sentences(blank_nlp, stop=True)
    headline = report(doc, 1, 2, 3)
    assert drop_split_headline_reports(doc, [headline]) == [headline]
