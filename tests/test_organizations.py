"""Organisations with their kind, and groups of fighters or people."""

import line_count
import pytest

from extract.entities import find_entities
from extract.pipeline import extract_article
from extract.sentences import split_sentences


def found(text: str, type_: str) -> dict[str, object]:
    return {e.name: e for e in find_entities(text, split_sentences(text)) if e.type == type_}


def kinds(text: str) -> dict[str, str]:
    return {name: e.attributes["kind"] for name, e in found(text, "organization").items()}


def test_kinds_of_known_organisations():
    text = (
        "Ukraine’s military intelligence (HUR) said the Kremlin had lied, the Kyiv Independent "
        "reported. The IAEA and the UN Security Council met as Reuters, AFP and Al Jazeera watched. "
        "Hamas and Hezbollah fired rockets; the IDF responded."
    )
    got = kinds(text)
    assert got["Ukraine's military intelligence"] == "intelligence"
    assert got["Kremlin"] == "government"
    assert got["Kyiv Independent"] == "media"
    assert got["IAEA"] == "international"
    assert got["UN Security Council"] == "international"
    assert got["Reuters"] == got["AFP"] == got["Al Jazeera"] == "media"
    assert got["Hamas"] == got["Hezbollah"] == got["Israel Defense Forces"] == "military"
    hur = found(text, "organization")["Ukraine's military intelligence"]
    assert [m.text for m in hur.mentions] == ["Ukraine’s military intelligence", "HUR"]


def test_units_ministries_and_state_branches():
    text = (
        "The 47th Separate Mechanized Brigade repelled an assault, Ukraine's defence ministry said. "
        "The Russian army and Israel's foreign ministry issued statements, as did the "
        "Ministry of Foreign Affairs of Qatar and the State Emergency Service."
    )
    got = kinds(text)
    assert got["47th Separate Mechanized Brigade"] == "military"
    assert got["Ukrainian Defence Ministry"] == "military"
    assert got["Russian army"] == "military"
    assert got["Israel's foreign ministry"] == "government"
    assert any(name.startswith("Ministry of Foreign Affairs") for name in got)
    assert got["State Emergency Service"] == "government"


def test_shouted_acronyms_in_headings_are_not_organisations():
    text = "WHAT IS HAPPENING IN KURSK\n\nThe WHO warned of disease."
    got = kinds(text)
    assert "Islamic State" not in got
    assert got.get("World Health Organization") == "international"


def test_groups_named_by_side_and_noun():
    text = (
        "North Korean soldiers and Russian forces attacked Ukrainian troops. North Korean Troops "
        "Reinforce Russian Forces. Dozens of civilians fled as Houthi rebels and militants "
        "clashed with Israeli forces; pro-Russian fighters and protesters were seen too."
    )
    groups = found(text, "group")
    assert {
        "North Korean soldiers",
        "Russian forces",
        "Ukrainian troops",
        "North Korean Troops",
        "civilians",
        "Houthi rebels",
        "militants",
        "Israeli forces",
        "pro-Russian fighters",
        "protesters",
    } <= set(groups)
    # "Russian Forces" in a heading is the same group as "Russian forces"; the lower-case form names it.
    assert [m.text for m in groups["Russian forces"].mentions] == ["Russian forces", "Russian Forces"]
    # Soldiers and troops stay separate groups: no rule says they are the same people.
    assert groups["North Korean soldiers"] is not groups["North Korean Troops"]


def test_groups_are_not_places_or_people():
    text = "Russian troops entered the Ukrainian village of Sotnytskyi Kozachok, Russian media said."
    every = find_entities(text, split_sentences(text))
    assert not any(e.name in ("Russian", "Ukrainian") for e in every)
    assert {e.name for e in every if e.type == "place"} == {"Sotnytskyi Kozachok"}


def test_groups_with_backed_led_modifiers():
    text = "Russian-backed separatists clashed with Kurdish-led forces and Iranian-backed militias."
    groups = found(text, "group")
    assert {"Russian-backed separatists", "Kurdish-led forces", "Iranian-backed militias"} <= set(groups)


def test_verbs_are_not_group_modifiers():
    text = "Myanmar's military government said rebels had seized Lashio."
    groups = found(text, "group")
    assert "rebels" in groups and not any("said" in name for name in groups)


def test_people_of_a_body_are_a_group_not_the_body():
    text = (
        "Russian military bloggers said troops advanced. Russian army chief Valery Gerasimov spoke. "
        "The Russian army attacked."
    )
    assert "Russian military bloggers" in found(text, "group")
    orgs = found(text, "organization")
    assert "Russian army" in orgs and len(orgs["Russian army"].mentions) == 1


def test_one_word_after_a_company_noun_is_an_organisation():
    text = (
        "Strikes cut power in Odesa, the state grid operator Volterna said on Tuesday. Volterna "
        "added that repairs would take days, while the shipping firm Marlowska suspended calls. "
        "Spokesman Yuri Ignat said the defence company staff were safe."
    )
    got = found(text, "organization")
    assert got["Volterna"].attributes["kind"] == "other"
    assert [m.text for m in got["Volterna"].mentions] == ["Volterna", "Volterna"]
    assert got["Marlowska"].attributes["kind"] == "other"
    people = found(text, "person")
    assert "Volterna" not in people and "Marlowska" not in people
    assert "Yuri Ignat" in people


def test_a_short_form_under_a_qualifier_of_its_own_is_not_the_canonical_body():
    orgs = found(
        "The National Security Council met, then the Security Council voted. "
        "The United Nations Security Council and the U.N. Security Council are one.",
        "organization",
    )
    assert "National Security Council" in orgs
    assert [m.text for m in orgs["UN Security Council"].mentions] == [
        "Security Council",
        "United Nations Security Council",
        "U.N. Security Council",
    ]


def test_a_body_of_a_country_is_that_countrys_and_a_person_named_after_it_is_apart():
    # "the Security Council of Russia" was the UN Security Council, and the name ran on into Medvedev's
    text = (
        "The UN Security Council met. Deputy Chairman of the Security Council of Russia Dmitry Medvedev "
        "spoke, and so did the head of Defense Intelligence of Ukraine Kyrylo Budanov."
    )
    orgs = found(text, "organization")
    assert [m.text for m in orgs["UN Security Council"].mentions] == ["UN Security Council"]
    assert "Security Council of Russia" in orgs and "Defense Intelligence of Ukraine" in orgs
    assert {"Dmitry Medvedev", "Kyrylo Budanov"} <= set(found(text, "person"))


def test_armed_groups_missions_and_outlets_of_the_sahel_congo_myanmar_and_levant():
    text = (
        "Jama'at Nusrat al-Islam wal-Muslimin ambushed FAMa troops; ISWAP and the ADF attacked villages. "
        "MONUSCO and UNIFIL patrolled. The Arakan Army, the KNDF and the National Unity Government "
        "spoke to Myanmar Now, Al-Masirah and the National News Agency. Magen David Adom treated the wounded."
    )
    got = kinds(text)
    assert got["JNIM"] == got["Malian Armed Forces"] == got["ISWAP"] == got["Allied Democratic Forces"] == "military"
    assert got["Arakan Army"] == got["Karenni Nationalities Defence Force"] == "military"
    assert got["MONUSCO"] == got["UNIFIL"] == "international"
    assert got["National Unity Government"] == "government"
    assert got["Myanmar Now"] == got["Al-Masirah"] == got["National News Agency"] == "media"
    assert "Magen David Adom" in got and "Magen David Adom" not in found(text, "person")


def test_an_organisation_name_goes_on_after_its_head_with_on_for_of():
    orgs = found("The Zambia National Commission on Electoral Integrity met on Monday.", "organization")
    assert "Zambia National Commission on Electoral Integrity" in orgs


def test_a_body_named_by_its_head_and_of_is_one_organisation():
    """ "the University of York" is no place York; a longer capitalised name keeps its words
    ("the European Court of Human Rights"); "of" a person is no body."""
    text = (
        "Researchers at the University of York and the Bank of England said so. "
        "The European Court of Human Rights ruled, and the Council of Oleksiy Danilov met."
    )
    assert kinds(text) == {
        "University of York": "other",
        "Bank of England": "other",
        "European Court of Human Rights": "government",
    }
    assert "York" not in found(text, "place")


def test_a_title_word_then_the_head_is_a_body_not_a_person():
    assert kinds("The Justice Department charged him, and the General Assembly voted.") == {
        "Justice Department": "government",
        "General Assembly": "government",
    }
    assert set(found("Chief Justice John Roberts said so.", "person")) == {"John Roberts"}


def test_well_known_companies_and_platforms_but_not_a_person_of_that_name():
    assert kinds("He posted on Twitter, and Interpol, Saab and Chevron said so.") == {
        "Twitter": "other",
        "Interpol": "international",
        "Saab": "other",
        "Chevron": "other",
    }
    text = "Attorney General Tarek William Saab said so. Saab added that Interpol was told."
    assert "Saab" not in kinds(text) and "Tarek William Saab" in found(text, "person")


def test_outlets_are_organisations_not_people():
    text = "Col. Myles Caggins III told Al-Monitor that aid arrived. An economist said so; The Economist and VOA reported it."
    assert kinds(text) == {"Al-Monitor": "media", "The Economist": "media", "VOA": "media"}
    assert set(found(text, "person")) == {"Myles Caggins III"}


@pytest.mark.parametrize(
    "text, outlet",
    [
        ("Gunmen abducted 23 villagers near Myawaddy on Wednesday, Radio Free Asia reported.", "Radio Free Asia"),
        ("Fighting resumed north of Goma, Radio Okapi reported.", "Radio Okapi"),
        ("Militants attacked a market in El Fasher, Radio Dabanga reported on Monday.", "Radio Dabanga"),
        ("Five people were killed in Kabul, Radio Free Europe/Radio Liberty said.", "Radio Free Europe/Radio Liberty"),
    ],
)
def test_a_broadcaster_named_radio_something_is_an_outlet_not_a_person(text, outlet):
    # a capitalised name before "reported" looked like a person's: its first word says broadcaster
    result = extract_article(text, "2024-11-21")
    assert not [e.name for e in result.entities if e.type == "person"]
    assert [(s.name, s.type) for s in result.sources] == [(outlet, "media")]
    assert len(result.claims) == 1


def test_a_treasury_a_platform_a_tribunal_are_bodies_and_the_treasury_said_is_not_a_person():
    text = (
        'The U.S. Treasury said it had blacklisted 22 individuals. "Russia built its own system," the '
        "Treasury said. Crimea Platform participants condemned the move, and a Special Tribunal was proposed."
    )
    result = extract_article(text, "2024-11-21")
    assert not [e.name for e in result.entities if e.type == "person"]
    orgs = {e.name: e.attributes["kind"] for e in result.entities if e.type == "organization"}
    assert orgs == {"U.S. Treasury": "government", "Crimea Platform": "other", "Special Tribunal": "government"}
    # "the Treasury said" is the U.S. Treasury named before
    assert [(s.name, s.type) for s in result.sources] == [("U.S. Treasury", "government")]
    assert len(result.claims) == 2


def test_a_quoted_name_before_group_is_the_group_not_a_place():
    got = found('Units of the "Zapad" group of forces advanced near Kupiansk.', "organization")
    assert "Zapad group" in got and "Zapad" not in found('Units of the "Zapad" group of forces advanced.', "place")


def test_a_ministry_ends_before_the_person_named_after_it():
    text = "The Department of Homeland Security Secretary Alejandro Mayorkas said. The Office of the President said."
    found = find_entities(text, split_sentences(text))
    orgs = sorted(e.name for e in found if e.type == "organization")
    assert orgs == ["Department of Homeland Security", "Office of the President"]
    assert "Alejandro Mayorkas" in {e.name for e in found if e.type == "person"}


def test_a_ministry_ends_before_a_first_name_whose_surname_no_list_knows():
    text = "The head of the Russian Ministry of Foreign Affairs Sergei Ławrow said the talks failed."
    found = {e.name: e.type for e in find_entities(text, split_sentences(text))}
    assert found.get("Ministry of Foreign Affairs") == "organization"
    assert found.get("Sergei Ławrow") == "person"


def test_a_verb_between_a_country_and_its_troops_makes_no_group():
    assert "U.S. sent troops" not in found("The U.S. sent troops to Poland.", "group")
    assert "U.S. troops" in found("U.S. troops arrived in Poland.", "group")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The attack was claimed by the IRA; the UDA and the RUC denied it.", {"IRA", "UDA", "RUC"}),
        ("The SBU said it detained a KGB veteran.", {"SBU", "KGB"}),
        ("KYIV, Dec 5 (Reuters) - Strikes hit Kharkiv.", {"Reuters"}),  # a dateline's place
        ("BREAKING NEWS: strikes hit Kyiv.", set()),  # a line in capitals
        ("He fired an RPG at the APC near the IED at 10 AM.", set()),  # weapons, times
        ("Chapter XXI of the law, said THIS week, was written this week.", set()),  # numerals, plain words
    ],
)
def test_acronyms_left_over_are_organisations(text, expected):
    assert set(found(text, "organization")) == expected


def test_a_company_named_again_and_again_costs_lines_in_proportion():
    """Each mention of a company's one-word name once looked through the whole article for a first
    name before it: four times the mentions ran sixteen times the lines. Lines counted, not timed."""
    from extract.mentions import Document
    from extract.organizations import find_organizations

    def lines_run(n: int) -> int:
        text = "Saab said so. " * n
        doc = Document(text, split_sentences(text))
        _, count = line_count.lines_run(lambda: find_organizations(doc))
        assert {c.name for c in doc.candidates} == {"Saab"} and len(doc.candidates) == n
        return count

    lines_run(1)  # the lexicon's index is built on first use
    assert lines_run(400) / lines_run(100) < 5.0


def test_acronyms_in_one_long_sentence_cost_lines_in_proportion():
    """Each word in capitals once counted the lower-case letters of its whole sentence: a sentence of
    thousands of them ran lines in proportion to the square of its length. Lines counted, not timed."""
    from extract.mentions import Document
    from extract.organizations import find_acronyms

    def lines_run(n: int) -> int:
        text = "The war: 5 people in " + "the city of KYIVO, " * n + "were killed."
        doc = Document(text, split_sentences(text))
        _, count = line_count.lines_run(lambda: find_acronyms(doc))
        assert {c.name for c in doc.candidates} == {"KYIVO"} and len(doc.candidates) == n
        return count

    lines_run(1)
    assert lines_run(400) / lines_run(100) < 5.0


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "The military-backed Union Solidarity and Development Party won the vote.",
            "Union Solidarity and Development Party",
        ),
        ("Turkey's ruling Justice and Development Party said it would back the plan.", "Justice and Development Party"),
        # "Justice" opens the name here, not a judge's title before a person "and Equality Movement"
        ("The Justice and Equality Movement signed the deal.", "Justice and Equality Movement"),
        ("Poland's Law and Justice party lost its majority.", "Law and Justice"),
    ],
)
def test_a_party_whose_name_holds_and_is_one_organisation(text, name):
    assert name in found(text, "organization")
    assert not set(found(text, "person")) and "Justice" not in found(text, "place")


def test_a_country_and_a_party_stay_apart():
    assert "Russia" in found("Russia and Ukraine Party leaders met.", "place")
    assert set(found("Russia and the Communist Party agreed.", "organization")) == {"Communist Party"}


@pytest.mark.parametrize(
    "text, source, kind",
    [
        ("Die Welt reported on Monday that the tanks had arrived.", "Die Welt", "media"),
        ("Janes said the formation included troops.", "Janes", "media"),
        (
            "Buckingham Palace announced on Monday that the Duchess had travelled to Kyiv.",
            "Buckingham Palace",
            "government",
        ),
    ],
)
def test_outlets_and_palaces_that_speak_are_no_people(text, source, kind):
    from extract.pipeline import extract_article

    assert (source, kind) in [(s.name, s.type) for s in extract_article(text, "2024-05-01").sources]
