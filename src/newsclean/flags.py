"""Flags: paragraphs that are probably not article prose, kept but marked.

Captions ("MEK network pay tribute to political prisoners …") and links to
other articles ("Rates rise again as inflation bites") often sit among the
paragraphs without any cruft phrase to give them away. Deleting them on shape
alone would delete real prose too, so they are flagged instead, with a
confidence, and a user decides (``Article.flags``; keep the paragraphs whose
flag is below a threshold).

- **link**: a paragraph shaped like a headline (short, no sentence end) in the
  body of the text: 0.7, or 0.8 within a run of two or more such paragraphs.
- **caption**: any other short paragraph (at most ``SHORT_WORDS`` words, and at
  most ``SHORT_SHARE`` of the page's median paragraph): 0.5.

>>> [(f.paragraph, f.kind, f.confidence) for f in find_flags((
...     "The council met on Tuesday evening to discuss the budget for next year, "
...     "which includes new money for schools and roads across the county.",
...     "Rates rise again as inflation bites",
...     "The mayor said the plan was fair to every district and would be reviewed "
...     "in the spring, once the first figures from the new tax were in.",
... ))]
[(1, 'link', 0.7)]
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import attrs

from newsclean.shapes import looks_like_headline, word_count

__all__ = ["Flag", "find_flags"]

#: The longest paragraph, in words, that can be flagged as a caption.
SHORT_WORDS = 16
#: A caption is at most this share of the page's median paragraph.
SHORT_SHARE = 0.6

LINK = "headline-shaped line in the body: probably a link to another article"
CAPTION = "short line among longer paragraphs: probably a caption or a link"


@attrs.frozen
class Flag:
    """A paragraph of ``Article.paragraphs`` (by index) that is probably not prose."""

    paragraph: int
    text: str
    kind: str
    confidence: float
    reason: str

    def to_dict(self) -> dict[str, object]:
        """The flag as a JSON-safe dict."""
        return attrs.asdict(self)


def find_flags(paragraphs: Sequence[str]) -> tuple[Flag, ...]:
    """The flags of a clean text's paragraphs (see the module docstring)."""
    if len(paragraphs) < 3:
        return ()
    counts = [word_count(p) for p in paragraphs]
    short = min(SHORT_WORDS, SHORT_SHARE * statistics.median(counts))
    headline = [looks_like_headline(p) for p in paragraphs]
    flags = []
    for n, paragraph in enumerate(paragraphs):
        if headline[n]:
            in_run = any(headline[m] for m in (n - 1, n + 1) if 0 <= m < len(paragraphs))
            flags.append(Flag(n, paragraph, "link", 0.8 if in_run else 0.7, LINK))
        elif counts[n] <= short:
            flags.append(Flag(n, paragraph, "caption", 0.5, CAPTION))
    return tuple(flags)
