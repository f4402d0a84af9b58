"""The article page's text: section headings the article uses are shown as such, safely."""

from __future__ import annotations

import markdown
import pytest

from generator.entities import is_heading


@pytest.mark.parametrize("paragraph, heading", [
    ("Putin’s Visit To India", True),
    ("India-Russia Inter-Governmental Commission", True),
    ("Promoting Bilateral Defence Cooperation", True),
    ("Singh met Putin.", False),
    ("Read more", False),
    ("(With inputs from agencies)", False),
    ("The minister said the talks would continue next week in New Delhi and Moscow", False),
    ("“We Are Partners”", False),
])
def test_what_counts_as_a_section_heading(paragraph: str, heading: bool) -> None:
    assert is_heading(paragraph) is heading


def test_a_heading_made_of_markdown_stays_text() -> None:
    from generator import markup

    hostile = "Big *News* Here And There [Now](http://x) <script>alert(1)</script> Today Again"
    assert is_heading(hostile)
    html = markdown.markdown(f"**{markup.text(hostile)}**", extensions=["attr_list"])
    assert "<script>" not in html and "<a " not in html and html.count("<strong>") == 1 and "<em>" not in html
