"""``newsclean report``, on real batch outputs made by ``newsclean batch`` from the
fixture pages, read back with ``html.parser``: pages, counts per pass, the histogram,
the top pages and their reviews (whose original must be the page that went in)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from html_tree import Node, parse
from newsclean import cli
from newsclean.edits import apply_records
from newsclean.report import article_from_record, original_from_changes

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [FIXTURES / "seed" / "iran-mek.txt", *sorted((FIXTURES / "pages").glob("*.txt"))]
BAD_LINES = [b'{"id": "no-text", "body": "x"}\n', b"not json\n"]


def write_pages(path: Path) -> dict[str, str]:
    """The fixture pages as JSON Lines, with two bad records; returns text by id."""
    texts = {page.stem: page.read_text(encoding="utf-8") for page in PAGES}
    with open(path, "wb") as file:
        for number, (name, text) in enumerate(texts.items()):
            record: dict[str, Any] = {"id": name, "text": text}
            if number % 2:
                record["url"] = f"https://example.org/{name}"
            if number == 3:
                record["note"] = "a lone surrogate \ud800 is carried through"
            file.write(json.dumps(record).encode() + b"\n")
            if number == 5:
                file.writelines(BAD_LINES)
    return texts


def run_batch(folder: Path, name: str, *options: str) -> tuple[Path, Path, dict[str, str]]:
    """Run ``newsclean batch`` on the fixture pages; the output, its summary, the texts."""
    texts = write_pages(folder / "pages.jsonl")
    out, summary = folder / name, folder / "summary.json"
    status = cli.main(
        [
            *("batch", str(folder / "pages.jsonl"), "-o", str(out), "--workers", "1", "-q"),
            *("--summary-json", str(summary), *options),
        ]
    )
    assert status == 0
    return out, summary, texts


def read_output(path: Path) -> list[dict[str, Any]]:
    data = path.read_bytes()
    if path.suffix == ".zst":
        data = zstandard.ZstdDecompressor().stream_reader(data).read()
    elif path.suffix == ".gz":
        import gzip

        data = gzip.decompress(data)
    return [json.loads(line) for line in data.splitlines()]


def report(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    capsys.readouterr()  # what batch said about its bad records
    status = cli.main(["report", *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def cells(table: Node) -> list[list[str]]:
    return [
        [cell.text() for cell in row.find_all() if cell.tag in ("td", "th")]
        for row in table.find_all("tr")
    ]


def removed(record: dict[str, Any]) -> int:
    return sum(len(c["removed"]) - len(c["replacement"]) for c in record["changes"])


@pytest.mark.parametrize("name", ["out.jsonl", "out.jsonl.gz", "out.jsonl.zst"])
def test_the_report_on_a_batch_output(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out, summary, texts = run_batch(tmp_path, name)
    records = read_output(out)
    html_path = tmp_path / "report.html"
    assert report(str(out), "-o", str(html_path), "--summary", str(summary), capsys=capsys) == (
        0,
        "",
        "",
    )
    tree = parse(html_path.read_text(encoding="utf-8"))
    overview = " ".join(p.text() for p in tree.find_all("p", "nc-summary"))
    assert f"{len(PAGES)} pages in {out}." in overview
    assert "2 bad records left out of the output (missing_text 1, invalid_json 1)." in (
        tree.find(cls="nc-bad").text()
    )

    totals: dict[str, list[int]] = {}
    for record in records:
        for change in record["changes"]:
            total = totals.setdefault(change["pass"], [0, 0, 0])
            total[0] += 1
            total[1] += len(change["removed"])
            total[2] += len(change["replacement"])
    table = cells(tree.find("table", "nc-passes"))
    assert {row[0]: [int(n.replace(",", "")) for n in row[1:]] for row in table[1:-1]} == totals

    histogram = tree.find("svg", "nc-histogram")
    bars = [int(rect.find("title").text().split()[0]) for rect in histogram.find_all("rect")]
    assert (len(bars), sum(bars)) == (10, len(PAGES))

    def rank(n: int) -> tuple[int, float, int]:  # most removed, then largest share, then first
        size = len(texts[records[n]["id"]])
        return (-removed(records[n]), -removed(records[n]) / size, n)

    by_removal = sorted(range(len(records)), key=rank)
    top = cells(tree.find("table", "nc-top"))[1:]
    assert [(row[1], int(row[4].replace(",", ""))) for row in top] == [
        (records[n]["id"], removed(records[n])) for n in by_removal[:20]
    ]
    sections = {section.attrs["id"]: section for section in tree.find_all("section", "nc-page")}
    links = [
        row.find("a").attrs["href"][1:] for row in tree.find("table", "nc-top").find_all("tr")[1:]
    ]
    assert list(sections) == links
    for link, n in zip(links, by_removal, strict=False):
        record, section = records[n], sections[link]
        review = section.find("div", "newsclean-review")
        original = review.find("pre", "nc-original")
        assert len(original.find_all(cls="change")) == len(record["changes"])
        assert original.decoded(keep="del") == texts[record["id"]]
        assert original.decoded(keep="ins") == record["text"]
        ids = {node.attrs["id"] for node in review.iter() if "id" in node.attrs}
        assert all(i.startswith(link.replace("page-", "p") + "-") for i in ids)


def test_records_give_back_the_page_that_went_in(tmp_path: Path) -> None:
    out, _summary, texts = run_batch(tmp_path, "out.jsonl")
    for record in read_output(out):
        article = article_from_record(record)
        assert article is not None
        assert article.original == texts[record["id"]]
        assert apply_records(article.original, article.records) == record["text"]
        assert list(article.paragraphs) == record["paragraphs"]
        assert article.change_dicts() == record["changes"]


def test_top_limits_the_reviews_and_stdout_is_the_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _summary, _texts = run_batch(tmp_path, "out.jsonl")
    status, page, error = report(str(out), "--top", "3", capsys=capsys)
    assert (status, error) == (0, "")
    tree = parse(page)
    assert len(tree.find_all("section", "nc-page")) == 3
    assert tree.find("h2", None).text() == "Changes per pass"
    assert "The 3 pages with the most characters removed" in page
    assert "bad records" not in page


def test_records_without_changes_are_counted_and_the_report_says_how_to_get_reviews(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _summary, _texts = run_batch(tmp_path, "out.jsonl", "--no-changes")
    status, page, _error = report(str(out), capsys=capsys)
    tree = parse(page)
    assert status == 0
    assert tree.find_all("section", "nc-page") == []
    overview = " ".join(p.text() for p in tree.find_all("p", "nc-summary"))
    assert f"{len(PAGES)} pages have no changes list (written with --no-changes)" in overview
    assert "without --no-changes" in tree.find("p", "nc-note").text()


def test_the_installed_command_in_a_subprocess(tmp_path: Path) -> None:
    out, _summary, _texts = run_batch(tmp_path, "out.jsonl.gz")
    result = subprocess.run(
        [sys.executable, "-m", "newsclean.cli", "report", str(out), "-o", "-", "--top", "1"],
        capture_output=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.startswith(b"<!DOCTYPE html>")
    assert len(parse(result.stdout.decode()).find_all("section", "nc-page")) == 1


def bad_output(folder: Path) -> dict[str, Path]:
    """Files that are not batch outputs, by what is wrong with them."""
    article = {"title": "T", "text": "Rain.", "paragraphs": ["Rain."]}
    change = {"pass": "p", "reason": "r", "start": 0, "end": 3, "removed": "T\n\n"}
    wrong = {
        "input.jsonl": b'{"id": 1, "text": "a page, not cleaned"}\n',
        "not-json.jsonl": json.dumps(article).encode() + b"\n{oops\n",
        "array.jsonl": b"[1, 2]\n",
        "misfit.jsonl": json.dumps(
            {**article, "changes": [{**change, "replacement": "X"}]}
        ).encode(),
        "bad-change.jsonl": json.dumps({**article, "changes": [{"start": 0}]}).encode(),
    }
    for name, data in wrong.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in wrong}


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.jsonl", "cannot read '{path}': No such file or directory"),
        (
            "input.jsonl",
            "line 1 of '{path}': not a newsclean batch output record (no 'title',"
            " 'paragraphs' field); run newsclean batch first",
        ),
        ("not-json.jsonl", "line 2 of '{path}': not JSON ("),
        ("array.jsonl", "line 1 of '{path}': not a JSON object; expected newsclean batch output"),
        (
            "misfit.jsonl",
            "line 1 of '{path}': not a newsclean batch output record (the change at"
            " 0 does not fit the text)",
        ),
        (
            "bad-change.jsonl",
            "line 1 of '{path}': not a newsclean batch output record (a change has no 'end' field)",
        ),
        (".", "'{path}' is a directory; name a batch output file"),
    ],
)
def test_errors_are_one_line_and_status_2(
    tmp_path: Path, name: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad_output(tmp_path)
    path = tmp_path / name if name != "." else tmp_path
    status, out, error = report(str(path), "-o", str(tmp_path / "r.html"), capsys=capsys)
    assert (status, out) == (2, "")
    assert error.startswith("newsclean: error: " + message.format(path=path))
    assert error.count("\n") == 1
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "CRAWL.WARC.GZ"])
def test_a_warc_file_is_refused_with_what_to_do(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / name
    with open(path, "wb") as file:
        writer = WARCWriter(file, gzip=name.lower().endswith(".gz"))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        page = io.BytesIO(b"<html><body><p>Rain fell.</p></body></html>")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/", "response", payload=page, http_headers=headers
            )
        )
    assert report(str(path), capsys=capsys) == (
        2,
        "",
        f"newsclean: error: '{path}' is a WARC file: run newsclean batch on it first,"
        " then report on its output\n",
    )


def write_summary(path: Path, listed: list[dict[str, Any]], kinds: dict[str, int]) -> None:
    summary = {"bad_records": len(listed), "bad_records_by_kind": kinds}
    path.write_text(json.dumps({**summary, "listed_bad_records": listed}), encoding="utf-8")


def test_bad_records_are_described_as_the_batch_describes_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _summary, _texts = run_batch(tmp_path, "out.jsonl")
    listed = [
        {
            "line": 5,
            "id": "<urn:uuid:1>",
            "kind": "clean_failed",
            "message": "boom",
            "unit": "record",
        },
        {"line": None, "id": "page.txt", "kind": "clean_failed", "message": "bang", "unit": "line"},
        {"line": 8, "id": None, "kind": "invalid_json", "message": "not JSON"},  # no unit: older
    ]
    write_summary(tmp_path / "warc.json", listed[:1], {"clean_failed": 1})
    write_summary(tmp_path / "mixed.json", listed, {"clean_failed": 2, "invalid_json": 1})
    _status, page, _error = report(
        str(out), "--summary", str(tmp_path / "warc.json"), capsys=capsys
    )
    tree = parse(page)
    assert (
        tree.find("p", "nc-bad").text() == "1 bad record left out of the output (clean_failed 1)."
    )
    assert [li.text() for li in tree.find("ul").find_all("li")] == [
        "record 5 (id '<urn:uuid:1>'): boom"
    ]
    _status, page, _error = report(
        str(out), "--summary", str(tmp_path / "mixed.json"), capsys=capsys
    )
    tree = parse(page)
    assert tree.find("p", "nc-bad").text() == (
        "3 bad records left out of the output (clean_failed 2, invalid_json 1)."
    )
    assert [li.text() for li in tree.find("ul").find_all("li")] == [
        "record 5 (id '<urn:uuid:1>'): boom",
        "file 'page.txt': bang",
        "line 8: not JSON",
    ]


def test_one_page_without_changes_is_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {"title": None, "text": "x", "paragraphs": ["x"]}
    (tmp_path / "out.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    _status, page, _error = report(str(tmp_path / "out.jsonl"), capsys=capsys)
    assert [p.text() for p in parse(page).find_all("p", "nc-summary")] == [
        f"1 page in {tmp_path / 'out.jsonl'}.",
        "1 page has no changes list (written with --no-changes): counted here, but not"
        " measured or reviewed; run newsclean batch IN -o OUT without --no-changes"
        " to get the full records.",
    ]


def test_a_record_gives_its_metadata_fields_when_they_are_strings() -> None:
    record = {"title": 7, "text": "Rain.", "paragraphs": ["Rain."], "changes": []}
    article = article_from_record({**record, "author": "Jane", "date": 2024, "note": None})
    assert article is not None
    assert (article.title, article.extractor, article.author, article.date, article.note) == (
        None,
        None,
        "Jane",
        None,
        None,
    )


def test_a_bad_summary_file_is_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, _summary, _texts = run_batch(tmp_path, "out.jsonl")
    status, _out, error = report(str(out), "--summary", str(out), capsys=capsys)
    assert (status, error) == (
        2,
        f"newsclean: error: '{out}' is not a batch summary (newsclean batch --summary-json FILE)\n",
    )


def test_original_from_changes_refuses_changes_that_do_not_fit() -> None:
    change = {"start": 0, "end": 2, "removed": "ab", "replacement": "zz"}
    with pytest.raises(ValueError, match=re.escape("the change at 0 does not fit the text")):
        original_from_changes("xy", [change])
    with pytest.raises(ValueError, match="overlap"):
        original_from_changes("zz", [change, change])
    assert original_from_changes("zz!", [change]) == "ab!"


def test_a_page_that_grew_counts_in_the_lowest_bar(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change = {"pass": "p", "reason": "r", "start": 1, "end": 2, "removed": "\n"}
    record = {"title": None, "text": "x\n\ny", "paragraphs": ["x", "y"]}
    record["changes"] = [{**change, "replacement": "\n\n"}]
    (tmp_path / "out.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    status, page, _error = report(str(tmp_path / "out.jsonl"), capsys=capsys)
    tree = parse(page)
    bars = [rect.find("title").text() for rect in tree.find("svg").find_all("rect")]
    assert (status, bars[0]) == (0, "1 page: 0–10 % removed")
    assert tree.find_all("h2")[2].text() == "The 1 page with the most characters removed"
    assert cells(tree.find("table", "nc-top"))[1][1:] == ["line 1", "", "3", "-1", "-33.3%"]
