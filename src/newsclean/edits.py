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
happened to that stretch of the original.

>>> text, records = apply_edits("Hello  world", (), [Edit(5, 7, " ", "collapse")], "ws")
>>> text, records
('Hello world', [(5, 7, ' ', 'ws', 'collapse')])
>>> apply_edits(text, records, [Edit(0, 6, "", "drop")], "cut")
('world', [(0, 7, '', 'cut', 'drop')])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

__all__ = ["Edit", "EditError", "Record", "apply_edits", "apply_records"]

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

    >>> check_edits([Edit(0, 2), Edit(1, 3)], 5, "mine")
    Traceback (most recent call last):
    ...
    newsclean.edits.EditError: pass 'mine' returned overlapping or unsorted edits: \
Edit(start=0, end=2, replacement='', reason='', to_title=False) then \
Edit(start=1, end=3, replacement='', reason='', to_title=False)
    """
    previous_end = 0
    previous: Edit | None = None
    for edit in edits:
        if not isinstance(edit, tuple) or len(edit) < 4:
            raise EditError(f"pass {pass_name!r} returned {edit!r}; expected Edit(start, end, ...)")
        start, end = edit[0], edit[1]
        if not 0 <= start <= end <= length:
            raise EditError(
                f"pass {pass_name!r} returned {edit!r}, outside the text (length {length})"
            )
        if start < previous_end:
            raise EditError(
                f"pass {pass_name!r} returned overlapping or unsorted edits: {previous!r} then {edit!r}"
            )
        previous_end, previous = end, edit


def apply_edits(
    text: str, records: Sequence[Record], edits: Iterable[Edit], pass_name: str
) -> tuple[str, list[Record]]:
    """Apply ``edits`` (sorted, disjoint, in ``text`` coordinates) to ``text``.

    ``records`` is the diff from the original to ``text``. Returns the new text
    and the new diff from the original to it. Edits that change nothing are
    ignored, so a pass that finds nothing to do leaves no trace. Linear in the
    number of records and edits (plus the length of the text, to rebuild it).
    """
    pieces: list[str] = []
    merged: list[Record] = []
    i, n = 0, len(records)
    shift = 0  # (position in text) - (position in original) before records[i]
    done = 0  # text[:done] is already in pieces
    for edit in edits:
        a, b, replacement, reason = edit[0], edit[1], edit[2], edit[3]
        if text[a:b] == replacement:
            continue
        # Records wholly before the edit are kept as they are.
        while i < n and records[i][0] + shift + len(records[i][2]) <= a:
            merged.append(records[i])
            shift += _delta(records[i])
            i += 1
        # Records the edit overlaps are absorbed into one new record.
        start, prefix = a - shift, ""
        if i < n and records[i][0] + shift < a:
            first = records[i]
            start, prefix = first[0], first[2][: a - (first[0] + shift)]
        end, suffix = b - shift, ""
        while i < n and records[i][0] + shift < b:
            last = records[i]
            last_start = last[0] + shift
            shift += _delta(last)
            i += 1
            if last_start + len(last[2]) > b:
                end, suffix = last[1], last[2][b - last_start :]
            else:
                end = b - shift
        merged.append((start, end, prefix + replacement + suffix, pass_name, reason))
        pieces += (text[done:a], replacement)
        done = b
    if not pieces:
        return text, list(records)
    pieces.append(text[done:])
    merged.extend(records[i:])
    return "".join(pieces), merged


def _delta(record: Record) -> int:
    """How much longer the text is than the original because of ``record``."""
    return len(record[2]) - (record[1] - record[0])


def apply_records(original: str, records: Iterable[Record]) -> str:
    """Apply a diff to the original: the text it leads to.

    >>> apply_records("a  b", [(1, 3, " ", "ws", "collapse")])
    'a b'
    """
    pieces: list[str] = []
    done = 0
    for start, end, replacement, *_ in records:
        pieces += (original[done:start], replacement)
        done = end
    pieces.append(original[done:])
    return "".join(pieces)
