"""Property-based tests: the reader never crashes, the escaper never lets structure through."""

from __future__ import annotations

import datetime as dt
import os
from html.parser import HTMLParser

import markdown
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import markup
from generator.errors import ArticleError
from generator.readers import read_bytes

TODAY = dt.date(2025, 6, 1)
# HYPOTHESIS_MAX_EXAMPLES=5000 for a deeper (slower) search.
SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "200")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = ["attr_list", "admonition", "tables", "toc"]

# Text that looks like articles, front matter and Markdown, to reach the reader's deeper branches.
FRAGMENTS = st.sampled_from([
    "date ", "Date: ", "date 2024-12-10", "2024-02-30", "10/12/2024", "13/12/2024", "10 December 2024",
    "December 10, 2024", "2024/12/10", "0000-00-00", "9999-99-99", "\n", "\n\n", "\r\n", "---\n",
    "title: ", "tags: ", "date: ", "url: ", "[", "]", "{", "}", ": ", "- ", "? ", "&a ", "*a", "!!python/name:os",
    "\ufeff", "\x00", "\x1b", "é", "“", "<script>", "{{ x }}", "# ", "> ", "| a |", "1. ",
])
STRUCTURED = st.lists(st.one_of(FRAGMENTS, st.text(max_size=12)), max_size=30).map("".join)


def _read(data: bytes) -> None:
    try:
        article = read_bytes("prop.txt", data, today=TODAY)
    except ArticleError as exc:
        assert str(exc).startswith("prop.txt: ")
        return
    assert article.paragraphs and all(p.strip() for p in article.paragraphs)
    assert article.date <= TODAY + dt.timedelta(days=2)


@SETTINGS
@given(st.binary(max_size=2000))
def test_reader_on_arbitrary_bytes_raises_only_article_error(data):
    _read(data)


@SETTINGS
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"]))
def test_reader_on_arbitrary_text_raises_only_article_error(text, encoding):
    _read(text.encode(encoding, errors="replace"))


@SETTINGS
@given(STRUCTURED, st.sampled_from(["", "date 2024-12-10\n\n", "---\ntitle: x\n---\ndate 2024-12-10\n"]))
def test_reader_on_article_like_text_raises_only_article_error(text, prefix):
    _read((prefix + text).encode("utf-8"))


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[list[tuple[str, str | None]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append(attrs)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.append(attrs)

    def handle_data(self, data):
        self.data.append(data)

    def handle_comment(self, data):
        self.tags.append("!--")

    def handle_decl(self, decl):
        self.tags.append("!")

    def handle_pi(self, data):
        self.tags.append("?")


MARKDOWNISH = st.lists(
    st.one_of(
        st.sampled_from([
            "#", "##", "---", "***", "___", ">", "|", "!!!", "[^1]:", "--8<--", "<!--", "-->", "<script>",
            "</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "{: #x .y }", "{{", "}}",
            "{%", "%}", "*", "_", "`", "```", "~~~", "1.", "1)", "-", "+", "=", "==", "\\", "&amp;", "&#60;",
            "&", "<", ">", ":", "    ", "\t", "\n", "\n\n", "  \n", "*[HTML]:", "$", "^", "~", "[", "]", "(", ")",
            "<http://x.y>", "http://x.y", "\u00a0", "\u200b", "\u202e", "\x02", "\x03", "\u2028", "\ufeff",
        ]),
        st.text(max_size=8),
    ),
    max_size=25,
).map("".join)


def _render(value: str) -> _Collect:
    html = markdown.markdown(markup.text(value), extensions=EXTENSIONS)
    parsed = _Collect()
    parsed.feed(html)
    parsed.close()
    return parsed


@SETTINGS
@given(st.one_of(st.text(max_size=300), MARKDOWNISH))
@example("<script>alert(1)</script>")
@example("# Heading")
@example("1. item")
@example("12. item")
@example("--8<-- \"/etc/passwd\"")
@example("{: #id onclick=alert(1) }")
@example("&amp; &#60; &lt;")
@example("| a | b |")
@example("[^1]: note")
@example("!!! warning")
@example("- item")
@example("(a)[b](c) x](y) [z](w)")
@example("--8<-- snippet")
@example("a\n---")
def test_escaped_text_renders_as_one_plain_paragraph(value):
    parsed = _render(value)
    expected = markup.clean(value)
    if expected:
        assert parsed.tags == ["p"], (value, parsed.tags)
        assert parsed.attrs == [[]]
    else:
        assert parsed.tags == []
    assert "".join(parsed.data) == expected


@SETTINGS
@given(st.text(max_size=200))
def test_clean_is_one_line_without_invisible_characters(value):
    cleaned = markup.clean(value)
    assert cleaned == markup.clean(cleaned)
    assert "\n" not in cleaned and "\r" not in cleaned
    assert cleaned == cleaned.strip()
    assert not any(ch in cleaned for ch in "\x00\x1b\u200b\u202e\ufeff")


@SETTINGS
@given(st.text(max_size=200))
def test_slugify_is_safe_ascii_and_never_a_path(value):
    slug = markup.slugify(value)
    assert slug and slug.isascii()
    assert all(ch.islower() or ch.isdigit() or ch == "-" for ch in slug)
    assert "/" not in slug and ".." not in slug and not slug.startswith("-")
    assert len(slug) <= 60


# Front matter: whatever the text, YAML reads back exactly what the emitter wrote.
YAML_TEXT = st.one_of(st.text(), STRUCTURED, st.sampled_from(
    ["yes", "No", "ON", "off", "null", "Null", "~", "", " ", "a ", "a: b", "a #b", "- a", "'a", '"a', "0x1F",
     "1e3", ".inf", "2024-12-10", "a\u2028b", "a\x85b", "\x7f", "\ud800", "<b>", "a\tb", "&x", "*x", "!x", "%x"]))
YAML_LEAF = st.one_of(YAML_TEXT, st.none(), st.booleans(), st.integers(), st.sampled_from([0.5, 2.0, 0.25]))
YAML_VALUES = st.recursive(
    YAML_LEAF,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(YAML_TEXT, inner, max_size=4)),
    max_leaves=12,
)


@SETTINGS
@given(st.dictionaries(YAML_TEXT, YAML_VALUES, max_size=6))
def test_front_matter_reads_back_exactly(meta: dict) -> None:
    import yaml

    from generator import yaml_emit

    written = yaml_emit.dump(meta)
    assert yaml.safe_load(written) == (meta or None)
    page = markup.seal({k: v for k, v in meta.items() if k != markup.GENERATED_KEY}, "body")
    assert markup.generated_state(page) == "generated"


UNITS = st.lists(
    st.tuples(st.integers(0, 5), st.frozensets(st.sampled_from([f"s{k}" for k in range(14)]), max_size=9)),
    max_size=40,
)


@SETTINGS
@given(UNITS, st.integers(2, 12))
def test_fact_candidates_are_the_pairs_sharing_enough_rare_stems(rows, rare_limit) -> None:
    """facts._candidates counts shared stems with numpy; it must find exactly the pairs a
    plain comparison of every two sentences finds."""
    from collections import defaultdict
    from itertools import combinations

    from generator.facts import MIN_SHARED, Unit, _candidates
    from generator.overlap import Numbered, Postings

    units = [Unit(f"a{article}", 0, f"u{n}", stems) for n, (article, stems) in enumerate(rows)]
    index: dict[str, list[int]] = defaultdict(list)
    for n, unit in enumerate(units):
        for stem in unit.stems:
            index[stem].append(n)
    rare = {stem for stem, postings in index.items() if 1 < len(postings) <= rare_limit}
    expected = [(i, j) for i, j in combinations(range(len(units)), 2)
                if units[i].slug != units[j].slug and len(units[i].stems & units[j].stems & rare) >= MIN_SHARED]
    blocks = [Numbered.of([u.stems]) for u in units]  # one block per sentence, any slug
    i, j = _candidates(Postings([u.slug for u in units], blocks), rare_limit)
    assert list(zip(i.tolist(), j.tolist())) == expected
