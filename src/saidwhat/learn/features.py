"""Features of a cue candidate token and of a (cue, content candidate) pair, as sparse dicts."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..constants import SPEECH_VERBS
from .candidates import ContentCandidate

Features = dict[str, float]
_QUOTES = frozenset('"“”„«»')


def _inside_quotes(token: Token) -> bool:
    """An odd number of double quotation marks before the token in its sentence."""
    sent = token.sent
    count = sum(1 for t in sent if t.i < token.i and any(c in _QUOTES for c in t.text))
    return count % 2 == 1


def cue_features(token: Token) -> Features:
    """What the cue scorer knows about one token."""
    lemma = token.lemma_.lower()
    head = token.head
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
        "in_quotes": float(_inside_quotes(token)),
        "sent_has_quote": float(any(t.text in _QUOTES for t in token.sent)),
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


def content_features(doc: Doc, cue: Token, candidate: ContentCandidate) -> Features:
    """What the content chooser knows about one candidate content of a cue."""
    start, end = candidate.bounds
    length = end - start
    first, last = doc[start], doc[end - 1]
    lemma = cue.lemma_.lower()
    size = "1" if length == 1 else "2-3" if length <= 3 else "4-8" if length <= 8 else "9-20" if length <= 20 else "21+"
    return {
        "bias": 1.0,
        f"how={candidate.how}": 1.0,
        f"how_lemma={candidate.how}|{lemma}": 1.0,
        f"how_size={candidate.how}|{size}": 1.0,
        f"size={size}": 1.0,
        f"first={first.lower_}": 1.0,
        f"first_pos={first.pos_}": 1.0,
        f"last_pos={last.pos_}": 1.0,
        f"how_first={candidate.how}|{first.lower_ if first.is_stop else first.pos_}": 1.0,
        "after_cue": float(start > cue.i),
        "has_quote": float(any(t.text in _QUOTES for t in doc[start:end])),
        "has_verb": float(any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])),
        f"cue_dep_how={cue.dep_}|{candidate.how}": 1.0,
    }
