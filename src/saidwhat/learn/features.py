"""Features of a cue candidate token and of a (cue, content candidate) pair, as sparse dicts."""

from __future__ import annotations

from spacy.tokens import Token

from ..constants import SPEECH_VERBS
from ..docfacts import doc_facts

Features = dict[str, float]


def cue_features(token: Token) -> Features:
    """What the cue scorer knows about one token."""
    lemma = token.lemma_.lower()
    head = token.head
    facts = doc_facts(token.doc)
    deps = sorted({child.dep_ for child in token.children})
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    features: Features = {
        "bias": 1.0,
        f"lemma={lemma}": 1.0,
        f"pos={token.pos_}": 1.0,
        f"tag={token.tag_}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"lemma_dep={lemma}|{token.dep_}": 1.0,
        f"head_lemma={head.lemma_.lower()}": 1.0,
        f"head_dep={token.dep_}|{head.pos_}": 1.0,
        f"prev={token.nbor(-1).lower_ if token.i > 0 else '<s>'}": 1.0,
        f"next={token.nbor(1).lower_ if token.i + 1 < len(token.doc) else '</s>'}": 1.0,
        "speech_verb": float(lemma in SPEECH_VERBS),
        "in_quotes": float(facts.inside_quotes(token)),
        "sent_has_quote": float(facts.sentence_has_mark(token)),
        "has_subject": float(bool(subjects)),
    }
    for dep in deps:
        features[f"child={dep}"] = 1.0
        features[f"lemma_child={lemma}|{dep}"] = 1.0
    if subjects:
        subject = subjects[0]
        features[f"subj_pos={subject.pos_}"] = 1.0
        features[f"subj_ent={subject.ent_type_ or 'none'}"] = 1.0
        features[f"subj_lower={subject.lower_}"] = 1.0 if subject.pos_ == "PRON" else 0.0
    return features
