"""What digests read of each article is worked out once (several articles at a time) and
kept for every topic: the result is each article's own, whatever the batch or the order."""

from __future__ import annotations

import os
import random
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.corpus import write_corpus
from generator import stories
from generator.corpus import assemble
from generator.digests import MAX_DIGEST_ARTICLES, DigestKeys, _Read, build_digest
from generator.facts import statements
from generator.knowledge import load_knowledge
from generator.pipeline import RunReport, understand
from generator.readers import read_folder

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "50")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module", params=["seeds", "synthetic"])
def corpus(request, tmp_path_factory):
    """The real seeds, and 150 synthetic articles (topics of up to 60 articles that share many)."""
    folder = ROOT / "seeds"
    if request.param == "synthetic":
        folder = tmp_path_factory.mktemp("synthetic")
        write_corpus(folder, 150, seed=2)
    articles, errors = read_folder(folder)
    assert not errors
    knowledge = load_knowledge()
    return assemble(understand(articles, knowledge, None, 1, RunReport()), knowledge)


@SETTINGS
@given(st.randoms(use_true_random=False))
def test_statements_of_several_articles_are_each_ones_own(corpus, rnd: random.Random) -> None:
    documents = rnd.sample(list(corpus.documents), rnd.randint(0, min(20, len(corpus.documents))))
    for together, document in zip(statements(documents), documents):
        alone = statements([document])[0]
        assert together.slug == alone.slug == document.slug
        assert together.units == alone.units
        assert together.masses == alone.masses
        assert np.array_equal(together.numbered.stems, alone.numbered.stems)
        assert np.array_equal(together.numbered.sizes, alone.numbered.sizes)
        assert np.array_equal(together.persons, alone.persons)


def test_digests_do_not_depend_on_the_order_topics_are_built_in(corpus) -> None:
    topics = stories.find_topics(corpus, [])
    forward, backward = _Read(corpus), _Read(corpus)
    built = [build_digest(corpus, t, forward) for t in topics]
    assert [build_digest(corpus, t, backward) for t in reversed(topics)] == built[::-1]


def test_what_an_article_adds_is_its_weightiest_sentence_not_a_fact(corpus) -> None:
    read = _Read(corpus)
    rnd = random.Random(3)
    for document in corpus.documents:
        found = read.statements([document])[0]
        for _ in range(5):
            covered = {(u.slug, u.text) for u in found.units if rnd.random() < 0.5}
            own = [(mass, -u.paragraph, -n) for n, (u, mass) in enumerate(zip(found.units, found.masses))
                   if (u.slug, u.text) not in covered and len(u.stems) >= 5]
            expected = found.units[-max(own)[2]] if own else None
            assert next((u for u in read[document.slug].weightiest if (u.slug, u.text) not in covered), None) is expected


def test_a_digest_key_changes_with_the_aliases_of_the_entities_its_articles_name(corpus) -> None:
    """``DigestKeys`` reads each entity's aliases once per run: a change to one changes the
    key of exactly the topics with an article (of their newest) that names it."""
    topics = stories.find_topics(corpus, [])
    before = [DigestKeys(corpus, "v").topic(t) for t in topics]
    for key in [k for k in sorted(corpus.entities) if k.split(":", 1)[0] in ("place", "organisation", "event")][:6]:
        type_, name = key.split(":", 1)
        entities = dict(corpus.entities)
        entities[key] = replace(entities[key], aliases=(*entities[key].aliases, "Another Name"))
        changed = replace(corpus, entities=entities)
        after = [DigestKeys(changed, "v").topic(t) for t in topics]
        naming = [any(name in corpus.by_slug[s].entities.get(type_, ()) for s in t.members[:MAX_DIGEST_ARTICLES]
                      if s in corpus.by_slug) or name in t.keys for t in topics]
        assert [a != b for a, b in zip(before, after)] == naming
