"""Cues and sources on hand-built parses, so that a model upgrade cannot change these tests."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.clauses import find_indirect_quotes
from saidwhat.extraction.cues import Cue, find_cues, rule_cue_score, verb_group
from saidwhat.extraction.sources import find_source_token, mention_bounds


def parsed(
    nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
    *,
    tags: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    if spaces is None:
        spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",", ":") for i in range(len(words))]
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def _connor_said(nlp: Language) -> Doc:
    # "Kit Connor has said it was fine ."
    return parsed(
        nlp,
        ["Kit", "Connor", "has", "said", "it", "was", "fine", "."],
        [1, 3, 3, 3, 5, 3, 5, 3],
        ["compound", "nsubj", "aux", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
        ["PROPN", "PROPN", "AUX", "VERB", "PRON", "AUX", "ADJ", "PUNCT"],
        ["Kit", "Connor", "have", "say", "it", "be", "fine", "."],
    )


def test_find_cues_finds_the_speech_verb_with_its_auxiliary(blank_nlp: Language) -> None:
    doc = _connor_said(blank_nlp)
    cues = find_cues(doc, leading_adverb=True)
    assert [doc.text[slice(*cue.span)] for cue in cues] == ["has said"]
    assert verb_group(doc[3], leading_adverb=True) == cues[0].span


def _company_said_in_a_statement(nlp: Language) -> Doc:
    # "The company said in a statement that it would close ."
    return parsed(
        nlp,
        ["The", "company", "said", "in", "a", "statement", "that", "it", "would", "close", "."],
        [1, 2, 2, 2, 5, 3, 9, 9, 9, 2, 2],
        ["det", "nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "aux", "ccomp", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "PRON", "AUX", "VERB", "PUNCT"],
        ["the", "company", "say", "in", "a", "statement", "that", "it", "would", "close", "."],
    )


def test_verb_group_takes_in_a_learned_phrase_after_the_verb(blank_nlp: Language) -> None:
    doc = _company_said_in_a_statement(blank_nlp)
    span = verb_group(doc[2], frozenset({"say|in a statement"}), leading_adverb=True)
    assert doc.text[slice(*span)] == "said in a statement"
    assert doc.text[slice(*verb_group(doc[2], leading_adverb=True))] == "said"


def test_rule_cue_score_say_scores_high_and_nouns_zero(blank_nlp: Language) -> None:
    doc = _connor_said(blank_nlp)
    assert rule_cue_score(doc[3]) >= 0.9
    assert rule_cue_score(doc[1]) == 0.0


def test_find_cues_according_to_is_a_phrase_cue(blank_nlp: Language) -> None:
    # "According to Lopez , it is over ."
    doc = parsed(
        blank_nlp,
        ["According", "to", "Lopez", ",", "it", "is", "over", "."],
        [5, 0, 1, 5, 5, 5, 5, 5],
        ["prep", "prep", "pobj", "punct", "nsubj", "ROOT", "acomp", "punct"],
        ["VERB", "ADP", "PROPN", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"],
        ["accord", "to", "Lopez", ",", "it", "be", "over", "."],
    )
    (cue,) = find_cues(doc, leading_adverb=True)
    assert (doc.text[slice(*cue.span)], cue.phrase) == ("According to", True)
    source = find_source_token(cue, doc)
    assert source is not None and source.text == "Lopez"


def test_find_source_token_is_the_subject_and_mention_covers_the_name(blank_nlp: Language) -> None:
    doc = _connor_said(blank_nlp)
    (cue,) = find_cues(doc, leading_adverb=True)
    source = find_source_token(cue, doc)
    assert source is not None and source.text == "Connor"
    start, end = mention_bounds(source)
    assert doc[start:end].text == "Kit Connor"


def test_mention_bounds_leave_out_a_relative_clause(blank_nlp: Language) -> None:
    # "Connor , who plays Nick , said it ."
    doc = parsed(
        blank_nlp,
        ["Connor", ",", "who", "plays", "Nick", ",", "said", "it", "."],
        [6, 0, 3, 0, 3, 0, 6, 6, 6],
        ["nsubj", "punct", "nsubj", "relcl", "dobj", "punct", "ROOT", "dobj", "punct"],
        ["PROPN", "PUNCT", "PRON", "VERB", "PROPN", "PUNCT", "VERB", "PRON", "PUNCT"],
        ["Connor", ",", "who", "play", "Nick", ",", "say", "it", "."],
    )
    start, end = mention_bounds(doc[0])
    assert doc[start:end].text == "Connor"


def test_a_word_of_the_quote_is_never_its_source(blank_nlp: Language) -> None:
    from saidwhat.extraction.attribute import attribute_marked_quotes
    from saidwhat.extraction.marks import find_quoted_runs
    from saidwhat.extraction.quotes import draft_marked_quotes

    # '"We will win," Chief Tom Reyes said.', parsed with "We" as the subject of "said"
    words = ['"', "We", "will", "win", ",", '"', "Chief", "Tom", "Reyes", "said", "."]
    spaces = [False, True, True, False, False, True, True, True, True, False, False]
    heads = [9, 9, 3, 9, 3, 9, 8, 8, 9, 9, 9]
    deps = ["punct", "nsubj", "aux", "ccomp", "punct", "punct", "compound", "compound", "npadvmod", "ROOT", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"]
    lemmas = ['"', "we", "will", "win", ",", '"', "Chief", "Tom", "Reyes", "say", "."]
    doc = Doc(blank_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    runs, _ = find_quoted_runs(doc.text)
    drafts = draft_marked_quotes(doc.text, runs)
    attribute_marked_quotes(doc, drafts, find_cues(doc, leading_adverb=True))
    assert [[doc.text[slice(*source)] for source in draft.sources] for draft in drafts] == [["Chief Tom Reyes"]]


def _doc(nlp: Language, rows: list[tuple[str, bool, int, str, str, str, str]]) -> Doc:
    """A parse from rows of (word, space after, head, dep, pos, tag, lemma)."""
    words, spaces, heads, deps, pos, tags, lemmas = (list(column) for column in zip(*rows, strict=True))
    return parsed(nlp, words, heads, deps, pos, lemmas, tags=tags, spaces=spaces)


def test_a_quoted_title_after_the_verb_is_not_its_subject(blank_nlp: Language) -> None:
    # '"We love the team," Flynn, a surrogate, said on "Fox Talk."', parsed with Flynn an appositive
    # of "team" inside the quote and "Talk" the subject of "said"
    doc = _doc(
        blank_nlp,
        [
            ('"', False, 2, "punct", "PUNCT", "``", '"'),
            ("We", True, 2, "nsubj", "PRON", "PRP", "we"),
            ("love", True, 12, "ccomp", "VERB", "VBP", "love"),
            ("the", True, 4, "det", "DET", "DT", "the"),
            ("team", False, 2, "dobj", "NOUN", "NN", "team"),
            (",", False, 2, "punct", "PUNCT", ",", ","),
            ('"', True, 7, "punct", "PUNCT", "''", '"'),
            ("Flynn", False, 4, "appos", "PROPN", "NNP", "Flynn"),
            (",", True, 7, "punct", "PUNCT", ",", ","),
            ("a", True, 10, "det", "DET", "DT", "a"),
            ("surrogate", False, 7, "appos", "NOUN", "NN", "surrogate"),
            (",", True, 12, "punct", "PUNCT", ",", ","),
            ("said", True, 12, "ROOT", "VERB", "VBD", "say"),
            ("on", True, 12, "prep", "ADP", "IN", "on"),
            ('"', False, 16, "punct", "PUNCT", "``", '"'),
            ("Fox", True, 16, "compound", "PROPN", "NNP", "Fox"),
            ("Talk", False, 12, "nsubj", "PROPN", "NNP", "Talk"),
            (".", False, 12, "punct", "PUNCT", ".", "."),
            ('"', False, 12, "punct", "PUNCT", "''", '"'),
        ],
    )
    said = next(cue for cue in find_cues(doc, leading_adverb=True) if cue.token == 12)
    source = find_source_token(said, doc)
    assert source is not None and source.text == "Flynn"


def test_inverted_said_parsed_into_the_name_is_the_cue_and_not_the_source(blank_nlp: Language) -> None:
    from saidwhat.extraction.drafts import DraftQuote
    from saidwhat.extraction.sources import attach_source

    # 'Said Ellis: "I agree."', parsed with "Said" a compound of "Ellis"
    doc = _doc(
        blank_nlp,
        [
            ("Said", True, 1, "compound", "VERB", "VBD", "say"),
            ("Ellis", False, 1, "ROOT", "PROPN", "NNP", "Ellis"),
            (":", True, 1, "punct", "PUNCT", ":", ":"),
            ('"', False, 5, "punct", "PUNCT", "``", '"'),
            ("I", True, 5, "nsubj", "PRON", "PRP", "I"),
            ("agree", False, 1, "ccomp", "VERB", "VBP", "agree"),
            (".", False, 5, "punct", "PUNCT", ".", "."),
            ('"', False, 5, "punct", "PUNCT", "''", '"'),
        ],
    )
    said = next(cue for cue in find_cues(doc, leading_adverb=True) if cue.token == 0)
    draft = DraftQuote(type="direct", contents=[(12, len(doc.text))])
    attach_source(draft, said, doc)
    assert [doc.text[slice(*source)] for source in draft.sources] == ["Ellis"]


def test_a_cue_after_a_quote_of_two_sentences_stands_outside_it(blank_nlp: Language) -> None:
    from saidwhat.extraction.docfacts import doc_facts

    # '"We won. I say no," he added.', the second sentence parsed with "added" under "say"
    doc = _doc(
        blank_nlp,
        [
            ('"', False, 2, "punct", "PUNCT", "``", '"'),
            ("We", True, 2, "nsubj", "PRON", "PRP", "we"),
            ("won", False, 2, "ROOT", "VERB", "VBD", "win"),
            (".", True, 2, "punct", "PUNCT", ".", "."),
            ("I", True, 5, "nsubj", "PRON", "PRP", "I"),
            ("say", True, 5, "ROOT", "VERB", "VBP", "say"),
            ("no", False, 5, "dobj", "INTJ", "UH", "no"),
            (",", False, 5, "punct", "PUNCT", ",", ","),
            ('"', True, 10, "punct", "PUNCT", "''", '"'),
            ("he", True, 10, "nsubj", "PRON", "PRP", "he"),
            ("added", False, 5, "ccomp", "VERB", "VBD", "add"),
            (".", False, 5, "punct", "PUNCT", ".", "."),
        ],
    )
    facts = doc_facts(doc)
    assert [token.text for token in doc if facts.inside_quotes(token)] == ["We", "won", ".", "I", "say", "no", ",", '"']


def test_the_document_columns_read_every_word_as_spacy_does(blank_nlp: Language) -> None:
    from spacy.tokens import Span

    from saidwhat.extraction.docfacts import doc_facts

    doc = _connor_said(blank_nlp)
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    words, heads, deps = ["Hi", "\n\n", "there", ":"], [0, 0, 0, 2], ["ROOT", "dep", "dep", "punct"]
    spaced = Doc(blank_nlp.vocab, words=words, spaces=[False, False, True, False], heads=heads, deps=deps)
    for each in (doc, spaced):
        words = doc_facts(each).columns
        assert [
            (words.text(i), words.lower(i), words.lemma(i), words.pos[i], words.tag[i], words.dep[i], words.ent_type[i])
            for i in range(len(each))
        ] == [
            (token.text, token.lower_, token.lemma_.lower(), token.pos_, token.tag_, token.dep_, token.ent_type_)
            for token in each
        ]
        assert [
            (words.head[i], words.children[i], words.is_space[i], words.is_punct[i], words.is_stop[i])
            for i in range(len(each))
        ] == [
            (token.head.i, [child.i for child in token.children], token.is_space, token.is_punct, token.is_stop)
            for token in each
        ]
        assert words.glued == [not token.whitespace_ for token in each]


def test_a_verb_parsed_as_a_plural_noun_takes_the_name_before_it_as_its_source(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'But Hale claims that he won.', parsed with "claims" a plural noun and "Hale" its compound
    doc = _doc(
        blank_nlp,
        [
            ("But", True, 2, "cc", "CCONJ", "CC", "but"),
            ("Hale", True, 2, "compound", "PROPN", "NNP", "Hale"),
            ("claims", True, 2, "ROOT", "NOUN", "NNS", "claim"),
            ("that", True, 5, "mark", "SCONJ", "IN", "that"),
            ("he", True, 5, "nsubj", "PRON", "PRP", "he"),
            ("won", False, 2, "acl", "VERB", "VBD", "win"),
            (".", False, 2, "punct", "PUNCT", ".", "."),
        ],
    )
    source = find_source_token(Cue(2, (9, 15), 0.9), doc)
    assert source is not None and source.text == "Hale"


def test_a_colon_heading_a_line_is_said_by_the_words_before_it(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'Poll: Lee leads.' under no other line: the label is the source
    doc = _doc(
        blank_nlp,
        [
            ("Poll", False, 3, "nsubj", "NOUN", "NN", "poll"),
            (":", True, 3, "punct", "PUNCT", ":", ":"),
            ("Lee", True, 3, "nsubj", "PROPN", "NNP", "Lee"),
            ("leads", False, 3, "ROOT", "VERB", "VBZ", "lead"),
            (".", False, 3, "punct", "PUNCT", ".", "."),
        ],
    )
    source = find_source_token(Cue(1, (4, 5), 0.5), doc)
    assert source is not None and source.text == "Poll"


def test_a_label_that_makes_a_clause_is_said_by_its_subject(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'Okafor Backs Plan: It works.' on the second line: 'Okafor', not the whole label
    doc = _doc(
        blank_nlp,
        [
            ("Title", False, 0, "ROOT", "NOUN", "NN", "title"),
            ("\n", False, 0, "dep", "SPACE", "_SP", "\n"),
            ("Okafor", True, 3, "nsubj", "PROPN", "NNP", "Okafor"),
            ("Backs", True, 3, "ROOT", "VERB", "VBZ", "back"),
            ("Plan", False, 3, "dobj", "NOUN", "NN", "plan"),
            (":", True, 3, "punct", "PUNCT", ":", ":"),
            ("It", True, 7, "nsubj", "PRON", "PRP", "it"),
            ("works", False, 3, "parataxis", "VERB", "VBZ", "work"),
            (".", False, 3, "punct", "PUNCT", ".", "."),
        ],
    )
    colon = doc[5]
    source = find_source_token(Cue(5, (colon.idx, colon.idx + 1), 0.5), doc)
    assert source is not None and source.text == "Okafor"


def test_a_colon_after_a_long_sentence_has_no_label_for_source(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    words = ["The", "board", "met", "on", "Monday", "and", "agreed", "on", "three", "points", ":", "pay", "."]
    heads = [1, 2, 2, 2, 3, 2, 2, 6, 9, 7, 2, 2, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "cc", "conj", "prep", "nummod", "pobj", "punct", "dobj", "punct"]
    pos = ["DET", "NOUN", "VERB", "ADP", "PROPN", "CCONJ", "VERB", "ADP", "NUM", "NOUN", "PUNCT", "NOUN", "PUNCT"]
    doc = parsed(blank_nlp, words, heads, deps, pos, [w.lower() for w in words])
    colon = doc[10]
    assert find_source_token(Cue(10, (colon.idx, colon.idx + 1), 0.5), doc) is None


def test_a_participle_hung_from_a_pronoun_is_said_by_it(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'another listing the gaps': the participle describes the pronoun it hangs from
    doc = _doc(
        blank_nlp,
        [
            ("another", True, 0, "ROOT", "PRON", "DT", "another"),
            ("listing", True, 0, "acl", "VERB", "VBG", "list"),
            ("the", True, 3, "det", "DET", "DT", "the"),
            ("gaps", False, 1, "dobj", "NOUN", "NNS", "gap"),
            (".", False, 0, "punct", "PUNCT", ".", "."),
        ],
    )
    source = find_source_token(Cue(1, (8, 15), 0.5), doc)
    assert source is not None and source.text == "another"


def test_a_participle_inside_phrases_shares_the_subject_of_the_verb_they_hang_from(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'In addition to stating that he won, Lee has vowed to act.'
    doc = _doc(
        blank_nlp,
        [
            ("In", True, 10, "prep", "ADP", "IN", "in"),
            ("addition", True, 0, "pobj", "NOUN", "NN", "addition"),
            ("to", True, 1, "prep", "ADP", "IN", "to"),
            ("stating", True, 2, "pcomp", "VERB", "VBG", "state"),
            ("that", True, 6, "mark", "SCONJ", "IN", "that"),
            ("he", True, 6, "nsubj", "PRON", "PRP", "he"),
            ("won", False, 3, "ccomp", "VERB", "VBD", "win"),
            (",", True, 10, "punct", "PUNCT", ",", ","),
            ("Lee", True, 10, "nsubj", "PROPN", "NNP", "Lee"),
            ("has", True, 10, "aux", "AUX", "VBZ", "have"),
            ("vowed", True, 10, "ROOT", "VERB", "VBN", "vow"),
            ("to", True, 12, "aux", "PART", "TO", "to"),
            ("act", False, 10, "xcomp", "VERB", "VB", "act"),
            (".", False, 10, "punct", "PUNCT", ".", "."),
        ],
    )
    stating = doc[3]
    source = find_source_token(Cue(3, (stating.idx, stating.idx + len(stating)), 0.5), doc)
    assert source is not None and source.text == "Lee"


def test_a_participle_after_a_quote_shares_the_subject_of_the_verb_that_reports_it(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'Lee insisted that he "grew the party," claiming credit.', parsed with 'claiming' under 'grew'
    doc = _doc(
        blank_nlp,
        [
            ("Lee", True, 1, "nsubj", "PROPN", "NNP", "Lee"),
            ("insisted", True, 1, "ROOT", "VERB", "VBD", "insist"),
            ("that", True, 5, "mark", "SCONJ", "IN", "that"),
            ("he", True, 5, "nsubj", "PRON", "PRP", "he"),
            ('"', False, 5, "punct", "PUNCT", "``", '"'),
            ("grew", True, 1, "ccomp", "VERB", "VBD", "grow"),
            ("the", True, 7, "det", "DET", "DT", "the"),
            ("party", False, 5, "dobj", "NOUN", "NN", "party"),
            (",", False, 5, "punct", "PUNCT", ",", ","),
            ('"', True, 5, "punct", "PUNCT", "''", '"'),
            ("claiming", True, 5, "advcl", "VERB", "VBG", "claim"),
            ("credit", False, 10, "dobj", "NOUN", "NN", "credit"),
            (".", False, 1, "punct", "PUNCT", ".", "."),
        ],
    )
    claiming = doc[10]
    source = find_source_token(Cue(10, (claiming.idx, claiming.idx + len(claiming)), 0.5), doc)
    assert source is not None and source.text == "Lee"


def test_of_two_subjects_a_dateline_before_a_dash_is_not_the_source(blank_nlp: Language) -> None:
    # 'HARBOURTON -- Mayor Lee said it.', parsed with both the dateline and the name subjects of 'said'
    doc = _doc(
        blank_nlp,
        [
            ("HARBOURTON", True, 4, "nsubj", "PROPN", "NNP", "HARBOURTON"),
            ("--", True, 0, "punct", "PUNCT", ":", "--"),
            ("Mayor", True, 3, "compound", "PROPN", "NNP", "Mayor"),
            ("Lee", True, 4, "nsubj", "PROPN", "NNP", "Lee"),
            ("said", True, 4, "ROOT", "VERB", "VBD", "say"),
            ("it", False, 4, "dobj", "PRON", "PRP", "it"),
            (".", False, 4, "punct", "PUNCT", ".", "."),
        ],
    )
    (cue,) = find_cues(doc, leading_adverb=True)
    source = find_source_token(cue, doc)
    assert source is not None and source.text == "Lee"


def test_of_two_subjects_the_one_nearer_the_verb_is_the_source(blank_nlp: Language) -> None:
    # 'His ex-wife agreed.', parsed with 'ex' and 'wife' both subjects of 'agreed'
    doc = _doc(
        blank_nlp,
        [
            ("His", True, 1, "poss", "PRON", "PRP$", "his"),
            ("ex", False, 4, "nsubj", "NOUN", "NN", "ex"),
            ("-", False, 3, "punct", "PUNCT", "HYPH", "-"),
            ("wife", True, 4, "nsubj", "NOUN", "NN", "wife"),
            ("agreed", False, 4, "ROOT", "VERB", "VBD", "agree"),
            (".", False, 4, "punct", "PUNCT", ".", "."),
        ],
    )
    agreed = doc[4]
    source = find_source_token(Cue(4, (agreed.idx, agreed.idx + len(agreed)), 0.5), doc)
    assert source is not None and source.text == "wife"


def test_a_quote_touches_the_cue_whose_subject_took_its_closing_comma_and_mark(blank_nlp: Language) -> None:
    from saidwhat.extraction.attribute import is_adjacent
    from saidwhat.extraction.docfacts import doc_facts
    from saidwhat.extraction.quotes import draft_marked_quotes

    # '"We won," Lee, 69, told Kim.', parsed with the quote's closing comma and mark hung from 'Lee'
    doc = _doc(
        blank_nlp,
        [
            ("“", False, 9, "punct", "PUNCT", "``", "“"),
            ("We", True, 2, "nsubj", "PRON", "PRP", "we"),
            ("won", False, 9, "ccomp", "VERB", "VBD", "win"),
            (",", False, 5, "punct", "PUNCT", ",", ","),
            ("”", True, 5, "punct", "PUNCT", "''", "”"),
            ("Lee", False, 9, "nsubj", "PROPN", "NNP", "Lee"),
            (",", True, 5, "punct", "PUNCT", ",", ","),
            ("69", False, 5, "appos", "NUM", "CD", "69"),
            (",", True, 5, "punct", "PUNCT", ",", ","),
            ("told", True, 9, "ROOT", "VERB", "VBD", "tell"),
            ("Kim", False, 9, "dobj", "PROPN", "NNP", "Kim"),
            (".", False, 9, "punct", "PUNCT", ".", "."),
        ],
    )
    (quote,) = draft_marked_quotes(doc.text, list(doc_facts(doc).runs))
    told = doc[9]
    assert is_adjacent(doc, quote, Cue(9, (told.idx, told.idx + len(told)), 0.9))


def _reports(doc: Doc, cue_tokens: list[int]) -> list[tuple[str, str, str]]:
    """(source, cue, content) of the rule-drawn reported clause of each cue token, as text."""
    cues = [Cue(i, (doc[i].idx, doc[i].idx + len(doc[i].text)), 0.9) for i in cue_tokens]
    found = find_indirect_quotes(doc, cues, [])
    return [
        (doc.text[slice(*q.sources[0])], doc.text[slice(*q.cue)], doc.text[slice(*q.contents[0])])
        for q in found
        if q.cue is not None
    ]


def test_a_verb_of_another_tense_joined_inside_the_reported_clause_is_the_speakers_next_report(
    blank_nlp: Language,
) -> None:
    # "Okafor complained the council had ignored him and questioned the mayor ." with 'questioned'
    # hung from 'ignored', as the parser does
    doc = parsed(
        blank_nlp,
        ["Okafor", "complained", "the", "council", "had", "ignored", "him", "and", "questioned", "the", "mayor", "."],
        [1, 1, 3, 5, 5, 1, 5, 5, 5, 10, 8, 1],
        ["nsubj", "ROOT", "det", "nsubj", "aux", "ccomp", "dobj", "cc", "conj", "det", "dobj", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "PRON", "CCONJ", "VERB", "DET", "NOUN", "PUNCT"],
        ["Okafor", "complain", "the", "council", "have", "ignore", "he", "and", "question", "the", "mayor", "."],
        tags=["NNP", "VBD", "DT", "NN", "VBD", "VBN", "PRP", "CC", "VBD", "DT", "NN", "."],
    )
    assert _reports(doc, [1, 8]) == [
        ("Okafor", "complained", "the council had ignored him"),
        ("Okafor", "questioned", "the mayor"),
    ]


def test_a_verb_in_another_tense_than_the_speech_verb_stays_in_the_reported_clause(blank_nlp: Language) -> None:
    # "She said she is glad it went well and looks forward ." with 'looks' hung from 'went': it goes
    # on from 'is glad', not from 'said'
    doc = parsed(
        blank_nlp,
        ["She", "said", "she", "is", "glad", "it", "went", "well", "and", "looks", "forward", "."],
        [1, 1, 3, 1, 3, 6, 4, 6, 6, 6, 9, 1],
        ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "nsubj", "ccomp", "advmod", "cc", "conj", "advmod", "punct"],
        ["PRON", "VERB", "PRON", "AUX", "ADJ", "PRON", "VERB", "ADV", "CCONJ", "VERB", "ADV", "PUNCT"],
        ["she", "say", "she", "be", "glad", "it", "go", "well", "and", "look", "forward", "."],
        tags=["PRP", "VBD", "PRP", "VBZ", "JJ", "PRP", "VBD", "RB", "CC", "VBZ", "RB", "."],
    )
    assert _reports(doc, [1])[0] == ("She", "said", "she is glad it went well and looks forward")
    assert _reports(doc, [1, 9])[0] == ("She", "said", "she is glad it went well and looks forward")
