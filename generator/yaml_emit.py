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
from collections.abc import Callable, Mapping
from functools import lru_cache
from json.encoder import encode_basestring as _json_string  # json.dumps(s, ensure_ascii=False), without building an encoder per call

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.,'’()/&-]*(?: [A-Za-z0-9_.,'’()/&-]+)*")
"""Strings YAML 1.1 reads back unchanged when written plain (no ``: ``, `` #``,
leading indicator, trailing space, line break)."""
_RESERVED = frozenset(
    "y n yes no true false on off null".split()
)
"""Plain words a YAML 1.1 reader turns into booleans or null (any case)."""
_UNSAFE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""What must not appear raw inside a double-quoted scalar (JSON leaves these alone)."""


def quote(value: str) -> str:
    """``value`` as a scalar: plain if that reads back as the same string, else double-quoted."""
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED:
        return value
    quoted = _json_string(value)
    return _UNSAFE.sub(_unicode_escape, quoted)


def _unicode_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


_string = lru_cache(maxsize=1 << 16)(quote)
"""Remembered: front matter repeats the same names, tags and dates on many pages."""


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


Text = Callable[[str], str]
"""How a string value is written (``_string``, or a caller's variant of it); keys are always ``_string``."""


def _entry(out: list[str], prefix: str, value: object, indent: str, text: Text) -> None:
    """Append the lines of ``prefix`` (``key:`` or ``-``) followed by ``value``, at ``indent``."""
    kind = type(value)
    if kind is str:  # most values: no container checks (an ABC check costs more than the string)
        out.append(f"{indent}{prefix} {text(value)}")  # type: ignore[arg-type]
    elif kind is dict and value:
        if prefix == "-":  # "- key: value", the other keys aligned under it
            first = len(out)
            _mapping(out, value, indent + "  ", text)  # type: ignore[arg-type]
            out[first] = f"{indent}- {out[first][len(indent) + 2:]}"
        else:
            out.append(f"{indent}{prefix}")
            _mapping(out, value, indent + "  ", text)  # type: ignore[arg-type]
    elif (kind is list or kind is tuple) and value:
        out.append(f"{indent}{prefix}")
        inner = indent + "  " if prefix == "-" else indent
        item = inner + "- "
        for element in value:  # type: ignore[attr-defined]
            if type(element) is str:
                out.append(item + text(element))
            else:
                _entry(out, "-", element, inner, text)
    elif kind is dict:
        out.append(f"{indent}{prefix} {{}}")
    elif kind is list or kind is tuple:
        out.append(f"{indent}{prefix} []")
    elif isinstance(value, str):
        out.append(f"{indent}{prefix} {text(str(value))}")
    elif value is None or kind is int or kind is bool or kind is float or not isinstance(value, Mapping):
        out.append(f"{indent}{prefix} {scalar(value)}")
    else:
        _entry(out, prefix, dict(value), indent, text)


def _mapping(out: list[str], mapping: Mapping[object, object], indent: str, text: Text) -> None:
    for key, value in mapping.items():
        name = _string(key if type(key) is str else str(key))
        if type(value) is str:
            out.append(f"{indent}{name}: {text(value)}")
        else:
            _entry(out, name + ":", value, indent, text)


def dump(mapping: Mapping[object, object], text: Text = _string) -> str:
    """``mapping`` as a YAML block mapping, keys in the given order, ending with a newline.
    ``text(s)`` writes each string value (not the keys): ``_string`` unless the caller
    changes strings first (it must return what ``quote`` returns for the changed string)."""
    out: list[str] = []
    _mapping(out, mapping, "", text)
    return "\n".join(out) + "\n"
