"""``extract_headline``: find the headline, move it to the title, drop its repeats.

The title is the caller's ``title`` when given. Otherwise it is the first
paragraph when it is repeated just below it and is short and does not end in a
full stop ("Is the ferry safe?" twice), or when it looks like a headline (short,
not ending like a sentence, no URL, clock time or hashtag, not starting in lower
case or with a bullet) and nothing says otherwise: not a byline or a dateline
("Hong Kong (CNN Business)"), not in capitals only, without emoji, not ending in
a price (a deal in a list), not half a sentence (ending on "the", "after", … or
finished by the next line), not over a list, not one of a series of parallel
labels (a short line further down ends in the same three words and starts
otherwise: "Drink within 30 minutes after your workout", "Eat 1–2 hours after
your workout"). Either way it is not a recurring
label: a line that stands again, word for word, as its own paragraph at least
twice further down, after other paragraphs and before the last ``look_behind``,
never side by side with another copy, heads the sections of a list (a meal plan,
a timetable); a headline is repeated right below itself or at the end. A text
that starts with an ordinary paragraph keeps it and gets no title (extractors
usually drop the headline).
Repeats of the title (differing in case, punctuation, spacing, or with a
``" | Site"`` / ``" - Site"`` suffix) are removed near the top, until
``look_ahead`` other paragraphs have been seen, and near the end, until
``look_behind`` other paragraphs have been seen.

>>> from newsclean.pipeline import Document
>>> text = "Floods close schools\\n\\nFLOODS CLOSE SCHOOLS | The Star\\n\\nRain fell all week."
>>> [(e.start, e.end, e.reason, e.to_title) for e in extract_headline()(Document(text))]
[(0, 22, 'the headline, moved to title', True), (22, 55, 'repeat of the headline', False)]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from itertools import islice, takewhile

import attrs
import regex

from newsclean.edits import Edit, drop_paragraphs
from newsclean.pipeline import Document
from newsclean.shapes import (
    BULLETS,
    SENTENCE_END,
    key,
    looks_like_headline,
    paragraphs,
    paragraphs_backwards,
    without_site_suffix,
    word_count,
)

__all__ = ["extract_headline"]

MOVED = "the headline, moved to title"
REPEAT = "repeat of the headline"
REPEAT_AT_END = "repeat of the headline at the end"
_COUNT = [attrs.validators.instance_of(int), attrs.validators.ge(0)]
#: A byline: "By Jane Doe", "BY STAFF", "Staff Reports".
BYLINE = regex.compile(r"(?i:by\s|staff\s+reports?\b|from\s+staff\b)")
EMOJI = regex.compile(r"\p{Extended_Pictographic}")
#: A dateline on a line of its own: "Hong Kong (CNN Business)", "WASHINGTON (Reuters)".
DATELINE = regex.compile(r"[^()\d]{2,40}\(\p{Lu}[^()]{0,30}\)")
#: Words a headline does not end on: the sentence goes on below ("… on Tuesday after").
OPEN_END = regex.compile(
    r"(?i:\b(?:the|a|an|and|or|but|of|after|before|with|from|that|than|into|at|by|to|as)\Z)"
)
#: A price at the end: an item of a list of deals ("Wireless controller for $39.99").
PRICE_END = regex.compile(r"(?:\p{Sc}\s?\d[\d.,]*|\d[\d.,]*\s?\p{Sc})\Z")


#: How many paragraphs below the first are searched for a label ending like it,
#: and the most words such a label has.
LABEL_SCAN, LABEL_WORDS = 40, 8
_WORD = re.compile(r"\w+")

#: The longest line that can repeat a headline: a headline is at most 200
#: characters (``looks_like_headline``) and a site suffix at most about 64 more.
LONGEST_REPEAT = 280


def _keys(line: str) -> frozenset[str]:
    """Comparison keys of a line, with and without a site-name suffix (none if too long).

    >>> sorted(_keys("Floods close schools | The Daily Star"))
    ['floodscloseschools', 'floodscloseschoolsthedailystar']
    """
    return _short_line_keys(line) if len(line) <= LONGEST_REPEAT else frozenset()


@functools.lru_cache(maxsize=64)
def _short_line_keys(line: str) -> frozenset[str]:
    """``_keys`` of a line short enough to repeat a headline. Cached: the lines
    under a headline-shaped first line are compared with it, then searched for
    its repeats."""
    bare = without_site_suffix(line)
    keys = {key(line), key(bare)} if bare != line else {key(line)}
    keys.discard("")
    return frozenset(keys)


def _stands_apart_badly(first: str, below: list[str]) -> bool:
    """Signs that a headline-shaped first line is not the headline: a byline
    ("By Jane Doe"), a dateline ("Hong Kong (CNN Business)"), capitals only (a
    dateline "BAAR, SWITZERLAND" or a button "CLICK FOR FULL RESULTS"; a headline
    in capitals still counts when it is repeated), an emoji (a social post), a
    price at the end (a deal in a list), half of a sentence (it ends on "the",
    "after", … or the next line goes on in lower case), or the start of a list
    (the next line is a list item, or the next two lines are headline-shaped too).

    >>> _stands_apart_badly("Flood warning for the north", ["Rain fell all week."])
    False
    >>> _stands_apart_badly("By Jane Doe", ["Rain fell all week."])
    True
    >>> _stands_apart_badly("Markets were mixed on Tuesday after", ["CNBC reported"])
    True
    """
    return (
        BYLINE.match(first) is not None
        or DATELINE.fullmatch(first) is not None
        or first.isupper()
        or EMOJI.search(first) is not None
        or PRICE_END.search(first) is not None
        or OPEN_END.search(first) is not None
        or (bool(below) and (below[0][:1].islower() or below[0][:1] in BULLETS))
        or (len(below) >= 2 and all(looks_like_headline(line) for line in below[:2]))
    )


def _ends_like_a_label_below(text: str, after: int, first: str) -> bool:
    """Whether a label-like line among the ``LABEL_SCAN`` paragraphs after ``after``
    ends in the same three words as ``first`` but starts otherwise: ``first`` is
    then one of a series of parallel section labels ("Drink within 30 minutes
    after your workout", "Eat 1–2 hours after your workout"), not a headline. A
    label-like line has at most ``LABEL_WORDS`` words and no sentence end, and is
    not a piece of ``first`` (a site name, a shortened headline).

    >>> plan = "Drink within 30 minutes after your workout\\n\\nRice, 1 cup\\n\\n"
    >>> _ends_like_a_label_below(plan + "Eat 2 hours after your workout", 42, plan[:42])
    True
    >>> _ends_like_a_label_below(plan + "Drink water after your workout", 42, plan[:42])
    False
    """
    folded = first.casefold()
    words = _WORD.findall(folded)
    if len(words) < 3:
        return False
    for start, end in islice(paragraphs(text, after), LABEL_SCAN):
        line = text[start:end].casefold()
        if words[-1] not in line or len(line.split()) > LABEL_WORDS:
            continue  # (cheap tests first: most lines fail them)
        others = _WORD.findall(line)
        if (
            others[-3:] == words[-3:]
            and others[0] != words[0]
            and word_count(line) <= LABEL_WORDS
            and not SENTENCE_END.search(line)
            and line not in folded
        ):
            return True
    return False


@attrs.frozen
class _ExtractHeadline:
    look_ahead: int = attrs.field(default=6, validator=_COUNT)
    look_behind: int = attrs.field(default=3, validator=_COUNT)
    name = "extract_headline"

    def __call__(self, document: Document) -> list[Edit]:
        text = document.text
        title = document.title
        drops: list[tuple[int, int, str]] = []
        top_from = 0
        if title is None:
            spans = paragraphs(text)
            first = next(spans, None)
            if first is None or not self._is_headline(text, first, spans):
                return []
            title, top_from = text[first[0] : first[1]], first[1]
            drops.append((*first, MOVED))
        title_keys = _keys(title)
        below = paragraphs(text, top_from)
        top_end = max(top_from, self._repeats(text, below, title_keys, REPEAT, drops))
        at_end: list[tuple[int, int, str]] = []
        ends = takewhile(lambda span: span[0] >= top_end, paragraphs_backwards(text))
        self._repeats(text, ends, title_keys, REPEAT_AT_END, at_end, window=self.look_behind)
        edits = drop_paragraphs(text, drops + at_end[::-1])
        if document.title is None:
            edits[0] = edits[0]._replace(to_title=True)
        return edits

    def _is_headline(
        self, text: str, span: tuple[int, int], below: Iterator[tuple[int, int]]
    ) -> bool:
        """Whether the first paragraph, at ``span``, is the headline (see the module
        docstring); ``below`` are the spans of the paragraphs after it."""
        first = text[span[0] : span[1]]
        unmarked = first.rstrip("?!")
        as_is = looks_like_headline(first)
        without_marks = as_is if unmarked == first else looks_like_headline(unmarked)
        if not (as_is or without_marks):
            return False  # most texts: no need to read the lines below
        lines = [text[s:e] for s, e in islice(below, self.look_ahead)]
        if lines and _keys(first) & set().union(*map(_keys, lines)):
            shaped = without_marks
        else:
            shaped = (
                as_is
                and not _stands_apart_badly(first, lines)
                and not _ends_like_a_label_below(text, span[1], first)
            )
        return shaped and not self._recurs_as_label(text, span[1], first)

    def _recurs_as_label(self, text: str, after: int, first: str) -> bool:
        """Whether ``first`` (the paragraph ending at ``after``) recurs as a section
        label: word for word as its own paragraph at least twice more before the last
        ``look_behind`` other paragraphs, never side by side with itself or another
        copy. A headline is repeated right below itself ("Title", "Title | Site"),
        at the end, once in a list of links, or in a block of page data where
        copies stand together.

        Linear: ``str.find`` scans the text once (lines are stripped by
        ``normalize_whitespace``, so a copy is a match between line breaks), and
        the end is read backwards over at most ``look_behind`` other paragraphs.

        >>> rest, sets = "Rest two minutes between sets", "Squats and lunges, three sets of ten."
        >>> plan = "\\n\\n".join([rest, sets, "Day 2"] * 3 + ["Stretch.", "Drink water.", "Sleep."])
        >>> extract_headline()._recurs_as_label(plan, len(rest), rest)
        True
        >>> extract_headline()._recurs_as_label(plan.replace(sets, rest), len(rest), rest)
        False
        """
        copies: list[int] = []
        previous, at = after, text.find(first, after)
        while at >= 0:
            end = at + len(first)
            if text[at - 1] == "\n" and (end == len(text) or text[end] == "\n"):
                if text[previous:at].isspace():
                    return False  # side by side with the line or the copy before
                copies.append(at)
                previous = end
            at = text.find(first, end)
        if len(copies) < 2:
            return False
        # The second copy must come before the last ``look_behind`` other paragraphs.
        others, starts = 0, set(copies)
        for start, _ in paragraphs_backwards(text):
            if others >= self.look_behind:
                return True
            if start <= copies[1]:
                return False
            others += start not in starts
        return False

    def _repeats(
        self,
        text: str,
        spans: Iterable[tuple[int, int]],
        title_keys: frozenset[str],
        reason: str,
        drops: list[tuple[int, int, str]],
        window: int | None = None,
    ) -> int:
        """Add to ``drops`` the repeats of the title among ``spans``, until ``window``
        other paragraphs (default ``look_ahead``) have been seen. Counting only the
        paragraphs that stay makes a second run see the same window: idempotent.
        Returns where the search stopped.
        """
        kept, stop = 0, 0
        for start, end in spans:
            if kept >= (self.look_ahead if window is None else window):
                break
            if _keys(text[start:end]) & title_keys:
                drops.append((start, end, reason))
            else:
                kept += 1
            stop = end
        return stop

    def __repr__(self) -> str:
        return f"extract_headline(look_ahead={self.look_ahead}, look_behind={self.look_behind})"


def extract_headline(look_ahead: int = 6, look_behind: int = 3) -> _ExtractHeadline:
    """The headline pass.

    ``look_ahead``: how many paragraphs after the title are searched for repeats;
    ``look_behind``: how many paragraphs at the end.
    """
    return _ExtractHeadline(look_ahead, look_behind)
