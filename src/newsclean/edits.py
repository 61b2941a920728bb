"""Edits and the provenance index: how a pass's findings become changes to the original.

A pass never rewrites text. It returns :class:`Edit` tuples in the coordinates of
the text it was given; :func:`apply_edits` applies them and folds them into the
*records*: the complete diff from the original input to the current text, as
plain tuples ``(start, end, replacement, pass_name, reason)`` with spans in the
original. Records stay tuples on the hot path; :class:`newsclean.Change` objects
are built from them only when somebody reads ``Article.changes``.

When a pass edits text that an earlier pass produced (say a line that
``repair_unicode`` fixed is later dropped as cruft), the two merge into one
record attributed to the later pass: the record always says what finally
happened to that stretch of the original. Earlier deletions that merely lie
inside a later edit's span are not merged: the later edit is split around
them, so they keep their own pass and reason.

>>> original = "Hello  world"
>>> text, records = apply_edits(original, original, (), [Edit(5, 7, " ", "collapse")], "ws")
>>> text, records
('Hello world', [(5, 7, ' ', 'ws', 'collapse')])
>>> apply_edits(original, text, records, [Edit(0, 6, "", "drop")], "cut")
('world', [(0, 7, '', 'cut', 'drop')])
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from newsclean.shapes import WHITE_SPACE

__all__ = [
    "Edit",
    "EditError",
    "Record",
    "apply_edits",
    "apply_records",
    "drop_paragraphs",
    "edit_pieces",
]

#: One change to the original: ``(start, end, replacement, pass_name, reason)``.
Record = tuple[int, int, str, str, str]


class Edit(NamedTuple):
    """Replace ``text[start:end]`` with ``replacement``, because of ``reason``.

    ``to_title`` marks the edit that takes the headline out of the body: the
    text it removes becomes the Article's title.

    >>> Edit(0, 9, "", "cruft: navigation label")
    Edit(start=0, end=9, replacement='', reason='cruft: navigation label', to_title=False)
    """

    start: int
    end: int
    replacement: str = ""
    reason: str = ""
    to_title: bool = False


class EditError(ValueError):
    """A pass returned edits that cannot be applied (unsorted, overlapping, out of range)."""


def check_edits(edits: Sequence[Edit], length: int, pass_name: str) -> None:
    """Raise :class:`EditError` unless ``edits`` are sorted, disjoint and inside ``[0, length]``.

    >>> check_edits([Edit(0, 2), Edit(1, 3)], 5, "mine")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    newsclean.edits.EditError: pass 'mine' returned overlapping or unsorted edits: ...
    """
    # The common case, checked with as few steps an edit as can be: ``Edit``s of
    # ints and a str. Anything else is looked at again by ``_explain``.
    previous_end = 0
    for edit in edits:
        if type(edit) is not Edit and (not isinstance(edit, tuple) or len(edit) < 4):
            break
        start, end = edit[0], edit[1]
        if type(start) is not int or type(end) is not int or type(edit[2]) is not str:
            break
        if not previous_end <= start <= end <= length:
            break
        previous_end = end
    else:
        return
    _explain(edits, length, pass_name)


def _explain(edits: Sequence[Edit], length: int, pass_name: str) -> None:
    """``check_edits`` step by step: raise an :class:`EditError` that says
    what is wrong with the first edit that is (none for a ``str`` subclass)."""
    previous_end = 0
    previous: Edit | None = None
    for edit in edits:
        if not isinstance(edit, tuple) or len(edit) < 4:
            raise EditError(f"pass {pass_name!r} returned {edit!r}; expected Edit(start, end, ...)")
        start, end = edit[0], edit[1]
        if type(start) is not int or type(end) is not int or not isinstance(edit[2], str):
            raise EditError(
                f"pass {pass_name!r} returned {edit!r}; expected int start and end"
                " and a str replacement"
            )
        if not 0 <= start <= end <= length:
            raise EditError(
                f"pass {pass_name!r} returned {edit!r}, outside the text (length {length})"
            )
        if start < previous_end:
            raise EditError(
                f"pass {pass_name!r} returned overlapping or unsorted edits: "
                f"{previous!r} then {edit!r}"
            )
        previous_end, previous = end, edit


def apply_edits(
    original: str, text: str, records: Sequence[Record], edits: Iterable[Edit], pass_name: str
) -> tuple[str, list[Record]]:
    """Apply ``edits`` (sorted, disjoint, in ``text`` coordinates) to ``text``.

    ``records`` is the diff from ``original`` to ``text``. Returns the new text
    and the new diff from ``original`` to it. Edits (and parts of edits) that
    change nothing are ignored, so a pass that finds nothing to do leaves no trace. Linear in the
    number of records and edits (plus the length of the text, to rebuild it).
    """
    pieces, merged = edit_pieces(original, text, records, edits, pass_name)
    return "".join(pieces), merged


def edit_pieces(
    original: str, text: str, records: Sequence[Record], edits: Iterable[Edit], pass_name: str
) -> tuple[list[str], list[Record]]:
    """:func:`apply_edits` but for the last step: the pieces that make the new
    text when joined, and the new records.

    A caller that lets go of ``text`` before it joins the pieces holds two
    copies of the text at most, not three (``text``, the pieces and the new text).

    >>> edit_pieces("a  b", "a  b", (), [Edit(1, 3, " ", "collapse")], "ws")
    (['a', ' ', 'b'], [(1, 3, ' ', 'ws', 'collapse')])
    """
    if not records:
        return _first_pieces(original, text, edits, pass_name)
    pieces: list[str] = []
    merged: list[Record] = []
    done = 0  # text[:done] is already in pieces
    copied = 0  # records[:copied] are in merged, or merged into an edit
    for start, end, replacement, reason, first, last, piece_start, piece_end in _widened(
        text, edits, records
    ):
        if start - done > _PART:
            pieces += _parts(text, done, start)
            done = start
        pieces += (text[done:start], replacement)
        done = end
        merged += records[copied:first]  # they end before the edit: copied as they are
        copied = last
        if first < last:  # earlier records inside the edit, which takes their text
            piece_start, replacement = _split(
                original, records[first:last], merged, piece_start, replacement, pass_name, reason
            )
        # (No slice to compare when the lengths differ, as for a dropped line.)
        if piece_end - piece_start != len(replacement) or (
            original[piece_start:piece_end] != replacement
        ):
            merged.append((piece_start, piece_end, replacement, pass_name, reason))
    pieces += _parts(text, done, len(text)) if done else (text,)
    merged += records[copied:]
    return pieces, merged


def _split(
    original: str,
    inside: Sequence[Record],
    merged: list[Record],
    piece_start: int,
    replacement: str,
    pass_name: str,
    reason: str,
) -> tuple[int, str]:
    """Split an edit around the earlier deletions ``inside`` it: they keep their
    own records (appended to ``merged``), and the edit's record resumes after
    each one. Returns where in the original the rest of the edit starts, and its
    replacement (all of it goes before the first deletion).

    >>> merged = []
    >>> _split("abXXcd", [(2, 4, "", "p0", "x")], merged, 1, "-", "p1", "y"), merged
    ((4, ''), [(1, 2, '-', 'p1', 'y'), (2, 4, '', 'p0', 'x')])
    """
    for record in inside:
        if not record[2]:
            if original[piece_start : record[0]] != replacement:
                merged.append((piece_start, record[0], replacement, pass_name, reason))
            merged.append(record)
            piece_start, replacement = record[1], ""
    return piece_start, replacement


def _first_pieces(
    original: str, text: str, edits: Iterable[Edit], pass_name: str
) -> tuple[list[str], list[Record]]:
    """``edit_pieces`` when nothing has changed yet (``text is original``): the
    edits are the records, and nothing needs mapping or widening.

    >>> _first_pieces("a  b", "a  b", [Edit(0, 1, "a"), Edit(1, 3, " ", "ws")], "p")
    (['a', ' ', 'b'], [(1, 3, ' ', 'p', 'ws')])
    """
    pieces: list[str] = []
    append = pieces.append  # cheaper than `pieces += (gap, replacement)`
    records: list[Record] = []
    done = 0
    for edit in edits:
        start, end, replacement = edit[0], edit[1], edit[2]
        if end - start == len(replacement) and original[start:end] == replacement:
            continue  # (no slice to compare when the lengths differ)
        records.append((start, end, replacement, pass_name, edit[3]))
        if start - done > _PART:
            pieces += _parts(original, done, start)
            done = start
        append(original[done:start])
        append(replacement)
        done = end
    pieces += _parts(original, done, len(original)) if records else (original,)
    return pieces, records


def _widened(
    text: str, edits: Iterable[Edit], records: Sequence[Record]
) -> Iterator[tuple[int, int, str, str, int, int, int, int]]:
    """The edits, each widened to cover whole earlier replacements it cuts into.

    An edit that starts or ends inside text an earlier pass wrote takes all of
    that text (its replacement keeps the untouched parts), so every earlier
    record ends up wholly inside one edit or wholly outside all of them. Edits
    that then overlap (two cuts into one earlier replacement) become one.
    Edits that change nothing are left out.

    Yields ``(start, end, replacement, reason, first, last, piece_start,
    piece_end)``: the widened edit spans ``text[start:end]`` and
    ``original[piece_start:piece_end]``, and ``records[first:last]`` lie inside it.

    >>> records = [(1, 3, "xyz", "p", "r")]  # "a12b" became "axyzb"
    >>> list(_widened("axyzb", [Edit(0, 2, "A", "s"), Edit(4, 5, "B", "t")], records))
    [(0, 4, 'Ayz', 's', 0, 1, 0, 3), (4, 5, 'B', 't', 1, 1, 3, 4)]
    """
    # One walk through the records, each looked at once: records[i] is the
    # first not yet passed; it spans text[begin:end], and ends at original_end
    # in the original. The records before it make the text ``shift`` longer.
    walk = [*records, _BEYOND]  # (so that no loop needs to check for the end)
    i = shift = 0
    begin, original_end, written, _, _ = walk[0]
    end = begin + len(written)
    # The edit being widened, if start >= 0: text[start:wide_end] becomes
    # ``pending``, or (widened, or a str subclass) ``parts``, a list of pieces
    # up to core_end, then text[core_end:wide_end]; records[first:i] are inside
    # it, and it starts at piece_start in the original.
    start = wide_end = core_end = first = piece_start = -1
    pending = reason = ""
    parts: list[str] | None = None
    for edit in edits:
        a, b, replacement = edit[0], edit[1], edit[2]
        if b - a == len(replacement) and text[a:b] == replacement:
            continue  # (no slice to compare when the lengths differ)
        if a < wide_end:  # in the earlier replacement the pending edit cut into
            if parts is None:
                parts = [pending]
            parts += (text[core_end:a], replacement)  # a list: no copy of what it holds
            if edit[3] not in reason.split("; "):
                reason += "; " + edit[3]
            wide_end = max(wide_end, b)
        else:
            if start >= 0:
                whole = pending if parts is None else _joined(text, parts, core_end, wide_end)
                yield start, wide_end, whole, reason, first, i, piece_start, wide_end - shift
            while end <= a:  # records[i] ends by a: it stays as it is
                shift = end - original_end
                i += 1
                begin, original_end, written, _, _ = walk[i]
                begin += shift
                end = begin + len(written)
            start, wide_end, pending, reason = a, b, replacement, edit[3]
            first, piece_start = i, a - shift
            # (A str subclass becomes a str, as when pieces are joined.)
            parts = None if type(replacement) is str else [replacement]
            if begin < a:  # the edit starts inside records[i]: it takes all of it
                start, piece_start = begin, begin - shift
                parts = [text[begin:a], replacement]
        core_end = b
        while begin < b:  # records[i] starts before b: it is inside the edit
            if end > wide_end:  # and the edit ends inside it: it takes all of it
                wide_end = end
                if parts is None:
                    parts = [pending]
            shift = end - original_end
            i += 1
            begin, original_end, written, _, _ = walk[i]
            begin += shift
            end = begin + len(written)
    if start >= 0:
        whole = pending if parts is None else _joined(text, parts, core_end, wide_end)
        yield start, wide_end, whole, reason, first, i, piece_start, wide_end - shift


#: A record after the last, for :func:`_widened`: it starts after any edit ends.
_BEYOND = (sys.maxsize, sys.maxsize, "", "", "")


def _joined(text: str, parts: list[str], core_end: int, end: int) -> str:
    """The replacement of a widened edit: ``parts`` then ``text[core_end:end]``,
    the rest of the earlier replacement it cut into.

    >>> _joined("abcdef", ["", "X"], 2, 4), _joined("abcdef", ["a", "Y"], 2, 2)
    ('Xcd', 'aY')
    """
    parts.append(text[core_end:end])
    # Empty pieces left out: a lone piece is then the replacement itself, not a
    # copy (most are the one "\n\n" of normalize_whitespace, shared by every edit).
    return "".join(filter(None, parts))


def apply_records(original: str, records: Iterable[Record]) -> str:
    """Apply a diff to the original: the text it leads to.

    >>> apply_records("a  b", [(1, 3, " ", "ws", "collapse")])
    'a b'
    """
    pieces: list[str] = []
    done = 0
    for record in records:  # indexing, not `start, end, *_ = record`: no list per record
        if record[0] - done > _PART:
            pieces += _parts(original, done, record[0])
            done = record[0]
        pieces += (original[done : record[0]], record[2])
        done = record[1]
    pieces += _parts(original, done, len(original)) if pieces else (original,)
    return "".join(pieces)


#: The most characters of unchanged text in one piece of a new text.
_PART = 1 << 16


def _parts(text: str, start: int, end: int) -> list[str]:
    """``text[start:end]`` in slices of at most ``_PART`` characters.

    Python stores a string as wide as its widest character: 4 bytes a character
    on a page with one emoji. A slice is as wide as its own characters, so a
    long stretch cut in parts costs about its size in UTF-8 while a new text is
    built from it, not up to four times that.

    >>> _parts("abcde", 1, 5) == ["bcde"], len(_parts("a" * 200_000, 0, 200_000))
    (True, 4)
    """
    return [text[i : min(i + _PART, end)] for i in range(start, end, _PART)]


#: Whitespace as ``regex``'s ``\\s`` has it, for the stdlib ``re``: faster on a short match.
_SPACE = re.compile(f"[{WHITE_SPACE}]*+")


def _space_end(text: str, position: int) -> int:
    """Where the whitespace starting at ``position`` ends."""
    match = _SPACE.match(text, position)
    return match.end() if match else position


def drop_paragraphs(text: str, spans: Iterable[tuple[int, int, str]]) -> list[Edit]:
    """Edits that remove whole paragraphs, each with one separator, so none is left doubled.

    ``spans`` are sorted ``(start, end, reason)`` of paragraphs (or lines) of
    ``text``. A paragraph takes the whitespace after it; those at the end of the
    text take the whitespace before them, so the text never ends in a separator.
    Use it in a pass that drops lines.

    >>> for edit in drop_paragraphs("A\\n\\nB\\n\\nC", [(3, 4, "b"), (6, 7, "c")]):
    ...     print(edit)
    Edit(start=1, end=4, replacement='', reason='b', to_title=False)
    Edit(start=4, end=7, replacement='', reason='c', to_title=False)
    """
    drops = list(spans)
    tail_from, limit = len(drops), len(text)
    for k in range(len(drops) - 1, -1, -1):
        start, end = drops[k][0], drops[k][1]
        if _space_end(text, end) < limit:
            break
        tail_from, limit = k, start
    edits: list[Edit] = []
    for k, (start, end, reason) in enumerate(drops):
        if k < tail_from:
            end = _space_end(text, end)
            if k + 1 < len(drops):  # in text not normalized, the next line's indent
                end = min(end, drops[k + 1][0])
        else:  # not into the edit before, which may have taken this line's indent
            floor = edits[-1].end if edits else 0
            while start > floor and text[start - 1].isspace():
                start -= 1
        edits.append(Edit(start, end, "", reason))
    return edits
