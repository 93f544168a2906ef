"""Stage 4b, the source mention of a cue (extraction/sources.py), on hand-built parses."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from saidwhat.extraction.cues import Cue, find_cues
from saidwhat.extraction.sources import find_source_token, mention_bounds
from tests.parses import connor_said, hand_parse, parsed


def test_find_source_token_is_the_subject_and_mention_covers_the_name(blank_nlp: Language) -> None:
    doc = connor_said(blank_nlp)
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


def test_a_quoted_title_after_the_verb_is_not_its_subject(blank_nlp: Language) -> None:
    # '"We love the team," Flynn, a surrogate, said on "Fox Talk."', parsed with Flynn an appositive
    # of "team" inside the quote and "Talk" the subject of "said"
    doc = hand_parse(
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

    # 'Said Pruett: "I agree."', parsed with "Said" a compound of "Pruett"
    doc = hand_parse(
        blank_nlp,
        [
            ("Said", True, 1, "compound", "VERB", "VBD", "say"),
            ("Pruett", False, 1, "ROOT", "PROPN", "NNP", "Pruett"),
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
    assert [doc.text[slice(*source)] for source in draft.sources] == ["Pruett"]


def test_a_verb_parsed_as_a_plural_noun_takes_the_name_before_it_as_its_source(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'But Hale claims that he won.', parsed with "claims" a plural noun and "Hale" its compound
    doc = hand_parse(
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


def test_a_noun_phrase_hung_on_the_noun_before_a_subjectless_has_said_is_its_source(blank_nlp: Language) -> None:
    # 'Shops sell Kell, the chip's designers have said.', parsed with "designers" an appositive of "Kell"
    doc = hand_parse(
        blank_nlp,
        [
            ("Shops", True, 1, "nsubj", "NOUN", "NNS", "shop"),
            ("sell", True, 9, "ccomp", "VERB", "VBP", "sell"),
            ("Kell", False, 1, "dobj", "PROPN", "NNP", "Kell"),
            (",", True, 2, "punct", "PUNCT", ",", ","),
            ("the", True, 5, "det", "DET", "DT", "the"),
            ("chip", False, 7, "poss", "NOUN", "NN", "chip"),
            ("'s", True, 5, "case", "PART", "POS", "'s"),
            ("designers", True, 2, "appos", "NOUN", "NNS", "designer"),
            ("have", True, 9, "aux", "AUX", "VBP", "have"),
            ("said", False, 9, "ROOT", "VERB", "VBN", "say"),
            (".", False, 9, "punct", "PUNCT", ".", "."),
        ],
    )
    said = doc[9]
    source = find_source_token(Cue(9, (said.idx, said.idx + 4), 0.9), doc)
    assert source is not None and source.text == "designers"


def test_a_colon_heading_a_line_is_said_by_the_words_before_it(blank_nlp: Language) -> None:
    from saidwhat.extraction.cues import Cue

    # 'Poll: Lee leads.' under no other line: the label is the source
    doc = hand_parse(
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
    doc = hand_parse(
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
    doc = hand_parse(
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
    doc = hand_parse(
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
    doc = hand_parse(
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
    doc = hand_parse(
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
    doc = hand_parse(
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


def _cue_at(doc: Doc, i: int) -> Cue:
    return Cue(i, (doc[i].idx, doc[i].idx + len(doc[i].text)), 0.9)


def test_an_inverted_cue_after_a_quotes_closing_marks_has_the_noun_after_it_for_subject(blank_nlp: Language) -> None:
    # 'Ames pressed. "No," replied the clerk.', run into one sentence with "clerk" the object of "replied"
    doc = hand_parse(
        blank_nlp,
        [
            ("Ames", True, 1, "nsubj", "PROPN", "NNP", "Ames"),
            ("pressed", False, 1, "ROOT", "VERB", "VBD", "press"),
            (".", True, 1, "punct", "PUNCT", ".", "."),
            ('"', False, 7, "punct", "PUNCT", "``", '"'),
            ("No", False, 7, "intj", "INTJ", "UH", "no"),
            (",", False, 7, "punct", "PUNCT", ",", ","),
            ('"', True, 7, "punct", "PUNCT", "''", '"'),
            ("replied", True, 1, "ccomp", "VERB", "VBD", "reply"),
            ("the", True, 9, "det", "DET", "DT", "the"),
            ("clerk", False, 7, "dobj", "NOUN", "NN", "clerk"),
            (".", False, 7, "punct", "PUNCT", ".", "."),
        ],
    )
    source = find_source_token(_cue_at(doc, 7), doc)
    assert source is not None and source.text == "clerk"


def test_after_a_plain_comma_the_object_must_end_the_sentence(blank_nlp: Language) -> None:
    # 'Prices will rise, warned the council on Monday before the vote': the object does not end it
    doc = hand_parse(
        blank_nlp,
        [
            ("Prices", True, 2, "nsubj", "NOUN", "NNS", "price"),
            ("will", True, 2, "aux", "AUX", "MD", "will"),
            ("rise", False, 2, "ROOT", "VERB", "VB", "rise"),
            (",", True, 2, "punct", "PUNCT", ",", ","),
            ("warned", True, 2, "conj", "VERB", "VBD", "warn"),
            ("the", True, 6, "det", "DET", "DT", "the"),
            ("council", True, 4, "dobj", "NOUN", "NN", "council"),
            ("and", True, 6, "cc", "CCONJ", "CC", "and"),
            ("the", True, 9, "det", "DET", "DT", "the"),
            ("banks", False, 6, "conj", "NOUN", "NNS", "bank"),
            (",", True, 11, "punct", "PUNCT", ",", ","),
            ("citing", True, 4, "advcl", "VERB", "VBG", "cite"),
            ("costs", False, 11, "dobj", "NOUN", "NNS", "cost"),
            (".", False, 2, "punct", "PUNCT", ".", "."),
        ],
    )
    from saidwhat.extraction.sources import _inverted_subject

    assert _inverted_subject(doc[4]) is None


def test_a_name_before_a_pair_of_dashes_is_the_subject_of_the_verb_after_them(blank_nlp: Language) -> None:
    # 'Brandt - two years older than Ames - admitted he was tired .', with "admitted" a conjunct of "older"
    doc = hand_parse(
        blank_nlp,
        [
            ("Brandt", True, 3, "compound", "PROPN", "NNP", "Brandt"),
            ("-", True, 3, "punct", "PUNCT", "HYPH", "-"),
            ("two", True, 3, "nummod", "NUM", "CD", "two"),
            ("years", True, 4, "npadvmod", "NOUN", "NNS", "year"),
            ("older", True, 4, "ROOT", "ADJ", "JJR", "old"),
            ("than", True, 4, "prep", "ADP", "IN", "than"),
            ("Ames", True, 5, "pobj", "PROPN", "NNP", "Ames"),
            ("-", True, 8, "punct", "PUNCT", ",", "-"),
            ("admitted", True, 4, "conj", "VERB", "VBD", "admit"),
            ("he", True, 10, "nsubj", "PRON", "PRP", "he"),
            ("was", True, 8, "ccomp", "AUX", "VBD", "be"),
            ("tired", False, 10, "acomp", "ADJ", "JJ", "tired"),
            (".", False, 8, "punct", "PUNCT", ".", "."),
        ],
    )
    source = find_source_token(_cue_at(doc, 8), doc)
    assert source is not None and source.text == "Brandt"


def test_a_past_tense_hung_from_a_name_has_that_name_for_subject(blank_nlp: Language) -> None:
    # 'Hal Murk , the head of the league , tweeted that it was over .', with "tweeted" an acl of the root "Murk"
    doc = hand_parse(
        blank_nlp,
        [
            ("Hal", True, 1, "compound", "PROPN", "NNP", "Hal"),
            ("Murk", False, 1, "ROOT", "PROPN", "NNP", "Murk"),
            (",", True, 1, "punct", "PUNCT", ",", ","),
            ("the", True, 4, "det", "DET", "DT", "the"),
            ("head", True, 1, "appos", "NOUN", "NN", "head"),
            ("of", True, 4, "prep", "ADP", "IN", "of"),
            ("the", True, 7, "det", "DET", "DT", "the"),
            ("league", False, 5, "pobj", "NOUN", "NN", "league"),
            (",", True, 1, "punct", "PUNCT", ",", ","),
            ("tweeted", True, 1, "acl", "VERB", "VBD", "tweet"),
            ("that", True, 12, "mark", "SCONJ", "IN", "that"),
            ("it", True, 12, "nsubj", "PRON", "PRP", "it"),
            ("was", True, 9, "ccomp", "AUX", "VBD", "be"),
            ("over", False, 12, "acomp", "ADV", "RB", "over"),
            (".", False, 1, "punct", "PUNCT", ".", "."),
        ],
    )
    source = find_source_token(_cue_at(doc, 9), doc)
    assert source is not None and source.text == "Murk"


def test_each_joint_speaker_of_a_coordinated_subject_is_a_source(blank_nlp: Language) -> None:
    from saidwhat.extraction.drafts import DraftQuote
    from saidwhat.extraction.sources import attach_source

    # 'Tarn and Vell deny the claim .'
    doc = hand_parse(
        blank_nlp,
        [
            ("Tarn", True, 3, "nsubj", "PROPN", "NNP", "Tarn"),
            ("and", True, 0, "cc", "CCONJ", "CC", "and"),
            ("Vell", True, 0, "conj", "PROPN", "NNP", "Vell"),
            ("deny", True, 3, "ROOT", "VERB", "VBP", "deny"),
            ("the", True, 5, "det", "DET", "DT", "the"),
            ("claim", False, 3, "dobj", "NOUN", "NN", "claim"),
            (".", False, 3, "punct", "PUNCT", ".", "."),
        ],
    )
    draft = DraftQuote(type="indirect", contents=[(doc[4].idx, doc[5].idx + 5)])
    attach_source(draft, _cue_at(doc, 3), doc)
    assert [doc.text[start:end] for start, end in draft.sources] == ["Tarn", "Vell"]
    assert draft.source_token == 0
