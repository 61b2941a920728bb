"""Boilerplate learned across the pages of a site, and the pass that removes it."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsclean
from invariants import check_invariants
from newsclean import Pipeline
from newsclean.passes import strip_site_boilerplate
from newsclean.sites import SiteLearner, SiteProfile, learn_profiles

PAGES = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.txt"))
SYNDICATED = (
    "The agency said the measures would stay in place until the end of the year, and that "
    "further restrictions could follow if the number of cases kept rising across the region."
)
FOOTER = "Follow Daily Sun on Google News"


def site_pages(count: int) -> list[str]:
    """Pages of one site: real fixture bodies, the site's footer and an update line."""
    tail = f"\n\n{SYNDICATED}\n\n{FOOTER}"
    return [
        f"{page.read_text(encoding='utf-8')}\n\nUpdated {n + 1} hours ago{tail}"
        for n, page in enumerate(PAGES[:count])
    ]


def pipeline_with(profiles: dict[str, SiteProfile]) -> Pipeline:
    return Pipeline.default().insert_after("strip_cruft_lines", strip_site_boilerplate(profiles))


def test_learned_lines_are_the_site_s_repeated_short_lines() -> None:
    pages = (("dailysun.example", text) for text in site_pages(10))
    profile = learn_profiles(pages, min_share=0.5)["dailysun.example"]
    assert profile.pages == 10
    assert dict(profile.lines) == {
        "follow daily sun on google news": 10,
        "updated # hours ago": 10,
    }


def test_the_pass_removes_them_with_counts_and_keeps_prose() -> None:
    profiles = learn_profiles(
        (("dailysun.example", text) for text in site_pages(10)), min_share=0.5
    )
    page = site_pages(12)[11]
    article = pipeline_with(profiles).run(page, url="https://www.dailysun.example/x")
    assert FOOTER not in article.paragraphs
    assert "Updated 12 hours ago" not in article.paragraphs
    assert SYNDICATED in article.paragraphs  # long prose repeated by syndication stays
    assert [c.reason for c in article.removed_by("strip_site_boilerplate")] == [
        "repeats on 10 of 10 pages of this source"
    ] * 2
    plain = newsclean.clean(page, url="https://www.dailysun.example/x")
    assert set(plain.paragraphs) - set(article.paragraphs) == {FOOTER, "Updated 12 hours ago"}


def test_other_sites_and_pages_without_url_are_left_alone() -> None:
    profiles = learn_profiles(("dailysun.example", text) for text in site_pages(10))
    page = site_pages(12)[11]
    for url in (None, "https://other.example/x"):
        article = pipeline_with(profiles).run(page, url=url)
        assert article.removed_by("strip_site_boilerplate") == ()


def test_the_title_is_never_removed() -> None:
    stories = ["The budget passed.", "Rain is due.", "Schools reopen.", "Fares rise.", "A fair."]
    pages = [f"Daily Sun Weekly Digest\n\n{story}" for story in stories]
    profiles = learn_profiles(("sun.example", text) for text in pages)
    assert profiles["sun.example"].lines == {"daily sun weekly digest": 5}
    article = pipeline_with(profiles).run(pages[0], url="https://sun.example/a")
    assert (article.title, article.paragraphs) == (
        "Daily Sun Weekly Digest",
        ("The budget passed.",),
    )


def test_lines_on_too_few_pages_are_not_learned() -> None:
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
    pages = [f"{w}.\n\nA line on two pages" if n < 2 else f"{w}." for n, w in enumerate(words)]
    assert learn_profiles(("s", text) for text in pages)["s"].lines == {}


def test_learning_in_a_stream_stops_per_source() -> None:
    learner = SiteLearner()
    for n, text in enumerate(site_pages(8)):
        source = "a.example" if n % 2 else "b.example"
        if learner.pages_seen(source) < 3:
            learner.observe(source, text)
    assert {s: p.pages for s, p in learner.profiles().items()} == {"a.example": 3, "b.example": 3}


def test_profile_json_round_trip(tmp_path: Path) -> None:
    profile = learn_profiles(("dailysun.example", text) for text in site_pages(6))[
        "dailysun.example"
    ]
    profile.save(tmp_path / "sun.json")
    assert SiteProfile.load(tmp_path / "sun.json") == profile
    with pytest.raises(ValueError, match="not a site profile"):
        SiteProfile.from_json('{"source": "x"}')


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: SiteLearner(min_share=0), ValueError),
        (lambda: SiteLearner(min_pages=1), ValueError),
        (lambda: strip_site_boilerplate(["x"]), TypeError),  # type: ignore[arg-type]
        (lambda: strip_site_boilerplate({"x": "profile"}), TypeError),  # type: ignore[dict-item]
    ],
)
def test_bad_settings_fail_when_built(build, error) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error):
        build()


def test_invariants_with_the_pass() -> None:
    profiles = learn_profiles(("dailysun.example", text) for text in site_pages(10))
    for page in site_pages(12):
        article = pipeline_with(profiles).run(page, url="https://dailysun.example/x")
        assert article.text.count("\n\n\n") == 0
        check_invariants(article, title=article.title)


def test_a_url_urllib_cannot_read_means_no_source() -> None:
    profiles = learn_profiles(("dailysun.example", text) for text in site_pages(10))
    article = pipeline_with(profiles).run(site_pages(12)[11], url="http://[bad")
    assert article.removed_by("strip_site_boilerplate") == ()
