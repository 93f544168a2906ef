"""Names NER cut or swelled, read back by English grammar (issue 19, unseen news): a body's name with an
'and' inside it, a body's name that ends in a lower-case noun, a person described by a body's noun inside
one span, a common noun tagged as a person, a body named only as a document's author; on short invented
texts with the entities given."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from saidwhat import extract
from saidwhat.extraction.drafts import DraftQuote
from saidwhat.speakers import ranker
from saidwhat.speakers.entities import EntityIndex
from saidwhat.speakers.name_spans import proper_name_chain
from saidwhat.speakers.ranker import resolve_quotes, shipped_speaker_model

from .test_entities_bodies import _tagged


def _entities(doc: Doc) -> list[tuple[str, str]]:
    return [(entity.name, entity.kind) for entity in EntityIndex(doc).entities]


def test_capitalised_words_and_and_before_a_bodys_name_belong_to_it(nlp: Language) -> None:
    text = "Prices rose, according to research by the Quill Harbour and Vale Life Project."
    doc = _tagged(nlp, text, [("Vale Life Project", "ORG")])
    assert _entities(doc) == [("Quill Harbour and Vale Life Project", "organisation")]


def test_a_name_ner_cut_at_its_and_is_one_body(nlp: Language) -> None:
    text = "Prices rose, according to research by the Quill Harbour and Vale Life Project."
    doc = _tagged(nlp, text, [("the Quill Harbour and", "ORG"), ("Vale Life Project", "ORG")])
    assert _entities(doc) == [("Quill Harbour and Vale Life Project", "organisation")]


def test_a_body_named_on_its_own_before_and_stays_apart(nlp: Language) -> None:
    text = "Prices rose, according to research by Quillco and Vale Life Project."
    doc = _tagged(nlp, text, [("Quillco", "ORG"), ("Vale Life Project", "ORG")])
    assert _entities(doc) == [("Quillco", "organisation"), ("Vale Life Project", "organisation")]


def test_a_shared_last_word_does_not_make_two_bodies_one(nlp: Language) -> None:
    text = "Alpha Re said prices would rise. Beta Re said they would fall."
    doc = _tagged(nlp, text, [("Alpha Re", "ORG"), ("Beta Re", "ORG")])
    assert _entities(doc) == [("Alpha Re", "organisation"), ("Beta Re", "organisation")]


def test_a_bodys_name_ends_in_its_noun_not_in_an_adjective(nlp: Language) -> None:
    text = "The Guild of British weavers said that prices had risen."
    doc = _tagged(nlp, text, [("Guild of British", "ORG")])
    assert _entities(doc) == [("Guild of British weavers", "organisation")]


def test_a_person_described_by_a_bodys_noun_inside_one_span(nlp: Language) -> None:
    text = 'Dale Rovers star Tomasz Quill admitted: "It will be a difficult match for us."'
    doc = _tagged(nlp, text, [("Dale Rovers star Tomasz Quill", "ORG")])
    assert _entities(doc) == [("Tomasz Quill", "person")]


def test_the_nouns_in_a_places_name_say_where_not_who(nlp: Language) -> None:
    text = 'The senator will visit a temple in Harrow, north west London. He will say that every vote "counts".'
    doc = _tagged(nlp, text, [("Harrow", "GPE"), ("north west London", "GPE")])
    assert ("London", "person") not in _entities(doc)


def test_a_common_noun_the_article_writes_in_lower_case_is_no_person(nlp: Language) -> None:
    text = "Flood 'to hit Dale farms' Farms face hard times after the flood, officials warned."
    doc = _tagged(nlp, text, [("Flood", "PERSON")])
    assert _entities(doc) == []


def test_a_body_named_only_as_a_statements_author_is_kept(nlp: Language) -> None:
    text = "A statement by Symbia played down the risk of the program."
    doc = _tagged(nlp, text, [("Symbia", "NORP")])
    assert _entities(doc) == [("Symbia", "organisation")]


def test_an_article_and_a_title_describe_a_post_holder_and_name_no_one(nlp: Language) -> None:
    text = "The Dale North MP had denied a claim that he was paid."
    doc = _tagged(nlp, text, [("The Dale North MP", "ORG")])
    assert _entities(doc) == []


def test_a_list_ner_took_for_one_name_is_several_names(nlp: Language) -> None:
    text = "Prices rose 3% in May, according to a survey by Tarnco, Vellbank and Quillsoft."
    doc = _tagged(nlp, text, [("Tarnco, Vellbank", "ORG"), ("Quillsoft", "ORG")])
    assert _entities(doc) == [("Tarnco", "organisation"), ("Vellbank", "organisation"), ("Quillsoft", "organisation")]


def test_a_name_after_an_article_and_one_capitalised_word_is_a_common_noun(nlp: Language) -> None:
    text = "His hit When a Man Sings was played again, she said."
    doc = _tagged(nlp, text, [("a Man", "PERSON")])
    assert _entities(doc) == []


def test_a_longer_name_in_a_later_sentence_with_the_short_one_is_another_body(nlp: Language) -> None:
    text = "Tarnland has said it will ban new plants. Tarnland has enough plants, a regulator told Tarnland Daily."
    doc = _tagged(nlp, text, [("Tarnland", "GPE"), ("Tarnland", "GPE"), ("Tarnland Daily", "ORG")])
    assert _entities(doc) == [("Tarnland", "organisation"), ("Tarnland Daily", "organisation")]


def test_a_persons_name_keeps_its_particles(nlp: Language) -> None:
    text = "Midfielder Rafael van der Quist said he was happy with the move."
    doc = _tagged(nlp, text, [("Midfielder Rafael van der", "PERSON"), ("Quist", "ORG")])
    assert _entities(doc) == [("Rafael van der Quist", "person")]


def test_a_hyphen_inside_a_name_joins_its_parts(nlp: Language) -> None:
    with nlp.select_pipes(disable=["saidwhat"]):
        doc = nlp("Despite this the Finnish lab Q-Vellsoft said it had reports of owners caught out.")
    secure = next(token for token in doc if token.text == "Vellsoft")
    assert proper_name_chain(secure).text == "Q-Vellsoft"


def test_a_spokesman_speaks_for_the_body_nearest_in_his_phrase(nlp: Language) -> None:
    text = (
        "Audi and Vellco Motors were also supplied with the pumps. A spokesman for Tarnwerk AG, parent "
        "company of Vellco Motors, said it will have to halt some production."
    )
    article = extract(text, nlp=nlp)
    names = {speaker.id: speaker.name for speaker in article.speakers}
    assert [names.get(quote.speaker or "") for quote in article.quotes] == ["Tarnwerk AG"]


def test_one_word_tagged_as_a_body_after_a_first_name_is_a_persons_surname(nlp: Language) -> None:
    text = "Quillsteen was honoured on Monday. The singer Bruce Quillsteen said he was proud of the band."
    doc = _tagged(nlp, text, [("Quillsteen", "ORG")])
    index = EntityIndex(doc)
    index.name_people_tagged_as_bodies()
    assert [(entity.name, entity.kind) for entity in index.entities] == [("Bruce Quillsteen", "person")]


def test_the_rules_alone_name_a_person_tagged_as_a_body_as_the_ranker_does(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Quillsteen was honoured on Monday by the fans of Bruce Quillsteen. It said it was proud of the band."
    doc = _tagged(nlp, text, [("Quillsteen", "ORG"), ("Quillsteen", "ORG")])
    source = text.index("It said")
    token = next(token.i for token in doc if token.idx == source)
    content = text.index("it was")
    draft = DraftQuote("indirect", [(content, len(text) - 1)], source_token=token)
    draft.sources = [(source, source + len("It"))]
    for model in (shipped_speaker_model(), None):
        monkeypatch.setattr(ranker, "shipped_speaker_model", lambda model=model: model)
        [resolved] = resolve_quotes(doc, [draft])
        assert resolved.entity is not None
        assert (resolved.entity.name, resolved.entity.kind) == ("Bruce Quillsteen", "person")


def test_a_body_after_a_word_no_first_name_stays_a_body(nlp: Language) -> None:
    text = "Quillbank said profits would fall. Shares in Deutsche Quillbank fell on Monday."
    doc = _tagged(nlp, text, [("Quillbank", "ORG")])
    index = EntityIndex(doc)
    index.name_people_tagged_as_bodies()
    assert [(entity.name, entity.kind) for entity in index.entities] == [("Quillbank", "organisation")]


def test_a_body_named_after_a_person_of_the_article_stays_a_body(nlp: Language) -> None:
    text = "Quillford reported higher profits. Chairman Bill Quillford said the year was good."
    doc = _tagged(nlp, text, [("Quillford", "ORG"), ("Bill Quillford", "PERSON")])
    index = EntityIndex(doc)
    index.name_people_tagged_as_bodies()
    assert [(entity.name, entity.kind) for entity in index.entities] == [
        ("Quillford", "organisation"),
        ("Bill Quillford", "person"),
    ]


def test_a_plural_name_after_a_capitalised_word_stays_a_body(nlp: Language) -> None:
    text = "On Thursday Rangers said they would not raise the offer. Talks with Glasgow Rangers went on."
    doc = _tagged(nlp, text, [("Rangers", "ORG")])
    index = EntityIndex(doc)
    index.name_people_tagged_as_bodies()
    assert [(entity.name, entity.kind) for entity in index.entities] == [("Rangers", "organisation")]


def test_an_acronym_before_a_bodys_noun_names_that_body(nlp: Language) -> None:
    text = "Sales rose in May. The QPFI industry body said that players were behind the growth."
    doc = _tagged(nlp, text, [])
    assert _entities(doc) == [("QPFI", "organisation")]


def test_research_by_two_bodies_is_theirs_jointly(nlp: Language) -> None:
    text = (
        "More phones were left in cabs this year, a survey says. Londoners lose the most laptops, according "
        "to the research by the Tarn Cab Drivers Association and Vellsec, a backup firm."
    )
    article = extract(text, nlp=nlp)
    names = {speaker.id: speaker.name for speaker in article.speakers}
    assert {names.get(quote.speaker or "") for quote in article.quotes} == {"Tarn Cab Drivers Association and Vellsec"}


def test_a_possessive_written_without_the_names_final_s_is_that_person(nlp: Language) -> None:
    text = "Lawyers for Bernie Quebbers began their case. Mr Quebber's lawyers said the charges were false."
    doc = _tagged(nlp, text, [("Bernie Quebbers", "PERSON"), ("Quebber", "PERSON")])
    assert _entities(doc) == [("Bernie Quebbers", "person")]


def test_surnames_one_letter_apart_stay_two_people(nlp: Language) -> None:
    text = "Tom Johnston said prices rose. Ann Johnson said they fell."
    doc = _tagged(nlp, text, [("Tom Johnston", "PERSON"), ("Ann Johnson", "PERSON")])
    assert _entities(doc) == [("Tom Johnston", "person"), ("Ann Johnson", "person")]


def test_a_partys_nickname_and_its_name_are_one_body(nlp: Language) -> None:
    text = "The Tories will back the plan. The Conservative Party said ministers must explain it."
    doc = _tagged(nlp, text, [("Tories", "NORP"), ("Conservative Party", "ORG")])
    assert _entities(doc) == [("Conservative Party", "organisation")]


def test_a_nickname_with_no_party_of_that_name_stays_as_written(nlp: Language) -> None:
    text = "The Tories will back the plan, ministers said."
    doc = _tagged(nlp, text, [("Tories", "NORP")])
    assert _entities(doc) == [("Tories", "organisation")]
