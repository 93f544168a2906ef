"""Is this someone's words? Features of a found quote, for the learned decision that keeps or drops it.

Titles, terms, nicknames and scare quotes in quotation marks, and clauses after a verb that reports an act
('declined to comment', 'is hoping to win'), look like quotations to the rules. A linear model over these
features (learned from the BBC training gold by `saidwhat train --quotes`) tells them apart; it is stored as
`models/quotes.json` and scored in pure Python like the attribution model.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..errors import ModelError
from ..extraction.docfacts import doc_facts, token_at
from ..extraction.drafts import DraftQuote
from ..extraction.lexicon import (
    RAISING_VERBS,
    SAYING_VERBS,
    SENTENCE_END_MARKS,
    SPEECH_VERBS,
    TITLE_SMALL_WORDS,
    verb_readings,
)
from ..extraction.marks import QuotedRun, skip_space_back
from ..extraction.quotes import classify_run, inner_text
from ..segment import INNER_SENTENCE_BREAK
from .act_features import ACT_RULE_KEYS, act_keys
from .asserted import RULE_KEYS, asserted_keys
from .linear import LinearModel
from .run_features import standing_keys

# The file `saidwhat train --quotes` writes and the package ships.
QUOTE_MODEL_FILE = "quotes.json"
_WORD_BUCKETS = (1, 2, 3, 5, 8, 13, 21)
_SCORE_STEPS = (0.5, 0.7, 0.9)
SPEECH_CUE_BESIDE = "marked_sentence_speech_cue"
# Beside a verb of saying a run is kept unless the run decision all but rules it out: a letter or a title in
# quotation marks ('detainee "B" said', 'the "Night Owls" poster'). Held out by fold, the lowest score a BBC
# training quote beside such a verb gets is 0.80; on PolNeAR train's runs beside one, 0.75 drops 5 more of the
# 63 that no attribution covers (titles, letters) and 2 of the 2017 that one covers (issue 22, round 11).
SPEECH_BESIDE_FLOOR = 0.75
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
RAISING_CUE = "cue_raising"
# Keys that leave a judged quote out whatever its score: an impression ('it seems that ...'), a question
# whose answer is not given, a cue naming a noun of its own content (`asserted.py`), an act with no clause for
# content ('declined to comment'; `act_features.py`).
_NO_ONES_WORDS = frozenset({RAISING_CUE, *RULE_KEYS, *ACT_RULE_KEYS})
# Vetoes the model does not weigh: the grammar's (`asserted.py`) and an act's (`act_features.py`).
_VETO_KEYS = RULE_KEYS | ACT_RULE_KEYS
_GLOSS_WORDS = 4
_OWN_PUNCTUATION = (*SENTENCE_END_MARKS, ",", ";", ":")
# A clause names its subject ('he hopes to ...'); what an act takes has none ('admitted fraud', 'sought
# guidance', 'declined to comment'): on the BBC training gold 24 of the 61 found quotes without a subject
# of their own are not quotes, against 27 of the 529 with one.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _bucket(count: int, steps: tuple[int, ...]) -> str:
    return next((f"<={step}" for step in steps if count <= step), f">{steps[-1]}")


def _words(span: Span) -> list[Token]:
    return [token for token in span if not token.is_punct and not token.is_space]


def _capitalisation(words: list[Token]) -> str:
    """'all' for Title Case Words, 'first' for a sentence, 'none' for lower-case words."""
    content = [token for token in words if not token.is_stop] or words
    if all(token.text[:1].isupper() for token in content):
        return "all"
    return "first" if words[0].text[:1].isupper() else "none"


def _cue_keys(doc: Doc, cue: Token, score: float | None) -> list[str]:
    """The cue's lemma, tag, dependency, the words it governs (a modal among them) and its score. The cross-domain
    check (`benchmarks/cross_domain_cv.py`) would drop the dependency and the modal; unseen BBC news says keep
    them (docs/model.md)."""
    children = {child.dep_ for child in cue.children}
    keys = [f"cue_lemma={cue.lemma_.lower()}", f"cue_tag={cue.tag_}", f"cue_dep={cue.dep_}"]
    keys += [f"cue_child={dep}" for dep in sorted(children & {"neg", "xcomp", "auxpass", "aux", "dobj", "ccomp"})]
    if cue.lemma_.lower() in SPEECH_VERBS:
        keys.append("cue_speech")
    if cue.lemma_.lower() in RAISING_VERBS:
        keys.append(RAISING_CUE)
    if any(child.tag_ == "MD" for child in cue.children):
        keys.append("cue_modal")
    if score is not None:
        keys += [f"cue_score>={step}" for step in _SCORE_STEPS if score >= step]
    return keys


def _source_keys(doc: Doc, draft: DraftQuote) -> list[str]:
    if draft.source_token is None:
        return ["source=none"] if not draft.sources else ["source=some"]
    token = doc[draft.source_token]
    keys = [f"source_pos={token.pos_}", f"source_ent={token.ent_type_ or '-'}"]
    if token.pos_ == "PRON":
        keys.append(f"source_pronoun={token.lower_}")
    return keys


def _content_keys(words: list[Token], span: Span) -> list[str]:
    """What the reported words are: a clause with its subject, or a noun phrase or an infinitive after an act
    ('added two tries', 'declined to comment'; the part of speech of the content's head tells them apart too:
    22 of 36 found quotes headed by a noun are quotes, 506 of 540 headed by a verb); a question reports no
    one's words."""
    keys = [f"content_root_pos={span.root.pos_}"]
    if not any(token.dep_ in _SUBJECT_DEPS and span.start <= token.head.i < span.end for token in span):
        keys.append("content_subjectless")
    if not any(token.pos_ in ("VERB", "AUX") for token in words):
        keys.append("content_verbless")
    if words[0].tag_ == "TO" and span.root.pos_ == "VERB":
        keys.append(f"content_to={span.root.lemma_.lower()}")
    sentence = doc_facts(span.doc).sent(span[0])
    if sentence.text.rstrip().endswith("?"):
        keys.append("sentence_question")
    return keys


def run_keys(doc: Doc, run: QuotedRun, cue_tokens: frozenset[int] = frozenset()) -> list[str]:
    """What a quoted run and the words around it say: a title or a term is capitalised or nominal and
    governed by 'in', 'of', 'called'; an utterance ends with a full stop, makes a sentence, or has a cue
    beside it (`cue_tokens`: the indices of the document's cues)."""
    text = doc_facts(doc).text
    inner = inner_text(text, run)
    words = _WORD.findall(inner)
    keys = ["marked", f"marked_words{_bucket(len(words), _WORD_BUCKETS)}"]
    if inner.rstrip().endswith(SENTENCE_END_MARKS):
        keys.append("marked_ends_sentence")
    elif inner.rstrip().endswith(","):
        keys.append("marked_ends_comma")
    if INNER_SENTENCE_BREAK.search(inner):
        keys.append("marked_inner_stop")
    if words:
        keys.append(f"marked_caps={_word_caps(words)}")
    end = skip_space_back(text, run.start)
    if end == 0 or text[end - 1] in ".!?" or "\n" in text[end : run.start]:
        keys.append("marked_opens_sentence")
    elif text[end - 1] in ":,":
        keys.append(f"marked_after={text[end - 1]}")
    elif (previous := token_at(doc, end - 1)) is not None:
        keys += [f"marked_after_lemma={previous.lemma_.lower()}", f"marked_after_pos={previous.pos_}"]
    keys += _run_grammar_keys(doc, run, cue_tokens)
    line_start = text.rfind("\n", 0, run.start) + 1
    line_end = text.find("\n", run.end)
    if not text[line_start : line_end if line_end >= 0 else len(text)].replace(text[run.start : run.end], "").strip():
        keys.append("marked_whole_paragraph")
    return keys


def run_decision_keys(doc: Doc, run: QuotedRun, cue_tokens: frozenset[int]) -> list[str]:
    """The features the run decision weighs: `run_keys`, and how the run stands in its article and its clause
    (`run_features.standing_keys`). The quote decision leaves these out: in it too, they moved nothing but
    overlap precision on the BBC training folds, 0.949 -> 0.948."""
    return run_keys(doc, run, cue_tokens) + standing_keys(doc, run, cue_tokens)


def _run_grammar_keys(doc: Doc, run: QuotedRun, cue_tokens: frozenset[int]) -> list[str]:
    """A term is made of nouns and adjectives and often names the noun after it ('"multicore" chips');
    someone's words often stand beside a cue of their sentence."""
    span = doc.char_span(run.start, run.end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    words = _words(span)
    keys = []
    head = span.root.head
    if head.i < span.start or head.i >= span.end:
        keys += [f"marked_governor={head.lemma_.lower()}", f"marked_governor_dep={span.root.dep_}"]
        if head.lemma_.lower() in SPEECH_VERBS:
            keys.append("marked_governor_speech")
    sentence = doc_facts(doc).sent(span[0])
    beside = [i for i in cue_tokens if sentence.start <= i < sentence.end and not span.start <= i < span.end]
    if beside:
        keys.append("marked_sentence_cue")
    if any(_vouches_for_words(doc[i]) for i in beside):
        keys.append(SPEECH_CUE_BESIDE)
    if words and all(token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") for token in words):
        keys.append("marked_nominal")
    if not any(token.pos_ in ("VERB", "AUX") for token in words):
        keys.append("marked_verbless")
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.pos_ in ("NOUN", "PROPN") and following.head.i != span.root.i:
        keys.append("marked_then_noun")
    return keys


def _vouches_for_words(token: Token) -> bool:
    """A verb of saying or an active belief verb ('she hopes ... "next spring"'); a belief verb in the passive
    names a thing ('as the gorge is known') rather than saying whose words they are (on the BBC training gold
    the one quoted run beside such a verb is a non-quote)."""
    if token.lemma_.lower() in SAYING_VERBS:
        return True
    is_belief = not SPEECH_VERBS.isdisjoint(verb_readings(token.lemma_, token.lower_))
    return is_belief and not any(child.dep_ == "auxpass" for child in token.children)


def _word_caps(words: list[str]) -> str:
    content = [word for word in words if word.lower() not in TITLE_SMALL_WORDS] or words
    if all(word[:1].isupper() for word in content):
        return "all"
    return "first" if words[0][:1].isupper() else "none"


def _first_run(doc: Doc, draft: DraftQuote) -> QuotedRun | None:
    return next(
        (
            run
            for run in doc_facts(doc).runs
            if any(run.start < end and start < run.end for start, end in draft.contents)
        ),
        None,
    )


def quote_keys(doc: Doc, draft: DraftQuote, cue_score: float | None = None) -> list[str]:
    """The names of the (binary) features of one found quote."""
    keys = ["bias", f"type={draft.type}", "cue" if draft.cue is not None else "cue=none"]
    span = doc.char_span(draft.start, draft.end, alignment_mode="expand")
    if span is None or not len(span):
        return keys
    words = _words(span) or list(span)
    keys += [f"words{_bucket(len(words), _WORD_BUCKETS)}", f"caps={_capitalisation(words)}"]
    keys += [f"first_tag={words[0].tag_}", f"root_dep={span.root.dep_}"]
    keys += _content_keys(words, span) + asserted_keys(doc, draft, span) + act_keys(doc, draft)
    head = span.root.head
    if head.i < span.start or head.i >= span.end:
        keys.append(f"governor={head.lemma_.lower()}")
    if draft.cue_token is not None:
        keys += _cue_keys(doc, doc[draft.cue_token], cue_score)
    keys += _source_keys(doc, draft)
    run = _first_run(doc, draft)
    if run is None:
        keys.append("unmarked")
    else:
        keys += run_keys(doc, run)
        if run.start <= draft.start and draft.end <= run.end + 1:
            keys.append("marked_whole")
    if span.start < len(doc) and doc_facts(doc).sentence_of[span.start] == 0:
        keys.append("first_sentence")
    if draft.inherits:
        keys.append("continuation")
    return keys


def is_judged(doc: Doc, draft: DraftQuote) -> bool:
    """Is a found quote one the quote decision judges: one attributed by a verb, not a partial quote? Quotes
    without a cue and partial quotes (whose quoted runs the run decision judged: on the BBC training gold 15 of
    the 16 partial quotes with a verb cue are quotes), and those of a layout (a 'Name:' line, a dash sign-off)
    or of a speech noun ('her promise to ...') are too few in the training gold to learn from, and are kept."""
    if draft.type == "partial":
        return False
    return draft.cue_token is not None and doc[draft.cue_token].pos_ in ("VERB", "AUX")


def is_someones_words(doc: Doc, draft: DraftQuote, model: LinearModel, cue_scores: dict[int, float]) -> bool:
    """Does the learned decision keep this found quote (its probability at or above the model's threshold)?"""
    if not is_judged(doc, draft):
        return True
    score = cue_scores.get(draft.cue_token) if draft.cue_token is not None else None
    return keeps_quote(model, quote_keys(doc, draft, score))


def keeps_quote(model: LinearModel, keys: list[str]) -> bool:
    """The decision on a judged quote's features: an impression ('it seems that ...'), an open question
    ('did not say where ...'), a participle's noun ('the sum announced by ...') and an act ('declined to comment')
    are no one's words, and otherwise the model's probability must reach its threshold."""
    return not is_ruled_out(keys) and model.probability_of_keys(keys) >= model.threshold


def is_ruled_out(keys: list[str]) -> bool:
    """Do a judged quote's features leave it out whatever the model says?"""
    return not _NO_ONES_WORDS.isdisjoint(keys)


def learned_keys(keys: list[str]) -> list[str]:
    """The keys the model weighs: all but the grammar's vetoes (`asserted.py`, `act_features.ACT_RULE_KEYS`). The
    quotes they leave out stay among the model's negatives, so that what they share with other acts (a negation, a
    modal) keeps its weight."""
    return [key for key in keys if key not in _VETO_KEYS]


@dataclass(frozen=True, slots=True)
class QuoteModels:
    """The two learned decisions: is a quoted run someone's words (`runs`), is a found quote (`quotes`)."""

    runs: LinearModel
    quotes: LinearModel
    meta: dict[str, Any]

    def save(self, path: Path) -> None:
        payload = {"meta": self.meta, "runs": self.runs.to_dict(), "quotes": self.quotes.to_dict()}
        path.write_text(json.dumps(payload, sort_keys=True, separators=(",", ":")), encoding="utf-8")


def load_quote_models(path: Path) -> QuoteModels:
    """The quote decisions saved by `saidwhat train --quotes`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return QuoteModels(
            LinearModel.from_dict(data["runs"]), LinearModel.from_dict(data["quotes"]), dict(data["meta"])
        )
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ModelError(
            f"quote model '{path}' cannot be loaded ({err}); retrain with saidwhat train --quotes"
        ) from err


def is_judged_run(text: str, run: QuotedRun) -> bool:
    """Is a quoted run one the run decision judges: a fragment the rules would take for a partial quote?
    A whole utterance ('"We expect record profits."') is someone's words whatever stands around it."""
    kind = classify_run(text, run)
    return kind == "partial" or (kind == "direct" and _is_short_gloss(text, run))


def _is_short_gloss(text: str, run: QuotedRun) -> bool:
    """'..., in other words, "three word term".': a few words after a comma with no punctuation of their own,
    which the rules take for an utterance that the comma introduces (on the BBC training gold and PolNeAR train
    2 such runs of at most 4 words are no one's words and 3 are quotes: the run decision tells them apart)."""
    inner = inner_text(text, run)
    if len(run.parts) > 1 or len(_WORD.findall(inner)) > _GLOSS_WORDS or inner.rstrip()[-1:] in _OWN_PUNCTUATION:
        return False
    return text[: run.start].rstrip().endswith(",") and not text[run.end :].lstrip().startswith(",")


def is_a_quotation(doc: Doc, run: QuotedRun, model: LinearModel, cue_tokens: frozenset[int]) -> bool:
    """Does the learned decision take this quoted run for someone's words (not a title, term or scare quote)?"""
    if not is_judged_run(doc_facts(doc).text, run):
        return True
    return keeps_run(model, run_decision_keys(doc, run, cue_tokens))


def keeps_run(model: LinearModel, keys: list[str]) -> bool:
    """The decision on a judged run's features: beside a verb of saying the run needs only `SPEECH_BESIDE_FLOOR`,
    elsewhere the model's threshold."""
    # Beside a verb of saying of its sentence a quoted word is the speaker's (on the BBC training gold 87 of the
    # 90 fragments judged here are quotes): 'On the show's warmth and "fuzziness", Connor commented'.
    floor = SPEECH_BESIDE_FLOOR if SPEECH_CUE_BESIDE in keys else model.threshold
    return model.probability_of_keys(keys) >= floor
