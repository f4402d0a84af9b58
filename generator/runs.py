"""Names in one article's sentences: capitalised runs, found and typed.

One regular-expression pass finds capitalised runs per sentence (joined by
``of``, ``for``, ``on``, ``and``, ``&`` and name particles only where names
use them); each run is cleaned (sentence-initial words, possessives, titles)
and typed by data-driven cues: the gazetteer, title words, head nouns
(``Commission``, ``Square``, ``Summit``), model numbers, ship prefixes, the
lower-case word after the run (``missile``, ``agreement``) and quotation
marks. What needs the whole article (bare surnames, acronyms, spellings) is
left to the second pass in :mod:`generator.entities`, which reads :class:`Found`.

Speed: the word lists, word patterns and tokens live in :mod:`generator.lexicon`.
A sentence's tokens are the tokens of its chunks (the text between two spaces),
each chunk read once per process and shared; only the tokens of a name of
several words get their offsets in the sentence (:meth:`Runs.placed`), to
cut its surface. Runs of one token, most of them, have their own short rules
(:meth:`Runs.word`, :meth:`Runs.classify_word`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, chain, compress, count
from operator import itemgetter
from typing import NamedTuple

from .knowledge import COMMON_WORDS, DEMONYMS, Knowledge, place_name
from .lexicon import (ACRONYM, ANY_HEAD, CUES, DESCRIPTORS, EQUIPMENT_CUES, LOWER_ORG, NOT_ACRONYMS, NOUN_SUFFIXES,
                      OF_HEADS, ORDINALS, ORG_OR_EVENT, PARTICLES, SHIP_PREFIXES, TITLE_HEADS, TITLE_WORDS, YEARS, Chunk,
                      Tok, as_name, chunk_offsets, company_context, head_type, is_model, leave_out, may_name_lower_org,
                      span_text)
from .models import EntityType


_QUOTED = re.compile(r"[‘'“\"](?:(?<=^[‘'“\"])|(?<=[\s(][‘'“\"]))([A-Z][^‘’'“”\"]{0,80}?)[’'”\"](?![A-Za-z])")
"""A short quoted name after a space, a bracket or the start (the quote mark first: a fast scan)."""
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+")
_JOINERS = frozenset((".", "of", "for", "on", "and", "&")) | PARTICLES
"""Words that can join two capitalised runs; see :meth:`Runs.connector`."""
_QUOTE_OPEN = frozenset("‘“\"'(")
_ARTICLES = frozenset(("the", "a", "an"))
_CAP = itemgetter(Tok._fields.index("cap"))
_new = tuple.__new__
"""Makes a named tuple from a tuple of its fields, without the Python-level ``__new__`` (for the many
tokens, finds and mentions)."""
_TOKENS = itemgetter(Chunk._fields.index("tokens"))
"""Fields of the many tokens and chunks read by position: ``itemgetter`` reads a tuple faster than
``attrgetter`` a named tuple's field."""


class Found(NamedTuple):
    """One name as a sentence gives it, before the article's second pass (:mod:`generator.entities`)."""

    type: EntityType | None
    surface: str
    name: str
    paragraph: int
    kind: str = "full"
    """``full`` (typed), ``single`` (needs the article: surname, acronym) or ``titled`` (a titled surname)."""


class Runs:
    """The names found in one article's sentences (:attr:`found`), with what reading them
    needs of the whole article: its lower-case words, the acronyms and companies it defines."""

    def __init__(self, knowledge: Knowledge, lower_words: frozenset[str]) -> None:
        self.knowledge = knowledge
        self.lower_words = lower_words
        """Every word the article writes in lower case (:data:`LOWER_WORDS`)."""
        self.found: list[Found] = []
        self.toks: list[Tok] = []
        """The current sentence's tokens, offsets in their chunks (see :meth:`placed`)."""
        self.counts: list[int] = []
        """How many tokens the chunks up to each one hold (made when first needed)."""
        self.offsets: list[int] = []
        """The offset of each chunk in the sentence (made when first needed)."""
        self.parts: list[str] = []
        self.chunks: list[Chunk] = []
        self.acronyms: dict[str, str] = {}
        self.companies: set[str] = set()
        """Names the article's own words call a company ("analysts at Goldman Sachs")."""

    def common(self, word: str) -> bool:
        low = word.lower()
        if "-" in low:
            return all(self.common(part) for part in low.split("-") if part)
        return low in COMMON_WORDS or low in self.lower_words or low.endswith(NOUN_SUFFIXES)

    def add(self, type_: EntityType | None, surface: str, name: str, paragraph: int, kind: str = "full") -> None:
        if name.lower() in self.knowledge.ignore:
            return
        known = self.knowledge.lookup(name)
        if known is not None:
            type_, name, kind = known.type, known.name, "full"
        self.found.append(_new(Found, (type_, surface, name, paragraph, kind)))

    # --- runs -------------------------------------------------------------

    def sentence(self, text: str, paragraph: int, parts: list[str], found: list[Chunk]) -> None:
        """Find the names of one sentence (its chunks ``found``, of ``text.split(" ")``)."""
        taken: list[tuple[int, int]] = []
        if "'" in text or '"' in text or "‘" in text or "“" in text:
            for m in _QUOTED.finditer(text):
                self.quoted(m.group(1), paragraph)
                taken.append(m.span())
        if may_name_lower_org(text):
            for m in LOWER_ORG.finditer(text):
                self.lower_org(m, paragraph, taken)
        self.parts, self.counts, self.offsets = parts, [], []
        if taken:  # tokens that start in a quoted name or a lower-case organisation are left out
            self.offsets = chunk_offsets(parts)
            found = leave_out(found, self.offsets, taken)
        self.chunks = found
        self.toks = toks = list(chain.from_iterable(map(_TOKENS, found)))
        i, n = 0, len(toks)
        for i0 in compress(count(), map(_CAP, toks)):
            if i0 < i:
                continue
            i = i0
            j, complement = i + 1, False
            while j < n and (not toks[j - 1].possessive or toks[j - 1].low == "people"):
                nxt = toks[j]
                if nxt.cap:
                    j += 1
                    continue
                if nxt.low not in _JOINERS:
                    break
                k = self.connector(toks, i, j, complement)
                if k == 0:
                    break
                complement = complement or (nxt.low in ("of", "for", "on") and toks[j - 1].low in ORG_OR_EVENT)
                j += k
            initial = i == 0 or toks[i - 1].text in _QUOTE_OPEN
            if j == i + 1:
                self.word(text, toks, i, initial, paragraph)
            else:
                self.run(text, toks, i, j, initial, paragraph)
            i = j

    def placed(self, k: int) -> Tok:
        """Token ``k`` with its offsets in the sentence (for the surface of a name of several tokens)."""
        t = self.toks[k]
        if not self.counts:
            self.counts = list(accumulate(map(len, map(_TOKENS, self.chunks))))
            self.offsets = self.offsets or chunk_offsets(self.parts)
        base = self.offsets[bisect_right(self.counts, k)]  # the offset of the token's chunk
        return _new(Tok, (t.text, t.low, t.possessive, t.cap, t.digit, base + t.start, base + t.end))

    def connector(self, toks: list[Tok], i: int, j: int, complement: bool) -> int:
        """How many connector tokens at ``j`` (one of :data:`_JOINERS`) join the run ``toks[i:j]``
        to a following name (0: none)."""
        word, last = toks[j].low, toks[j - 1].low
        if word == "." and len(last) == 1 and toks[j - 1].text.isupper() and j + 1 < len(toks) and toks[j + 1].cap:
            return 1  # a middle initial: "Gerald R. Ford"
        k = 2 if word == "of" and j + 2 < len(toks) and toks[j + 1].low == "the" else 1
        if j + k >= len(toks) or not toks[j + k].cap:
            return 0
        after = toks[j + k].text
        if word == "of" and last in OF_HEADS:
            return k
        if word in ("for", "on") and last in ORG_OR_EVENT:
            return 1
        if word == "and" and complement:
            return 1
        if word == "&" and not (ACRONYM.fullmatch(toks[j - 1].text) or ACRONYM.fullmatch(after)):
            return 1
        if word in PARTICLES:
            return 1
        return 0

    def run(self, text: str, toks: list[Tok], i: int, j: int, initial: bool, paragraph: int) -> None:
        span = toks[i:j]
        while span and span[0].low in ("the", "a", "an"):
            span, initial = span[1:], False
        titled = len(span) > 1 and span[0].low in TITLE_WORDS
        if span and initial and not titled and self.sentence_word(span[0]) and not self.known(span):
            span = span[1:]
        described = len(span) > 1 and initial and span[0].low in DESCRIPTORS
        if described:
            span = span[1:]  # "Rival Honda Motor Co", "Carmaker Toyota": a company
        first = j - len(span)  # where the span now starts (only leading tokens were dropped)
        while span and span[-1].low in ANY_HEAD and span[-1].text.islower():
            span = span[:-1]
        if not span:
            return
        where = range(first, first + len(span))
        if i > 0 and toks[i - 1].low in ORDINALS and [t.low for t in span[:2]] == ["world", "war"]:
            where, span = [i - 1, *where], [toks[i - 1], *span]
        if len(span) > 1:  # a one-token surface is the token's text: no offsets needed
            span = [self.placed(k) for k in where]
        after = toks[j].low if j < len(toks) else ""
        paren = j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")"
        rest = [toks[k] for k in range(j + 1, min(j + 3, len(toks)))] if after in CUES else []
        before = len(self.found)
        if (described or company_context(toks, first)) \
                and not self.title_end(span) and head_type([t.low for t in span]) in (None, "organisation"):
            # "single": the article's full company name wins ("Toyota" -> "Toyota Motor Corp")
            self.add("organisation", span_text(text, span), as_name(span_text(text, span)), paragraph, "single")
            self.companies.add(self.found[-1].name)
        else:
            self.classify(text, span, paragraph, after, rest)
        if paren and ACRONYM.fullmatch(toks[j + 1].text) and len(self.found) > before:
            self.acronyms[toks[j + 1].text] = self.found[-1].name

    def word(self, text: str, toks: list[Tok], i: int, initial: bool, paragraph: int) -> None:
        """:meth:`run` for a run of one token (most runs are): the same rules, less the ones that
        need several tokens (titles, descriptors, a trailing lower-case head word, "World War")."""
        tok = toks[i]
        low = tok.low
        if low in _ARTICLES or initial and self.sentence_word(tok) and not self.known_word(low):
            return
        j = i + 1
        paren = j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")"
        before = len(self.found)
        if company_context(toks, i) and low not in TITLE_HEADS and head_type([low]) in (None, "organisation"):
            self.add("organisation", tok.text, as_name(tok.text), paragraph, "single")
            self.companies.add(self.found[-1].name)
        else:
            after = toks[j].low if j < len(toks) else ""
            self.classify_word(text, tok, paragraph, after, toks[j + 1 : j + 3] if after in CUES else [])
        if paren and ACRONYM.fullmatch(toks[j + 1].text) and len(self.found) > before:
            self.acronyms[toks[j + 1].text] = self.found[-1].name

    def sentence_word(self, tok: Tok) -> bool:
        low = tok.low
        return low in COMMON_WORDS or low in self.lower_words or low.endswith(("ing", "ly", "ed"))

    def known(self, span: list[Tok]) -> bool:
        words = " ".join(t.text for t in span).lower()
        return place_name(words) is not None or self.knowledge.lookup(words) is not None

    def known_word(self, low: str) -> bool:
        """:meth:`known` for one token (its ``low``)."""
        return place_name(low) is not None or self.knowledge.lookup(low) is not None

    # --- typing -----------------------------------------------------------

    def classify(self, text: str, span: list[Tok], paragraph: int, after: str, rest: list[Tok]) -> None:
        if len(span) == 1:
            return self.classify_word(text, span[0], paragraph, after, rest)
        surface = span_text(text, span)
        low = surface.lower()
        if low in self.knowledge.ignore:
            return None
        if self.knowledge.lookup(surface):
            return self.add("place", surface, surface, paragraph)  # add() applies the editor's type
        place = place_name(low)
        if place:
            return self.add("place", surface, place, paragraph)
        if span[0].text in SHIP_PREFIXES:
            return self.add("equipment", surface, surface, paragraph)
        for index, tok in enumerate(span):
            if tok.digit and is_model(tok.text):
                if index:
                    self.classify(text, span[:index], paragraph, "", [])
                return self.add("equipment", span_text(text, span[index:]), span_text(text, span[index:]), paragraph)
        title_end = self.title_end(span)
        if title_end:
            return self.titled(text, span, title_end, paragraph)
        words = [t.low for t in span]
        head = head_type(words)
        if head and not all(w in OF_HEADS or w in ("of", "the", "and", "for", "on") for w in words):
            return self.add(head, surface, as_name(surface), paragraph)
        if after in CUES and not any(w in DEMONYMS for w in words):
            return self.cued(text, span, paragraph, after, rest)
        if self.person_like(span):
            return self.add("person", surface, surface, paragraph)
        lead_place = self.leading_place(span)
        if lead_place:
            self.add("place", span_text(text, span[:lead_place]), place_name(span_text(text, span[:lead_place]).lower()) or "", paragraph)
            return self.classify(text, span[lead_place:], paragraph, after, rest) if lead_place < len(span) else None
        return None

    def classify_word(self, text: str, tok: Tok, paragraph: int, after: str, rest: list[Tok]) -> None:
        """:meth:`classify` for a name of one word: the rules that can apply to it, in the same order."""
        word, low = tok.text, tok.low
        if low in self.knowledge.ignore:
            return None
        if self.knowledge.lookup(word):
            return self.add("place", word, word, paragraph)  # add() applies the editor's type
        if word in self.acronyms:  # "(LAC)" defined above: not the town "Lac"
            return self.add("organisation", word, word, paragraph, "single")
        place = place_name(low)
        if place:
            return self.add("place", word, place, paragraph)
        if tok.digit and is_model(word):
            return self.add("equipment", word, word, paragraph)
        if low in TITLE_HEADS:
            return None  # a title alone names nobody
        if ACRONYM.fullmatch(word) and low not in NOT_ACRONYMS:
            if not self.common(word) or word.isupper() and len(word) <= 5:
                return self.add("organisation", word, word, paragraph, "single")
            return None
        if "-" in low and len(word) > 1 and word[0].isupper() and all(place_name(p) for p in low.split("-")):
            for part in word.split("-"):  # "India-Pakistan"
                self.add("place", part, place_name(part.lower()) or part, paragraph)
            return None
        if after in CUES and low not in DEMONYMS:
            return self.cued(text, [tok], paragraph, after, rest)
        if not self.common(word):  # neither ignored nor known (above): no need for add()
            self.found.append(_new(Found, (None, word, word, paragraph, "single")))
        return None

    def title_end(self, span: list[Tok]) -> int:
        """Number of leading title tokens (``Russian Defence Minister``), 0 if none.

        A title may name its office (``Secretary of State Marco Rubio``) or its
        organisation (``Treasury Secretary Scott Bessent``, ``Apple CEO Tim Cook``):
        then it is the tokens up to the last title word before a person's name."""
        if len(span) == 1:
            return int(span[0].low in TITLE_HEADS)  # the rules below, for one word
        end = 0
        for index, tok in enumerate(span):
            if tok.low in TITLE_WORDS or (tok.low in DEMONYMS and index == 0):
                if tok.low in TITLE_HEADS:
                    end = index + 1
                if tok.possessive:
                    break
                continue
            break
        if end and end < len(span) and span[end].low == "of":
            office = end + 1  # "Secretary of State", "Minister of External Affairs"
            while office < len(span) and span[office].low in TITLE_WORDS and not span[office].possessive:
                office += 1
            if office > end + 1 and self.person_like(span[office:]):
                return office
        if not end:
            for index in range(len(span) - 3, 0, -1):
                if span[index].low in TITLE_HEADS and not any(t.possessive for t in span[:index]) \
                        and self.person_like(span[index + 1:]):
                    return index + 1
        return end

    def titled(self, text: str, span: list[Tok], end: int, paragraph: int) -> None:
        rest = span[end:]
        words = [t.low for t in rest]
        if not rest:
            return None
        if words[0] in ("of", "the"):
            while rest and rest[0].low in ("of", "the"):
                rest = rest[1:]
            if rest:
                self.classify(text, rest, paragraph, "", [])
            return None
        if head_type(words) and not self.person_like(rest):
            return self.add(head_type(words), span_text(text, span), as_name(span_text(text, span)), paragraph)
        name = span_text(text, rest)
        kind = "titled" if len(rest) == 1 else "full"
        return self.add("person", span_text(text, span), name, paragraph, kind)

    def cued(self, text: str, span: list[Tok], paragraph: int, after: str, rest: list[Tok]) -> None:
        type_: EntityType = "equipment" if after in EQUIPMENT_CUES else "event"
        surface = name = span_text(text, span)
        if type_ == "event" and all(self.common(t.text) for t in span):
            name = f"{surface} {after}"
            surface = name
            if len(rest) > 1 and rest[0].low in ("for", "of") and YEARS.fullmatch(rest[1].text):
                surface, name = f"{surface} {rest[0].text} {rest[1].text}", f"{name} {rest[1].text}"
        elif all(self.common(t.text) for t in span):
            return None
        self.add(type_, surface, name, paragraph)

    def leading_place(self, span: list[Tok]) -> int:
        words = [t.low for t in span[:4]]
        for size in range(len(words), 0, -1):
            if place_name(" ".join(words[:size])):
                return size
        return 0

    def person_like(self, span: list[Tok]) -> bool:
        names = [t for t in span if t.low not in PARTICLES]
        if not 2 <= len(names) <= 4 or len(names) < len(span) - 1:
            return False
        if all(place_name(t.low) for t in names):
            return False
        return all(
            t.text[0].isupper() and not t.text.isupper() and not t.digit
            and not _LOWER_COMPOUND.search(t.text)  # "Pakistan-occupied", "BJP-led"
            and not self.common(t.text) and t.low not in DEMONYMS and t.low not in TITLE_WORDS
            for t in names
        )

    def quoted(self, inner: str, paragraph: int) -> None:
        words = inner.split()
        if len(words) > 8 or not words[-1][0].isupper():
            return
        if not all(w[0].isupper() or w in ("in", "of", "the", "and", "for", "on", "to", "a") for w in words):
            return
        name = _LEADING_ARTICLE.sub("", inner).strip()
        if not name:
            return
        place = place_name(name.lower())
        if place:
            return self.add("place", name, place, paragraph)
        head = head_type(name.lower().split())
        self.add(head if head in ("organisation", "place") and len(words) > 1 else "event", name, name, paragraph)

    def lower_org(self, m: re.Match[str], paragraph: int, taken: list[tuple[int, int]]) -> None:
        owner, body = m.group(1), m.group(2)
        if owner and (owner.lower() in DEMONYMS or place_name(owner.lower())):
            start = m.start()
        elif "ministry" in body:
            start = m.start(2)
        else:
            return
        surface = m.group(0)[start - m.start():]
        name = " ".join(w[:1].upper() + w[1:] for w in surface.split())
        self.add("organisation", surface, name, paragraph)
        taken.append((start, m.end()))


_LOWER_COMPOUND = re.compile(r"-[a-z]")
