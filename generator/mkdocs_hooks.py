"""MkDocs hook: show the generated digest under an editor's topic page.

An editor's page with ``match:`` in its front matter stays exactly as the
editor wrote it on disk; the generator writes that topic's digest to
``docs/.digests/<same path>`` (a dot folder, which MkDocs never publishes on
its own) and this hook appends it to the page while the site is built.
"""

from __future__ import annotations

from pathlib import Path

INCLUDE_DIR = ".digests"


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5 :]
    return text


def on_page_markdown(markdown, page, config, files):  # noqa: ANN001 - MkDocs hook signature
    if not page.meta.get("match"):
        return markdown
    include = Path(config["docs_dir"]) / INCLUDE_DIR / page.file.src_uri
    if not include.is_file():
        return markdown
    return markdown.rstrip("\n") + "\n\n" + _strip_front_matter(include.read_text(encoding="utf-8"))
