"""Telling the language of a page, cheaply, from a sample of its text.

Scripts decide first: kana means Japanese, Han without kana Chinese. Otherwise
the frequent words of running text listed in each lexicon's ``[detect]`` section
are counted in the first ``SAMPLE`` characters; the language with the most
hits wins when it has at least ``MIN_HITS`` and clearly more than the next.

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
from itertools import chain

from newsclean.lexicon import available_languages, load_lexicon

__all__ = ["SAMPLE", "detect_language"]

#: How much of the text is looked at.
SAMPLE = 2000
#: The fewest frequent-word hits that name a language.
MIN_HITS = 3

_WORD = re.compile(r"\w+")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.cache
def _word_languages() -> dict[str, tuple[str, ...]]:
    """Each ``[detect]`` word, with the languages that list it."""
    table: dict[str, list[str]] = {}
    for language in available_languages():
        for word in load_lexicon(language).detect:
            table.setdefault(word, []).append(language)
    return {word: tuple(languages) for word, languages in table.items()}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or ``None`` when unsure."""
    sample = text[:SAMPLE]
    if not sample.isascii():
        if len(_KANA.findall(sample)) >= 5:
            return "ja"
        if len(_HAN.findall(sample)) >= 10:
            return "zh"
    words = _WORD.findall(sample.lower())
    hits = Counter(chain.from_iterable(filter(None, map(_word_languages().get, words))))
    ranked = hits.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return None
    if len(ranked) == 2 and ranked[1][1] * 3 > ranked[0][1] * 2:
        return None
    return ranked[0][0]
