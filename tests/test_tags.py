"""Candidate tags per article and the corpus vocabulary."""

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import tags as tags_module
from generator.models import Mention
from generator.tags import assign_tags, candidate_tags, slug


def test_relation_phrase_and_entity_tags():
    paragraphs = (
        "US-China trade talks resumed in Geneva as tariffs bit.",
        "The US-China relationship has soured. Tariffs on steel imports rose again.",
        "Negotiators said steel imports would be discussed. Geneva hosted the talks.",
    )
    mentions = (
        Mention("place", "Geneva", "Geneva", 0),
        Mention("place", "Geneva", "Geneva", 2),
        Mention("organisation", "WTO", "World Trade Organization", 1),
    )
    tags = candidate_tags(paragraphs, mentions)
    assert "us-china-trade" in tags
    assert "us-china-relations" in tags
    assert "steel-import" in tags
    assert "geneva" in tags
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", t) for t in tags)


def test_verbs_and_one_off_phrases_are_not_tags():
    paragraphs = ("The meeting took place in Oslo. Officials held talks about fishing quotas.",)
    tags = candidate_tags(paragraphs, ())
    assert "took-place" not in tags and "held-talk" not in tags and "fishing-quota" not in tags


def test_assign_prefers_shared_tags_and_caps():
    result = assign_tags(
        {
            "a": ("nato", "missile-defence", "poland", "alpha", "beta", "gamma", "delta"),
            "b": ("missile-defence", "nato", "budget"),
            "c": ("nato", "missile-defence", "elections", "poland"),
        },
        max_per_article=3,
    )
    assert result["a"] == ("poland", "nato", "missile-defence")  # tags in every article come last
    assert result["b"] == ("missile-defence", "nato", "budget")
    assert all(len(tags) <= 3 for tags in result.values())
    assert result == assign_tags({k: v for k, v in reversed(list({
        "a": ("nato", "missile-defence", "poland", "alpha", "beta", "gamma", "delta"),
        "b": ("missile-defence", "nato", "budget"),
        "c": ("nato", "missile-defence", "elections", "poland"),
    }.items()))}, max_per_article=3)


def test_slug():
    assert slug("S-400 Triumf") == "s-400-triumf"
    assert slug("AT&T") == "at-and-t"
    assert slug("Côte d’Ivoire") == "cote-divoire"


def test_a_phrase_only_a_speaker_uses_is_not_a_tag():
    paragraphs = (
        'He called the friendship "higher than the highest mountain" at the start of the strategic dialogue.',
        "Later he repeated it was “higher than the highest mountain”, and the strategic dialogue went on.",
        "“The strategic dialogue matters,” he said.",
    )
    tags = candidate_tags(paragraphs, ())
    assert "highest-mountain" not in tags
    assert "strategic-dialogue" in tags


# The article-wide phrase count against the straightforward one: each paragraph read twice,
# whole and with its quotations cut out (what candidate_tags did before it read them apart).


def _reference_pairs(text: str) -> list[str]:
    pairs: list[str] = []
    for chunk in re.findall(r"(?<![\w’'-])[a-z][a-z-]*(?: [a-z][a-z-]*)+(?![\w’'-])", text):
        previous = None
        for word in chunk.split():
            single = tags_module._CONTENT[word]
            if single is not None and previous is not None:
                pairs.append(f"{previous}-{single}")
            previous = word if single is not None else None
    return pairs


def _reference_phrases(paragraphs: tuple[str, ...]) -> Counter[str]:
    everywhere: Counter[str] = Counter()
    reported: set[str] = set()
    for paragraph in paragraphs:
        everywhere.update(_reference_pairs(paragraph))
        reported.update(_reference_pairs(re.sub(r"“[^“”]*”|\"[^\"]*\"", "|", paragraph)))
    return Counter({phrase: n for phrase, n in everywhere.items() if phrase in reported})


_PIECES = st.sampled_from([
    "missile systems", "strategic partnership", "took place", "the", "steel imports", " ", "  ", '"', "“", "”",
    "’", "'", "-", ",", ".", "|", "\n", "US-China", "trade talks", "Geneva", "relations", "a-b c", "x", "ly",
    "quickly rising", "new talks", "defence ties", "ties", "é", "_",
])
_PARAGRAPHS = st.lists(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=25).map(" ".join), max_size=6).map(tuple)


@settings(max_examples=300, deadline=None)
@given(_PARAGRAPHS)
def test_phrases_read_apart_count_as_read_twice(paragraphs: tuple[str, ...]) -> None:
    assert tags_module._phrases(paragraphs) == _reference_phrases(paragraphs)


@settings(max_examples=300, deadline=None)
@given(_PARAGRAPHS)
def test_relations_only_in_paragraphs_with_a_hyphenated_name(paragraphs: tuple[str, ...]) -> None:
    counts: Counter[str] = Counter()
    pattern = re.compile(r"([A-Z](?<!\w[A-Z])\w+(?:-[A-Z]\w+)+)\s+(?:[a-z]+\s+){0,2}?([a-z]+)\b")
    for paragraph in paragraphs:
        for m in pattern.finditer(paragraph):
            if m.group(2) in tags_module._RELATION_NOUNS:
                counts[f"{slug(m.group(1))}-{tags_module._RELATION_NOUNS[m.group(2)]}"] += 1
    assert tags_module._relations(paragraphs) == counts


@settings(max_examples=300, deadline=None)
@given(_PARAGRAPHS)
def test_pairs_are_the_neighbouring_content_words_of_each_run(paragraphs: tuple[str, ...]) -> None:
    text = "\n".join(paragraphs)
    assert list(tags_module._pairs(text)) == _reference_pairs(text)
