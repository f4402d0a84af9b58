"""Bylines, credits, captions and links are not the story (generator.boilerplate)."""

from __future__ import annotations

import datetime as dt

import pytest

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
    people = {m.name for m in analysis.mentions if m.type == "person"}
    assert people == {"Christine Lagarde"}
    assert not {m.name for m in analysis.mentions} & {"REUTERS", "Reuters", "FRANKFURT"}
