"""Candidate tags per article and the corpus vocabulary."""

import re

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
