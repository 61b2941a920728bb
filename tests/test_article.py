"""Article and Change: the value objects, JSON round trip, explain(), removed_by()."""

from __future__ import annotations

import json

import attrs
import pytest

import newsclean
from newsclean import Article, Change

PAGE = "Storm hits coast\n\nWinds reached\u00a0120 km/h overnight.\n\nRead More"


@pytest.fixture
def article() -> Article:
    return newsclean.clean(PAGE, url="https://example.org/storm")


def test_fields(article: Article) -> None:
    assert article.title == "Storm hits coast"
    assert article.paragraphs == ("Winds reached 120 km/h overnight.",)
    assert article.text == "Winds reached 120 km/h overnight."
    assert article.url == "https://example.org/storm"
    assert article.original == PAGE
    assert article.version == newsclean.__version__
    assert [name for name, _ in article.passes] == list(newsclean.Pipeline.default().names)


def test_changes_are_a_complete_diff(article: Article) -> None:
    assert article.changes == (
        Change(
            "extract_headline", "the headline, moved to title", 0, 18, "Storm hits coast\n\n", ""
        ),
        Change(
            "normalize_whitespace",
            "no-break, wide or repeated spaces made one space",
            31,
            32,
            "\u00a0",
            " ",
        ),
        Change("strip_cruft_lines", "cruft: navigation label", 51, 62, "\n\nRead More", ""),
    )


def test_article_is_frozen(article: Article) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]


def test_json_round_trip_is_exact(article: Article) -> None:
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article
    assert data["changes"][2] == {
        "pass": "strip_cruft_lines",
        "reason": "cruft: navigation label",
        "start": 51,
        "end": 62,
        "removed": "\n\nRead More",
        "replacement": "",
    }


def test_from_dict_refuses_changes_that_do_not_match_the_original(article: Article) -> None:
    data = article.to_dict()
    data["changes"][0]["removed"] = "something else"
    with pytest.raises(ValueError, match="says it removed 'something else'"):
        Article.from_dict(data)


def test_from_dict_refuses_changes_that_do_not_lead_to_the_text(article: Article) -> None:
    data = article.to_dict()
    data["text"] = "edited by hand"
    with pytest.raises(ValueError, match="do not turn the original into the text"):
        Article.from_dict(data)


def test_from_dict_refuses_a_dict_that_is_not_an_article() -> None:
    with pytest.raises(ValueError, match="not an Article dict"):
        Article.from_dict({"title": "x"})


def test_removed_by(article: Article) -> None:
    assert [c.removed for c in article.removed_by("strip_cruft_lines")] == ["\n\nRead More"]
    assert article.removed_by("strip_injected_phrases") == ()
    with pytest.raises(ValueError, match="No pass 'strip_ads' ran for this article"):
        article.removed_by("strip_ads")


def test_explain(article: Article) -> None:
    assert article.explain() == "\n".join(
        [
            "title: 'Storm hits coast'",
            "3 lines in, 1 paragraph out; 3 changes",
            "extract_headline      [0, 18)  the headline, moved to title: 'Storm hits coast\\n\\n'",
            "normalize_whitespace  [31, 32)  no-break, wide or repeated spaces made one space: "
            "'\\xa0' -> ' '",
            "strip_cruft_lines     [51, 62)  cruft: navigation label: '\\n\\nRead More'",
        ]
    )


def test_change_refuses_a_span_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="ends \\(3\\) before it starts \\(5\\)"):
        Change("p", "r", 5, 3, "", "")


@pytest.mark.parametrize("text", ["", "   ", "\n\n\u00a0\n", "\u200b"])
def test_empty_input_gives_an_empty_article(text: str) -> None:
    article = newsclean.clean(text)
    assert (article.title, article.text, article.paragraphs) == (None, "", ())
    assert "".join(c.removed for c in article.changes) == text


@pytest.mark.parametrize("bad", [None, 42, 3.5, ["text"], {"text": "x"}])
def test_wrong_input_types_name_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=f"not {type(bad).__name__}$"):
        newsclean.clean(bad)  # type: ignore[arg-type]


def test_wrong_title_type() -> None:
    with pytest.raises(TypeError, match="takes title as str or None, not int"):
        newsclean.clean("text", title=3)  # type: ignore[arg-type]


def test_bytes_are_decoded_as_utf8_then_guessed() -> None:
    assert newsclean.clean("Zürich’s café.".encode()).text == "Zürich’s café."
    assert newsclean.clean("Zürich’s café.".encode("cp1252")).text == "Zürich’s café."
    assert newsclean.clean(b"\xff\xfe\x00bad \x81 bytes.").original != ""


def test_from_dict_refuses_unsorted_changes_and_malformed_ones(article: Article) -> None:
    data = article.to_dict()
    data["changes"] = data["changes"][::-1]
    with pytest.raises(ValueError, match=r"changes overlap or are not sorted"):
        Article.from_dict(data)
    data = article.to_dict()
    del data["changes"][0]["removed"]
    with pytest.raises(ValueError, match="not an Article dict"):
        Article.from_dict(data)


def test_change_dicts_equal_the_changes_as_dicts(article: Article) -> None:
    assert article.change_dicts() == [c.to_dict() for c in article.changes]
