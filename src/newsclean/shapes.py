"""Shapes of lines shared by the passes and the flags: paragraphs, headlines, sentence ends.

After ``normalize_whitespace`` every non-empty line is a paragraph and
paragraphs are separated by one blank line; these helpers also work on text
that was not normalized (paragraphs are then the non-blank lines).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

#: Sentence-final punctuation, optionally closed by quotes or brackets, at the end.
#: >>> bool(SENTENCE_END.search('He said “no.”')), bool(SENTENCE_END.search("No end"))
#: (True, False)
_END_MARKS, _CLOSERS = ".!?…。！？؟।۔", "\"'”’»)]"
SENTENCE_END = regex.compile(rf"[{_END_MARKS}][{re.escape(_CLOSERS)}]{{0,3}}$")
#: What a line where ``SENTENCE_END`` matches ends with (a cheap test before it).
SENTENCE_LAST = _END_MARKS + _CLOSERS

#: A site name after a headline: "Headline | Site", "Headline - Site". The name
#: starts with a capital and has no sentence punctuation, so "Markets rally -
#: but for how long?" keeps its second half.
#: >>> SITE_SUFFIX.sub("", "Floods close schools - The Daily Star")
#: 'Floods close schools'
#: >>> SITE_SUFFIX.sub("", "Markets rally - but for how long?")
#: 'Markets rally - but for how long?'
SITE_SUFFIX = regex.compile(
    r"[^\S\n]+(?:[|·•]|[-–—]{1,2}|::)[^\S\n]+\p{Lu}[^|·•\n!?]{0,59}(?<!\.)$"
)

#: Where ``SITE_SUFFIX`` may match: a separator between spaces. The stdlib
#: ``re``, whose ``\\s`` holds all of ``regex``'s: a cheap test that spares most
#: lines the slower ``regex`` search.
_SEPARATOR = re.compile(r"\s(?:[|·•]|[-–—]{1,2}|::)\s")


def without_site_suffix(line: str) -> str:
    """``line`` without a site name after it (see ``SITE_SUFFIX``).

    >>> without_site_suffix("Floods close schools | The Daily Star")
    'Floods close schools'
    """
    return SITE_SUFFIX.sub("", line) if _SEPARATOR.search(line) else line


_NOT_WORD = regex.compile(r"[\W_]+")
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]")


#: Unicode's White_Space, what ``regex`` calls ``\\s``, one character at a time: for
#: a character class of the stdlib ``re`` (whose own ``\\s`` also holds \\x1c-\\x1f)
#: and for ``str.strip`` (whose default strips those too).
WHITE_SPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
#: ``WHITE_SPACE`` but the line break.
LINE_SPACE = WHITE_SPACE.replace("\n", "")

#: Punctuation and spaces of news text outside ASCII (curly quotes, dashes, the
#: ellipsis, guillemets, no-break space): ``[\\W_]`` for ``regex`` too, so ``key``
#: drops them first with the faster stdlib ``re`` and is then often left with ASCII.
_TYPOGRAPHY = re.compile("[‘’“”„–—…•\xa0«»·]+")

#: What ``key`` drops from ASCII text: all but letters and digits (``[\\W_]`` in ASCII).
_ASCII_NOT_WORD = bytes(c for c in range(128) if not chr(c).isalnum())


def key(text: str) -> str:
    """A comparison key: case-folded letters and digits only.

    >>> key("Iran: The MEK’ Resilience") == key("IRAN the MEK Resilience")
    True
    """
    folded = text.casefold()
    if not folded.isascii():
        folded = _TYPOGRAPHY.sub("", folded)  # often all that is not ASCII
        if not folded.isascii():
            return _NOT_WORD.sub("", folded)
    # most lines: bytes.translate deletes in C, several times faster
    return folded.encode("ascii").translate(None, _ASCII_NOT_WORD).decode("ascii")


def word_count(text: str) -> int:
    """Words separated by spaces, plus one per two characters of scripts written without spaces.

    >>> word_count("Latest news"), word_count("最新消息"), word_count("東京 2020")
    (2, 3, 3)
    """
    words = len(text.split())
    return words if text.isascii() else words + len(_UNSPACED.findall(text)) // 2


#: What a headline does not hold: a URL, an e-mail or handle, a hashtag, a clock
#: time, a phone-like run of digits, a sentence end with more after it (so that
#: removing a tail glued after a sentence never turns a line into a headline),
#: or two "|" (a menu).
#: >>> [bool(NOT_IN_HEADLINE.search(line)) for line in ("Posted 6:45 PM", "Dow falls")]
#: [True, False]
NOT_IN_HEADLINE = regex.compile(
    r"https?:|www\.|\S@\S|(?:^|\s)#\w|\b\d{1,2}:\d\d\b|\d[\d ().-]{7,}\d"
    r"|[.!?…][\"'”’»)\]]{0,3}\s|\|[^|]*\|"
)


#: Characters that start a list item.
BULLETS = "-–—•*·▪►>"


def looks_like_headline(line: str) -> bool:
    """A short line with letters, shaped like a headline rather than a sentence, label or list item.

    >>> looks_like_headline("Floods close schools across the north")
    True
    >>> looks_like_headline("Floods closed schools across the north on Monday.")
    False
    >>> looks_like_headline("Read the full statement:"), looks_like_headline("- a list item")
    (False, False)
    """
    return (
        len(line) <= 200
        and 2 <= word_count(line) <= 20
        and not SENTENCE_END.search(line)
        and line[-1] not in ":;,(-–—"
        and not line[0].islower()
        and line[0] not in BULLETS
        and any(ch.isalpha() for ch in line)
        and not NOT_IN_HEADLINE.search(line)
    )


def paragraphs(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs from ``start`` on, lazily: each line's text without
    the whitespace around it (``regex``'s ``\\s``), where it has any. A ``start``
    inside a line begins with the next line.

    >>> list(paragraphs("A\\n\\n  B \\nC"))
    [(0, 1), (5, 6), (8, 9)]
    """
    if start and text[start - 1 : start] != "\n":
        start = text.find("\n", start) + 1 or len(text)
    return map(re.Match.span, _PARAGRAPH.finditer(text, start))


#: A line's text without the whitespace around it, blank lines passed over in C.
_PARAGRAPH = re.compile(f"[^{re.escape(WHITE_SPACE)}](?:[^\\n]*[^{re.escape(WHITE_SPACE)}])?")


def paragraphs_backwards(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs from the last one back, lazily: those of
    :func:`paragraphs`, in reverse.

    >>> list(paragraphs_backwards("A\\n\\n  B \\nC"))
    [(8, 9), (5, 6), (0, 1)]
    """
    end = len(text)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if span := _content(text, start, end):
            yield span
        end = start - 1


def _content(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the line ``text[start:end]`` without the whitespace around it,
    or None when it is blank."""
    line = text[start:end]
    content = line.lstrip(LINE_SPACE)
    if not content:
        return None
    left = start + len(line) - len(content)
    return left, left + len(content.rstrip(LINE_SPACE))


def line_blocks(text: str, size: int) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` in blocks of whole lines, each ``size`` characters or more
    (the last may be shorter) and ending at a line break (left out) or the end.
    A long line is a block of its own, whatever its length.

    >>> text = "ab\\ncd\\nef\\ngh"
    >>> [text[start:end] for start, end in line_blocks(text, 4)]
    ['ab\\ncd', 'ef\\ngh']
    """
    start = 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end
        yield start, end
        start = end + 1
