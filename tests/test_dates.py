"""Date resolution against the article date (2024-12-10 is a Tuesday)."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import dates
from generator.dates import find_dates, resolve_dates
from generator.sentences import split_paragraphs

TUESDAY = dt.date(2024, 12, 10)


def dates_in(sentence, today=TUESDAY):
    return [iso for _, iso, _ in find_dates(sentence, today)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The frigate was commissioned on Monday.", ["2024-12-09"]),
        ("Singh on Tuesday pressed Russia.", ["2024-12-10"]),
        ("India on Wednesday successfully test-fired the missile.", ["2024-12-04"]),
        ("On Thursday, the team lost.", ["2024-12-05"]),
        ("The vote will take place on Friday.", ["2024-12-13"]),
        ("Talks resume next Monday.", ["2024-12-16"]),
        ("He arrived last Tuesday.", ["2024-12-03"]),
        ("Shares fell today.", ["2024-12-10"]),
        ("The company said yesterday it would cut jobs.", ["2024-12-09"]),
        ("They met in July in Moscow and in October in Kazan.", ["2024-07", "2024-10"]),
        ("The summit will be held in March.", ["2025-03"]),
        ("He arrived in Moscow on September 2.", ["2024-09-02"]),
        ("The parade on June 24 2020 was his first.", ["2020-06-24"]),
        ("It happened on 24 June 2020.", ["2020-06-24"]),
        ("The meeting took place on December 10, 2024, in Moscow.", ["2024-12-10"]),
        ("The exhibition will be held in February 2021.", ["2021-02"]),
        ("Putin will visit India next year.", ["2025"]),
        ("Profits fell last year.", ["2023"]),
        ("The deal collapsed in 2021.", ["2021"]),
        ("The meeting is expected towards the end of 2020.", ["2020"]),
        ("Inflation slowed last month.", ["2024-11"]),
        ("He spoke by phone with his counterpart in May last year.", ["2023-05"]),
        ("The plant opens in March next year.", ["2025-03"]),
        ("Output fell in early February this year.", ["2024-02"]),
    ],
)
def test_resolves(sentence, expected):
    assert dates_in(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The agreement for 2021-31 will give impetus to the programme.",
        "He attended the 75th Anniversary of Victory Day.",
        "Singh co-chaired the 21st session of the commission.",
        "The exercises run over the next two days.",
        "Sales rose last week.",
        "The company may cut 2,000 jobs.",
        "Revenue was $2021 million.",
    ],
)
def test_no_false_dates(sentence):
    assert dates_in(sentence) == []


def test_month_day_far_in_the_future_is_last_year():
    # A March 2020 article recalling "November 3" means November 2019.
    assert dates_in("The election on November 3 was close.", dt.date(2020, 3, 1)) == ["2019-11-03"]
    assert dates_in("The election on November 3 will be close.", dt.date(2020, 3, 1)) == ["2020-11-03"]


def test_events_carry_sentence_paragraph_and_expression():
    paragraphs = ("Officials met on Monday. Nothing else.", "A second meeting followed in July.")
    events = resolve_dates(split_paragraphs(paragraphs), TUESDAY)
    assert [(e.date, e.paragraph, e.expression, e.text) for e in events] == [
        ("2024-12-09", 0, "on Monday", "Officials met on Monday."),
        ("2024-07", 1, "in July", "A second meeting followed in July."),
    ]


def test_us_style_copy():
    # An AP-style sports story from another decade.
    today = dt.date(1998, 6, 15)  # a Monday
    assert dates_in("The Bulls won the title Sunday night in Salt Lake City.", today) == ["1998-06-14"]
    assert dates_in("Jordan, who retired in 1993, returned in March 1995.", today) == ["1993", "1995-03"]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # A past verb next to the weekday wins over a future word elsewhere in the sentence.
        ("Singh on Sunday announced that India would acquire 12 jets.", ["2023-09-24"]),
        ("The ministry said on Sunday that talks will resume.", ["2023-09-24"]),
        ("The ministry announced Sunday that it would buy jets.", ["2023-09-24"]),
        # Clearly future: "will ... on Sunday".
        ("The minister will travel to Moscow on Sunday.", ["2023-10-01"]),
        ("On Sunday, leaders will meet in Delhi.", ["2023-10-01"]),
        ("The talks are scheduled on Sunday and will last two days.", ["2023-10-01"]),
        # The article's own weekday is that day.
        ("Officials met on Monday and will meet again.", ["2023-09-25"]),
    ],
)
def test_weekday_before_the_article_date_is_the_last_one(sentence, expected):
    assert dates_in(sentence, dt.date(2023, 9, 25)) == expected  # a Monday


def test_a_month_someone_expects_is_ahead():
    march = dt.date(2025, 3, 19)
    assert dates_in("Economists now expect the Fed to cut in June.", march) == ["2025-06"]
    assert dates_in("The bank forecasts a recovery in July.", march) == ["2025-07"]
    assert dates_in("The Fed cut rates in June, officials said.", march) == ["2024-06"]
    assert dates_in("The cut in June was expected.", march) == ["2024-06"]


def test_a_month_or_two_ahead_is_the_coming_one():
    assert dates_in("The matter was listed for hearing in February.", dt.date(2025, 1, 15)) == ["2025-02"]
    assert dates_in("The talks are in January.", dt.date(2024, 12, 10)) == ["2025-01"]
    assert dates_in("Exports rose in September.", dt.date(2025, 1, 15)) == ["2024-09"]
    assert dates_in("Prices have risen since February.", dt.date(2025, 1, 15)) == ["2024-02"]


def test_a_weekday_next_to_its_date_is_not_a_second_date():
    assert dates_in("The ODI series begins in Nagpur on Thursday, February 6.", dt.date(2025, 2, 3)) == ["2025-02-06"]
    assert dates_in("The court had on December 12 last year restrained all courts.", dt.date(2025, 1, 15)) == ["2024-12-12"]


def _without_first_lookahead(pattern: str) -> str:
    """A pattern's plain spelling: the look-ahead right after its leading ``\\b`` taken out."""
    assert pattern.startswith(r"\b(?=")
    depth, i = 0, 2
    while True:
        if pattern[i] == "\\":
            i += 2
            continue
        if pattern[i] == "[":
            i = pattern.index("]", i + 1) + 1
            continue
        depth += {"(": 1, ")": -1}.get(pattern[i], 0)
        i += 1
        if depth == 0:
            return r"\b" + pattern[i:]


_DATE_PIECES = st.sampled_from([
    "on", "On", "ON", "by", "since", "until", "till", "from", "before", "after", "in", "during", "early", "late",
    "mid-", "mid", "end of", "beginning of", "start of", "the end of", "of", "last", "next", "this", "previous",
    "following", "coming", "year", "Year", "month", "today", "Today", "yesterday", "tomorrow", "tonight",
    "May", "Dec.", "December", "Sept", "June", "Monday", "Friday's", "2", "24", "24th", "1st", "2020", "1999",
    "2021-31", "2021-22", "5%", "per", "million", "-3", "–4", " ", "  ", ",", ".", "'s", "ſince", "\u212a", "ı",
    "will", "expected to", "plans to", "hopes to", "x", "\u0665",
])
_DATE_TEXTS = st.lists(st.one_of(_DATE_PIECES, st.text(max_size=2)), max_size=25).map(
    lambda parts: "".join(p + (" " if i % 4 else "") for i, p in enumerate(parts))
)


@settings(max_examples=500, deadline=None)
@given(_DATE_TEXTS)
def test_the_look_aheads_change_no_match(text: str) -> None:
    """Each pattern's look-ahead for how its matches can begin only saves time."""
    for kind, pattern in dates._PATTERNS:
        plain = re.compile(_without_first_lookahead(pattern.pattern), pattern.flags)
        assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ], kind
    plain_future = re.compile(_without_first_lookahead(dates._FUTURE.pattern), dates._FUTURE.flags)
    assert bool(dates._FUTURE.search(text)) == bool(plain_future.search(text))


_PLAIN_CUES = re.compile(
    rf"(?=[JFMASONDTWYtym12])\b(?:(?P<month>{dates._MONTH}\b)"
    r"|(?P<weekday>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)|(?P<year>1[89]\d\d|20\d\d)"
    r"|(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|year|month|YEAR|MONTH|TODAY))"
)
"""The cue pattern written plainly (before its alternatives were grouped by first character; with the
initial of "Wednesday", which that version lacked)."""
_CUE_PIECES = st.sampled_from([
    "May", "Mayor", "Junes", "JUNE", "Sep", "Sept.", "September", "Septembers", "Monday's", "Wednesday", "2024",
    "19999", "x2020", "2020-21", "Today", "tODAY", "years", "month", "MONTH", "yesterday", "Yesterdays", "mid",
    "-", " ", "\n", "_", "é", "1", "2", "0", "\u0665", "ſ",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(st.one_of(_CUE_PIECES, st.text(max_size=2)), max_size=10).map("".join), max_size=5))
def test_cues_are_the_plain_patterns_cues_and_one_search_finds_each_sentences(texts: list[str]) -> None:
    for text in texts:
        plain = {m.lastgroup for m in _PLAIN_CUES.finditer(text)}
        assert dates._cues(text) == plain | ({"digit"} if "month" in plain and re.search(r"\d", text) else set())
    assert dates._cues_of(texts) == [dates._cues(text) for text in texts]


@settings(max_examples=500, deadline=None)
@given(_DATE_TEXTS)
def test_a_pattern_finds_nothing_without_the_cues_it_needs(text: str) -> None:
    cues = dates._cues(text)
    for kind, needs, pattern in dates._SEARCHES:
        if needs[0] in cues and not cues.issuperset(needs):
            assert not pattern.search(text), kind
