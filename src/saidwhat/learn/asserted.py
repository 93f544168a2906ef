"""Does a found quote's cue put its content forward as someone's words? Grammar the quote decision weighs.

A reported clause is someone's words when its cue asserts it. Four shapes look like reports and assert nothing:
- a question under a verb that says something is not known ('doubted whether the plan would work'), or put to
  the subject ('Asked if he would stand, ...'): no answer is reported, and the question is not the subject's
  (on the BBC training gold neither of the 2 such questions found is a quote);
- a participle that names a noun of the narrator's sentence ('the sum announced by the mayor is lower',
  'firms mentioned in the bid are ...'): the words around it are the narrator's, and the content that takes
  in the noun (or the verb of its clause) is no one's words (on the BBC training gold none of the 3 such
  contents found is a quote);
- a cue in a condition ('if I say the plan is safe, people believe me'): a saying supposed, not reported (the one
  such quote found on the BBC training gold is not a quote);
- a negated cue ('did not say where ...', 'would not confirm that ...'): what was not said (on the BBC training
  gold 4 of the 5 such quotes found are not quotes; the rule loses the fifth, 'would not reveal whether ...').
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..extraction.drafts import DraftQuote
from ..extraction.lexicon import ASKING_VERBS, DOUBT_VERBS, WH_WORDS

# Keys of the quote decision (`quoteness.quote_keys`) that drop a found quote whatever its score.
UNASSERTED_QUESTION = "content_question_unasserted"
CUE_NAMES_CONTENT = "cue_modifies_content"
CONDITIONAL_CUE = "cue_conditional"
NEGATED_CUE = "cue_negated"
RULE_KEYS = frozenset({UNASSERTED_QUESTION, CUE_NAMES_CONTENT, CONDITIONAL_CUE, NEGATED_CUE})
# What opens a condition ('if I say ...'). English grammar.
_CONDITION_MARKS = frozenset({"if", "unless"})
# A participle that modifies a noun: 'the sum announced', 'the recently announced sum'.
_NOUN_MODIFIER_DEPS = frozenset({"acl", "amod"})


def asserted_keys(doc: Doc, draft: DraftQuote, span: Span) -> list[str]:
    """Keys for a question right after a verb of not knowing or of asking in the passive, a cue that
    modifies a noun inside its own content, a cue in a condition and a negated cue."""
    if draft.cue_token is None:
        return []
    cue = doc[draft.cue_token]
    keys = []
    if _is_question_after(draft, span) and _leaves_open(cue):
        keys.append(UNASSERTED_QUESTION)
    if cue.dep_ in _NOUN_MODIFIER_DEPS and any(draft.covers(token.idx) for token in cue.ancestors):
        keys.append(CUE_NAMES_CONTENT)
    if any(child.dep_ == "mark" and child.lower_ in _CONDITION_MARKS for child in cue.children):
        keys.append(CONDITIONAL_CUE)
    if any(child.dep_ == "neg" for child in cue.children):
        keys.append(NEGATED_CUE)
    return keys


def _is_question_after(draft: DraftQuote, span: Span) -> bool:
    """Is the content an embedded question that its cue takes with nothing between ('say where ...'; not
    'warned that if ...')?"""
    if draft.cue is None or span[0].lower_ not in WH_WORDS:
        return False
    between = span.doc.text[draft.cue[1] : draft.start]
    return draft.cue[1] <= draft.start and not between.strip()


def _leaves_open(cue: Token) -> bool:
    """Is the cue a verb of not knowing ('doubted whether'), or one of asking in the passive ('was asked if')?
    A question someone asks ('she asked whether ...') is theirs, and left to the model."""
    lemma = cue.lemma_.lower()
    return lemma in DOUBT_VERBS or (lemma in ASKING_VERBS and _is_passive(cue))


def _is_passive(verb: Token) -> bool:
    """'was asked', or a participle with no subject nor auxiliary ('Asked if ..., she said')."""
    deps = {child.dep_ for child in verb.children}
    if "auxpass" in deps:
        return True
    return verb.tag_ == "VBN" and not deps & {"aux", "nsubj", "nsubjpass"}
