"""Headlines: who did what, from the lead sentence, in headline style.

The lead sentence is rewritten the way a sub-editor would: the fronted
clause ("Reiterating X, ...", "On Tuesday, ...") and time words ("on
Tuesday", "recently") go, the subject loses its title ("Defence Minister
Rajnath Singh" -> "Rajnath Singh"), the main verb moves to the present
("pressed" -> "presses", "has signed" -> "signs", "will visit" -> "to
visit"), subordinate clauses ("as he ...", "while ...", ", who ...") are
dropped, articles are dropped, and the result is cut at a phrase boundary to
at most :data:`MAX_LENGTH` characters.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Mapping, Sequence

from .models import Mention
from .sentences import split

MAX_LENGTH = 90

_IRREGULAR = {
    "met": "meet", "held": "hold", "said": "say", "told": "tell", "made": "make", "took": "take",
    "gave": "give", "won": "win", "lost": "lose", "led": "lead", "left": "leave", "sought": "seek",
    "struck": "strike", "sent": "send", "began": "begin", "brought": "bring", "bought": "buy",
    "sold": "sell", "spoke": "speak", "wrote": "write", "chose": "choose", "rose": "rise",
    "fell": "fall", "grew": "grow", "broke": "break", "drew": "draw", "threw": "throw", "knew": "know",
    "found": "find", "got": "get", "came": "come", "went": "go", "paid": "pay", "laid": "lay",
    "kept": "keep", "felt": "feel", "stood": "stand", "spent": "spend", "built": "build",
    "shot": "shoot", "fought": "fight", "thought": "think", "taught": "teach", "caught": "catch",
    "became": "become", "upheld": "uphold", "withdrew": "withdraw", "oversaw": "oversee",
    "dealt": "deal", "swore": "swear", "drove": "drive", "flew": "fly", "hit": "hit", "cut": "cut",
    "set": "set", "put": "put", "ran": "run", "saw": "see", "hid": "hide", "ate": "eat",
    "forgave": "forgive", "undertook": "undertake", "overtook": "overtake", "sank": "sink",
    "sang": "sing", "stole": "steal", "swept": "sweep", "tore": "tear", "woke": "wake", "rode": "ride",
    "bid": "bid", "quit": "quit", "shut": "shut", "split": "split", "spread": "spread", "sped": "speed",
    "slid": "slide", "bent": "bend", "lent": "lend", "meant": "mean", "read": "read", "beat": "beat",
    "was": "be", "were": "be", "had": "have", "did": "do", "unveiled": "unveil",
}
_THIRD = {"be": "is", "have": "has", "do": "does", "go": "goes"}
_AUX_PERFECT = {"has", "have", "had"}
_NON_VERB_ED = {"red", "bed", "shed", "need", "seed", "speed", "feed", "breed", "creed", "deed", "hundred", "sacred", "naked", "wicked", "rugged", "ragged", "kindred"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "so-called"}
_FUNCTION = {
    "of", "in", "on", "at", "for", "with", "to", "from", "by", "as", "and", "or", "but", "the", "a", "an",
    "its", "his", "her", "their", "over", "after", "amid", "into", "about", "than", "that", "which", "who",
    "between", "during", "towards", "toward", "under", "against", "across", "via", "while",
}
_DEMONYM = re.compile(r"(?:an|ese|ish|i|ic|ch)$")
"""Capitalised words that are adjectives before a noun ("Russian industries"), not the end of a name."""
_CUT_BEFORE = {
    "in", "on", "at", "for", "with", "to", "from", "by", "as", "and", "but", "over", "after", "amid",
    "into", "about", "between", "during", "towards", "toward", "under", "against", "across", "via",
}
_TITLE_WORDS = (
    r"Union|Federal|State|Deputy|Vice|Acting|Former|Interim|Chief|Senior|Defen[cs]e|Foreign|Home|Finance|Prime"
    r"|External|Affairs|Interior|Trade|Commerce|Health|Education|Energy|Minister|President|Secretary|General"
    r"|Gen\.|Lt\.|Col\.|Adm\.|Admiral|Colonel|Lieutenant|Major|Captain|Commander|Senator|Sen\.|Rep\.|Representative"
    r"|Governor|Gov\.|Mayor|Chancellor|Premier|Chairman|Chairwoman|Chair|Executive|Officer|CEO|Spokesman"
    r"|Spokeswoman|Spokesperson|Ambassador|Judge|Justice|Director|Coach|Manager|Mr\.?|Mrs\.?|Ms\.?|Dr\.?"
    r"|U\.S\.|US|UK|EU|UN|Russian|Indian|Chinese|American|British|French|German|Japanese|Ukrainian|Israeli"
)
_TITLE_PREFIX = re.compile(rf"^(?:(?:the\s+)?(?:{_TITLE_WORDS})\s+)+(?=[A-Z])")
_ROLE = re.compile(
    r"\b(?:Minister|President|Secretary|General|Gen\.|Admiral|Colonel|Lieutenant|Major|Captain|Commander|Senator"
    r"|Sen\.|Rep\.|Representative|Governor|Gov\.|Mayor|Chancellor|Premier|Chairman|Chairwoman|Chair|Executive"
    r"|Officer|CEO|Spokesman|Spokeswoman|Spokesperson|Ambassador|Judge|Justice|Director|Coach|Manager|Mr|Mrs|Ms|Dr)\b"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_TIME_WORDS = re.compile(
    r",?+\s*+\b(?:"
    rf"(?:(?:late|early)\s+)?(?:(?:on|this|last|late|early|since)\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?\b"
    rf"|(?:on\s+)?{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"
    r"|(?:recently|today|yesterday|tonight|tomorrow|earlier this (?:week|month|year)|this week|last week|last night|this morning|on the sidelines)\b"
    r")",
)
"""The comma and spaces before a time expression go with it. They are read once for the three kinds,
and possessively: every kind starts with a letter, so only the longest ``,?\\s*`` can be followed by one."""
_OPENER = re.compile(r"^(?P<open>[^,]{2,160}?),\s+(?=[\"“‘]?(?:[A-Z]|the\s|a\s|an\s))")
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:[\w'’.-]+\s+){0,5}?(?:said|says|reported|reports|announced|told\s+\w+)(?:\s+in\s+a\s+statement)?\s*$"
)
_OPENER_WORDS = re.compile(
    r"^(?:[A-Z][a-z]+ing\b|In\b|At\b|On\b|During\b|After\b|Before\b|Earlier\b|Later\b|Meanwhile\b|Amid\b|Despite\b"
    r"|Following\b|With\b|While\b|As\b|Speaking\b|Last\b|This\b|Since\b|Under\b|Addressing\b|Separately\b|However\b"
    r"|Also\b|Today\b|Yesterday\b|Elsewhere\b|Meantime\b|Nonetheless\b|Still\b|Overall\b|According\b)"
)
_PLACE_OPENER = re.compile(r"^(?:In|At)\s+((?:[A-Z][\w'’.-]*\s?){1,3})$")
_SUBORDINATE = re.compile(
    r"(?=[,\s(])"  # where every kind of cut starts: other places are passed over at once
    r"(?:,?\s+(?:as\s+(?:he|she|they|it|part\s+of|well\s+as)|while|whereas|even\s+as|who|which|whom|whose)\b"
    r"|,\s+(?:as|where|when|saying|adding|noting|stressing|citing|according|particularly|especially"
    r"|including|but|amid|after|before|although|though|because|since|despite|with|[a-z]+ing)\b"
    r"|\s+but\s+(?=(?:also\s+)?(?:[a-z]+ed|said|told|held|kept|left|made|gave|took|warned)\b)"
    r"|\s+[;:—–]\s*|\s+-\s+|\s*\()"
)
_WORD = re.compile(r"[\w’'.&/%-]+")
_AFTER_DATELINE = re.compile(r"^[\s(A-Za-z)]*?[:—–-]\s*")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:])")
_SPACES = re.compile(r"\s{2,}")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An)\s+(?=\S)")
_ARTICLES = re.compile(r"(?<![\w’'-])(?:the|a|an)\s+(?=\S)")


@lru_cache(maxsize=1 << 14)
def _base(word: str) -> str | None:
    """Past tense or participle -> base form; None when the word is not one."""
    low = word.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if not low.endswith("ed") or len(low) < 5 or low in _NON_VERB_ED:
        return None
    if low.endswith("eed"):
        return low[:-1]
    if low.endswith("ied"):
        return low[:-3] + "y"
    stem = low[:-2]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] in "bgmnprtl":
        vowel_groups = len(re.findall(r"[aeiou]+", stem))
        return stem[:-1] if stem[-1] != "l" or vowel_groups > 1 else stem
    if stem.endswith(("c", "v")) or re.search(r"(?:[rdl]g|[ae]ng|[^aeiouls]l)$", stem):
        return stem + "e"  # voiced, arrived, urged, changed, handled
    if re.search(r"[aeiou][sz]$", stem) and not (stem.endswith("us") and len(re.findall(r"[aeiou]+", stem)) > 1):
        return stem + "e"  # raised, closed, used, emphasised / focused
    if re.search(r"[aeiou]{2}[a-z]$", stem):
        return stem  # reasoned? no: claimed, gained, appeared, seized
    single = re.search(r"[^aeiou]([aeiouy])([a-z])$", stem)
    if not single:
        return stem
    vowel, last = single.groups()
    if last == "t":
        return stem + "e" if vowel in "aou" else stem  # stated, noted, executed / visited
    if last in "nr":
        return stem + "e" if vowel in "iu" or (vowel == "a" and last == "r") else stem  # combined, secured, shared / opened
    if last == "p":
        return stem + "e" if vowel != "o" else stem  # escaped / developed
    if last == "l":
        return stem + "e" if vowel != "e" else stem  # ruled, compiled / labeled
    if last in "mkdbg":
        return stem + "e" if vowel != "e" or last == "d" else stem  # welcomed, invoked, decided, described
    return stem


@lru_cache(maxsize=1 << 12)
def _present(base: str, plural: bool) -> str:
    if plural:
        return "are" if base == "be" else base
    if base in _THIRD:
        return _THIRD[base]
    if re.search(r"(?:s|sh|ch|x|z|o)$", base):
        return base + "es"
    if re.search(r"[^aeiou]y$", base):
        return base[:-1] + "ies"
    return base + "s"


def _is_plural(subject: str) -> bool:
    words = subject.split()
    if not words:
        return False
    last = words[-1]
    return " and " in subject or (last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is")))


def _main_verb(sentence: str) -> re.Match[str] | None:
    previous = ""
    for m in _WORD.finditer(sentence):
        word = m.group(0)
        if word.islower() and word not in _FUNCTION:
            if word in _AUX_PERFECT or word in ("will", "would", "was", "were", "is", "are", "plans", "says"):
                return m
            if previous not in _DETERMINERS and not previous.endswith("ly") and _base(word):
                return m
        previous = word.lower()
    return None


def _subject(subject: str, mentions: Sequence[Mention]) -> str:
    subject = subject.split(",")[0].strip()
    people = sorted((m for m in mentions if m.type == "person" and m.surface and m.surface in subject), key=lambda m: -len(m.surface))
    if people and len(subject) - len(people[0].surface) < 25:
        return people[0].name
    prefix = _TITLE_PREFIX.match(subject)
    if not prefix or not _ROLE.search(prefix.group(0)):
        return subject
    stripped = subject[prefix.end():]
    names = stripped.split()
    return stripped if 2 <= len(names) <= 3 and all(w[0].isupper() for w in names) else subject


def _predicate(predicate: str, plural: bool) -> str:
    words = predicate.split(" ", 2)
    head = words[0]
    rest = words[1:]
    if head in _AUX_PERFECT and rest and _base(rest[0]):
        return " ".join([_present(_base(rest[0]) or rest[0], plural)] + rest[1:])
    if head in ("will", "would") and rest:
        return " ".join(["to"] + rest)
    if head in ("was", "were") and rest and _base(rest[0]) and rest[0].endswith("ed"):
        return " ".join(rest)
    base = _base(head)
    if base and not head.endswith(("is", "are")):
        return " ".join([_present(base, plural)] + rest)
    return predicate


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    words = list(_WORD.finditer(text))
    best = 0
    for i, m in enumerate(words[3:], start=3):
        if m.start() > limit + 1:
            break
        prev = words[i - 1].group(0)
        if prev.lower() in _FUNCTION:
            continue
        word = m.group(0)
        name_end = (prev[0].isupper() or prev[0].isdigit()) and word.islower() and not _DEMONYM.search(prev)
        if word.lower() in _CUT_BEFORE or name_end or text[words[i - 1].end() : m.start()].strip() == ",":
            best = words[i - 1].end()
    if not best:
        cut = text.rfind(" ", 0, limit)
        best = cut if cut > 0 else limit
        while True:
            head = text[:best].rstrip(" ,;:")
            last = head.rsplit(" ", 1)
            if len(last) == 2 and last[1].lower() in _FUNCTION:
                best = len(last[0])
                continue
            break
    return text[:best].rstrip(" ,;:—–-")


def _lead_sentence(paragraphs: Sequence[str], dateline: str | None) -> str:
    for paragraph in paragraphs:
        text = paragraph
        if dateline and text.startswith(dateline):
            text = _AFTER_DATELINE.sub("", text[len(dateline):], count=1) or text
        if len(text.split()) >= 8 or text.rstrip().endswith((".", "!", "?", '"', "”")):
            sentences = split(text)
            if sentences:
                return sentences[0]
    return paragraphs[0] if paragraphs else ""


def _tidy(text: str) -> str:
    text = _SPACE_BEFORE_MARK.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip(" ,;:")
    for pair in ('""', "“”", "‘’"):
        if (text.count(pair[0]) + (text.count(pair[1]) if pair[0] != pair[1] else 0)) % 2:
            text = text.replace(pair[0], "").replace(pair[1], "")
    return text


def make_headline(
    paragraphs: Sequence[str],
    dateline: str | None,
    mentions: Sequence[Mention],
    overrides: Mapping[str, object] | None = None,
) -> str:
    """A headline of at most :data:`MAX_LENGTH` characters; an editor's ``title`` wins."""
    if overrides and overrides.get("title"):
        return " ".join(str(overrides["title"]).split())
    sentence = _lead_sentence(paragraphs, dateline).rstrip(" .!?")
    place = ""
    opener = _OPENER.match(sentence)
    if opener and _OPENER_WORDS.match(opener.group("open")):
        where = _PLACE_OPENER.match(opener.group("open").strip())
        place = f" in {where.group(1).strip()}" if where else ""
        sentence = sentence[opener.end():]
    sentence = _tidy(_TIME_WORDS.sub("", sentence))
    sentence = _ATTRIBUTION_TAIL.sub("", sentence)
    sentence = _LEADING_ARTICLE.sub("", sentence)
    verb = _main_verb(sentence)
    if verb is None:
        headline = sentence
    else:
        subject = _subject(sentence[: verb.start()].strip(" ,"), mentions)
        predicate = sentence[verb.start():]
        cut = _SUBORDINATE.search(predicate, len(verb.group(0)))
        if cut:
            predicate = predicate[: cut.start()]
        predicate = _predicate(predicate.strip(), _is_plural(subject))
        headline = f"{subject} {predicate}".strip()
    if place and place[4:] not in headline:
        headline += place
    headline = _tidy(_ARTICLES.sub("", headline))
    if len(headline) > MAX_LENGTH:
        for m in sorted((m for m in mentions if m.type == "person"), key=lambda m: -len(m.surface)):
            if m.surface.endswith(m.name) and m.surface != m.name and m.surface in headline:
                headline = headline.replace(m.surface, m.name)
        headline = _tidy(_shorten(headline, MAX_LENGTH))
    return headline[:1].upper() + headline[1:]


def unique_headlines(headlines_by_id: Mapping[str, tuple[str, _dt.date, str | None]]) -> dict[str, str]:
    """Make headlines unique across the site: colliding ones get their dateline or date.

    ``headlines_by_id`` maps an article id to ``(headline, date, dateline)``.
    The order of the ids does not matter: ties are broken by id.
    """
    result = {key: value[0] for key, value in headlines_by_id.items()}
    groups: dict[str, list[str]] = {}
    for key in sorted(result):
        groups.setdefault(result[key].casefold(), []).append(key)
    taken = {h.casefold() for h in result.values()}
    for keys in groups.values():
        if len(keys) < 2:
            continue
        places = [(headlines_by_id[k][2] or "").split(",")[0].strip() for k in keys]
        use_place = all(places) and len(set(places)) == len(places)
        for key, place in zip(keys, places):
            headline, date, _ = headlines_by_id[key]
            suffix = place if use_place else date.isoformat()
            candidate = f"{headline} ({suffix})"
            n = 2
            while candidate.casefold() in taken:
                candidate = f"{headline} ({suffix}, {n})"
                n += 1
            taken.add(candidate.casefold())
            result[key] = candidate
    return result
