"""How common a word is in English: wordfreq's ``zipf_frequency(word, "en")``, without wordfreq's import.

Digests weigh words by their rarity in English, from the word list of the
pinned ``wordfreq`` package. Importing wordfreq takes about 0.1 s (ftfy,
``regex``, langcodes, a dozen compiled Unicode patterns) and loading its list
another 0.1 s: a fifth of a rerun that rebuilds one digest. The words we look
up are plain ASCII (``[a-z0-9-]``, see ``wording._TOKEN``), for which
wordfreq's tokenizer only splits at hyphens; so this module reads wordfreq's
data file directly and repeats its arithmetic (multi-digit runs counted as
numbers, tokens combined as ``1/f = 1/f1 + 1/f2``, three significant digits,
Zipf to two decimals). ``tests/test_english.py`` checks it against
``wordfreq.zipf_frequency`` word for word.
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from functools import lru_cache
from pathlib import Path

import msgspec

from .errors import GeneratorError

WORD = re.compile(r"[a-z0-9-]*")
"""What :func:`zipf` accepts."""
_MULTI_DIGIT = re.compile(r"\d[\d.,]+")
_PURE_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_MINIMUM = 1e-9
"""wordfreq's floor for ``zipf_frequency`` (Zipf 0): an unknown word's frequency."""

# wordfreq.numbers: how often a run of digits occurs (Benford's law; years near the present).
_DIGIT_FREQS = (0.009, 0.300, 0.175, 0.124, 0.096, 0.078, 0.066, 0.057, 0.050, 0.045)
_YEAR_LOG_PEAK = -1.9185
_NOT_YEAR_PROB = 0.1
_REFERENCE_YEAR = 2019
_PLATEAU_WIDTH = 20


def _data_file() -> Path:
    """wordfreq's English list, found without importing (and so running) the package."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise GeneratorError("the wordfreq package is missing: run `make site` (or pip install -e .) to install it")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "large_en.msgpack.gz"


@lru_cache(maxsize=1)
def frequencies() -> dict[str, float]:
    """Word -> frequency, as ``wordfreq.get_frequency_dict("en")``: the file is a header and
    then one list of words per centibel (0, -1, -2 ... cB)."""
    header, *buckets = msgspec.msgpack.decode(gzip.decompress(_data_file().read_bytes()))
    if header != {"format": "cB", "version": 1}:
        raise GeneratorError(f"{_data_file()}: not a wordfreq word list this generator can read ({header!r})")
    return {word: freq for index, bucket in enumerate(buckets) for freq in (10 ** (-index / 100),) for word in bucket}


def _benford(digits: str) -> float:
    return _DIGIT_FREQS[int(digits[0])] / 10 ** (len(digits) - 1)


def _year(digits: str) -> float:
    year = int(digits)
    if year <= _REFERENCE_YEAR:
        log_freq = _YEAR_LOG_PEAK - 0.0083 * (_REFERENCE_YEAR - year)
    elif year <= _REFERENCE_YEAR + _PLATEAU_WIDTH:
        log_freq = _YEAR_LOG_PEAK
    else:
        log_freq = _YEAR_LOG_PEAK - 0.2 * (year - (_REFERENCE_YEAR + _PLATEAU_WIDTH))
    return 10.0**log_freq + _NOT_YEAR_PROB * _benford(digits)


def _digits(token: str) -> float:
    freq = 1.0
    for run in _MULTI_DIGIT.findall(token):
        for digits in _PURE_DIGITS.findall(run):
            freq *= _year(digits) if len(digits) == 4 else _benford(digits)
    return freq


def _frequency(word: str) -> float:
    tokens = [token for token in word.split("-") if token]
    if not tokens:
        return _MINIMUM
    freqs = frequencies()
    one_over = 0.0
    for token in tokens:
        smashed = _MULTI_DIGIT.sub(lambda m: _DIGIT.sub("0", m.group(0)), token)
        if smashed not in freqs:
            return _MINIMUM
        freq = freqs[smashed]
        if smashed != token:
            freq *= _digits(token)
        one_over += 1.0 / freq
    freq = max(1.0 / one_over, _MINIMUM)
    return round(freq, math.floor(-math.log(freq, 10)) + 3)


def zipf(word: str) -> float:
    """``wordfreq.zipf_frequency(word, "en")`` for a lower-case ASCII word (``WORD``)."""
    if not WORD.fullmatch(word):
        raise ValueError(f"not a lower-case ASCII word: {word!r}")
    return round(math.log(_frequency(word), 10) + 9, 2)
