"""generator.english gives wordfreq's own Zipf frequencies, without importing wordfreq."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

wordfreq = pytest.importorskip("wordfreq")

from generator import english  # noqa: E402
from generator.wording import _TOKEN  # noqa: E402

from conftest import SEEDS  # noqa: E402


def test_the_word_list_is_wordfreqs() -> None:
    assert english.frequencies() == wordfreq.get_frequency_dict("en")


def test_every_word_of_the_seeds_and_the_commonest_english_words() -> None:
    words = {w for path in SEEDS.glob("*.txt") for w in _TOKEN.findall(path.read_text(encoding="utf-8").lower())}
    words |= set(wordfreq.top_n_list("en", 3000))
    words = {w for w in words if english.WORD.fullmatch(w)}
    assert len(words) > 3000
    assert {w: english.zipf(w) for w in words} == {w: wordfreq.zipf_frequency(w, "en") for w in words}


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=14))
def test_any_ascii_word(word: str) -> None:
    assert english.zipf(word) == wordfreq.zipf_frequency(word, "en")


@given(st.sampled_from(["1", "12", "2019", "2024", "2039", "2040", "2101", "999", "1,000", "s-400", "su-57",
                        "mig-29s", "covid-19", "3rd", "400-500", "0-0", "-", "x-", "1980s", "b-52h", ""]))
def test_numbers_years_and_model_names(word: str) -> None:
    if english.WORD.fullmatch(word):
        assert english.zipf(word) == wordfreq.zipf_frequency(word, "en")
    else:
        with pytest.raises(ValueError):
            english.zipf(word)


def test_wordfreq_itself_is_not_imported() -> None:
    code = "import sys; from generator import english; english.zipf('tank'); print('wordfreq' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_zipf_of_a_word_of_letters_rises_with_its_frequency() -> None:
    """What ``wording.rarity`` relies on to take the Zipf of a stem's commonest form only."""
    freqs = english.frequencies()
    one_word_each = {}
    for word, freq in freqs.items():
        if word.isascii() and word.isalpha():
            one_word_each.setdefault(freq, word)
    zipfs = [english.zipf(word) for _, word in sorted(one_word_each.items())]
    assert len(zipfs) > 300
    assert zipfs == sorted(zipfs)
