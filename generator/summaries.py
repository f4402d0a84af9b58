"""Summaries: the one or two sentences that carry the news.

The lead sentence, plus the next one when it adds something (it does not
mostly repeat the lead or the headline) and both fit in :data:`MAX_LENGTH`
characters. A lead that is too long is cut at the last clause boundary
(comma, semicolon, dash, "as", "while"...) that fits, never mid-word.
Subheads (short lines without a full stop) are skipped.
"""

from __future__ import annotations

import re
from typing import Mapping, Sequence

from .sentences import split

MAX_LENGTH = 300
REPEAT_OVERLAP = 0.6
"""Share of a sentence's content words already said for it to count as a repeat."""

_STOP = frozenset(
    """a an the of in on at to for with from by and or but as is are was were be been has have had
    that this these those it its he she they his her their which who whom will would said says
    also its into about after before while than then there here not no""".split()
)
_CLAUSE = re.compile(r"(?:[,;:]\s|\s[—–-]\s|\s(?=(?:as|while|whereas|which|who|after|before|amid|because|but|and)\s))")

_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_AFTER_DATELINE = re.compile(r"^\s*(?:\([^)]{1,30}\))?\s*[:—–-]+\s*")


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _repeats(sentence: str, said: str) -> bool:
    words = _words(sentence)
    if not words:
        return True
    return len(words & _words(said)) / len(words) >= REPEAT_OVERLAP


def _is_prose(paragraph: str) -> bool:
    return paragraph.rstrip().endswith((".", "!", "?", '"', "”", "’", ")")) or len(paragraph.split()) >= 15


def _cut(sentence: str, limit: int) -> str:
    """Cut at the last clause boundary before ``limit``; a word boundary if there is none."""
    if len(sentence) <= limit:
        return sentence
    best = 0
    for m in _CLAUSE.finditer(sentence, 0, limit):
        if m.start() > limit // 3:
            best = m.start()
    if not best:
        best = sentence.rfind(" ", 0, limit - 1)
        best = best if best > 0 else limit - 1
    return sentence[:best].rstrip(" ,;:—–-") + "…"


def _strip_dateline(paragraph: str, dateline: str | None) -> str:
    if dateline and paragraph.startswith(dateline):
        rest = _AFTER_DATELINE.sub("", paragraph[len(dateline):], count=1)
        return rest or paragraph
    return paragraph


def summarise(
    paragraphs: Sequence[str],
    dateline: str | None,
    headline: str = "",
    overrides: Mapping[str, object] | None = None,
) -> str:
    """One or two sentences, at most :data:`MAX_LENGTH` characters; an editor's ``summary`` wins."""
    if overrides and overrides.get("summary"):
        return " ".join(str(overrides["summary"]).split())
    sentences: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        text = _strip_dateline(paragraph, dateline) if index == 0 else paragraph
        if _is_prose(text):
            sentences.extend(split(text))
        if len(sentences) >= 2:
            break
    if not sentences:
        return _cut(" ".join(paragraphs).strip(), MAX_LENGTH) if paragraphs else ""
    summary = _cut(sentences[0], MAX_LENGTH)
    if len(sentences) > 1 and not summary.endswith("…"):
        second = sentences[1]
        fits = len(summary) + 1 + len(second) <= MAX_LENGTH
        if fits and not _repeats(second, summary + " " + headline):
            summary = f"{summary} {second}"
    return summary
