"""The spaCy component 'saidwhat_names': people, organisations and places from runs of proper
nouns, in place of the NER (setting `entities = "fast"`; see learn/names.py)."""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelError
from .extraction.deciders import shipped_model_path
from .learn.names import NAMES_FILE, NameModel


@lru_cache(maxsize=1)
def load_name_model() -> NameModel:
    path = shipped_model_path(NAMES_FILE)
    try:
        return NameModel.load(path)
    except (OSError, ValueError, KeyError) as err:
        raise ModelError(f"name model '{path}' cannot be loaded ({err}); reinstall saidwhat") from err


class NameFinder:
    def __init__(self, model: NameModel) -> None:
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = self.model.find_entities(doc)
        return doc


@Language.factory("saidwhat_names")
def make_name_finder(nlp: Language, name: str) -> NameFinder:
    return NameFinder(load_name_model())
