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

import attrs
import regex

from newsclean.edits import Edit
from newsclean.pipeline import Document

__all__ = ["normalize_whitespace"]

_ZERO_WIDTH = "\u200b\u2060\ufeff"
_LINE_BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
_WHITESPACE = rf"\t\p{{Zs}}{_ZERO_WIDTH}{_LINE_BREAKS}"

#: A maximal run of whitespace that needs a look: two characters or more, any
#: whitespace other than a plain space, or a space at either end of the text.
#: The one run never matched is a paragraph break that is already ``"\n\n"``,
#: so a clean text gives no match at all.
#: >>> [m.group() for m in WHITESPACE_RUN.finditer(" a b\u00a0c\\n\\nd  e ")]
#: [' ', '\xa0', '  ', ' ']
WHITESPACE_RUN = regex.compile(
    rf"(?<![{_WHITESPACE}])(?!\n\n[^{_WHITESPACE}])"
    rf"(?:[{_WHITESPACE}]{{2,}}+|(?! )[{_WHITESPACE}]|\A[{_WHITESPACE}]|[{_WHITESPACE}]\Z)"
)
_HAS_LINE_BREAK = regex.compile(rf"[{_LINE_BREAKS}]")
_ONLY_ZERO_WIDTH = regex.compile(rf"[{_ZERO_WIDTH}]+")

EDGE = "whitespace at the start or end of the text"
BREAK = "line padding and blank lines: one blank line between paragraphs"
SPACES = "no-break, wide or repeated spaces made one space"
ZERO_WIDTH = "zero-width characters"


@attrs.frozen
class _NormalizeWhitespace:
    name = "normalize_whitespace"

    def __call__(self, document: Document) -> list[Edit]:
        text = document.text
        edits = []
        for match in WHITESPACE_RUN.finditer(text):
            start, end = match.span()
            run = match.group()
            if start == 0 or end == len(text):
                replacement, reason = "", EDGE
            elif _HAS_LINE_BREAK.search(run):
                replacement, reason = "\n\n", BREAK
            elif _ONLY_ZERO_WIDTH.fullmatch(run):
                replacement, reason = "", ZERO_WIDTH
            else:
                replacement, reason = " ", SPACES
            if run != replacement:
                edits.append(Edit(start, end, replacement, reason))
        return edits

    def __repr__(self) -> str:
        return "normalize_whitespace()"


def normalize_whitespace() -> _NormalizeWhitespace:
    """The whitespace pass. It has no settings."""
    return _NormalizeWhitespace()
