"""HTML in, clean Article out: newsclean.clean_html, its decoding, and the CLI's HTML input."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from invariants import check_invariants
from newsclean.cli import main
from newsclean.html_pages import NO_TEXT, decode_html, looks_like_html

pytest.importorskip("trafilatura", reason="clean_html needs the html extra (trafilatura)")

PAGE = Path(__file__).parent / "fixtures" / "html" / "harbour-bridge.html"
HEADLINE = "Harbour bridge reopens after three months of repairs"
PARAGRAPHS = (
    "The harbour bridge reopened to traffic on Saturday morning, three months after engineers"
    " closed it when a routine inspection found cracks in two of its steel supports.",
    "About 40,000 vehicles crossed the bridge each day before the closure, and the detour"
    " through the old town added up to half an hour to the commute of many residents.",
    '"We replaced both supports and strengthened a third one while we were at it," the chief'
    ' engineer, Tomas Berg, told reporters at the reopening. "The bridge is now safer than it'
    ' has been in twenty years."',
    "The repairs cost 12 million euros, slightly less than the council had set aside in"
    " December. Cyclists will have to wait another two weeks for the new protected lane on the"
    " eastern side, which still needs its final coat of paint.",
)


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


def test_the_fixture_page_gives_headline_metadata_and_clean_paragraphs() -> None:
    import trafilatura

    article = newsclean.clean_html(PAGE.read_bytes())
    assert article.title == HEADLINE
    assert article.paragraphs == PARAGRAPHS
    assert (article.author, article.date, article.site_name, article.note) == (
        "Maria Lindqvist",
        "2026-03-14",
        "Coastal Courier",
        None,
    )
    assert article.extractor == f"trafilatura {trafilatura.__version__}"
    assert article.url == "https://courier.example/news/harbour-bridge-reopens"
    # trafilatura's bare line breaks are made blank lines in `original`, so every
    # change is a removal.
    assert article.original.count("\n\n") == 6
    assert [(c.pass_name, c.reason, c.removed, c.replacement) for c in article.changes] == [
        ("extract_headline", "repeat of the headline", HEADLINE + "\n\n", ""),
        (
            "strip_cruft_lines",
            "cruft: link to another article",
            "Also Read: City council approves new bus lanes for the waterfront\n\n",
            "",
        ),
        ("strip_cruft_lines", "cruft: navigation label", "\n\nRead More", ""),
    ]
    check_invariants(article)


def test_metadata_survives_the_dict_round_trip() -> None:
    article = newsclean.clean_html(PAGE.read_text(encoding="utf-8"), url="https://x.example/a")
    data = article.to_dict()
    assert (data["author"], data["site_name"], data["url"]) == (
        "Maria Lindqvist",
        "Coastal Courier",
        "https://x.example/a",
    )
    assert newsclean.Article.from_dict(data) == article


def test_a_given_title_wins_over_the_metadata() -> None:
    article = newsclean.clean_html(PAGE.read_bytes(), title="Bridge open again")
    assert article.title == "Bridge open again"
    assert article.paragraphs[0] == HEADLINE  # not the given title: kept as text


PROSE = "Der Stadtrat hat am Montag beschlossen, die Brücke über die Förde zu erneuern."


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "cp1252"),
        ("<meta charset='utf-8'>", "utf-8"),
        ("", "utf-8"),
    ],
)
def test_bytes_are_decoded_with_the_declared_charset(head: str, codec: str) -> None:
    html = _page(f"<h1>Neue Brücke</h1><p>{PROSE} Sie kostet 3 Mio. €.</p>", head)
    article = newsclean.clean_html(html.encode(codec))
    assert article.text == f"{PROSE} Sie kostet 3 Mio. €."


def test_decoding_order_bom_header_declaration_fallback() -> None:
    declared = b'<meta charset="koi8-r"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>'
    assert decode_html(declared) == '<meta charset="koi8-r"><p>Привет</p>'
    # The HTTP header's charset comes before the page's own declaration.
    assert decode_html(b"<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>", encoding="cp1251") == "<p>Привет</p>"
    assert decode_html(b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", encoding="cp1252") == "<p>café</p>"
    assert decode_html("<p>ü</p>".encode("utf-16-le"), encoding=None) == "<p>ü</p>".encode(
        "utf-16-le"
    ).decode("cp1252")
    assert decode_html(b"\xff\xfe<\x00p\x00>\x00") == "<p>"
    # A label Python does not know, and bytes that are not what they claim: fallback.
    assert decode_html(b'<meta charset="x-nonsense"><p>caf\xe9</p>') == (
        '<meta charset="x-nonsense"><p>café</p>'
    )
    assert (
        decode_html(b'<meta charset="utf-8"><p>caf\xe9</p>') == '<meta charset="utf-8"><p>café</p>'
    )


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html><body></body></html>",
        "<html><head><title>Only a title</title></head><body><script>x()</script></body></html>",
        b"\x00\x01\xff",
    ],
)
def test_a_page_with_no_text_gives_an_empty_article_with_a_note(html: str | bytes) -> None:
    article = newsclean.clean_html(html)
    assert (article.text, article.changes, article.note) == ("", (), NO_TEXT)
    check_invariants(article)


def test_a_page_of_cruft_only_is_emptied_by_changes_not_by_a_note() -> None:
    article = newsclean.clean_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert (article.original, article.text, article.note) == ("Home ", "", None)
    assert [(c.pass_name, c.reason) for c in article.changes] == [
        ("strip_cruft_lines", "cruft: navigation label"),
        ("normalize_whitespace", "whitespace at the start or end of the text"),
    ]


def test_options_pass_through_and_unknown_ones_are_named() -> None:
    html = _page(f"<h1>Brücken</h1><p>{PROSE}</p><p>Kiel hat 12 Mio. Euro Baukosten geplant.</p>")
    assert "Kiel" in newsclean.clean_html(html).text
    assert newsclean.clean_html(html, prune_xpath="//p[contains(., 'Kiel')]").text == PROSE
    with pytest.raises(TypeError, match=r"unknown trafilatura option.*include_tabels"):
        newsclean.clean_html(html, include_tabels=True)
    with pytest.raises(TypeError, match=r"unknown trafilatura option.*output_format"):
        newsclean.clean_html(html, output_format="xml")
    with pytest.raises(TypeError, match="takes the page as str or bytes, not int"):
        newsclean.clean_html(7)  # type: ignore[arg-type]


def test_without_the_extra_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ImportError, match=r"pip install 'newsclean\[html\]'"):
        newsclean.clean_html("<html></html>")


@pytest.mark.parametrize(
    ("start", "html"),
    [
        ("<!doctype html><p>x", True),
        ("\ufeff  <!-- saved page -->\n<HTML lang=en>", True),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
        ("<meta charset=utf-8><p>x", True),
        ("Harbour bridge reopens\n\n<html> is a tag", False),
        ("<p>a fragment</p>", False),
        ("", False),
    ],
)
def test_looks_like_html(start: str, html: bool) -> None:
    assert looks_like_html(start) is html
    assert looks_like_html(start.encode()) is html


def test_a_utf16_page_is_told_as_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "u16.html"
    page.write_bytes(PAGE.read_text(encoding="utf-8").encode("utf-16"))  # with its BOM
    assert main(["clean", str(page)]) == 0
    assert capsys.readouterr().out == "\n\n".join(PARAGRAPHS) + "\n"


@pytest.mark.parametrize("label", ["hex", "rot13", "base64", "zlib", "undefined", "no-such"])
def test_a_charset_that_is_not_a_text_encoding_falls_back(label: str) -> None:
    page = f'<meta charset="{label}"><p>caf\xe9</p>'.encode("latin-1")
    assert decode_html(page) == f'<meta charset="{label}"><p>café</p>'


@pytest.mark.parametrize(
    ("label", "codec", "text"),
    [
        ("gb2312", "gbk", "朱镕基"),  # GBK characters under a GB2312 label
        ("euc-kr", "cp949", "똠방각하"),
        ("iso-8859-9", "cp1254", "“Türkçe”"),
        ("shift_jis", "cp932", "①ｱ"),
    ],
)
def test_a_label_means_what_it_means_in_browsers(label: str, codec: str, text: str) -> None:
    page = f'<meta charset="{label}"><p>{text}</p>'
    assert decode_html(page.encode(codec)) == page


def test_the_cli_cleans_an_html_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(PAGE)]) == 0
    assert capsys.readouterr().out == "\n\n".join(PARAGRAPHS) + "\n"
    # --text takes the file as it is: markup and all.
    assert main(["clean", "--text", str(PAGE)]) == 0
    assert '<meta property="og:site_name" content="Coastal Courier">' in capsys.readouterr().out


def test_the_cli_html_flag_and_an_empty_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "fragment.html"
    page.write_text(f"<p>Brücken</p>\n<p>{PROSE}</p>", encoding="utf-8")
    assert main(["clean", "--json", str(page)]) == 0  # a fragment is not told as HTML
    assert json.loads(capsys.readouterr().out)["original"] == f"<p>Brücken</p>\n<p>{PROSE}</p>"
    assert main(["clean", "--html", str(page)]) == 0
    assert capsys.readouterr().out == f"Brücken\n\n{PROSE}\n"
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body></body></html>", encoding="utf-8")
    assert main(["clean", str(empty)]) == 0
    assert capsys.readouterr() == ("", f"newsclean: {NO_TEXT}\n")


def test_the_cli_without_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    assert main(["clean", str(PAGE)]) == 2
    assert "pip install 'newsclean[html]'" in capsys.readouterr().err


def test_the_docs_example_prints_what_its_comments_say(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import trafilatura

    root = Path(__file__).parent.parent
    doc = (root / "docs" / "html.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", doc, re.DOTALL)
    monkeypatch.chdir(root)
    exec(block, {})
    assert capsys.readouterr().out.splitlines() == [
        HEADLINE,
        "Maria Lindqvist 2026-03-14 Coastal Courier",
        f"trafilatura {trafilatura.__version__}",
        "The harbour bridge reopened to traffic o",
        "extract_headline repeat of the headline",
        "strip_cruft_lines cruft: link to another article",
        "strip_cruft_lines cruft: navigation label",
    ]


TAGS = ["p", "h1", "h2", "div", "article", "nav", "footer", "li", "script", "table"]
PIECES = st.one_of(
    st.sampled_from([*PARAGRAPHS, "Read More", "Also Read: Rates rise again", "&amp;", "Â©"]),
    st.text(max_size=40),
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Pages of random tags around fixture prose, cruft and arbitrary text."""
    body = "".join(
        f"<{tag}>{html.escape(piece) if escape else piece}</{tag}>"
        for tag, piece, escape in draw(
            st.lists(st.tuples(st.sampled_from(TAGS), PIECES, st.booleans()), max_size=12)
        )
    )
    return (
        f"<!DOCTYPE html><html><head><title>{draw(PIECES)}</title></head><body>{body}</body></html>"
    )


@given(html_pages(), st.sampled_from(["utf-8", "cp1252", "utf-16", None]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_page_gives_an_article_that_keeps_the_invariants(page: str, codec: str | None) -> None:
    data = page if codec is None else page.encode(codec, "replace")
    article = newsclean.clean_html(data)
    check_invariants(article)
    assert (article.note is None) == bool(article.original.strip())
