"""Words for the entity extractor (:mod:`generator.runs`, :mod:`generator.entities`): the lists
that type names, and tokens.

* word lists (lower-cased frozensets): titles, head nouns, cues, particles;
* word patterns (model numbers, acronyms, years) and the cached per-word
  helpers built on them (:func:`name_key`, :func:`model_key`, :func:`is_model`);
* the tokens of a text (:class:`Tok`), read chunk by chunk (:func:`chunks`):
  a chunk, the text between two spaces, is tokenised once and remembered;
  a chunk's offset in its text (:func:`chunk_offsets`) and the chunks without
  the tokens of some spans of the text (:func:`leave_out`);
* what a name's own words say: its head noun's type (:func:`head_type`), the
  words before it that make it a company (:func:`company_context`), its surface
  (:func:`span_text`, :func:`as_name`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from .models import EntityType


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_HEADS = _words(
    """president presidents minister ministers secretary secretaries chancellor premier king queen
    prince princess pope general gen colonel col lt lieutenant major maj admiral adm captain capt
    commander cmdr marshal sergeant sgt senator sen representative rep congressman congresswoman
    governor gov mayor judge justice mr mrs ms miss dr prof professor sir dame lord lady sheikh emir
    sultan chairman chairwoman chairperson director ceo ambassador envoy spokesman spokeswoman
    spokesperson coach commissioner chair speaker bishop cardinal ayatollah president-elect officer executive"""
)
TITLE_WORDS = TITLE_HEADS | _words(
    """union defence defense foreign home finance interior external affairs prime vice deputy chief
    former acting senior junior federal state cabinet trade commerce health education labour labor
    energy agriculture environment transport treasury homeland security culture sports information economy industry navy army
    air staff executive managing operating financial technology attorney crown grand supreme
    national general-secretary secretary-general first lady of"""
)
ORG_HEADS = _words(
    """organisation organization commission council committee ministry department agency bureau
    authority office union alliance league association party army navy force forces police bank
    university college institute institution foundation fund corporation corp inc inc. ltd ltd. llc
    plc co company group holdings industries airlines airways commonwealth parliament congress senate
    assembly court tribunal club fc times post journal network board secretariat government
    administration directorate command corps regiment brigade fleet academy school hospital
    laboratory laboratories labs centre center society trust exchange reserve federation coalition
    movement front kremlin pentagon motors electric house"""
)
PLACE_HEADS = _words(
    """square street road avenue bridge ocean sea strait straits gulf bay river lake mountains
    mountain mount island islands valley region province district county peninsula desert canal
    airport port harbour harbor park coast basin plateau highlands strip heights hills city
    territory territories line stadium arena palace fort temple mosque church cathedral station"""
)
EVENT_HEADS = _words(
    """summit exercise exercises parade agreement treaty accord accords pact programme program
    initiative games olympics olympiad cup championship championships open conference expo
    exhibition festival war wars revolution declaration convention dialogue election elections
    referendum day memorial tomb monument cenotaph ceremony marathon tournament prix plan operation
    scheme campaign protocol charter doctrine award awards prize fair week act trophy"""
)
ORG_OR_EVENT = ORG_HEADS | EVENT_HEADS
ANY_HEAD = ORG_OR_EVENT | PLACE_HEADS | TITLE_WORDS
OF_HEADS = TITLE_HEADS | ORG_HEADS | PLACE_HEADS | EVENT_HEADS | _words("republic kingdom state isle cape")
PARTICLES = _words("de da del della di du van von der den bin ibn al la le dos das")
SHIP_PREFIXES = _words("INS USS HMS HMAS HMCS RFS PNS SS MV RV FS")
EVENT_CUES = _words(
    """summit exercise exercises agreement treaty accord pact programme program initiative scheme
    campaign project projects vision mission games festival conference"""
)
EQUIPMENT_CUES = _words(
    """missile missiles rifle rifles tank tanks aircraft jet jets fighter fighters helicopter
    helicopters drone drones submarine submarines frigate frigates destroyer destroyers warship
    warships launcher launchers satellite satellites rocket rockets howitzer howitzers smartphone
    smartphones"""
)
DESCRIPTORS = _words(
    """rival rivals fellow peer competitor carmaker automaker lender insurer retailer chipmaker
    drugmaker startup start-up conglomerate regulator broker airline carrier miner exporter"""
)
"""Sentence-initial words that describe the company named next ("Rival Honda Motor Co")."""
STAFF_AT = _words(
    """economist economists analyst analysts strategist strategists researcher researchers
    executive executives engineer engineers banker bankers trader traders lawyer lawyers scientists"""
)
"""People described as working "at" an organisation ("economists at Goldman Sachs")."""
STAKE_OF = _words("shares stock stocks shareholders subsidiary unit division")
"""What an organisation has "of" it ("shares of Toyota")."""
NOT_ACRONYMS = _words(
    """gdp ceo cfo pm mp tv ai it id ok am bc ad dna hiv aids cctv fdi vat ipo etf ngo suv ev uav
    faq usb pdf url api ii iii iv vi vii viii ix xi odi odis t20 t20i t20is"""
)
NOUN_SUFFIXES = ("ship", "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ive", "ing", "ous")
ORDINALS = _words("first second third")
CUES = EVENT_CUES | EQUIPMENT_CUES
CORPORATE = _words("inc corp ltd plc llc co company corporation group holdings ag sa gmbh")
MONTHS_DAYS = _words(
    """january february march april june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday"""
)


# --- word patterns and per-word helpers ----------------------------------

TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[\w\u00C0-\u024F]+(?:[-&'’.][\w\u00C0-\u024F]+)*|[^\w\s]")
MODEL = re.compile(r"[A-Z][A-Za-z]{0,5}-?\d{2,4}[A-Z]{0,3}")
WORD_NUMBER = re.compile(r"[A-Z][a-z]{2,}-\d{1,3}")
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]+(?:-[A-Z0-9&]+)*(?:-[A-Z][a-z]+)?")
YEARS = re.compile(r"(?:1[89]|20)\d\d(?:-\d\d(?:\d\d)?)?")

LOWER_ORG = re.compile(
    r"\b(?:([A-Z][a-z]+)\s+)?((?:defence|defense|foreign|finance|home|interior|health|trade|commerce|"
    r"education|agriculture|environment|justice|information|energy|external affairs)\s+ministry|"
    r"navy|army|air force|coast guard)\b"
)


def may_name_lower_org(text: str) -> bool:
    """Whether ``text`` has one of the words :data:`LOWER_ORG` needs (most sentences have none)."""
    return "ministry" in text or "navy" in text or "army" in text or "air force" in text or "coast guard" in text


_NOT_KEY = re.compile(r"[-‐–’']")
_NOT_MODEL = re.compile(r"[^0-9a-z]")

LOWER_WORDS = re.compile(r"\b[a-z][a-z-]+\b")
"""Lower-case words: a capitalised word an article also writes in lower case is not a name."""


class Tok(NamedTuple):
    """One word or punctuation mark, with its offsets (in its chunk, or, once placed, in its sentence)."""

    text: str
    """Without a possessive 's."""
    low: str
    possessive: bool
    cap: bool
    """Capitalised, and not a month or day name: a name can start here."""
    digit: bool
    start: int
    end: int
    """Before a possessive 's."""


class Chunk(NamedTuple):
    """What a run of text between two spaces holds: its tokens and its lower-case words.

    Tokens never contain white space and :data:`LOWER_WORDS` never matches it,
    so a sentence's tokens are its chunks' tokens, one after the other; chunks
    repeat (words with their punctuation), so each is read once (:data:`CHUNKS`)."""

    tokens: tuple[Tok, ...]
    lower: tuple[str, ...]


class _Chunks(dict[str, Chunk]):
    """chunk -> :class:`Chunk`, filled as chunks are met (up to :data:`_MAX_CHUNKS` of them)."""

    def __missing__(self, chunk: str) -> Chunk:
        word, mark = chunk[:-1], chunk[-1:]
        if chunk.isalnum():  # a word: the commonest chunk, and quicker to read than with the patterns
            found = _new(Chunk, ((_tok(chunk, 0, len(chunk)),), _lower(chunk)))
        elif word.isalnum() and not (mark.isalnum() or mark.isspace() or mark in _WORD_SYMBOLS):
            # a word and a mark ("said," "2021."): the mark cannot join the word
            found = _new(Chunk, ((_tok(word, 0, len(word)), _tok(mark, len(word), len(chunk))), _lower(word)))
        else:
            tokens = tuple(_tok(m.group(), m.start(), m.end()) for m in TOKEN.finditer(chunk))
            found = _new(Chunk, (tokens, tuple(LOWER_WORDS.findall(chunk))))
        if len(self) < _MAX_CHUNKS:
            self[chunk] = found
        return found


_new = tuple.__new__
"""Makes a named tuple from a tuple of its fields (without the Python-level ``__new__``: chunks are many)."""
_WORD_SYMBOLS = "_\u00d7\u00f7"
"""Characters of :data:`TOKEN`'s words that are not letters or digits."""


def _lower(word: str) -> tuple[str, ...]:
    """:data:`LOWER_WORDS` of one word of letters and digits: itself if it is all ``a-z``."""
    return (word,) if len(word) > 1 and word.isascii() and word.isalpha() and word.islower() else ()


def _tok(word: str, start: int, end: int) -> Tok:
    possessive = len(word) > 2 and word[-2] in "'’" and word[-1] in "sS"
    text = word[:-2] if possessive else word
    low = text.lower()
    cap = text[0].isupper() and low not in MONTHS_DAYS
    digit = not text.isalpha() and any(map(str.isdigit, text))
    return _new(Tok, (text, low, possessive, cap, digit, start, end - 2 if possessive else end))


_MAX_CHUNKS = 1 << 17
CHUNKS = _Chunks()


def chunk_offsets(parts: list[str]) -> list[int]:
    """The offset of each chunk of a text split at spaces (and, last, the text's length plus one)."""
    return list(accumulate(map(_PLUS_ONE, map(len, parts)), initial=0))


def leave_out(found: list[Chunk], offsets: list[int], taken: list[tuple[int, int]]) -> list[Chunk]:
    """The chunks without the tokens that start in one of the ``taken`` spans of the text."""
    found = list(found)
    for start, end in taken:
        if start >= end:
            continue
        first, last = bisect_right(offsets, start) - 1, bisect_left(offsets, end) - 1  # the chunks of its ends
        found[first + 1 : last] = [_EMPTY] * (last - first - 1)  # all of those between start inside
        for c in {first, last}:
            tokens = found[c].tokens
            kept = tuple(t for t in tokens if not start <= offsets[c] + t.start < end)
            if len(kept) < len(tokens):
                found[c] = _new(Chunk, (kept, found[c].lower))
    return found


_EMPTY = Chunk((), ())
_PLUS_ONE = (1).__add__


def chunks(parts: list[str]) -> list[Chunk]:
    """The chunks of a text split at each space (``text.split(" ")``; other white space stays
    inside a chunk, where :data:`TOKEN` skips it as it would in the whole text)."""
    return list(map(CHUNKS.__getitem__, parts))


@lru_cache(maxsize=1 << 16)
def model_key(name: str) -> str:
    """``S-400 Triumf`` -> ``s400``: the model number without separators (or the whole name)."""
    for word in name.split():
        if any(c.isdigit() for c in word):
            return _NOT_MODEL.sub("", word.lower())
    return name.lower()


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Spelling-insensitive key: case, hyphens, a leading 'the'; ministries ignore word order."""
    words = _NOT_KEY.sub(" ", name.lower()).split()
    if words and words[0] == "the":
        words = words[1:]
    if "ministry" in words or "department" in words:
        return " ".join(sorted(w for w in words if w not in ("of", "the")))
    return " ".join(words)



NOT_MODELS = _words("T20 T20I T20Is G7 G8 G20 U17 U19 U20 U21 U23 F1 H1B 4G 5G 6G")
"""Letters and a number that name a format, a group or a class, not a model."""


@lru_cache(maxsize=1 << 16)
def is_model(word: str) -> bool:
    """A model number (``S-400``, ``Su-30MKI``, ``Agni-5``), not an acronym."""
    if word in NOT_MODELS:
        return False
    return bool(
        (MODEL.fullmatch(word) and not ACRONYM.fullmatch(word)) or WORD_NUMBER.fullmatch(word)
        or (MODEL.fullmatch(word) and any(c.isdigit() for c in word) and len(word) > 3)
    )


# --- names: what their words say -------------------------------------------

def head_type(words: list[str]) -> EntityType | None:
    """The type a name's head noun gives it (``... Commission``, ``Lake ...``, ``... Summit``), if any."""
    for index, word in enumerate(words):
        if word in ("of", "for", "on") and index:
            words = words[:index]
            break
    last = words[-1]
    if last in ORG_HEADS:
        return "organisation"
    if last in PLACE_HEADS or words[0] in ("mount", "lake", "cape"):
        return "place"
    if last in EVENT_HEADS or words[0] == "operation":
        return "event"
    return None


def company_context(toks: list[Tok], first: int) -> bool:
    """The words before a name say it is a company: "analysts at (the) X", "shares of X"."""
    k = first - 1
    if k >= 1 and toks[k].low == "the":
        k -= 1
    if k < 1:
        return False
    word, before = toks[k].low, toks[k - 1].low
    return (word == "at" and before in STAFF_AT) or (word == "of" and before in STAKE_OF)


def span_text(text: str, span: list[Tok]) -> str:
    """The surface of a span: a single token's text, or the sentence from its first to its last token."""
    return span[0].text if len(span) == 1 else text[span[0].start:span[-1].end]


def as_name(surface: str) -> str:
    """Upper-case the first letter of a lower-case leading word (``second World War``)."""
    return surface[:1].upper() + surface[1:] if surface[:1].islower() else surface
