"""Datelines: the place (and date, agency) that wire copy puts before the lead.

Recognised shapes, at the very start of the first paragraph::

    New Delhi: ...
    Moscow/New Delhi, Dec 10: ...
    WASHINGTON, March 20 - ...
    LONDON (Reuters) - ...
    PARIS, Jan. 5 (AP) — ...
    Kyiv, 12 March: ...
    NEW DELHI, Dec 10 (PTI): ...

The place is one to four capitalised words (several places may be joined by
``/``), optionally followed by a comma and a date, optionally by an agency in
brackets, and always by a separator: a colon or a dash. Ordinary sentence
openings ("In Moscow, Rajnath Singh met...") have no separator after the
place and are left alone.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE = (
    rf"(?:{_MONTH}\.?\s+{_DAY}(?:,?\s+{_YEAR})?"
    rf"|{_DAY}\s+{_MONTH}\.?(?:,?\s+{_YEAR})?)"
)
# One word of a place name: "New", "DELHI", "St.", "Port-au-Prince", "Xi'an", "al-Quds".
_WORD = r"(?:[A-Z][\w'’.-]*|(?:al|el|de|du|la|le|of|upon|on|sur|am|an)-?(?=[\s-]?[A-Z]))"
_PLACE = rf"{_WORD}(?:[ -]{_WORD}){{0,3}}"
_PLACES = rf"{_PLACE}(?:\s*/\s*{_PLACE}){{0,3}}(?:,\s*{_WORD}(?:\s{_WORD})?)?"
_AGENCY = r"\(\s*[A-Z][\w&. -]{0,30}\)"
_SEP = r"(?::|\s+[-–—]+|\s*[–—]+)"

_WIRE = r"\(\s*(?:PTI|IANS|ANI|UNI|Reuters|REUTERS|AP|AFP|Xinhua|TASS|RIA|dpa|DPA|Yonhap|Kyodo|EFE|ANSA|Bernama|BERNAMA)\s*\)"
"""A wire agency in brackets ends a dateline even without a separator: "New Delhi, Jan 15 (PTI) The court ..."."""
_DATELINE = re.compile(
    rf"^(?P<shown>(?P<place>{_PLACES})(?P<date>,\s*(?:\w+day,?\s+)?{_DATE})?)"
    rf"\s*(?:(?P<agency>{_AGENCY})?{_SEP}|{_WIRE})\s+(?=\S)",
    re.UNICODE,
)

_NOT_PLACES = frozenset(
    """a an the in on at as by for from to of with and or but if when while after before
    update updated breaking exclusive analysis comment editorial opinion note notes
    correction clarification watch video photos live report summary background
    q a i we he she they it this that these those there here his her their our my
    mr mrs ms dr""".split()
)
"""First words that start a headline kicker or a sentence, never a place."""

_PLACE_SEPARATORS = re.compile(r"[/,]")


def _plausible_place(place: str) -> bool:
    parts = [p.strip() for p in _PLACE_SEPARATORS.split(place)]
    for part in parts:
        words = part.replace("-", " ").split()
        if not words or words[0].lower().strip(".") in _NOT_PLACES:
            return False
        if any(ch.isdigit() for ch in part) or ".." in part:
            return False
        if len(part) > 40:
            return False
    return True


def split_dateline(first_paragraph: str) -> tuple[str | None, str]:
    """Return ``(dateline, rest)``; ``(None, first_paragraph)`` when there is none.

    The dateline is returned as written (place, and date if any), without
    the agency and the separator: ``"Moscow/New Delhi, Dec 10"``.
    """
    match = _DATELINE.match(first_paragraph)
    if not match or not _plausible_place(match.group("place")):
        return None, first_paragraph
    rest = first_paragraph[match.end():]
    if not rest.strip():
        return None, first_paragraph
    shown = " ".join(match.group("shown").split())
    return shown, rest
