"""Property tests: the provenance invariants and idempotence on generated text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from invariants import check_invariants

PROSE = [
    "The council approved the budget on Tuesday after a long debate.",
    "“We will not back down,” the minister said.",
    "Prices rose by 3.2 percent in the year to March, the agency said.",
    "Read more carefully, the report says the council overspent.",
    "Advertisement revenue fell by 12 percent last year.",
    "Zürich’s café owners welcomed the decision.",
    "東京の市場は上昇した。",
    "Миллионы людей вышли на улицы.",
    "الحكومة أعلنت عن خطة جديدة.",
]
CRUFT = [
    "Read More",
    "Latest news",
    "Related news",
    "ADVERTISEMENT",
    "Also Read: Rates rise again as inflation bites",
    "Follow us on Twitter",
    "Share this article",
    "Privacy Policy",
    "Published 11:11 PM EST Nov 19, 2019",
    "We use cookies to improve your experience. By browsing the site you agree.",
]
#: Short lines that a menu holds between its labels, and a table too.
SHORT = ["Climate", "Books", "VIP: 60,000 won"]
HEADLINES = ["Floods close schools in the north", "Budget approved | The Daily Star"]
PADDING = ["", " ", "\u00a0", "\u00a0 \u00a0", "\t", "\u200b", "\r"]
MOJIBAKE = ["Itâ€™s", "cafÃ©", "&amp;", "â€œquotedâ€\x9d", "\x00", "ﬁne", " Clerical Regime"]

LINES = st.one_of(
    st.sampled_from(PROSE),
    st.sampled_from(CRUFT),
    st.sampled_from(HEADLINES),
    st.sampled_from(PADDING),
    st.sampled_from(SHORT),
    st.lists(st.sampled_from(PROSE + MOJIBAKE), min_size=1, max_size=3).map(" ".join),
)
PAGES = st.lists(LINES, max_size=25).map("\n".join)
TITLES = st.one_of(st.none(), st.sampled_from(HEADLINES))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(PAGES, TITLES)
def test_invariants_on_realistic_pages(page: str, title: str | None) -> None:
    article = newsclean.clean(page, title=title)
    check_invariants(article, title=article.title)


@SETTINGS
@given(st.text(max_size=300), TITLES)
def test_invariants_on_arbitrary_unicode(text: str, title: str | None) -> None:
    article = newsclean.clean(text, title=title)
    check_invariants(article, title=article.title)


@SETTINGS
@given(PAGES)
def test_prose_is_never_lost_without_a_change_saying_why(page: str) -> None:
    article = newsclean.clean(page)
    kept = article.text
    for sentence in PROSE:
        if sentence in page and sentence not in kept:
            assert any(sentence in c.removed for c in article.changes), article.explain()


ENGLISH = PROSE[:5]


@SETTINGS
@given(st.lists(st.sampled_from(PROSE), min_size=1, max_size=8), st.lists(st.sampled_from(CRUFT)))
def test_prose_in_any_language_survives_cruft_around_it(prose: list[str], cruft: list[str]) -> None:
    kept = iter(newsclean.clean("\n\n".join(cruft + prose + cruft)).paragraphs)
    assert all(paragraph in kept for paragraph in prose)  # each in order


@SETTINGS
@given(st.lists(st.sampled_from(ENGLISH), min_size=1, max_size=8), st.lists(st.sampled_from(CRUFT)))
def test_english_cruft_around_english_prose_goes(prose: list[str], cruft: list[str]) -> None:
    assert newsclean.clean("\n\n".join(cruft + prose + cruft)).paragraphs == tuple(prose)
