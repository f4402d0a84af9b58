from __future__ import annotations

from generator.entities import extract, is_heading, model_key, name_key
from generator.knowledge import load_knowledge
from generator.models import Mention

KNOWLEDGE = load_knowledge()


def names(paragraphs: tuple[str, ...]) -> set[tuple[str, str]]:
    return {(m.type, m.name) for m in extract(paragraphs, KNOWLEDGE)}


def test_title_is_stripped_and_surname_resolves_to_full_name() -> None:
    found = extract(("President Joe Biden signed the bill on Tuesday. Biden said it would cut costs.",), KNOWLEDGE)
    assert Mention("person", "President Joe Biden", "Joe Biden", 0) in found
    assert Mention("person", "Biden", "Joe Biden", 0) in found
    assert not {m.name for m in found} & {"Tuesday", "The", "President"}


def test_business_story() -> None:
    got = names(("Apple Inc. said Chief Executive Tim Cook would visit China. Cook said Apple sold more phones.",))
    assert {("organisation", "Apple Inc"), ("person", "Tim Cook"), ("place", "China")} <= got
    assert all(name != "Cook" for _, name in got)


def test_two_people_sharing_a_surname_stay_apart() -> None:
    got = names(("Serena Williams beat Venus Williams at Wimbledon on Saturday.",))
    assert {("person", "Serena Williams"), ("person", "Venus Williams"), ("place", "Wimbledon")} <= got


def test_parenthesised_acronym_links_to_its_expansion() -> None:
    found = extract(("Ministers of the Shanghai Cooperation Organisation (SCO) met.", "The SCO grew."), KNOWLEDGE)
    assert {m.name for m in found if m.surface == "SCO"} == {"Shanghai Cooperation Organisation"}


def test_equipment_model_numbers_ships_and_cues() -> None:
    got = names(("The army ordered S-400 Triumf systems, AK-203 rifles and Patriot missiles; INS Vikrant sailed.",))
    assert {("equipment", "S-400 Triumf"), ("equipment", "AK-203"), ("equipment", "Patriot"), ("equipment", "INS Vikrant")} <= got


def test_events_in_quotes_and_with_cue_words() -> None:
    got = names(("He backed the 'Make in India' drive and the Paris Agreement at the G20 Summit.",))
    assert ("event", "Make in India") in got
    assert ("event", "Paris Agreement") in got


def test_places_from_gazetteer_and_country_aliases() -> None:
    got = names(("Talks in New Delhi with the Russian Federation and the Republic of India.",))
    assert {("place", "New Delhi"), ("place", "Russia"), ("place", "India")} <= got


def test_lower_case_ministry_and_navy() -> None:
    got = names(("The defence ministry said the ship joined the Indian navy.",))
    assert {("organisation", "Defence Ministry"), ("organisation", "Indian Navy")} <= got


def test_no_sentence_starters_or_headings() -> None:
    paragraphs = ("Promoting Bilateral Defence Cooperation", "Earlier, he spoke. Reviewing the plan, they left.")
    assert names(paragraphs) == set()
    assert is_heading("Putin’s Visit To India")
    assert not is_heading("Singh met Putin in Moscow.")


def test_descriptive_title_case_phrases_are_not_entities() -> None:
    assert names(("They praised the Special and Privileged Strategic Partnership between the two.",)) == set()


def test_output_is_sorted_and_deterministic() -> None:
    text = ("Rajnath Singh met Andrey Belousov in Moscow. Singh and Belousov talked.",)
    first = extract(text, KNOWLEDGE)
    assert first == tuple(sorted(first)) == extract(text, KNOWLEDGE)


def test_keys() -> None:
    assert model_key("AK-203") == model_key("AK203") == "ak203"
    assert name_key("Russian Ministry of Defence") == name_key("Russian defence ministry")
    assert name_key("Make-in-India") == name_key("Make in India")


def test_a_title_naming_its_organisation_or_office_is_not_part_of_the_name() -> None:
    got = names((
        "Treasury Secretary Scott Bessent met Fed Chair Jerome Powell. Secretary of State Marco Rubio "
        "and Reserve Bank Governor Sanjay Malhotra joined them; Apple CEO Tim Cook did not.",
    ))
    assert {("person", "Scott Bessent"), ("person", "Jerome Powell"), ("person", "Marco Rubio"),
            ("person", "Sanjay Malhotra"), ("person", "Tim Cook")} <= got
    assert not any("Secretary" in name or "Chair" in name or "CEO" in name for _, name in got)


def test_the_words_before_a_name_can_say_it_is_a_company() -> None:
    got = names((
        "Economists at Goldman Sachs expect two cuts. Shares of Toyota rose 2% in Tokyo trading.",
        "Rival Honda Motor Co said sales fell. Researchers at the University of Michigan agreed.",
    ))
    assert {("organisation", "Goldman Sachs"), ("organisation", "Toyota"), ("organisation", "Honda Motor Co"),
            ("organisation", "University of Michigan"), ("place", "Tokyo")} <= got
    assert ("person", "Goldman Sachs") not in got and ("place", "Toyota") not in got
    # without such words a two-word name is still a person
    assert ("person", "Morgan Stanley") in names(("Morgan Stanley said on Monday that he would resign.",))


def test_a_company_named_by_context_joins_its_full_name_in_the_article() -> None:
    found = extract(("Toyota Motor Corp will build a plant. Shares of Toyota rose 2%.",), KNOWLEDGE)
    assert {m.name for m in found if m.surface == "Toyota"} == {"Toyota Motor Corp"}


def test_an_acronym_of_initials_is_the_article_s_spelled_out_name() -> None:
    found = extract(("The European Central Bank cut rates. The ECB said more cuts could follow.",
                     "The India-Russia Inter-Governmental Commission met; the IRIGC meets yearly."), KNOWLEDGE)
    assert {m.name for m in found if m.surface == "ECB"} == {"European Central Bank"}
    assert {m.name for m in found if m.surface == "IRIGC"} == {"India-Russia Inter-Governmental Commission"}
    # two names with the same initials: the acronym is left alone
    found = extract(("The Central Bank met the Civil Board. The CB said no.",), KNOWLEDGE)
    assert {m.name for m in found if m.surface == "CB"} <= {"CB"}


def test_sport_venues_formats_and_people_s_names() -> None:
    got = names((
        "India beat England in the fifth T20 International at the Wankhede Stadium. The three-match ODI series "
        "starts in Nagpur; Sharma hit 135 in the T20I. Rescue teams from the People's Liberation Army arrived.",
    ))
    assert {("place", "Wankhede Stadium"), ("place", "Nagpur"), ("organisation", "People's Liberation Army")} <= got
    assert not {name for _, name in got} & {"ODI", "T20I", "T20", "Liberation Army"}


def test_words_news_capitalises_are_not_towns() -> None:
    got = names(("The Supreme Court sought the Centre's response. The Union government and Police said "
                 "University officials would reply.",))
    assert not {(t, n) for t, n in got if t == "place"} & {("place", "Centre"), ("place", "Union"),
                                                           ("place", "Police"), ("place", "University")}


def test_regions_and_lines_news_names() -> None:
    got = names((
        "Troops disengaged along the Line of Actual Control (LAC) in eastern Ladakh. The LAC is quiet. "
        "Tensions rose in Kashmir, Crimea and Xinjiang, while Arunachal Pradesh and Tamil Nadu held polls.",
    ))
    assert {("place", "Line of Actual Control"), ("place", "Ladakh"), ("place", "Kashmir"), ("place", "Crimea"),
            ("place", "Xinjiang"), ("place", "Arunachal Pradesh"), ("place", "Tamil Nadu")} <= got
    assert not {name for _, name in got} & {"Lac", "Actual Control", "LAC"}


def test_upper_case_is_upper_case_again() -> None:
    """``mentions`` looks an acronym up among the article's initials only if the name is its own
    upper case: an upper-cased string of initials is, since upper-casing changes no character twice."""
    assert not [c for c in map(chr, range(0x110000)) if c.upper().upper() != c.upper()]
