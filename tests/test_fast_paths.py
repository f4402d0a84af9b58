"""The fast paths of page rendering (``markup``, ``yaml_emit``, the timeline's rows) give
exactly what the straightforward versions they replaced give (kept here as the reference),
for any input."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from generator import markup, yaml_emit

from conftest import SEEDS
from test_properties import MARKDOWNISH, SETTINGS, YAML_TEXT, YAML_VALUES

WHITE = st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u3000"
                                     "\u200b\u202e\ufeff\x00\x7fab-*<>1.")), max_size=40)
TEXT = st.one_of(st.text(max_size=300), MARKDOWNISH, WHITE)


def test_other_space_is_every_white_space_character_but_the_space() -> None:
    white = {chr(n) for n in range(0x110000) if chr(n).isspace()} - {" "}
    assert {ch for ch in white if re.fullmatch(f"[{markup._OTHER_SPACE}]", ch)} == white
    assert not any(re.fullmatch(f"[{markup._OTHER_SPACE}]", chr(n)) for n in range(0x3100) if chr(n) not in white)


def test_what_clean_would_change_is_never_printable() -> None:
    """clean() trusts str.isprintable() before it searches for _UNCLEAN."""
    unclean = [chr(n) for n in range(0x110000) if markup._UNCLEAN.match(chr(n))]
    assert unclean and not any(ch.isprintable() for ch in unclean)


def reference_clean(text: str) -> str:
    return " ".join(markup._INVISIBLE.sub("", text).split())


def reference_text(value: str) -> str:
    escaped = markup._SPECIAL_RE.sub(lambda m: markup._ESCAPES[m.group()], reference_clean(value))
    return re.sub(r"^(\d+)\.", r"\1&#46;", escaped) if escaped[:1].isdigit() else escaped


@SETTINGS
@given(TEXT)
@example(" a")
@example("a ")
@example("a  b")
@example("a\u200b b")
@example("1. x" + "y" * 200)
def test_clean_and_text_match_the_reference(value: str) -> None:
    assert markup.clean(value) == reference_clean(value)
    assert markup.text(value) == reference_text(value)
    assert markup.passage(value) == reference_text(value)


def reference_relative(from_page: str, to_page: str) -> str:
    from_dir, _, _ = from_page.rpartition("/")
    to_dir, _, to_name = to_page.rpartition("/")
    if from_dir == to_dir:
        return to_name
    source = from_page.split("/")[:-1]
    target = to_page.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


PATHS = st.lists(st.sampled_from(["a", "b", "articles", "entities", "", "."]), max_size=4).map(
    lambda parts: "/".join([*parts, "x.md"]))


@SETTINGS
@given(PATHS, PATHS)
@example("index.md", "topics/t.md")
@example("articles/a.md", "entities/person/p.md")
@example("entities/person/p.md", "articles/a.md")
@example("entities/person/p.md", "entities/place/q.md")
@example("x.md", "/x.md")
@example("/x.md", "a/x.md")
def test_relative_matches_the_reference(from_page: str, to_page: str) -> None:
    assert markup.relative(from_page, to_page) == reference_relative(from_page, to_page)


# The emitter as it was: a list of lines per entry, strings made inert by a copy of the value first.
def _reference_string(value: str) -> str:
    if yaml_emit._PLAIN.fullmatch(value) and value.lower() not in yaml_emit._RESERVED:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return yaml_emit._UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _reference_scalar(value: object) -> str:
    if isinstance(value, str):
        return _reference_string(str(value))
    return yaml_emit.scalar(value)


def _reference_entry(prefix: str, value: object, indent: str) -> list[str]:
    kind = type(value)
    if kind is str:
        return [f"{indent}{prefix} {_reference_string(value)}"]  # type: ignore[arg-type]
    if kind is dict and value:
        lines = _reference_mapping(value, indent + "  ")  # type: ignore[arg-type]
        if prefix == "-":
            lines[0] = f"{indent}- {lines[0][len(indent) + 2:]}"
            return lines
        return [f"{indent}{prefix}", *lines]
    if (kind is list or kind is tuple) and value:
        inner = indent + "  " if prefix == "-" else indent
        lines = [f"{indent}{prefix}"]
        for item in value:  # type: ignore[attr-defined]
            lines += _reference_entry("-", item, inner)
        return lines
    if kind is dict:
        return [f"{indent}{prefix} {{}}"]
    if kind is list or kind is tuple:
        return [f"{indent}{prefix} []"]
    if value is None or kind is int or kind is bool or kind is float or not isinstance(value, Mapping):
        return [f"{indent}{prefix} {_reference_scalar(value)}"]
    return _reference_entry(prefix, dict(value), indent)


def _reference_mapping(mapping: Mapping[object, object], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in mapping.items():
        lines += _reference_entry(f"{_reference_scalar(str(key))}:", value, indent)
    return lines


def reference_dump(mapping: Mapping[object, object]) -> str:
    return "\n".join(_reference_mapping(mapping, "")) + "\n"


def _reference_inert(value: object) -> object:
    kind = type(value)
    if kind is str:
        return value.replace("<", "‹").replace(">", "›")  # type: ignore[union-attr]
    if kind is list or kind is tuple:
        return [_reference_inert(v) for v in value]  # type: ignore[union-attr]
    if value is None or kind is int or kind is bool or kind is float:
        return value
    if kind is dict or isinstance(value, Mapping):
        return {k: _reference_inert(v) for k, v in value.items()}  # type: ignore[union-attr]
    if isinstance(value, str):
        return _reference_inert(str(value))
    return value


def reference_seal(meta: Mapping[str, object], body: str) -> str:
    meta = {markup.GENERATED_KEY: markup._PLACEHOLDER, **meta}
    content = f"---\n{reference_dump(_reference_inert(dict(meta)))}---\n" + "\n" + body.rstrip("\n") + "\n"  # type: ignore[arg-type]
    return content.replace(f"{markup.GENERATED_KEY}: {markup._PLACEHOLDER}",
                           f"{markup.GENERATED_KEY}: sha256-{markup.page_hash(content)}", 1)


class _Text(str):
    """A str subclass: written as the plain string it holds."""


class _Map(Mapping):
    def __init__(self, items: dict) -> None:
        self.items_ = items

    def __getitem__(self, key):
        return self.items_[key]

    def __iter__(self):
        return iter(self.items_)

    def __len__(self) -> int:
        return len(self.items_)


ODD_VALUES = st.recursive(
    st.one_of(YAML_VALUES, YAML_TEXT.map(_Text), st.tuples(YAML_TEXT, YAML_TEXT)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(YAML_TEXT, inner, max_size=3).map(_Map)),
    max_leaves=8,
)
META = st.dictionaries(YAML_TEXT, st.one_of(YAML_VALUES, ODD_VALUES), max_size=6)


@SETTINGS
@given(META, st.text(max_size=200))
@example({"title": "<b>x</b>", "tags": ["<i>"], "nested": {"a": ["<", {"b": ">"}]}}, "body\n\n")
@example({"generated": "x"}, "b")
@example({"generated": "sha256-" + "0" * 64}, "b")
@example({"title": "T"}, "x\n")
@example({"title": "T"}, "x\n\n\n")
@example({"title": "T"}, "")
@example({"title": "“T”"}, "¶\n")
def test_dump_front_matter_and_seal_match_the_reference(meta: dict, body: str) -> None:
    assert yaml_emit.dump(meta) == reference_dump(meta)
    assert markup.front_matter(meta) == f"---\n{reference_dump(_reference_inert(dict(meta)))}---\n"  # type: ignore[arg-type]
    sealed = markup.seal(meta, body)
    assert sealed == reference_seal(meta, body)
    assert markup.page_hash(sealed) == markup.sealed_hash(sealed) or markup.GENERATED_KEY in meta
    assert b"".join(markup.encoded(sealed)) == sealed.encode("utf-8")  # the last page sealed: its pieces
    assert markup.encoded(sealed[:-1]) == [sealed[:-1].encode("utf-8")]  # any other text: encoded


def test_seal_hash_is_sha256_of_the_page_with_its_hash_blanked() -> None:
    page = markup.seal({"title": "T"}, "# T\n")
    blank = re.sub(r"sha256-[0-9a-f]{64}", "sha256-" + "0" * 64, page, count=1)
    assert markup.sealed_hash(page) == hashlib.sha256(blank.encode()).hexdigest()


def reference_sealed_hash(content: str) -> str | None:
    if not content.startswith("---\n"):
        return None
    end = content.find("\n---\n", 4)
    match = re.search(r"^generated: sha256-([0-9a-f]{64})$", content[4:end] if end >= 0 else "", flags=re.M)
    return match.group(1) if match else None


HASH_LINES = st.sampled_from(["---\n", "generated: sha256-" + "a" * 64 + "\n", "generated: sha256-" + "b" * 64,
                              "generated: sha256-" + "c" * 63 + "\n", "x: y\n", "\n---\n", "\n", "---"])


@SETTINGS
@given(st.lists(st.one_of(HASH_LINES, st.text(max_size=5)), max_size=8).map("".join))
@example("---\ngenerated: sha256-" + "a" * 64 + "\n---\n")
@example("---\ngenerated: sha256-" + "a" * 64 + "\n--")
@example("---\ngenerated: sha256-" + "a" * 64 + "\nx\n---\n")
def test_sealed_hash_matches_the_reference(content: str) -> None:
    assert markup.sealed_hash(content) == reference_sealed_hash(content)


def reference_page_hash(content: str) -> str:
    blanked = re.sub(r"^generated: sha256-[0-9a-f]{64}$", "generated: sha256-" + "0" * 64, content, count=1, flags=re.M)
    return hashlib.sha256(blanked.encode("utf-8")).hexdigest()


@SETTINGS
@given(st.lists(st.one_of(HASH_LINES, st.text(max_size=5)), max_size=8).map("".join))
@example("---\ngenerated: sha256-" + "a" * 64 + "\n---\n“x”\n")
def test_page_hash_matches_the_reference(content: str) -> None:
    assert markup.page_hash(content) == reference_page_hash(content)



def reference_rows(events: list) -> list:
    rows: dict = {}
    cited: dict = {}
    for event in sorted(events, key=lambda e: (e[0], e[3], e[4]), reverse=True):
        key = (event[0], event[1])
        if key not in rows:
            rows[key], cited[key] = [event], {event[3]}
        elif event[3] not in cited[key]:
            rows[key].append(event)
            cited[key].add(event[3])
    return list(rows.values())


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["2024-01-02", "2024-01", "2024"]), st.sampled_from(["a", "b", "c"]),
                          st.just("x"), st.sampled_from(["s1", "s2", "s3"]), st.integers(0, 3), st.just("t")),
                max_size=30))
def test_timeline_rows_match_the_reference(events: list) -> None:
    from generator.pages.timeline import _rows

    assert _rows(events) == reference_rows(events)


def reference_cite(citations, numbers, from_page: str) -> str:
    links = []
    for c in sorted(set(citations), key=lambda c: (numbers.get(c.slug, 0), c.paragraph)):
        target = reference_relative(from_page, f"articles/{c.slug}.md")
        links.append(f"[{numbers.get(c.slug, '?')}&nbsp;¶{c.paragraph + 1}]({target}#p{c.paragraph + 1})")
    return " ".join(links)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "unnumbered"]), st.integers(0, 4)), max_size=12),
       st.sampled_from(["topics/t.md", "index.md", "articles/x.md", "notes/deep/page.md"]))
def test_cite_matches_the_reference(pairs, from_page: str) -> None:
    """(Two slugs without a number citing the same paragraph were ordered by chance before: not drawn.)"""
    from generator.models import Citation
    from generator.pages.common import Citer

    citations = [Citation(slug, paragraph) for slug, paragraph in pairs]
    numbers = {"a": 2, "b": 1, "c": 3}
    cite = Citer(numbers, from_page)
    assert cite(citations) == reference_cite(citations, numbers, from_page)
    assert cite(citations[:1]) == reference_cite(citations[:1], numbers, from_page)  # each link made once per page
    assert cite(citations) == reference_cite(citations, numbers, from_page)


@SETTINGS
@given(PATHS, PATHS)
@example("index.md", "topics/t.md")
@example("x.md", "/x.md")
def test_link_targets_match_the_reference(from_page: str, to_page: str) -> None:
    from types import SimpleNamespace

    from generator.pages.common import Context

    context = Context.__new__(Context)
    context.corpus, context.paths_by_type, context._links, context.article_links = SimpleNamespace(), {}, {}, {}
    assert context.links(from_page).target(to_page) == reference_relative(from_page, to_page)


@pytest.fixture(scope="module")
def seeds_corpus(tmp_path_factory: pytest.TempPathFactory):
    """The corpus of the repository's seeds, with its digests."""
    from generator.knowledge import load_knowledge
    from generator.pipeline import RunReport, build_corpus
    from generator.readers import read_folder

    articles, _ = read_folder(SEEDS)
    corpus, _ = build_corpus(articles, tmp_path_factory.mktemp("docs"), load_knowledge(None), 1, RunReport(),
                             use_cache=False)
    return corpus


def test_links_match_the_straightforward_links(seeds_corpus) -> None:
    """common.Links remembers, per folder, what markup.link and markup.relative would make."""
    from generator.corpus import entity_key
    from generator.pages.common import Context, long_date

    corpus = seeds_corpus
    context = Context(corpus)
    named = {(t, n) for d in corpus.documents for t, names in d.entities.items() for n in names}
    named |= {(e.type, e.name) for e in corpus.entities.values()} | {("person", "Nobody Known"), ("place", "a:b")}
    assert corpus.documents and corpus.digests and corpus.entities
    for page in ["articles/x.md", "topics/t.md", "entities/person/p.md", "timeline/2024-01.md", "index.md",
                 "notes/deep/page.md"]:
        links = context.links(page)
        assert context.links(page.replace("x.md", "y.md")) is links or "/" not in page
        for _ in range(2):  # made, then remembered
            for d in corpus.documents:
                target = markup.relative(page, d.path)
                assert links.article_target(d.slug) == target
                assert links.article(d.slug) == markup.link(d.title, target)
                assert links.listed(d.slug) == f"- {markup.link(d.title, target)} · {long_date(d.article.date)}"
            for digest in corpus.digests:
                slug = digest.topic.slug
                assert links.digest(slug) == markup.link(digest.topic.title, markup.relative(page, corpus.digest_path(slug)))
            for type_, name in sorted(named):
                key = entity_key(type_, name)
                path = corpus.entity_path(key) if key in corpus.entities else None
                assert context.entity_path(type_, name) == path
                assert links.entity(type_, name) == (None if path is None else markup.link(name, markup.relative(page, path)))


def reference_article_meta(corpus, document) -> dict:
    """The article's front matter as the mapping it once was (pages.article writes it directly)."""
    from generator.pages.common import BOOST, safe_url

    article, analysis = document.article, document.analysis
    digests = corpus.digest_by_slug
    meta: dict = {
        "title": markup.clean(analysis.headline),
        "type": "article",
        "date": article.date.isoformat(),
        "dateline": markup.clean(analysis.dateline) if analysis.dateline else None,
        "id": article.id,
        "source": article.source,
    }
    if "source" in article.overrides:
        meta["outlet"] = markup.clean(str(article.overrides["source"]))
    if safe_url(article.overrides.get("url")):
        meta["url"] = article.overrides["url"]
    meta.update({
        "summary": markup.clean(analysis.summary),
        "tags": list(document.tags),
        "topics": [digests[s].topic.title for s in corpus.appears_in.get(document.slug, ()) if s in digests],
        "entities": {t: list(names) for t, names in document.entities.items()},
        "quotes": [{"speaker": q.speaker, "text": markup.clean(q.text)} for q in document.quotes],
        "events": [{"date": e.date, "text": markup.clean(e.text)} for e in analysis.events],
        "copies": list(document.copies),
        "search": {"boost": BOOST["article"]},
    })
    return meta


def _article_front_matter_matches(corpus, document) -> None:
    from generator.pages.article import front_matter

    lines = front_matter(corpus, document)
    want = markup.front_matter({markup.GENERATED_KEY: markup._PLACEHOLDER, **reference_article_meta(corpus, document)})
    assert want == f"---\n{markup.GENERATED_KEY}: {markup._PLACEHOLDER}\n" + "\n".join(lines) + "\n---\n"
    body = "# x\n"
    assert markup.seal_lines(lines, body) == markup.seal(reference_article_meta(corpus, document), body)


def test_article_front_matter_matches_the_mapping(seeds_corpus) -> None:
    for document in seeds_corpus.documents:
        _article_front_matter_matches(seeds_corpus, document)


TEXTS = st.one_of(YAML_TEXT, MARKDOWNISH)


@SETTINGS
@given(st.data())
def test_article_front_matter_matches_the_mapping_for_any_text(seeds_corpus, data) -> None:
    """Any headline, dateline, summary, editor's source and url, tags, entities, quotes,
    events and copies (and a document with none of them)."""
    from dataclasses import replace

    from generator.models import DatedEvent, Quote

    corpus = seeds_corpus
    document = data.draw(st.sampled_from(corpus.documents))
    overrides = data.draw(st.fixed_dictionaries({}, optional={
        "source": st.one_of(TEXTS, st.integers()), "url": st.one_of(TEXTS, st.just("https://example.com/a?b=1#c"))}))
    analysis = replace(
        document.analysis,
        headline=data.draw(TEXTS), dateline=data.draw(st.one_of(st.none(), TEXTS)), summary=data.draw(TEXTS),
        events=tuple(DatedEvent(d, t, 0, "") for d, t in data.draw(st.lists(st.tuples(TEXTS, TEXTS), max_size=3))))
    quotes = tuple(Quote(t, s, None, 0) for t, s in data.draw(st.lists(st.tuples(TEXTS, st.one_of(st.none(), TEXTS)),
                                                                        max_size=3)))
    entities = data.draw(st.dictionaries(st.sampled_from(["person", "place", "a: b", "yes"]),
                                         st.lists(TEXTS, max_size=3).map(tuple), max_size=3))
    changed = replace(document, article=replace(document.article, overrides=overrides), analysis=analysis,
                      quotes=quotes, entities=entities, tags=tuple(data.draw(st.lists(TEXTS, max_size=3))),
                      copies=tuple(data.draw(st.lists(TEXTS, max_size=2))))
    _article_front_matter_matches(corpus, changed)


SLUGS = [f"s{n}" for n in range(8)]
KEYS = [f"{t}:{n}" for t in ("person", "place", "organisation") for n in "abcd"]


@st.composite
def small_corpora(draw):
    """What related_articles and co_mentioned read of a corpus: entities, mentions, counts."""
    from types import SimpleNamespace

    slugs = draw(st.lists(st.sampled_from(SLUGS), min_size=1, unique=True))
    mentions = {key: tuple(draw(st.lists(st.sampled_from(SLUGS), unique=True, max_size=6)))
                for key in draw(st.lists(st.sampled_from(KEYS), unique=True))}
    entities = {key: None for key in mentions if draw(st.booleans()) or mentions[key]}
    counts = {slug: {key: 1 for key in draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=6))}
              for slug in slugs}
    return SimpleNamespace(counts=counts, mentions=mentions, entities=entities)


def reference_related(corpus, most: int, limit: int) -> dict:
    import math
    from collections import defaultdict

    import numpy as np

    scores: dict = defaultdict(lambda: defaultdict(float))
    for key, posting in corpus.mentions.items():
        if key.startswith("place:") or not 2 <= len(posting) <= most:
            continue
        found = [slug for slug in posting if slug in corpus.counts]
        for a in found:
            for b in found:
                scores[a][b] += 1 / math.log(1 + len(posting))
    best = {}
    for slug in sorted(corpus.counts):
        others = {other: float(np.round(score, 9)) for other, score in scores[slug].items() if other != slug}
        best[slug] = tuple(sorted(others, key=lambda other: (-others[other], other))[:limit])
    return best


def reference_co_mentioned(corpus, listed: int, limit: int) -> dict:
    from collections import Counter

    out = {}
    for key in sorted(corpus.entities):
        named = Counter(other for slug in corpus.mentions.get(key, ())[:listed] for other in corpus.counts[slug]
                        if other in corpus.entities and other != key)
        out[key] = sorted(named.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return out


@SETTINGS
@given(small_corpora(), st.integers(2, 6), st.integers(1, 3), st.integers(1, 4))
def test_related_and_co_mentioned_match_the_reference(corpus, most, limit, listed) -> None:
    """The sparse products give what counting every pair gives (cut-offs small, to be reached)."""
    from generator.pages import article, entities

    corpus.mentions = {key: tuple(s for s in posting if s in corpus.counts) if key in corpus.entities else posting
                       for key, posting in corpus.mentions.items()}  # an entity is mentioned by articles
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(article, "MAX_RELATED_POSTINGS", most)
        patch.setattr(article, "RELATED", limit)
        patch.setattr(entities, "MAX_LISTED", listed)
        patch.setattr(entities, "CO_MENTIONED", limit)
        assert article.related_articles(corpus) == reference_related(corpus, most, limit)
        assert entities.co_mentioned(corpus) == reference_co_mentioned(corpus, listed, limit)


def test_rendering_leaves_no_cycle_holding_the_corpus(tmp_path: Path) -> None:
    """A run pauses the garbage collector (pipeline._collector_paused): what rendering
    remembers per run (pages.common.Context) must not hold the corpus in a reference
    cycle, which would keep it, and make the next collection walk it, after the run."""
    import gc
    import weakref

    from generator.knowledge import load_knowledge
    from generator.pages import render_site
    from generator.pipeline import RunReport, build_corpus
    from generator.readers import read_folder

    articles, _ = read_folder(SEEDS)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        corpus, prepared = build_corpus(articles, tmp_path, load_knowledge(None), 1, RunReport(), use_cache=False)
        render_site(corpus, None, "v", 1, None, prepared)
        alive = weakref.ref(corpus)
        del corpus, prepared
        assert alive() is None
    finally:
        if was_enabled:
            gc.enable()


def _fingerprints(corpus) -> dict[str, str]:
    from generator.pages import render_site

    found: dict[str, str] = {}
    render_site(corpus, lambda path, fingerprint: found.setdefault(path, fingerprint) is not None, "v", 1)
    return found


def test_list_fingerprints_follow_each_listed_article(seeds_corpus) -> None:
    """Pages that list articles fingerprint each by an id of what they show of it (Context.card_ids,
    entry_ids): a new headline changes every page listing the article, a new summary every
    page showing it (the digests and months)."""
    from dataclasses import replace

    from generator.pages import digest, prepare
    from generator.pages.common import entity_paths

    corpus = seeds_corpus
    before = _fingerprints(corpus)
    document = next(d for d in corpus.documents if corpus.appears_in.get(d.slug))
    listing = [path for key, path in entity_paths(corpus).items() if document.slug in corpus.mentions[key][:100]]
    related = prepare(corpus).related
    listing += [d.path for d in corpus.documents if document.slug in related[d.slug]]  # its related articles
    showing = [digest.path(corpus.digest_by_slug[s]) for s in corpus.appears_in[document.slug]]
    showing.append(f"articles/{document.article.date.isoformat()[:7]}.md")
    assert any(p.startswith("articles/") for p in listing) and showing
    assert all(path in before for path in listing + showing)
    for analysis in (replace(document.analysis, headline=document.analysis.headline + " again"),
                     replace(document.analysis, summary=document.analysis.summary + " Again.")):
        changed = replace(corpus, documents=tuple(replace(d, analysis=analysis) if d is document else d
                                                  for d in corpus.documents))
        after = _fingerprints(changed)
        assert all(after[path] != before[path] for path in showing)
        if analysis.headline != document.analysis.headline:
            assert all(after[path] != before[path] for path in listing)
