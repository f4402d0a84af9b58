"""The digests' array shortcuts give what the straightforward code gives.

``overlap`` sums weights with integers instead of ``math.fsum``, ``facts.cluster`` works
on stem numbers instead of strings, ``wording.quantities`` and ``disagreements._placed``
scan a sentence once instead of once per topic: each is checked here against the plain
version it replaced.
"""

from __future__ import annotations

import math
import os
import re
from collections import defaultdict
from typing import Iterator, Mapping, Sequence

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import overlap
from generator.disagreements import _boundary, _may_place, _placed, _without_trailing_words
from generator.facts import (
    COMMON_IN_TOPIC, MAX_RARITY, MIN_SHARED, MIN_SHARED_PLAIN, NAME_WEIGHT, SIMILAR, SIMILAR_PLAIN,
    Statements, Unit, balanced, cluster,
)
from generator.overlap import Numbered, exact_sums, numbers_of
from generator import english, wording
from generator.wording import _SUFFIXES, _TOKEN, in_at, quantities, rarity, tokens

SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "200")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

WEIGHTS = st.floats(0.05, 10.0)
ANY_WEIGHTS = st.one_of(WEIGHTS, st.floats(0.0, 1e6), st.floats(1e-300, 1e-3), st.just(0.0))


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 6), ANY_WEIGHTS), max_size=300), st.booleans())
@example([(0, 0.1), (0, 0.2), (0, 0.3)], False)
@example([(1, 1e16), (1, 1.0), (1, -1e16)], False)
def test_exact_sums_are_fsum(rows, typical) -> None:
    if typical:  # the weights digests add: the integer path, never fsum
        rows = [(g, min(max(v, 0.05), 10.0)) for g, v in rows]
    groups = np.array([g for g, _ in rows], dtype=np.int64)
    values = np.array([v for _, v in rows], dtype=np.float64)
    sums = exact_sums(values, groups, 7)
    assert sums.tolist() == [math.fsum(v for g, v in rows if g == group) for group in range(7)]


# Stems from common to unknown words, so weights span the whole range of rarity.
STEMS = ["talk", "meet", "summit", "kazan", "brics", "defenc", "minist", "govern", "troop", "xqzv",
         "deliver", "expedit", "squadron", "moscow", "presid", "nation", "agreement", "plan", "fighter", "jet"]
ROWS = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3), st.frozensets(st.sampled_from(STEMS), max_size=10)),
                max_size=45)


def _reference_cluster(units: Sequence[Unit], names: frozenset[str]) -> list[list[Unit]]:
    """facts.cluster as it was: dictionaries of stems, every candidate pair scored with fsum."""
    index: dict[str, list[int]] = defaultdict(list)
    rare_limit = max(3, len({u.slug for u in units}) * 2)
    for i, unit in enumerate(units):
        for stem in unit.stems:
            index[stem].append(i)
    articles_of: dict[str, set[str]] = defaultdict(set)
    for unit in units:
        for stem in unit.stems:
            articles_of[stem].add(unit.slug)
    spread = max(len({u.slug for u in units}) - 2, 1)
    weight = {
        stem: min(rarity(stem), NAME_WEIGHT if stem in names else MAX_RARITY)
        * (1.0 if len(slugs) <= 2 else 1 - (1 - COMMON_IN_TOPIC) * (len(slugs) - 2) / spread)
        for stem, slugs in articles_of.items()
    }
    masses = [math.fsum(map(weight.__getitem__, u.stems)) for u in units]
    rare = {stem for stem, postings in index.items() if 1 < len(postings) <= rare_limit}
    pairs = []
    for i in range(len(units)):
        for j in range(i + 1, len(units)):
            unit, other = units[i], units[j]
            if unit.slug == other.slug or len(unit.stems & other.stems & rare) < MIN_SHARED:
                continue
            common = unit.stems & other.stems
            score = math.fsum(map(weight.__getitem__, common)) / max(min(masses[i], masses[j]), 1e-9)
            plain = len(common) / max(min(len(unit.stems), len(other.stems)), 1)
            if score >= SIMILAR or (plain >= SIMILAR_PLAIN and len(common) >= MIN_SHARED_PLAIN):
                pairs.append((max(score, plain), i, j))
    parent = list(range(len(units)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    articles = [{u.slug} for u in units]
    for _, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        ri, rj = root(i), root(j)
        if ri == rj or articles[ri] & articles[rj]:
            continue
        parent[rj] = ri
        articles[ri] |= articles[rj]
    groups: dict[int, list[Unit]] = defaultdict(list)
    for i, unit in enumerate(units):
        groups[root(i)].append(unit)
    return list(groups.values())


@SETTINGS
@given(ROWS, st.frozensets(st.sampled_from(STEMS), max_size=3))
def test_cluster_is_the_plain_comparison(rows, names) -> None:
    units = [Unit(f"a{article}", paragraph, f"sentence {n}", stems) for n, (article, paragraph, stems) in enumerate(rows)]
    by_article: dict[str, list[Unit]] = defaultdict(list)
    for unit in units:
        by_article[unit.slug].append(unit)
    blocks = [Statements(slug, found, Numbered.of([u.stems for u in found]), [], numbers_of(names))
              for slug, found in by_article.items()]
    ordered = [u for block in blocks for u in block.units]
    expected = _reference_cluster(ordered, names)
    assert cluster(blocks) == expected
    limits = overlap.TABLE_CELLS, overlap.PAIR_CELLS
    overlap.TABLE_CELLS = overlap.PAIR_CELLS = 0  # as for a very large topic
    try:
        assert cluster(blocks) == expected
    finally:
        overlap.TABLE_CELLS, overlap.PAIR_CELLS = limits


_QUANTITY = re.compile(
    r"\b(\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)"
    r"\s+(?:[a-z-]+\s+)?([a-z]+s)\b", re.IGNORECASE
)
WORDS = st.lists(st.sampled_from(["Two", "two", "TWO", "12,000", "3.5", "4", "in", "the", "troops", "Units", "x_",
                                  "a5", "-", "dozen", "İ", "ſ", "K", "٣", "eleven", "tens", "one-off", ".", "“",
                                  "forty-two", "_two", "two_", "ſix", "FİVE", "ten", "élan", "’s", "\u2009"]), max_size=14)
SEPARATORS = st.sampled_from(["", " ", "  ", "\u00a0", "\t"])


@SETTINGS
@given(st.lists(st.tuples(WORDS.map(" ".join), SEPARATORS), max_size=4).map(lambda p: "".join(a + b for a, b in p)))
@example("Some 1,200 troops and two squadrons; x12 units, a5 jets")
@example("forty-two jets")
@example("ſix jets, FİVE jets and \u0663 jets")
def test_quantities_are_the_case_insensitive_matches(text) -> None:
    assert quantities(text) == {(a.lower(), b.lower()) for a, b in _QUANTITY.findall(text)}


_IN_AT_THE = re.compile(r"\b(?:in|at)\s+(the\s+)?")


@SETTINGS
@given(st.lists(st.sampled_from(["in", "at", "the", "In", "within", "that", "x", "_", "é", "İn", "-", "“", "in_", "thein"]),
                max_size=12).flatmap(lambda words: st.lists(st.sampled_from(["", " ", "  ", "\u00a0", "\t", "\n"]),
                                                            min_size=len(words), max_size=len(words))
                                     .map(lambda seps: "".join(w + s for w, s in zip(words, seps)))))
@example("within the walls, sat in  the hall at\u00a0the door in")
def test_in_at_is_the_regex(text) -> None:
    assert in_at(text) == [(m.start(), (m.end(), m.start(1)) if m.start(1) >= 0 else (m.end(),))
                           for m in _IN_AT_THE.finditer(text)]


_IN_AT = re.compile(r"\b(?:in|at)\s+")
_THE = re.compile(r"the\s+")


def _reference_placed(text: str, forms: Mapping[str, Sequence[str]]) -> Iterator[tuple[int, str]]:
    """disagreements._placed as it was: a search for "in"/"at" from where the last match ended."""
    pos = 0
    while (found := _IN_AT.search(text, pos)) is not None:
        after = found.end()
        the = _THE.match(text, after)
        for at in ((the.end(), after) if the else (after,)):
            form = next((f for f in forms.get(text[at : at + 1], ()) if text.startswith(f, at)
                         and _boundary(text, at + len(f))), None)
            if form is not None:
                yield found.start(), form
                pos = at + len(form)
                break
        else:
            pos = found.start() + 1


PLACES = ["Kazan", "Ka", "New York", "York", "in", "the", "at", "Moscow", "in Kazan"]
PLACE_TEXT = st.lists(st.sampled_from(PLACES + ["summit", "held", "in", "at", "the", "in the", "x", "."]), max_size=16)


@SETTINGS
@given(PLACE_TEXT, st.sampled_from([" ", "  ", ""]), st.frozensets(st.sampled_from(PLACES), min_size=1))
def test_placed_is_the_search_from_each_match(words, separator, chosen) -> None:
    text = separator.join(words)
    forms: dict[str, list[str]] = defaultdict(list)
    for form in sorted(chosen, key=len, reverse=True):
        forms[form[0]].append(form)
    assert list(_placed(Unit("a", 0, text, frozenset()), forms)) == list(_reference_placed(text, forms))


@SETTINGS
@given(st.one_of(st.text(max_size=80), st.lists(st.sampled_from(["a", "B", "-", "--", " ", "_", "0", "İ", "K", "ſ", "\x1c", "x-y"]),
                                                 max_size=20).map("".join)))
def test_tokens_are_the_regex_tokens(text) -> None:
    assert tokens(text) == _TOKEN.findall(text.lower())


@SETTINGS
@given(st.lists(st.sampled_from(["ab", "Cd", "x", " ", "  ", "\u00a0", "\t", "-", "é", "Z", "q9"]), max_size=12).map("".join))
def test_without_trailing_words_is_the_regex(text) -> None:
    assert _without_trailing_words(text) == re.sub(r"(?:\s+[a-z]+){0,2}$", "", text)


STEMS_AND_WORDS = st.one_of(
    st.sampled_from(["talk", "meet", "summit", "defenc", "minist", "govern", "troop", "xqzv", "deliver", "expedit",
                     "nation", "agreement", "plan", "fighter", "jet", "a", "be", "runn", "s-400", "1980", "f-16"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=9).filter(lambda w: w.strip("-")),
)


@SETTINGS
@given(STEMS_AND_WORDS)
def test_rarity_is_the_commonest_form(stem) -> None:
    """``rarity`` looks only at the forms in the word list: the same as taking every form's Zipf."""
    forms = [stem, *(stem + suffix for suffix in _SUFFIXES)] if stem.isalpha() else [stem]
    zipf = max(english.zipf(form) for form in forms)
    expected = wording.MAX_RARITY if zipf <= 0 else min(wording.MAX_RARITY, max(0.1, (wording.COMMON_ZIPF - zipf) * math.log(10)))
    assert rarity.__wrapped__(stem) == expected


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 2), PLACE_TEXT, st.sampled_from([" ", "  ", ""])), max_size=12),
       st.frozensets(st.sampled_from(PLACES), min_size=1))
def test_places_are_looked_for_in_every_sentence_that_has_one(rows, chosen) -> None:
    """``disagreements._may_place`` leaves out only sentences where ``_placed`` finds nothing."""
    forms: dict[str, list[str]] = defaultdict(list)
    for form in sorted(chosen, key=len, reverse=True):
        forms[form[0]].append(form)
    by_article: dict[str, list[Unit]] = defaultdict(list)
    for n, (article, words, separator) in enumerate(rows):
        by_article[f"a{article}"].append(Unit(f"a{article}", n, separator.join(words), frozenset()))
    articles = [Statements(slug, found, Numbered.of([u.stems for u in found]), [], numbers_of([]))
                for slug, found in by_article.items()]
    kept = list(_may_place(articles, forms))
    assert [u for a in articles for u in a.units if _placed(u, forms)] == [u for u in kept if _placed(u, forms)]
    assert len({id(u) for u in kept}) == len(kept)


@SETTINGS
@given(st.one_of(st.text(max_size=80), st.lists(st.sampled_from(["a", "B", "-", "--", " ", "_", "0", "İ", "K", "ſ", "\x1c", "x-y",
                                                                 "Said", "TALKS", "-ab-", "ab's", "É"]), max_size=20).map("".join)))
def test_content_stems_are_the_stems_of_the_tokens(text) -> None:
    assert wording.content_stems(text) == {wording.stem(t) for t in _TOKEN.findall(text.lower())
                                           if t not in wording.STOP_WORDS and len(t) >= 2}


@SETTINGS
@given(st.one_of(st.text(max_size=60),
                 st.lists(st.tuples(WORDS.map(" ".join), SEPARATORS), max_size=4).map(lambda p: "".join(a + b for a, b in p))))
@example("forty-two jets")
@example("“Two jets")
def test_a_sentence_that_cannot_count_gives_no_quantity(text) -> None:
    """``stems_and_countable``: the stems of ``content_stems``, and False only for a sentence
    (also once balanced with a quotation mark) in which the pattern finds nothing."""
    stems, countable = wording.stems_and_countable(text)
    assert stems == wording.content_stems(text)
    if not countable:
        for balanced_text in (text, balanced(text), "“" + text, text + "”"):
            assert not _QUANTITY.findall(balanced_text)
    assert Unit("a", 0, text, stems, countable).quantities == quantities(text)
