"""Dates stated or implied by an article, resolved against its publication date.

Explicit dates ("June 24 2020", "24 June 2020", "December 10, 2024"), partial
ones ("on September 2", "in July", "February 2021", "in 2021", "end of
2020", "in May last year") and relative ones ("on Monday", "yesterday", "next year") become a
:class:`DatedEvent` with an ISO date at the precision the text gives:
``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``. Vague spans ("last week", "over the
next two days") have no such form and are skipped. A missing year or a bare
weekday is taken to be in the past unless the sentence speaks of the future.
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_right
from itertools import accumulate
from functools import lru_cache
from typing import Iterable

from .models import DatedEvent
from .sentences import Sentence

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_END = r"(?![\w-]*\d)(?!-\d)"
"""A year followed by ``-31`` (``2021-31``) or more digits is a range or a code."""

_PREPOSITION = r"(?i:on|by|since|until|till|from|before|after)"
_MONTH_INITIAL = "[JFMASOND]"
# Each pattern starts with a look-ahead for the characters its matches can begin with (the initials
# of its first words; lower-case ones under (?i:...), so the same characters match as in the words
# themselves): at any other word boundary re gives up at once instead of trying every alternative.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mdy", re.compile(rf"\b(?=(?i:[obsutfa])|{_MONTH_INITIAL})(?:{_PREPOSITION}\s+)?(?P<month>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}\b{_END}")),
    ("dmy", re.compile(rf"\b(?=(?i:[obsutfa])|\d)(?:{_PREPOSITION}\s+)?{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b{_END}")),
    ("md", re.compile(rf"\b(?=(?i:[obsutfa])|{_MONTH_INITIAL})(?:{_PREPOSITION}\s+)?(?P<month>{_MONTH})\.?\s+{_DAY}\b(?!\s*(?:%|per|million|billion|[-–]\d))")),
    ("dm", re.compile(rf"\b(?=(?i:[obsutfa])|\d)(?:{_PREPOSITION}\s+)?{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\b")),
    ("m_rel", re.compile(rf"\b(?=(?i:[isutbdfelm])|{_MONTH_INITIAL})(?:(?i:in|since|until|till|by|during|from|early|late|mid-?|end of|beginning of)\s+)?"
                        rf"(?:early\s+|late\s+|mid-?)?(?P<month>{_MONTH})\s+(?P<rel>(?i:last|next|this|previous))\s+(?i:year)\b")),
    ("my", re.compile(rf"\b(?={_MONTH_INITIAL})(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?{_YEAR}\b{_END}")),
    ("m", re.compile(rf"\b(?=(?i:[isutbdflnem]))(?P<rel>(?i:in|since|until|till|by|during|from|last|next|this|early|late|mid-?|end of|beginning of))\s+(?:early\s+|late\s+|mid-?)?(?P<month>{_MONTH})\b(?!\s*\d)")),
    ("y", re.compile(rf"\b(?=(?i:[isutbdfelm]))(?i:in|since|until|till|by|during|from|early|late|mid-?|end of|beginning of|start of|the end of)\s+(?:early\s+|late\s+|mid-?)?{_YEAR}\b{_END}")),
    ("wd", re.compile(r"\b(?=(?i:[lntosbufe])|\s|[MTWFS])(?P<rel>(?i:last|next|this|on|since|by|until|from|early|late))?\s*(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?:'s)?")),
    ("rel_day", re.compile(r"\b(?=[ty])(?P<word>today|yesterday|tomorrow|tonight)\b", re.IGNORECASE)),
    ("rel_year", re.compile(r"\b(?=[lntpfc])(?P<rel>last|next|this|previous|following|coming)\s+(?P<unit>year|month)\b", re.IGNORECASE)),
)

_FUTURE = re.compile(
    r"\b(?=[wstiaepdufnch])(?:will|shall|would|to be held|is to|are to|scheduled|expected to|plans? to|planned|"
    r"due to|set to|upcoming|forthcoming|next|coming|expects?|forecasts?|predicts?|(?:aims?|intends?|hopes?) to)\b",
    re.IGNORECASE,
)
_MONTH_GAP_PAST = 2
"""A month-day without a year more than this many months ahead is read as last year's."""


def _month(word: str) -> int:
    return _MONTHS[word[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _is_future(sentence: str) -> bool:
    return bool(_FUTURE.search(sentence))


_PAST_VERB = re.compile(
    r"(?!(?:scheduled|expected|planned|slated|timed)\b)[a-z]{3,}ed"
    r"|(?:said|met|held|told|made|took|gave|won|lost|led|left|sent|began|brought|spoke|wrote|rose|fell|came"
    r"|went|saw|struck|hit|paid|kept|found|got|became|was|were|had|did|unveiled|signed|announced)"
)
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
_WORD_BEFORE = re.compile(r"\b([a-z]+)\s*$")


def _weekday_is_past_verb(sentence: str, m: re.Match[str]) -> bool:
    """A past-tense verb right next to the weekday: "on Sunday announced", "said on Sunday"."""
    after = _WORD_AFTER.match(sentence, m.end())
    if after and _PAST_VERB.fullmatch(after.group(1)):
        return True
    before = _WORD_BEFORE.search(sentence, max(0, m.start() - 40), m.start())
    return bool(before and _PAST_VERB.fullmatch(before.group(1)))


def _resolve(kind: str, m: re.Match[str], sentence: str, today: _dt.date) -> str | None:
    g = m.groupdict()
    if kind in ("mdy", "dmy"):
        d = _safe_date(int(g["year"]), _month(g["month"]), int(g["day"]))
        return d.isoformat() if d else None
    if kind in ("md", "dm"):
        month, day = _month(g["month"]), int(g["day"])
        d = _safe_date(today.year, month, day)
        if d is None:
            return None
        months_ahead = (d.year - today.year) * 12 + d.month - today.month
        if d > today and months_ahead > _MONTH_GAP_PAST and not _is_future(sentence):
            d = _safe_date(today.year - 1, month, day)
        elif d < today and (today - d).days > 300 and _is_future(sentence):
            d = _safe_date(today.year + 1, month, day)
        return d.isoformat() if d else None
    if kind == "m_rel":  # "in May last year": a month of the year before (or after) the article's
        step = {"last": -1, "previous": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return f"{today.year + step:04d}-{_month(g['month']):02d}"
    if kind == "my":
        return f"{int(g['year']):04d}-{_month(g['month']):02d}"
    if kind == "m":
        month = _month(g["month"])
        rel = g["rel"].lower()
        year = today.year
        if rel == "next":
            year += month <= today.month
        elif rel == "last":
            year -= month >= today.month
        elif rel != "this":
            ahead = (month - today.month) % 12  # a month or two ahead is this one coming, as for month-days
            if rel != "since" and (_is_future(sentence) or 0 < ahead <= _MONTH_GAP_PAST):
                year += month < today.month
            else:
                year -= month > today.month
        return f"{year:04d}-{month:02d}"
    if kind == "y":
        return f"{int(g['year']):04d}"
    if kind == "wd":
        target = _WEEKDAYS.index(g["weekday"].lower())
        rel = (g["rel"] or "").lower()
        back = (today.weekday() - target) % 7
        future = rel != "last" and back != 0 and _is_future(sentence) and not _weekday_is_past_verb(sentence, m)
        if rel == "next" or future:
            return (today + _dt.timedelta(days=(target - today.weekday()) % 7 or 7)).isoformat()
        if rel == "last" and back == 0:
            back = 7
        return (today - _dt.timedelta(days=back)).isoformat()
    if kind == "rel_day":
        shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[g["word"].lower()]
        return (today + _dt.timedelta(days=shift)).isoformat()
    if kind == "rel_year":
        rel = g["rel"].lower()
        step = -1 if rel in ("last", "previous") else 0 if rel == "this" else 1
        if g["unit"].lower() == "year":
            return f"{today.year + step:04d}"
        month_index = today.year * 12 + today.month - 1 + step
        return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}"
    return None


_CUE_INITIALS = "JFMASONDTWYtym12"
"""The characters a cue can begin with (the initials of the words below)."""
_CUE_WORDS = (
    ("month", r"{}\b", "Jan January Feb February Mar March Apr April May Jun June Jul July Aug August "
                       "Sep Sept September Oct October Nov November Dec December"),
    ("weekday", r"{}\b", "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    ("year", "{}", r"1[89]\d\d 20\d\d"),
    ("rel", "{}", "Today today Yesterday yesterday Tomorrow tomorrow Tonight tonight year month YEAR MONTH TODAY"),
)
"""The cheap cues (:data:`_NEEDS`): the month and weekday names (whole words), a year, the words of
relative dates; each begins at a word boundary."""


def _cue_pattern() -> re.Pattern[str]:
    """:data:`_CUE_WORDS` as one pattern whose alternatives are grouped by their first character, each
    group opening with that character as a literal: re then skips at once to the characters that can
    begin a cue instead of trying the pattern at every position. A word boundary before the cue is
    written after its first (word) character: ``c(?<!\\w\\w)``, "the character before ``c`` is not a
    word character". Only the group's name is read (``kind_c``), and at most one kind can match where
    a cue begins (no cue is the start of a cue of another kind), so the order of the alternatives
    does not matter."""
    groups: dict[str, list[str]] = {}
    for kind, form, words in _CUE_WORDS:
        for word in words.split():
            if word[0] in _CUE_INITIALS:
                groups.setdefault(word[0], []).append((kind, form.format(word[1:])))
    alternatives = []
    for first, rests in groups.items():
        by_kind: dict[str, list[str]] = {}
        for kind, rest in rests:
            by_kind.setdefault(kind, []).append(rest)
        inner = "|".join(f"(?P<{kind}_{ord(first)}>{'|'.join(words)})" for kind, words in by_kind.items())
        alternatives.append(rf"{re.escape(first)}(?<!\w\w)(?:{inner})")
    return re.compile("|".join(alternatives))


_CUES = _cue_pattern()
_CUE_KIND = {name: name.split("_")[0] for name in _CUES.groupindex}
_NEEDS = {
    "mdy": ("month", "year"), "dmy": ("month", "year"), "md": ("month", "digit"), "dm": ("month", "digit"),
    "m_rel": ("month",), "my": ("month", "year"), "m": ("month",),
    "y": ("year",), "wd": ("weekday",), "rel_day": ("rel",), "rel_year": ("rel",),
}
"""The cues a pattern needs: a sentence without them is not searched with it. A pattern runs when
its first cue is found; the others are what every match of it contains (a year after white space,
where the cue pattern finds it too; a digit), so they only spare searches that could find nothing."""
_SEARCHES = tuple((kind, _NEEDS[kind], pattern) for kind, pattern in _PATTERNS)
_DIGIT = re.compile(r"\d")


def _cues(sentence: str) -> set[str]:
    """The cues of one sentence: the kinds of :data:`_CUES` it has, and ``digit``."""
    cues = {_CUE_KIND[m.lastgroup] for m in _CUES.finditer(sentence)}  # type: ignore[index]
    if "month" in cues and _DIGIT.search(sentence):
        cues.add("digit")
    return cues


def _cues_of(texts: list[str]) -> list[set[str]]:
    """:func:`_cues` of many sentences with one search of them all, joined by line breaks (a cue is
    made of word characters and a line break is none: no cue spans two sentences, and each begins
    where it would in its sentence alone)."""
    found: list[set[str]] = [set() for _ in texts]
    starts = list(accumulate(map(_PLUS_ONE, map(len, texts)), initial=0))
    for m in _CUES.finditer("\n".join(texts)):
        found[bisect_right(starts, m.start()) - 1].add(_CUE_KIND[m.lastgroup])  # type: ignore[index]
    for text, cues in zip(texts, found):
        if "month" in cues and _DIGIT.search(text):
            cues.add("digit")
    return found


_PLUS_ONE = (1).__add__


def _matches(sentence: str, cues: set[str] | None = None) -> tuple[tuple[str, re.Match[str]], ...]:
    """Every match of every pattern whose cues the sentence has, in pattern order.

    Not remembered by sentence: real news seldom repeats a sentence word for word
    (3% of sentences of 259 real articles did), so a cache only paid off on the
    template sentences of the synthetic benchmark corpus (41% repeats)."""
    cues = _cues(sentence) if cues is None else cues
    if not cues:
        return ()
    return tuple(
        (kind, m) for kind, needs, pattern in _SEARCHES if cues.issuperset(needs) for m in pattern.finditer(sentence)
    )


def find_dates(sentence: str, today: _dt.date) -> list[tuple[int, str, str]]:
    """``(offset, iso, expression)`` for each date expression in one sentence."""
    matches = _matches(sentence)
    return _dates(sentence, matches, today) if matches else []


def _dates(sentence: str, matches: tuple[tuple[str, re.Match[str]], ...], today: _dt.date) -> list[tuple[int, str, str]]:
    """:func:`find_dates` from the sentence's matches: overlaps dropped (earlier patterns win), resolved."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, str, str]] = []
    for kind, m in matches:
        start, end = m.span()
        if taken and any(start < e and s < end for s, e in taken):
            continue
        if kind == "wd" and any(0 <= s - end <= 2 or 0 <= start - e <= 2 for s, e in taken):
            continue  # "Thursday, February 6": the weekday of the date next to it
        if kind == "rel_year" and any(0 <= start - e <= 1 for _, e in taken):
            continue  # "on December 12 last year": the year of the date before it
        iso = _resolve(kind, m, sentence, today)
        if iso is None:
            continue
        taken.append((start, end))
        found.append((start, iso, m.group(0).strip()))
    found.sort()
    return found


def resolve_dates(sentences: Iterable[Sentence], article_date: _dt.date) -> tuple[DatedEvent, ...]:
    """Every dated expression in the sentences, in reading order, without repeats."""
    events: list[DatedEvent] = []
    seen: set[tuple[str, int, str]] = set()
    sentences = list(sentences)
    for sentence, cues in zip(sentences, _cues_of([s.text for s in sentences])):
        matches = _matches(sentence.text, cues) if cues else ()
        if not matches:
            continue
        for _, iso, expression in _dates(sentence.text, matches, article_date):
            key = (iso, sentence.paragraph, sentence.text)
            if key in seen:
                continue
            seen.add(key)
            events.append(
                DatedEvent(date=iso, text=sentence.text, paragraph=sentence.paragraph, expression=expression)
            )
    return tuple(events)
