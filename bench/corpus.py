"""A deterministic, realistic synthetic news corpus for benchmarks.

The generator groups articles into stories and extracts people, organisations,
places, equipment and events, so a benchmark corpus has to look like news:

* a *world* of a few hundred recurring people (with titles and, for some,
  transliteration variants), organisations (with acronyms on first mention),
  real cities and countries, equipment (model numbers, ship names) and events;
* *threads* (long-running subjects, e.g. one arms deal) that produce *stories*
  (a set of actors + a place + a subject) reported over several days by
  several articles, with about 3% near-duplicate syndicated copies;
* datelines in several styles, direct quotes, relative dates ("on Monday",
  "in July", "next year") and dozens of sentence templates with fillers.

Everything comes from one seeded :class:`random.Random`, so the same
``(n, seed)`` always gives byte-identical files. The world depends only on the
seed, not on ``n``: a bigger corpus has more stories about the same people.

Usage::

    python -m bench.corpus --n 1000 --out /tmp/seeds
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .templates import (BY_KIND, CLOSERS, COMBO_OBJECT, COMBO_SUBJECT, COMBO_TAIL, COMBO_VERB, GENERIC,
                        KIND_QUOTES, LEADS, QUOTE_FORMS, QUOTES, SUBHEADS, THE_COUNTRIES)
from .world import (COMPANIES, COUNTRIES, EQUIPMENT, EXERCISE_NAMES, EXPOS, INTERNATIONAL_ORGS, MIL_TITLES,
                    NAME_POOLS, REGIONS, SHIP_NAMES, SHIP_PREFIX, SOURCES, SUBJECT_KINDS, TALK_ADJ, TOPICS,
                    TRANSLIT, VISIT_LEN, Country, Equipment, Org)

START = _dt.date(2023, 1, 2)
"""First possible article date (the corpus spans about three years)."""
SPAN_DAYS = 1090
WORDS_MIN, WORDS_MAX = 400, 700
DUPLICATE_RATE = 0.03
"""Share of articles that are near-identical syndicated copies of another."""

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
MONTH_ABBR = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")


@dataclass
class Person:
    first: str
    last: str
    title: str
    country: str | None
    org: str | None = None
    pronoun: str = "he"
    variant_first: str | None = None

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    def role(self, world: "World") -> str:
        """A lower-case description: "India's defence minister", "the chief executive of Saab"."""
        if self.org:
            if self.title == "CEO":
                return f"the chief executive of {self.org}"
            if self.title == "Chairman":
                return f"the chairman of {self.org}"
            return f"the {self.title.lower()} of the {self.org}"
        if self.title in MIL_TITLES:
            return f"a senior {world.country[self.country].demonym} military commander"
        if self.title == "Spokesperson":
            return f"the {world.country[self.country].demonym} foreign ministry spokesperson"
        if self.title == "Ambassador":
            return f"{self.country}'s ambassador"
        return f"{self.country}'s {self.title.lower()}"


@dataclass
class World:
    people: list[Person]
    by_country: dict[str, dict[str, list[Person]]]
    country: dict[str, Country]
    ceos: dict[str, Person]
    org_heads: dict[str, Person]
    ships: list[tuple[str, str]]
    """(ship name, country)."""


def build_world(rng: random.Random) -> World:
    """A few hundred people in fixed roles, and the ships; the same for one seed."""
    used: set[object] = set()
    people: list[Person] = []
    by_country: dict[str, dict[str, list[Person]]] = {}

    def make(pool: str, title: str, country: str | None, org: str | None = None) -> Person:
        firsts, lasts = NAME_POOLS[pool]
        for _ in range(200):
            first, last = rng.choice(firsts), rng.choice(lasts)
            if f"{first} {last}" not in used and (country, last) not in used:
                break
        used.add(f"{first} {last}")
        used.add((country, last))
        female = first in {"Sunita", "Priya", "Meera", "Kavita", "Anjali", "Nirmala", "Pooja", "Lakshmi", "Olga",
                           "Valentina", "Tatiana", "Yelena", "Sarah", "Emily", "Laura", "Karen", "Rachel", "Susan",
                           "Jennifer", "Amanda", "Helen", "Grace", "Claire", "Sophie", "Camille", "Isabelle",
                           "Nathalie", "Sandrine", "Annalena", "Katrin", "Ursula", "Petra", "Sabine", "Heike",
                           "Hua", "Yan", "Ying", "Yuki", "Akiko", "Naomi", "Emi", "Mariko", "Seo-yeon", "Hye-jin",
                           "Eun-ji", "Ji-woo", "Fatima", "Layla", "Salma", "Rania", "Ayse", "Emine", "Zeynep",
                           "Elif", "Maryam", "Zahra", "Parisa", "Lucia", "Elena", "Carmen", "Isabel", "Paula",
                           "Ana", "Beatriz", "Mariana", "Fernanda", "Amina", "Wanjiru", "Ngozi", "Zanele", "Siti",
                           "Dewi", "Retno", "Wulan", "Tran Thi", "Katarzyna", "Olena", "Iryna", "Agnieszka",
                           "Ingrid", "Astrid", "Sigrid", "Karin", "Giulia", "Francesca", "Chiara", "Noa", "Tamar",
                           "Michal", "Ayesha", "Sana", "Nadia"}
        p = Person(first, last, title, country, org, "she" if female else "he",
                   TRANSLIT.get(first) if rng.random() < 0.8 else None)
        people.append(p)
        return p

    for c in COUNTRIES:
        roles: dict[str, list[Person]] = {}
        head = "Prime Minister" if c.name in {"India", "United Kingdom", "Japan", "Australia", "Canada",
                                               "Pakistan", "Israel", "Italy", "Spain", "Sweden", "Norway",
                                               "Bangladesh", "Qatar"} else "President"
        roles["leader"] = [make(c.pool, head, c.name)]
        for title in ("Foreign Minister", "Defence Minister", "Commerce Minister", "Energy Minister",
                      "National Security Adviser"):
            roles[title] = [make(c.pool, title, c.name)]
        roles["military"] = [make(c.pool, rng.choice(MIL_TITLES), c.name) for _ in range(rng.randint(1, 3))]
        roles["Spokesperson"] = [make(c.pool, "Spokesperson", c.name)]
        roles["Ambassador"] = [make(c.pool, "Ambassador", c.name)]
        by_country[c.name] = roles
    country = {c.name: c for c in COUNTRIES}
    ceos = {}
    for org in COMPANIES:
        pool = country[org.country].pool if org.country else "english"
        ceos[org.name] = make(pool, "CEO" if org.kind == "company" else "Chairman", org.country, org.name)
    heads = {}
    for org in INTERNATIONAL_ORGS:
        if org.acronym in {"NATO", "ASEAN", "IAEA", "SCO", "OPEC", "WTO", "IMF", "GCC"}:
            heads[org.name] = make(rng.choice(sorted(NAME_POOLS)), "Secretary General", None, org.name)
    ships = [(f"{SHIP_PREFIX[c]} {n}".strip(), c) for c, names in SHIP_NAMES.items() for n in names]
    return World(people, by_country, country, ceos, heads, ships)


# ---------------------------------------------------------------------------
# Threads and stories
# ---------------------------------------------------------------------------


@dataclass
class Story:
    """One news event: actors + place + subject, reported by several articles over a few days."""

    kind: str
    start: _dt.date
    countries: tuple[str, str]
    people: list[Person]
    city: str
    city_country: str
    equipment: Equipment | None
    orgs: list[Org]
    event: str | None
    ship: str | None
    region: str
    topics: list[str]
    numbers: dict[str, str]
    related: list["Story"] = field(default_factory=list)
    """Earlier stories of the same thread (for background paragraphs)."""


class Thread:
    """A long-running subject between two countries: it yields stories over months."""

    def __init__(self, rng: random.Random, world: World, weights: list[float]) -> None:
        self.rng = rng
        self.world = world
        names = [c.name for c in COUNTRIES]
        a, b = rng.choices(names, weights=weights, k=2)
        while b == a:
            b = rng.choices(names, weights=weights)[0]
        self.countries = (a, b)
        self.kinds = rng.sample(SUBJECT_KINDS, k=3)
        makers = [e for e in EQUIPMENT if e.maker in (a, b)] or list(EQUIPMENT)
        self.equipment = rng.choice(makers)
        self.region = rng.choice(REGIONS)
        self.topics = rng.sample(TOPICS, k=4)
        companies = [o for o in COMPANIES if o.country in (a, b)] or list(COMPANIES)
        self.company = rng.choice(companies)
        self.alliance = rng.choice(INTERNATIONAL_ORGS)
        self.exercise = rng.choice(EXERCISE_NAMES)
        self.stories: list[Story] = []

    def new_story(self, start: _dt.date) -> Story:
        rng, world = self.rng, self.world
        kind = rng.choice(self.kinds)
        a, b = self.countries if rng.random() < 0.5 else self.countries[::-1]
        ra, rb = world.by_country[a], world.by_country[b]
        pick = {
            "talks": ("Defence Minister", "Defence Minister", "leader"),
            "arms_deal": ("Defence Minister", "leader", "military"),
            "exercise": ("military", "military", "Defence Minister"),
            "summit": ("leader", "leader", "Foreign Minister"),
            "commissioning": ("Defence Minister", "Ambassador", "military"),
            "missile_test": ("Defence Minister", "Spokesperson", "military"),
            "delivery": ("Defence Minister", "Defence Minister", "Ambassador"),
            "sanctions": ("Foreign Minister", "Spokesperson", "Foreign Minister"),
            "border": ("military", "military", "National Security Adviser"),
            "contract": ("Defence Minister", "Defence Minister", "military"),
            "trade": ("Commerce Minister", "Commerce Minister", "leader"),
            "energy": ("Energy Minister", "Energy Minister", "leader"),
        }[kind]
        people = [rng.choice(ra[pick[0]]), rng.choice(rb[pick[1]]), rng.choice((ra if rng.random() < 0.5 else rb)[pick[2]])]
        if kind in ("arms_deal", "contract", "delivery") or rng.random() < 0.15:
            people.append(world.ceos[self.company.name])
        if self.alliance.name in world.org_heads and (kind == "summit" or rng.random() < 0.1):
            people.append(world.org_heads[self.alliance.name])
        uniq: list[Person] = []
        for p in people:
            if p not in uniq:
                uniq.append(p)
        host = rng.choice((a, b)) if rng.random() < 0.85 else rng.choice([c.name for c in COUNTRIES])
        if kind in ("commissioning", "missile_test", "arms_deal", "contract"):
            host = a
        cities = world.country[host].cities
        city = cities[0] if rng.random() < 0.6 else rng.choice(cities)
        ships = [s for s, c in world.ships if c in (a, b)] or [s for s, _ in world.ships]
        year = start.year
        event = {
            "exercise": f"Exercise {self.exercise} {year}" if rng.random() < 0.6 else f"{self.exercise}-{year}",
            "summit": f"{self.alliance.acronym or self.alliance.name} Summit",
            "talks": f"{a}-{b} {rng.choice(('Strategic Dialogue', 'Defence Policy Dialogue', 'Joint Working Group', '2+2 Dialogue'))}",
            "arms_deal": f"{rng.choice(EXPOS)} {year}",
            "trade": f"{a}-{b} Comprehensive Economic Partnership Agreement",
            "energy": f"{a}-{b} Energy Dialogue",
            "delivery": f"Military Technical Cooperation agreement for {year - 3}-{str(year + 7)[2:]}",
        }.get(kind)
        numbers = {
            "money": f"${rng.choice((1.2, 2.4, 3.5, 4.8, 5.2, 6.7, 8.1, 12.5, 0.9, 1.7))} billion",
            "units": str(rng.choice((2, 3, 4, 5, 6, 8, 12, 16, 24, 26, 36, 48, 72, 114))),
            "pct": f"{rng.randint(3, 45)} per cent",
            "troops": f"{rng.choice((1, 2, 3, 5, 8, 10, 12, 15, 20))},{rng.choice(('000', '500'))}",
            "km": str(rng.choice((120, 290, 450, 800, 1500, 2500, 5000))),
            "ordinal": rng.choice(("fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "11th", "14th",
                                   "16th", "21st", "23rd")),
        }
        orgs = [self.company, self.alliance]
        equipment = self.equipment if rng.random() < 0.8 else rng.choice(EQUIPMENT)
        story = Story(kind, start, (a, b), uniq, city, host, equipment, orgs, event,
                      rng.choice(ships), self.region, rng.sample(self.topics, k=3), numbers,
                      related=sorted((s for s in self.stories if s.start < start), key=lambda s: s.start)[-3:])
        self.stories.append(story)
        return story


_SLOT = re.compile(r"\{(\w+)\}")


class ArticleWriter:
    """Fills templates for one article of a story, tracking first mentions."""

    def __init__(self, rng: random.Random, world: World, story: Story, date: _dt.date, event_date: _dt.date) -> None:
        self.rng = rng
        self.world = world
        self.story = story
        self.date = date
        self.event_date = event_date
        self.seen: set[str] = set()
        self.quoted: set[str] = set()
        self.variants = {p.name: (p.variant_first if p.variant_first and rng.random() < 0.25 else p.first)
                         for p in story.people}

    # -- mentions ---------------------------------------------------------
    def person(self, i: int, short: bool = False) -> str:
        people = self.story.people
        p = people[i % len(people)]
        first = self.variants[p.name]
        full = f"{first} {p.last}"
        if p.name in self.seen or short:
            if p.name not in self.seen:
                self.seen.add(p.name)
                return self._first_mention(p, full)
            r = self.rng.random()
            if p.title in ("President", "Prime Minister", "General", "Admiral") and r < 0.4:
                return f"{p.title} {p.last}"
            return p.last
        self.seen.add(p.name)
        return self._first_mention(p, full)

    def _first_mention(self, p: Person, full: str) -> str:
        r = self.rng.random()
        world = self.world
        if p.org:
            return f"{full}, {p.role(world)}," if r < 0.5 else f"{p.org} {p.title if p.title != 'CEO' else 'chief executive'} {full}"
        dem = world.country[p.country].demonym if p.country else ""
        if p.title in ("Spokesperson",):
            return f"{dem} foreign ministry spokesperson {full}"
        if p.title == "Ambassador":
            other = [c for c in self.story.countries if c != p.country]
            return f"{dem} Ambassador {full}" if not other or r < 0.5 else f"{full}, {p.country}'s ambassador to {other[0]},"
        if r < 0.45:
            return f"{p.title} {full}"
        if r < 0.75:
            return f"{dem} {p.title} {full}"
        if r < 0.9:
            return f"{p.country}'s {p.title} {full}"
        return f"{full}, {p.role(world)},"

    def org(self, i: int) -> str:
        o = self.story.orgs[i % len(self.story.orgs)]
        if o.name in self.seen:
            return o.acronym or o.name
        self.seen.add(o.name)
        return f"{o.name} ({o.acronym})" if o.acronym else o.name

    def equipment(self, short: bool = False) -> str:
        e = self.story.equipment
        assert e is not None
        if short or e.name in self.seen:
            return f"{e.short} {e.kind.split()[-1]}" if self.rng.random() < 0.5 else e.short
        self.seen.add(e.name)
        return f"{e.name} {e.kind}"

    # -- dates ------------------------------------------------------------
    def when(self) -> str:
        gap = (self.date - self.event_date).days
        wd = WEEKDAYS[self.event_date.weekday()]
        if gap == 0 and self.rng.random() < 0.1:
            return "today"
        if gap >= 7:
            return f"on {MONTHS[self.event_date.month - 1]} {self.event_date.day}"
        return f"on {wd}"

    def month(self) -> str:
        m = (self.date.month + self.rng.randint(1, 5) - 1) % 12
        return self.rng.choice((f"in {MONTHS[m]}", "next month", "later this month", f"in early {MONTHS[m]}"))

    def month_last(self) -> str:
        m = (self.date.month - self.rng.randint(1, 8) - 1) % 12
        return self.rng.choice((f"in {MONTHS[m]}", "last year", "earlier this year", f"in {MONTHS[m]} last year",
                                f"in {self.date.year - 1}"))

    def future(self) -> str:
        return self.rng.choice(("next year", "later this year", "in the coming months", "by the end of the year",
                                f"in {self.date.year + 1}", f"by {MONTHS[self.rng.randrange(12)]}", "next month"))

    # -- filling ----------------------------------------------------------
    def fill(self, template: str) -> str:
        st, rng = self.story, self.rng
        a, b = st.countries

        def slot(m: re.Match[str]) -> str:
            key = m.group(1)
            if key[0] == "p" and key[1:].isdigit():
                return self.person(int(key[1:]))
            if key[0] == "p" and key.endswith("s") and key[1:-1].isdigit():
                return self.person(int(key[1:-1]), short=True)
            if key.startswith("his") or key.startswith("he"):
                p = st.people[int(key[-1]) % len(st.people)]
                if key.startswith("his"):
                    return "his" if p.pronoun == "he" else "her"
                return p.pronoun
            if key == "pv":
                visitors = [i for i, p in enumerate(st.people) if p.country and p.country != st.city_country]
                return self.person(visitors[0] if visitors else 0, short=True)
            if key in ("o0", "o1"):
                return self.org(int(key[1]))
            if key in ("topic0", "topic1", "topic2"):
                return st.topics[int(key[-1])]
            value = {
                "c0": lambda: self.cname(a), "c1": lambda: self.cname(b),
                "c0s": lambda: self.possessive(a), "c1s": lambda: self.possessive(b),
                "ministry0": lambda: self.ministry(a), "ministry1": lambda: self.ministry(b),
                "weekday_before": lambda: WEEKDAYS[(self.event_date.weekday() - 1) % 7],
                "year_after": lambda: str(self.date.year + rng.randint(1, 4)),
                "d0": lambda: self.world.country[a].demonym, "d1": lambda: self.world.country[b].demonym,
                "cap0": lambda: self.world.country[a].cities[0], "cap1": lambda: self.world.country[b].cities[0],
                "city": lambda: st.city, "cityc": lambda: st.city_country,
                "city2": lambda: rng.choice(self.world.country[rng.choice((a, b))].cities),
                "eq": lambda: self.equipment(), "eqs": lambda: self.equipment(short=True),
                "ev": lambda: st.event or f"{a}-{b} Joint Commission", "ship": lambda: st.ship or "the flagship",
                "region": lambda: st.region, "adj": lambda: rng.choice(TALK_ADJ),
                "visitlen": lambda: rng.choice(VISIT_LEN), "source": lambda: rng.choice(SOURCES),
                "source_cap": lambda: rng.choice(SOURCES).capitalize(),
                "when": self.when, "month": self.month, "month_last": self.month_last, "future": self.future,
                "later": lambda: rng.choice(("on Friday", "later this week", "on Sunday", "by the weekend")),
                "year_before": lambda: str(self.date.year - rng.randint(2, 15)),
            }.get(key)
            if value is not None:
                return value()
            if key in st.numbers:
                return st.numbers[key]
            raise KeyError(f"unknown template slot {{{key}}}")

        text = _SLOT.sub(slot, template)
        return text[0].upper() + text[1:]

    def combined(self) -> str:
        """A sentence assembled from parts: endless variety when the templates run out."""
        rng = self.rng
        text = " ".join((rng.choice(COMBO_SUBJECT), rng.choice(COMBO_VERB), rng.choice(COMBO_OBJECT)))
        return self.fill(text + rng.choice(COMBO_TAIL) + ".")

    def cname(self, name: str) -> str:
        return f"the {name}" if name in THE_COUNTRIES else name

    def possessive(self, name: str) -> str:
        name = self.cname(name)
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    def ministry(self, name: str) -> str:
        dem = self.world.country[name].demonym
        kind = "defence ministry" if self.story.kind not in ("trade", "energy", "sanctions", "summit") else (
            "commerce ministry" if self.story.kind == "trade" else
            "energy ministry" if self.story.kind == "energy" else "foreign ministry")
        if name == "United States" and kind == "defence ministry":
            return self.rng.choice(("Pentagon", "Department of Defense"))
        return self.rng.choice((f"{dem} {kind}", f"{kind}"))

    def quote(self) -> str:
        st, rng = self.story, self.rng
        own = KIND_QUOTES.get(st.kind, ())
        template = rng.choice(own) if own and rng.random() < 0.6 else rng.choice(QUOTES)
        if template in self.quoted:
            template = rng.choice([t for t in QUOTES if t not in self.quoted] or QUOTES)
        self.quoted.add(template)
        q = self.fill(template)
        i = rng.randrange(len(st.people))
        speaker = self.person(i)
        if speaker.endswith(","):
            speaker = speaker[:-1]
        form = rng.choice(QUOTE_FORMS)
        if speaker[0].islower():
            form = form.replace("{sp} said:", "{sp} said:")
        return form.replace("{q}", q).replace("{sp}", speaker).replace("{city}", st.city)

    def dateline(self) -> str:
        r = self.rng.random()
        city = self.story.city if self.rng.random() < 0.8 else self.world.country[self.story.countries[0]].cities[0]
        d = self.date
        if r < 0.25:
            return f"{city.upper()}, {MONTHS[d.month - 1]} {d.day} - "
        if r < 0.45:
            return f"{city}: "
        if r < 0.55:
            other = self.world.country[self.story.countries[1]].cities[0]
            return f"{city}/{other}, {MONTH_ABBR[d.month - 1]} {d.day}: " if other != city else f"{city}: "
        if r < 0.62:
            return f"{city}, {d.day} {MONTHS[d.month - 1]} {d.year} - "
        return ""

    def write(self) -> list[str]:
        rng, st = self.rng, self.story
        target = rng.randint(WORDS_MIN + 20, WORDS_MAX - 40)
        paragraphs = [self.dateline() + self.fill(rng.choice(LEADS[st.kind]))]
        body = rng.sample(GENERIC, k=len(GENERIC))
        specific = rng.sample(BY_KIND[st.kind], k=len(BY_KIND[st.kind]))

        def take() -> str:
            r = rng.random()
            if specific and r < 0.4:
                return self.fill(specific.pop())
            if body and r < 0.85:
                return self.fill(body.pop())
            return self.combined()

        paragraphs.append(" ".join(take() for _ in range(rng.randint(1, 2))))
        words = sum(len(p.split()) for p in paragraphs)
        used_subhead = rng.random() > 0.12
        while words < target:
            r = rng.random()
            if r < 0.3:
                para = self.quote()
                if rng.random() < 0.5:
                    para += " " + take()
            elif r < 0.38 and st.related:
                old = rng.choice(st.related)
                para = (f"Earlier, in {MONTHS[old.start.month - 1]} {old.start.year}, "
                        f"{old.people[0].name} had held talks in {old.city} on {old.topics[0]}.")
                para += " " + take()
            else:
                n = rng.randint(1, 3)
                para = " ".join(take() for _ in range(n))
            if not used_subhead and len(paragraphs) > 3:
                paragraphs.append(rng.choice(SUBHEADS))
                used_subhead = True
            paragraphs.append(para)
            words += len(para.split())
        closer = self.fill(rng.choice(CLOSERS))
        if words + len(closer.split()) <= WORDS_MAX:
            paragraphs.append(closer)
        while sum(len(p.split()) for p in paragraphs) > WORDS_MAX and len(paragraphs) > 3:
            paragraphs.pop(-2)
        return paragraphs


# ---------------------------------------------------------------------------
# Corpus assembly
# ---------------------------------------------------------------------------


@dataclass
class RawArticle:
    date: _dt.date
    paragraphs: list[str]
    story: int
    copy_of: "RawArticle | None" = field(default=None, repr=False, compare=False)
    """The article this one is a syndicated near-duplicate of."""


def render(article: RawArticle, rng: random.Random) -> str:
    """The exact input format: `` date YYYY-MM-DD <first paragraph>``, blank-line separated paragraphs."""
    sep = "\n\n" if rng.random() > 0.05 else "\n\n\n\n"
    return f" date {article.date.isoformat()} " + sep.join(article.paragraphs) + "\n"


SYNONYMS = (("said", "stated"), ("talks", "discussions"), ("deepen", "strengthen"), ("officials", "authorities"),
            ("agreed", "decided"), ("expected", "likely"), ("visit", "trip"))


def near_duplicate(rng: random.Random, src: RawArticle) -> RawArticle:
    """A syndicated copy: same story, a few words swapped, a paragraph dropped or trimmed."""
    paras = list(src.paragraphs)
    swaps = 0
    for _ in range(40):
        i = rng.randrange(len(paras))
        a, b = rng.choice(SYNONYMS)
        if f" {a} " in paras[i]:
            paras[i] = paras[i].replace(f" {a} ", f" {b} ", 1)
            swaps += 1
            if swaps >= rng.randint(1, 3):
                break
    if len(paras) > 4 and rng.random() < 0.6:
        del paras[rng.randrange(2, len(paras))]
    if rng.random() < 0.3:
        paras[0] = re.sub(r"^[A-Z][A-Za-z ./]+(, [A-Z][a-z]+\.? \d+)?( -|:) ", "", paras[0])
    date = src.date + _dt.timedelta(days=rng.choice((0, 0, 0, 1)))
    return RawArticle(date, paras, src.story, copy_of=src)


def generate(n: int, seed: int = 0) -> list[RawArticle]:
    """``n`` articles (in file order) for a seed; the world depends only on the seed."""
    world_rng = random.Random(f"world-{seed}")
    world = build_world(world_rng)
    rng = random.Random(f"corpus-{seed}-{n}")
    # Zipf-like country weights: a few countries dominate the news, as in real feeds.
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(COUNTRIES))]
    threads = [Thread(random.Random(f"thread-{seed}-{i}"), world, weights) for i in range(max(12, n // 25))]
    thread_w = [1.0 / (i + 1) ** 0.6 for i in range(len(threads))]
    articles: list[RawArticle] = []
    story_no = 0
    while len(articles) < n:
        thread = rng.choices(threads, weights=thread_w)[0]
        start = START + _dt.timedelta(days=rng.randrange(SPAN_DAYS))
        story = thread.new_story(start)
        size = min(n - len(articles), max(1, int(rng.paretovariate(1.6))) + rng.randint(0, 3))
        days = rng.randint(1, 6)
        for _ in range(size):
            event_date = start + _dt.timedelta(days=rng.randrange(days))
            date = event_date + _dt.timedelta(days=rng.choice((0, 0, 1, 1, 2)))
            writer = ArticleWriter(rng, world, story, date, event_date)
            art = RawArticle(date, writer.write(), story_no)
            articles.append(art)
            if len(articles) < n and rng.random() < DUPLICATE_RATE:
                articles.append(near_duplicate(rng, art))
        story_no += 1
    rng.shuffle(articles)
    return articles


def file_name(index: int, rng: random.Random) -> str:
    return f"{index:05d}_{rng.getrandbits(64):016x}.txt"


def write_corpus(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """Write ``n`` articles into ``folder`` (created if needed); return their paths in order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"files-{seed}-{n}")
    paths = []
    for i, art in enumerate(generate(n, seed)):
        path = folder / file_name(i, rng)
        path.write_text(render(art, rng), encoding="utf-8")
        paths.append(path)
    return paths


def write_extra_article(folder: Path, index: int, seed: int = 0, extra_seed: int = 1) -> Path:
    """One more article for the same world (a new report on an existing kind of story).

    Used by the benchmark's incremental rerun: ``extra_seed`` picks the story and text.
    """
    folder = Path(folder)
    world = build_world(random.Random(f"world-{seed}"))
    rng = random.Random(f"extra-{seed}-{extra_seed}")
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(COUNTRIES))]
    thread = Thread(random.Random(f"thread-{seed}-{rng.randrange(3)}"), world, weights)
    start = START + _dt.timedelta(days=SPAN_DAYS - 1)
    story = thread.new_story(start)
    art = RawArticle(start, ArticleWriter(rng, world, story, start, start).write(), -1)
    path = folder / file_name(index, rng)
    path.write_text(render(art, rng), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the .txt files into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")
    t0 = time.perf_counter()
    paths = write_corpus(args.out, args.n, args.seed)
    print(f"wrote {len(paths)} articles to {args.out} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
