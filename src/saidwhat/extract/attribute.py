"""Stage 4b: give each quote its cue and source mention, and find indirect quotes around cues."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import CLAUSE_DEPS, Cue, opens_inverted_attribution, phrase_preposition
from .docfacts import doc_facts, token_at
from .drafts import DraftQuote, Offsets
from .lexicon import ABBREVIATIONS, BELIEF_VERBS, RELATIVE_PRONOUNS, SPEECH_VERBS, TOPIC_VERBS
from .marks import CLOSING_MARKS, DOUBLED_MARKS, OPENING_MARKS, STRAIGHT_MARKS

ContentChooser = Callable[[Doc, Token], "tuple[int, int] | None"]

_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# What a participle hung from a word may describe as the one who speaks.
_DESCRIBED_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_SAYABLE_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "VERB", "AUX", "ADJ"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
_TENSE_OF_TAG = {"VBD": "past", "VBZ": "present", "VBP": "present"}
# How a name before an appositive hangs above its last word ('Marc Morial, the head of the League,').
_APPOSITIVE_CLIMB_DEPS = frozenset({"pobj", "prep", "appos"})
_CLOSING_MARKS = frozenset({'"', "”", "''", "»"})
# A verb in these relations shares the subject of the verb it hangs from.
_SHARED_SUBJECT_DEPS = frozenset({"conj", "advcl", "xcomp"})
# Parts of a subject that describe rather than name: "Connor, who plays Nick Nelson", "Halvorsen, spokesman".
_DESCRIPTIVE_DEPS = frozenset({"relcl", "appos", "acl", "advcl", "punct", "cc", "conj"})
# Objects that carry what was said when there is no clause: "discussed the importance of the show".
_TOPIC_DEPS = frozenset({"dobj"})
_JOINING = frozenset(" ,:;—–-\"“”‘’'\n")
_SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# Relations that set a verb beside the one above it rather than under what it reports.
_BESIDE_DEPS = frozenset({"conj", "prep", "pcomp", "advcl"})
_WH_WORDS = frozenset({"when", "what", "how", "why", "whether", "if", "where", "who"})
_DASH_SIGN_OFF = re.compile(r"\s*(?P<dash>[—–―-]{1,2})\s*(?=[A-Z])")
_MAX_SOURCE_TOKENS = 12
_CLOSING_CHARS = (*CLOSING_MARKS, *STRAIGHT_MARKS)
_MAX_SIGN_OFF_CHARS = 80
# A line that opens with the one who speaks names them in a few words ('Poll: ...', 'NY Daily News: ...').
_MAX_LABEL_TOKENS = 6
# A source with its appositive may run long ('David Kamin, an outside adviser to the campaign on
# tax and budget issues and an associate professor at New York University School of Law').
_MAX_SOURCE_WITH_APPOSITIVE_TOKENS = 40


def trim_punct(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without punctuation at either end."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and not _closes_bracket(doc, start, end):
        end -= 1
    return start, end


def _closes_bracket(doc: Doc, start: int, end: int) -> bool:
    """'Sen. Claire McCaskill (D-Mo.)': a closing bracket whose opening one is in the span stays."""
    return doc[end - 1].text == ")" and any(token.text == "(" for token in doc[start : end - 1])


def mention_bounds(token: Token) -> tuple[int, int]:
    """Token bounds of the noun phrase headed by `token`, without relative clauses and appositives."""
    doc = token.doc
    start, end = token.i, token.i + 1
    for child in token.lefts:
        if child.dep_ not in _DESCRIPTIVE_DEPS:
            start = min(start, child.left_edge.i)
    for child in token.rights:
        if child.dep_ in _DESCRIPTIVE_DEPS:
            break
        end = max(end, child.right_edge.i + 1)
    if end - start > _MAX_SOURCE_TOKENS:
        start, end = max(start, token.i - 4), token.i + 1
    return trim_punct(doc, _start_of_phrase(token, start), end)


def _start_of_phrase(head: Token, start: int) -> int:
    """Where a mention starts, after what the parser hung before it: a dateline ('WASHINGTON --
    President Obama'), a clause before a comma ('After the election, Minyon Moore') or a focus
    adverb ('Even China')."""
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if _separates(doc[i]):
            start = i + 1
            break
    while start < head.i and doc[start].dep_ in ("advmod", "cc", "punct") and doc[start].head.i == head.i:
        start += 1
    return start


def _separates(token: Token) -> bool:
    return token.text in (",", ":", ";") or _is_dash(token)


def _is_dash(token: Token) -> bool:
    if token.text in ("--", "—", "―", "–"):
        return True
    # a hyphen with space around it, not the one inside 'Jean-Pierre' (which spaCy splits off)
    return token.text == "-" and bool(token.whitespace_) and token.i > 0 and bool(token.nbor(-1).whitespace_)


def source_bounds(token: Token) -> tuple[int, int]:
    """Token bounds of a source mention as PolNeAR marks it: the phrase with its appositive ('Brent
    Bozell III, founder of the Media Research Center') and a who-clause ('Derek Mitchell, who served
    as ambassador': 251 to 203 on train), but no other relative clause; long phrases are cut back
    to the name."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "relcl" and child.left_edge.lower_ != "who":
            break
        end = child.right_edge.i + 1
    start, end = trim_punct(token.doc, _start_of_phrase(token, token.left_edge.i), end)
    if end - start > _MAX_SOURCE_WITH_APPOSITIVE_TOKENS:
        return mention_bounds(token)
    return start, end


def char_bounds(doc: Doc, start: int, end: int) -> Offsets:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _word_before(token: Token) -> Token | None:
    before = token.i - 1
    while before >= 0 and token.doc[before].is_punct:
        before -= 1
    return token.doc[before] if before >= 0 else None


def is_relative_subject(subject: Token) -> bool:
    """'Schiff, who said', and 'the Chicago Police Department which reported' that the parser hung
    from the main verb."""
    if subject.lower_ not in RELATIVE_PRONOUNS:
        return False
    previous = _word_before(subject)
    return subject.head.dep_ == "relcl" or (previous is not None and previous.pos_ in ("NOUN", "PROPN"))


def _antecedent(pronoun: Token, parsed_head: Token) -> Token:
    """The noun a relative pronoun stands for: a person named just before it ('including actor George
    C Scott who said'), else the noun the parser attached the clause to."""
    previous = _word_before(pronoun) or parsed_head
    if previous.ent_type_ == "PERSON" or parsed_head.pos_ not in _NOMINAL_POS:
        return previous
    return parsed_head


def _quoted_before(child: Token, cue: Token) -> bool:
    """Does a quotation mark close between a word and the cue after it ('mode," said')?"""
    return child.i < cue.i and any(token.text in _CLOSING_MARKS for token in child.doc[child.i + 1 : cue.i])


def _dash_before(child: Token, cue: Token) -> bool:
    """Does a dash stand between a word and the cue after it ('WASHINGTON -- President Obama said')?"""
    return child.i < cue.i and any(_is_dash(token) for token in child.doc[child.i + 1 : cue.i])


def find_source_token(cue: Cue, doc: Doc) -> Token | None:
    """The head of the mention that attributes a cue: its subject, 'by X', or X in 'according to X'."""
    token = doc[cue.token]
    if cue.phrase:
        preposition = phrase_preposition(doc, cue)
        objects = [child for child in preposition.children if child.dep_ == "pobj"]
        return objects[0] if objects else (doc[preposition.i + 1] if preposition.i + 1 < len(doc) else None)
    if opens_inverted_attribution(token):
        return token.head  # 'Said Ellis: "..."': the parser made the verb part of the name
    if token.text == ":":
        return _label_before_colon(token)
    owner = _owner_of_speech_noun(token) if token.pos_ == "NOUN" else None
    if owner is not None:
        return owner
    facts = doc_facts(doc)
    for climbed in (False, True, True):
        # 'Trump is supported by [an unusual coalition]': a passive's speaker is its agent; its subject
        # is what was said or whom it was said to ('Clinton was told').
        for child in token.children:
            if child.dep_ == "agent":
                objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                if objects:
                    return objects[0]
        # Not a quoted title after the verb ('Flynn said on Fox News's "Fox and Friends."').
        subjects = [
            child
            for child in token.children
            if (child.dep_ == "nsubj" or (climbed and child.dep_ == "nsubjpass"))
            and not (child.i > token.i and facts.inside_quotes(child))
        ]
        # Of two subjects: the one not closed inside a quotation ('"... Full panic mode," said Leslie
        # Wimes'), a noun or pronoun, not a dateline before a dash ('WASHINGTON -- President Obama said'),
        # a person ('Colin Asplin, Blackpool Hotel Association said'), else the nearer ('His ex-wife
        # agreed', 'ex - Tory education secretary Gillian Shepherd remembered', with 'ex' a subject too).
        subjects.sort(
            key=lambda child: (
                _quoted_before(child, token),
                child.pos_ not in _NOMINAL_POS,
                _dash_before(child, token),
                child.ent_type_ != "PERSON",
                abs(child.i - token.i),
            )
        )
        if subjects:
            child = subjects[0]
            # "actor George C Scott, who said ...": the relative pronoun stands for the noun.
            return _antecedent(child, token.head) if is_relative_subject(child) else child
        # "Connor laughed and said ...", "he said, adding that ...": the subject of the verb above.
        above = _verb_above(token)
        if above is None and token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in _DESCRIBED_POS:
            # 'a petition calling on him to ...', 'one listing the facts': PolNeAR's source 117 times in 149 on train
            return token.head
        if above is None:
            # Not for a passive: 'When terrorists are revealed as ..., Obama and Clinton call them'.
            return None if _is_passive(doc[cue.token]) else _subject_the_parse_missed(token)
        token = above
    return None


def _label_before_colon(colon: Token) -> Token | None:
    """'Poll: Clinton and Trump in dead heat', 'Trump Addresses Munich Attack: ...': a colon taken for
    a cue at the head of a line is said by the few words before it, by the subject where they make
    a clause. (Names alone are labelled lines already, `transcripts.py`.)"""
    doc = colon.doc
    start = colon.i
    while start > 0 and not (doc[start - 1].is_space and "\n" in doc[start - 1].text):
        start -= 1
        if colon.i - start > _MAX_LABEL_TOKENS:
            return None
    if start == colon.i:
        return None
    label = doc[start : colon.i]
    root = label.root
    subjects = [child for child in root.children if child.dep_ in ("nsubj", "nsubjpass") and child.i < colon.i]
    return subjects[0] if subjects else root


def _owner_of_speech_noun(noun: Token) -> Token | None:
    """'his claim that ...', 'Trump's promise to ...': PolNeAR's source 334 times in 357 on train; and
    'But Trump claims that ...' parsed as a plural noun with its speaker a compound (14 in 21)."""
    owners = [child for child in noun.children if child.dep_ == "poss"]
    if noun.tag_ == "NNS":
        owners += [child for child in noun.lefts if child.dep_ == "compound" and child.pos_ == "PROPN"][-1:]
    return owners[0] if owners else None


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def _subject_the_parse_missed(verb: Token) -> Token | None:
    """The name or pronoun right before a finite verb left without a subject: the parser made 'Trump'
    the object in 'a meeting with the Washington Post Trump said', 'Clinton' a conjunct of 'war' in
    '..., Obama and Clinton call them', and 'Marc H. Morial, the chief executive of the National
    Urban League, forcefully told' a conjunct of the place before it."""
    if verb.tag_ not in _FINITE_TAGS or verb.dep_ not in ("ROOT", "conj"):
        return None
    doc = verb.doc
    before = (
        min([verb, *(child for child in verb.lefts if child.dep_ in ("aux", "neg", "advmod"))], key=lambda t: t.i).i - 1
    )
    if before < 0:
        return None
    facts = doc_facts(doc)
    candidate = doc[before]
    if facts.inside_quotes(candidate) and not facts.inside_quotes(verb):
        # '"...," read the statement': the inverted subject parsed as an object
        objects = [child for child in verb.rights if child.dep_ == "dobj"]
        return objects[0] if objects else None
    if candidate.text == "," and before > 0:
        candidate = doc[before - 1]
        # Up from 'League' to 'Morial', but not into a quote before the name ('...," Flynn, a top
        # surrogate, said': the parser made Flynn an appositive of the quote's last word).
        while candidate.dep_ in _APPOSITIVE_CLIMB_DEPS and candidate.head.i < candidate.i:
            if facts.inside_quotes(candidate.head):
                break
            candidate = candidate.head
    nominal = candidate.pos_ == "PROPN" or candidate.lower_ in _SPEAKER_PRONOUNS
    if not nominal or candidate.ent_type_ in ("DATE", "TIME", "CARDINAL") or facts.inside_quotes(candidate):
        return None
    return candidate


def _goes_on_from_reported_clause(token: Token) -> bool:
    """'Trump said he would order a review [and warned] against hackers': a speech verb joined to a
    reported clause whose subject is a pronoun for the speaker goes on with the speaker's own words
    (the parser hangs it from 'order')."""
    head = token.head
    return (
        token.dep_ == "conj"
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)
        and head.dep_ == "ccomp"
        and head.head.pos_ in ("VERB", "AUX")
        and any(child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _SPEAKER_PRONOUNS for child in head.children)
    )


def _reporting_verb_going_on_with(token: Token) -> Token | None:
    """The speech verb whose speaker goes on with `token`, though the parser hangs it inside that verb's
    reported clause: a participle after a comma at the clause's end ('Okafor said she did not believe
    it, [arguing] that ...'; PolNeAR train: cue exact TP +23, content +28, source +19; dev +6, +6, +3),
    or a finite verb joined to a verb of another tense in it, or to one of the same lemma ('called on
    the city to repair the pier and [proposed] a levy', 'said X and [said] Y'; train +14, +15, +12)."""
    if any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
        return None
    trailing_participle = token.tag_ == "VBG" and token.dep_ == "advcl" and token.i > 0 and token.nbor(-1).text == ","
    conjunct = token.dep_ == "conj" and token.tag_ in _TENSE_OF_TAG
    if not (trailing_participle or conjunct):
        return None
    facts = doc_facts(token.doc)
    child = token
    for ancestor in token.ancestors:
        # past 'believe' and 'want': 'said [she did not believe [it hurt]], arguing' is said's
        if ancestor.lemma_.lower() in SPEECH_VERBS and ancestor.lemma_.lower() not in BELIEF_VERBS:
            clause_deps = ("ccomp", "xcomp") if conjunct else ("ccomp",)
            if child.dep_ not in clause_deps or child.i < ancestor.i or facts.inside_quotes(child):
                return None
            return ancestor if trailing_participle or _goes_on_from(ancestor, token) else None
        child = ancestor
    return None


def _goes_on_from(verb: Token, conjunct: Token) -> bool:
    """Is a finite conjunct inside a speech verb's clause joined to the verb rather than to the word the
    parser chose? When it repeats the verb, or differs in tense from that word and, where the verb is
    finite, agrees with it ('said she is glad it went well and [looks] forward to ...' stays inside)."""
    if conjunct.lemma_ == verb.lemma_:
        return True
    tense = _TENSE_OF_TAG[conjunct.tag_]
    return _TENSE_OF_TAG.get(conjunct.head.tag_) != tense and _TENSE_OF_TAG.get(verb.tag_, tense) == tense


def _verb_above(token: Token) -> Token | None:
    """The verb whose subject a verb shares: 'laughed and [said]', 'said, [adding]', 'responded by [saying]'."""
    head = token.head
    facts = doc_facts(token.doc)
    if facts.inside_quotes(head) and not facts.inside_quotes(token):
        # '"...," Sanders said, going on to say that "... young people do not want ..."': the parser
        # hung 'going' from a verb of the quote; it shares the subject of the verb before its comma,
        # or of the verb that reports the quote ('insisted that he has "expanded the party," claiming').
        if token.tag_ != "VBG":
            return None
        return _verb_before_comma(token) or _verb_reporting_quote(head)
    reporting = _reporting_verb_going_on_with(token)
    if reporting is not None:
        return reporting
    if token.dep_ == "pcomp" and head.dep_ == "prep":
        # up through the phrases it stands in: 'In addition to [stating] that ..., Clinton has vowed'
        above = head.head
        while above.dep_ in ("pobj", "prep") and above.head.i != above.i:
            above = above.head
        return above if above.pos_ in ("VERB", "AUX") else None
    if _goes_on_from_reported_clause(token):
        return head.head
    if token.dep_ in _SHARED_SUBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        return head
    return None


def _verb_reporting_quote(quoted: Token) -> Token | None:
    facts = doc_facts(quoted.doc)
    return next((a for a in quoted.ancestors if not facts.inside_quotes(a) and a.pos_ == "VERB"), None)


def _verb_before_comma(token: Token) -> Token | None:
    if token.i < 2 or token.nbor(-1).text != ",":
        return None
    verb = token.nbor(-2)
    return verb if verb.pos_ == "VERB" else None


def attach_source(draft: DraftQuote, cue: Cue, doc: Doc) -> None:
    """Set a draft's cue and source (the mention, without appositive or relative clause) from one cue."""
    draft.cue, draft.cue_token = cue.span, cue.token
    source = find_source_token(cue, doc)
    if source is not None and source.lower_ not in RELATIVE_PRONOUNS:
        start, end = mention_bounds(source)
        if start <= cue.token < end:
            start = cue.token + 1  # 'Said Ellis'
        if end > start:
            draft.sources = [char_bounds(doc, start, end)]
            draft.source_token = source.i


@dataclass(frozen=True, slots=True)
class CueIndex:
    """The cues of a document by token, in token order, and its line breaks: looked up by bisection,
    so attributing each quote costs the cues near it, not a scan of its sentences or paragraph
    (which made a paragraph of thousands of quotes take minutes)."""

    by_token: dict[int, Cue]
    tokens: list[int]
    line_breaks: list[int]

    @classmethod
    def build(cls, cues: list[Cue], text: str) -> CueIndex:
        by_token = {cue.token: cue for cue in cues}
        breaks = [match.start() for match in re.finditer("\n", text)]
        return cls(by_token, sorted(by_token), breaks)

    def within(self, span: Span) -> list[Cue]:
        """The cues whose token stands in `span`, in token order."""
        first, last = bisect_left(self.tokens, span.start), bisect_left(self.tokens, span.end)
        return [self.by_token[i] for i in self.tokens[first:last]]

    def paragraph_around(self, start: int, end: int, text_length: int) -> tuple[int, int]:
        """The offsets of the line that holds `start`, running on to the first break from `end`."""
        before = bisect_left(self.line_breaks, start)
        after = bisect_left(self.line_breaks, end)
        first = self.line_breaks[before - 1] + 1 if before else 0
        last = self.line_breaks[after] if after < len(self.line_breaks) else text_length
        return first, last


def _sentences_around(doc: Doc, draft: DraftQuote) -> Span:
    """The sentences the quote starts and ends in, as one span."""
    first = token_at(doc, draft.start)
    last = token_at(doc, max(draft.end - 1, draft.start))
    if first is None or last is None:
        return doc[0:0]
    facts = doc_facts(doc)
    return doc[facts.sent(first).start : facts.sent(last).end]


def _window(doc: Doc, draft: DraftQuote) -> Span:
    """The sentences a quote's cue may stand in: the quote's own, and the next one when the quote
    hands over to an attribution ('"It's hard to avoid," said Ryan Ellis' split after the mark)."""
    around = _sentences_around(doc, draft)
    inner_end = doc_facts(doc).text[draft.start : draft.end].rstrip("\"”’' ")
    if around.end < len(doc) and inner_end.endswith((",", "?", "!", "—", "-")):
        return doc[around.start : doc_facts(doc).sent(doc[around.end]).end]
    return around


def is_adjacent(doc: Doc, draft: DraftQuote, cue: Cue) -> bool:
    """Does the cue's clause touch the quote, with only punctuation between ('"...," Melanie said')?"""
    token = doc[cue.token]
    start = min(token.left_edge.idx, cue.span[0])
    if start < draft.end <= cue.span[0]:
        start = cue.span[0]  # '"...," the mayor said': the cue's clause holds the quote itself
    subject = find_source_token(cue, doc)
    if subject is not None:
        # not the quote's closing comma and mark, which the parser may hang from the name after it
        first, _ = trim_punct(doc, subject.left_edge.i, subject.i + 1)
        if first < len(doc):  # a subject of nothing but marks at the end of the text trims away
            start = min(start, doc[first].idx)
    end = max(cue.span[1], subject.right_edge.idx + len(subject.right_edge.text) if subject is not None else 0)
    text = doc_facts(doc).text
    before = text[draft.end : start] if start >= draft.end else None
    after = text[end : draft.start] if end <= draft.start else None
    # Only a comma, colon or dash may stand between: after a full stop the next quote is a continuation.
    return any(gap is not None and len(gap) < 4 and all(c in _JOINING for c in gap) for gap in (before, after))


_SENTENCE_BREAK = re.compile(r"(?P<word>[\w.]*)[.!?][\"”’']?(\s|$)")


def _has_sentence_break(gap: str) -> bool:
    """A full stop that ends a sentence; not the one of 'Rep.', '(R-Fla.)', 'E.' or 'U.S.'."""
    for match in _SENTENCE_BREAK.finditer(gap):
        word = match["word"]
        is_initial = len(word) == 1 and word.isupper()
        if not (is_initial or "." in word or word.lower() in ABBREVIATIONS):
            return True
    return False


def _between(text: str, draft: DraftQuote, cue: Cue) -> str:
    return text[cue.span[1] : draft.start] if cue.span[1] <= draft.start else text[draft.end : cue.span[0]]


def _ends_with_colon(text: str, sent: Span) -> bool:
    """Does the sentence end in a colon, white space aside? (Read from its end: `Span.text` joins every word.)"""
    last = sent[-1]
    end = last.idx + len(last.text)
    while end > sent.start_char and text[end - 1].isspace():
        end -= 1
    return end > sent.start_char and text[end - 1] == ":"


def pick_cue_for_quote(doc: Doc, draft: DraftQuote, cues: CueIndex, busy: frozenset[int] = frozenset()) -> Cue | None:
    """The cue that introduces a marked quote: one whose clause touches it, else the nearest in its
    sentences that does not already report a clause of its own (`busy`)."""
    around = _window(doc, draft)
    text = doc_facts(doc).text
    paragraph_start, paragraph_end = cues.paragraph_around(draft.start, draft.end, len(text))
    # '"...there." The 18-year-old actor discussed': a quote that ends its own sentence is not
    # attributed by what follows it.
    ends_sentence = text[draft.start : draft.end].rstrip("\"”’' ").endswith((".", "…"))
    candidates = [
        cue
        for cue in cues.within(around)
        if not draft.covers(idx := doc[cue.token].idx)
        and paragraph_start <= idx < paragraph_end
        and not (ends_sentence and idx >= draft.end)
    ]
    # '"A," said X. "B."': a full stop between a cue and a quote ends the cue's sentence.
    candidates = [cue for cue in candidates if not _has_sentence_break(_between(text, draft, cue))]
    adjacent = [cue for cue in candidates if is_adjacent(doc, draft, cue)]
    candidates = adjacent or [cue for cue in candidates if cue.token not in busy]
    if not candidates and around.start > 0:
        # 'Connor revealed:' ending the sentence before the quote.
        previous = doc_facts(doc).sent(doc[around.start - 1])
        if _ends_with_colon(text, previous):
            candidates = cues.within(previous)
    if not candidates:
        return None

    def distance(cue: Cue) -> int:
        start, end = cue.span
        gap = min(abs(draft.start - end), abs(start - draft.end))
        return gap - (40 if doc[cue.token].is_ancestor(doc[around.start]) else 0)

    return min(candidates, key=lambda cue: (distance(cue), -cue.score))


def _is_initial(token: Token) -> bool:
    """'A.' in 'Julie A. Diaz', which the tagger may call a noun."""
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _paragraph_sign_off(text: str, start: int) -> re.Match[str] | None:
    """'"... money." And that's all he has "the root of all evil." ― Christina Lastra': the sign-off
    that ends a quote's paragraph after a later closing mark names the speaker of the whole paragraph."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    last_mark = max(text.rfind(mark, start, end) for mark in _CLOSING_CHARS)
    if last_mark < 0:
        return None
    match = _DASH_SIGN_OFF.match(text, last_mark + 1)
    # the name ends the paragraph: not a dash in running text
    return match if match and end - match.end() <= _MAX_SIGN_OFF_CHARS else None


def find_dash_sign_off(doc: Doc, draft: DraftQuote) -> None:
    """'"..." — Jane Doe, CEO': the name after the dash is the source, the dash the cue."""
    text = doc_facts(doc).text
    match = _DASH_SIGN_OFF.match(text, draft.end) or _paragraph_sign_off(text, draft.end)
    if not match:
        return
    name = token_at(doc, match.end())
    if name is None or name.pos_ != "PROPN":
        return
    end = name.i
    while end + 1 < len(doc) and (doc[end + 1].pos_ == "PROPN" or _is_initial(doc[end + 1])):
        end += 1
    draft.sources = [char_bounds(doc, name.i, end + 1)]
    draft.source_token = end
    dash = doc.char_span(match.start("dash"), match.end("dash"), alignment_mode="expand")
    if dash is not None:
        draft.cue, draft.cue_token = (match.start("dash"), match.end("dash")), dash.start


def _name_between_quote_and_cue(doc: Doc, draft: DraftQuote, cue: Cue) -> None:
    """'"...," Tulsa police Chief Chuck Jordan said': when the parse gives the cue no subject outside
    the quote, the words between the quote and its cue name the speaker if they end in a name."""
    between = doc.char_span(draft.end, cue.span[0], alignment_mode="contract")
    if between is None:
        return
    start, end = trim_punct(doc, between.start, between.end)
    words = doc[start:end]
    if not 0 < len(words) <= _MAX_SOURCE_TOKENS or words[-1].pos_ != "PROPN":
        return
    if any(token.is_punct and token.text not in (".", "-") for token in words):
        return
    draft.sources = [char_bounds(doc, start, end)]
    draft.source_token = end - 1


def attribute_marked_quotes(
    doc: Doc, drafts: list[DraftQuote], cues: list[Cue], busy: frozenset[int] = frozenset()
) -> None:
    """Give each direct or partial quote the cue and source in its sentences."""
    index = CueIndex.build(cues, doc_facts(doc).text)
    for draft in drafts:
        cue = pick_cue_for_quote(doc, draft, index, busy)
        if cue is not None:
            attach_source(draft, cue, doc)
            if draft.source_token is not None and draft.covers(doc[draft.source_token].idx):
                # '"... We will achieve justice," Chief Chuck Jordan said': a word of the quote is not its source
                draft.sources, draft.source_token = [], None
            if not draft.sources:
                _name_between_quote_and_cue(doc, draft, cue)
            draft.confidence = max(draft.confidence, 0.5 + cue.score / 2)
        elif draft.type == "direct":
            find_dash_sign_off(doc, draft)


def _between_is_attribution(text: str, first: DraftQuote, second: DraftQuote) -> bool:
    """'"A," he said, "B."': what stands between the two runs is only the attribution, ending in a comma."""
    between = text[first.end : second.start]
    return (
        first.cue is not None
        and first.end <= first.cue[0] < second.start
        and between.rstrip().endswith((",", ":"))
        and len(between) < 120
        and "\n" not in between
    )


def merge_interrupted_quotes(text: str, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """Join a direct quote split by its attribution into one quote with two content spans."""
    merged: list[DraftQuote] = []
    for draft in drafts:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.type == draft.type == "direct"
            and _between_is_attribution(text, previous, draft)
            and (draft.cue is None or draft.cue == previous.cue)
        ):
            previous.contents.extend(draft.contents)
            continue
        merged.append(draft)
    return merged


def _clause_of(cue: Cue, doc: Doc) -> tuple[int, int] | None:
    """Token bounds of what a cue reports: its clause, or its object for 'discussed the importance'."""
    token = doc[cue.token]
    if cue.phrase:
        return _clause_around_according(cue, doc)
    clauses = [child for child in token.children if child.dep_ in CLAUSE_DEPS and child.dep_ != "xcomp"]
    # "Kit Connor has revealed when he hopes to start filming": the parser calls the wh-clause advcl.
    clauses += [child for child in token.children if child.dep_ == "advcl" and child.left_edge.lower_ in _WH_WORDS]
    if not clauses and token.lemma_ in TOPIC_VERBS:
        clauses = [child for child in token.children if child.dep_ in _TOPIC_DEPS]
    if not clauses:
        return None
    clause = clauses[0]
    start, end = trim_punct(doc, clause.left_edge.i, clause.right_edge.i + 1)
    return (start, end) if end > start else None


def _phrase_end(preposition: Token) -> int:
    """The token index just past a phrase cue's preposition and its object ('according to [the CBO]')."""
    return max([preposition.i + 1] + [child.right_edge.i + 1 for child in preposition.children])


def _clause_around_according(cue: Cue, doc: Doc) -> tuple[int, int] | None:
    """'X happened, according to Y' / 'According to Y, X happened': the sentence without the phrase."""
    sent = doc_facts(doc).sent(doc[cue.token])
    to = phrase_preposition(doc, cue)
    phrase_end = _phrase_end(to)
    first_word = next((t.i for t in sent if not (t.is_punct or t.is_space)), sent.start)
    if cue.token <= first_word + 1:
        if all(t.is_punct or t.is_space for t in doc[phrase_end : sent.end]):
            # 'According to Rush Limbaugh, the move reeks of "fear"': the parser made the clause an
            # appositive of the name; the phrase ends at its comma.
            phrase_end = next((t.i + 1 for t in doc[to.i + 1 : phrase_end] if t.text == ","), phrase_end)
        start, end = phrase_end, sent.end
    elif _splits_its_clause(doc, cue, phrase_end):
        start, end = phrase_end + 1, sent.end  # the words before come in `_words_before_according`
    else:
        start, end = sent.start, cue.token
    start, end = trim_punct(doc, start, end)
    return (start, end) if end - start >= 3 else None


def _splits_its_clause(doc: Doc, cue: Cue, phrase_end: int) -> bool:
    """'This, according to Marsh, does nothing to help': a phrase set off by commas between a subject
    and the verb it hangs from."""
    token = doc[cue.token]
    return (
        doc[cue.token - 1].text == ","
        and phrase_end < len(doc)
        and doc[phrase_end].text == ","
        and token.head.i > phrase_end
    )


def _words_before_according(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """The subject before a phrase cue that splits its clause ('[This], according to Marsh, does ...')."""
    if not cue.phrase or not _splits_its_clause(doc, cue, _phrase_end(phrase_preposition(doc, cue))):
        return None
    start, end = trim_punct(doc, doc_facts(doc).sent(doc[cue.token]).start, cue.token - 1)
    return (start, end) if end > start else None


# What a prepositional phrase of a cue names when it says where, when or to whom something was
# said ('said on Twitter', 'told reporters in an interview', 'spoke to a gathering'), never what.
_SETTING_PREPS = frozenset({"on", "in", "at", "during", "via", "from", "while"})
_SETTING_NOUNS = frozenset(
    {
        "interview",
        "statement",
        "speech",
        "appearance",
        "conference",
        "hearing",
        "briefing",
        "letter",
        "tweet",
        "post",
        "twitter",
        "facebook",
        "instagram",
        "call",
        "email",
        "e-mail",
        "meeting",
        "broadcast",
        "show",
        "program",
        "programme",
        "radio",
        "television",
        "video",
        "rally",
        "event",
        "debate",
        "forum",
        "session",
    }
)
_AUDIENCE_NOUNS = frozenset({"reporter", "journalist", "audience", "crowd", "supporter", "gathering", "viewer"})
_SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def _names_a_setting(prep: Token) -> bool:
    objects = [child for child in prep.children if child.dep_ == "pobj"]
    if not objects:
        return False
    noun = objects[0]
    if prep.lower_ == "to":
        return noun.lemma_.lower() in _AUDIENCE_NOUNS
    return prep.lower_ in _SETTING_PREPS and (
        noun.lemma_.lower() in _SETTING_NOUNS or noun.ent_type_ in _SETTING_ENTITIES
    )


def _is_setting(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> bool:
    """'said on [Twitter]', 'made the comments at [a brief appearance]': a content inside a
    prepositional phrase of the cue that names a medium, an occasion, a place or a time is where or
    when it was said, not what ('commented on [his death]' keeps its content)."""
    start, end = bounds
    if any(token.pos_ in ("VERB", "AUX") for token in doc[start:end]):
        return False  # 'told reporters in an interview [that the bridge would reopen]', parsed under 'interview'
    return any(
        child.dep_ == "prep" and child.i <= start < end <= child.right_edge.i + 1 and _names_a_setting(child)
        for child in doc[cue.token].children
    )


def _branch_beside(inner: Token, outer: Token) -> Token | None:
    """The branch of the outer cue that holds a second report by the same speaker, if the inner
    cue is one rather than part of what the outer cue reports: 'claimed vast wealth [and said] ...',
    'responded [by saying] ...', 'said it, [adding] that ...'."""
    if _goes_on_from_reported_clause(inner) and inner.head.head.i == outer.i:
        return inner
    # A participle after a reported clause stands beside the reporting verb and beside every cue in
    # that clause ('emphasizes that she [wants] to help ..., contrasting herself with Sanders').
    reporting = _reporting_verb_going_on_with(inner)
    if reporting is not None and (reporting.i == outer.i or reporting.is_ancestor(outer)):
        return inner
    token = inner
    while token.head.i != outer.i:
        if token.dep_ not in _BESIDE_DEPS or token.head.i == token.i:
            return None
        token = token.head
    if token.dep_ not in _BESIDE_DEPS or (token.dep_ == "advcl" and token.left_edge.lower_ in _WH_WORDS):
        return None  # 'revealed [when he hopes to start]': the wh-clause is what was revealed
    return token


def _cut_before_sibling_reports(
    doc: Doc, cue: Cue, bounds: tuple[int, int], cue_tokens: frozenset[int]
) -> tuple[int, int] | None:
    """End a cue's content before another report by the same speaker that it ran into."""
    start, end = bounds
    outer = doc[cue.token]
    for i in range(start, end):
        branch = _branch_beside(doc[i], outer) if i in cue_tokens and i != cue.token else None
        if branch is not None:
            cut = branch.left_edge.i
            while cut > start and (doc[cut - 1].dep_ in ("cc", "punct") or doc[cut - 1].is_space):
                cut -= 1
            return (start, cut) if cut > start else None
    return bounds


def _cue_token_bounds(doc: Doc, cue: Cue) -> tuple[int, int]:
    span = doc.char_span(*cue.span, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (cue.token, cue.token + 1)


def _words_before_a_parenthetical_cue(
    doc: Doc, cue: Cue, bounds: tuple[int, int], *, adverbs: bool = False
) -> tuple[int, int] | None:
    """'Climate change, Mr. Obama often says, is the greatest threat': the words before a cue set off
    by commas are said too; an adverb alone ('After all, she argued, ...') only with `adverbs`."""
    if cue.phrase:
        return None
    cue_start, cue_end = _cue_token_bounds(doc, cue)
    subject = find_source_token(cue, doc)
    first = min(cue_start, subject.left_edge.i) if subject is not None else cue_start
    sentence = doc_facts(doc).sent(doc[cue.token])
    between = doc[cue_end : bounds[0]]
    if first - 1 <= sentence.start or doc[first - 1].text != "," or not between or between[-1].text != ",":
        return None
    # 'The difference now, he told me on Friday, is ...': the cue's own words may stand before the comma.
    if not all(doc[cue.token].is_ancestor(token) for token in between[:-1]):
        return None
    start, end = trim_punct(doc, sentence.start, first - 1)
    opening = doc[start].text
    if end <= start or opening in OPENING_MARKS or opening in STRAIGHT_MARKS or opening in DOUBLED_MARKS:
        return None
    # 'Also, a spokesman said, ...': an adverb alone says nothing (PolNeAR counts it in)
    return (start, end) if adverbs or any(token.pos_ in _SAYABLE_POS for token in doc[start:end]) else None


def _words_after_a_parenthetical_cue(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """'Such efforts, they believe, will render his plan moot': where the content chosen is the words
    before a cue set off by commas, and the cue hangs from the verb after it, the rest of the
    sentence is said too."""
    token, facts = doc[cue.token], doc_facts(doc)
    subject = find_source_token(cue, doc)
    if cue.phrase or subject is None or subject.i > token.i or facts.sentence_has_mark(token):
        return None
    cue_start, cue_end = _cue_token_bounds(doc, cue)
    first = min(cue_start, subject.left_edge.i)
    before_comma = doc[bounds[1] : first - 1]
    if bounds[1] > first - 1 or doc[first - 1].text != "," or not all(word.is_punct for word in before_comma):
        return None
    sentence = facts.sent(token)
    comma = next((word.i for word in doc[cue_end : sentence.end] if word.text == ","), None)
    if comma is None or not all(token.is_ancestor(word) for word in doc[cue_end:comma]):
        return None
    start, end = trim_punct(doc, comma + 1, sentence.end)
    return (start, end) if start <= token.head.i < end else None


def _words_after_according(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """'The top 1 percent paid 25 percent, according to the CBO, and the top 10 percent paid 69 percent':
    a sentence that goes on after a phrase cue in its middle with 'and' or 'but' says more."""
    if not cue.phrase:
        return None
    sentence = doc_facts(doc).sent(doc[cue.token])
    phrase_end = _phrase_end(phrase_preposition(doc, cue))
    if cue.token <= sentence.start + 1 or phrase_end + 2 >= sentence.end:
        return None
    comma, conjunction = doc[phrase_end], doc[phrase_end + 1]
    if comma.text != "," or conjunction.lower_ not in ("and", "but"):
        return None
    start, end = trim_punct(doc, phrase_end + 2, sentence.end)
    return (start, end) if end - start >= 3 else None


def _passive_subject(doc: Doc, cue: Cue, bounds: tuple[int, int]) -> tuple[int, int] | None:
    """'Peacekeepers have been blamed for introducing cholera': with no agent, what a passive cue
    reports is its subject and its complement."""
    token = doc[cue.token]
    # 'The council was warned that ...', 'Clinton was told ...': a clause makes the subject its audience.
    if any(child.dep_ in ("agent", "ccomp") for child in token.children):
        return None
    subjects = [child for child in token.children if child.dep_ == "nsubjpass" and child.i < token.i]
    if not subjects or bounds[0] <= token.i:
        return None
    start, end = trim_punct(doc, subjects[0].left_edge.i, subjects[0].right_edge.i + 1)
    return (start, end) if end > start else None


def find_indirect_quotes(
    doc: Doc,
    cues: list[Cue],
    drafts: list[DraftQuote],
    choose_content: ContentChooser | None = None,
    *,
    said_adverbs: bool = False,
) -> list[DraftQuote]:
    """The reported clause of every cue that is not itself inside a marked quote. With `said_adverbs`,
    an adverb before a parenthetical cue is part of what it reports ('After all, she argued, ...')."""
    found: list[DraftQuote] = []
    cue_tokens = frozenset(cue.token for cue in cues)
    for cue in cues:
        if any(draft.covers(cue.span[0]) for draft in drafts):
            continue  # attributions nested in someone's quoted words are not listed
        # 'According to Politico, X': the phrase's rule is exact; the learned boundaries serve verbs.
        learned = choose_content is not None and not cue.phrase
        bounds = choose_content(doc, doc[cue.token]) if learned and choose_content else _clause_of(cue, doc)
        if bounds is not None:
            bounds = _cut_before_sibling_reports(doc, cue, bounds, cue_tokens)
        if bounds is None or _is_setting(doc, cue, bounds):
            continue
        start, end = char_bounds(doc, *bounds)
        draft = DraftQuote(type="indirect", contents=[(start, end)], confidence=cue.score * 0.9)
        attach_source(draft, cue, doc)
        if any(source_start < end and start < source_end for source_start, source_end in draft.sources):
            continue  # '"...," said Leslie Wimes, a ...': the words after the cue name who spoke
        wrapped = (
            _words_before_a_parenthetical_cue(doc, cue, bounds, adverbs=said_adverbs)
            or _passive_subject(doc, cue, bounds)
            or _words_before_according(doc, cue)
        )
        if wrapped is not None:
            draft.contents.insert(0, char_bounds(doc, *wrapped))
        elif (
            rest := _words_after_a_parenthetical_cue(doc, cue, bounds) or _words_after_according(doc, cue)
        ) is not None:
            draft.contents.append(char_bounds(doc, *rest))
        found.append(draft)
    return found
