"""Measure extraction + resolution against the analyst's annotations of seeds/.

Run ``pytest -s tests/test_gold_entities.py`` to see the figures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.entities import extract
from generator.knowledge import load_knowledge
from generator.readers import read_folder
from generator.resolve import resolve

ROOT = Path(__file__).resolve().parent.parent
GOLD_TYPES = {
    "people": "person", "organisations": "organisation", "places": "place",
    "equipment": "equipment", "programmes_and_events": "event",
}


def _gold() -> tuple[list[dict[str, object]], set[str]]:
    data = yaml.safe_load((ROOT / "tests" / "data" / "gold_seeds.yml").read_text(encoding="utf-8"))
    entities = []
    for group, items in data["entities"].items():
        for item in items:
            names = {str(item["name"]).lower(), *(str(a).lower() for a in item.get("aliases") or [])}
            entities.append({"name": item["name"], "type": GOLD_TYPES[group], "names": names, "in": set(item["in"])})
    return entities, {str(n).lower() for n in data["also_acceptable"]}


def measure() -> dict[str, object]:
    articles, errors = read_folder(ROOT / "seeds")
    assert not errors
    knowledge = load_knowledge()
    ids = {a.id: a.source[:3] for a in articles}
    resolution = resolve({a.id: extract(a.paragraphs, knowledge) for a in articles}, knowledge)
    by_name = {e.name: e for e in resolution.entities}
    gold, acceptable = _gold()
    predicted = []  # (article, entity)
    for article_id, short in sorted(ids.items(), key=lambda kv: kv[1]):
        for names in resolution.entities_of(article_id).values():
            predicted.extend((short, by_name[n]) for n in names)

    def matches(entity, g) -> bool:  # type: ignore[no-untyped-def]
        return bool({entity.name.lower(), *(a.lower() for a in entity.aliases)} & g["names"])

    figures: dict[str, object] = {}
    report: list[str] = []
    for typed in (False, True):
        hits = sum(
            1 for g in gold for art in g["in"]
            if any(a == art and matches(e, g) and (not typed or e.type == g["type"]) for a, e in predicted)
        )
        total = sum(len(g["in"]) for g in gold)
        good = bad = 0
        for art, entity in predicted:
            found = [g for g in gold if matches(entity, g)]
            if any(art in g["in"] and (not typed or g["type"] == entity.type) for g in found):
                good += 1
            elif not found and {entity.name.lower(), *(a.lower() for a in entity.aliases)} & acceptable:
                continue
            else:
                bad += 1
                if typed:
                    report.append(f"  false positive in {art}: {entity.type} {entity.name!r}")
        label = "typed" if typed else "untyped"
        figures[f"{label}_recall"] = hits / total
        figures[f"{label}_precision"] = good / (good + bad) if good + bad else 1.0
    figures["type_mismatches"] = sorted(
        f"{art}: {e.name} is {e.type}, gold {g['type']}" for art, e in predicted for g in gold
        if matches(e, g) and art in g["in"] and e.type != g["type"]
    )
    figures["missed"] = sorted(
        f"{art}: {g['type']} {g['name']}" for g in gold for art in g["in"]
        if not any(a == art and matches(e, g) and e.type == g["type"] for a, e in predicted)
    )
    figures["split"] = sorted(
        f"{art}: {g['name']} -> {sorted(e.name for a, e in predicted if a == art and matches(e, g))}"
        for g in gold for art in g["in"]
        if sum(1 for a, e in predicted if a == art and matches(e, g)) > 1
    )
    figures["merged"] = sorted({
        f"{e.name} matches {sorted(g['name'] for g in gold if matches(e, g))}"
        for _, e in predicted if sum(1 for g in gold if matches(e, g)) > 1
    })
    figures["false_positives"] = report
    return figures


@pytest.fixture(scope="module")
def figures() -> dict[str, object]:
    result = measure()
    print()
    for key, value in result.items():
        if isinstance(value, list):
            print(f"{key}: {len(value)}")
            for line in value:
                print(f"    {line}")
        else:
            print(f"{key}: {value:.3f}")
    return result


def test_typed_recall_and_precision(figures: dict[str, object]) -> None:
    assert figures["typed_recall"] >= 0.90
    assert figures["typed_precision"] >= 0.90


def test_untyped_recall_and_precision(figures: dict[str, object]) -> None:
    assert figures["untyped_recall"] >= figures["typed_recall"]
    assert figures["untyped_precision"] >= 0.90


def test_each_gold_entity_is_one_predicted_entity_per_article(figures: dict[str, object]) -> None:
    assert figures["split"] == []


def test_no_two_gold_entities_are_merged(figures: dict[str, object]) -> None:
    assert figures["merged"] == []
