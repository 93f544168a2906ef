"""Features of a cue candidate token and of a (cue, content candidate) pair, as sparse dicts."""

from __future__ import annotations

from spacy.tokens import Token

from ..extraction.docfacts import DocFacts, doc_facts
from ..extraction.lexicon import REPORTING_HEADS, SPEECH_VERBS

Features = dict[str, float]

_GOVERNED_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp"})


def cue_keys(token: Token) -> list[str]:
    """The features of one token that are on (value 1.0), in a fixed order: what the cue scorer
    knows about it. (A list, not a dict: the scorer runs on every verb of every article.)"""
    return cue_keys_at(doc_facts(token.doc), token.i)


def cue_keys_at(facts: DocFacts, i: int) -> list[str]:
    """`cue_keys` of the token at `i`, read from the document's columns, not through Token objects."""
    words = facts.columns
    lemma = words.lemma(i)
    head = words.head[i]
    head_lemma = words.lemma(head)
    children = words.children[i]
    subjects = [child for child in children if words.dep[child] in ("nsubj", "nsubjpass")]
    dep = words.dep[i]
    previous = words.lower(i - 1) if i > 0 else "<s>"
    following = words.lower(i + 1) if i + 1 < len(words.dep) else "</s>"
    keys = [
        "bias",
        f"lemma={lemma}",
        f"pos={words.pos[i]}",
        f"tag={words.tag[i]}",
        f"dep={dep}",
        f"lemma_dep={lemma}|{dep}",
        f"head_lemma={head_lemma}",
        f"head_dep={dep}|{words.pos[head]}",
        f"prev={previous}",
        f"next={following}",
    ]
    flags = (
        ("speech_verb", lemma in SPEECH_VERBS),
        ("in_quotes", facts.quoted[i]),
        ("sent_has_quote", facts.has_mark[facts.sentence_of[i]]),
        ("has_subject", bool(subjects)),
    )
    keys += [name for name, on in flags if on]
    for child_dep in sorted({words.dep[child] for child in children}):
        keys += [f"child={child_dep}", f"lemma_child={lemma}|{child_dep}"]
    if subjects:
        keys += _subject_keys(facts, lemma, subjects[0])
    # What the word governs and hangs from, with the word itself: 'respond to requests', 'raise
    # questions', 'called for', 'said, adding' (token F1 on PolNeAR dev 0.788 -> 0.797).
    keys += [
        f"lemma_head={lemma}|{dep}|{head_lemma}",
        f"lemma_prev={lemma}|{previous}",
        f"lemma_next={lemma}|{following}",
    ]
    return keys + _governed_keys(facts, i, lemma, head_lemma)


def _governed_keys(facts: DocFacts, i: int, lemma: str, head_lemma: str) -> list[str]:
    """Whether a word goes on from a verb of saying, and what it governs."""
    words = facts.columns
    keys = ["head_is_speech"] if words.dep[i] in ("conj", "advcl") and head_lemma in REPORTING_HEADS else []
    for child in words.children[i]:
        if words.dep[child] in _GOVERNED_DEPS:
            governed = f"{words.dep[child]}|{words.lemma(child)}"
            keys += [f"obj={governed}", f"lemma_obj={lemma}|{governed}"]
    return keys


def _subject_keys(facts: DocFacts, lemma: str, subject: int) -> list[str]:
    """What the cue scorer knows of a word's subject."""
    words = facts.columns
    subject_pos, subject_ent = words.pos[subject], words.ent_type[subject]
    keys = [f"subj_pos={subject_pos}", f"subj_ent={subject_ent or 'none'}"]
    keys += [f"subj_lemma={words.lemma(subject)}", f"lemma_subj_ent={lemma}|{subject_ent or subject_pos}"]
    if subject_pos == "PRON":
        keys.append(f"subj_lower={words.lower(subject)}")
    # Someone the article has say or tell something elsewhere ('Trump said ...; Trump wants to
    # ...'): PolNeAR attributes far more of what speakers do (dev attribution +4, cue exact TP +5).
    if words.lower(subject) in facts.speakers:
        keys += ["subj_speaker", f"subj_speaker_pos={subject_pos}"]
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
