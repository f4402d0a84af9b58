"""The quick ways of reading text (chunk tokens, left-out spans, token offsets, abbreviations)
give the same answers as the straightforward ways they replace."""

from __future__ import annotations

import re
from itertools import chain

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.runs import Runs
from generator.knowledge import load_knowledge
from generator.lexicon import LOWER_WORDS, TOKEN, Tok, chunk_offsets, chunks, leave_out
from generator.sentences import is_abbreviation

PIECES = st.sampled_from(
    list("aZz09_.,-&'’\"“”‘()!?:; \t\xa0\u2009×÷ÉéДⒶⅫßǅ²")
    + ["U.S.", "A.B.", "Ministry's", "People’s", "S-400", "pro-Russian", "state-run", "said.", "  ", "'s", "x" * 70]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def tokens_by_pattern(text: str) -> list[tuple[str, bool, int, int]]:
    """The tokens of the whole text, read with :data:`TOKEN` (text, possessive, start, end)."""
    out = []
    for m in TOKEN.finditer(text):
        word = m.group()
        possessive = len(word) > 2 and word[-2] in "'’" and word[-1] in "sS"
        out.append((word[:-2] if possessive else word, possessive, m.start(), m.end() - 2 if possessive else m.end()))
    return out


def tokens_by_chunks(text: str) -> list[tuple[str, bool, int, int]]:
    parts = text.split(" ")
    offsets = chunk_offsets(parts)
    return [
        (t.text, t.possessive, offsets[c] + t.start, offsets[c] + t.end)
        for c, chunk in enumerate(chunks(parts))
        for t in chunk.tokens
    ]


@settings(max_examples=400)
@given(TEXTS)
@example("U.S.Army and A.B.C said: “Foo’s (LAC)” 2021. x_y ×2")
def test_chunk_tokens_are_the_texts_tokens(text: str) -> None:
    assert tokens_by_chunks(text) == tokens_by_pattern(text)
    parts = text.split(" ")
    assert frozenset(chain.from_iterable(c.lower for c in chunks(parts))) == frozenset(LOWER_WORDS.findall(text))


@settings(max_examples=300)
@given(TEXTS, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 20)), max_size=3))
def test_left_out_spans_drop_the_tokens_that_start_in_them(text: str, spans: list[tuple[int, int]]) -> None:
    taken = [(start, min(len(text), start + size)) for start, size in spans if start < len(text)]
    parts = text.split(" ")
    offsets = chunk_offsets(parts)
    kept = leave_out(chunks(parts), offsets, taken)
    got = [(offsets[c] + t.start, t.text) for c, chunk in enumerate(kept) for t in chunk.tokens]
    want = [(start, word) for word, _, start, _ in tokens_by_pattern(text) if not any(a <= start < b for a, b in taken)]
    assert got == want


@settings(max_examples=300)
@given(TEXTS)
def test_placed_tokens_have_their_offsets_in_the_sentence(text: str) -> None:
    state = Runs(load_knowledge(), frozenset())
    state.parts, state.counts, state.offsets = text.split(" "), [], []
    state.chunks = chunks(state.parts)
    state.toks = list(chain.from_iterable(c.tokens for c in state.chunks))
    placed = [state.placed(k) for k in range(len(state.toks))]
    assert all(isinstance(t, Tok) for t in placed)
    assert [(t.text, t.possessive, t.start, t.end) for t in placed] == tokens_by_pattern(text)


_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt rep sen gov pres st mt ft jr sr
    no nos vs etc inc ltd corp co bros dept est approx fig al
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def abbreviation_by_pattern(before: str) -> bool:
    """The last word, found with a pattern over all of ``before``."""
    word = _LAST_WORD.search(before)
    if not word:
        return False
    token = word.group(1)
    return (len(token) == 1 and token.isupper()) or bool(_INITIALS.fullmatch(token + ".")) or (
        token.lower().rstrip(".") in _ABBREVIATIONS
    )


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["Mr", "U.S", "e.g", "Dec", "x", "A", ".", "..", " ", "1", "(", "y" * 70, "a.b" * 25, "." * 40]),
                max_size=12).map("".join))
@example("Mr" + "." * 80)  # the last word begins before the 64 characters looked at first
def test_abbreviation_reads_only_the_last_word(before: str) -> None:
    assert is_abbreviation(before) == abbreviation_by_pattern(before)
