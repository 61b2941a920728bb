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

import re

import attrs

from newsclean.edits import Edit
from newsclean.pipeline import Document

__all__ = ["normalize_whitespace"]

_ZERO_WIDTH = "\u200b\u2060\ufeff"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
#: The space separators (Unicode category Zs), spelled out for the stdlib ``re``.
_SPACES = " \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_WHITESPACE = f"\t{_SPACES}{_ZERO_WIDTH}{_LINE_BREAKS}"

#: A run of whitespace that may need a change: it holds whitespace other than a
#: plain space, or two spaces. Only a single plain space can stand before such a
#: character in its run (two would match themselves), so `` ?`` finds the start.
#: A plain class with no lookaround, so the scan runs at the regex engine's speed
#: (the stdlib ``re``: it compiles classes to bitmaps, several times faster than
#: ``regex`` here); Python looks only at the runs it finds.
#: >>> [m.group() for m in RUN.finditer("a b\u00a0c \n\nd  e")]
#: ['\xa0', ' \n\n', '  ']
RUN = re.compile(f" ?(?:[{_WHITESPACE.replace(' ', '')}]|  )[{_WHITESPACE}]*")
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
        edits = [edit for run in RUN.finditer(text) if (edit := _edit_for(text, *run.span()))]
        if text[:1] == " " and (not edits or edits[0].start > 0):
            edits.insert(0, Edit(0, 1, "", EDGE))
        if text[-1:] == " " and (not edits or edits[-1].end < len(text)):
            edits.append(Edit(len(text) - 1, len(text), "", EDGE))
        return edits

    def __repr__(self) -> str:
        return "normalize_whitespace()"


def _edit_for(text: str, start: int, end: int) -> Edit | None:
    """The edit one run of whitespace needs, if any."""
    run = text[start:end]
    if run == "\n" and start:  # the most common run by far: one line break
        return Edit(start, end, "\n\n", BREAK) if end < len(text) else Edit(start, end, "", EDGE)
    if start == 0 or end == len(text):
        replacement, reason = "", EDGE
    elif _HAS_LINE_BREAK.search(run):
        replacement, reason = "\n\n", BREAK
    elif _ONLY_ZERO_WIDTH.fullmatch(run):
        replacement, reason = "", ZERO_WIDTH
    else:
        replacement, reason = " ", SPACES
    return Edit(start, end, replacement, reason) if run != replacement else None


def normalize_whitespace() -> _NormalizeWhitespace:
    """The whitespace pass. It has no settings."""
    return _NormalizeWhitespace()
