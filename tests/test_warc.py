"""HTML pages in a batch: ``--html-field`` for JSON Lines, and WARC files built with warcio.

Every output record is checked against ``newsclean.clean_html`` on the same page.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import batch, cli

pytest.importorskip("trafilatura", reason="HTML pages need the html extra (trafilatura)")
pytest.importorskip("warcio", reason="WARC files need the warc extra (warcio)")

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_PAGES = sorted((FIXTURES / "pages").glob("*.txt"))[:6]
HARBOUR = (FIXTURES / "html" / "harbour-bridge.html").read_bytes()


def as_html(text: str, charset: str = "utf-8") -> bytes:
    """A fixture text as an HTML page: its first line the <h1>, every other line a <p>."""
    first, *rest = [line for line in text.splitlines() if line.strip()]
    body = "".join(f"<p>{html.escape(line)}</p>" for line in rest)
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{html.escape(first)}'
        f"</title></head><body><article><h1>{html.escape(first)}</h1>{body}</article></body></html>"
    )
    return page.encode(charset, "xmlcharrefreplace")


def html_pages() -> list[tuple[str, bytes]]:
    """(url, HTML bytes) for the harbour page and the first fixture text pages."""
    pages = [("https://courier.example/harbour", HARBOUR)]
    for number, path in enumerate(TEXT_PAGES):
        charset = "windows-1252" if number == 2 else "utf-8"
        pages.append((f"https://news.example/{path.stem}", as_html(path.read_text(), charset)))
    return pages


def expected(url: str, page: str | bytes, charset: str | None) -> dict[str, Any]:
    article = newsclean.clean_html(page, url=url, encoding=charset)
    return {
        "title": article.title,
        "text": article.text,
        "paragraphs": list(article.paragraphs),
        "changes": article.change_dicts(),
        "author": article.author,
        "date": article.date,
        "site_name": article.site_name,
        "extractor": article.extractor,
        "note": article.note,
    }


def write_warc(path: Path, compress: bool) -> list[dict[str, Any]]:
    """A crawl of the HTML pages among records that are not pages; returns the expected
    output records, in order."""
    outputs = []
    with open(path, "wb") as file:
        writer = WARCWriter(file, gzip=compress)
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tests"}))
        for number, (url, page) in enumerate(html_pages()):
            charset = "windows-1252" if b'charset="windows-1252"' in page else None
            content_type = "text/html" + (f"; charset={charset}" if charset else "")
            body, encoding = page, []
            if number == 1:  # served gzipped: the reader must undo the content encoding
                body, encoding = gzip.compress(page), [("Content-Encoding", "gzip")]
            request = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
            )
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", content_type), *encoding], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
            out = {
                "url": url,
                "warc_record_id": record.rec_headers.get_header("WARC-Record-ID"),
                "warc_date": record.rec_headers.get_header("WARC-Date"),
            }
            outputs.append(out | expected(url, page, charset))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n"),
                http_headers=image,
            )
        )
    return outputs


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc.gz", True), ("crawl.warc", False)])
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_warc_file_gives_one_record_per_html_page(
    tmp_path: Path, name: str, compress: bool, workers: str
) -> None:
    warc = tmp_path / name
    wanted = write_warc(warc, compress)
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    argv = ["batch", str(warc), "-o", str(out), "--workers", workers, "-q"]
    assert cli.main([*argv, "--summary-json", str(summary)]) == 0
    assert read_jsonl(out) == wanted
    assert wanted[0]["title"] == "Harbour bridge reopens after three months of repairs"
    counts = json.loads(summary.read_text())
    assert (counts["pages"], counts["bad_records"]) == (len(wanted), 0)
    assert counts["skipped_by_kind"] == {
        "warcinfo": 1,
        "request": len(wanted),
        "response image/png": 1,
    }


def test_the_summary_names_the_skipped_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, compress=True)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    assert cli.main(["batch", str(warc), "-o", str(tmp_path / "out.jsonl"), "--workers", "1"]) == 0
    assert capsys.readouterr().err.splitlines()[-1] == (
        "  records skipped (not HTML pages): request 7, response image/png 1, warcinfo 1"
    )


def test_a_broken_warc_file_is_one_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    write_warc(warc, compress=True)
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) // 2])
    assert cli.main(["batch", str(warc), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"newsclean: error: cannot read {str(warc)!r}: record 9 is cut short: ")
    assert len(err.splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists()
    (tmp_path / "text.warc").write_text("this is not a WARC file\n")
    assert cli.main(["batch", str(tmp_path / "text.warc"), "-o", "-", "-q"]) == 2
    assert capsys.readouterr().err == (
        f"newsclean: error: cannot read {str(tmp_path / 'text.warc')!r}:"
        " record 1 is not a whole WARC record\n"
    )
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    assert cli.main(["batch", str(tmp_path / "empty.warc.gz"), "-o", "-", "-q"]) == 0


def record_spans(path: Path) -> list[tuple[int, int]]:
    """(offset, length) in the file of each record, as warcio reads them."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as file:
        records = ArchiveIterator(file)
        spans = []
        for _record in records:
            records.read_to_end()
            spans.append(records.member_info)
    return spans


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_a_file_cut_inside_any_record_is_an_error(
    tmp_path: Path, name: str, compress: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    whole = tmp_path / f"whole-{name}"
    write_warc(whole, compress)
    data = whole.read_bytes()
    cuts = sorted(
        {
            offset + max(1, length * part // 4)
            for offset, length in record_spans(whole)
            for part in (1, 2, 3)
        }
    )
    cut = tmp_path / name
    for at in cuts:
        cut.write_bytes(data[:at])
        assert cli.main(["batch", str(cut), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 2, at
        err = capsys.readouterr().err
        assert err.startswith(f"newsclean: error: cannot read {str(cut)!r}"), (at, err)
        assert err.count("\n") == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_redirects_error_pages_and_brotli_bodies_are_skipped_and_counted(tmp_path: Path) -> None:
    warc = tmp_path / "odd.warc.gz"
    with open(warc, "wb") as file:
        writer = WARCWriter(file, gzip=True)
        for status, encoding in [
            ("301 Moved Permanently", "identity"),
            ("404 Not Found", "identity"),
            ("200 OK", "br"),
            ("200 OK", "identity"),
        ]:
            headers = StatusAndHeaders(
                status,
                [("Content-Type", "text/html"), ("Content-Encoding", encoding)],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    "https://news.example/x",
                    "response",
                    payload=io.BytesIO(HARBOUR),
                    http_headers=headers,
                )
            )
    options = batch.BatchOptions(str(warc), str(tmp_path / "out.jsonl"), workers=1)
    summary = batch.run_batch(options)
    assert summary.pages == 1
    assert summary.skipped_by_kind == {
        "response 301": 1,
        "response 404": 1,
        "response in content encoding br": 1,
    }


def test_without_warcio_the_error_names_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    warc = tmp_path / "crawl.warc"
    write_warc(warc, compress=False)
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    assert cli.main(["batch", str(warc), "-o", str(tmp_path / "out.jsonl"), "-q"]) == 2
    assert "pip install 'newsclean[warc]'" in capsys.readouterr().err


def test_html_field_keeps_what_the_record_says_where_the_page_says_nothing(
    tmp_path: Path,
) -> None:
    page = "<html><body><article><p>" + "The bridge reopened on Monday. " * 8 + "</p></article>"
    source = tmp_path / "pages.jsonl"
    record = {"html": page, "author": "City desk", "site_name": None}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["batch", str(source), "-o", str(out), "--html-field", "html", "-q"]) == 0
    (written,) = read_jsonl(out)
    assert (written["author"], written["site_name"], written["date"]) == ("City desk", None, None)


def test_html_field_cleans_the_html_of_json_records(tmp_path: Path) -> None:
    records = [
        {"id": n, "url": url, "html": newsclean.html_pages.decode_html(page)}
        for n, (url, page) in enumerate(html_pages())
    ]
    records.insert(2, {"id": "no-html", "text": "only text"})
    source = tmp_path / "pages.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["batch", str(source), "-o", str(out), "--html-field", "html", "-q"]) == 0
    good = [r for r in records if "html" in r]
    assert read_jsonl(out) == [r | expected(r["url"], r["html"], None) for r in good]


def test_html_field_reports_a_record_without_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_text('{"id": "a", "text": "x"}\n', encoding="utf-8")
    argv = ["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--html-field", "page", "-q"]
    assert cli.main(argv) == 0
    assert capsys.readouterr().err == (
        "newsclean: skipped line 1 (id 'a'): no 'page' field (fields: id, text);"
        " name the field that holds the page HTML with --html-field\n"
    )


def test_without_trafilatura_an_html_batch_stops_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "pages.jsonl"
    source.write_text('{"html": "<p>x</p>"}\n', encoding="utf-8")
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    argv = ["batch", str(source), "-o", str(tmp_path / "o.jsonl"), "--html-field", "html"]
    assert cli.main(argv) == 2
    assert capsys.readouterr().err == (
        "newsclean: error: newsclean.clean_html needs trafilatura; install it with:"
        " pip install 'newsclean[html]'\n"
    )


def test_a_warc_page_that_makes_cleaning_raise_is_a_bad_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    wanted = write_warc(warc, compress=True)

    def broken(*args: object, **kwargs: object) -> newsclean.Article:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch, "clean_html", broken)
    options = batch.BatchOptions(str(warc), str(tmp_path / "out.jsonl"), workers=1)
    summary = batch.run_batch(options)
    assert (summary.pages, summary.bad_records) == (0, len(wanted))
    first = summary.listed_bad_records[0]
    assert first.describe() == (
        f"record 3 (id {wanted[0]['warc_record_id']!r}): cleaning raised RuntimeError: boom"
        " (a bug: please report it)"
    )
