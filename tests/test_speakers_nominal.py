"""The rules' choice for nominal sources ('the foreign secretary', 'the study', 'the company'), on short texts."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import saidwhat
from saidwhat.speakers.descriptions import (
    Profile,
    SourceWords,
    description_rank,
    is_common_word,
    profile_in,
    study_role,
)
from saidwhat.speakers.entities import Entity
from saidwhat.speakers.rules import ResolvingIndex


def _parse(nlp: Language, text: str) -> Doc:
    with nlp.select_pipes(disable=["saidwhat"]):
        return nlp(text)


def _rule_for(nlp: Language, text: str, head: str) -> str | None:
    """The name the rules give the source mention headed by the last `head` word of the text."""
    doc = _parse(nlp, text)
    index = ResolvingIndex(doc)
    token = [t for t in doc if t.text == head][-1]
    entity = index.resolve(token, [])
    return None if entity is None or entity.anonymous else entity.name


def _entity_named(nlp: Language, text: str, name: str) -> tuple[ResolvingIndex, Entity | None]:
    """The text's entities, and the one of them with this name (None where NER did not find it)."""
    index = ResolvingIndex(_parse(nlp, text))
    return index, next((e for e in index.entities if e.name == name), None)


@pytest.mark.parametrize(
    ("text", "head", "expected"),
    [
        pytest.param(
            "Home Secretary Ada Vell met Bram Oster in Leeds on Monday. Bram Oster praised the port workers. "
            "The foreign secretary said the talks had gone well.",
            "secretary",
            "Bram Oster",
            id="a title with the head but not its modifier is someone else",
        ),
        pytest.param(
            "Foreign Secretary Bram Oster and Home Secretary Ada Vell visited the port on Monday. "
            "The foreign secretary said the talks had gone well.",
            "secretary",
            "Bram Oster",
            id="a title with the head and its modifier names the person",
        ),
        pytest.param(
            "The Harbour Party will back the ban on Monday. The shadow cabinet revealed its support ahead of next"
            " week's vote.",
            "cabinet",
            "Harbour Party",
            id="a cabinet is a body, the party's",
        ),
        pytest.param(
            "Shares in Tarnco Holdings and Vell Bank rose on Monday. The former said profits would rise.",
            "former",
            "Tarnco Holdings",
            id="the former is the first of the two named last",
        ),
        pytest.param(
            "Ann Berrow met Tom Harlow in Leeds. The latter said the talks had gone well.",
            "latter",
            "Tom Harlow",
            id="the latter is the second of the two named last",
        ),
        pytest.param(
            "Tom Harlow has said the vote will be close. The Harbour Party leader said turnout would rise.",
            "leader",
            "Tom Harlow",
            id="a body named before a role noun is not the speaker",
        ),
        pytest.param(
            "Harlow Shipping Company said profits rose. A Harlow Shipping Company spokesman said the branch "
            "would stay open.",
            "spokesman",
            "Harlow Shipping Company",
            id="a body named before a spokesman is the speaker",
        ),
        pytest.param(
            "A Danish firm has said it will open a plant near Tarvik. Holmvik Energy plans to hire 300 people there.",
            "firm",
            "Holmvik Energy",
            id="a lede's firm is the body named next",
        ),
        pytest.param(
            "Orvane Steel could cut 900 jobs, its chief executive has said. Mr John Pelham told staff on Monday.",
            "executive",
            "John Pelham",
            id="a lede's chief executive is the person named next",
        ),
        pytest.param(
            "Orvane Steel opened a plant in Tarvik in March. Sales rose by a tenth in the spring. "
            "Rain fell for days. A Danish firm has said it will open a plant there. "
            "Holmvik Energy plans to hire 300 people there.",
            "firm",
            None,
            id="not past the lede",
        ),
        pytest.param(
            "A source has said the plant will close. Mr John Pelham told staff on Monday.",
            "source",
            None,
            id="not an anonymous source",
        ),
        pytest.param(
            "Mill boss 'kept no books' Former mill boss Bram Oster never kept the books, a witness has told "
            "the court. Tom Harlow made the remarks under questioning by lawyers.",
            "witness",
            "Tom Harlow",
            id="a lede's witness is the person named next",
        ),
        pytest.param(
            "The body that runs the port has said it will close a dock. The Tarvik Harbour Board voted on "
            "Monday to shut it by May.",
            "body",
            "Tarvik Harbour Board",
            id="a lede's definite body is the body named next",
        ),
        pytest.param(
            "Holmvik Energy will close a dock in Tarvik. The firm has said it will open a plant there.",
            "firm",
            "Holmvik Energy",
            id="a definite one named before is the one named before",
        ),
        pytest.param(
            "The Tarvik Bank raised rates on Monday. Sales of kettles fell by a tenth, according to a report "
            "earlier this week from the Kettle Traders Association.",
            "report",
            "Kettle Traders Association",
            id="a report from a body after according to is the body's",
        ),
        pytest.param(
            "Zell Stores cuts prices Zell Stores has cut prices by a tenth, according to research from a City "
            "investment bank. Harbin Securities said the cuts were the deepest in years.",
            "research",
            "Harbin Securities",
            id="a lede's research from an unnamed bank is the body named next",
        ),
        pytest.param(
            "Women earn less than men in film, a study says. The research was carried out jointly by the Harbour Film "
            "Council and Vellcorp. It also found that women were less likely to be promoted.",
            "It",
            "Harbour Film Council and Vellcorp",
            id="an 'it' after a study as the subject before is the study's authors",
        ),
        pytest.param(
            "Three men deny fraud. The votes were counted in June. The judge presiding has said the case is "
            "serious. High Court Judge Ann Lenton told the court the case could take weeks.",
            "presiding",
            "Ann Lenton",
            id="a participle after its noun leaves the noun the head",
        ),
    ],
)
def test_a_description_is_the_one_its_words_fit(nlp: Language, text: str, head: str, expected: str | None) -> None:
    assert _rule_for(nlp, text, head) == expected


def test_a_poll_for_a_paper_is_not_the_papers_words(nlp: Language) -> None:
    text = "A poll for the Daily Courier newspaper suggests the vote will be close."
    assert study_role(_parse(nlp, text)[6]) == (
        "for",
        "poll",
    )  # 'newspaper', the noun 'Daily Courier' is compounded into
    assert _rule_for(nlp, text, "poll") != "Daily Courier"


def test_the_tests_are_by_whoever_carried_out_the_survey(nlp: Language) -> None:
    text = (
        "A survey carried out by Harbour Mutual looked at forty printers. The tests found that cheap ink "
        "fades within months."
    )
    index, body = _entity_named(nlp, text, "Harbour Mutual")
    assert body is not None and ("by", "survey") in profile_in(index, body).study_roles
    assert _rule_for(nlp, text, "tests") == "Harbour Mutual"


def test_the_company_is_not_a_product_the_company_makes(nlp: Language) -> None:
    text = (
        "Arkwell Systems said its new Zentrix technology would block most copying programs. Zentrix is "
        "expected to reach shops in May, the company said."
    )
    index, product = _entity_named(nlp, text, "Zentrix")
    if product is not None:  # only where NER takes the product for a body
        assert profile_in(index, product).thing
    assert _rule_for(nlp, text, "company") == "Arkwell Systems"


def test_the_book_says_what_its_author_wrote(nlp: Language) -> None:
    text = (
        "Bram Oster met Ada Vell on Monday. Journalist Tom Harlow's new book describes the meeting. "
        "The book claims Mr Oster offered Ms Vell a job."
    )
    assert _rule_for(nlp, text, "book") == "Tom Harlow"


def test_a_poll_named_after_its_pollster_is_the_pollsters(nlp: Language) -> None:
    text = (
        "A poll for the Daily Courier suggests the vote will be close. The Zentrix Research survey found that "
        "turnout may rise."
    )
    index, pollster = _entity_named(nlp, text, "Zentrix Research")
    if pollster is not None:  # only where NER names the pollster
        assert ("owner", "survey") in profile_in(index, pollster).study_roles
        assert _rule_for(nlp, text, "poll") == "Zentrix Research"


def test_a_common_word_taken_for_a_name_is_not_the_body_a_noun_means(nlp: Language) -> None:
    text = (
        "Broadcasters should fix a date for the debate, according to the Harlow Shipping Company. The "
        "broadcasters would then decide, the company said."
    )
    index, common = _entity_named(nlp, text, "Broadcasters")
    if common is not None:  # only where NER takes the word for a name
        assert is_common_word(common, index.lowered)
    assert _rule_for(nlp, text, "company") == "Harlow Shipping Company"


def test_a_one_word_person_always_after_an_article_is_a_common_word(nlp: Language) -> None:
    text = "Rory Vellan won in Leeds. The 22-year-old Scot finished fourth in Madrid."
    doc = _parse(nlp, text)
    start = text.index("Scot")
    assert is_common_word(Entity(["Scot"], "person", mentions=[(start, start + 4)]), frozenset(), doc)
    start = text.index("Vellan")
    assert not is_common_word(Entity(["Vellan"], "person", mentions=[(start, start + 6)]), frozenset(), doc)


def test_the_firms_are_the_bodies_last_named_together(nlp: Language) -> None:
    text = "Arkwell Systems and Zentrix Corp unveiled the ship on Monday. It will sail in May, the firms said."
    assert _rule_for(nlp, text, "firms") == "Arkwell Systems and Zentrix Corp"


def test_the_tests_are_by_a_body_ner_missed(nlp: Language) -> None:
    text = (
        "Home kettles beat cafe ones, tests show. A survey carried out by Kettle Pro magazine looked at "
        "forty kettles. The tests found that cheap kettles boiled faster."
    )
    doc = _parse(nlp, text)
    doc.ents = []  # as if NER had seen no name: the rules find it from the survey's author
    index = ResolvingIndex(doc)
    first, last = (index.resolve(t, []) for t in doc if t.text == "tests")  # the headline's, the survey's
    assert first is not None and first.name == "Kettle Pro" and first.kind == "organisation"
    assert last is first


def test_the_magazine_is_the_publication_named_before() -> None:
    text = (
        "A survey by Lenswork Monthly tested forty cameras. "
        "Cheap models took sharper pictures than dear ones, the magazine said."
    )
    article = saidwhat.extract(text)
    speaker = article.speaker_of(article.quotes[0])
    assert speaker is not None and speaker.name == "Lenswork Monthly"


def test_a_place_before_a_name_gives_a_nationality_not_an_owner(nlp: Language) -> None:
    text = "Norway's Anna Berrow won the race in Leeds. The 29-year-old said she would race again in March."
    index, runner = _entity_named(nlp, text, "Anna Berrow")
    assert runner is not None and not profile_in(index, runner).thing
    assert _rule_for(nlp, text, "old") == "Anna Berrow"


def test_the_designers_again_are_the_joint_speaker_they_were_before(nlp: Language) -> None:
    text = (
        "Tarn Systems and Vell Devices unveiled the Kell chip on Monday. It will run ten times faster than "
        "current chips, its designers said. Shops expect the first phones by May. Prices will fall in the "
        "spring. Rivals plan chips of their own. The chip's designers said it would suit many devices."
    )
    article = saidwhat.extract(text, nlp=nlp)
    speakers = {speaker.id: speaker.name for speaker in article.speakers}
    assert [speakers.get(quote.speaker or "") for quote in article.quotes] == ["Tarn Systems and Vell Devices"] * 2


def test_a_description_and_a_named_conjunct_are_a_joint_speaker(nlp: Language) -> None:
    text = (
        "Ben Walsh was sent off on Saturday. The player himself and his captain Tom Brack have both said that "
        "the clash was an accident."
    )
    doc = _parse(nlp, text)
    index = ResolvingIndex(doc)
    joint = index.resolve(next(t for t in doc if t.text == "player"), [])
    assert joint is not None and joint.name == "Ben Walsh and Tom Brack"
    brack = index.resolve(next(t for t in doc if t.text == "Brack"), [])
    assert brack is not None and brack.name == "Tom Brack"  # one name is never the joint speaker
    assert index.match("Walsh", "person") is not None and not index.match("Walsh", "person").members


def _speakers(nlp: Language, text: str) -> list[tuple[str | None, str | None]]:
    """(name, kind) of each quote's speaker, in order (None for a quote with no speaker)."""
    article = saidwhat.extract(text, nlp=nlp)
    speakers = [article.speaker_of(quote) for quote in article.quotes]
    return [(s.name, s.kind) if s is not None else (None, None) for s in speakers]


@pytest.mark.parametrize("honorific", ["Mr ", ""])
def test_his_spokesman_speaks_for_the_man_his_stands_for_never_a_body(nlp: Language, honorific: str) -> None:
    text = (
        f"{honorific}Tom Harlow, the owner of Zentrix Holdings, has sold his stake. The Dale Council had asked him"
        " to. His spokesman said it was highly unlikely he would sell more shares."
    )
    name = _speakers(nlp, text)[-1][0]
    # With no word that marks Harlow as a man the spokesman is nobody named, but never a body 'his' cannot be.
    assert name == "Tom Harlow" if honorific else name not in ("Dale Council", "Zentrix Holdings")


def test_her_spokesman_is_not_a_man_named_since(nlp: Language) -> None:
    text = (
        "Tennis star Ann Vell has denied reports that she has pulled out of the Dale Open. Open chief Ian Brodie"
        ' had said: "Her wrist obviously isn\'t going to heal." But her spokesman insisted she had simply'
        " delayed her entry."
    )
    assert _speakers(nlp, text)[-1][0] != "Ian Brodie"


def test_a_plural_body_noun_is_never_one_body(nlp: Language) -> None:
    text = (
        "Orbis Air has lost a case against Kestrel Rail. The French and Dutch governments argue that the ruling"
        " was wrong."
    )
    name, kind = _speakers(nlp, text)[-1]
    assert name not in ("Orbis Air", "Kestrel Rail")
    assert kind == "group"


def test_someone_refers_back_to_no_one(nlp: Language) -> None:
    text = (
        "Ann Vell warned people about fake charity sites. One e-mail sent out in January came from someone who"
        " claimed that he had lost his parents in the flood."
    )
    assert _speakers(nlp, text)[-1][0] != "Ann Vell"


def test_the_american_is_a_person_described_not_a_body(nlp: Language) -> None:
    text = (
        'Second seed Tom Harlow suffered a defeat by Ian Brodie in the quarter-finals. "I had a good plan," Brodie'
        " said. And Harlow, who was matched for power by his opponent, said Brodie was an example of several"
        ' players. "A lot more guys are capable of it now," said the American.'
    )
    assert _speakers(nlp, text)[-1] == ("Tom Harlow", "person")


def test_the_report_refers_back_not_to_a_review_owned_further_on(nlp: Language) -> None:
    text = (
        'Dale MPs have warned about housing plans. "Communities were being promoted without a plan," the Harbour'
        " Audit Committee said. It said transport was not addressed. Minister Tom Harlow said the report was"
        ' completed before new plans were announced. He said: "We are working across government." The report'
        " said there was too little attention paid to water. Points raised in the report included the"
        " shortcomings of the Treasury's Barker Review, which said 140,000 homes were needed."
    )
    names = [name for name, _ in _speakers(nlp, text)]
    assert names[4] == "Harbour Audit Committee"


def test_a_title_with_words_of_its_own_clashes_with_other_modifiers() -> None:
    home_secretary = Profile(frozenset({"home", "secretary"}), frozenset(), thing=False)
    assert description_rank(home_secretary, SourceWords("secretary", frozenset({"foreign"}))) is None
    senator = Profile(frozenset({"senator"}), frozenset(), thing=False)  # 'New York Senator Ann Lee'
    assert description_rank(senator, SourceWords("senator", frozenset({"democrat"}))) == 1


def test_a_place_before_a_title_is_no_word_of_the_title(nlp: Language) -> None:
    index, entity = _entity_named(nlp, "New York Senator Tom Harlow said the bags were stolen.", "Tom Harlow")
    assert entity is not None
    assert "senator" in profile_in(index, entity).words
    assert not {"new", "york"} & profile_in(index, entity).words


def test_a_bare_plural_brings_in_people_not_the_coordination_before(nlp: Language) -> None:
    text = (
        "Technology firms Tarnix, Vellcom and Brodo are building a common lock for music files. The move could"
        " confuse buyers, experts warned. They said there was no proof it would work."
    )
    speakers = _speakers(nlp, text)
    assert speakers[0] == ("experts", "group")
    assert speakers[1] == ("experts", "group")  # 'they': the latest plural, not the three firms


def test_the_firms_just_after_a_coordination_are_its_members(nlp: Language) -> None:
    text = "Tarnix and Vellcom unveiled a chip on Monday. The firms said it would ship in May."
    assert _speakers(nlp, text)[0][0] == "Tarnix and Vellcom"


@pytest.mark.parametrize("source", ["according to newspaper reports", "reports said", "a survey found"])
def test_an_indefinite_study_is_no_named_body_before_it(nlp: Language, source: str) -> None:
    text = (
        "Zorvex Air has had a hard year and its shares fell. The Harbour carrier is to cut 500 jobs at"
        f" its call centres, {source}."
    )
    assert _speakers(nlp, text)[-1][0] != "Zorvex Air"


def test_the_report_is_the_body_last_spoken_of(nlp: Language) -> None:
    text = "The Dale Audit Office looked at the accounts of the hospitals. The report said 40 were in debt."
    assert _speakers(nlp, text)[-1][0] == "Dale Audit Office"


def test_a_survey_by_the_firm_is_the_firms(nlp: Language) -> None:
    text = (
        "Writing a letter can be risky, according to security firm Zorvex. Up to 75% of letters hold secrets,"
        " a survey by the firm revealed."
    )
    assert _speakers(nlp, text)[-1][0] == "Zorvex"


def test_a_mention_that_names_a_coordination_speaks_for_all_of_it(nlp: Language) -> None:
    text = (
        "Rows go on. Meanwhile the likes of Health Secretary Ann Reid and Labour peer Lord Haskell have said the"
        " row must end. Prices rose 2% in May, according to the most recent surveys from Tarnwide and Vellifax."
    )
    assert [name for name, _ in _speakers(nlp, text)] == ["Ann Reid and Lord Haskell", "Tarnwide and Vellifax"]


def test_the_survey_is_by_the_agent_of_its_passive(nlp: Language) -> None:
    text = (
        "Green reports rise. Of the 145 firms, 76% did not check their suppliers, says the annual Tarnwell"
        " survey. The survey is published by social responsibility firm Zellcon. Ann Lee, campaigns director at"
        ' Greenwave, said: "It is meaningless." Less than a quarter of firms get their reports checked, says the'
        " survey."
    )
    assert _speakers(nlp, text)[-1][0] == "Zellcon"  # not Greenwave, named last


def test_a_poll_for_a_paper_is_not_the_papers(nlp: Language) -> None:
    text = "The Harbour Courier has backed the new bridge. A poll for the Courier said most voters oppose the bridge."
    assert _speakers(nlp, text)[-1][0] != "Harbour Courier"


@pytest.mark.parametrize("lede", [True, False], ids=["in-the-lede", "later"])
def test_a_public_body_never_described_is_an_unnamed_body_not_the_person_named_last(nlp: Language, lede: bool) -> None:
    report = "Shipping will resume on Friday, the port authority said."
    union = "Union leader Karla Brenner said members had accepted the pay offer."
    article = saidwhat.extract(f"{report} {union}" if lede else f"{union} {report}", nlp=nlp)
    quote = next(quote for quote in article.quotes if "Shipping" in quote.text)
    speaker = article.speaker_of(quote)
    assert speaker is None or speaker.name != "Karla Brenner"


def test_the_latter_after_the_former_is_still_the_second_named() -> None:
    text = (
        "Shares in Tarnco Holdings and Vell Bank rose on Monday. The former said profits would rise, while the"
        " latter said it had no plans to cut jobs."
    )
    article = saidwhat.extract(text)
    assert [article.speaker_of(q).name for q in article.quotes] == ["Tarnco Holdings", "Vell Bank"]


def test_the_witness_refers_back_to_the_witness_named_before() -> None:
    text = (
        "Tom Idle never made the decisions, a witness has told jurors. Ann Berrow made the comments under"
        ' questioning on Monday. "No," replied the witness.'
    )
    article = saidwhat.extract(text)
    assert [article.speaker_of(q).name for q in article.quotes] == ["Ann Berrow", "Ann Berrow"]


def test_the_police_are_not_an_officer_named_after_them() -> None:
    text = (
        "Protesters lost the appeal. The police were urging the judges to overturn the ruling. Tom Idle,"
        " assistant chief constable of Dale police, said he was pleased."
    )
    article = saidwhat.extract(text)
    speakers = [article.speaker_of(q) for q in article.quotes]
    assert [(speaker.name, speaker.kind) for speaker in speakers] == [("The police", "group"), ("Tom Idle", "person")]
