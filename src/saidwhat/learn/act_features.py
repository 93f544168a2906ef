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
conventions do not. An infinitive or a gerund at the content's head is an act whatever finite verbs the clauses
inside it hold ('decided to act before his case was heard', 'aims to sign players who are ...'): on the BBC
examples that reading adds no quote and no non-quote to the 10 above, on PolNeAR train 83 attributions and 1
non-attribution (its acts, as above); a noun with a clause of its own stays with the model ('rejected speculation
that he would stand' may name what was said, as the gold's 'denied suggestions there will be ...').

A fourth shape is left out as well (`OBJECT_NOT_SAID`): a verb of saying reports words through a clause, an
infinitive or a quotation, and through its direct object only where the verb names what was said by it
(`TOPIC_VERBS`: 'announced new fares') or a preposition names the matter ('told them of its decision', 'accused
X of ...', 'attacked the plan as costly'). A content that is such an object alone, with no verb but a gerund,
names whom or what the act is done to: 'praised her deputy for his role' (the saidwhat conventions leave out
evaluative acts without content), 'added two tries', 'conceded six goals'. It drafts none of the BBC examples
(its two candidates there, 'wrote the screenplay based on ...' and 'added tries to ...', hold a participle or a
verb as the parser tags them), and on PolNeAR train 6 attributions and 1 non-attribution ('mention Obama and his
legacy', 'stated their interest in ...': PolNeAR's topics).
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
OBJECT_NOT_SAID = "cue_saying_object"
# Keys that leave a judged quote out whatever its score; the model does not weigh them (`quoteness.learned_keys`).
ACT_RULE_KEYS = frozenset({ACT_NOT_SAID, OBJECT_NOT_SAID})
# Verbs that report words with no clause: verbs of saying and of conversation ('talked about the long nights
# on set', a topic the conventions count as a quote), and those whose object is what was said ('announced plans',
# 'called for talks'). A belief verb is not among them: 'is hoping to win' names a wish.
_OBJECT_SAID_VERBS = CONVERSATION_VERBS | TOPIC_VERBS | frozenset(TOPIC_PHRASAL_VERBS)
_REPORTING_VERBS = SAYING_VERBS | _OBJECT_SAID_VERBS
# Prepositions that name the matter spoken of ('told them of its decision', 'accused each other of cheating'):
# English grammar.
_MATTER_PREPOSITIONS = frozenset({"of", "about", "on", "over", "as"})
# What a noun phrase's head is tagged: a noun, a pronoun, a number.
_NOMINAL_TAGS = ("NN", "PRP", "CD")
# An infinitive and a gerund: a verb with no tense, heading what an act takes ('to act', 'letting ...').
_NON_FINITE_TAGS = frozenset({"VB", "VBG"})
# A verb other than a gerund, or a modal: what a noun phrase naming the object of an act holds none of ('the
# scheme aimed to ...' is a clause the parser may read as a noun phrase).
_VERB_TAGS = TENSED_TAGS | {"VB", "VBN"}
# The noun before the infinitive: the cue's object, or the infinitive's subject as the parser may read it.
_OBJECT_DEPS = frozenset({"dobj", "nsubj"})


def act_keys(doc: Doc, draft: DraftQuote) -> list[str]:
    """Keys for a cue in the passive with no agent, a cue whose object is followed by an infinitive, a cue that
    is no verb of saying with no finite clause for content (`ACT_NOT_SAID`), and a verb of saying with only an
    object for content (`OBJECT_NOT_SAID`)."""
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
    if draft.type == "indirect" and _says_nothing_of_its_object(doc, draft, cue):
        keys.append(OBJECT_NOT_SAID)
    return keys


def _names_an_act(doc: Doc, draft: DraftQuote, cue: Token) -> bool:
    """'declined to comment', 'is considering letting ...': a cue that is no verb of saying, whose content holds
    no finite verb or is an infinitive or a gerund whatever clauses it holds ('decided to act before the vote was
    held'), and which does not take an object and an infinitive. Words in quotation marks are someone's whatever
    the verb ('"Never," he shrugged'), so only a quote without them is read so. A noun with a clause of its own
    stays with the model: it may name what was said ('rejected speculation that he would stand')."""
    if cue.lower_ == "according" or not _REPORTING_VERBS.isdisjoint(verb_readings(cue.lemma_, cue.lower_)):
        return False
    if _takes_object_and_infinitive(cue):
        return False  # 'backed the Reds to win' may say what will be: left to the model, as above
    if not _holds_a_verb(doc, draft, TENSED_TAGS):
        return True
    heads = _content_heads(doc, draft)
    return bool(heads) and all(head.tag_ in _NON_FINITE_TAGS and not _is_tensed(head) for head in heads)


def _says_nothing_of_its_object(doc: Doc, draft: DraftQuote, cue: Token) -> bool:
    """'praised her deputy for his role', 'added two tries', 'conceded six goals': a verb of saying reports
    words through a clause, an infinitive or a quotation; its direct object is what was said only for a verb
    that names what was said ('announced new fares', `_OBJECT_SAID_VERBS`), or where a preposition names the
    matter ('told them of its decision'). A content that is such an object, with no tensed verb, names whom
    or what the act is done to."""
    readings = verb_readings(cue.lemma_, cue.lower_)
    if SAYING_VERBS.isdisjoint(readings) or not _OBJECT_SAID_VERBS.isdisjoint(readings):
        return False
    heads = _content_heads(doc, draft)
    objects = [head for head in heads if head.head.i == cue.i and head.dep_ == "dobj"]
    if not objects or any(head.dep_ not in ("dobj", "prep") or head.head.i != cue.i for head in heads):
        return False
    if not all(_is_nominal(head) for head in objects):
        return False
    if _holds_a_verb(doc, draft, _VERB_TAGS, besides=frozenset(head.i for head in objects)):
        return False
    around = [*cue.children, *(token for head in objects for token in head.subtree)]
    return not any(_names_the_matter(token) for token in around)


def _names_the_matter(token: Token) -> bool:
    """'of its decision', 'about the plan', 'for failing to act' ('criticised the board for failing to act': the
    act judged, in the words of a clause); not 'for his role' ('praised her deputy for his role': the reason for
    the praise)."""
    if token.dep_ != "prep":
        return False
    return token.lower_ in _MATTER_PREPOSITIONS or (
        token.lower_ == "for" and any(child.tag_ == "VBG" for child in token.children)
    )


def _is_nominal(word: Token) -> bool:
    """Is a direct object tagged a noun, a pronoun or a number? A plural noun there may be tagged a verb in the
    present ('added [tries] to the tally'): an object is a noun phrase whatever the tagger says (English grammar)."""
    return word.tag_.startswith(_NOMINAL_TAGS) or word.tag_ == "VBZ"


def _holds_a_verb(doc: Doc, draft: DraftQuote, tags: frozenset[str], besides: frozenset[int] = frozenset()) -> bool:
    """Does a word of the content (other than those at `besides`) carry one of `tags`?"""
    pieces = [doc.char_span(start, end, alignment_mode="expand") for start, end in draft.contents]
    return any(
        token.tag_ in tags and token.i not in besides for piece in pieces if piece is not None for token in piece
    )


def _content_heads(doc: Doc, draft: DraftQuote) -> list[Token]:
    """The words of a content whose heads stand outside it: what the cue takes ('to act' in 'decided to act
    before the case was heard'), not the verbs of clauses inside it ('was heard')."""
    heads = []
    for start, end in draft.contents:
        piece = doc.char_span(start, end, alignment_mode="expand")
        if piece is not None:
            heads += [token for token in piece if _heads_piece(token, piece.start, piece.end) and not token.is_punct]
    return heads


def _heads_piece(token: Token, start: int, end: int) -> bool:
    """Does the word's head stand outside the piece [start, end), or is it the sentence's root?"""
    return token.head.i == token.i or not start <= token.head.i < end


def _is_tensed(verb: Token) -> bool:
    """'rose', 'will rise', 'had risen': a verb with a tense of its own or a tensed auxiliary."""
    auxiliaries = (child for child in verb.children if child.dep_ in ("aux", "auxpass"))
    return verb.tag_ in TENSED_TAGS or any(child.tag_ in TENSED_TAGS for child in auxiliaries)


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
