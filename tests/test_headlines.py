"""Headlines from lead sentences, and site-wide uniqueness."""

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import headlines
from generator.headlines import MAX_LENGTH, make_headline, unique_headlines
from generator.models import Mention


def person(surface, name):
    return Mention("person", surface, name, 0)


@pytest.mark.parametrize(
    "lead, mentions, expected",
    [
        (
            "Defence Minister Rajnath Singh on Tuesday pressed Russia to expedite the supply of two remaining "
            "units of S-400 Triumf surface-to-air missile systems as he held wide-ranging talks with his "
            "Russian counterpart Andrey Belousov in Moscow.",
            [person("Defence Minister Rajnath Singh", "Rajnath Singh")],
            "Rajnath Singh presses Russia to expedite supply of two remaining units of S-400 Triumf",
        ),
        (
            "In Moscow, Rajnath Singh met Russian President Putin.",
            [person("Rajnath Singh", "Rajnath Singh")],
            "Rajnath Singh meets Russian President Putin in Moscow",
        ),
        (
            "Senate Majority Leader Chuck Schumer on Wednesday unveiled a bill to cap insulin prices, "
            "saying Republicans would face a choice.",
            [person("Senate Majority Leader Chuck Schumer", "Chuck Schumer")],
            "Chuck Schumer unveils bill to cap insulin prices",
        ),
        (
            "Apple Inc has agreed to pay $500 million to settle a lawsuit, the company said on Monday.",
            [],
            "Apple Inc agrees to pay $500 million to settle lawsuit",
        ),
        (
            "Meanwhile, Manchester United defeated Liverpool 2-1 on Sunday while Marcus Rashford scored twice.",
            [person("Marcus Rashford", "Marcus Rashford")],
            "Manchester United defeats Liverpool 2-1",
        ),
        (
            "Prime Minister Keir Starmer will visit Washington next week for talks on trade.",
            [person("Prime Minister Keir Starmer", "Keir Starmer")],
            "Keir Starmer to visit Washington next week for talks on trade",
        ),
        (
            "Citing rising costs, the central bank raised interest rates by half a percentage point.",
            [],
            "Central bank raises interest rates by half percentage point",
        ),
    ],
)
def test_lead_to_headline(lead, mentions, expected):
    assert make_headline((lead, "Second paragraph."), None, mentions, {}) == expected


def test_long_lead_is_cut_at_a_phrase_boundary():
    lead = (
        "The European Commission on Thursday approved a sweeping package of measures intended to shore up "
        "the bloc's battered steel industry against cheap imports from several Asian producers."
    )
    headline = make_headline((lead,), None, [], {})
    assert len(headline) <= MAX_LENGTH
    assert headline.startswith("European Commission approves sweeping package")
    assert not headline.split()[-1] in {"of", "to", "the", "a", "against", "from"}


def test_dateline_and_subheads_are_skipped():
    paragraphs = ("WASHINGTON (Reuters) - The U.S. Senate passed the budget bill late on Friday.",)
    assert make_headline(paragraphs, "WASHINGTON", [], {}) == "U.S. Senate passes budget bill"


def test_editor_title_wins():
    assert make_headline(("Anything at all happened.",), None, [], {"title": "  Editor's  choice "}) == "Editor's choice"


def test_unique_headlines():
    day = dt.date(2024, 12, 10)
    result = unique_headlines(
        {
            "b": ("Singh meets Putin", day, "Moscow"),
            "a": ("Singh meets Putin", day, "New Delhi, Dec 10"),
            "c": ("Markets rally", day, None),
            "d": ("Markets rally", dt.date(2024, 12, 11), None),
            "e": ("Other", day, None),
        }
    )
    assert result == {
        "a": "Singh meets Putin (New Delhi)",
        "b": "Singh meets Putin (Moscow)",
        "c": "Markets rally (2024-12-10)",
        "d": "Markets rally (2024-12-11)",
        "e": "Other",
    }
    assert len(set(result.values())) == len(result)


def test_unique_headlines_same_date_and_place():
    day = dt.date(2024, 1, 1)
    result = unique_headlines({"x": ("Storm hits", day, None), "y": ("Storm hits", day, None)})
    assert len(set(result.values())) == 2


def test_a_second_predicate_after_but_is_cut_and_a_percent_sign_kept():
    assert make_headline(
        ("The U.S. Federal Reserve held interest rates steady on Wednesday but signalled it still expects to cut "
         "borrowing costs twice this year, as Chair Jerome Powell warned that tariffs could push inflation higher.",),
        None, (), {},
    ) == "U.S. Federal Reserve holds interest rates steady"
    assert make_headline(
        ("The European Central Bank cut its deposit rate by a quarter point to 2.5% on Thursday, its sixth cut since "
         "June, as President Christine Lagarde said U.S. tariffs posed a major uncertainty for growth in the euro zone.",),
        None, (), {},
    ).endswith("to 2.5%")


# The time-word and clause-cut patterns are written for speed (the comma and spaces before a time
# expression read once and possessively; a look-ahead for where any cut can start): they must
# find exactly what their plain spellings find.
_W, _M = headlines._WEEKDAY, headlines._MONTH
_PLAIN_TIME_WORDS = re.compile(
    rf",?\s*\b(?:(?:late|early)\s+)?(?:(?:on|this|last|late|early|since)\s+)?{_W}(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|,?\s*\b(?:on\s+)?{_M}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    r"|,?\s*\b(?:recently|today|yesterday|tonight|tomorrow|earlier this (?:week|month|year)|this week|last week|last night"
    r"|this morning|on the sidelines)\b",
)
_PLAIN_SUBORDINATE = re.compile(headlines._SUBORDINATE.pattern.replace(r"(?=[,\s(])", "", 1))
_HEADLINE_PIECES = st.sampled_from([
    "on", "Monday", "late", "early", "this", "last", "since", "morning", "Dec.", "December", "10", "10th", "2024", ",",
    " ", "  ", "\t", "recently", "today", "earlier this week", "on the sidelines", "as he", "while", "who", "which",
    "saying", "but", "said", "warned", "(", ")", ";", ":", "—", "-", "x", "Minister", "1", "a", "The",
])
_HEADLINE_TEXTS = st.lists(st.one_of(_HEADLINE_PIECES, st.text(max_size=3)), max_size=30).map(
    lambda parts: "".join(p + (" " if i % 3 else "") for i, p in enumerate(parts))
)


@settings(max_examples=400, deadline=None)
@given(_HEADLINE_TEXTS)
def test_fast_time_words_and_cuts_find_what_the_plain_patterns_find(text: str) -> None:
    assert headlines._TIME_WORDS.sub("", text) == _PLAIN_TIME_WORDS.sub("", text)
    assert [m.span() for m in headlines._SUBORDINATE.finditer(text)] == [m.span() for m in _PLAIN_SUBORDINATE.finditer(text)]
