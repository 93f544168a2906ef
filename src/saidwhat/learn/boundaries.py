"""Where a cue's content starts and ends: two token scorers over the cue's sentence.

Choosing among whole parse subtrees misses contents that the parse splits differently; scoring
each token as a possible first and last word of the content, with features that still say which
subtree edges it sits on, covers far more of what annotators mark.
"""

from __future__ import annotations

import math

from spacy.tokens import Span, Token

from ..docfacts import doc_facts
from .features import Features
from .linear import LinearModel

_QUOTES = frozenset('"“”„«»')
_OPENERS = frozenset({"that", "to", "whether", "if", "what", "how", "why", "when", "where", "who", "for"})


def _bucket(distance: int) -> str:
    for limit in (1, 2, 3, 5, 8, 13, 21):
        if distance <= limit:
            return str(limit)
    return "far"


def region(cue: Token) -> Span:
    """The tokens a content may be taken from: the cue's sentence."""
    return doc_facts(cue.doc).sent(cue)


def subtree_owner(cue: Token) -> dict[int, str]:
    """Token index -> the dep of the cue's child whose subtree holds it ('ccomp', 'nsubj', ...)."""
    owner: dict[int, str] = {}
    for child in cue.children:
        for token in child.subtree:
            owner[token.i] = child.dep_
    return owner


def edge_labels(cue: Token) -> tuple[dict[int, str], dict[int, str]]:
    """Token index -> dep label, for left and right edges of the cue's children and of its head's subtree."""
    lefts: dict[int, str] = {}
    rights: dict[int, str] = {}
    for child in cue.children:
        lefts.setdefault(child.left_edge.i, child.dep_)
        rights.setdefault(child.right_edge.i, child.dep_)
    if cue.head.i != cue.i:
        lefts.setdefault(cue.head.left_edge.i, "head")
        rights.setdefault(cue.head.right_edge.i, "head")
        lefts.setdefault(cue.right_edge.i + 1, "after_cue_tree")
        rights.setdefault(cue.left_edge.i - 1, "before_cue_tree")
    return lefts, rights


def boundary_features(
    cue: Token, token: Token, *, start: bool, edges: tuple[dict[int, str], dict[int, str]], owner: dict[int, str]
) -> Features:
    """Features of `token` as the first (start=True) or last word of `cue`'s content."""
    doc = token.doc
    side = "after" if token.i > cue.i else "before"
    lemma = cue.lemma_.lower()
    neighbour = (
        doc[token.i - 1]
        if start and token.i > 0
        else doc[token.i + 1]
        if not start and token.i + 1 < len(doc)
        else None
    )
    near = neighbour.text if neighbour is not None and (neighbour.is_punct or neighbour.i == cue.i) else "w"
    if neighbour is not None and neighbour.i == cue.i:
        near = "CUE"
    edge = (edges[0] if start else edges[1]).get(token.i, "none")
    word = token.lower_ if token.is_stop or token.lower_ in _OPENERS or token.is_punct else token.pos_
    sent = doc_facts(doc).sent(token)
    at_sentence_edge = token.i == sent.start if start else token.i == sent.end - 1
    return {
        "bias": 1.0,
        f"side={side}": 1.0,
        f"dist={side}{_bucket(abs(token.i - cue.i))}": 1.0,
        f"edge={edge}": 1.0,
        f"edge_side={edge}|{side}": 1.0,
        f"edge_lemma={edge}|{lemma}": 1.0,
        f"near={near}": 1.0,
        f"near_side={near}|{side}": 1.0,
        f"word={word}": 1.0,
        f"word_edge={word}|{edge}": 1.0,
        f"dep={token.dep_}": 1.0,
        f"pos={token.pos_}": 1.0,
        "sent_edge": float(at_sentence_edge),
        f"sent_edge_side={at_sentence_edge}|{side}": 1.0,
        "quote": float(token.text in _QUOTES),
        f"cue_dep={cue.dep_}|{side}": 1.0,
        f"owner={owner.get(token.i, 'none')}": 1.0,
        f"owner_edge={owner.get(token.i, 'none')}|{edge}": 1.0,
        f"owner_near={owner.get(token.i, 'none')}|{near}": 1.0,
    }


def best_bounds(cue: Token, start_model: LinearModel, end_model: LinearModel) -> tuple[int, int] | None:
    """Token bounds [start, end) of the likeliest content of `cue`: the best pair of a first and a
    last word, in order, not crossing the cue."""
    edges, owner = edge_labels(cue), subtree_owner(cue)
    tokens = [t for t in region(cue) if t.i != cue.i and not t.is_space]
    starts = [
        (math.log(start_model.probability(boundary_features(cue, t, start=True, edges=edges, owner=owner))), t.i)
        for t in tokens
    ]
    ends = [
        (math.log(end_model.probability(boundary_features(cue, t, start=False, edges=edges, owner=owner))), t.i)
        for t in tokens
    ]
    best: tuple[float, int, int] | None = None
    for start_score, start in starts:
        for end_score, end in ends:
            if end < start or start < cue.i <= end:
                continue
            if best is None or start_score + end_score > best[0]:
                best = (start_score + end_score, start, end + 1)
    return (best[1], best[2]) if best else None
