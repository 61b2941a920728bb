"""``normalize_whitespace``: one paragraph a line, one blank line between paragraphs.

Whitespace-only lines go (no-break and zero-width spaces count as whitespace),
every line is stripped, runs of spaces and no-break spaces inside a line become
one space, zero-width spaces inside words are deleted, and the text neither
starts nor ends with whitespace. Every non-empty line becomes a paragraph.

>>> from newsclean.pipeline import Document
>>> normalize_whitespace()(Document("\\u00a0 Title \\n\\u00a0\\nOne\\u00a0two."))
[Edit(start=0, end=2, replacement='', reason='whitespace at the start or end of the text', \
to_title=False), Edit(start=7, end=11, replacement='\\n\\n', reason='line padding and blank \
lines: one blank line between paragraphs', to_title=False), Edit(start=14, end=15, \
replacement=' ', reason='no-break, wide or repeated spaces made one space', to_title=False)]
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Iterator
from itertools import chain, repeat

import attrs

from newsclean.edits import Edit
from newsclean.pipeline import Document

__all__ = ["normalize_whitespace"]

_ZERO_WIDTH = "\u200b\u2060\ufeff"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
#: The space separators (Unicode category Zs), spelled out for the stdlib ``re``.
_SPACES = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_WHITESPACE = f"\t{_SPACES}{_ZERO_WIDTH}{_LINE_BREAKS}"

_NOT_SPACE = _WHITESPACE.replace(" ", "")

#: A run of whitespace may need a change when it holds whitespace other than a
#: plain space, or two spaces. Such runs are found by scans that each start
#: with one character class or a literal, so the stdlib ``re`` skips to the next
#: candidate in C (a pattern that could start at any space, ``" ?(?:...)"``, is
#: tried at every space of the text: several times slower).
#:
#: ``BREAK_RUN``: a run that starts with a ``\n`` right after a paragraph and
#: ends before the next one: the most common runs by far (one per line where
#: lines are paragraphs, with or without an indent), each made one blank line,
#: so their edits are built in C. ``\n\n`` alone needs no change: left out.
#: >>> [m.span() for m in BREAK_RUN.finditer("a\nb \nc\n\nd\n  e\n")]
#: [(1, 2), (9, 12)]
BREAK_RUN = re.compile(
    f"\n(?<=[^{_WHITESPACE}]\n)(?!\n[^{_WHITESPACE}])[{_WHITESPACE}]*+(?=[^{_WHITESPACE}])"
)
#: ``SPACE_BREAK``: every other run with a line break right after a plain space,
#: from that space to its end (Python adds the plain spaces before it). Its
#: literal start is rare in text, so ``re`` tries a match at few places (a scan
#: from every ``\n``, as ``BREAK_RUN`` needs, costs a try per line). The other
#: runs from a ``\n`` that may need a change are at the start or the end of the
#: text (``_edge_break_runs``); a match inside one of them, or inside a run that
#: ``BREAK_RUN`` or ``_rare_breaking`` found, starts after whitespace: Python
#: drops it.
#: >>> [m.group() for m in SPACE_BREAK.finditer("a b \n\nc\n \nd\n")]
#: [' \n\n', ' \n']
SPACE_BREAK = re.compile(f" \n[{_WHITESPACE}]*")
_RARE = _NOT_SPACE.replace("\n", "")


def _spelled_out(char_class: str) -> str:
    """The characters of a character class written as characters and ``a-b`` ranges.

    >>> _spelled_out("\\t\\u2000-\\u2002")
    '\\t\\u2000\\u2001\\u2002'
    """

    def expand(run: re.Match[str]) -> str:
        return "".join(map(chr, range(ord(run[1]), ord(run[2]) + 1)))

    return re.sub("(.)-(.)", expand, char_class, flags=re.DOTALL)


#: The characters of ``_RARE`` one by one, for ``in``: a test for one character
#: is several times faster than a scan for a class.
_RARE_CHARACTERS = _spelled_out(_RARE)
_WHITESPACE_CHARACTERS = _spelled_out(_WHITESPACE)
#: ``SPACE_RUN``: runs of two spaces or more. Those with no other whitespace
#: next to them match the first alternative and its empty group (``lastindex``
#: is 1); the second takes in the others whole (indents after a line break, by
#: far the most), so ``re`` does not try again at each of their spaces.
#: >>> [(m.span(), m.lastindex) for m in SPACE_RUN.finditer("a  b   \n   c")]
#: [((1, 3), 1), ((4, 7), None), ((8, 11), None)]
SPACE_RUN = re.compile(f"  (?:(?<![{_WHITESPACE}]  ) *+(?![{_WHITESPACE}])()| *+)")
_NEXT_TO_NO_WHITESPACE = operator.attrgetter("lastindex")
_IS_WHITESPACE = re.compile(f"[{_WHITESPACE}]")
_WHITESPACE_RUN = re.compile(f"[{_WHITESPACE}]*+")
_HAS_LINE_BREAK = re.compile(rf"[{_LINE_BREAKS}]")
_ONLY_ZERO_WIDTH = re.compile(rf"[{_ZERO_WIDTH}]+")

EDGE = "whitespace at the start or end of the text"
BREAK = "line padding and blank lines: one blank line between paragraphs"
SPACES = "no-break, wide or repeated spaces made one space"
ZERO_WIDTH = "zero-width characters"


@attrs.frozen
class _NormalizeWhitespace:
    name = "normalize_whitespace"

    def __call__(self, document: Document) -> list[Edit]:
        text = document.text
        edits = _edits(text)
        if text[:1] == " " and (not edits or edits[0].start > 0):
            edits.insert(0, Edit(0, 1, "", EDGE))
        if text[-1:] == " " and (not edits or edits[-1].end < len(text)):
            edits.append(Edit(len(text) - 1, len(text), "", EDGE))
        return edits

    def __repr__(self) -> str:
        return "normalize_whitespace()"


def _edits(text: str) -> list[Edit]:
    """The edit of every run that needs one, in order."""
    breaks = _break_run_edits(text)
    others = [edit for start, end in _runs(text) if (edit := _edit_for(text, start, end))]
    return sorted(breaks + others) if others else breaks


def _break_run_edits(text: str) -> list[Edit]:
    """The runs ``BREAK_RUN`` finds, made ``\\n\\n``.

    Built with ``map`` and ``zip`` (``tuple.__new__`` makes each ``Edit``), so no
    Python runs per line break: a page can have one every few dozen characters.
    """
    runs = list(BREAK_RUN.finditer(text))
    starts, ends = map(re.Match.start, runs), map(re.Match.end, runs)
    fields = zip(starts, ends, repeat("\n\n"), repeat(BREAK), repeat(False))
    return list(map(tuple.__new__, repeat(Edit), fields))


def _runs(text: str) -> list[tuple[int, int]]:
    """The spans of the other whitespace runs that may need a change, in order."""
    runs = _edge_break_runs(text)
    for match in _breaking(text):
        start = match.start()
        while start and text[start - 1] == " ":
            start -= 1
        if start and _IS_WHITESPACE.match(text, start - 1):
            continue  # inside a run that another scan found
        runs.append((start, match.end()))
    return sorted(runs + _space_runs(text))


def _edge_break_runs(text: str) -> list[tuple[int, int]]:
    """The whitespace at the start of the text if it starts with ``\\n``, and at its
    end if it starts with a ``\\n`` right after the last paragraph.

    >>> _edge_break_runs("\\n a\\n \\n")
    [(0, 2), (3, 6)]
    """
    runs = []
    leading = _WHITESPACE_RUN.match(text) if text[:1] == "\n" else None
    if leading:  # (its end, not text.lstrip(): no copy of a long page)
        runs.append(leading.span())
    end = _trailing_whitespace(text)
    if end and text[end : end + 1] == "\n":
        runs.append((end, len(text)))
    return runs


def _trailing_whitespace(text: str, tail: int = 64) -> int:
    """Where the whitespace at the end of ``text`` starts: ``len(text.rstrip())``
    for this pass's whitespace, found by stripping ever longer tails, not a copy
    of the whole text (which a long page ending in a line break would cost).

    >>> _trailing_whitespace("a b \\n\\u00a0\\n", tail=2), _trailing_whitespace("  ", tail=1)
    (3, 0)
    """
    while True:
        start = max(len(text) - tail, 0)
        kept = len(text[start:].rstrip(_WHITESPACE_CHARACTERS))
        if kept or not start:
            return start + kept
        tail *= 4


def _breaking(text: str) -> Iterator[re.Match[str]]:
    """Matches from a space before a line break and from the rare whitespace."""
    matches = SPACE_BREAK.finditer(text) if " \n" in text else iter(())
    # In C: no Python per character; most texts hold none of them.
    rare = "".join(filter(text.__contains__, _RARE_CHARACTERS))
    return chain(matches, _rare_breaking(rare).finditer(text)) if rare else matches


@functools.lru_cache(maxsize=64)
def _rare_breaking(characters: str) -> re.Pattern[str]:
    """A scan for the runs whose first whitespace other than a plain space is one
    of ``characters`` (the rare ones a text holds), from that character on.

    A text holds one or two of them at most, mostly: a class of one character
    is a literal, which ``re`` skips to several times faster than to a class of
    all 25.

    >>> [m.group() for m in _rare_breaking("\\xa0").finditer("a b\\xa0c \\n\\nd")]
    ['\\xa0']
    """
    return re.compile(f"[{characters}](?<![{_NOT_SPACE}]{{2}})[{_WHITESPACE}]*")


def _space_runs(text: str) -> list[tuple[int, int]]:
    """The spans of two spaces or more with no other whitespace next to them.

    >>> _space_runs("a  b\\n   c  d")
    [(1, 3), (9, 11)]
    """
    if "  " not in text:
        return []
    runs = filter(_NEXT_TO_NO_WHITESPACE, SPACE_RUN.finditer(text))
    return list(map(re.Match.span, runs))


def _edit_for(text: str, start: int, end: int) -> Edit | None:
    """The edit one run of whitespace needs, if any."""
    run = text[start:end]
    if start == 0 or end == len(text):
        replacement, reason = "", EDGE
    elif "\n" in run or _HAS_LINE_BREAK.search(run):
        replacement, reason = "\n\n", BREAK
    elif _ONLY_ZERO_WIDTH.fullmatch(run):
        replacement, reason = "", ZERO_WIDTH
    else:
        replacement, reason = " ", SPACES
    return Edit(start, end, replacement, reason) if run != replacement else None


def normalize_whitespace() -> _NormalizeWhitespace:
    """The whitespace pass. It has no settings."""
    return _NormalizeWhitespace()
