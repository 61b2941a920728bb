"""``extract_headline``: find the headline, move it to the title, drop its repeats.

The title is the caller's ``title`` when given. Otherwise it is the first
paragraph when that looks like a headline (short, not ending like a sentence)
or is repeated just below it; a text that starts with an ordinary paragraph
keeps it and gets no title. Repeats of the title among the next
``look_ahead`` paragraphs (differing in case, punctuation, spacing, or with a
``" | Site"`` / ``" - Site"`` suffix) are removed, and so is one repeat among
the last ``look_behind`` paragraphs.

>>> from newsclean.pipeline import Document
>>> text = "Floods close schools\\n\\nFLOODS CLOSE SCHOOLS | The Star\\n\\nRain fell all week."
>>> [(e.start, e.end, e.reason, e.to_title) for e in extract_headline()(Document(text))]
[(0, 22, 'the headline, moved to title', True), (22, 55, 'repeat of the headline', False)]
"""

from __future__ import annotations

import attrs

from newsclean.edits import Edit
from newsclean.passes._paragraphs import (
    SITE_SUFFIX,
    drop_paragraphs,
    first_paragraphs,
    key,
    last_paragraphs,
    looks_like_headline,
)
from newsclean.pipeline import Document

__all__ = ["extract_headline"]

MOVED = "the headline, moved to title"
REPEAT = "repeat of the headline"
REPEAT_AT_END = "repeat of the headline at the end"
_COUNT = [attrs.validators.instance_of(int), attrs.validators.ge(0)]


def _keys(line: str) -> set[str]:
    """Comparison keys of a line, with and without a site-name suffix."""
    keys = {key(line), key(SITE_SUFFIX.sub("", line))}
    keys.discard("")
    return keys


@attrs.frozen
class _ExtractHeadline:
    look_ahead: int = attrs.field(default=6, validator=_COUNT)
    look_behind: int = attrs.field(default=3, validator=_COUNT)
    name = "extract_headline"

    def __call__(self, document: Document) -> list[Edit]:
        text = document.text
        top = first_paragraphs(text, self.look_ahead + 1)
        if not top:
            return []
        drops: list[tuple[int, int, str, bool]] = []
        title = document.title
        if title is None:
            first = text[top[0][0] : top[0][1]]
            below = set().union(*(_keys(text[s:e]) for s, e in top[1:]))
            if not looks_like_headline(first) and not _keys(first) & below:
                return []
            title = first
            drops.append((*top[0], MOVED, True))
            top = top[1:]
        else:
            top = top[: self.look_ahead]
        title_keys = _keys(title)
        drops += [(s, e, REPEAT, False) for s, e in top if _keys(text[s:e]) & title_keys]
        last_top = drops[-1][1] if drops else 0
        for s, e in reversed(last_paragraphs(text, self.look_behind)):
            if s > last_top and _keys(text[s:e]) & title_keys:
                drops.append((s, e, REPEAT_AT_END, False))
                break
        return drop_paragraphs(text, drops)

    def __repr__(self) -> str:
        return f"extract_headline(look_ahead={self.look_ahead}, look_behind={self.look_behind})"


def extract_headline(look_ahead: int = 6, look_behind: int = 3) -> _ExtractHeadline:
    """The headline pass.

    ``look_ahead``: how many paragraphs after the title are searched for repeats;
    ``look_behind``: how many paragraphs at the end.
    """
    return _ExtractHeadline(look_ahead, look_behind)
