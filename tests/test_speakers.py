"""Speaker resolution: canonical names, entities and the mention -> speaker choice, on short texts."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat import extract
from saidwhat.records import Article, Quote
from saidwhat.speakers.entities import Entity, EntityIndex, is_described_as_body
from saidwhat.speakers.features import FeatureMaker, recency_ranks
from saidwhat.speakers.name_spans import proper_name_chain, with_capitalised_modifiers
from saidwhat.speakers.names import (
    clean_name,
    has_acronym,
    initials,
    is_acronym_of,
    is_office_plural,
)
from saidwhat.speakers.rules import ResolvingIndex
from saidwhat.speakers.surnames import is_spelling_slip


def _speakers(nlp: Language, text: str) -> list[str | None]:
    article = extract(text, nlp=nlp)
    return [_name(article, quote) for quote in article.quotes]


def _name(article: Article, quote: Quote) -> str | None:
    speaker = article.speaker_of(quote)
    return speaker.name if speaker else None


def test_an_organisations_name_keeps_its_party_word(nlp: Language) -> None:
    text = "The Labour Party said the tax would not rise. Its rivals disagreed."
    assert _speakers(nlp, text) == ["Labour Party"]


def test_an_organisations_name_keeps_a_word_that_is_also_a_rank(nlp: Language) -> None:
    text = "General Motors said it would close two plants in Ohio next year."
    assert _speakers(nlp, text) == ["General Motors"]


def test_a_hyphenated_company_keeps_its_whole_name(nlp: Language) -> None:
    text = 'T-Mobile said the network would reach every town by May. "We are ready," it said.'
    assert _speakers(nlp, text) == ["T-Mobile", "T-Mobile"]


def test_an_ampersand_between_capitalised_words_joins_one_name(nlp: Language) -> None:
    text = "Hobbs & Lowry said its shops would open on Sundays from March."
    assert _speakers(nlp, text) == ["Hobbs & Lowry"]


def test_a_surname_alone_takes_the_first_name_the_article_gives(nlp: Language) -> None:
    text = 'Taxes rise - Pryce\nMilo Pryce has attacked the plan. Pryce said: "It is wrong."'
    assert _speakers(nlp, text) == ["Milo Pryce"]


def test_a_capitalised_word_before_a_bodys_name_is_part_of_it(nlp: Language) -> None:
    text = "The Liberal Democrats say the new tax on boats is unfair."
    assert _speakers(nlp, text) == ["Liberal Democrats"]


def test_a_role_before_a_persons_name_is_not_part_of_it(nlp: Language) -> None:
    text = "Solicitor Maria Fenwick said the ruling would be appealed."
    assert _speakers(nlp, text) == ["Maria Fenwick"]


def test_a_word_news_writes_in_lower_case_opens_no_persons_name(nlp: Language) -> None:
    text = 'Guitarist Ian Probert said the band would tour in spring. "We are ready," Probert added.'
    assert _speakers(nlp, text) == ["Ian Probert", "Ian Probert"]


def test_a_first_name_news_also_writes_in_lower_case_stays(nlp: Language) -> None:
    text = "Mark Ian Probert said the band would tour in spring."
    assert _speakers(nlp, text) == ["Mark Ian Probert"]


def test_a_headline_run_into_its_first_sentence_leaves_the_name_whole(nlp: Language) -> None:
    text = (
        "Keller quits the Harriers Keller Tom Keller has said he will leave the Harriers at the end of the "
        'season. "It is time," Keller said.'
    )
    assert _speakers(nlp, text) == ["Tom Keller", "Tom Keller"]


def test_a_peer_keeps_the_title_when_only_a_surname_is_given(nlp: Language) -> None:
    text = "Lord Fenwick said the bill went too far."
    assert _speakers(nlp, text) == ["Lord Fenwick"]


def test_surnames_a_letter_apart_are_two_people(nlp: Language) -> None:
    text = (
        "Pete Johnson opened the bridge on Monday. Mr Johnston said the bridge had cost too much. "
        "Mr Johnson said the cost was fair."
    )
    assert _speakers(nlp, text) == ["Johnston", "Pete Johnson"]


def test_an_acronym_after_its_full_name_is_the_same_body(nlp: Language) -> None:
    text = "The Regional Water Authority raised its prices on Monday. The RWA said the rise would pay for new pipes."
    assert _speakers(nlp, text) == ["Regional Water Authority"]


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("EC", "European Commission", True),
        ("UKIP", "UK Independence Party", True),
        ("M&S", "Marks & Spencer", True),
        ("ONS", "Office for National Statistics", True),
        ("EC", "Energy Council Board", False),
        ("Eco", "European Commission", False),
    ],
)
def test_an_acronym_is_the_initials_of_its_full_name(short: str, full: str, expected: bool) -> None:
    assert is_acronym_of(short, full) is expected, initials(full)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("chatterjee", "chaterjee", True),  # a doubled letter written once
        ("monteith", "montieth", True),  # two letters swapped
        ("johnson", "johnston", False),  # a letter added: another name
        ("bell", "bull", False),
    ],
)
def test_spelling_slips_of_one_surname(a: str, b: str, expected: bool) -> None:
    assert is_spelling_slip(a, b) is expected


def test_she_after_two_men_and_a_woman_is_the_woman(nlp: Language) -> None:
    text = (
        "Tom Harlow and Peter Quill met Anna Berrow at the harbour on Monday. Mr Harlow said the boats were ready "
        'and Mr Quill said the nets were mended. "The harbour will open in May," she said.'
    )
    assert _speakers(nlp, text)[-1] == "Anna Berrow"


def test_he_after_another_mans_reported_words_is_the_main_subject(nlp: Language) -> None:
    text = (
        "Coach Lars Brenner named his squad on Friday. Brenner said that striker Tom Idle would start "
        'against Leeds. "We are ready for this," he said.'
    )
    assert _speakers(nlp, text)[-1] == "Lars Brenner"


@pytest.mark.parametrize(
    ("introduction", "speaker"),
    [
        ("Skipper Ann Berrow is confident though:", "Ann Berrow"),
        ("Said skipper Ann Berrow:", "Ann Berrow"),
        ("Harbour club chairman Ann Berrow:", "Ann Berrow"),
        ("Ann Berrow said the crew were sad to see Mr Harlow go:", "Ann Berrow"),
        ("The crew were quieter, with skipper Ann Berrow telling reporters:", "Ann Berrow"),
    ],
)
def test_a_colon_before_a_quote_with_no_cue_hands_it_to_the_narrations_subject(
    nlp: Language, introduction: str, speaker: str
) -> None:
    text = (
        '"The nets are mended," said harbour master Tom Harlow. The boats left the quay at dawn on Monday. '
        f'{introduction} "We will be home by Friday."'
    )
    assert _speakers(nlp, text)[-1] == speaker


def test_a_spokesman_for_a_body_speaks_for_it(nlp: Language) -> None:
    text = "A spokesman for Harbour Mutual said the branch would stay open."
    assert _speakers(nlp, text) == ["Harbour Mutual"]


def test_a_body_and_its_name_are_one_speaker_through_the_firm(nlp: Language) -> None:
    text = 'Harlow Shipping Company said profits rose in May. "We are pleased," the firm said.'
    assert _speakers(nlp, text) == ["Harlow Shipping Company", "Harlow Shipping Company"]


def test_people_speaking_together_are_one_speaker_with_both_names(nlp: Language) -> None:
    text = "Tom Harlow and Anna Berrow said the harbour would open in May."
    assert _speakers(nlp, text) == ["Tom Harlow and Anna Berrow"]


def test_a_named_speaker_gets_a_confidence(nlp: Language) -> None:
    article = extract('"The harbour will open in May," Anna Berrow said.', nlp=nlp)
    confidence = article.quotes[0].speaker_confidence
    assert confidence is not None and 0.0 <= confidence <= 1.0


def test_a_quote_without_a_speaker_has_no_speaker_confidence(nlp: Language) -> None:
    article = extract("Officials said the harbour would open in May.", nlp=nlp)
    assert [(q.speaker, q.speaker_confidence) for q in article.quotes if q.speaker is None] in ([], [(None, None)])


@pytest.mark.parametrize(
    ("name", "expected"),
    [("QX Weekly", True), ("Harbour FM", True), ("George W Bush", False), ("Anna Berrow", False), ("QX", False)],
)
def test_a_name_with_a_word_in_capitals_is_a_bodys(name: str, expected: bool) -> None:
    assert has_acronym(name) is expected


def test_a_proper_name_chain_takes_an_acronym_tagged_as_a_noun(blank_nlp: Language) -> None:
    words = ["According", "to", "QX", "Weekly", ",", "sales", "fell", "."]
    doc = Doc(
        blank_nlp.vocab,
        words=words,
        pos=["VERB", "ADP", "NOUN", "PROPN", "PUNCT", "NOUN", "VERB", "PUNCT"],
        deps=["prep", "pcomp", "compound", "pobj", "punct", "nsubj", "ROOT", "punct"],
        heads=[6, 0, 3, 1, 6, 6, 6, 6],
    )
    assert proper_name_chain(doc[3]).text == "QX Weekly"


@pytest.mark.parametrize(
    ("names", "descriptions", "expected"),
    [
        (["Quorvo"], ["handset maker"], True),
        (["Palisade"], ["UK think-tank"], True),
        (["Quorvo"], ["the striker"], False),
        (["Ann Quorvo"], ["handset maker"], False),
    ],
)
def test_a_one_word_name_described_as_a_body_is_a_body(
    names: list[str], descriptions: list[str], expected: bool
) -> None:
    assert is_described_as_body(Entity(names, "person", descriptions=descriptions)) is expected


def test_a_one_word_person_with_a_bodys_exact_name_is_that_body(blank_nlp: Language) -> None:
    words = ["Harbour", "said", "no", ".", "Harbour", "said", "yes", "."]
    doc = Doc(blank_nlp.vocab, words=words, ents=["B-ORG", "O", "O", "O", "B-PERSON", "O", "O", "O"])
    index = EntityIndex(doc)
    assert [(e.name, e.kind, len(e.mentions)) for e in index.entities] == [("Harbour", "organisation", 2)]


def test_the_next_body_named_after_a_lede_ranks_first_among_those_to_come(nlp: Language) -> None:
    text = (
        "Research suggests that ferries are getting slower. A report by the think-tank Palisade Group looked "
        "at ten ports. Anna Berrow of Harbour Mutual said the report was right."
    )
    doc = nlp(text)
    index = ResolvingIndex(doc)
    ranks = recency_ranks(FeatureMaker(doc, index), 0)
    upcoming = {entity.name: ranks.upcoming.get(id(entity)) for entity in index.entities}
    assert upcoming["Palisade Group"] == 0
    assert upcoming["Anna Berrow"] == 1


def _harbour_party_doc(blank_nlp: Language) -> Doc:
    return Doc(
        blank_nlp.vocab,
        words=["A", "UK", "Harbour", "Party", "MEP", "said", "no", "."],
        pos=["DET", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "INTJ", "PUNCT"],
        deps=["det", "compound", "compound", "compound", "nsubj", "ROOT", "dobj", "punct"],
        heads=[4, 4, 3, 4, 5, 5, 5, 5],
        ents=["O", "O", "O", "O", "B-ORG", "O", "O", "O"],
    )


def test_a_bodys_name_takes_the_capitalised_words_that_modify_it_in_a_chain(blank_nlp: Language) -> None:
    doc = _harbour_party_doc(blank_nlp)
    assert with_capitalised_modifiers(doc.ents[0]).text == "UK Harbour Party MEP"


def test_letters_after_a_name_are_not_part_of_it(blank_nlp: Language) -> None:
    doc = _harbour_party_doc(blank_nlp)
    assert clean_name(doc[1:5], person=False) == "UK Harbour Party"
    assert clean_name(doc[4:5], person=False) == ""


def test_letters_after_a_name_stand_for_the_one_named(blank_nlp: Language) -> None:
    doc = Doc(
        blank_nlp.vocab,
        words=["Judge", "Ann", "Lee", ",", "QC", "told", "the", "court", "."],
        ents=["O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O"],
    )
    index = ResolvingIndex(doc)
    resolved = index.resolve(doc[4], [])
    assert resolved is not None and resolved.name == "Ann Lee"


def _marked_for_pronoun(nlp: Language, text: str, feature: str) -> dict[str, bool]:
    """Whether each named candidate of the text's quote with a pronoun source has the feature."""
    from saidwhat.extraction.orchestrator import find_draft_quotes
    from saidwhat.speakers.ranker import quote_candidates

    with nlp.select_pipes(disable=["saidwhat"]):
        doc = nlp(text)
    drafts, _ = find_draft_quotes(doc)
    _, quotes = quote_candidates(doc, drafts)
    quote = next(q for q in quotes if q.source_kind == "pronoun")
    return {
        c.entity.name: feature in features
        for c, features in zip(quote.candidates, quote.features, strict=True)
        if c.entity is not None
    }


def test_the_first_person_named_in_the_sentence_before_a_pronoun_is_marked(nlp: Language) -> None:
    text = 'Tom Harlow met Peter Quill at the harbour on Monday. "The crossing is safe again," he said.'
    marked = _marked_for_pronoun(nlp, text, "first_named_previous_sentence")
    assert marked == {"Tom Harlow": True, "Peter Quill": False}


def test_a_capitalised_title_goes_to_the_person_who_holds_it(nlp: Language) -> None:
    text = "Sara Holt, Harbour Secretary, opened the port. The Harbour Secretary said the port would reopen in May."
    assert _speakers(nlp, text) == ["Sara Holt"]


def test_a_name_in_apposition_to_a_title_is_the_speaker(nlp: Language) -> None:
    text = 'The Shadow Secretary of State for Farming, Ann Mayfield, said: "These plans are old news."'
    assert _speakers(nlp, text) == ["Ann Mayfield"]


def test_the_place_a_minister_serves_is_not_the_minister(nlp: Language) -> None:
    text = (
        "The new health minister for Arden says there are lessons to learn. "
        "Dr Nia Brennan, on her first day in the job, said waiting lists would fall."
    )
    assert _speakers(nlp, text) == ["Nia Brennan", "Nia Brennan"]


def test_a_body_named_like_a_post_keeps_its_name(nlp: Language) -> None:
    assert _speakers(nlp, "The Fenland Executive has insisted the new rules apply only to adults.") == [
        "Fenland Executive"
    ]


def test_the_plural_of_an_office_names_no_speaker(nlp: Language) -> None:
    # 'MPs' is a group of people, a plural common noun (the NER tags it ORG here): not a body named 'MPs'.
    text = "MPs said the plan was unfair, and Tom Harlow agreed."
    article = extract(text, nlp=nlp)
    assert [s.kind for s in article.speakers] == ["group"]


def test_the_plural_of_an_office_before_a_name_is_not_part_of_it() -> None:
    assert is_office_plural("MPs") and is_office_plural("QCs")
    assert not is_office_plural("MP") and not is_office_plural("Mills")


def test_a_party_spokesman_speaks_for_the_party_not_the_last_body_named(nlp: Language) -> None:
    text = (
        "The leader of the Harbour National Party has been arrested after a BBC documentary. "
        "A party spokesman said the arrest was political."
    )
    assert _speakers(nlp, text) == ["Harbour National Party"]
