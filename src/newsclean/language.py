"""Telling the language of a page, cheaply, from a sample of its text.

Scripts decide first: kana means Japanese, Han without kana Chinese. Otherwise
the frequent words of running text listed in each lexicon's ``[detect]`` section
are counted in the first ``SAMPLE`` characters; the language with the most
hits wins when it has at least ``MIN_HITS`` and ``LEAD`` times the next one's.
A page whose first ``QUICK_SAMPLE`` characters (cut before a space) hold no
kana or Han and already name one language by far (``QUICK_MIN_HITS`` hits and
``QUICK_LEAD`` times the next) is decided there: most pages, at a fraction of
the cost. Otherwise only the rest of the sample is counted on top. On the 2,025
texts of the quality benchmarks (nine languages) and the fixtures, both ways
name the same language; they can differ on a page whose language changes after
its first few sentences.

>>> detect_language("Der Rat hat am Dienstag über den Haushalt und die Steuern beraten.")
'de'
>>> detect_language("東京都は月曜日、新しい計画を発表した。")
'ja'
>>> detect_language("北京地铁新线年底开通")
'zh'
>>> detect_language("Read More") is None
True
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from itertools import chain, filterfalse
from operator import itemgetter

import regex

from newsclean.characters import bmp_outside_ascii
from newsclean.lexicon import available_languages, load_lexicon

__all__ = [
    "LEAD",
    "MIN_HITS",
    "QUICK_LEAD",
    "QUICK_MIN_HITS",
    "QUICK_SAMPLE",
    "SAMPLE",
    "SHOUT_TOKENS",
    "detect_language",
]

#: How much of the text is looked at.
SAMPLE = 2000
#: The fewest frequent-word hits that name a language, and how many times the
#: next language's hits it must have.
MIN_HITS, LEAD = 3, 1.5
#: The same for the start of the text, which decides alone when it is this clear.
QUICK_SAMPLE, QUICK_MIN_HITS, QUICK_LEAD = 500, 6, 4
#: How many tokens at the start of a text (in its first ``SAMPLE`` characters) tell
#: whether it is in capitals.
SHOUT_TOKENS = 40


@functools.cache
def _word_languages() -> dict[str, tuple[str, ...]]:
    """Each ``[detect]`` word, as listed (in lower case) and with a capital first
    letter, with the languages that list it."""
    table: dict[str, list[str]] = {}
    for language in available_languages():
        for word in load_lexicon(language).detect:
            for form in dict.fromkeys((word, word[:1].upper() + word[1:])):
                table.setdefault(form, []).append(language)
    return {word: tuple(languages) for word, languages in table.items()}


@functools.cache
def _word() -> re.Pattern[str]:
    """A word: letters, digits and ``_`` (``\\w``) and the combining marks among
    them (Unicode category M, those of the BMP, found once by ``regex``). ``\\w``
    alone cuts the Hindi "है" (a letter and a vowel sign) to "ह".

    >>> _word().findall("(है) est-ce")
    ['है', 'est', 'ce']
    """
    marks = regex.findall(r"\p{M}+", bmp_outside_ascii())
    return re.compile(f"[\\w{''.join(marks)}]+")


@functools.cache
def _alnum_word_languages() -> dict[str, tuple[str, ...]]:
    """``_word_languages`` for the words of letters and digits only (nearly all)."""
    return {word: languages for word, languages in _word_languages().items() if word.isalnum()}


#: For ``bytes.translate`` of UTF-8 text: each ASCII character that is not part of
#: a word (not a letter, a digit or ``_``) made a space; the other bytes kept.
_ASCII_GAPS = bytes(b if chr(b).isalnum() or b == ord("_") else ord(" ") for b in range(128))
_ASCII_GAPS += bytes(range(128, 256))
#: The punctuation outside ASCII that is common in running text (none is part of
#: a word).
_COMMON_PUNCTUATION = "’“”—–‘…"
#: The bytes that start the characters from U+3000 to U+9FFF in UTF-8, which kana
#: and Han are among (no other character holds them).
_CJK_LEADS = range(0xE3, 0xEA)
#: How the kana (U+3040 to U+30FF) start in UTF-8: E3 81, E3 82 or E3 83.
_KANA_STARTS = (b"\xe3\x81", b"\xe3\x82", b"\xe3\x83")
#: How the Han (U+4E00 to U+9FFF) start in UTF-8: E4 B8 to E4 BF (U+4E00 to
#: U+4FFF), then E5 to E9 (U+5000 to U+9FFF).
_HAN_STARTS = (
    *(bytes([0xE4, b]) for b in range(0xB8, 0xC0)),
    *(bytes([b]) for b in range(0xE5, 0xEA)),
)


def _spaced(sample: str) -> bytes:
    """``sample`` in UTF-8 with its punctuation made spaces: the ASCII characters
    that are not part of a word, and the common ``_COMMON_PUNCTUATION``. One
    ``bytes.translate`` does ASCII (``str.translate`` looks each character up
    in a dict); the bytes of other characters are kept.

    >>> _spaced("“L’été” – c’est_ça!").decode()
    ' L été    c est_ça '
    """
    if not sample.isascii():
        for mark in _COMMON_PUNCTUATION:
            sample = sample.replace(mark, " ")
    return sample.encode("utf-8", "surrogatepass").translate(_ASCII_GAPS)


def _split(spaced: bytes) -> list[str]:
    """The tokens of a ``_spaced`` sample (its pieces between white space).

    >>> _split(_spaced("(est-ce)"))
    ['est', 'ce']
    """
    return spaced.decode("utf-8", "surrogatepass").split()


def _kana_and_han(spaced: bytes) -> tuple[int, int]:
    """How many kana (U+3040 to U+30FF) and Han (U+4E00 to U+9FFF) a ``_spaced``
    sample holds: the starts of their UTF-8 bytes counted, which no other
    character holds (many times faster than a ``re`` scan of the text).

    >>> _kana_and_han(_spaced("東京都は「月曜日」、計画を発表した。")), _kana_and_han(b"Ca")
    ((4, 10), (0, 0))
    """
    # Most samples hold no character from U+3000 to U+9FFF: a search for each
    # byte that starts one (memchr) tells.
    if spaced.isascii() or not any(map(spaced.__contains__, _CJK_LEADS)):
        return 0, 0
    return sum(map(spaced.count, _KANA_STARTS)), sum(map(spaced.count, _HAN_STARTS))


def _shouts(tokens: list[str]) -> bool:
    """Whether a text whose tokens (``str.split``) start with ``tokens`` is in
    capitals: its first ``SHOUT_TOKENS`` tokens hold more in capitals than in
    lower case (numbers and marks count neither way).

    >>> _shouts("FLOODS CLOSE SCHOOLS IN THE NORTH. Rain fell all week.".split())
    True
    >>> _shouts("THE iPhone 16".split()), _shouts("The iPhone 16".split())
    (True, False)
    """
    first = tokens[:SHOUT_TOKENS]
    lower = sum(map(str.islower, first))
    # With half of them in lower case at least, no more can be in capitals.
    return 2 * lower < len(first) and sum(map(str.isupper, first)) > lower


def _tokens(sample: str, shouting: bool) -> list[str]:
    """The tokens of ``sample`` (in lower case when it is ``shouting``, ``_shouts``)
    between white space and punctuation (``_spaced``). Nearly all are words of
    letters and digits; the others hold rarer punctuation, marks or ``_``.

    >>> _tokens("THE PM EST (est-ce)", True)
    ['the', 'pm', 'est', 'est', 'ce']
    >>> _tokens("“L’été” – c’est_ça", False)
    ['L', 'été', 'c', 'est_ça']
    """
    return _split(_spaced(sample.lower() if shouting else sample))


def _languages_of_words(tokens: list[str]) -> Iterator[tuple[str, ...] | None]:
    """For each word (``_word``) of the ``tokens`` of a sample (``_tokens``): the
    languages that list it, or ``None``. In no particular order. A word counts in
    lower case or with a capital first letter, not in capitals: among other words,
    those are abbreviations ("11:45 PM EST" is not French for "is"), unless the
    page is shouting and its tokens are in lower case.

    A token of letters and digits only is one word, looked up among the words of
    that shape (where another token finds nothing); only the other tokens, if
    any, are scanned for their words, all at once.

    >>> tokens = _tokens("The PM EST (est_ce) है", False)
    >>> [languages for languages in _languages_of_words(tokens) if languages]
    [('en',), ('hi',)]
    >>> [languages for languages in _languages_of_words(_tokens("THE PM EST", True)) if languages]
    [('en',), ('fr',)]
    """
    words = map(_alnum_word_languages().get, tokens)
    joined = "".join(tokens)
    # Tokens of ASCII are letters, digits and "_" (``_spaced``): the test is cheaper.
    if ("_" not in joined) if joined.isascii() else joined.isalnum():
        return words
    glued = " ".join(filterfalse(str.isalnum, tokens))
    return chain(words, map(_word_languages().get, _word().findall(glued)))


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or ``None`` when unsure."""
    cut = text.rfind(" ", 0, QUICK_SAMPLE + 1) if len(text) > QUICK_SAMPLE else -1
    start = text[:cut] if cut > 0 else ""
    # The text's first tokens: the start was cut before a space.
    first = start.split(None, SHOUT_TOKENS)
    if len(first) < SHOUT_TOKENS:
        first = text[:SAMPLE].split(None, SHOUT_TOKENS)
    shouting = _shouts(first)
    hits = None
    spaced = _spaced(start)
    if start and _kana_and_han(spaced) == (0, 0):
        hits = _hits(_tokens(start, True) if shouting else _split(spaced))
        language = _leading(hits, QUICK_MIN_HITS, QUICK_LEAD)
        if language is not None:
            return language
    else:
        cut = 0
    # The rest of the sample, after the start when counted: that holds no kana or Han,
    # and was cut before a space, so its words and the rest's are the sample's.
    rest = text[cut:SAMPLE]
    spaced = _spaced(rest)
    kana, han = _kana_and_han(spaced)
    if kana >= 5:
        return "ja"
    if han >= 10:
        return "zh"
    hits = _hits(_tokens(rest, True) if shouting else _split(spaced), hits)
    return _leading(hits, MIN_HITS, LEAD)


def _hits(tokens: list[str], hits: Counter[str] | None = None) -> Counter[str]:
    """How many ``[detect]`` words of each language the ``tokens`` of a sample
    (``_tokens``) hold, added to ``hits`` when given.

    >>> _hits("the council and the mayor met in the town hall".split())  # "met" is Dutch too
    Counter({'en': 4, 'nl': 1})
    """
    hits = Counter() if hits is None else hits
    hits.update(chain.from_iterable(filter(None, _languages_of_words(tokens))))
    return hits


def _leading(hits: Counter[str], min_hits: int, lead: float) -> str | None:
    """The language with the most ``hits``, when it has at least ``min_hits`` and
    ``lead`` times the next one's.

    >>> _leading(Counter({"en": 5, "de": 1}), 3, 1.5), _leading(Counter({"en": 5, "de": 4}), 3, 1.5)
    ('en', None)
    """
    ranked = sorted(hits.items(), key=_COUNT, reverse=True)[:2]  # as most_common(2), cheaper
    if not ranked or ranked[0][1] < min_hits:
        return None
    if len(ranked) == 2 and ranked[1][1] * lead > ranked[0][1]:
        return None
    return ranked[0][0]


_COUNT = itemgetter(1)
