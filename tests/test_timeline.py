"""The site-wide timeline: one row per dated sentence, however many articles repeat it."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import generate

from conftest import make_project

FRIGATE = ("The Russian-manufactured guided missile frigate was commissioned into the Indian navy at "
           "Russia's coastal city of Kaliningrad in presence of Singh on Monday.")


def test_a_sentence_two_articles_repeat_is_one_row_citing_both(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (project / "seeds" / "900_extra.txt").write_text(
        " date 2024-12-10\n"
        "The Indian Navy on Tuesday welcomed INS Tushil to its fleet after sea trials in the Baltic, "
        "officials said in New Delhi.\n\n"
        f"{FRIGATE}\n\n"
        "Navy officials said the ship would sail for India after a port call in Morocco.\n",
        encoding="utf-8",
    )
    generate(project / "seeds", project / "docs")
    month = (project / "docs" / "timeline" / "2024-12.md").read_text(encoding="utf-8")
    rows = [line for line in month.splitlines() if "Kaliningrad" in line]
    assert len(rows) == 1
    assert rows[0].startswith("| 9 December 2024 |")
    assert "rajnath-singh-presses-russia" in rows[0] and " · also in [Indian Navy welcomes INS Tushil" in rows[0]
    index = (project / "docs" / "timeline" / "index.md").read_text(encoding="utf-8")
    assert "December 2024](2024-12.md) · " in index
