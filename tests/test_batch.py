"""``newsclean batch``, run as a user runs it, each output record checked against ``clean()``.

Page texts are the fixture pages of ``tests/fixtures/pages``; bad records are in
``tests/fixtures/batch/bad-records.jsonl``. Most runs call ``cli.main`` in this
process (``--workers 2`` forks it); stdin, stdout and the installed command run in
a subprocess. ``CHUNK_PAGES`` is made small so that even these few pages make many
chunks, and order across chunks and workers is checked.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
import zstandard

import newsclean
from newsclean import Edit, Pipeline, batch, cli
from newsclean.pipeline import Document

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted((FIXTURES / "pages").glob("*.txt"))
BAD_RECORDS = FIXTURES / "batch" / "bad-records.jsonl"


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_PAGES", 3)


def page_records() -> list[dict[str, Any]]:
    """One record per fixture page, with fields to carry through; some give title and url."""
    records: list[dict[str, Any]] = []
    for number, path in enumerate(PAGES):
        record: dict[str, Any] = {"id": path.stem, "text": path.read_text(encoding="utf-8")}
        record["meta"] = {"n": number, "tags": ["news", None], "score": 0.5}
        if number % 3 == 0:
            record["url"] = f"https://example.org/{path.stem}"
        if number % 4 == 0:
            record["title"] = None
        records.append(record)
    records[5]["note"] = "a lone surrogate \ud800 is carried through"
    return records


def expected(
    record: dict[str, Any], text_field: str = "text", with_changes: bool = True
) -> dict[str, Any]:
    article = newsclean.clean(record[text_field], title=record.get("title"), url=record.get("url"))
    out = dict(record)
    out.update(title=article.title, text=article.text, paragraphs=list(article.paragraphs))
    if with_changes:
        out["changes"] = [change.to_dict() for change in article.changes]
    return out


def open_binary(path: Path, mode: str) -> io.BufferedIOBase:
    if path.suffix == ".gz":
        return gzip.open(path, mode)  # type: ignore[return-value]
    if path.suffix == ".zst":
        return zstandard.open(path, mode)  # type: ignore[return-value]
    return open(path, mode)  # type: ignore[return-value]


def write_jsonl(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    with open_binary(path, "wb") as file:
        for record in records:
            file.write(json.dumps(record).encode() + b"\n")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open_binary(path, "rb") as file:
        return [json.loads(line) for line in file.read().splitlines()]


def run_main(args: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = cli.main(["batch", *args])
    return status, capsys.readouterr().err


def run_process(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean.cli", "batch", *args],
        input=stdin,
        capture_output=True,
        check=False,
    )


def files_in(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


@pytest.mark.parametrize(
    ("source", "destination", "workers"),
    [
        ("in.jsonl", "out.jsonl", "1"),
        ("in.jsonl", "out.jsonl", "2"),
        ("in.jsonl.gz", "out.jsonl.gz", "1"),
        ("in.jsonl.gz", "out.jsonl.zst", "2"),
        ("in.jsonl.zst", "out.jsonl.zst", "1"),
        ("in.jsonl.zst", "out.jsonl", "2"),
    ],
)
def test_every_record_is_what_clean_gives_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], source: str, destination: str, workers: str
) -> None:
    records = page_records()
    write_jsonl(tmp_path / source, records)
    status, err = run_main(
        [str(tmp_path / source), "-o", str(tmp_path / destination), "--workers", workers], capsys
    )
    assert (status, err.count("\n")) == (0, 3)  # the summary only
    assert err.startswith(f"newsclean batch: {len(records)} pages cleaned, 0 bad records, in ")
    assert read_jsonl(tmp_path / destination) == [expected(record) for record in records]
    assert files_in(tmp_path) == sorted([source, destination])


def test_stdin_to_stdout_with_two_workers_in_a_subprocess() -> None:
    records = page_records()
    lines = b"".join(json.dumps(record).encode() + b"\n" for record in records)
    result = run_process("-", "-o", "-", "--workers", "2", "--quiet", stdin=lines)
    assert (result.returncode, result.stderr) == (0, b"")
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        expected(record) for record in records
    ]


def test_a_directory_of_txt_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for path in PAGES:
        (pages / path.name).write_bytes(path.read_bytes())
    (pages / "notes.md").write_text("not a page")
    (pages / "sub.txt").mkdir()  # a directory, even one named .txt, is not a page
    status, _ = run_main([str(pages), "-o", str(tmp_path / "out.jsonl"), "--workers", "2"], capsys)
    assert status == 0
    assert read_jsonl(tmp_path / "out.jsonl") == [
        expected({"id": path.name, "text": path.read_bytes()}) for path in PAGES
    ]


def test_no_changes_and_another_text_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"body": r["text"], "id": r["id"], "meta": r["meta"]} for r in page_records()]
    write_jsonl(tmp_path / "in.jsonl", records)
    args = ["--text-field", "body", "--no-changes", "--workers", "1"]
    status, _ = run_main(
        [str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"), *args], capsys
    )
    assert status == 0
    assert read_jsonl(tmp_path / "out.jsonl") == [
        expected(record, text_field="body", with_changes=False) for record in records
    ]


def good_bad_records() -> list[dict[str, Any]]:
    """What the two good records of ``bad-records.jsonl`` become."""
    lines = BAD_RECORDS.read_text(encoding="utf-8").splitlines()
    return [expected(json.loads(lines[0])), expected(json.loads(lines[7]))]


def changes_by_pass(records: Sequence[dict[str, Any]]) -> dict[str, int]:
    """Changes counted by pass, every default pass listed, in pipeline order."""
    counts = dict.fromkeys(Pipeline.default().enabled_names, 0)
    for record in records:
        for change in record["changes"]:
            counts[change["pass"]] += 1
    return counts


BAD_RECORD_MESSAGES = [
    "line 2: invalid JSON: Expecting ',' delimiter at the end of the line;"
    " each line must be one JSON object",
    "line 4 (id 'no-text'): no 'text' field (fields: id, body);"
    " name the field that holds the page text with --text-field",
    "line 5: the line is an array; expected an object",
    "line 6 (id 17): 'text' is null; expected a string",
    "line 7 (id 'title-number'): 'title' is a number; expected a string or null",
]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_bad_records_are_reported_counted_and_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    args = ["-o", str(out), "--workers", workers, "--summary-json", str(summary)]
    status, err = run_main([str(BAD_RECORDS), *args], capsys)
    assert status == 0
    assert err.splitlines()[:5] == [f"newsclean: skipped {m}" for m in BAD_RECORD_MESSAGES]
    assert err.splitlines()[5].startswith("newsclean batch: 2 pages cleaned, 5 bad records (")
    assert read_jsonl(out) == good_bad_records()
    report = json.loads(summary.read_text())
    assert (report["pages"], report["bad_records"], report["bytes_in"]) == (
        2,
        5,
        len(BAD_RECORDS.read_bytes()) - 1,  # the blank line is not a page
    )
    assert report["bytes_out"] == len(out.read_bytes())
    assert report["bad_records_by_kind"] == {
        "invalid_json": 1,
        "missing_text": 1,
        "not_an_object": 1,
        "wrong_type": 2,
    }
    assert [batch.BadRecord(**bad).describe() for bad in report["listed_bad_records"]] == (
        BAD_RECORD_MESSAGES
    )
    assert report["changes_by_pass"] == changes_by_pass(good_bad_records())


def test_strict_stops_at_the_first_bad_record_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    status, err = run_main([str(BAD_RECORDS), "-o", str(out), "--strict", "--workers", "2"], capsys)
    assert (status, err) == (
        1,
        f"newsclean: error: {BAD_RECORD_MESSAGES[0]} (stopped by --strict)\n",
    )
    assert files_in(tmp_path) == []


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_failure_late_in_the_run_leaves_the_output_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    records = page_records()
    source = write_jsonl(tmp_path / "in.jsonl.gz", [*records, {"id": "last", "text": 0}])
    out = tmp_path / "out.jsonl.zst"
    out.write_bytes(b"the previous run's output")
    args = ["-o", str(out), "--strict", "--workers", workers]
    status, err = run_main([str(source), *args], capsys)
    line = len(records) + 1
    assert (status, err) == (
        1,
        f"newsclean: error: line {line} (id 'last'): 'text' is a number; expected a string"
        " (stopped by --strict)\n",
    )
    assert out.read_bytes() == b"the previous run's output"
    assert files_in(tmp_path) == ["in.jsonl.gz", "out.jsonl.zst"]


def explode(document: Document) -> list[Edit]:
    """A pass that raises on one page."""
    if "EXPLODE" in document.text:
        raise ValueError("this page breaks the pass")
    return []


@pytest.mark.parametrize("workers", [1, 2])
def test_a_page_that_makes_cleaning_raise_is_a_bad_record(tmp_path: Path, workers: int) -> None:
    pipeline = Pipeline.default().insert_after("repair_unicode", explode)
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": "Fine.\n\nRead More"},
            {"id": "b", "text": "EXPLODE"},
            {"text": "Ok."},
        ],
    )
    stream = io.StringIO()
    options = batch.BatchOptions(
        str(source), str(tmp_path / "out.jsonl"), workers=workers, pipeline=pipeline
    )
    summary = batch.run_batch(options, progress=lambda: batch.make_progress(False, stream))
    assert stream.getvalue().splitlines() == [
        "newsclean: skipped line 2 (id 'b'): cleaning raised ValueError: this page breaks the"
        " pass (a bug: please report it)"
    ]
    assert (summary.pages, summary.bad_records_by_kind) == (2, {"clean_failed": 1})
    assert [record["text"] for record in read_jsonl(tmp_path / "out.jsonl")] == ["Fine.", "Ok."]


def test_interrupted_runs_leave_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = iter(range(100))

    def interrupted_clean(*args: Any, **kwargs: Any) -> newsclean.Article:
        if next(calls) == 10:
            raise KeyboardInterrupt
        return newsclean.clean(*args, **kwargs)

    monkeypatch.setattr(batch, "clean", interrupted_clean)
    source = write_jsonl(tmp_path / "in.jsonl", page_records())
    out = tmp_path / "out.jsonl.gz"
    status, err = run_main([str(source), "-o", str(out), "--workers", "1"], capsys)
    assert (status, err) == (130, f"newsclean: interrupted; {str(out)!r} was left as it was\n")
    assert files_in(tmp_path) == ["in.jsonl"]


def test_input_and_output_problems_are_one_line_and_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", page_records()[:2])
    (tmp_path / "cut.jsonl.gz").write_bytes(gzip.compress(source.read_bytes())[:-30])
    (tmp_path / "junk.jsonl.zst").write_bytes(b"not zstandard at all")
    out = str(tmp_path / "out.jsonl")
    cases = {
        (str(tmp_path / "nope.jsonl"), out): f"cannot read '{tmp_path}/nope.jsonl': "
        "No such file or directory",
        (str(tmp_path / "cut.jsonl.gz"), out): f"cannot read '{tmp_path}/cut.jsonl.gz' after "
        "line 1: Compressed file ended before the end-of-stream marker was reached",
        (str(tmp_path / "junk.jsonl.zst"), out): f"cannot read '{tmp_path}/junk.jsonl.zst' "
        "after line 0: zstd decompress error: Unknown frame descriptor",
        (str(source), str(tmp_path / "no" / "out.jsonl")): f"cannot write '{tmp_path}/no/out."
        "jsonl': No such file or directory",
        (str(source), str(tmp_path)): f"cannot write '{tmp_path}': it is a directory; name a file",
    }
    for (source_arg, out_arg), message in cases.items():
        status, err = run_main([source_arg, "-o", out_arg, "--workers", "1"], capsys)
        assert (status, err) == (2, f"newsclean: error: {message}\n")
    assert files_in(tmp_path) == ["cut.jsonl.gz", "in.jsonl", "junk.jsonl.zst"]


def test_zst_without_zstandard_names_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl.zst", page_records()[:1])
    monkeypatch.setitem(sys.modules, "zstandard", None)
    status, err = run_main([str(source), "-o", str(tmp_path / "out.jsonl")], capsys)
    assert (status, err) == (
        2,
        f"newsclean: error: cannot read '{source}': .zst files need the zstandard package;"
        " install it with: pip install 'newsclean[zstd]'\n",
    )
    status, err = run_main([str(BAD_RECORDS), "-o", str(tmp_path / "out.zst")], capsys)
    assert (status, err.splitlines()[-1]) == (
        2,
        f"newsclean: error: cannot write '{tmp_path}/out.zst': .zst files need the zstandard"
        " package; install it with: pip install 'newsclean[zstd]'",
    )
    assert files_in(tmp_path) == ["in.jsonl.zst"]


def test_usage_errors_exit_2() -> None:
    assert run_process("in.jsonl").returncode == 2  # no -o
    result = run_process("in.jsonl", "-o", "-", "--workers", "0")
    assert result.returncode == 2
    assert b"expected a whole number of processes, 1 or more: '0'" in result.stderr


def test_the_installed_command_and_its_summary(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = subprocess.run(
        ["newsclean", "batch", str(BAD_RECORDS), "-o", str(out), "--workers", "2"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    summary = result.stderr.splitlines()[-3:]
    assert summary[0].startswith(
        "newsclean batch: 2 pages cleaned, 5 bad records (invalid_json 1, missing_text 1,"
        " not_an_object 1, wrong_type 2), in "
    )
    assert summary[1:] == [
        f"  bytes in {len(BAD_RECORDS.read_bytes()) - 1:,}, bytes out {len(out.read_bytes()):,}",
        "  changes by pass: "
        + ", ".join(f"{name} {n:,}" for name, n in changes_by_pass(good_bad_records()).items()),
    ]


def progress_lines(progress: batch.Progress, stream: io.StringIO) -> Iterator[str]:
    progress.update(3, 3000)
    progress.message("newsclean: skipped line 9: …")
    progress.close()
    return iter(stream.getvalue().replace("\r", "\n").splitlines())


def test_progress_bar_with_and_without_tqdm(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    lines = list(progress_lines(batch.make_progress(True, stream), stream))
    assert "newsclean: skipped line 9: …" in lines
    assert any("3 pages" in line and "MB/s" in line for line in lines)
    monkeypatch.setitem(sys.modules, "tqdm", None)
    stream = io.StringIO()
    progress = batch.make_progress(True, stream)
    progress.every = 0.0  # type: ignore[attr-defined]
    lines = list(progress_lines(progress, stream))
    assert lines[1] == "newsclean: skipped line 9: …"
    assert lines[0].startswith("newsclean: 3 pages, ") and lines[0].endswith(" MB/s")
