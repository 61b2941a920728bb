"""The review page (``Article.to_html``, ``newsclean explain --html``), read back with
``html.parser``: every change is one marked element in place, listed once, with its
pass and reason; flags are marked; all text is escaped. Then the seed page's review
is rendered in headless Chromium and its screenshot checked not to be blank.
"""

from __future__ import annotations

import collections
import re
import shutil
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import newsclean
from html_tree import Node, parse, png_pixels
from newsclean import Article, Edit, Pipeline, cli
from newsclean.article import METADATA_FIELDS
from newsclean.edits import apply_records
from newsclean.pipeline import Document
from newsclean.review import (
    CSS,
    html_document,
    review_fragment,
    review_page,
    text_starts,
    to_original,
)

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed" / "iran-mek.txt"
PAGES = [SEED, *sorted((FIXTURES / "pages").glob("*.txt"))[:8]]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def review_of(path: Path) -> tuple[Article, Node]:
    article = newsclean.clean(path.read_bytes(), url=f"https://example.org/{path.stem}")
    return article, parse(article.to_html())


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.stem)
def test_every_change_is_one_marked_element_in_place(path: Path) -> None:
    article, tree = review_of(path)
    original = tree.find("pre", "nc-original")
    marked = original.find_all(cls="change")
    assert [
        (node.attrs["id"], node.attrs["data-pass"], node.attrs["data-reason"], node.attrs["title"])
        for node in marked
    ] == [
        (f"change-{n}", c.pass_name, c.reason, f"{n}. {c.pass_name}: {c.reason}")
        for n, c in enumerate(article.changes, 1)
    ]
    for node, change in zip(marked, article.changes, strict=True):
        assert f"pass-{change.pass_name}" in node.classes
        assert (node.attrs["data-start"], node.attrs["data-end"]) == (
            str(change.start),
            str(change.end),
        )
        assert (node.decoded(keep="del"), node.decoded(keep="ins")) == (
            change.removed,
            change.replacement,
        )
    # In place: read without the insertions it is the original, without the deletions the text.
    assert original.decoded(keep="del") == article.original
    assert original.decoded(keep="ins") == article.text


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.stem)
def test_the_side_list_has_one_entry_per_change_linking_to_it(path: Path) -> None:
    article, tree = review_of(path)
    items = tree.find("ol", "nc-list").find_all("li")
    assert [
        (item.find("a").attrs["href"], item.find("a").text(), item.find(cls="nc-reason").text())
        for item in items
    ] == [(f"#change-{n}", c.pass_name, c.reason) for n, c in enumerate(article.changes, 1)]


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.stem)
def test_ids_are_unique_and_every_link_inside_the_page_has_a_target(path: Path) -> None:
    _article, tree = review_of(path)
    ids = [node.attrs["id"] for node in tree.iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids))
    targets = [a.attrs["href"][1:] for a in tree.find_all("a") if a.attrs["href"][:1] == "#"]
    assert set(targets) <= set(ids)


ALL_PAGES = [SEED, *sorted((FIXTURES / "pages").glob("*.txt"))]


@pytest.mark.parametrize("path", ALL_PAGES, ids=lambda path: path.stem)
def test_every_paragraph_maps_onto_a_span_of_the_original_that_cuts_no_change(
    path: Path,
) -> None:
    article = newsclean.clean(path.read_bytes())
    records, starts, position = article.records, text_starts(article.records), 0
    for paragraph in article.paragraphs:
        begin = to_original(records, position, start=True, starts=starts)
        end = to_original(records, position + len(paragraph), start=False, starts=starts)
        assert (begin, end) == (
            to_original(records, position, start=True),
            to_original(records, position + len(paragraph), start=False),
        )
        inside = [
            (s - begin, e - begin, *rest) for s, e, *rest in records if begin <= s <= e <= end
        ]
        cut = [r for r in records if r[0] < begin < r[1] or r[0] < end < r[1]]
        assert (cut, apply_records(article.original[begin:end], inside)) == ([], paragraph)
        position += len(paragraph) + 2


def test_flags_are_marked_in_the_original_and_in_the_clean_text() -> None:
    article, tree = review_of(SEED)
    assert [f.kind for f in article.flags] == ["caption", "caption"]
    in_original = tree.find("pre", "nc-original").find_all(cls="flag")
    in_clean = tree.find("div", "nc-clean").find_all(cls="flag")
    for nodes, element in ((in_original, "flag"), (in_clean, "p")):
        assert [
            (node.attrs["id"], node.attrs["data-label"], node.decoded(keep="ins")) for node in nodes
        ] == [(f"{element}-{f.paragraph}", f"{f.kind} 0.5", f.text) for f in article.flags]
        assert all(f"flag-{f.kind}" in n.classes for n, f in zip(nodes, article.flags, strict=True))
    paragraphs = tree.find("div", "nc-clean").find_all("p")
    assert [p.text() for p in paragraphs] == list(article.paragraphs)


def test_the_header_counts_changes_and_characters_per_pass() -> None:
    article, tree = review_of(SEED)
    header = tree.find("header")
    assert header.find("h1").text() == article.title
    assert "https://example.org/iran-mek" in header.find(cls="nc-meta").text()
    assert "language: en" in header.find(cls="nc-meta").text()
    rows = [
        [cell.text() for cell in row.find_all() if cell.tag in ("td", "th")]
        for row in header.find("table").find_all("tr")
    ]
    assert rows == [
        ["pass", "changes", "characters removed", "characters inserted"],
        ["normalize_whitespace", "12", "44", "21"],
        ["strip_cruft_lines", "4", "163", "0"],
        ["extract_headline", "3", "255", "0"],
        ["strip_injected_phrases", "2", "32", "0"],
        ["all passes", "21", "494", "21"],
    ]
    removed = collections.Counter[str]()
    for change in article.changes:
        removed[change.pass_name] += len(change.removed)
    assert {row[0]: int(row[2]) for row in rows[1:-1]} == removed
    assert "2,666 characters in, 2,193 out (17.7% removed); 21 changes" in header.text()


def inject(document: Document) -> list[Edit]:
    """A pass that inserts markup, replaces a word and says so with markup in its reasons."""
    at = document.text.index("fell")
    return [
        Edit(0, 0, "<script>alert('in')</script> ", "inserted <b>\"bold\"</b> & 'quoted'"),
        Edit(at, at + 4, "<i>fell</i>", "replaced </span><script>x</script>"),
    ]


def test_everything_is_escaped_and_no_script_element_exists() -> None:
    text = (
        "Storm <script>alert(1)</script> hits\n\nRain fell on <b>the</b> town & the\xa0coast."
        "\n\nRead More\n\n<script>document.write('x')</script>"
    )
    pipeline = Pipeline.default().insert_after("strip_injected_phrases", inject)
    article = newsclean.clean(text, url="javascript:alert(1)", pipeline=pipeline)
    page = article.to_html()
    tree = parse(page)
    assert [node for node in tree.iter() if node.tag in ("script", "b", "i")] == []
    assert "<script" not in page.replace("&lt;script", "")
    original = tree.find("pre", "nc-original")
    assert original.decoded(keep="del") == text
    assert original.decoded(keep="ins") == article.text
    assert tree.find("h1").text() == "Storm <script>alert(1)</script> hits"
    assert [
        (n.attrs["data-pass"], n.attrs["data-reason"]) for n in original.find_all(cls="change")
    ] == [(c.pass_name, c.reason) for c in article.changes]
    assert "inject" in {c.pass_name for c in article.changes}
    assert all(not a.attrs["href"].startswith("javascript") for a in tree.find_all("a"))
    assert "javascript:alert(1)" in tree.find(cls="nc-meta").text()


def test_a_pure_insertion_and_a_replacement_are_one_element_each() -> None:
    pipeline = Pipeline.default().insert_after("strip_injected_phrases", inject)
    article = newsclean.clean("Rain fell all night over the hills.", pipeline=pipeline)
    inserted, replaced = parse(article.to_html()).find("pre").find_all(cls="change")
    assert [child.tag for child in inserted.children if isinstance(child, Node)] == ["ins"]
    assert [child.tag for child in replaced.children if isinstance(child, Node)] == ["del", "ins"]
    assert (replaced.find("del").text(), replaced.find("ins").text()) == ("fell", "<i>fell</i>")


def test_an_empty_article_and_an_article_without_changes() -> None:
    empty = parse(newsclean.clean("").to_html())
    assert empty.find(cls="nc-empty").text() == "no title"
    assert empty.find_all(cls="change") == []
    plain = newsclean.clean("Just one line of text, which is kept as it is.", title="Given")
    tree = parse(plain.to_html())
    assert tree.find("pre").text() == plain.original
    assert "No changes" in tree.find("aside").text()


def test_extractor_metadata_is_shown_when_present() -> None:
    article = attrs.evolve(
        newsclean.clean(SEED.read_bytes()), author="Jane <Doe>", site_name="NCRI", note=None
    )
    meta = parse(article.to_html()).find(cls="nc-meta").text()
    assert "author: Jane <Doe>" in meta
    assert "site name: NCRI" in meta
    assert "note:" not in meta


def test_the_metadata_fields_are_one_public_constant_of_article_fields() -> None:
    assert METADATA_FIELDS == ("extractor", "author", "date", "site_name", "note")
    assert set(METADATA_FIELDS) <= set(attrs.fields_dict(Article))
    article = attrs.evolve(newsclean.clean("Rain."), **dict.fromkeys(METADATA_FIELDS, "<x>"))
    assert [span.text() for span in parse(article.to_html()).find(cls="nc-meta").children] == [
        "language: unknown",
        *(f"{name.replace('_', ' ')}: <x>" for name in METADATA_FIELDS),
        f"newsclean {article.version}",
    ]


def test_one_change_and_one_paragraph_are_singular_in_the_header() -> None:
    article = newsclean.clean("Storm hits\n\nRain fell.")
    assert parse(article.to_html()).find("p", "nc-summary").text() == (
        "22 characters in, 10 out (54.5% removed); 1 change; 1 paragraph, 0 flagged"
    )


def test_lone_surrogates_become_character_references_so_the_page_encodes_as_utf_8(
    tmp_path: Path,
) -> None:
    pipeline = Pipeline.default().disable("repair_unicode")
    article = newsclean.clean("Rain \ud800 fell.", title="Storm \udcff", pipeline=pipeline)
    assert (article.text, article.records) == ("Rain \ud800 fell.", ())
    page, fragment = article.to_html(), article._repr_html_()
    for review in (page, fragment):
        assert '<h1 class="nc-title">Storm &#56575;</h1>' in review
        assert '<pre class="nc-original">Rain &#55296; fell.</pre>' in review
        assert '<p id="p-0">Rain &#55296; fell.</p>' in review
    assert "<title>newsclean review: Storm &#56575;</title>" in page
    (tmp_path / "review.html").write_text(page, encoding="utf-8")  # the docs' example
    assert (tmp_path / "review.html").read_text(encoding="utf-8") == page
    assert html_document("\ud800", "<p>\udfff</p>").endswith(
        "<title>&#55296;</title><style>body { margin: 0; background: #fff; }"
        + CSS
        + "</style></head><body><p>&#57343;</p></body></html>\n"
    )


@pytest.mark.parametrize("prefix", ['x" onclick="alert(1)', "p 1", "p1>", "é"])
def test_an_id_prefix_that_is_not_safe_in_an_id_is_refused(prefix: str) -> None:
    article = newsclean.clean("Storm hits\n\nRain fell.")
    with pytest.raises(ValueError) as error:
        review_fragment(article, id_prefix=prefix)
    assert str(error.value) == f"id_prefix may hold only A-Z, a-z, 0-9, _ and -: {prefix!r}"


def test_a_safe_id_prefix_starts_every_id_and_link() -> None:
    tree = parse(review_fragment(newsclean.clean("Storm hits\n\nRain fell."), id_prefix="p-7_"))
    ids = [node.attrs["id"] for node in tree.iter() if "id" in node.attrs]
    links = [a.attrs["href"] for a in tree.find_all("a")]
    assert (ids, links) == (["p-7_change-1", "p-7_item-1", "p-7_p-0"], ["#p-7_change-1"])


def test_jupyter_gets_a_fragment_with_its_css_scoped() -> None:
    article = newsclean.clean(SEED.read_bytes())
    fragment = article._repr_html_()
    assert fragment == review_fragment(article)
    assert fragment.startswith('<div class="newsclean-review"><style>')
    assert "<html" not in fragment
    style = parse(fragment).find("style").text()
    rules = [rule.strip() for rule in style.split("}") if "{" in rule]
    selectors = [rule.split("{")[0].strip() for rule in rules if not rule.startswith("@")]
    assert all(s.startswith(".newsclean-review") for s in selectors if s), selectors
    assert article.to_html() == review_page(article)
    assert article.to_html().startswith("<!DOCTYPE html>")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean.cli", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_explain_html_writes_the_review_to_stdout_or_a_file(tmp_path: Path) -> None:
    expected = newsclean.clean(SEED.read_bytes()).to_html()
    result = run_cli("explain", "--html", str(SEED))
    assert (result.returncode, result.stderr, result.stdout) == (0, "", expected)
    result = run_cli("explain", "--html", str(SEED), "-o", str(tmp_path / "review.html"))
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "")
    assert (tmp_path / "review.html").read_text(encoding="utf-8") == expected


def test_explain_output_without_html_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["explain", str(SEED), "-o", str(tmp_path / "review.html")])
    assert (status, *capsys.readouterr()) == (2, "", "newsclean: error: -o/--output needs --html\n")
    assert not (tmp_path / "review.html").exists()


def test_explain_html_to_an_unwritable_place_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = run_cli("explain", "--html", str(SEED), "-o", str(tmp_path / "no" / "r.html"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("newsclean: error: cannot write")
    assert result.stderr.count("\n") == 1


def screenshot(page: Path, png: Path, profile: Path) -> None:
    subprocess.run(
        [
            *(CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu"),
            *("--disable-quic", "--no-first-run", "--disable-background-networking"),
            *("--disable-component-update", "--disable-sync", "--hide-scrollbars"),
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            "--window-size=1280,1600",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (Debian: apt-get install -y chromium; .ci/run does it)",
)
def test_chromium_renders_the_seed_review_and_it_is_not_blank(tmp_path: Path) -> None:
    page = tmp_path / "review.html"
    page.write_text(newsclean.clean(SEED.read_bytes()).to_html(), encoding="utf-8")
    png = tmp_path / "review.png"
    screenshot(page, png, tmp_path / "profile")
    width, height, rows = png_pixels(png.read_bytes())
    assert (width, height) == (1280, 1600)
    step = len(rows[0]) // width
    pixels = [row[x : x + 3] for row in rows[::4] for x in range(0, len(row), step * 4)]
    colours = collections.Counter(pixels)
    not_white = sum(n for colour, n in colours.items() if min(colour) < 235)
    assert len(colours) > 200, "too few colours: the page looks blank"
    assert not_white / len(pixels) > 0.04, f"only {not_white / len(pixels):.1%} not white"
    # The colours of the passes with changes on this page are drawn.
    for strong in ("#3b6ea5", "#c8383b", "#2f8f89"):
        assert bytes.fromhex(strong[1:]) in colours, strong


def test_the_python_example_of_docs_review_md_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = (Path(__file__).parent.parent / "docs" / "review.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```python\n(.*?)```", doc, re.DOTALL)
    monkeypatch.chdir(tmp_path)
    exec(block, {"scraped_text": SEED.read_text(encoding="utf-8")})
    written = (tmp_path / "review.html").read_text(encoding="utf-8")
    assert written == newsclean.clean(SEED.read_text(encoding="utf-8")).to_html()
