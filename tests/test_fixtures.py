"""Every fixture page: the expected Article, the expected removals, the provenance invariants.

Pages live in ``tests/fixtures/pages/`` as ``NAME.txt`` with ``NAME.expected.json``
beside it (``given_title``, ``title``, ``paragraphs``, ``removed``); the seed page
in ``tests/fixtures/seed/`` also lists ``undecided`` paragraphs that may stay or go.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import ftfy
import pytest

import newsclean
from invariants import check_invariants
from newsclean.passes.repair_unicode import DEFAULT_FTFY_OPTIONS

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [*sorted(FIXTURES.glob("pages/*.txt")), FIXTURES / "seed" / "iran-mek.txt"]


def expected_for(page: Path) -> dict[str, Any]:
    return json.loads(page.with_name(page.stem + ".expected.json").read_text(encoding="utf-8"))


def normalized(text: str) -> str:
    return " ".join(ftfy.fix_text(text, **DEFAULT_FTFY_OPTIONS).split())


def removed_runs(article: newsclean.Article) -> list[str]:
    """The removed text of each run of touching changes, repaired and whitespace-normalized."""
    runs: list[str] = []
    last_end = -1
    for change in article.changes:
        if change.start == last_end and runs:
            runs[-1] += change.removed
        else:
            runs.append(change.removed)
        last_end = change.end
    return [normalized(run) for run in runs]


def test_there_are_enough_fixture_pages() -> None:
    assert len(PAGES) >= 21


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_page_is_cleaned_as_expected(page: Path) -> None:
    expected = expected_for(page)
    article = newsclean.clean(page.read_bytes(), title=expected.get("given_title"))
    undecided = expected.get("undecided", [])
    assert article.title == expected["title"]
    assert [p for p in article.paragraphs if p not in undecided] == [
        p for p in expected["paragraphs"] if p not in undecided
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_every_expected_removal_is_a_change(page: Path) -> None:
    expected = expected_for(page)
    article = newsclean.clean(page.read_bytes(), title=expected.get("given_title"))
    runs = removed_runs(article)
    for item in expected["removed"]:
        assert any(normalized(item["text"]) in run for run in runs), (item, article.explain())


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_provenance_invariants_hold(page: Path) -> None:
    expected = expected_for(page)
    article = newsclean.clean(page.read_bytes(), title=expected.get("given_title"))
    check_invariants(article)
