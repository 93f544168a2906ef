"""Is a found quote's cue an act rather than a saying? Grammar the quote decision weighs.

A verb that reports words names who said them, as its subject or its agent, and takes what they said. Two
shapes of an act look like that to the rules:
- a passive without an agent ('the band is often called upon to play ...', 'get called to jury duty'): no
  one is named as saying anything;
- an object followed by a 'to'-infinitive ('allowed the team to reach ...', 'encouraged her to try ...'): the
  verb lets or makes someone do something. Verbs of saying take this shape too ('urged voters not to ...'),
  so the decision weighs it beside the cue's lemma rather than ruling on it.

Counted on the quote decision's examples (found quotes that share content with a gold quote, and those that
share none), BBC training gold then PolNeAR train (a found quote no attribution covers being a negative):
an agentless passive cue 6 quotes and 2 non-quotes of 554 and 51, 97 and 19 of 12033 and 323; an object and
an infinitive 5 and 1, 182 and 9. Held out (`benchmarks/cross_domain_cv.py`), the two move one BBC quote and
a few PolNeAR ones (docs/model.md).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..extraction.drafts import DraftQuote

PASSIVE_NO_AGENT = "cue_passive_no_agent"
OBJECT_INFINITIVE = "cue_object_infinitive"
# The noun before the infinitive: the cue's object, or the infinitive's subject as the parser may read it.
_OBJECT_DEPS = frozenset({"dobj", "nsubj"})


def act_keys(doc: Doc, draft: DraftQuote) -> list[str]:
    """Keys for a cue in the passive with no agent and a cue whose object is followed by an infinitive."""
    if draft.cue_token is None:
        return []
    cue = doc[draft.cue_token]
    keys = []
    if is_agentless_passive(cue):
        keys.append(PASSIVE_NO_AGENT)
    if _takes_object_and_infinitive(cue):
        keys.append(OBJECT_INFINITIVE)
    return keys


def is_agentless_passive(verb: Token) -> bool:
    """'was dismissed', 'is called upon', with no 'by' agent."""
    deps = {child.dep_ for child in verb.children}
    return "auxpass" in deps and "agent" not in deps


def _takes_object_and_infinitive(verb: Token) -> bool:
    """'allowed the team to reach ...': a 'to'-infinitive after the verb, with a noun between them that is
    the verb's object or the infinitive's subject."""
    for comp in verb.rights:
        if comp.dep_ not in ("xcomp", "ccomp") or not any(child.tag_ == "TO" for child in comp.children):
            continue
        nouns = [*verb.rights, *comp.lefts]
        if any(token.dep_ in _OBJECT_DEPS and verb.i < token.i < comp.i for token in nouns):
            return True
    return False
