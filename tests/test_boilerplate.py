"""Bylines, credits, captions and links are not the story (generator.boilerplate)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import boilerplate
from generator.analyse import analyse
from generator.boilerplate import is_boilerplate
from generator.knowledge import load_knowledge
from generator.models import Article


@pytest.mark.parametrize("paragraph", [
    "By Staff Reporter",
    "BY PTI",
    "Written by Jane Doe and John Smith",
    "(Reporting by Howard Schneider; Editing by Andrea Ricci)",
    "(With inputs from PTI)",
    "Also Read: ECB's Schnabel says rate cuts may need to pause",
    "ALSO READ | India, Russia sign pact",
    "Read more: Honda, Nissan call off merger talks",
    "Photo: ECB President Christine Lagarde speaks in Frankfurt, March 6, 2025. REUTERS/Jana Rodenbusch",
    "(Photo: PTI)",
    "(Except for the headline, this story has not been edited by NDTV staff and is published from a syndicated feed.)",
    "Published On: 10 Dec 2024, 11:40 AM IST",
])
def test_boilerplate(paragraph: str) -> None:
    assert is_boilerplate(paragraph)


@pytest.mark.parametrize("paragraph", [
    "By Tuesday, the troops had withdrawn from the border.",
    "By 2028 the plant would employ 5,000 people.",
    "Published on Monday, the report said defence spending rose 12 per cent.",
    "Updated figures show exports rose 5% in 2024, the ministry said.",
    "Watch the skies, the minister told pilots.",
    "Related talks are expected next week.",
    "The photo: a reminder of the past, he said.",
    "Photo: " + "the minister and his delegation " * 10,  # too long to be a caption
])
def test_story_paragraphs_are_kept(paragraph: str) -> None:
    assert not is_boilerplate(paragraph)


def test_dateline_below_a_byline_and_no_reporter_among_the_people() -> None:
    text = ("By Staff Reporter\n\nFRANKFURT: The European Central Bank cut its deposit rate to 2.5% on Thursday, "
            "as President Christine Lagarde warned of tariffs.\n\nLagarde said the bank was data-dependent.\n\n"
            "(Reporting by Howard Schneider; Editing by Andrea Ricci)\n\nPhoto: Lagarde in Frankfurt. REUTERS/Jana Rodenbusch")
    article = Article(source="a.txt", date=dt.date(2025, 3, 20), paragraphs=tuple(text.split("\n\n")),
                      content_hash="0" * 64)
    analysis = analyse(article, load_knowledge())
    assert analysis.dateline == "FRANKFURT"
    assert analysis.headline.startswith("European Central Bank cuts its deposit rate")
    assert analysis.paragraphs[0].startswith("The European Central Bank")
    assert len(analysis.paragraphs) == 2
    people = {use.name for use in analysis.uses if use.type == "person"}
    assert people == {"Christine Lagarde"}
    assert not {use.name for use in analysis.uses} & {"REUTERS", "Reuters", "FRANKFURT"}


def _every_form(paragraph: str) -> bool:
    """:func:`is_boilerplate` without its quick look at the first words: every form tried."""
    text = paragraph.strip()
    if not text or len(text.split()) > boilerplate._MAX_WORDS:
        return False
    if boilerplate._BYLINE.fullmatch(text) and len(text.split()) <= 10:
        return True
    if boilerplate._STAMP.fullmatch(text) and len(text.split()) <= 12:
        return True
    forms = (boilerplate._CREDIT, boilerplate._NOTICE, boilerplate._LINK, boilerplate._CAPTION)
    return any(p.fullmatch(text) for p in forms)


_OPENINGS = [
    "By", "Written by", "reported BY", "Edited by", "First published", "Published on:", "last updated", "Updated:",
    "Posted at", "(With inputs from", "[Inputs from", "input from", "(Additional reporting by", "Reporting by",
    "Writing by", "Editing by", "edited by", "Compiled by", "Translated by", "Source:", "Courtesy:", "(Except for the headline,",
    "This story has not been edited", "This is an auto-generated", "Disclaimer :", "Also Read:", "Read also |",
    "READ MORE -", "Read next:", "Must read:", "Recommended:", "Related:", "See also:", "Also see —", "Watch:",
    "Also watch |", "Click here:", "Follow us:", "Subscribe:", "Download the app:", "File photo:", "(Photo:", "[Image:",
    "Pictures:", "Photograph credit:", "Representational image:", "Video courtesy:", "Photos for representation -",
    "The", "Bypass", "In", "Sources", "Thisis", "ſource:", "\u212aeep", " (", "",
]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(_OPENINGS),
    st.lists(st.sampled_from(["Jane", "Doe", "PTI", "and", "&", ",", ";", "10 Dec 2024", "11:40", ".", "the", "x" * 5]),
             max_size=45).map(" ".join),
    st.sampled_from(["", " ", ")", "."]),
)
def test_the_quick_look_at_the_first_words_changes_no_answer(opening: str, rest: str, end: str) -> None:
    paragraph = f"{opening} {rest}{end}"
    assert is_boilerplate(paragraph) == _every_form(paragraph)
