"""Datelines: wire styles recognised, sentence openings and junk rejected."""

import pytest

from generator.datelines import split_dateline


@pytest.mark.parametrize(
    "text, dateline, rest",
    [
        ("New Delhi: Defence Minister Rajnath Singh on Tuesday pressed", "New Delhi", "Defence Minister Rajnath Singh on Tuesday pressed"),
        ("Moscow/New Delhi, Dec 10: Reiterating India's commitment", "Moscow/New Delhi, Dec 10", "Reiterating India's commitment"),
        ("WASHINGTON, March 20 - The Senate voted on Thursday", "WASHINGTON, March 20", "The Senate voted on Thursday"),
        ("LONDON (Reuters) - Britain's economy grew", "LONDON", "Britain's economy grew"),
        ("PARIS, Jan. 5 (AP) — French farmers blocked roads", "PARIS, Jan. 5", "French farmers blocked roads"),
        ("Kyiv, 12 March: Ukraine said on Tuesday", "Kyiv, 12 March", "Ukraine said on Tuesday"),
        ("NEW DELHI, Dec 10 (PTI): The government said", "NEW DELHI, Dec 10", "The government said"),
        ("SAN FRANCISCO, Calif. - Apple Inc. reported", "SAN FRANCISCO, Calif.", "Apple Inc. reported"),
        ("ST. LOUIS, Mo. (AP) — A jury acquitted", "ST. LOUIS, Mo.", "A jury acquitted"),
        ("MANCHESTER, England, May 3, 2015 (AP) — United won", "MANCHESTER, England, May 3, 2015", "United won"),
        ("New Delhi, Jan 15 (PTI) The Supreme Court on Wednesday", "New Delhi, Jan 15", "The Supreme Court on Wednesday"),
        ("Chennai (IANS) Tamil Nadu reported rain", "Chennai", "Tamil Nadu reported rain"),
    ],
)
def test_wire_datelines(text, dateline, rest):
    assert split_dateline(text) == (dateline, rest)


@pytest.mark.parametrize(
    "text",
    [
        "In Moscow, Rajnath Singh met Russian President Putin.",
        "Reliance Industries (RIL) on Monday reported a profit.",
        "Defence Minister Rajnath Singh recently met Russian President Vladimir Putin in Moscow.",
        "../../etc: passwd",
        "The minister said: we will go.",
        "Update: the vote was delayed.",
        "Note - this story has been corrected.",
        "New Delhi:",  # nothing after the dateline: not a dateline
        "On Tuesday, March 20 - nothing",
        "2024-12-10: Something happened",
    ],
)
def test_no_dateline(text):
    assert split_dateline(text) == (None, text)
