"""Page furniture told by its shape: time stamps, cookie notices, menus.

Extractors that keep a whole page (html-text, inscriptis) or a little too much
of it leave the lines around the article: when it was published, the cookie
banner, the site's menus. ``strip_cruft_lines`` drops them with these finders,
each of which needs two signals at once, and only whole lines:

- a **time stamp**: a publishing word ("Published", "Updated", "Posted on") and
  a calendar date, and nothing else on the line. A clock time alone ("Updated
  14:52") stays: a live blog stamps its entries so.
- a **cookie notice**: a line that opens with the site saying it uses cookies
  ("We use cookies …", "This website uses cookies …") and speaks of consent or
  settings twice, in at most ``COOKIE_WORDS`` words, reporting no speech.
- a **menu**: the short lines (at most ``MENU_WORDS`` words, no sentence end)
  between two navigation labels, at most ``MENU_GAP`` of them between one
  label and the next, in a chain of labels holding at least two different
  ones that do not also stand inside articles ("Advertisement", "Read more",
  "Video" do). The lines before the first label and after the last stay.

The words are English: time stamps and cookie notices in other languages stay,
and menus are looked for on English pages only (the labels that stand inside
articles are known for English).

>>> line = "Published 11:11 PM EST Nov 19, 2019"
>>> is_time_stamp(line, 0, len(line))
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsclean.calls import REPORTED_SPEECH
from newsclean.shapes import SENTENCE_END, SENTENCE_LAST, key, word_count

__all__ = [
    "COOKIE_WORDS",
    "MENU_GAP",
    "MENU_WORDS",
    "OPENINGS",
    "is_cookie_notice",
    "is_time_stamp",
    "menu_lines",
]

#: A menu line: at most this many words and no sentence end.
MENU_WORDS = 4
#: At most this many menu lines between two labels of one menu.
MENU_GAP = 8
#: The longest cookie notice, in words.
COOKIE_WORDS = 80

_SPACE = r"[^\S\n]"
#: The text of a line without the whitespace around it (``str.strip``'s: the
#: stdlib's ``\s`` is ``str.isspace``), one match a non-blank line.
#: >>> [m.group() for m in _LINE_CONTENT.finditer("  Home \n\n \nWorld")]
#: ['Home', 'World']
_LINE_CONTENT = re.compile(r"\S(?:[^\n]*\S)?")
_BULLET = rf"(?:[-–—•·*►▶▸→»>|#■□▪▫▼▲◆◇●○★☆]++{_SPACE}*+)?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?)"
_DATE = (
    rf"(?:{_MONTH}{_SPACE}++\d{{1,2}}(?:st|nd|rd|th)?,?{_SPACE}++\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?{_SPACE}++{_MONTH},?{_SPACE}++\d{{4}}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})"
)
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|IST|AE[SD]T|HKT|SGT|JST|WIB)"
_CLOCK = (
    rf"(?:\d{{1,2}}[:.]\d\d(?::\d\d)?(?:{_SPACE}*+[ap]\.?m\.?)?(?:{_SPACE}*+{_ZONE})?"
    rf"|\d{{1,2}}{_SPACE}*+[ap]\.?m\.?(?:{_SPACE}*+{_ZONE})?)"
)
#: Between the parts of a stamp: spaces, maybe one of , | / – - and "at".
_JOIN = rf"(?:{_SPACE}*+(?:[,|/–-]{_SPACE}*+)?(?:at{_SPACE}++)?)"
_WHEN = rf"(?:{_WEEKDAY}{_SPACE}*+)?(?:{_DATE}|{_CLOCK})"
_PUBLISHING = (
    rf"(?:last{_SPACE}++updated|first{_SPACE}++published|last{_SPACE}++modified"
    rf"|updated|published|posted|modified)(?:{_SPACE}++on)?:?{_SPACE}*+"
)
#: A line that is nothing but a time stamp: a publishing word, then a date,
#: maybe with a weekday and a clock time, before or after it. The possessive
#: quantifiers leave every space one way to be read: linear time.
TIME_STAMP = re.compile(
    rf"{_SPACE}*+{_BULLET}{_PUBLISHING}(?:{_WEEKDAY}{_SPACE}*+)?(?:{_CLOCK}{_JOIN})?"
    rf"(?:{_WEEKDAY}{_SPACE}*+)?{_DATE}(?:{_JOIN}{_WHEN})*+{_SPACE}*+$",
    re.MULTILINE | re.IGNORECASE,
)

#: A cookie notice's opening: the site saying it uses cookies.
COOKIE_NOTICE = re.compile(
    rf"{_SPACE}*+{_BULLET}(?:(?:this|our){_SPACE}++(?:web{_SPACE}?site|site){_SPACE}++uses?"
    rf"|we{_SPACE}++(?:use|are{_SPACE}++using)){_SPACE}++cookies\b[^\n]*+$",
    re.MULTILINE | re.IGNORECASE,
)
#: Words of consent or settings: a notice speaks of them, a report on cookies less so.
_CONSENT = re.compile(
    r"\b(?:agree|consent|accept|opt[- ]out|preferences|settings|privacy|experience"
    r"|continu|browsing)",
    re.IGNORECASE,
)

#: How time stamps and cookie notices start, after spaces and bullets: a
#: prefilter finds the lines worth the patterns with these.
OPENINGS = (
    "updated", "published", "posted", "modified", "last updated", "first published",
    "last modified", "this website", "this web site", "this site", "our website",
    "our web site", "our site", "we use", "we are using",
)  # fmt: skip

#: Labels that also stand inside an article's body (ad markers, links to other
#: articles, gallery buttons), as ``key`` gives them: a menu needs two others.
_BODY_LABELS = frozenset(
    map(
        key,
        (
            "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
            "sponsored content", "promoted content", "paid content", "scroll to continue",
            "scroll to continue with content", "story continues below",
            "story continues below advertisement", "article continues below",
            "article continues below advertisement", "read more", "read full story",
            "read the full story", "read full article", "read the full article",
            "continue reading", "keep reading", "also read", "see also", "related",
            "related news", "related articles", "related article", "related stories",
            "related story", "related posts", "related content", "related coverage", "video",
            "videos", "photo", "photos", "image", "caption", "gallery", "back to gallery",
            "updated", "click to expand", "loading", "listen to this article",
            "listen to article", "listen to this story",
        ),
    )
)  # fmt: skip


def is_time_stamp(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is nothing but a time stamp (see above).

    >>> line = "Posted on Monday, November 18, 2019 at 3:05 p.m."
    >>> is_time_stamp(line, 0, len(line)), is_time_stamp("Updated 14:52", 0, 13)
    (True, False)
    """
    return TIME_STAMP.match(text, start, end) is not None


def is_cookie_notice(text: str, start: int, end: int) -> bool:
    """Whether the line ``text[start:end]`` is a cookie notice (see above).

    >>> notice = "We use cookies to improve your experience. By browsing, you agree."
    >>> report = "We use cookies less than we did, the regulator said of the privacy settings."
    >>> is_cookie_notice(notice, 0, len(notice)), is_cookie_notice(report, 0, len(report))
    (True, False)
    """
    if COOKIE_NOTICE.match(text, start, end) is None:
        return False
    line = text[start:end]
    return (
        word_count(line) <= COOKIE_WORDS
        and REPORTED_SPEECH.search(line) is None
        and len(_CONSENT.findall(line)) >= 2
    )


def menu_lines(
    text: str, labels: Sequence[tuple[int, int]], dropped: set[int]
) -> list[tuple[int, int]]:
    """The spans of the menu lines between the navigation ``labels`` of ``text``.

    ``labels`` are the sorted spans of the label lines (their text, without the
    line's leading spaces); ``dropped`` the starts of lines dropped for another
    reason, which count as not there. Each line between two labels is read once,
    and at most ``MENU_GAP + 1`` of them.

    >>> text = "Home\\nWorld\\nBusiness\\nPrivacy Policy\\nCareers\\nA short line"
    >>> spans = [(0, 4), (20, 34), (35, 42)]
    >>> [text[s:e] for s, e in menu_lines(text, spans, set())]
    ['World', 'Business']
    """
    names = [_name(text[start:end]) for start, end in labels]
    if len(set(names) - _BODY_LABELS) < 2:
        return []  # no chain can hold two labels that do not stand in articles
    menu: list[tuple[int, int]] = []
    chain: list[tuple[int, int]] = []  # the lines between the labels linked so far
    chained: set[str] = set()  # the labels of the chain that do not stand in articles
    for i, name in enumerate(names):
        between = _short_lines(text, labels[i - 1][1], labels[i][0], dropped) if i else None
        if between is None:  # a new chain starts here: the last one is a menu or none
            menu += chain if len(chained) >= 2 else []
            chain, chained = [], set()
        else:
            chain += between
        chained |= {name} - _BODY_LABELS
    return menu + (chain if len(chained) >= 2 else [])


def _name(label: str) -> str:
    """A label as ``_BODY_LABELS`` has it: "Comments (12)" is "comments"."""
    return key(label).rstrip("0123456789")


def _short_lines(
    text: str, start: int, end: int, dropped: set[int]
) -> list[tuple[int, int]] | None:
    """The non-blank lines from ``start`` to ``end``, as spans without their
    spaces; None when one of them is not a menu line or there are more than
    ``MENU_GAP``."""
    lines: list[tuple[int, int]] = []
    for content in _LINE_CONTENT.finditer(text, start, end):  # blank lines skipped in C
        line_start, line_end = content.span()
        if line_start in dropped:
            continue
        line = content.group()
        if (
            len(lines) == MENU_GAP
            or len(line.split(None, MENU_WORDS)) > MENU_WORDS  # (word_count counts at least these)
            or (not line.isascii() and word_count(line) > MENU_WORDS)
            or (line[-1] in SENTENCE_LAST and SENTENCE_END.search(line[-4:]) is not None)
        ):
            return None
        lines.append((line_start, line_end))
    return lines
