"""Direct quotations and who said them.

A quotation is text between double quotes (straight or curly); it may run
over paragraphs (wire style: the next paragraph reopens the quote, or a
paragraph that ends inside a quote continues into the next one, which closes
it). The speaker comes from the attribution around it:

* after it: ``"...," X said`` / ``said X`` / ``he added`` / ``said the Defence
  Minister`` / ``the ministry said`` / ``according to the ministry``;
* before it: ``X said: "..."``, ``X tweeted, "..."``, ``X described it as "..."``.

Pronouns take the speaker of the previous quote or the most recent person
who was the subject of a sentence, whichever is nearer. A title ("the
Russian Defence Minister") names the person introduced with that title.
Short quotations (fewer than four words) without a speech verb right next to
them are scare quotes and are skipped.
"""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from typing import NamedTuple, Sequence

from .models import Mention, Quote
from .sentences import is_abbreviation

_VERBS = (
    r"said|says|say|stated|states|added|adds|told|tells|tweeted|tweets|posted|posts|wrote|writes"
    r"|noted|notes|asked|asks|replied|replies|declared|declares|announced|insisted|insists|explained"
    r"|described|describes|termed|terms|called|calls|remarked|warned|warns|urged|argued|argues|claimed"
    r"|acknowledged|continued|recalled|admitted|conceded|commented|emphasi[sz]ed|stressed|underlined"
    r"|observed|pointed out|responded|answered|concluded|promised|vowed|joked|quipped|predicted"
    r"|cautioned|affirmed|reiterated|assured|confirmed|denied|maintained|shouted|according to|quoted"
    r"|saying|adding|noting|stating|writing|warning|calling|terming|describing"
)


def _by_first_letter(alternatives: str) -> str:
    """``said|says|stated`` -> ``s(?:aid|ays|tated)``: the same words, grouped by their first letter,
    so that a word is compared with the few alternatives that begin like it, not with all of them
    (re tries every alternative of a case-insensitive alternation in turn). Where a match starts,
    and whether there is one, do not depend on the order of the alternatives."""
    groups: dict[str, list[str]] = {}
    for word in alternatives.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_VERBS_GROUPED = _by_first_letter(_VERBS)
_VERB = re.compile(rf"\b(?:{_VERBS_GROUPED})\b", re.IGNORECASE)
_SHORT_AFTER = re.compile(rf"^[\s,.!?]*(?:\S+\s+){{0,7}}?(?:{_VERBS_GROUPED})\b", re.IGNORECASE)
"""An attribution right after the quotation: '," the Ministry of External Affairs said'."""
_SHORT_BEFORE = re.compile(
    rf"\b(?:{_VERBS_GROUPED})(?:\s+(?:that|it|as)|(?:\s+[\w'’-]+){{0,4}}\s+as)?\s*[,:]?\s*$",
    re.IGNORECASE,
)
_LEADING_PRONOUN = re.compile(r"[\"“‘]?(?:He|She|They|It|We|I)\b")
_PRONOUN = re.compile(r"\b(he|she|it|they)\b", re.IGNORECASE)
_TITLE = re.compile(r"\bthe\s+((?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*)")
_HEAD_NOUN = re.compile(r"\b(?:the|an?|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?([a-z][a-z-]+)\b")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_MARKS = re.compile(r'["“”„«»]')
_OPENERS = "“„«"
_OPENING_MARK = re.compile(r'[“„«"]')
"""A mark that may open a quotation (a straight one only by where it stands: :func:`_mark_kind`)."""
_CLOSERS = "”»"
MIN_WORDS = 4
MAX_SPAN_PARAGRAPHS = 3


class _Span(NamedTuple):
    """A quotation's position: from just after the opening mark to its closing mark."""

    p0: int
    start: int
    p1: int
    end: int
    text: str


class _Occurrence(NamedTuple):
    paragraph: int
    start: int
    end: int
    mention: Mention


@lru_cache(maxsize=4096)
def _title_pattern(title: str) -> re.Pattern[str]:
    """A title followed by a name; remembered (titles repeat across articles; re's own cache is small)."""
    return re.compile(rf"\b{re.escape(title)}\s+((?:[A-Z][\w'’-]+\s?){{1,3}})", re.IGNORECASE)


_NAME_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]+\s?){1,3})", re.IGNORECASE)
"""The part of every :func:`_title_pattern` after its title: the name that follows it."""
_UNLOWERED = re.compile("[\u0130\u0131\u017f]")
"""The only characters that ``re.IGNORECASE`` matches with an ASCII character other than the one
``str.lower`` makes them, or that ``str.lower`` makes two characters (İ, ı, ſ: checked over all of
Unicode in ``tests/test_quotes.py``); without them a lower-cased paragraph has its characters where
they were, and equal where the pattern's ASCII title would match them."""


def _titled_names(paragraphs: Sequence[str], lowered: Sequence[str | None], title: str) -> list[str]:
    """The last word of each name written after ``title`` in the paragraphs: the matches of
    :func:`_title_pattern`, in order. Compiling a pattern costs some 0.2 ms and real news has
    new titles in most articles, so an ASCII title (the usual case) is found with ``str.find``
    in the lower-cased paragraph (``lowered``: None where :data:`_UNLOWERED` has a character)
    and only the name after it is matched, with one pattern for all titles."""
    names: list[str] = []
    fast = title.isascii() and title[:1].isalnum()
    wanted, size = title.lower(), len(title)
    for text, low in zip(paragraphs, lowered):
        if not fast or low is None:
            names += [m.group(1).split()[-1] for m in _title_pattern(title).finditer(text)]
            continue
        at = low.find(wanted)
        while at >= 0:
            name = None if at and (text[at - 1].isalnum() or text[at - 1] == "_") else _NAME_AFTER.match(text, at + size)
            if name:  # the title starts a word (``\b``) and a name follows it
                names.append(name.group(1).split()[-1])
                at = low.find(wanted, name.end())
            else:
                at = low.find(wanted, at + 1)
    return names


def _mark_kind(text: str, i: int) -> str | None:
    ch = text[i]
    if ch in _OPENERS:
        return "open"
    if ch in _CLOSERS:
        return "close"
    if ch != '"':
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "either"


def _has_mark(text: str) -> bool:
    """Whether :data:`_MARKS` has anything to find in ``text``: most paragraphs have no quotation
    mark, and ``in`` tells so several times faster than the pattern's search."""
    return '"' in text or "“" in text or "”" in text or "„" in text or "«" in text or "»" in text


def _spans(paragraphs: Sequence[str]) -> list[_Span]:
    marks = [
        (p, m.start(), kind)
        for p, text in enumerate(paragraphs) if _has_mark(text)
        for m in _MARKS.finditer(text)
        if (kind := _mark_kind(text, m.start()))
    ]
    spans: list[_Span] = []
    opened: tuple[int, int] | None = None
    for p, i, kind in marks:
        if opened and p - opened[0] > MAX_SPAN_PARAGRAPHS - 1:
            opened = None
        if kind == "either":
            kind = "close" if opened else "open"
        if kind == "open":
            continuing = opened and opened[0] < p and not paragraphs[p][:i].strip()
            if not continuing:
                opened = (p, i + 1)
            continue
        if opened is None:
            continue
        p0, start = opened
        if p0 == p:
            text = paragraphs[p][start:i]
        else:
            parts = [paragraphs[p0][start:]]
            parts += [paragraphs[k].lstrip(_OPENERS + '"') for k in range(p0 + 1, p)]
            parts.append(paragraphs[p][:i].lstrip(_OPENERS + '"'))
            text = " ".join(part.strip() for part in parts)
        spans.append(_Span(p0, start, p, i, text))
        opened = None
    return spans


def _occurrences(paragraphs: Sequence[str], mentions: Sequence[Mention], kinds: tuple[str, ...]) -> list[_Occurrence]:
    """Where each mention's surface occurs in its paragraph (longest wins on overlap)."""
    found: list[tuple[int, int, int, Mention, int]] = []
    for mention in {m for m in mentions if m.type in kinds}:  # in any order: sorted below, by mention on ties
        surface = mention.surface
        if not 0 <= mention.paragraph < len(paragraphs) or not surface:
            continue
        text = paragraphs[mention.paragraph]
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
                found.append((mention.paragraph, start, start - end, mention, end))  # longest first on ties
            start = text.find(surface, end)
    found.sort()
    kept: list[_Occurrence] = []
    for paragraph, start, _, mention, end in found:
        if kept and kept[-1].paragraph == paragraph and start < kept[-1].end:
            continue
        kept.append(_Occurrence(paragraph, start, end, mention))
    return kept


def _sentence_start(text: str, pos: int) -> int:
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, pos):
        if text[m.start()] == "." and is_abbreviation(text[start : m.start()]):
            continue  # "U.S. Commerce Secretary ...", "Mr. Singh": not a sentence end
        start = m.end()
    return start


def _after_window(paragraphs: Sequence[str], span: _Span) -> tuple[int, int]:
    text = paragraphs[span.p1]
    lo = span.end + 1
    hi = min(len(text), lo + 160)
    end = _SENTENCE_END.search(text, lo, hi)
    hi = end.start() + 1 if end else hi
    for mark in _OPENING_MARK.finditer(text, lo, hi):
        k = mark.start()
        if text[k] in _OPENERS or _mark_kind(text, k) == "open":
            return lo, k
    return lo, hi


def _subjects(paragraphs: Sequence[str], people: list[_Occurrence]) -> list[_Occurrence]:
    """The first person named in each sentence: taken as that sentence's subject."""
    subjects: list[_Occurrence] = []
    seen: set[tuple[int, int]] = set()
    for occ in people:
        text = paragraphs[occ.paragraph]
        key = (occ.paragraph, _sentence_start(text, occ.start))
        if key not in seen:
            seen.add(key)
            if not _LEADING_PRONOUN.match(text, key[1]):
                subjects.append(occ)
    return subjects


class _Resolver:
    def __init__(self, paragraphs: Sequence[str], mentions: Sequence[Mention]) -> None:
        self.paragraphs = paragraphs
        self.mentions = mentions
        self.people = _occurrences(paragraphs, mentions, ("person",))
        self.previous: tuple[tuple[int, int], str | None, str | None] | None = None

    # Found when first needed: most quotations name their speaker and need neither.
    @cached_property
    def orgs(self) -> list[_Occurrence]:
        return _occurrences(self.paragraphs, self.mentions, ("organisation",))

    @cached_property
    def subjects(self) -> list[_Occurrence]:
        return _subjects(self.paragraphs, self.people)

    @cached_property
    def lowered(self) -> list[str | None]:
        """The paragraphs lower-cased, for :func:`_titled_names`."""
        return [None if _UNLOWERED.search(p) else p.lower() for p in self.paragraphs]

    def _in(self, occs: list[_Occurrence], p: int, lo: int, hi: int) -> list[_Occurrence]:
        return [o for o in occs if o.paragraph == p and lo <= o.start and o.end <= hi]

    def _pronoun(self, word: str, where: tuple[int, int]) -> tuple[str | None, str | None]:
        word = word.lower()
        candidates: list[tuple[tuple[int, int], str | None, str | None]] = []
        if self.previous and self.previous[0] <= where and self.previous[1]:
            candidates.append(self.previous)
        if word in ("he", "she"):
            before = [s for s in self.subjects if (s.paragraph, s.start) <= where]
            if before:
                s = before[-1]
                candidates.append(((s.paragraph, s.start), s.mention.name, "person"))
            candidates = [c for c in candidates if c[2] == "person"]
        elif word == "it":
            candidates = [c for c in candidates if c[2] == "organisation"]
        else:
            return None, None
        if not candidates:
            return None, None
        best = max(candidates, key=lambda c: c[0])
        return best[1], best[2]

    def _by_title(self, title: str, where: tuple[int, int]) -> str | None:
        wanted = title.lower()
        bearers = [o for o in self.people if wanted in o.mention.surface.lower()]
        if not bearers:
            names = _titled_names(self.paragraphs, self.lowered, title)
            bearers = [o for o in self.people for n in names if n in o.mention.name.split() or n in o.mention.surface.split()]
        if not bearers:
            return None
        earlier = [o for o in bearers if (o.paragraph, o.start) <= where]
        return (earlier[-1] if earlier else bearers[0]).mention.name

    def _organisation(self, noun: str, where: tuple[int, int]) -> str | None:
        noun = noun.lower()
        hits = [o for o in self.orgs if noun in o.mention.surface.lower() or noun in o.mention.name.lower()]
        if not hits:
            return None
        earlier = [o for o in hits if (o.paragraph, o.start) <= where]
        return (earlier[-1] if earlier else hits[0]).mention.name

    def speaker_in(self, p: int, lo: int, hi: int, where: tuple[int, int]) -> tuple[str | None, str | None]:
        """The speaker named in ``paragraphs[p][lo:hi]``, an attribution window."""
        people = self._in(self.people, p, lo, hi)
        if people:
            return people[0].mention.name, "person"
        window = self.paragraphs[p][lo:hi]
        pronoun = _PRONOUN.search(window)
        verb = _VERB.search(window)
        if pronoun and (verb is None or abs(pronoun.start() - verb.start()) < 25):
            name, kind = self._pronoun(pronoun.group(1), where)
            if name:
                return name, kind
        for title in _TITLE.finditer(window):
            name = self._by_title(title.group(1), where)
            if name:
                return name, "person"
        orgs = self._in(self.orgs, p, lo, hi)
        if orgs:
            return orgs[0].mention.name, "organisation"
        for head in _HEAD_NOUN.finditer(window):
            name = self._organisation(head.group(1), where)
            if name:
                return name, "organisation"
            name = self._by_title(head.group(1), where) if head.group(1) not in ("statement",) else None
            if name:
                return name, "person"
        return None, None


def _clean(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(",;:").strip()


_NON_WORD = re.compile(r"\W+")
_ASCII_NON_WORD_TO_SPACE = bytes(
    byte if byte < 128 and (chr(byte).isalnum() or byte == ord("_")) else 32 for byte in range(256)
)
"""ASCII bytes: word characters (``\\w``) kept, every other one made a space."""


def words(text: str) -> str:
    """A quotation's words, for telling whether two quotations are the same (or one is
    part of the other): case, punctuation and quotation marks ignored. (ASCII text, the
    usual case, is split by ``bytes.translate``: the same words as ``\\W+``, faster.)"""
    folded = text.casefold()
    if folded.isascii():
        return b" ".join(folded.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).split()).decode("ascii")
    return _NON_WORD.sub(" ", folded).strip()


def extract_quotes(paragraphs: Sequence[str], mentions: Sequence[Mention]) -> tuple[Quote, ...]:
    """Direct quotations with their speakers, in reading order."""
    spans = _spans(paragraphs)
    if not spans:
        return ()
    resolver = _Resolver(paragraphs, mentions)
    quotes: list[Quote] = []
    for span in spans:
        text = _clean(span.text)
        if not text:
            continue
        where = (span.p0, span.start)
        first = paragraphs[span.p0]
        before_lo = _sentence_start(first, span.start - 1)
        before = first[before_lo : span.start - 1]
        after_lo, after_hi = _after_window(paragraphs, span)
        after = paragraphs[span.p1][after_lo:after_hi]
        short = len(text.split()) < MIN_WORDS
        after_attributed = bool(_SHORT_AFTER.search(after))
        before_attributed = bool(_SHORT_BEFORE.search(before)) if short else bool(_VERB.search(before))
        if short and not (after_attributed or before_attributed):
            continue
        speaker: str | None = None
        kind: str | None = None
        if after_attributed:
            speaker, kind = resolver.speaker_in(span.p1, after_lo, after_hi, where)
        if speaker is None:
            people = resolver._in(resolver.people, span.p0, before_lo, span.start)
            if before_attributed:
                speaker, kind = resolver.speaker_in(span.p0, before_lo, span.start - 1, where)
            elif people and not first[people[-1].end : span.start - 1].strip():
                speaker, kind = people[-1].mention.name, "person"  # Singh "conveyed ..."
        quotes.append(Quote(text=text, speaker=speaker, speaker_type=kind, paragraph=span.p0))  # type: ignore[arg-type]
        if speaker:
            resolver.previous = ((span.p1, span.end), speaker, kind)
    return _whole(quotes)


def _whole(quotes: list[Quote]) -> tuple[Quote, ...]:
    """Each quotation once, in full: an article often quotes a few words of a remark in its
    lead ("higher than the highest mountain") and the whole remark further down. A quotation
    inside a longer one (or equal to an earlier one) by the same speaker, or by no known
    speaker, is dropped."""
    keys = [words(q.text) for q in quotes]
    return tuple(
        quote for i, quote in enumerate(quotes)
        if not any(j != i and keys[i] in keys[j] and (len(keys[j]) > len(keys[i]) or j < i)
                   and quote.speaker in (None, other.speaker) for j, other in enumerate(quotes))
    )
