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

A third shape is left out whatever the score (`ACT_NOT_SAID`): a verb that is no verb of saying reports words
only through a finite clause ('the survey found that prices rose'); with an infinitive, a gerund or a noun
phrase and no finite verb, it names what someone did or means to do ('declined to comment', 'planned to raise
taxes', 'is considering letting users ...', 'sought guidance'). An object and an infinitive stay with the model,
as above ('backed New Zealand to win' says what will be). Of the quote decision's BBC examples without
quotation marks, such a cue with no finite verb in its content drafted no quote and 10 non-quotes (with a
finite verb, 16 quotes and 6 non-quotes: 'the survey found ...', 'figures show ...'). PolNeAR's annotators count
intentions and acts as attributions ('decided to be lazy', 'paused to remember ...'), which the saidwhat
conventions do not.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..extraction.drafts import DraftQuote
from ..extraction.lexicon import (
    CONVERSATION_VERBS,
    SAYING_VERBS,
    TOPIC_PHRASAL_VERBS,
    TOPIC_VERBS,
    verb_readings,
)
from ..extraction.tags import TENSED_TAGS

PASSIVE_NO_AGENT = "cue_passive_no_agent"
OBJECT_INFINITIVE = "cue_object_infinitive"
ACT_NOT_SAID = "cue_act_not_clause"
# Keys that leave a judged quote out whatever its score; the model does not weigh them (`quoteness.learned_keys`).
ACT_RULE_KEYS = frozenset({ACT_NOT_SAID})
# Verbs that report words with no clause: verbs of saying and of conversation ('talked about the long nights
# on set', a topic the conventions count as a quote), and those whose object is what was said ('announced plans',
# 'called for talks'). A belief verb is not among them: 'is hoping to win' names a wish.
_REPORTING_VERBS = SAYING_VERBS | CONVERSATION_VERBS | TOPIC_VERBS | frozenset(TOPIC_PHRASAL_VERBS)
# The noun before the infinitive: the cue's object, or the infinitive's subject as the parser may read it.
_OBJECT_DEPS = frozenset({"dobj", "nsubj"})


def act_keys(doc: Doc, draft: DraftQuote) -> list[str]:
    """Keys for a cue in the passive with no agent, a cue whose object is followed by an infinitive, and a cue that
    is no verb of saying with no finite verb in its content (`ACT_NOT_SAID`)."""
    if draft.cue_token is None:
        return []
    cue = doc[draft.cue_token]
    keys = []
    if is_agentless_passive(cue):
        keys.append(PASSIVE_NO_AGENT)
    if _takes_object_and_infinitive(cue):
        keys.append(OBJECT_INFINITIVE)
    if draft.type == "indirect" and _names_an_act(doc, draft, cue):
        keys.append(ACT_NOT_SAID)
    return keys


def _names_an_act(doc: Doc, draft: DraftQuote, cue: Token) -> bool:
    """'declined to comment', 'is considering letting ...': a cue that is no verb of saying, whose content holds
    no finite verb, and which does not take an object and an infinitive. Words in quotation marks are someone's
    whatever the verb ('"Never," he shrugged'), so only a quote without them is read so."""
    if cue.lower_ == "according" or not _REPORTING_VERBS.isdisjoint(verb_readings(cue.lemma_, cue.lower_)):
        return False
    if _takes_object_and_infinitive(cue):
        return False  # 'backed the Reds to win' may say what will be: left to the model, as above
    pieces = [doc.char_span(start, end, alignment_mode="expand") for start, end in draft.contents]
    return not any(token.tag_ in TENSED_TAGS for piece in pieces if piece is not None for token in piece)


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
