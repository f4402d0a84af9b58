"""One article -> :class:`Analysis`: the per-article stages, composed.

Dateline first (it is not part of the text any later stage reads), then
entities, sentences, dates, quotes, headline, summary and candidate tags.
Pure: the same article and knowledge always give the same analysis.
"""

from __future__ import annotations

from typing import Any

from .boilerplate import is_boilerplate
from .dates import resolve_dates
from .dedup import signature
from .datelines import split_dateline
from .headlines import make_headline
from .models import Analysis, Article, long_names, name_uses
from .quotes import extract_quotes
from .sentences import split_paragraphs
from .summaries import summarise
from .tags import candidate_tags


def body_without_dateline(article: Article) -> tuple[str | None, tuple[str, ...]]:
    """The dateline (or None) and the story's paragraphs without it: empty paragraphs and
    bylines, credits, captions and links (:mod:`boilerplate`) dropped, so the dateline is
    read from the story's first paragraph even below a byline."""
    story = [p for p in article.paragraphs if p.strip() and not is_boilerplate(p)] or list(article.paragraphs)
    dateline, rest = split_dateline(story[0])
    paragraphs = tuple(p for p in (rest.strip(), *story[1:]) if p.strip())
    return dateline, paragraphs or tuple(story)


def analyse(article: Article, knowledge: Any) -> Analysis:
    """Everything the analysis stage learns about one article."""
    from .entities import extract  # imported here: written in parallel with this module

    dateline, paragraphs = body_without_dateline(article)
    mentions = tuple(extract(paragraphs, knowledge))
    sentences = split_paragraphs(paragraphs)
    headline = make_headline(paragraphs, None, mentions, article.overrides)
    return Analysis(
        headline=headline,
        dateline=dateline,
        summary=summarise(paragraphs, None, headline, article.overrides),
        paragraphs=paragraphs,
        uses=name_uses(mentions),
        long_names=long_names(mentions),
        quotes=extract_quotes(paragraphs, mentions),
        events=resolve_dates(sentences, article.date),
        tags=candidate_tags(paragraphs, mentions),
        signature=signature(article.text),
    )
