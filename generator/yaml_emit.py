"""A small, fast YAML emitter for front matter: block style, no aliases, no tags.

PyYAML builds a node graph for every value before its emitter runs; for
7,000 pages that was a third of all rendering time. Front matter only ever
holds mappings, lists, strings, numbers, booleans and ``None``, so it is
written directly here:

* a string that can only be read back as that string is written plain
  (``title: India and Russia sign deal``);
* every other string is double-quoted with JSON's escapes, which are YAML
  escapes too, plus escapes for what YAML would not read raw (line breaks
  such as U+2028, C1 controls, DEL, lone surrogates).

``tests/test_properties.py`` checks that ``yaml.safe_load`` reads back
exactly what was written, for any text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from functools import lru_cache

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.,'’()/&-]*(?: [A-Za-z0-9_.,'’()/&-]+)*")
"""Strings YAML 1.1 reads back unchanged when written plain (no ``: ``, `` #``,
leading indicator, trailing space, line break)."""
_RESERVED = frozenset(
    "y n yes no true false on off null".split()
)
"""Plain words a YAML 1.1 reader turns into booleans or null (any case)."""
_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What must not appear raw inside a double-quoted scalar (JSON leaves these alone)."""


@lru_cache(maxsize=1 << 16)
def _string(value: str) -> str:
    """Remembered: front matter repeats the same names, tags and dates on many pages."""
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def scalar(value: object) -> str:
    """One scalar, as it must appear after ``key: `` or ``- ``."""
    if type(value) is str:
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"front matter cannot hold the number {value!r}")
        text = repr(value)
        return text if "." in text and "e" not in text else json.dumps(format(value, ".17f").rstrip("0"))
    if isinstance(value, str):
        return _string(str(value))
    raise TypeError(f"front matter cannot hold a {type(value).__name__}")


def _entry(prefix: str, value: object, indent: str) -> list[str]:
    """The lines of ``prefix`` (``key:`` or ``-``) followed by ``value``, at ``indent``."""
    kind = type(value)
    if kind is str:  # most values: no container checks (an ABC check costs more than the string)
        return [f"{indent}{prefix} {_string(value)}"]  # type: ignore[arg-type]
    if kind is dict and value:
        lines = _mapping(value, indent + "  ")
        if prefix == "-":  # "- key: value", the other keys aligned under it
            lines[0] = f"{indent}- {lines[0][len(indent) + 2:]}"
            return lines
        return [f"{indent}{prefix}", *lines]
    if (kind is list or kind is tuple) and value:
        inner = indent + "  " if prefix == "-" else indent
        lines = [f"{indent}{prefix}"]
        for item in value:
            lines += _entry("-", item, inner)
        return lines
    if kind is dict:
        return [f"{indent}{prefix} {{}}"]
    if kind is list or kind is tuple:
        return [f"{indent}{prefix} []"]
    if value is None or kind is int or kind is bool or kind is float or not isinstance(value, Mapping):
        return [f"{indent}{prefix} {scalar(value)}"]
    return _entry(prefix, dict(value), indent)


def _mapping(mapping: Mapping[object, object], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in mapping.items():
        lines += _entry(f"{scalar(str(key))}:", value, indent)
    return lines


def dump(mapping: Mapping[object, object]) -> str:
    """``mapping`` as a YAML block mapping, keys in the given order, ending with a newline."""
    return "\n".join(_mapping(mapping, "")) + "\n"
