"""Clean many pages: JSON Lines or ``.txt`` files in, JSON Lines out, in parallel.

This is what ``newsclean batch`` runs. Pages are read lazily
(:mod:`newsclean.readers`), grouped in chunks, cleaned by a pool of worker
processes that each build the pipeline once, and written in input order
(:mod:`newsclean.writers`); only a few chunks per worker are in flight at a
time, so memory stays flat however large the input is.

Each output line is the input object with the clean fields set: ``title``,
``text``, ``paragraphs`` and (unless ``with_changes`` is off) ``changes``, a list
of :meth:`newsclean.Change.to_dict` dicts. A page from a directory becomes
``{"id": FILE_NAME, ...clean fields}``. With ``html_field``, a record's page is
the HTML in that field, cleaned by :func:`newsclean.clean_html`, and the output
also has the fields ``author``, ``date``, ``site_name``, ``extractor`` and
``note``. A page of a WARC file becomes ``{"url", "warc_record_id", "warc_date",
...those fields}``; its other records are skipped and counted by kind.

A bad record (a line that is not a JSON object, a missing or non-string text
field, a page that makes cleaning raise) is not written: it is reported as a
:class:`BadRecord` and counted in the :class:`Summary`, or, with ``strict``,
stops the run with :class:`StrictStop`.

>>> from newsclean.readers import JsonLine
>>> cleaner = RecordCleaner()
>>> result = cleaner.clean_chunk([
...     JsonLine(1, b'{"id": 7, "text": "Floods close schools\\\\n\\\\nRain fell."}'),
...     JsonLine(2, b'{"id": 8, "body": "no text field"}'),
... ])
>>> result.output
b'{"id":7,"text":"Rain fell.","title":"Floods close schools","paragraphs":["Rain fell."],\
"changes":[{"pass":"extract_headline","reason":"the headline, moved to title","start":0,\
"end":22,"removed":"Floods close schools\\\\n\\\\n","replacement":""}]}\\n'
>>> print(result.bad_records[0].describe())
line 2 (id 8): no 'text' field (fields: id, body); name the field that holds the page text \
with --text-field
"""

from __future__ import annotations

import collections
import contextlib
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import IO, Any, Protocol

import attrs

from newsclean import clean, clean_html
from newsclean.article import METADATA_FIELDS, Article
from newsclean.html_pages import require_trafilatura
from newsclean.pipeline import Pipeline
from newsclean.readers import JsonLine, Page, TextFile, chunked, open_pages
from newsclean.warc import SkippedRecord, WarcPage, is_warc
from newsclean.writers import open_output

__all__ = [
    "BadRecord",
    "BatchOptions",
    "ChunkResult",
    "Progress",
    "RecordCleaner",
    "StrictStop",
    "Summary",
    "default_workers",
    "make_progress",
    "run_batch",
]

#: A chunk closes at this many pages or bytes of input, whichever comes first.
CHUNK_PAGES = 500
CHUNK_BYTES = 256 * 1024
#: Chunks submitted but not yet written, per worker: enough to keep every worker busy.
IN_FLIGHT_PER_WORKER = 2
#: At most this many bad records are listed in the summary (all are counted).
LISTED_BAD_RECORDS = 100

_JSON_TYPES = {
    dict: "an object",
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def _json_type(value: object) -> str:
    """``'a number'``, ``'null'``, …: how JSON names the type of ``value``."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


@attrs.frozen
class BadRecord:
    """A page that could not be cleaned: where it stands, its id, what was wrong.

    ``line`` is the line number in a JSON Lines input, or the record number in a
    WARC file (``unit`` then says ``record``), or ``None`` for a file of a
    directory, whose ``id`` is its name; ``kind`` is one of ``invalid_json``,
    ``not_an_object``, ``missing_text``, ``wrong_type``, ``clean_failed``.

    >>> BadRecord(4, "a1", "missing_text", "no 'text' field").describe()
    "line 4 (id 'a1'): no 'text' field"
    >>> BadRecord(None, "page.txt", "clean_failed", "cleaning raised ValueError").describe()
    "file 'page.txt': cleaning raised ValueError"
    """

    line: int | None
    id: str | int | float | None
    kind: str
    message: str
    unit: str = "line"

    def describe(self) -> str:
        """One line for people: where the record is, then what is wrong with it."""
        if self.line is None:
            return f"file {self.id!r}: {self.message}"
        where = f"{self.unit} {self.line}" + ("" if self.id is None else f" (id {self.id!r})")
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        """The bad record as a JSON-safe dict."""
        return attrs.asdict(self)


class _Bad(Exception):
    """Raised inside :class:`RecordCleaner` to turn a page into a :class:`BadRecord`."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@attrs.frozen
class ChunkResult:
    """What cleaning one chunk gave: the output lines, and counts for the summary."""

    output: bytes
    pages: int
    bytes_in: int
    changes: Mapping[str, int]
    bad_records: tuple[BadRecord, ...]
    skipped: Mapping[str, int] = attrs.field(factory=dict)


def _json_error(error: ValueError | RecursionError) -> str:
    """What is wrong with a line that does not parse, and where in the line.

    >>> for line in (b'{"text": "no end"\\n', b'{"text" "x"}\\n'):
    ...     try:
    ...         json.loads(line)
    ...     except ValueError as error:
    ...         print(_json_error(error))
    Expecting ',' delimiter at the end of the line; each line must be one JSON object
    Expecting ':' delimiter at column 9; each line must be one JSON object
    """
    if isinstance(error, json.JSONDecodeError):
        at_end = error.pos >= len(error.doc.rstrip())
        where = "the end of the line" if at_end else f"column {error.pos + 1}"
        return f"{error.msg} at {where}; each line must be one JSON object"
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 (byte {error.start + 1} of the line); JSON Lines are UTF-8"
    if isinstance(error, RecursionError):
        return "nested too deeply to parse"
    return str(error)


def _id_of(record: Mapping[str, Any]) -> str | int | float | None:
    value = record.get("id")
    return value if isinstance(value, (str, int, float)) else None


def _string_field(record: Mapping[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise _Bad("wrong_type", f"{name!r} is {_json_type(value)}; expected a string or null")


def _dumps(record: Mapping[str, Any]) -> bytes:
    """One JSON line; lone surrogates (from ``\\ud800``-style escapes) stay escaped.

    >>> _dumps({"a": "é\\ud800"})
    b'{"a":"\\\\u00e9\\\\ud800"}\\n'
    """
    try:
        return (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
    except UnicodeEncodeError:
        return (json.dumps(record, separators=(",", ":")) + "\n").encode()


@attrs.frozen
class RecordCleaner:
    """Turns pages into output lines; the same object runs in-process or in a worker.

    ``text_field`` names the field of a JSON record that holds the page text, or
    ``html_field`` the one that holds its HTML; ``with_changes`` adds the
    ``changes`` list; ``stop_at_error`` ends a chunk at its first bad record (for
    ``--strict``: nothing after it is cleaned).
    """

    text_field: str = "text"
    with_changes: bool = True
    stop_at_error: bool = False
    pipeline: Pipeline = attrs.field(factory=Pipeline.default)
    html_field: str | None = None

    def _parse(self, page: JsonLine) -> dict[str, Any]:
        try:
            record = json.loads(page.data)
        except (ValueError, RecursionError) as error:
            raise _Bad("invalid_json", f"invalid JSON: {_json_error(error)}") from None
        if not isinstance(record, dict):
            raise _Bad("not_an_object", f"the line is {_json_type(record)}; expected an object")
        return record

    def _page_of(self, record: Mapping[str, Any]) -> str:
        field, what, option = (
            (self.text_field, "text", "--text-field")
            if self.html_field is None
            else (self.html_field, "HTML", "--html-field")
        )
        if field not in record:
            fields = ", ".join(record) or "none"
            raise _Bad(
                "missing_text",
                f"no {field!r} field (fields: {fields});"
                f" name the field that holds the page {what} with {option}",
            )
        page = record[field]
        if not isinstance(page, str):
            raise _Bad("wrong_type", f"{field!r} is {_json_type(page)}; expected a string")
        return page

    def _article(
        self, page: str | bytes, title: str | None, url: str | None, html: bool, charset: str | None
    ) -> Article:
        try:
            if html:
                return clean_html(
                    page, title=title, url=url, encoding=charset, pipeline=self.pipeline
                )
            return clean(page, title=title, url=url, pipeline=self.pipeline)
        except Exception as error:
            detail = " ".join(str(error).split())  # one line, whatever the error says
            raise _Bad(
                "clean_failed",
                f"cleaning raised {type(error).__name__}: {detail} (a bug: please report it)",
            ) from error

    def _cleaned(
        self,
        record: dict[str, Any],
        page: str | bytes,
        counts: collections.Counter[str],
        html: bool = False,
        charset: str | None = None,
    ) -> bytes:
        title, url = _string_field(record, "title"), _string_field(record, "url")
        article = self._article(page, title, url, html, charset)
        counts.update(name for _start, _end, _new, name, _reason in article.records)
        record["title"] = article.title
        record["text"] = article.text
        record["paragraphs"] = list(article.paragraphs)
        if self.with_changes:
            record["changes"] = article.change_dicts()
        if html:
            _set_metadata(record, article)
        return _dumps(record)

    def clean_page(self, page: Page, counts: collections.Counter[str]) -> bytes | BadRecord:
        """The output line for ``page``, or what is wrong with it; counts changes by pass.

        A :class:`~newsclean.warc.SkippedRecord` is not a page: :meth:`clean_chunk`
        counts it and never passes it here.
        """
        assert not isinstance(page, SkippedRecord), "skipped records are counted, not cleaned"
        if isinstance(page, TextFile):
            try:
                return self._cleaned({"id": page.name}, page.data, counts)
            except _Bad as bad:
                return BadRecord(None, page.name, bad.kind, bad.message)
        if isinstance(page, WarcPage):
            return self._clean_warc_page(page, counts)
        record: dict[str, Any] = {}
        try:
            record = self._parse(page)
            html = self.html_field is not None
            return self._cleaned(record, self._page_of(record), counts, html=html)
        except _Bad as bad:
            return BadRecord(page.number, _id_of(record), bad.kind, bad.message)

    def _clean_warc_page(
        self, page: WarcPage, counts: collections.Counter[str]
    ) -> bytes | BadRecord:
        record = {"url": page.url, "warc_record_id": page.record_id, "warc_date": page.date}
        try:
            return self._cleaned(record, page.data, counts, html=True, charset=page.charset)
        except _Bad as bad:
            return BadRecord(page.number, page.record_id, bad.kind, bad.message, unit="record")

    def clean_chunk(self, pages: Sequence[Page]) -> ChunkResult:
        """Clean ``pages`` in order into one :class:`ChunkResult`."""
        lines: list[bytes] = []
        bad_records: list[BadRecord] = []
        counts: collections.Counter[str] = collections.Counter()
        skipped: collections.Counter[str] = collections.Counter()
        bytes_in = 0
        for page in pages:
            if isinstance(page, SkippedRecord):
                skipped[page.kind] += 1
                continue
            bytes_in += len(page.data)
            result = self.clean_page(page, counts)
            if isinstance(result, BadRecord):
                bad_records.append(result)
                if self.stop_at_error:
                    break
            else:
                lines.append(result)
        return ChunkResult(
            b"".join(lines), len(lines), bytes_in, counts, tuple(bad_records), skipped
        )


def _set_metadata(record: dict[str, Any], article: Article) -> None:
    """Put the extractor's metadata in ``record``, never over a value the input
    record has with ``None``.

    >>> record = {"author": "Desk", "date": None}
    >>> _set_metadata(record, Article(None, "", "", date="2026-01-02"))
    >>> record
    {'author': 'Desk', 'date': '2026-01-02', 'extractor': None, 'site_name': None, 'note': None}
    """
    for name in METADATA_FIELDS:
        value = getattr(article, name)
        if value is not None or record.get(name) is None:
            record[name] = value


#: The worker process's cleaner, set once by :func:`_start_worker`.
_worker_cleaner: RecordCleaner | None = None


def _start_worker(cleaner: RecordCleaner) -> None:
    """Keep the pipeline for the life of the worker; leave Ctrl-C to the parent."""
    global _worker_cleaner
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_cleaner = cleaner


def _clean_in_worker(pages: Sequence[Page]) -> ChunkResult:
    assert _worker_cleaner is not None, "worker started without _start_worker"
    return _worker_cleaner.clean_chunk(pages)


def _ready() -> None:
    """A no-op task: once it has run, every worker process has been started."""


ChunkMapper = Callable[[Iterable[Sequence[Page]]], Iterator[ChunkResult]]


def _in_pool(
    executor: ProcessPoolExecutor, workers: int, chunks: Iterable[Sequence[Page]]
) -> Iterator[ChunkResult]:
    pending: collections.deque[Future[ChunkResult]] = collections.deque()
    for chunk in chunks:
        pending.append(executor.submit(_clean_in_worker, chunk))
        if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


@contextlib.contextmanager
def chunk_mapper(cleaner: RecordCleaner, workers: int) -> Iterator[ChunkMapper]:
    """A function from chunks to their results, in order: in this process for one
    worker, else through a pool of ``workers`` processes, started here (before any
    progress-bar thread exists, so forking is safe) and shut down on leaving.
    """
    if workers == 1:
        yield lambda chunks: map(cleaner.clean_chunk, chunks)
        return
    executor = ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(cleaner,))
    try:
        executor.submit(_ready).result()
        yield lambda chunks: _in_pool(executor, workers, chunks)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


@attrs.define
class Summary:
    """Counts for a whole run, added up chunk by chunk.

    >>> summary = Summary(("repair_unicode", "strip_cruft_lines"))
    >>> summary.add(ChunkResult(b"{}\\n", 1, 1200, {"strip_cruft_lines": 2}, ()), seconds=0.5)
    >>> print(summary.describe())
    newsclean batch: 1 page cleaned, 0 bad records, in 0.5 s (2 pages/s)
      bytes in 1,200, bytes out 3
      changes by pass: repair_unicode 0, strip_cruft_lines 2
    """

    pass_names: tuple[str, ...] = ()
    pages: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    seconds: float = 0.0
    changes_by_pass: dict[str, int] = attrs.Factory(dict)
    bad_records_by_kind: dict[str, int] = attrs.Factory(dict)
    listed_bad_records: list[BadRecord] = attrs.Factory(list)
    skipped_by_kind: dict[str, int] = attrs.Factory(dict)

    def __attrs_post_init__(self) -> None:
        self.changes_by_pass = dict.fromkeys(self.pass_names, 0) | self.changes_by_pass

    @property
    def bad_records(self) -> int:
        """How many bad records there were."""
        return sum(self.bad_records_by_kind.values())

    def add(self, result: ChunkResult, seconds: float) -> None:
        """Count ``result`` in; ``seconds`` is the time since the run started."""
        self.pages += result.pages
        self.bytes_in += result.bytes_in
        self.bytes_out += len(result.output)
        self.seconds = seconds
        for name, count in result.changes.items():
            self.changes_by_pass[name] = self.changes_by_pass.get(name, 0) + count
        for bad in result.bad_records:
            self.bad_records_by_kind[bad.kind] = self.bad_records_by_kind.get(bad.kind, 0) + 1
        for kind, count in result.skipped.items():
            self.skipped_by_kind[kind] = self.skipped_by_kind.get(kind, 0) + count
        room = LISTED_BAD_RECORDS - len(self.listed_bad_records)
        self.listed_bad_records.extend(result.bad_records[:room])

    def describe(self) -> str:
        """The summary for people, a few lines."""
        rate = self.pages / self.seconds if self.seconds else 0.0
        bad = f"{self.bad_records:,} bad record{'' if self.bad_records == 1 else 's'}"
        if self.bad_records:
            bad += " (" + ", ".join(f"{k} {n:,}" for k, n in self.bad_records_by_kind.items()) + ")"
        passes = ", ".join(f"{name} {n:,}" for name, n in self.changes_by_pass.items())
        skipped = ", ".join(f"{kind} {n:,}" for kind, n in sorted(self.skipped_by_kind.items()))
        return (
            f"newsclean batch: {self.pages:,} page{'' if self.pages == 1 else 's'} cleaned, {bad},"
            f" in {self.seconds:.1f} s ({rate:.0f} pages/s)\n"
            f"  bytes in {self.bytes_in:,}, bytes out {self.bytes_out:,}\n"
            f"  changes by pass: {passes or 'none'}"
            + (f"\n  records skipped (not HTML pages): {skipped}" if skipped else "")
        )

    def to_dict(self) -> dict[str, Any]:
        """The summary as a JSON-safe dict (what ``--summary-json`` writes)."""
        return {
            "pages": self.pages,
            "bad_records": self.bad_records,
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "seconds": round(self.seconds, 3),
            "changes_by_pass": self.changes_by_pass,
            "bad_records_by_kind": self.bad_records_by_kind,
            "listed_bad_records": [bad.to_dict() for bad in self.listed_bad_records],
            "skipped_by_kind": self.skipped_by_kind,
        }


class Progress(Protocol):
    """What the user sees on stderr while a batch runs."""

    def update(self, pages: int, bytes_in: int) -> None:
        """``pages`` more pages (``bytes_in`` bytes of input) are done."""

    def message(self, line: str) -> None:
        """Show ``line`` (a bad record, say) without breaking the progress display."""

    def close(self) -> None:
        """The run is over: take the progress display away."""


@attrs.define
class _NoProgress:
    stream: IO[str]

    def update(self, pages: int, bytes_in: int) -> None:
        pass

    def message(self, line: str) -> None:
        print(line, file=self.stream)

    def close(self) -> None:
        pass


@attrs.define
class _LineProgress:
    """Without tqdm: a line every ``every`` seconds."""

    stream: IO[str]
    every: float = 5.0
    pages: int = 0
    bytes_in: int = 0
    start: float = attrs.Factory(time.monotonic)
    last: float = attrs.Factory(time.monotonic)

    def update(self, pages: int, bytes_in: int) -> None:
        self.pages += pages
        self.bytes_in += bytes_in
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            seconds = now - self.start
            print(
                f"newsclean: {self.pages} pages, {self.pages / seconds:.0f} pages/s,"
                f" {self.bytes_in / seconds / 1e6:.1f} MB/s",
                file=self.stream,
            )

    def message(self, line: str) -> None:
        print(line, file=self.stream)

    def close(self) -> None:
        pass


class _TqdmProgress:
    """A tqdm bar: pages, pages/s, and MB/s of input."""

    def __init__(self, stream: IO[str]) -> None:
        from tqdm import tqdm

        self.bar = tqdm(file=stream, unit=" pages", desc="newsclean", dynamic_ncols=True)
        self.bytes_in = 0

    def update(self, pages: int, bytes_in: int) -> None:
        self.bytes_in += bytes_in
        elapsed = self.bar.format_dict["elapsed"] or 1e-9
        self.bar.set_postfix_str(f"{self.bytes_in / elapsed / 1e6:.1f} MB/s", refresh=False)
        self.bar.update(pages)

    def message(self, line: str) -> None:
        self.bar.write(line, file=self.bar.fp)

    def close(self) -> None:
        self.bar.close()


def make_progress(show: bool, stream: IO[str] | None = None) -> Progress:
    """A progress bar on ``stream`` (stderr) when ``show``: tqdm's, or without tqdm a
    line every few seconds; when not ``show``, only messages are printed.
    """
    stream = stream or sys.stderr
    if not show:
        return _NoProgress(stream)
    try:
        return _TqdmProgress(stream)
    except ImportError:
        return _LineProgress(stream)


class StrictStop(Exception):
    """With ``strict``, the run stopped at this bad record; nothing was written."""

    def __init__(self, bad: BadRecord) -> None:
        super().__init__(bad.describe())
        self.bad = bad


def default_workers() -> int:
    """The default number of worker processes: the machine's CPUs."""
    return os.cpu_count() or 1


@attrs.frozen
class BatchOptions:
    """What to clean, where to write it, and how (the ``newsclean batch`` options).

    ``source`` and ``destination`` are paths or ``-``; see :mod:`newsclean.readers`
    and :mod:`newsclean.writers`.
    """

    source: str
    destination: str
    text_field: str = "text"
    with_changes: bool = True
    workers: int = attrs.field(factory=default_workers, validator=attrs.validators.ge(1))
    strict: bool = False
    pipeline: Pipeline = attrs.field(factory=Pipeline.default)
    html_field: str | None = None

    def cleaner(self) -> RecordCleaner:
        """The :class:`RecordCleaner` these options call for."""
        return RecordCleaner(
            self.text_field, self.with_changes, self.strict, self.pipeline, self.html_field
        )


def run_batch(
    options: BatchOptions, progress: Callable[[], Progress] = lambda: make_progress(False)
) -> Summary:
    """Clean ``options.source`` into ``options.destination`` and return the counts.

    ``progress`` makes the :class:`Progress` display; it is called once the workers
    have started. Bad records go to its ``message`` (by default, stderr) and are
    left out of the output; with ``options.strict`` the first one raises
    :class:`StrictStop` and the output file is not created. Raises
    :class:`~newsclean.readers.InputError` or :class:`~newsclean.writers.OutputError`
    when the input cannot be read or the output cannot be written, and
    ``ImportError`` naming the extra when HTML pages are to be cleaned without it.
    """
    if options.html_field is not None or is_warc(options.source):
        require_trafilatura()  # before any worker starts: one clear error, not one per page
    summary = Summary(options.pipeline.enabled_names)
    start = time.monotonic()
    with (
        open_pages(options.source) as pages,
        open_output(options.destination) as out,
        chunk_mapper(options.cleaner(), options.workers) as clean_chunks,
        contextlib.closing(progress()) as shown,
    ):
        for result in clean_chunks(chunked(pages, CHUNK_PAGES, CHUNK_BYTES)):
            out.write(result.output)
            summary.add(result, time.monotonic() - start)
            if options.strict and result.bad_records:
                raise StrictStop(result.bad_records[0])
            for bad in result.bad_records:
                shown.message(f"newsclean: skipped {bad.describe()}")
            shown.update(result.pages + len(result.bad_records), result.bytes_in)
    summary.seconds = time.monotonic() - start
    return summary
