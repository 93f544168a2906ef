"""A small spaCy component, run before the parser: sentences never cross a line break.

Headlines carry no full stop ("... in "next couple of months"" then a new line), so without
this the parser runs the headline into the first sentence. It also keeps a closing quotation
mark with the sentence it closes ('..it never stops."' + new line).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_CLOSING = frozenset({'"', "”", "’", "'", "»"})


def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after every line break; closing marks stay behind."""
    after_break = False
    for token in doc:
        if token.is_space or not token.text.strip():
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
        elif token.i > 0 and token.text in _CLOSING and doc[token.i - 1].text in (".", "!", "?", ",", "…"):
            token.is_sent_start = False
        after_break = "\n" in token.whitespace_
    return doc


@Language.component("saidwhat_paragraphs")
def paragraph_breaks_component(doc: Doc) -> Doc:
    return mark_paragraph_breaks(doc)
