"""Part-of-speech tags the rules read (Penn Treebank, as spaCy's English tagger gives them); the word lists
are in `lexicon.py`."""

from __future__ import annotations

# The tags of a finite verb (past, present with or without -s): a verb with a tense of its own.
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# A finite verb or a modal: the tags of a clause's tensed word ('she said', 'it will').
TENSED_TAGS = FINITE_VERB_TAGS | {"MD"}
