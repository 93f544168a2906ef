"""Lines that open with who speaks: transcripts ('WALLACE: Let's start with ...') and headlines
('Ann Lowe: Renters Fear Another Rise ...'). The label is the source, its colon the cue and the rest
of the line what was said. In a question-and-answer interview ('Q: ...' / 'A: ...') each answer is
the words of the one interviewed; the questions are the interviewer's, who is not quoted. A post
embedded in a web page ends with who wrote it ('... — Ana Pell (@anapell) May 2, 2026')."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .docfacts import doc_facts
from .drafts import DraftQuote
from .lexicon import NOT_SPEAKER_LABELS

# At a line start: an optional opening mark, a label of up to four words, a colon, then words.
_LABELLED_LINE = re.compile(
    r"""^[ \t"“'‘]*(?P<label>[A-Z][\w.'’-]*(?:[ \t][\w.'’-]+){0,3})(?P<colon>:)[ \t]+(?=\S)""", re.M
)

_LABEL_CONFIDENCE = 0.85
# 'Q: ...' and 'A: ...' (or 'Q.' / 'A.') at line starts: an interview printed as questions and answers.
_QUESTION_LINE = re.compile(r"^[ \t]*Q[:.][ \t]+(?=\S)", re.M)
# The sign-off that social networks' embed code puts under a post: a dash, the author's name, the handle
# and the date; the post's words come before it, perhaps ending in a link to a picture.
_SIGNED_POST = re.compile(
    r"^(?P<words>\S[^\n]*?)(?P<links>(?:\s+(?:https?://|pic\.twitter\.com/)\S+)*)\s+(?P<dash>[—–]|--?)\s*"
    r"(?P<name>[^\n()—–]{2,60}?)\s+\(@\w{1,30}\)\s+[A-Z][a-z]+\.? \d{1,2}, \d{4}\s*$",
    re.M,
)
_ANSWER_LINE = re.compile(r"^[ \t]*A(?P<colon>[:.])[ \t]+(?=\S)", re.M)


def _names_someone(label: Span, known: set[str]) -> bool:
    """A name that NER takes for a person or a body ('Ann Lowe'), or a name the article knows
    otherwise (`known`: 'WALLACE', 'Pence' above a story about Mike Pence); a headline such as
    'Trump Addresses Munich Attack: ...' or a shout such as 'BOOM: ...' is neither."""
    if not all(token.text[:1].isupper() or token.is_punct for token in label):
        return False  # the tagger's PROPN misses names at a line start ('Okoye: ...' is a NOUN)
    last = label[-1]
    return last.ent_type_ in ("PERSON", "ORG") or last.lower_ in known


def _capital_labels(matches: list[re.Match[str]]) -> set[str]:
    """Capitalised labels in an article where two or more people take turns ('TAPPER:', 'FALLIN:'):
    a transcript, whose speakers need no other introduction."""
    labels = {match["label"] for match in matches if match["label"].isupper()}
    return {label.split()[-1].lower() for label in labels} if len(labels) >= 2 else set()


def find_labelled_lines(doc: Doc) -> list[DraftQuote]:
    """A draft quote for every line that opens with a speaker label."""
    text = doc_facts(doc).text
    drafts: list[DraftQuote] = []
    matches = [
        match
        for match in _LABELLED_LINE.finditer(text)
        if match["label"].lower() not in NOT_SPEAKER_LABELS and sum(char.isalpha() for char in match["label"]) >= 2
    ]
    if not matches:
        return drafts
    known = {ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON"} | _capital_labels(matches)
    for match in matches:
        label = doc.char_span(match.start("label"), match.end("label"))
        colon = doc.char_span(match.start("colon"), match.end("colon"))
        if label is None or colon is None or not _names_someone(label, known):
            continue
        end = _words_end(text, match.end())
        words = text[match.end() : end].split()
        if len(words) < 2 or words[0][0].isdigit():
            continue  # 'Clinton: 547.' is a tally, not something said
        drafts.append(
            DraftQuote(
                type="direct",
                contents=[(match.end(), end)],
                cue=(colon.start_char, colon.end_char),
                sources=[(label.start_char, label.end_char)],
                cue_token=colon.start,
                source_token=label.end - 1,
                confidence=_LABEL_CONFIDENCE,
            )
        )
    return drafts


def _words_end(text: str, start: int) -> int:
    """Where the words of a line that starts at `start` end: words without marks, so ended as a reported
    clause is, without its full stop."""
    line_end = text.find("\n", start)
    line = text[: len(text) if line_end < 0 else line_end].rstrip()
    return len(line) - 1 if line.endswith((".", ";")) and not line.endswith("..") else len(line)


def find_answer_lines(doc: Doc) -> list[DraftQuote]:
    """A draft quote with no source for every answer of an interview printed as questions and answers:
    an 'A:' line counts only where a 'Q:' line asks too."""
    text = doc_facts(doc).text
    if not _QUESTION_LINE.search(text):
        return []
    drafts = []
    for match in _ANSWER_LINE.finditer(text):
        # 'A.' is one token: the cue is the mark, its token the label's
        colon = doc.char_span(match.start("colon"), match.end("colon"), alignment_mode="expand")
        end = _words_end(text, match.end())
        if colon is None or end <= match.end():
            continue
        drafts.append(
            DraftQuote(
                type="direct",
                contents=[(match.end(), end)],
                cue=(match.start("colon"), match.end("colon")),
                cue_token=colon.start,
                confidence=_LABEL_CONFIDENCE,
                answers=True,
            )
        )
    return drafts


def find_signed_posts(doc: Doc) -> list[DraftQuote]:
    """A direct quote for every embedded social-media post: its words, by the author its sign-off names."""
    text = doc_facts(doc).text
    drafts = []
    for match in _SIGNED_POST.finditer(text):
        name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        dash = doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
        if name is None or dash is None or len(match["words"].split()) < 2:
            continue
        drafts.append(
            DraftQuote(
                type="direct",
                contents=[(match.start("words"), match.end("words"))],
                cue=(match.start("dash"), match.end("dash")),
                sources=[(name.start_char, name.end_char)],
                cue_token=dash.start,
                source_token=name.end - 1,
                confidence=_LABEL_CONFIDENCE,
            )
        )
    return drafts


def settle_labelled_lines(drafts: list[DraftQuote], labelled: list[DraftQuote]) -> list[DraftQuote]:
    """The labelled lines, and the other drafts that keep clear of them: a quotation mark opening
    every transcript paragraph would otherwise join the whole transcript into one quote."""
    if not labelled:
        return drafts
    lines = [(_line_start(line), line.end) for line in labelled]
    kept = [draft for draft in drafts if not any(draft.start < end and start < draft.end for start, end in lines)]
    return sorted(kept + labelled, key=lambda draft: draft.start)


def _line_start(line: DraftQuote) -> int:
    return line.sources[0][0] if line.sources else (line.cue or line.contents[0])[0]


def take_labelled_lines(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts in reading order, with the labelled lines, answers and signed posts of `doc` in place of
    what overlaps them."""
    found = find_labelled_lines(doc) + find_answer_lines(doc) + find_signed_posts(doc)
    labelled = sorted(found, key=lambda draft: draft.start)
    return settle_labelled_lines(sorted(drafts, key=lambda draft: draft.start), labelled)
