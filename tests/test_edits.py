"""The provenance core: edits from several passes folded into one diff of the original."""

from __future__ import annotations

import itertools
import sys
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import edits as edits_module
from newsclean.edits import (
    Edit,
    EditError,
    apply_edits,
    apply_records,
    check_edits,
    drop_paragraphs,
    edit_pieces,
)


def run(original: str, *passes: list[Edit]) -> tuple[str, list[tuple[int, int, str, str, str]]]:
    text, records = original, []
    for number, edits in enumerate(passes):
        text, records = apply_edits(original, text, records, edits, f"p{number}")
    return text, records


def test_single_pass_records_in_original_coordinates() -> None:
    assert run("aa bb cc", [Edit(2, 3, "", "x"), Edit(5, 6, "--", "y")]) == (
        "aabb--cc",
        [(2, 3, "", "p0", "x"), (5, 6, "--", "p0", "y")],
    )


def test_later_pass_maps_through_earlier_changes() -> None:
    # p0 deletes "XX", p1 then edits "c" which now sits at 2.
    assert run("abXXcd", [Edit(2, 4, "", "x")], [Edit(2, 3, "C", "y")]) == (
        "abCd",
        [(2, 4, "", "p0", "x"), (4, 5, "C", "p1", "y")],
    )


def test_edit_covering_an_earlier_replacement_absorbs_it() -> None:
    # p0 repairs "Ã©" to "é"; p1 drops the whole word: one record, by p1.
    assert run("a cafÃ© b", [Edit(5, 7, "é", "fix")], [Edit(2, 7, "", "drop")]) == (
        "a b",
        [(2, 8, "", "p1", "drop")],
    )


def test_edit_inside_an_earlier_replacement_keeps_its_other_parts() -> None:
    assert run("x1234y", [Edit(1, 5, "abcd", "r")], [Edit(2, 3, "B", "s")]) == (
        "xaBcdy",
        [(1, 5, "aBcd", "p1", "s")],
    )


def test_edit_next_to_a_deletion_does_not_swallow_it() -> None:
    text, records = run("ab  cd", [Edit(2, 4, "", "ws")], [Edit(0, 2, "", "drop")])
    assert (text, records) == ("cd", [(0, 2, "", "p1", "drop"), (2, 4, "", "p0", "ws")])


def test_insertion_where_text_was_deleted_lands_after_the_deletion() -> None:
    assert run("a--b", [Edit(1, 3, "", "x")], [Edit(1, 1, "+", "y")]) == (
        "a+b",
        [(1, 3, "", "p0", "x"), (3, 3, "+", "p1", "y")],
    )


def test_two_cuts_into_one_earlier_replacement_become_one_record() -> None:
    assert run("aaaa", [Edit(4, 4, "xx", "ins")], [Edit(0, 5, "", "a"), Edit(5, 6, "", "b")]) == (
        "",
        [(0, 4, "", "p1", "a; b")],
    )


def test_edit_that_changes_nothing_leaves_no_record() -> None:
    assert run("same", [Edit(0, 4, "same", "noop")]) == ("same", [])


@pytest.mark.parametrize(
    ("edits", "message"),
    [
        ([Edit(2, 1)], "outside the text"),
        ([Edit(0, 9)], "outside the text"),
        ([Edit(2, 3), Edit(0, 1)], "overlapping or unsorted"),
        ([Edit(0, 3), Edit(2, 4)], "overlapping or unsorted"),
        ([(1, 2)], "expected Edit"),
        ([Edit(0, 1), "ab"], "expected Edit"),
        ([Edit(0, 1.0)], "expected int start and end"),
        ([Edit(0, True)], "expected int start and end"),
        ([Edit(0, 1, b"x")], "expected int start and end and a str replacement"),
        ([Edit(0, 1), (1, 2, "x", "plain tuple"), Edit(-1, 0)], "outside the text"),
    ],
)
def test_bad_edits_are_refused_with_the_pass_name(edits: list[Edit], message: str) -> None:
    with pytest.raises(EditError, match=f"pass 'mine' .*{message}|{message}"):
        check_edits(edits, 5, "mine")


@st.composite
def edit_lists(draw: st.DrawFn, text: str) -> list[Edit]:
    """Sorted, non-overlapping random edits of ``text``."""
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits, previous = [], 0
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        if start >= previous:
            replacement = draw(st.text(alphabet="xyz\n ", max_size=3))
            edits.append(Edit(start, end, replacement, "r"))
            previous = end
    return edits


@pytest.mark.parametrize("part", [edits_module._PART, 2], ids=["parts as shipped", "parts of 2"])
@settings(max_examples=500)
@given(data=st.data(), original=st.text(alphabet="ab \n", max_size=30))
def test_any_sequence_of_passes_keeps_a_complete_diff(
    part: int, data: st.DataObject, original: str
) -> None:
    text, records = original, []
    for number in range(data.draw(st.integers(1, 5))):
        edits = data.draw(edit_lists(text))
        expected = apply_records(text, [(*e[:3], "", "") for e in edits])
        with mock.patch.object(edits_module, "_PART", part):
            text, records = apply_edits(original, text, records, edits, f"p{number}")
        assert text == expected
        assert apply_records(original, records) == text
        for before, after in itertools.pairwise(records):
            assert before[1] <= after[0] and before[:2] <= after[:2]
        for start, end, replacement, *_ in records:
            assert 0 <= start <= end <= len(original)
            assert original[start:end] != replacement


def test_earlier_deletion_inside_a_later_edit_keeps_its_own_pass() -> None:
    # p0 deletes "XX"; p1 then deletes "b" + "c" around the spot where it was.
    assert run("abXXcd", [Edit(2, 4, "", "x")], [Edit(1, 3, "-", "y")]) == (
        "a-d",
        [(1, 2, "-", "p1", "y"), (2, 4, "", "p0", "x"), (4, 5, "", "p1", "y")],
    )


def test_dropped_lines_with_indents_do_not_overlap() -> None:
    text = "Body.\n  * Latest\n  * Most Read\nEnd."
    edits = drop_paragraphs(text, [(6, 16, "a"), (17, 30, "b")])
    check_edits(edits, len(text), "test")
    assert apply_records(text, [(*e[:3], "", "") for e in edits]) == "Body.\nEnd."


def test_a_replacement_is_kept_as_the_pass_gave_it_not_copied() -> None:
    # normalize_whitespace gives one "\n\n" to thousands of edits: a copy in each
    # record cost 2.5 MB on a 10 MB page.
    breaks = "".join(["\n", "\n"])  # one object, not the interned literal
    original = "a\nb\nc"
    text, records = apply_edits(original, original, (), [Edit(0, 0, "x", "p")], "p0")
    text, records = apply_edits(original, text, records, [Edit(2, 3, breaks, "b")], "p1")
    assert text == "xa\n\nb\nc" and records[1][2] is breaks


def test_long_unchanged_text_becomes_narrow_pieces() -> None:
    # One emoji makes Python store the whole page 4 bytes a character; the
    # unchanged stretches around the edits are cut in parts as narrow as their
    # own characters, so the pieces of the new text take about its UTF-8 size.
    original = "a" * 200_000 + "\N{GRINNING FACE}" + "b" * 200_000
    first = [Edit(0, 1, "A", "p")]
    pieces, records = edit_pieces(original, original, (), first, "p0")
    text = "".join(pieces)
    assert text == "A" + original[1:] and records == [(0, 1, "A", "p0", "p")]
    later = [Edit(len(text) - 1, len(text), "B", "q")]
    pieces, records = edit_pieces(original, text, records, later, "p1")
    assert "".join(pieces) == "A" + original[1:-1] + "B"
    assert records == [(0, 1, "A", "p0", "p"), (len(original) - 1, len(original), "B", "p1", "q")]
    assert max(map(len, pieces)) == edits_module._PART
    # 4 bytes a character only in the part that holds the emoji: 597 kB, not 1.6 MB.
    assert sum(map(sys.getsizeof, pieces)) < sys.getsizeof(original) / 2


def test_a_text_with_nothing_to_change_is_not_copied() -> None:
    original = "a" * 200_000
    text, records = apply_edits(original, original, (), [Edit(0, 1, "a", "same")], "p0")
    assert text is original and records == []
    assert apply_records(original, []) is original


class Replacement(str):
    """A replacement of a ``str`` subclass: a pass may give one."""


def test_edits_that_are_plain_tuples_or_hold_a_str_subclass_are_accepted() -> None:
    edits = [(0, 1, "A", "a plain tuple"), Edit(2, 3, Replacement("C"), "a str subclass")]
    check_edits(edits, 3, "mine")  # type: ignore[arg-type]
    assert apply_edits("abc", "abc", (), edits, "p0") == (  # type: ignore[arg-type]
        "AbC",
        [(0, 1, "A", "p0", "a plain tuple"), (2, 3, "C", "p0", "a str subclass")],
    )


def test_records_before_an_edit_are_kept_as_they_were_around_a_deletion_it_covers() -> None:
    # p0 leaves three records before "XX" and deletes it; p1 replaces "d" + "e"
    # around the deletion, which keeps its own record between p1's two (the
    # replacement goes with the first).
    text, records = run(
        "a1b2c3dXXef",
        [Edit(1, 2, ""), Edit(3, 4, "-"), Edit(5, 6, "", "x"), Edit(7, 9, "", "y")],
        [Edit(4, 6, "DE", "z")],
    )
    assert text == "ab-cDEf"
    assert records == [
        (1, 2, "", "p0", ""),
        (3, 4, "-", "p0", ""),
        (5, 6, "", "p0", "x"),
        (6, 7, "DE", "p1", "z"),
        (7, 9, "", "p0", "y"),
        (9, 10, "", "p1", "z"),
    ]
