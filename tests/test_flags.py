"""Flags: probable captions and links are marked, not deleted."""

from __future__ import annotations

import json
from pathlib import Path

import newsclean
from newsclean import Article
from newsclean.flags import Flag, find_flags

SEED = Path(__file__).parent / "fixtures" / "seed"
LONG = (
    "The council met on Tuesday evening to discuss the budget for next year, which includes "
    "new money for schools and roads across the county, the mayor said."
)


def test_the_seed_page_s_undecided_lines_are_flagged_and_kept() -> None:
    expected = json.loads((SEED / "iran-mek.expected.json").read_text(encoding="utf-8"))
    article = newsclean.clean((SEED / "iran-mek.txt").read_text(encoding="utf-8"))
    assert [(f.text, f.kind, f.confidence) for f in article.flags] == [
        (line, "caption", 0.5) for line in expected["undecided"]
    ]
    assert all(line in article.paragraphs for line in expected["undecided"])


def test_a_run_of_headlines_is_flagged_as_links() -> None:
    paragraphs = (LONG, LONG, "Rates rise again as inflation bites", "Floods close schools")
    assert find_flags(paragraphs) == (
        Flag(2, paragraphs[2], "link", 0.8, newsclean.flags.LINK),
        Flag(3, paragraphs[3], "link", 0.8, newsclean.flags.LINK),
    )


def test_even_prose_gets_no_flags() -> None:
    other = "The mayor said the plan was fair to every district and would be reviewed in spring."
    assert find_flags((LONG, other, LONG, other)) == ()


def test_short_texts_get_no_flags() -> None:
    assert find_flags(("Short one.", "Short two.")) == ()


def test_flags_are_in_the_dict_and_the_round_trip_keeps_them() -> None:
    article = newsclean.clean((SEED / "iran-mek.txt").read_text(encoding="utf-8"))
    data = article.to_dict()
    assert data["flags"] == [f.to_dict() for f in article.flags]
    assert Article.from_dict(data).flags == article.flags
