"""Page furniture (time stamps, cookie notices, menus): what goes, and the prose
and tables beside it that stay."""

from __future__ import annotations

import pytest

import newsclean
from invariants import check_invariants
from newsclean.furniture import MENU_GAP, is_cookie_notice, is_time_stamp

BODY = "The council met on Tuesday evening to discuss the budget."
END = "The vote is expected next week, officials said."


@pytest.mark.parametrize(
    "line",
    [
        "Published 11:11 PM EST Nov 19, 2019",
        "Posted on November 19, 2019",
        "Last updated: 2019-11-19 | 14:52 GMT",
        "• First published Tue 19 Nov 2019 06.00 GMT",
        "UPDATED NOV. 19, 2019 AT 3:05 P.M.",
    ],
)
def test_time_stamp_lines_are_found(line: str) -> None:
    text = f"{BODY}\n{line}\n{END}"
    start = len(BODY) + 1
    assert is_time_stamp(text, start, start + len(line))
    assert not is_time_stamp(text, 0, len(BODY))


@pytest.mark.parametrize(
    "line",
    [
        "Updated 14:52",  # a clock alone: a live blog's entry
        "Published on Nov 19, 2019, the report found that rents rose by a third.",
        "19 November 2019",  # a date alone: an event listing keeps such lines
        "Posted 3 hours ago",
        "The update was posted on November 19, 2019",
    ],
)
def test_lines_that_are_not_only_a_time_stamp_stay(line: str) -> None:
    assert not is_time_stamp(line, 0, len(line))


def test_a_long_run_of_spaces_in_a_stamp_line_is_read_in_linear_time() -> None:
    line = "Published Nov 19, 2019" + " ," * 20_000 + " x"
    assert not is_time_stamp(line, 0, len(line))


@pytest.mark.parametrize(
    "line",
    [
        "This website uses cookies to improve your experience. By continuing to browse the "
        "site you agree to our use of cookies.",
        "We use cookies to personalise content. Accept all or manage your settings.",
    ],
)
def test_cookie_notices_are_found(line: str) -> None:
    text = f"{BODY}\n{line}"
    assert is_cookie_notice(text, len(BODY) + 1, len(text))


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies less than we did, the regulator said of the privacy settings.",
        "We use cookies to track readers, and the experience of users matters.  " * 10,
        "Most sites use cookies to track readers; privacy settings rarely stop them.",
    ],
)
def test_lines_about_cookies_that_are_not_notices_stay(line: str) -> None:
    assert not is_cookie_notice(line, 0, len(line))


MENU = ["Home", "Climate", "Books", "Privacy Policy", "Puzzles", "Careers"]


def test_short_lines_between_labels_go_as_a_menu_and_the_article_stays() -> None:
    article = newsclean.clean("\n".join([BODY, END, *MENU, "All rights reserved"]))
    assert article.paragraphs == (BODY, END, "All rights reserved")
    assert {c.reason for c in article.changes if "Climate" in c.removed} == {
        "cruft: menu between labels"
    }
    check_invariants(article, title=None)


def test_a_table_between_a_label_and_prose_stays() -> None:
    table = ["Ticketing", "VIP: 60,000 won", "Inquiry", "02-751-1500"]
    text = "\n".join([BODY, "Advertisement", *table, END, "Privacy Policy"])
    assert newsclean.clean(text).paragraphs == (BODY, *table, END)


def test_labels_that_stand_inside_articles_do_not_make_a_menu() -> None:
    lines = ["Advertisement", "Flood defences", "Read more", "New homes", "Video"]
    assert newsclean.clean("\n".join([BODY, *lines, END])).paragraphs == (
        BODY, "Flood defences", "New homes", END
    )  # fmt: skip


def test_a_gap_longer_than_a_menu_breaks_the_chain() -> None:
    gap = [f"Item {n}" for n in range(MENU_GAP + 1)]
    text = "\n".join([BODY, "Home", *gap, "Privacy Policy", "Careers", END])
    assert newsclean.clean(text).paragraphs == (BODY, *gap, END)


def test_menus_are_looked_for_on_english_pages_only() -> None:
    text = "\n".join([BODY, *MENU, END])
    article = newsclean.clean(text, language="de")
    assert "Climate" in article.paragraphs


def test_a_time_stamp_at_the_top_goes_though_it_is_shaped_like_a_link() -> None:
    # "Updated: …" is a link's shape too, which the top of a text keeps for a headline
    article = newsclean.clean(f"Updated: Tuesday, 19 November 2019, 14:52 GMT\n\n{BODY}")
    assert article.paragraphs == (BODY,)
    assert [c.reason for c in article.changes] == ["cruft: time stamp"]
