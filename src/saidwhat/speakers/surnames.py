"""When two spellings of a person's name are one name: the surname, a peer's name, a slip of one letter."""

from __future__ import annotations

from ..extraction.lexicon import PEER_TITLES


def surname_of(name: str) -> str:
    """The lower-case surname of a person's name: its last word, the one before the seat of a peer
    ('Lord Fenwick of Dale' -> 'fenwick')."""
    words = name.lower().split()
    if len(words) == 4 and words[0] in PEER_TITLES and words[2] == "of":
        return words[1]
    return words[-1]


def is_peer_name(name: str) -> bool:
    """'Lord Falconer': a peer's title and a surname, what a fuller name of the same person replaces."""
    words = name.split()
    return len(words) == 2 and words[0].lower() in PEER_TITLES


def is_spelling_slip(a: str, b: str) -> bool:
    """Two spellings of one surname: a doubled letter written once ('Chatterjee', 'Chaterjee') or two
    neighbouring letters swapped ('Monteith', 'Montieth'), in names of five letters or more. A letter
    added or changed anywhere else makes another name ('Johnson', 'Johnston')."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return (
            len(diffs) == 2 and diffs[1] == diffs[0] + 1 and a[diffs[0]] == b[diffs[1]] and a[diffs[1]] == b[diffs[0]]
        )
    short, long = sorted((a, b), key=len)
    if len(long) - len(short) != 1:
        return False
    for i in range(len(long)):
        if long[:i] + long[i + 1 :] == short:
            return (i > 0 and long[i - 1] == long[i]) or (i + 1 < len(long) and long[i + 1] == long[i])
    return False
