"""Features of a cue candidate token and of a (cue, content candidate) pair, as sparse dicts."""

from __future__ import annotations

from spacy.tokens import Token

from ..constants import SPEECH_VERBS
from ..docfacts import doc_facts

Features = dict[str, float]

_GOVERNED_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp"})
_REPORTING_HEADS = frozenset({"say", "tell", "add", "note", "claim"})


def cue_keys(token: Token) -> list[str]:
    """The features of one token that are on (value 1.0), in a fixed order: what the cue scorer
    knows about it. (A list, not a dict: the scorer runs on every verb of every article.)"""
    doc = token.doc
    lemma = token.lemma_.lower()
    head = token.head
    head_lemma = head.lemma_.lower()
    facts = doc_facts(doc)
    children = list(token.children)
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    dep = token.dep_
    previous = doc[token.i - 1].lower_ if token.i > 0 else "<s>"
    following = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else "</s>"
    keys = [
        "bias",
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={dep}",
        f"lemma_dep={lemma}|{dep}",
        f"head_lemma={head_lemma}",
        f"head_dep={dep}|{head.pos_}",
        f"prev={previous}",
        f"next={following}",
    ]
    flags = (
        ("speech_verb", lemma in SPEECH_VERBS),
        ("in_quotes", facts.inside_quotes(token)),
        ("sent_has_quote", facts.sentence_has_mark(token)),
        ("has_subject", bool(subjects)),
    )
    keys += [name for name, on in flags if on]
    for child_dep in sorted({child.dep_ for child in children}):
        keys += [f"child={child_dep}", f"lemma_child={lemma}|{child_dep}"]
    if subjects:
        subject = subjects[0]
        keys += [f"subj_pos={subject.pos_}", f"subj_ent={subject.ent_type_ or 'none'}"]
        keys += [f"subj_lemma={subject.lemma_.lower()}", f"lemma_subj_ent={lemma}|{subject.ent_type_ or subject.pos_}"]
        if subject.pos_ == "PRON":
            keys.append(f"subj_lower={subject.lower_}")
    # What the word governs and hangs from, with the word itself: 'respond to requests', 'raise
    # questions', 'called for', 'said, adding' (token F1 on PolNeAR dev 0.788 -> 0.797).
    keys += [
        f"lemma_head={lemma}|{dep}|{head_lemma}",
        f"lemma_prev={lemma}|{previous}",
        f"lemma_next={lemma}|{following}",
    ]
    if dep in ("conj", "advcl") and head_lemma in _REPORTING_HEADS:
        keys.append("head_is_speech")
    for child in children:
        if child.dep_ in _GOVERNED_DEPS:
            governed = f"{child.dep_}|{child.lemma_.lower()}"
            keys += [f"obj={governed}", f"lemma_obj={lemma}|{governed}"]
    return keys


def cue_features(token: Token) -> Features:
    """The same features as a sparse dict, for training (flags that are off kept as 0.0)."""
    features: Features = dict.fromkeys(cue_keys(token), 1.0)
    for flag in ("speech_verb", "in_quotes", "sent_has_quote", "has_subject"):
        features.setdefault(flag, 0.0)
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].pos_ != "PRON":
        features[f"subj_lower={subjects[0].lower_}"] = 0.0
    return features
