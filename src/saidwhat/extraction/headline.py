"""A headline glued to the first sentence: where the body starts, so that a reported clause does not take it in.

Texts copied from news datasets often carry the headline and the body on one line with no full stop between
('Mill town votes for new bridge The council said on Monday it would ...'); the parser then runs the headline
into the first sentence, and the content of its cue starts at the headline. The body starts at the first
capitalised word after a lower-case word (or a closing mark, or a number): a headline of a few words is
mostly lower case, and the body opens with a capital.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .docfacts import doc_facts, token_at
from .drafts import DraftQuote
from .marks import skip_space_back

# A headline is rarely longer than this (the BBC training gold: at most 10 words).
_HEADLINE_MAX_TOKENS = 16
# How a word hangs inside the noun phrase of its head, and the words that head a source mention.
_NOUN_PHRASE_DEPS = frozenset({"compound", "flat", "amod", "det", "poss", "nmod", "nummod"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_CLOSING = frozenset("'\"’”%")
# The words a lede repeats from its headline: names, nouns and verbs.
_ECHO_POS = frozenset({"NOUN", "PROPN", "VERB"})
# A verb in the present tense (Penn Treebank tags): the tense of headlines.
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _ends_a_headline(previous: Token) -> bool:
    # not a preposition: 'in May' is a date in a sentence more often than a headline's last word
    return (previous.is_lower and previous.pos_ != "ADP") or previous.text in _CLOSING or previous.like_num


def could_open_body(token: Token) -> bool:
    """Could the body of a glued headline start at this word? A capitalised word after a lower-case one that
    is neither a preposition nor a determiner, a closing mark or a number; or a capitalised determiner or
    pronoun ('... in May The ...')."""
    if not (token.is_alpha and token.text[:1].isupper() and token.text != "I") or token.i == 0:
        return False
    if doc_facts(token.doc).inside_quotes(token):
        return False
    previous = token.doc[token.i - 1]
    return token.pos_ in ("DET", "PRON") or (_ends_a_headline(previous) and previous.pos_ != "DET")


def find_body_start(doc: Doc) -> int | None:
    """The character offset where the body starts after a headline glued to it; None when the first
    sentence does not start with such a headline (a line break ends the headline instead)."""
    facts = doc_facts(doc)
    if not len(doc):
        return None
    sentence = facts.sent(doc[0])
    if "\n" in sentence.text.strip():
        return None
    window = doc[2 : min(sentence.end, _HEADLINE_MAX_TOKENS)]
    capitalised = [
        token
        for token in window
        if token.is_alpha and token.text[:1].isupper() and not facts.inside_quotes(token) and token.text != "I"
    ]
    # 'The', 'A', 'Your' open the body even after a name that ends the headline ('... in May The ...').
    opener = next((token for token in capitalised if token.pos_ in ("DET", "PRON")), None)
    if opener is not None:
        return opener.idx
    return next((token.idx for token in capitalised if _ends_a_headline(doc[token.i - 1])), None)


def trim_glued_headlines(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, a content that starts at the text's first word, before a cue of the body, started at
    the body."""
    text = doc_facts(doc).text
    first = len(text) - len(text.lstrip())
    leading = [draft for draft in drafts if draft.start == first and draft.cue is not None]
    if not leading or text[first : first + 1] in _CLOSING:
        return drafts
    body = find_body_start(doc)
    if body is None:
        return drafts
    for draft in leading:
        end = draft.contents[0][1]
        if body >= end:
            continue
        rest = doc.char_span(body, end, alignment_mode="expand")
        is_clause = rest is not None and any(token.pos_ in ("VERB", "AUX") for token in rest)
        if is_clause and draft.cue is not None and draft.cue[0] >= body:
            draft.contents[0] = (body, end)
            if draft.type == "mixed" and not _holds_a_run(doc, draft):
                draft.type = "indirect"  # the quoted words it held were the headline's
    return drafts


def drop_headline_reports(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, less a headline's verb taken as a cue with the body run into its content ('Tarn denies
    fixing tender The mayor of Tarn has denied ...' -> cue 'denies', content 'fixing tender The mayor ...'), or
    with the body's first sentence for content ('Fares to rise, Tarn says The mayor of Tarn has ...').

    A headline is a line of its own that the text lost, so its verb governs nothing past it; and the BBC
    training gold quotes no headline by its verb (its 13 headline quotes are all words in marks). A
    capitalised word after a lower-case one can also fall inside a first sentence with no headline ('Police
    said the Harbour Board ...'), so the body must echo a word of the headline: a headline sums up its lede
    (on 650 unannotated BBC articles, 15 of the 19 such cues; none of them a quotation).
    """
    body = glued_headline_end(doc)
    if body is None:
        return drafts
    # A content that starts at the body may be the clause of a verb in a plain first sentence ('Ada Lund said
    # India would ...', where the parser ran the next sentence in): a headline reports in the present tense
    # ('Tarn says', 'Lund hails') or with a bare participle ('Lund named as ...'), a lede mostly in the past.
    crossing = [
        draft
        for draft in drafts
        if draft.cue is not None
        and draft.cue_token is not None
        and draft.cue[1] <= body < draft.contents[-1][1]
        and (draft.contents[0][0] < body or _reads_as_a_headlines_verb(doc[draft.cue_token]))
    ]
    return [draft for draft in drafts if draft not in crossing]


def glued_headline_end(doc: Doc) -> int | None:
    """Where the body starts after a glued headline, when the first sentence surely opens with one: a body
    that echoes a word of the headline (a headline sums up its lede), after no determiner (an article opens
    the noun phrase after it: no headline ends in one, 'Greens say a vote for the Reds ...')."""
    body = find_body_start(doc)
    if body is None or _word_before(doc, body).pos_ == "DET" or not _body_echoes_headline(doc, body):
        return None
    return body


def _word_before(doc: Doc, offset: int) -> Token:
    token = token_at(doc, offset)
    return doc[token.i - 1] if token is not None and token.i > 0 else doc[0]


def _body_echoes_headline(doc: Doc, body: int) -> bool:
    sentence = doc_facts(doc).sent(doc[0])
    headline = {t.lemma_.lower() for t in sentence if t.idx < body and t.pos_ in _ECHO_POS and not t.is_stop}
    return any(t.lemma_.lower() in headline for t in sentence if t.idx >= body and t.pos_ in _ECHO_POS)


def _reads_as_a_headlines_verb(cue: Token) -> bool:
    """A verb in the present tense ('says'), a participle with no auxiliary ('named as ...'), or a word the
    parser took for a verb that is none ('... show Racing pundit ...')."""
    if cue.pos_ not in ("VERB", "AUX"):
        return True
    bare = not any(child.dep_ in ("aux", "auxpass") for child in cue.children)
    return cue.tag_ in _PRESENT_TAGS or (cue.tag_ == "VBN" and bare)


def _holds_a_run(doc: Doc, draft: DraftQuote) -> bool:
    return any(draft.covers(run.start) for run in doc_facts(doc).runs)


def take_headline_fragments(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, and a partial quote with no cue for each quoted run of a glued headline that no draft
    holds ('Steel firm 'to cut' jobs The ...'): a headline quotes someone's claim in marks. On the BBC
    training gold 12 of the 14 quoted runs of its headlines are quotes; the other two name a topic after a
    preposition ('debate over 'loud' music'), and a run after a preposition is left out."""
    body = find_body_start(doc)
    if body is None:
        return drafts
    taken = []
    for run in doc_facts(doc).runs:
        if run.end > body or any(draft.start < run.end and run.start < draft.end for draft in drafts):
            continue
        before = token_at(doc, skip_space_back(doc_facts(doc).text, run.start) - 1)
        if before is not None and before.pos_ == "ADP":
            continue
        taken.append(DraftQuote(type="partial", contents=list(run.parts), confidence=0.6 if run.closed else 0.4))
    return sorted(drafts + taken, key=lambda draft: draft.start) if taken else drafts


def start_after_headline(doc: Doc, start: int, head: int) -> int:
    """Where a phrase starts that the parser ran in from a headline glued to the body ('Gerrard happy at
    Anfield Liverpool captain [Steven Gerrard] has ...'): a headline is a line of its own, so no phrase of
    the body takes in its words. The phrase starts at the last word up to its head that could open the
    body (a headline may hold a name after a lower-case word: 'Lund backs Orr on [Ada Lund] said')."""
    if start >= _HEADLINE_MAX_TOKENS:
        return start
    body = glued_headline_end(doc)
    if body is None or doc[start].idx >= body:
        return start
    return max(
        (token.i for token in doc[start + 1 : head + 1] if token.idx >= body and could_open_body(token)), default=start
    )


def source_out_of_headline(source: Token, cue: Token) -> Token:
    """The source of a cue in the body, where the parser took it from a glued headline ('Rovers wary of
    Dalton 'gamble' [Hartside] say ...', subject 'Rovers'): the phrase that opens the body, up to its head."""
    if source.i >= _HEADLINE_MAX_TOKENS or source.i >= cue.i:
        return source
    body = glued_headline_end(source.doc)
    if body is None or source.idx >= body or cue.idx < body:
        return source
    doc = source.doc
    openers = [token for token in doc[source.i + 1 : cue.i] if token.idx >= body and could_open_body(token)]
    if not openers:
        return source
    token = openers[-1]
    while token.dep_ in _NOUN_PHRASE_DEPS and token.head.idx >= body and token.head.i < cue.i:
        token = token.head
    return token if token.pos_ in _NOMINAL_POS else source


def drop_split_headline_reports(doc: Doc, drafts: list[DraftQuote]) -> list[DraftQuote]:
    """The drafts, less a report whose cue and content stand in a glued headline that the parser took for a
    sentence of its own ('Tarn denies bridge plan The mayor of Tarn has said ...' -> cue 'denies', content
    'bridge plan'): a first sentence of a few words with no closing punctuation, after which the same line goes
    on with a capital. A headline's verb sums up the article and reports no one's words (the BBC training gold
    quotes no headline by its verb, as `drop_headline_reports` says); its quoted words stay, as partial quotes
    (`take_headline_fragments`)."""
    end = _split_headline_end(doc)
    if end is None:
        return drafts
    return [
        draft
        for draft in drafts
        if draft.cue is None or draft.cue[1] > end or draft.contents[-1][1] > end or _holds_a_run(doc, draft)
    ]


def _split_headline_end(doc: Doc) -> int | None:
    """Where the text's first sentence ends, when it is a headline of at most `_HEADLINE_MAX_TOKENS` words with no
    closing punctuation, followed on the same line by a capitalised word."""
    if not len(doc):
        return None
    facts = doc_facts(doc)
    first = facts.sent(doc[0])
    if first.end >= len(doc) or len(first) > _HEADLINE_MAX_TOKENS:
        return None
    words = [token for token in first if not token.is_space]
    if not words or words[-1].is_punct:
        return None
    end = words[-1].idx + len(words[-1].text)
    following = doc[first.end]
    if "\n" in facts.text[end : following.idx] or not following.text[:1].isupper():
        return None
    return end
