from __future__ import annotations

from generator.knowledge import KnownEntity, load_knowledge, make_knowledge
from generator.models import Mention
from generator.resolve import resolve, same_first_name

KNOWLEDGE = load_knowledge()


def m(type_: str, name: str, surface: str | None = None) -> Mention:
    return Mention(type_, surface or name, name, 0)  # type: ignore[arg-type]


def test_transliterated_first_names_merge() -> None:
    r = resolve({"a": (m("person", "Andrey Belousov"),), "b": (m("person", "Andrei Belousov"),),
                 "c": (m("person", "Andrey Belousov"),)}, KNOWLEDGE)
    assert [e.name for e in r.entities] == ["Andrey Belousov"]
    assert r.canonical("b", "Andrei Belousov") == "Andrey Belousov"


def test_different_first_names_stay_apart() -> None:
    r = resolve({"a": (m("person", "Serena Williams"), m("person", "Venus Williams"))}, KNOWLEDGE)
    assert sorted(e.name for e in r.entities) == ["Serena Williams", "Venus Williams"]
    assert not same_first_name("Ivan", "Ivana")
    assert same_first_name("Sergei", "Sergey")


def test_bare_surname_joins_only_an_unambiguous_full_name() -> None:
    r = resolve({"a": (m("person", "Vladimir Putin"),), "b": (m("person", "Putin"),)}, KNOWLEDGE)
    assert r.canonical("b", "Putin") == "Vladimir Putin"
    r = resolve({"a": (m("person", "Serena Williams"), m("person", "Venus Williams")), "b": (m("person", "Williams"),)}, KNOWLEDGE)
    assert r.canonical("b", "Williams") == "Williams"


def test_model_numbers_case_and_acronyms() -> None:
    r = resolve({
        "a": (m("equipment", "AK203"), m("organisation", "Indian navy"),
              m("organisation", "Shanghai Cooperation Organisation", "SCO")),
        "b": (m("equipment", "AK-203"), m("organisation", "Indian Navy"), m("organisation", "SCO")),
    }, KNOWLEDGE)
    assert len(r.entities) == 3
    assert r.canonical("b", "SCO") == "Shanghai Cooperation Organisation"
    assert r.entities_of("b")["organisation"] == ("Indian Navy", "Shanghai Cooperation Organisation")


def test_near_identical_long_organisation_names_merge() -> None:
    long = "India-Russia Inter-Governmental Commission on Trade and Economic Cooperation"
    r = resolve({"a": (m("organisation", long),), "b": (m("organisation", long),),
                 "c": (m("organisation", "India-Russia Inter-Governmental Commission on Trade and Cooperation"),)}, KNOWLEDGE)
    assert [e.name for e in r.entities] == [long]
    r = resolve({"a": (m("organisation", "Ministry of Defence"), m("organisation", "Russian Ministry of Defence"))}, KNOWLEDGE)
    assert len(r.entities) == 2


def test_editor_name_wins_and_slugs_are_unique() -> None:
    knowledge = make_knowledge((KnownEntity("Joseph Biden", "person", ("Joe Biden",)),))
    r = resolve({"a": (m("person", "Joe Biden"), m("place", "Georgia"), m("person", "Georgia"))}, knowledge)
    assert "Joseph Biden" in [e.name for e in r.entities]
    slugs = [e.slug for e in r.entities]
    assert len(slugs) == len(set(slugs))


def test_aliases_are_surfaces_without_the_canonical_name() -> None:
    r = resolve({"a": (m("person", "Joe Biden", "President Joe Biden"), m("person", "Joe Biden", "Biden"))}, KNOWLEDGE)
    assert r.entities[0].aliases == ("Biden", "President Joe Biden")


def test_end_to_end_on_invented_articles_of_other_subjects() -> None:
    from generator.entities import extract

    articles = {
        "war": ("The Pentagon said Ukraine had received Patriot missiles and F-16 fighter jets. "
                "Defence Secretary Lloyd Austin met NATO allies in Brussels. Austin said more would come.",),
        "sport": ("Serena Williams beat her sister Venus Williams at Wimbledon on Saturday.",
                  "Venus Williams will play the US Open in New York."),
        "politics": ("WASHINGTON: President Joe Biden signed the Inflation Reduction Act at the White House.",
                     "Biden thanked Senator Chuck Schumer. The Environmental Protection Agency (EPA) will run it."),
    }
    r = resolve({k: extract(v, KNOWLEDGE) for k, v in articles.items()}, KNOWLEDGE)
    war, sport, politics = r.entities_of("war"), r.entities_of("sport"), r.entities_of("politics")
    assert war["person"] == ("Lloyd Austin",)
    assert {"Patriot", "F-16"} <= set(war["equipment"])
    assert sport["person"] == ("Serena Williams", "Venus Williams")
    assert politics["person"] == ("Chuck Schumer", "Joe Biden")
    assert "Environmental Protection Agency" in politics["organisation"]
    assert "Inflation Reduction Act" in politics["event"]
