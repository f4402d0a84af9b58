"""Quotations and speakers, with hand-made mentions (no entity extractor needed)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator import quotes
from generator.models import Mention
from generator.quotes import extract_quotes


def person(surface, name, paragraph):
    return Mention("person", surface, name, paragraph)


def org(surface, name, paragraph):
    return Mention("organisation", surface, name, paragraph)


def speakers(paragraphs, mentions):
    return [(q.text, q.speaker, q.speaker_type, q.paragraph) for q in extract_quotes(paragraphs, mentions)]


def test_after_and_before_attribution_pronoun_and_title():
    paragraphs = (
        "Secretary of State Jane Miller met Chinese Foreign Minister Wang Yi in Beijing.",
        '"We had a frank and useful exchange," Miller said. "There is more to do," she added.',
        "Wang told reporters: “China will not accept interference in its internal affairs.”",
        "“Our door remains open to dialogue with everyone,” said the Chinese Foreign Minister.",
    )
    mentions = (
        person("Secretary of State Jane Miller", "Jane Miller", 0),
        person("Chinese Foreign Minister Wang Yi", "Wang Yi", 0),
        person("Miller", "Jane Miller", 1),
        person("Wang", "Wang Yi", 2),
    )
    assert speakers(paragraphs, mentions) == [
        ("We had a frank and useful exchange", "Jane Miller", "person", 1),
        ("There is more to do", "Jane Miller", "person", 1),
        ("China will not accept interference in its internal affairs.", "Wang Yi", "person", 2),
        ("Our door remains open to dialogue with everyone", "Wang Yi", "person", 3),
    ]


def test_quote_spanning_paragraphs_and_subject_pronoun():
    paragraphs = (
        "Coach Tom Reyes praised his players after the final.",
        "He said the season had been long. “We never gave up on each other.",
        "Nobody expected us to be here in May,” he posted on X.",
    )
    mentions = (person("Coach Tom Reyes", "Tom Reyes", 0),)
    quotes = extract_quotes(paragraphs, mentions)
    assert len(quotes) == 1
    assert quotes[0].text == "We never gave up on each other. Nobody expected us to be here in May"
    assert (quotes[0].speaker, quotes[0].paragraph) == ("Tom Reyes", 1)


def test_wire_style_continued_quote():
    paragraphs = (
        '"Rates will stay high for some time," Fed Chair Ann Cole said.',
        '"We are not done yet.',
        '"The labour market is still tight," Cole added.',
    )
    mentions = (person("Fed Chair Ann Cole", "Ann Cole", 0), person("Cole", "Ann Cole", 2))
    quotes = extract_quotes(paragraphs, mentions)
    assert [q.text for q in quotes] == [
        "Rates will stay high for some time",
        "We are not done yet. The labour market is still tight",
    ]
    assert {q.speaker for q in quotes} == {"Ann Cole"}


def test_organisation_speaker():
    paragraphs = (
        "The Ministry of Finance announced new tariffs on Friday.",
        '"The measures will protect domestic producers from unfair competition," the ministry said.',
        'Prices will rise, according to the company. "Costs have doubled since January," according to Acme Corp.',
    )
    mentions = (
        org("Ministry of Finance", "Ministry of Finance", 0),
        org("Acme Corp", "Acme Corp", 2),
    )
    result = speakers(paragraphs, mentions)
    assert result[0][1:3] == ("Ministry of Finance", "organisation")
    assert result[1][1:3] == ("Acme Corp", "organisation")


def test_scare_quotes_are_not_quotes():
    paragraphs = (
        "Calling the meeting 'excellent', Singh said ties were “very strong”.",
        'The minister noted the "good level" of cooperation under "Make in India".',
    )
    assert extract_quotes(paragraphs, (person("Singh", "Rajnath Singh", 0),)) == ()


def test_short_quote_with_speech_verb_is_kept():
    paragraphs = ('"Absolutely not," Senator Ruiz said.',)
    quotes = extract_quotes(paragraphs, (person("Senator Ruiz", "Maria Ruiz", 0),))
    assert [(q.text, q.speaker) for q in quotes] == [("Absolutely not", "Maria Ruiz")]


def test_unknown_speaker_is_none():
    paragraphs = ('"This is the worst storm in a generation," a resident said.',)
    quotes = extract_quotes(paragraphs, ())
    assert [(q.text, q.speaker, q.speaker_type) for q in quotes] == [
        ("This is the worst storm in a generation", None, None)
    ]


def test_described_as():
    paragraphs = ('Singh described the friendship as "higher than the highest mountain," adding more.',)
    quotes = extract_quotes(paragraphs, (person("Singh", "Rajnath Singh", 0),))
    assert [(q.text, q.speaker) for q in quotes] == [("higher than the highest mountain", "Rajnath Singh")]


def test_a_remark_quoted_in_part_and_in_full_is_kept_once_in_full():
    paragraphs = (
        'Singh called the friendship "higher than the highest mountain" in Moscow.',
        "He termed the bilateral friendship “higher than the highest mountain and deeper than the deepest "
        "ocean,” Singh said.",
    )
    mentions = (person("Rajnath Singh", "Singh", 0), person("Rajnath Singh", "Singh", 1))
    got = speakers(paragraphs, mentions)
    assert [text for text, *_ in got] == ["higher than the highest mountain and deeper than the deepest ocean"]


def test_long_organisation_names_participles_and_abbreviations_before_the_quote():
    paragraphs = (
        '"We will respond," the Ministry of External Affairs said on Monday.',
        '"Uncertainty has increased," the Federal Open Market Committee said in its statement.',
        'U.S. Commerce Secretary Howard Lutnick welcomed it, saying on X that it was "a vote of confidence in workers".',
    )
    mentions = [
        org("Ministry of External Affairs", "Ministry of External Affairs", 0),
        org("Federal Open Market Committee", "Federal Open Market Committee", 1),
        person("U.S. Commerce Secretary Howard Lutnick", "Howard Lutnick", 2),
    ]
    assert [(text, speaker) for text, speaker, _, _ in speakers(paragraphs, mentions)] == [
        ("We will respond", "Ministry of External Affairs"),
        ("Uncertainty has increased", "Federal Open Market Committee"),
        ("a vote of confidence in workers", "Howard Lutnick"),
    ]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "„", "«", "»", " ", "a", "B", ".", ",", "(", "-", "said", " X. Y"]), max_size=60).map("".join),
       st.integers(0, 60))
def test_the_window_after_a_quotation_ends_before_the_next_opening_mark(text: str, end: int) -> None:
    """The window is cut at the first mark that opens a quotation, as a look at each character finds it."""
    end = min(end, max(len(text) - 1, 0))
    span = quotes._Span(0, 0, 0, end, "")
    lo, hi = quotes._after_window((text,), span)
    plain_hi = min(len(text), lo + 160)
    sentence_end = quotes._SENTENCE_END.search(text, lo, plain_hi)
    plain_hi = sentence_end.start() + 1 if sentence_end else plain_hi
    for k in range(lo, plain_hi):
        if text[k] in quotes._OPENERS or (text[k] == '"' and quotes._mark_kind(text, k) == "open"):
            plain_hi = k
            break
    assert (lo, hi) == (end + 1, plain_hi)


_ATTRIBUTION_PIECES = st.sampled_from([
    "said", "Said", "SAYS", "say", "saying", "according to", "pointed out", "emphasised", "emphasized", "added",
    "told", "the", "minister", "as", "that", "it", ",", ":", " ", "  ", ".", '"', "“", "sayings", "ſaid", "\u212a",
])
_ATTRIBUTIONS = st.lists(st.one_of(_ATTRIBUTION_PIECES, st.text(max_size=3)), max_size=20).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_ATTRIBUTIONS)
def test_verbs_grouped_by_first_letter_find_what_the_plain_list_finds(text: str) -> None:
    verbs = quotes._VERBS
    plain_verb = re.compile(rf"\b(?:{verbs})\b", re.IGNORECASE)
    plain_after = re.compile(rf"^[\s,.!?]*(?:\S+\s+){{0,7}}?(?:{verbs})\b", re.IGNORECASE)
    plain_before = re.compile(rf"\b(?:{verbs})(?:\s+(?:that|it|as)|(?:\s+[\w'’-]+){{0,4}}\s+as)?\s*[,:]?\s*$", re.IGNORECASE)
    found = quotes._VERB.search(text)
    plain = plain_verb.search(text)
    assert (found and found.start()) == (plain and plain.start())
    assert bool(quotes._SHORT_AFTER.search(text)) == bool(plain_after.search(text))
    assert bool(quotes._SHORT_BEFORE.search(text)) == bool(plain_before.search(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ09_ -'\".,“”’\t\n") + ["é", "ß", "İ", "Σ", "\u212a", "\x00", "\x7f"]), max_size=40))
def test_quotation_words_are_the_words_between_non_word_runs(text: str) -> None:
    assert quotes.words(text) == re.sub(r"\W+", " ", text.casefold()).strip()


def test_unlowered_are_the_characters_ignorecase_matches_with_ascii_unlike_lower() -> None:
    """Outside :data:`quotes._UNLOWERED`, a character matches an ASCII character under
    ``re.IGNORECASE`` exactly when ``str.lower`` makes them equal, one character for one."""
    any_ascii = re.compile("[\x00-\x7f]", re.IGNORECASE)
    ascii_patterns = [re.compile(re.escape(chr(a)), re.IGNORECASE) for a in range(128)]
    odd = set()
    for code in range(0x110000):
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            odd.add(ch)
        elif any_ascii.fullmatch(ch) or low.isascii():  # elsewhere neither side has an ASCII character
            matched = {chr(a) for a, p in enumerate(ascii_patterns) if p.fullmatch(ch)}
            if matched != {chr(a) for a in range(128) if chr(a).lower() == low}:
                odd.add(ch)
    assert odd == {chr(code) for code in range(0x110000) if quotes._UNLOWERED.fullmatch(chr(code))}


_TITLE_TEXT = st.lists(st.sampled_from([
    "Minister", "minister", "MINISTER", "the", "Defence", "defence", "Wang", "Yi", "Lee", "o'Neil", "Jean-Paul",
    "ministers", "xMinister", "_minister", " ", "  ", "\t", ",", ".", "-", "’", "é", "İ", "ı", "ſ", "\u212a", "K", "k",
    "spokesman", "Spokesman", "SPOKESMAN", "spokeſman", "1", "A",
]), max_size=16).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TITLE_TEXT, min_size=1, max_size=3),
       st.sampled_from(["Minister", "Defence Minister", "minister", "spokesman", "Spokesman", "Jean-Paul", "o'Neil",
                        "Ministre’s", "Ministère", "Kinister", "\u212ainister"]))
def test_titled_names_are_the_names_the_title_pattern_finds(paragraphs: list[str], title: str) -> None:
    lowered = [None if quotes._UNLOWERED.search(p) else p.lower() for p in paragraphs]
    pattern = quotes._title_pattern(title)
    assert quotes._titled_names(paragraphs, lowered, title) == [
        m.group(1).split()[-1] for p in paragraphs for m in pattern.finditer(p)
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab "“”„«»‘’\'\n') + ["\u201f", "\u00ab", "\u00bb"]), max_size=20))
def test_has_mark_is_whether_the_marks_pattern_finds_one(text: str) -> None:
    assert quotes._has_mark(text) == bool(quotes._MARKS.search(text))
