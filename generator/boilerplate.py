"""Paragraphs that are not the article: bylines, credits, captions, links, notices.

Pages copied from news sites carry lines around the story: "By Staff
Reporter", "(Reporting by ...; Editing by ...)", "Photo: ...", "Also Read:
...", "(With inputs from PTI)", a syndication notice. Read as prose they
become the dateline's paragraph, the summary, people (the reporter) and
organisations (the agency). Only a whole, short paragraph of one of these
forms is dropped: a sentence of the story that merely starts with "By" is not.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w.'’-]*"
_BYLINE = re.compile(
    rf"(?:(?i:written|reported|edited)\s+)?(?i:by):?\s+{_NAME}(?:(?:\s+|\s*,\s*|\s+and\s+|\s*&\s*|\s+in\s+){_NAME}){{0,7}}\.?",
)
_CREDIT = re.compile(
    r"[(\[]?\s*(?:with\s+inputs?\s+from|inputs?\s+from|(?:additional\s+)?reporting\s+by|writing\s+by|"
    r"edit(?:ed|ing)\s+by|compiled\s+by|translated\s+by|source:|courtesy:)\s.*",
    re.IGNORECASE,
)
_NOTICE = re.compile(
    r"[(\[]?\s*(?:except\s+for\s+the\s+headline|this\s+(?:story|article|report)\s+(?:has|was)\s+not\s+been\s+edited|"
    r"this\s+is\s+an?\s+(?:auto-generated|syndicated)|disclaimer\s*:).*",
    re.IGNORECASE,
)
_STAMP = re.compile(r"(?:(?:first\s+)?published|(?:last\s+)?updated|posted)\b\s*(?:on|at)?\s*:?[^.!?]*\d[^.!?]*", re.IGNORECASE)
""""Published on: 10 Dec 2024, 11:40 AM IST": a time stamp (short, with a number, no sentence)."""
_LINK = re.compile(
    r"(?:also\s+read|read\s+also|read\s+more|read\s+next|must\s+read|recommended|related|see\s+also|also\s+see|"
    r"watch|also\s+watch|click\s+here|follow\s+us|subscribe|download\s+the)\b\s*[:|\-–—].*",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"[(\[]?\s*(?:file\s+)?(?:photo|image|picture|photograph|representational\s+image|video)s?"
    r"(?:\s+(?:credit|courtesy|for\s+representation))?\s*[:|\-–—].*",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"[(\[]?\s*(?i:by|written|reported|edited|first|published|last|updated|posted|with|inputs?|additional|reporting"
    r"|writing|edit|compiled|translated|source|courtesy|except|this|disclaimer|also|read|must|recommended|related"
    r"|see|watch|click|follow|subscribe|download|file|photo|image|picture|representational|video)"
)
"""How each of the forms above can begin (its possible first words, after an optional bracket): a
paragraph that begins otherwise, as nearly all do, is none of them and is passed over at once."""
_MAX_WORDS = 40
"""A longer paragraph is prose, whatever its first words."""


def is_boilerplate(paragraph: str) -> bool:
    """A whole paragraph that is a byline, a credit, a caption, a link or a site's notice."""
    text = paragraph.strip()
    if not _OPENING.match(text) or len(text.split()) > _MAX_WORDS:
        return False
    if _BYLINE.fullmatch(text) and len(text.split()) <= 10:
        return True
    if _STAMP.fullmatch(text) and len(text.split()) <= 12:
        return True
    return any(p.fullmatch(text) for p in (_CREDIT, _NOTICE, _LINK, _CAPTION))
