"""Summaries: lead (+ a second sentence that adds news), bounded, clean cuts."""

from generator.summaries import MAX_LENGTH, summarise


def test_lead_and_second_sentence_when_it_adds_something():
    paragraphs = (
        "WASHINGTON (Reuters) - The Federal Reserve held rates steady on Wednesday.",
        "Officials signalled two cuts later this year as inflation cools.",
    )
    assert summarise(paragraphs, "WASHINGTON", "Fed holds rates") == (
        "The Federal Reserve held rates steady on Wednesday. Officials signalled two cuts later this year as inflation cools."
    )


def test_second_sentence_that_repeats_is_dropped():
    paragraphs = (
        "Acme Corp said on Monday it would cut 2,000 jobs.",
        "The company said it would cut 2,000 jobs on Monday.",
    )
    assert summarise(paragraphs, None, "") == "Acme Corp said on Monday it would cut 2,000 jobs."


def test_long_lead_is_cut_at_a_clause_boundary():
    lead = (
        "Reiterating India's commitment towards a special and privileged strategic partnership with Russia, "
        "Defence Minister Rajnath Singh on Tuesday spotlighted new opportunities for enhancing participation of "
        "Russian industries in the Make in India projects while voicing New Delhi's determination to extend the "
        "capabilities of its domestic defence industry across domains and industrial collaboration."
    )
    summary = summarise((lead,), None, "")
    assert len(summary) <= MAX_LENGTH
    assert summary.endswith("projects…")
    assert lead.startswith(summary[:-1])


def test_never_cuts_mid_word_without_boundaries():
    lead = " ".join(["word"] * 120) + "."
    summary = summarise((lead,), None, "")
    assert len(summary) <= MAX_LENGTH
    assert summary[:-1].split()[-1] == "word"


def test_subheads_are_skipped_and_dateline_removed():
    paragraphs = ("Kyiv, 12 March: Heavy Fighting", "Ukraine said its forces repelled an attack near Bakhmut.")
    assert summarise(paragraphs, "Kyiv, 12 March", "") == "Ukraine said its forces repelled an attack near Bakhmut."
    paragraphs = ("PARIS, Jan. 5 (AP) — French farmers blocked roads around the capital.",)
    assert summarise(paragraphs, "PARIS, Jan. 5", "") == "French farmers blocked roads around the capital."


def test_editor_summary_wins():
    assert summarise(("Some text here.",), None, "", {"summary": " Written  by hand. "}) == "Written by hand."
