"""The spaCy component: `nlp.add_pipe("saidwhat")` sets doc._.saidwhat_quotes and doc._.saidwhat_speakers.

The unprefixed doc._.quotes and doc._.speakers still work for one release, with a DeprecationWarning.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .extraction.conventions import conventions_named
from .extraction.deciders import Deciders, load_deciders
from .extraction.orchestrator import analyse_doc
from .records import Quote, Speaker

USER_DATA_KEY = "saidwhat"
SPANS_KEY = "saidwhat_quotes"


def _stored(doc: Doc) -> dict[str, Any]:
    data = doc.user_data.get(USER_DATA_KEY)
    return data if isinstance(data, dict) else {}


def get_quotes(doc: Doc) -> list[Quote]:
    return [Quote.from_dict(item) for item in _stored(doc).get("quotes", [])]


def get_speakers(doc: Doc) -> list[Speaker]:
    return [Speaker.from_dict(item) for item in _stored(doc).get("speakers", [])]


def get_errors(doc: Doc) -> list[str]:
    return [str(item) for item in _stored(doc).get("errors", [])]


# The extensions, prefixed as spaCy's convention for a component asks; each reads doc.user_data.
EXTENSIONS: tuple[tuple[str, Callable[[Doc], list[Any]]], ...] = (
    ("saidwhat_quotes", get_quotes),
    ("saidwhat_speakers", get_speakers),
    ("saidwhat_errors", get_errors),
)
# Old extension name -> new one: still answered, with a DeprecationWarning, until the next release.
DEPRECATED_EXTENSIONS = {"quotes": "saidwhat_quotes", "speakers": "saidwhat_speakers"}


def _deprecated(old: str, new: str, getter: Callable[[Doc], list[Any]]) -> Callable[[Doc], list[Any]]:
    def warn_then_get(doc: Doc) -> list[Any]:
        warnings.warn(
            f"doc._.{old} is deprecated and goes in the next saidwhat release; use doc._.{new}",
            DeprecationWarning,
            stacklevel=3,  # the caller of doc._.<name>, past spaCy's Underscore.__getattr__
        )
        return getter(doc)

    return warn_then_get


def register_extensions() -> None:
    """Add the Doc extensions once; they read plain data kept in doc.user_data (msgpack-safe)."""
    getters = dict(EXTENSIONS)
    for name, getter in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)
    for old, new in DEPRECATED_EXTENSIONS.items():
        if not Doc.has_extension(old):
            Doc.set_extension(old, getter=_deprecated(old, new, getters[new]))


class SaidwhatComponent(Pipe):
    """Finds every quotation in a parsed Doc; the work is done by `analyse.analyse_doc`."""

    def __init__(
        self, nlp: Language, name: str, *, deciders: Deciders, min_confidence: float, conventions: str
    ) -> None:
        self.name = name
        self.deciders = deciders
        self.conventions = conventions
        self.min_confidence = min_confidence
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            analysis = analyse_doc(
                doc,
                deciders=self.deciders,
                min_confidence=self.min_confidence,
                conventions=conventions_named(self.conventions),
            )
        except Exception as err:
            error_handler(self.name, self, [doc], err)
            return doc
        doc.user_data[USER_DATA_KEY] = {
            "quotes": [quote.to_dict() for quote in analysis.quotes],
            "speakers": [speaker.to_dict() for speaker in analysis.speakers],
            "errors": list(analysis.errors),
        }
        names = {speaker.id: speaker.name for speaker in analysis.speakers}
        doc.spans[SPANS_KEY] = [
            span
            for quote in analysis.quotes
            if (span := doc.char_span(quote.start, quote.end, label=span_label(quote, names), alignment_mode="expand"))
            is not None
        ]
        return doc


def span_label(quote: Quote, names: dict[str, str]) -> str:
    """'direct: Kit Connor' (the speaker's name, so that displacy shows who said what), or the type alone."""
    name = names.get(quote.speaker) if quote.speaker else None
    return f"{quote.type}: {name}" if name else quote.type


@Language.factory(
    "saidwhat",
    default_config={"use_model": True, "model_path": "", "min_confidence": 0.0, "conventions": "saidwhat"},
    # token.tag, not token.pos: the English pipelines set pos through the attribute_ruler, which
    # declares nothing, so requiring token.pos makes analyze_pipes() report a problem that is not there.
    requires=["token.dep", "token.tag", "token.lemma", "doc.ents", "doc.sents"],
    assigns=["doc._.saidwhat_quotes", "doc._.saidwhat_speakers", "doc._.saidwhat_errors", "doc.spans"],
)
def make_saidwhat(
    nlp: Language, name: str, use_model: bool, model_path: str, min_confidence: float, conventions: str
) -> SaidwhatComponent:
    """spaCy factory for the saidwhat component."""
    deciders = load_deciders(use_model=use_model, path=model_path or None)
    return SaidwhatComponent(nlp, name, deciders=deciders, min_confidence=min_confidence, conventions=conventions)
