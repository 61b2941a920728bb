"""``repair_unicode``: ftfy's repairs (mojibake, HTML entities, control characters), fast.

The result is exactly ``ftfy.fix_text(text, config)``, but ftfy runs only on
the segments (lines) that need it. ``fix_text`` fixes a text one line at a
time, and each of its fixers has a cheap, exact trigger: ftfy's own entity
pattern for entities; for mojibake, ftfy's own detector tried only where two
adjacent characters it names stand, not both Greek or Cyrillic letters it names
only in classes (or one of Œ œ Ã Â); characters from ftfy's
own tables for control characters and ligatures; for normalization, a
character it may change, move or join to the one before
(``characters.normalization_triggers``), then a failed check of its line.
All are found in one scan of the text. Lines that trigger none of them are the
ones ftfy would return unchanged, so they are skipped.

The default configuration keeps curly quotes and full-width characters
(``uncurl_quotes=False``, ``fix_character_width=False``): they are part of
news text, not damage.

>>> from newsclean.pipeline import Document
>>> repair_unicode()(Document("Plain line.\\nThe regimeâ€™s &amp; the MEK’s."))
[Edit(start=22, end=25, replacement='’', reason='repaired by ftfy: apply unescape_html, \
apply decode_inconsistent_utf8', to_title=False), Edit(start=28, end=32, replacement='', \
reason='repaired by ftfy: apply unescape_html, apply decode_inconsistent_utf8', to_title=False)]
"""

from __future__ import annotations

import bisect
import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, get_args

import attrs
import ftfy
import ftfy.badness
import ftfy.chardata

from newsclean.characters import NormalForm, bmp_outside_ascii, normalization_triggers, whole_bmp
from newsclean.edits import Edit
from newsclean.pipeline import Document

__all__ = ["DEFAULT_FTFY_OPTIONS", "repair_unicode"]

#: Where newsclean's ftfy configuration differs from ftfy's default, and why.
DEFAULT_FTFY_OPTIONS: dict[str, Any] = {
    "uncurl_quotes": False,  # “curly quotes” are correct typography in news text
    "fix_character_width": False,  # full-width punctuation is correct in CJK text
}


def _as_class(characters: Iterable[str]) -> str:
    """The inside of a character class of ``characters`` (in order), runs as ranges.

    >>> _as_class("abcx-")
    'a-cx\\\\-'
    """
    return "".join(_as_range(first, last) for first, last in _runs(characters))


def _runs(characters: Iterable[str]) -> list[tuple[int, int]]:
    """The runs of consecutive code points in ``characters`` (in order), first and last.

    >>> _runs("abcx")
    [(97, 99), (120, 120)]
    """
    runs: list[tuple[int, int]] = []
    for code in map(ord, characters):
        if runs and runs[-1][1] == code - 1:
            runs[-1] = (runs[-1][0], code)
        else:
            runs.append((code, code))
    return runs


def _as_range(first: int, last: int) -> str:
    first_character = re.escape(chr(first))
    return first_character if first == last else f"{first_character}-{re.escape(chr(last))}"


#: Characters that make ftfy act on a line whatever their neighbours: ESC
#: (terminal escapes), C1 controls, Unicode line breaks, surrogates, and ftfy's
#: own control-character and ligature tables. (A ``\r`` is handled apart: see
#: ``_carriage_returns_outside``.)
_TRIGGERS = (
    "\x1b\x80-\x9f\u2028\u2029\ud800-\udfff"
    + _as_class(map(chr, sorted(ftfy.chardata.CONTROL_CHARS)))
    + _as_class(map(chr, sorted(ftfy.chardata.LIGATURES)))
)
#: (Plain character-class scans use the stdlib ``re``, which compiles a class to
#: a bitmap: 6 to 17 times faster than ``regex`` here, measured on news text.)
TRIGGER = re.compile(f"[{_TRIGGERS}]")


def _members(character_class: str) -> set[str]:
    """The characters of the BMP outside ASCII that ``[character_class]`` matches."""
    return set(re.findall(f"[{character_class}]", bmp_outside_ascii()))


def _mojibake_characters() -> str:
    """Every non-ASCII character ftfy's mojibake detector names, ranges expanded."""
    found = _members("".join(ftfy.badness.MOJIBAKE_CATEGORIES.values()))  # one class, one scan
    pattern = ftfy.badness.BADNESS_RE.pattern
    found.update(c for c in pattern if ord(c) > 0x7F)
    found.update(chr(int(code, 16)) for code in re.findall(r"\\x([0-9a-fA-F]{2})", pattern))
    return "".join(sorted(found))


def _plain_letters() -> str:
    """The Greek and Cyrillic letters ftfy's detector names only as members of
    its classes of common letters ("lower_common", "upper_common"), never one by
    one (as in "вЂ", its sign of Windows-1251 mojibake), and in no other class.

    Its detector never needs two of them side by side: in every alternative
    that holds a class of common letters, the character next to it is of
    another kind (a Latin accented capital, a symbol), so a line of Greek or
    Cyrillic prose is no longer one hint a letter (``HINT``). (Checked in the
    tests against the structure of ``BADNESS_RE``.)

    >>> "д" in _plain_letters(), "в" in _plain_letters(), "é" in _plain_letters()
    (True, False, False)
    """
    categories = dict(ftfy.badness.MOJIBAKE_CATEGORIES)
    letters = _members(categories.pop("lower_common") + categories.pop("upper_common"))
    named_apart = ftfy.badness.BADNESS_RE.pattern
    for members in ftfy.badness.MOJIBAKE_CATEGORIES.values():
        named_apart = named_apart.replace(members, "")
    letters.difference_update(named_apart, _members("".join(categories.values())))
    return "".join(sorted(letters))


#: The characters ftfy's mojibake detector (``BADNESS_RE``) names.
MOJIBAKE_CHARACTERS = frozenset(_mojibake_characters())
#: Each alternative of ``BADNESS_RE`` needs two adjacent ``MOJIBAKE_CHARACTERS``
#: that are not both ``PLAIN_LETTERS``, or one of these (or a C1 control, which
#: ``TRIGGER`` catches).
MOJIBAKE_ALONE = frozenset("ŒœÃÂ")
PLAIN_LETTERS = frozenset(_plain_letters())
_NAMED = re.escape("".join(sorted(MOJIBAKE_CHARACTERS)))
_NOT_PLAIN = re.escape("".join(sorted(MOJIBAKE_CHARACTERS - PLAIN_LETTERS)))
_ALONE = re.escape("".join(sorted(MOJIBAKE_ALONE)))
#: After a named character: another, and one of the two not a plain letter.
_PAIR = f"(?=[{_NAMED}])(?:(?<=[{_NOT_PLAIN}])|(?=[{_NOT_PLAIN}]))"
#: A hint: one of ``MOJIBAKE_ALONE``, or a named character before another, the
#: two not both plain letters. The pattern starts with a single character class,
#: so the stdlib ``re`` skips to the next candidate character in C (an
#: alternation would be tried at every position); the lookarounds then keep
#: only the hints. ``BADNESS_RE`` itself is too slow to run over every line:
#: only lines holding a hint can be mojibake to ftfy.
HINT = re.compile(f"[{_ALONE}{_NAMED}](?:(?<=[{_ALONE}])|{_PAIR})")

#: Every character beyond the BMP, as a class range.
_BEYOND_BMP = "\U00010000-\U0010ffff"


@functools.cache
def _candidate(form: NormalForm | None) -> re.Pattern[str]:
    """A trigger, a hint, or a character without which a line is in the normal
    ``form`` (``normalization_triggers``, and any beyond the BMP), all in one
    scan of the text (the same trick as ``HINT``): a scan for a character class
    costs about as much whatever the class, and a page holds few of them.

    >>> [m.start() for m in _candidate("NFC").finditer("\\x1b é Ã e\\u0301 ’’ ’ 🙂")]
    [0, 4, 7, 9, 14]
    """
    unsettled = _as_class(sorted(normalization_triggers(form))) if form else ""
    alone = f"{_TRIGGERS}{_ALONE}{unsettled}{_BEYOND_BMP if form else ''}"
    return re.compile(f"{_negated(alone + _NAMED)}(?:(?<=[{alone}])|{_PAIR})")


def _negated(character_class: str) -> str:
    """A class that matches what ``[character_class]`` does in the BMP, and every
    character beyond it, written as ``[^...]``: the characters of the BMP it
    leaves out. A class with a range beyond the BMP costs ``re`` one more step
    at each character it is tried on; the negation costs less.

    >>> _negated("\\x00-\\x7e\\x80-\\uffff"), _negated("b-y")
    ('[^\\x7f]', '[^\\x00-az-\\uffff]')
    """
    inside = _runs(re.findall(f"[{character_class}]", whole_bmp()))
    ends = [-1, *(last for _, last in inside)]
    starts = [*(first for first, _ in inside), 0x10000]
    gaps = (
        (end + 1, start - 1) for end, start in zip(ends, starts, strict=True) if start > end + 1
    )
    return f"[^{''.join(_as_range(*gap) for gap in gaps)}]"


#: ftfy's own entity pattern: its ``unescape_html`` changes nothing where it does not match.
ENTITY = ftfy.chardata.HTML_ENTITY_RE
#: ftfy's own mojibake detector, with ``^`` matching at every line start: ftfy
#: runs it on one line at a time, where ``^`` is the start of the line. Too slow
#: to scan whole pages with, it is tried only right at the hints, or over a line
#: dense with them.
MOJIBAKE = re.compile(ftfy.badness.BADNESS_RE.pattern, ftfy.badness.BADNESS_RE.flags | re.MULTILINE)


def _line_start_characters() -> str:
    """The characters that start the one alternative of ftfy's detector that
    needs the start of a line (a ``^`` outside a character class, then one).

    >>> _line_start_characters()
    'ÃÂ'
    """
    anchors = re.findall(r"(?<!\[)\^(?:\[([^]\\-]+)\])?", ftfy.badness.BADNESS_RE.pattern)
    if len(anchors) != 1 or not anchors[0]:
        raise RuntimeError(f"ftfy's detector has not one start of line: {anchors}")
    return str(anchors[0])


#: What a line stripped of its spaces starts with if ftfy's detector matches
#: there and not in the line (see ``_lines_to_check``).
LINE_START = _line_start_characters()
#: How far before its first named character a ``BADNESS_RE`` match can start.
MOJIBAKE_LEAD = 2
#: A line with more than one hint per this many characters is searched whole.
HINTS_PER_SEARCH = 10
#: How many characters (and the rest of the line) are checked for normalization
#: at once, from a character that may need it.
NORMAL_BLOCK = 1 << 12


def mojibake_hints(text: str) -> Iterator[int]:
    """Where ``text`` holds a necessary sign of mojibake for ftfy (see above).

    >>> list(mojibake_hints("It’s fine. Itâ€™s not. Ã  la"))
    [13, 14, 23]
    """
    return (match.start() for match in HINT.finditer(text))


def _line_around(text: str, at: int) -> tuple[int, int]:
    """The line holding ``text[at]``, with its ``\\n``, as ``fix_text`` sees it.

    >>> _line_around("ab\\ncd\\nef", 4)
    (3, 6)
    """
    return text.rfind("\n", 0, at) + 1, text.find("\n", at) + 1 or len(text)


def _mojibake_lines(text: str, hints: list[int], limit: int) -> Iterator[int]:
    """The first of the ``hints`` (sorted) in each line where ftfy's detector
    matches. A line longer than ftfy's ``limit`` is cut by ``fix_text`` into
    pieces where ``^`` would differ: there every hint counts, for its own piece.
    """
    i = 0
    while i < len(hints):
        start, end = _line_around(text, hints[i])
        last = bisect.bisect_left(hints, end, i)  # the hints of this line: hints[i:last]
        if end - start > limit:
            yield from hints[i:last]
        elif _has_mojibake(text, start, end, hints[i:last]):
            yield hints[i]
        i = last


def _has_mojibake(text: str, start: int, end: int, hints: list[int]) -> bool:
    """Whether ftfy's detector matches in the line ``text[start:end]``, which holds ``hints``.

    Every match holds a hint and starts at most ``MOJIBAKE_LEAD`` characters
    before it, so trying those few starts is exact. Where hints are dense (a
    line of Cyrillic or Greek, whose letters ftfy names), one search of the line
    is cheaper than a few tries at each hint: a try costs about as much as
    searching ``HINTS_PER_SEARCH`` characters.

    >>> _has_mojibake("Itâ€™s", 0, 7, [2, 3]), _has_mojibake("привет", 0, 6, [0, 1, 2, 3, 4])
    (True, False)
    """
    if len(hints) * HINTS_PER_SEARCH > end - start:
        return MOJIBAKE.search(text, start, end) is not None
    return any(
        MOJIBAKE.match(text, at, end)
        for hint in hints
        for at in range(max(start, hint - MOJIBAKE_LEAD), hint + 1)
    )


CARRIAGE_RETURN = re.compile("\r\n?")
LINE_BREAKS = "repaired by ftfy: apply fix_line_breaks"


def _carriage_returns_outside(text: str, segments: list[tuple[int, int]]) -> list[Edit]:
    r"""The edits ftfy makes to ``\r`` in lines it has no other work in.

    On such a line ftfy's only change is ``fix_line_breaks`` (``\r\n`` and ``\r``
    become ``\n``; its mojibake detector reads ``\r`` and ``\n`` alike), so a page
    with Windows line endings does not send every line through ftfy. (A line
    longer than ftfy's ``max_decode_length`` is cut in pieces, maybe inside
    ``\r\n``: its ``\r`` go to ftfy, see ``_returns_on_long_lines``.)

    >>> [(e.start, e.end, e.replacement) for e in _carriage_returns_outside("a\r\nb\rc", [])]
    [(1, 2, ''), (4, 5, '\n')]
    """
    edits = []
    ends = iter(segments)
    segment = next(ends, None)
    for match in CARRIAGE_RETURN.finditer(text):
        at = match.start()
        while segment is not None and segment[1] <= at:
            segment = next(ends, None)
        if segment is not None and segment[0] <= at:
            continue  # ftfy runs on this line anyway
        edits.append(Edit(at, at + 1, "" if match.group() == "\r\n" else "\n", LINE_BREAKS))
    return edits


def _returns_on_long_lines(text: str, limit: int) -> list[int]:
    r"""Where the ``\r`` of lines longer than ftfy's ``limit`` stand: ``fix_text``
    cuts such a line in pieces, maybe between ``\r`` and ``\n``. (Each line is
    measured once.)

    >>> _returns_on_long_lines("ab\r\nabcdef\r\n", 5)
    [10]
    """
    found: list[int] = []
    line_start = line_end = 0
    for match in CARRIAGE_RETURN.finditer(text):
        at = match.start()
        if at >= line_end:
            line_start, line_end = _line_around(text, at)
        if line_end - line_start > limit:
            found.append(at)
    return found


def _segments_around(text: str, positions: Iterator[int], limit: int) -> Iterator[tuple[int, int]]:
    """The ``fix_text`` segments holding ``positions`` (sorted), each once, in order.

    ``fix_text`` cuts after every ``\\n`` and, within longer lines, every ``limit``
    characters.
    """
    segment_end = -1
    for position in positions:
        if position < segment_end:
            continue
        line_start, line_end = _line_around(text, position)
        start = line_start + (position - line_start) // limit * limit
        segment_end = min(start + limit, line_end)
        yield start, segment_end


def _segments(text: str, config: ftfy.TextFixerConfig) -> list[tuple[int, int]]:
    """The ``fix_text`` segments of ``text`` that ftfy might change: the others
    hold no position ``_positions`` names."""
    return list(_segments_around(text, _positions(text, config), config.max_decode_length))


def _positions(text: str, config: ftfy.TextFixerConfig) -> Iterator[int]:
    """Positions, in order, whose segment ftfy might change (some more than once)."""
    limit, form = config.max_decode_length, config.normalization
    found = [m.start() for m in ENTITY.finditer(text)]
    if len(text) > limit:
        found += _returns_on_long_lines(text, limit)
    if text.isascii():  # (in every normal form)
        found += [m.start() for m in TRIGGER.finditer(text)]
        return iter(sorted(found))
    triggers, hints, unnormal = _candidates(text, form, limit)
    found += triggers
    found += unnormal
    found += _mojibake_lines(text, hints, limit)
    optional = _optional_triggers(config.uncurl_quotes, config.fix_character_width)
    if optional is not None:
        found += [m.start() for m in optional.finditer(text)]
    return iter(sorted(found))


def _candidates(
    text: str, form: NormalForm | None, limit: int
) -> tuple[list[int], list[int], list[int]]:
    """Where ``text`` holds, in order: a trigger; a hint; the start of a ``fix_text``
    segment of a line not in the normal ``form`` (when there is one).

    From the first character it meets without which a line would be in
    ``form`` (``normalization_triggers``), a block of about ``NORMAL_BLOCK``
    characters (whole lines) is checked for normalization in C, and read for
    triggers and hints only: a line of Hindi, or of Arabic with its vowel
    marks, holds dozens of such characters, which are then not each looked at
    in Python.

    >>> _candidates("x\\u0301 ’’ Ã\\x1b\\nCafe\\u0301 ’’", "NFC", 100)
    ([7], [3, 6, 15], [9])
    """
    triggers: list[int] = []
    hints: list[int] = []
    unnormal: list[int] = []
    unsettling = normalization_triggers(form) if form else frozenset()
    position = 0
    while True:
        for match in _candidate(form).finditer(text, position):
            at = match.start()
            if _sorted_out(text, at, triggers, hints) or form is None:
                continue
            if text[at] in unsettling or text[at] not in MOJIBAKE_CHARACTERS:
                start = text.rfind("\n", 0, at) + 1
                position = text.find("\n", at + NORMAL_BLOCK) + 1 or len(text)
                unnormal += _unnormalized(text[start:position], start, limit, form)
                for rest in _candidate(None).finditer(text, at + 1, position):
                    _sorted_out(text, rest.start(), triggers, hints)
                break
        else:
            return triggers, hints, unnormal


def _unnormalized(block: str, offset: int, limit: int, form: NormalForm) -> list[int]:
    """The start of every ``fix_text`` segment of each line of ``block`` (whole
    lines, at ``offset`` in the text) that is not in the normal ``form``.
    Normalization never joins across a ``\\n``: a block in ``form`` has all its
    lines in it.

    >>> _unnormalized("Fine\\nCafe\\u0301\\nFine", 10, 100, "NFC")
    [15]
    """
    if unicodedata.is_normalized(form, block):
        return []
    starts: list[int] = []
    for line in block.split("\n"):
        if not unicodedata.is_normalized(form, line):
            starts += range(offset, offset + len(line), limit)
        offset += len(line) + 1
    return starts


def _sorted_out(text: str, at: int, triggers: list[int], hints: list[int]) -> bool:
    """Add the candidate at ``at`` to the ``triggers`` or the ``hints``, as it is
    one: whether it is a trigger. (A trigger needs no check as a hint: its
    segment goes to ftfy anyway.)"""
    if TRIGGER.match(text, at):
        triggers.append(at)
        return True
    if text[at] in MOJIBAKE_CHARACTERS:
        hints.append(at)
    return False


@functools.cache
def _optional_triggers(uncurl_quotes: bool, fix_character_width: bool) -> re.Pattern[str] | None:
    """The characters that ftfy's fixers off in ``DEFAULT_FTFY_OPTIONS`` change,
    when they are on: curly quotes, and full-width and half-width forms.

    >>> _optional_triggers(True, False).findall("“Ｆine,” he said")
    ['“', '”']
    """
    characters = ""
    if uncurl_quotes:
        quotes = (ftfy.chardata.SINGLE_QUOTE_RE, ftfy.chardata.DOUBLE_QUOTE_RE)
        characters += "".join(c for quote in quotes for c in quote.findall(whole_bmp()))
    if fix_character_width:
        characters += "".join(map(chr, ftfy.chardata.WIDTH_MAP))
    return re.compile(f"[{re.escape(characters)}]") if characters else None


#: ``_diff`` looks for where two texts agree again after they part: the same
#: ``ANCHOR`` characters, at most ``REACH`` characters on in each.
ANCHOR, REACH = 3, 32
#: Beyond ``REACH``, a deletion or an insertion of up to ``FAR`` characters (a
#: terminal escape, a run of control characters) is found by the next
#: ``FAR_ANCHOR`` characters after it.
FAR, FAR_ANCHOR = 4096, 8
#: A stretch where they part of at most this many characters on each side is
#: diffed character by character (``difflib``, whose time grows with the cube
#: of the length on mojibake); a longer one is one edit.
FINE = 64


def _diff(old: str, new: str, offset: int, reason: str) -> list[Edit]:
    """Edits turning ``old`` into ``new`` (a segment and ftfy's repair of it, at
    ``offset``): one for each stretch where they part, or for each difference
    ``difflib`` finds in a short stretch. About linear in the length of the texts.

    >>> _diff("a â€™ b Ã©", "a ’ b é", 10, "r")  # doctest: +NORMALIZE_WHITESPACE
    [Edit(start=12, end=15, replacement='’', reason='r', to_title=False),
     Edit(start=18, end=20, replacement='é', reason='r', to_title=False)]
    """
    same_end = _same_run(old[::-1], 0, new[::-1], 0)  # the common end cut off first
    old, new = old[: len(old) - same_end], new[: len(new) - same_end]
    edits = []
    for i1, i2, j1, j2 in _parted(old, new):
        part, fixed = old[i1:i2], new[j1:j2]
        if len(part) > FINE or len(fixed) > FINE:
            edits.append(Edit(offset + i1, offset + i2, fixed, reason))
            continue
        opcodes = difflib.SequenceMatcher(None, part, fixed, autojunk=False).get_opcodes()
        start = offset + i1
        edits += [
            Edit(start + a1, start + a2, fixed[b1:b2], reason)
            for op, a1, a2, b1, b2 in opcodes
            if op != "equal"
        ]
    return edits


def _parted(old: str, new: str) -> Iterator[tuple[int, int, int, int]]:
    """The stretches where ``old`` and ``new`` part, in order: ``old[i1:i2]``
    became ``new[j1:j2]``. Each ends where the two agree again for ``ANCHOR``
    characters (or at their ends), the nearest such place within ``REACH``
    characters, else at the ends: a valid diff, if not always the smallest.

    >>> list(_parted("Itâ€™s cafÃ©", "It’s café"))
    [(2, 5, 2, 3), (10, 12, 8, 9)]
    """
    i = j = 0
    while True:
        same = _same_run(old, i, new, j)
        i, j = i + same, j + same
        if i == len(old) and j == len(new):
            return
        skip_old, skip_new = _resync(old, i, new, j)
        yield i, i + skip_old, j, j + skip_new
        i, j = i + skip_old, j + skip_new


def _same_run(old: str, i: int, new: str, j: int) -> int:
    """How many characters ``old[i:]`` and ``new[j:]`` share at their start, found
    by comparing blocks twice as long each time, then halving (each comparison
    one in C, of at most twice the run).
    """
    limit = min(len(old) - i, len(new) - j)
    size = 1
    while size < limit and old[i : i + size] == new[j : j + size]:
        size *= 2
    low, high = size // 2, min(size, limit)  # alike up to size // 2, not beyond size
    while low < high:  # old[i : i + low] and new[j : j + low] are equal
        middle = (low + high + 1) // 2
        if old[i : i + middle] == new[j : j + middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _resync(old: str, i: int, new: str, j: int) -> tuple[int, int]:
    """How far to go on in ``old`` and in ``new``, parted at ``i`` and ``j``, to
    where they agree again: the nearest place (fewest characters in all) where
    ``ANCHOR`` characters match, within ``REACH`` characters of each; else past a
    long deletion or insertion (``_across``); else the rest of both. (The two
    end differently: ``_diff`` cuts their common end off, so no place near the
    end of ``new``, short of ``ANCHOR`` characters, agrees with ``old``.)"""
    best = (len(old) - i, len(new) - j)
    for skip_new in range(min(REACH, len(new) - j - ANCHOR) + 1):
        if skip_new >= sum(best):
            break
        at = old.find(new[j + skip_new : j + skip_new + ANCHOR], i, i + REACH + ANCHOR)
        if at >= i and at - i + skip_new < sum(best):
            best = (at - i, skip_new)
    if best == (len(old) - i, len(new) - j):  # nothing near: a long deletion or insertion?
        best = min(best, _across(old, i, new, j), _across(new, j, old, i)[::-1], key=sum)
    return best


def _across(old: str, i: int, new: str, j: int) -> tuple[int, int]:
    """``(skip, 0)``: how much of ``old`` to skip from ``i`` to where ``new[j:]``
    goes on (its next ``FAR_ANCHOR`` characters, within ``FAR``); else the rest
    of both."""
    anchor = new[j : j + FAR_ANCHOR]
    at = old.find(anchor, i, i + FAR + FAR_ANCHOR) if len(anchor) == FAR_ANCHOR else -1
    return (at - i, 0) if at >= 0 else (len(old) - i, len(new) - j)


class _Repairs(list[Edit]):
    """The edits of one run of the pass, with the ``segments`` ftfy ran on (all
    others have no position ``_positions`` names): what ``finds_more`` needs to
    know of the text, without scanning it again."""

    __slots__ = ("segments",)

    def __init__(self, edits: Iterable[Edit], segments: list[tuple[int, int]]) -> None:
        super().__init__(edits)
        self.segments = segments


def _lines_to_check(text: str, segments: Iterable[tuple[int, int]], lines: set[str]) -> set[str]:
    """Those of ``lines`` (of a later text) that this pass might change, having
    found work in ``text`` only in the ``segments``: all but the lines of ``text``
    that hold no segment and no ``\\r`` (ftfy leaves them as they are), and such
    lines stripped of their spaces, unless ftfy's detector matches at their new
    start.

    A line that holds no segment holds no position ``_positions`` names: no
    entity, trigger, hint or character out of normal form. Neither does a part
    of it cut at its ends (the spaces cut off neither join nor compose with the
    characters next to them), but for a match of ftfy's detector that needs the
    start of a line (``^[ÃÂ][ ]``: "  Ã la carte" is left alone, "Ã la carte"
    is not), which is tried on each stripped line when ``text`` holds one of
    the characters it starts with. The last line of ``text`` is checked too
    when ``lines`` hold it: the detector can match across the ``\\n`` after a
    line (``[Œœ][^A-Za-z]``), which it has not (until a pass adds a line after it).

    Only the lines of ``text`` that are not in ``lines`` are stripped (in C,
    with sets): a line of ``lines`` that is also a stripped line of ``text`` in
    ``lines`` is checked, needlessly, and the answer is the same.

    >>> lines = {"a", "It’s", "Itâ€™s", "b\\r", "c", " Ã la", "Ã la", "d", "e"}
    >>> sorted(_lines_to_check(" a \\nItâ€™s\\nb\\r\\nc\\n Ã la\\ne", [(4, 11)], lines))
    ['Itâ€™s', 'It’s', 'b\\r', 'd', 'e', 'Ã la']
    """
    seen = set(text.split("\n"))
    unseen = lines - seen
    last = text[text.rfind("\n") + 1 :]
    if last in lines:
        unseen.add(last)
    if unseen:
        stripped = unseen.intersection(map(str.strip, seen - lines))
        unseen -= stripped
        if stripped and any(character in text for character in LINE_START):
            unseen.update(filter(MOJIBAKE.match, stripped))
    for start, _end in segments:
        line = text[slice(*_line_around(text, start))].removesuffix("\n")
        unseen.update({line, line.strip()}.intersection(lines))
    if "\r" in text:
        unseen.update(line for line in lines if "\r" in line)
    return unseen


def _text_of(lines: list[str], chosen: set[str]) -> str:
    """A text of the ``chosen`` of ``lines`` (those of a text, ``"\\n"`` between
    them), as that text holds them, each once: before a ``\\n`` when it is so
    there, and the last line last, without one.

    >>> _text_of(["b", "a", "", "c", "a"], {"a", "b"})
    'a\\nb\\na'
    >>> _text_of(["b", "a", "c"], {"b", "c"})
    'b\\nc'
    """
    last = lines[-1]
    middle = sorted(chosen)
    if last in chosen and lines.index(last) == len(lines) - 1:  # only at the end
        middle.remove(last)
    return "".join(line + "\n" for line in middle) + (last if last in chosen else "")


def _reason(steps: Sequence[tuple[str, str]] | None) -> str:
    return "repaired by ftfy: " + ", ".join(f"{action} {what}" for action, what in steps or ())


@attrs.frozen
class _RepairUnicode:
    config: ftfy.TextFixerConfig
    name = "repair_unicode"

    def __call__(self, document: Document) -> _Repairs:
        text = document.text
        config = self.config
        first_tag = text.find("<")
        edits: list[Edit] = []
        segments = _segments(text, config)
        for start, end in segments:
            segment = text[start:end]
            if config.unescape_html == "auto" and -1 < first_tag < end:
                config = config._replace(unescape_html=False)
            fixed, steps = ftfy.fix_and_explain(segment, config)
            if fixed != segment:
                edits += _diff(segment, fixed, start, _reason(steps))
        if "\r" in text and config.fix_line_breaks:
            edits = sorted(edits + _carriage_returns_outside(text, segments))
        return _Repairs(edits, segments)

    def finds_more(self, seen: Document, edits: Sequence[Edit], result: Document) -> bool:
        """Whether this pass finds anything in ``result``, having returned ``edits``
        for ``seen``: ``bool(self(result))``, looking only at the lines of
        ``result`` that are not lines of ``seen`` ftfy leaves as they are
        (``_lines_to_check``: most lines ``normalize_whitespace`` strips are),
        each once.

        ``fix_text`` works line by line, except that ``unescape_html="auto"``
        turns off after a ``<``: a text holding one is looked at whole. ``edits``
        as this pass returned them tell where ftfy ran on ``seen``; for other
        edits, that is found again. When the later passes changed nothing (on a
        quarter of the corpus's pages), the answer is whether there are ``edits``.

        >>> seen = Document("Fine.\\nItâ€™s.\\nEnd")
        >>> repair = repair_unicode()
        >>> repair.finds_more(seen, repair(seen), Document("Fine.\\nIt’s.\\nEnd"))
        False
        >>> repair.finds_more(seen, repair(seen), Document("Fine.\\nItâ€\\u2122s.\\nEnd"))
        True
        """
        text = seen.text
        if result.text == text:
            return bool(edits)
        if self.config.unescape_html == "auto" and ("<" in text or "<" in result.text):
            return bool(self(result))
        segments = edits.segments if isinstance(edits, _Repairs) else _segments(text, self.config)
        lines = result.text.split("\n")
        check = _lines_to_check(text, segments, set(lines))
        return bool(check) and bool(
            self(Document(_text_of(lines, check), result.title, result.url, result.language))
        )

    def __repr__(self) -> str:
        defaults = repair_unicode().config._asdict()
        options = self.config._asdict().items()
        return f"repair_unicode({', '.join(f'{k}={v!r}' for k, v in options if defaults[k] != v)})"


def repair_unicode(**ftfy_options: Any) -> _RepairUnicode:
    """The Unicode repair pass, configured with ``ftfy.TextFixerConfig`` options.

    Options given here override :data:`DEFAULT_FTFY_OPTIONS`.

    >>> repair_unicode(), repair_unicode(uncurl_quotes=True)
    (repair_unicode(), repair_unicode(uncurl_quotes=True))
    >>> repair_unicode(uncurl=True)
    Traceback (most recent call last):
    ...
    TypeError: repair_unicode() got unknown ftfy option 'uncurl'; valid options: unescape_html, \
remove_terminal_escapes, fix_encoding, restore_byte_a0, replace_lossy_sequences, \
decode_inconsistent_utf8, fix_c1_controls, fix_latin_ligatures, fix_character_width, \
uncurl_quotes, fix_line_breaks, fix_surrogates, remove_control_chars, normalization, \
max_decode_length
    >>> repair_unicode(normalization="NFX")
    Traceback (most recent call last):
    ...
    ValueError: repair_unicode() got normalization='NFX'; it takes one of NFC, NFD, NFKC, \
NFKD or None
    """
    valid = [f for f in ftfy.TextFixerConfig._fields if f != "explain"]
    for option in ftfy_options:
        if option not in valid:
            raise TypeError(
                f"repair_unicode() got unknown ftfy option {option!r}; "
                f"valid options: {', '.join(valid)}"
            )
    form = ftfy_options.get("normalization", "NFC")
    if form not in (*get_args(NormalForm), None):
        raise ValueError(
            f"repair_unicode() got normalization={form!r}; "
            f"it takes one of {', '.join(get_args(NormalForm))} or None"
        )
    options = {**DEFAULT_FTFY_OPTIONS, **ftfy_options, "explain": True}
    return _RepairUnicode(ftfy.TextFixerConfig(**options))
