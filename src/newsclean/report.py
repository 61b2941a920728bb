"""A report on a batch output, as one self-contained HTML page (``newsclean report``).

:func:`build_report` reads the JSON Lines that ``newsclean batch`` wrote (``.gz``
and ``.zst`` too, read by :mod:`newsclean.readers`), one record at a time, and
shows: the number of pages (and, from the batch's ``--summary-json`` file when
given, the bad records left out), the changes and characters removed per pass,
a histogram of the share of each page removed (an inline SVG), and the pages
with the most characters removed, each linked to its own review
(:mod:`newsclean.review`) further down the same page.

A record's original is its ``original`` field when it has one, else it is
rebuilt from the clean ``text`` and the ``changes`` (which hold the removed
text). Records written with ``--no-changes`` give counts of pages only.
A line that is not a batch output record, a directory or a WARC file (the input
of a batch, not its output) raises :class:`ReportError`.

>>> import json, os, tempfile
>>> import newsclean
>>> article = newsclean.clean("Floods close schools\\n\\nRain fell.\\n\\nRead More")
>>> record = {"id": 1, "title": article.title, "text": article.text,
...           "paragraphs": list(article.paragraphs), "changes": article.change_dicts()}
>>> with tempfile.TemporaryDirectory() as folder:
...     path = os.path.join(folder, "out.jsonl")
...     with open(path, "w") as file:
...         _ = file.write(json.dumps(record) + "\\n")
...     report = build_report(path)
>>> report.count('class="newsclean-review"'), "1 page" in report
(1, True)
"""

from __future__ import annotations

import heapq
import html
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import attrs

from newsclean.article import METADATA_FIELDS, Article, counted
from newsclean.batch import BadRecord
from newsclean.edits import Record, apply_records
from newsclean.readers import InputError, JsonLine, open_pages
from newsclean.review import (
    PassCount,
    count_by_pass,
    html_document,
    pass_table,
    review_fragment,
)
from newsclean.warc import is_warc

__all__ = [
    "ReportError",
    "article_from_record",
    "build_report",
    "histogram_svg",
    "original_from_changes",
]

#: Pages listed and reviewed in a report, by default.
TOP_PAGES = 20
#: Bars of the histogram of removed share: 0–10 %, …, 90–100 %.
HISTOGRAM_BINS = 10
#: The fields every batch output record has.
BATCH_FIELDS = ("title", "text", "paragraphs")


class ReportError(Exception):
    """The batch output cannot be read or is not a batch output; the message says where."""


def _records(changes: Sequence[Mapping[str, Any]]) -> tuple[Record, ...]:
    """Change dicts (``Change.to_dict``) as records; ``ValueError`` when malformed."""
    records = []
    for change in changes:
        try:
            start, end = change["start"], change["end"]
            record = (start, end, change["replacement"], change["pass"], change["reason"])
        except (KeyError, TypeError) as error:
            raise ValueError(f"a change has no {error} field") from None
        types = (int, int, str, str, str)
        if not all(type(value) is kind for value, kind in zip(record, types, strict=True)):
            raise ValueError(f"a change has a field of the wrong type: {change!r:.200}")
        if not 0 <= start <= end or not isinstance(change.get("removed"), str):
            raise ValueError(f"a change has a bad span or no removed text: [{start}, {end})")
        records.append(record)
    return tuple(records)


def original_from_changes(text: str, changes: Sequence[Mapping[str, Any]]) -> str:
    """The original that ``changes`` (sorted, in original coordinates, with the
    ``removed`` text) turned into ``text``; ``ValueError`` when they do not fit it.

    >>> original_from_changes("Rain fell.", [
    ...     {"start": 0, "end": 7, "removed": "Floods\\n", "replacement": ""},
    ...     {"start": 11, "end": 13, "removed": "\\xa0\\xa0", "replacement": " "},
    ... ])
    'Floods\\nRain\\xa0\\xa0fell.'
    """
    parts, position, end = [], 0, 0
    for change in changes:
        start, removed, replacement = change["start"], change["removed"], change["replacement"]
        if start < end or len(removed) != change["end"] - start:
            raise ValueError(f"changes overlap, are not sorted or mis-measured at {start}")
        stop = position + start - end
        if len(text) < stop or not text.startswith(replacement, stop):
            raise ValueError(f"the change at {start} does not fit the text")
        parts += [text[position:stop], removed]
        position, end = stop + len(replacement), change["end"]
    parts.append(text[position:])
    return "".join(parts)


def _string_or_none(record: Mapping[str, Any], name: str) -> str | None:
    """``record[name]`` when it is a string, else ``None`` (missing or any other type)."""
    value = record.get(name)
    return value if isinstance(value, str) else None


def article_from_record(record: Mapping[str, Any]) -> Article | None:
    """The :class:`~newsclean.Article` of a batch output record, or ``None`` when
    the record has no ``changes`` (written with ``--no-changes``).

    Raises ``ValueError`` when the changes do not lead from the original to the text.
    """
    changes, text = record.get("changes"), record["text"]
    if not isinstance(changes, list):
        return None
    records = _records(changes)
    original = record.get("original")
    if not isinstance(original, str):
        original = original_from_changes(text, changes)
    elif apply_records(original, records) != text:
        raise ValueError("the changes do not turn the original into the text")
    metadata: dict[str, Any] = {name: _string_or_none(record, name) for name in METADATA_FIELDS}
    return Article(
        title=_string_or_none(record, "title"),
        text=text,
        original=original,
        url=_string_or_none(record, "url"),
        language=_string_or_none(record, "language"),
        records=records,
        **metadata,
    )


def _parse(line: JsonLine, path: str) -> dict[str, Any]:
    """The record of one line, checked to be a batch output record."""
    where = f"line {line.number} of {path!r}"
    try:
        record = json.loads(line.data)
    except (ValueError, RecursionError) as error:
        raise ReportError(f"{where}: not JSON ({error}); expected newsclean batch output") from None
    if not isinstance(record, dict):
        raise ReportError(f"{where}: not a JSON object; expected newsclean batch output")
    missing = [name for name in BATCH_FIELDS if name not in record]
    if missing or not isinstance(record["text"], str):
        what = f"no {', '.join(map(repr, missing))} field" if missing else "'text' is not a string"
        raise ReportError(
            f"{where}: not a newsclean batch output record ({what}); run newsclean batch first"
        )
    return record


def _read(path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, record)`` for every record of a batch output."""
    if os.path.isdir(path):
        raise ReportError(f"{path!r} is a directory; name a batch output file")
    if is_warc(path):
        raise ReportError(
            f"{path!r} is a WARC file: run newsclean batch on it first, then report on its output"
        )
    try:
        with open_pages(path) as pages:
            for line in pages:
                if not isinstance(line, JsonLine):  # an input the checks above missed
                    raise ReportError(f"{path!r} is not JSON Lines; name a batch output file")
                yield line.number, _parse(line, path)
    except InputError as error:
        raise ReportError(str(error)) from None


@attrs.frozen(order=True)
class _Ranked:
    """A page in the running for the top list, ordered by characters removed."""

    removed: int
    share: float
    line: int = attrs.field(order=lambda line: -line)  # earlier pages first on ties
    article: Article = attrs.field(order=False, eq=False)
    name: str = attrs.field(order=False)


@attrs.define
class _Tally:
    """What the report counts while it reads, one record at a time."""

    top: int
    pages: int = 0
    without_changes: int = 0
    size_in: int = 0
    size_out: int = 0
    counts: tuple[PassCount, ...] = ()  # per pass, the passes in the order first seen
    bins: list[int] = attrs.Factory(lambda: [0] * HISTOGRAM_BINS)
    ranked: list[_Ranked] = attrs.Factory(list)

    def add(self, number: int, record: Mapping[str, Any], path: str) -> None:
        """Count the record on line ``number`` of ``path``."""
        self.pages += 1
        try:
            article = article_from_record(record)
        except (ValueError, KeyError, TypeError) as error:
            raise ReportError(
                f"line {number} of {path!r}: not a newsclean batch output record ({error})"
            ) from None
        if article is None:
            self.without_changes += 1
            return
        self.size_in += len(article.original)
        self.size_out += len(article.text)
        removed = len(article.original) - len(article.text)
        share = removed / len(article.original) if article.original else 0.0
        self.bins[min(max(int(share * HISTOGRAM_BINS), 0), HISTOGRAM_BINS - 1)] += 1
        self.counts = count_by_pass(article.records, base=self.counts)
        self._rank(_Ranked(removed, share, number, article, _page_name(record, number)))

    def _rank(self, page: _Ranked) -> None:
        if len(self.ranked) < self.top:
            heapq.heappush(self.ranked, page)
        elif self.top and self.ranked[0] < page:
            heapq.heapreplace(self.ranked, page)


def _page_name(record: Mapping[str, Any], number: int) -> str:
    """What a page is called in the report: its id, else its title, else its line."""
    for name in ("id", "title", "url"):
        value = record.get(name)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return str(value)
    return f"line {number}"


def histogram_svg(counts: Sequence[int], width: int = 560, height: int = 200) -> str:
    """An inline SVG bar chart of pages per bin of removed share (``0–10 %``, …).

    >>> svg = histogram_svg([3, 1, 0, 0, 0, 0, 0, 0, 0, 1])
    >>> svg.count("<rect"), "90–100 %" in svg
    (10, True)
    """
    top, left, bottom = 16, 34, 34
    tallest, step = max(max(counts, default=0), 1), (width - left) / max(len(counts), 1)
    scale = (height - top - bottom) / tallest
    parts = [
        f'<svg class="nc-histogram" xmlns="http://www.w3.org/2000/svg" width="{width}"'
        f' height="{height}" viewBox="0 0 {width} {height}" role="img"'
        ' aria-label="pages per share of text removed" font-family="DejaVu Sans, sans-serif"'
        ' font-size="10">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}"'
        ' stroke="#888"/>',
        f'<text x="2" y="{top}" fill="#555">pages</text>',
    ]
    for n, count in enumerate(counts):
        x, bar = left + n * step, count * scale
        low, high = 100 * n // len(counts), 100 * (n + 1) // len(counts)
        parts.append(
            f'<rect x="{x + 2:.1f}" y="{height - bottom - bar:.1f}" width="{step - 4:.1f}"'
            f' height="{bar:.1f}" fill="#c8383b"><title>{count} page{"" if count == 1 else "s"}:'
            f" {low}–{high} %"
            " removed</title></rect>"
            f'<text x="{x + step / 2:.1f}" y="{height - bottom - bar - 3:.1f}"'
            f' text-anchor="middle" fill="#333">{count}</text>'
            f'<text x="{x + step / 2:.1f}" y="{height - bottom + 14}" text-anchor="middle"'
            f' fill="#555">{low}–{high} %</text>'
        )
    parts.append(
        f'<text x="{(left + width) / 2:.0f}" y="{height - 4}" text-anchor="middle"'
        ' fill="#555">share of the page removed</text></svg>'
    )
    return "".join(parts)


def _bad_records(summary_path: str | None) -> str:
    """The bad records of a ``--summary-json`` file, as HTML (empty without one)."""
    if summary_path is None:
        return ""
    try:
        with open(summary_path, encoding="utf-8") as file:
            summary = json.load(file)
        count, kinds = int(summary["bad_records"]), dict(summary["bad_records_by_kind"])
        listed = [bad for bad in summary.get("listed_bad_records", []) if isinstance(bad, dict)]
    except OSError as error:
        raise ReportError(f"cannot read {summary_path!r}: {error.strerror or error}") from None
    except (ValueError, KeyError, TypeError):
        raise ReportError(
            f"{summary_path!r} is not a batch summary (newsclean batch --summary-json FILE)"
        ) from None
    by_kind = ", ".join(f"{html.escape(str(k))} {v}" for k, v in kinds.items())
    items = "".join(f"<li>{html.escape(_describe_bad(bad))}</li>" for bad in listed)
    return (
        f'<p class="nc-bad">{counted(count, "bad record")} left out of the output'
        f"{f' ({by_kind})' if by_kind else ''}.</p>{f'<ul>{items}</ul>' if items else ''}"
    )


def _describe_bad(bad: Mapping[str, Any]) -> str:
    """What the batch said of a listed bad record (``BadRecord.describe``): a line,
    a WARC record (``unit``) or a file of a directory (no line), and what was wrong.

    >>> _describe_bad({"line": 5, "id": "<urn:1>", "message": "m", "unit": "record"})
    "record 5 (id '<urn:1>'): m"
    """
    return BadRecord(
        bad.get("line"), bad.get("id"), "", str(bad.get("message")), str(bad.get("unit", "line"))
    ).describe()


def _overview(tally: _Tally, path: str, bad_records: str) -> str:
    removed = tally.size_in - tally.size_out
    share = f" ({removed / tally.size_in:.1%} removed)" if tally.size_in else ""
    lines = [f"{counted(tally.pages, 'page')} in {html.escape(path)}"]
    if tally.size_in:
        lines.append(f"{tally.size_in:,} characters in, {tally.size_out:,} out{share}")
    if tally.without_changes:
        have = "has" if tally.without_changes == 1 else "have"
        lines.append(
            f"{counted(tally.without_changes, 'page')} {have} no changes list (written with"
            " <code>--no-changes</code>): counted here, but not measured or reviewed; run"
            " <code>newsclean batch IN -o OUT</code> without"
            " <code>--no-changes</code> to get the full records"
        )
    return "".join(f'<p class="nc-summary">{line}.</p>' for line in lines) + bad_records


def _top_table(ranked: Sequence[_Ranked]) -> str:
    rows = "".join(
        f'<tr><td>{n}</td><td class="nc-text"><a href="#page-{page.line}">'
        f"{html.escape(page.name)}</a></td>"
        f'<td class="nc-text">{html.escape(page.article.title or "")}</td>'
        f"<td>{len(page.article.original):,}</td><td>{page.removed:,}</td>"
        f"<td>{page.share:.1%}</td></tr>"
        for n, page in enumerate(ranked, 1)
    )
    return (
        '<table class="nc-top"><thead><tr><th>#</th><th class="nc-text">page</th>'
        '<th class="nc-text">title</th>'
        "<th>characters in</th><th>removed</th><th>share</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _reviews(ranked: Sequence[_Ranked]) -> str:
    return "".join(
        f'<section class="nc-page" id="page-{page.line}"><h2>{n}. {html.escape(page.name)}'
        f' <a href="#top" class="nc-back">back to the list</a></h2>'
        f"{review_fragment(page.article, id_prefix=f'p{page.line}-', style=False)}</section>"
        for n, page in enumerate(ranked, 1)
    )


REPORT_CSS = """
.nc-report .newsclean-review { padding: 0; }
.nc-report > h1 { font-size: 1.6rem; margin: 1rem 0 .4rem; }
.nc-report > h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
.nc-report .nc-top .nc-text { text-align: left; }
.nc-report .nc-page { border-top: 3px solid #1f2328; margin-top: 2.5rem; }
.nc-report .nc-page > h2 { font-size: 1rem; color: #555; margin: .6rem 0 0; }
.nc-report .nc-back { font-weight: normal; font-size: .85rem; margin-left: 1rem; }
.nc-report .nc-note { color: #555; font-style: italic; }
"""


def build_report(path: str, *, top: int = TOP_PAGES, summary_path: str | None = None) -> str:
    """The report on the batch output at ``path`` (see the module docstring), with the
    ``top`` pages with the most characters removed; ``summary_path`` is the batch's
    ``--summary-json`` file, for the bad records. Raises :class:`ReportError`.
    """
    tally = _Tally(top)
    for number, record in _read(path):
        tally.add(number, record, path)
    bad_records = _bad_records(summary_path)
    ranked = sorted(tally.ranked, reverse=True)
    name = os.path.basename(path) if path != "-" else "stdin"
    reviews = ""
    if ranked:
        reviews = (
            f"<h2>The {counted(len(ranked), 'page')} with the most characters removed</h2>"
            f"{_top_table(ranked)}{_reviews(ranked)}"
        )
    elif tally.without_changes:
        reviews = (
            '<p class="nc-note">No page to review: reviews need records with their changes'
            " list (run <code>newsclean batch</code> without <code>--no-changes</code>).</p>"
        )
    body = (
        '<div class="newsclean-review nc-report" id="top">'
        f"<h1>newsclean report: {html.escape(name)}</h1>"
        f"{_overview(tally, path, bad_records)}"
        f"<h2>Changes per pass</h2>{pass_table(tally.counts)}"
        f"<h2>Share of each page removed</h2>{histogram_svg(tally.bins)}{reviews}</div>"
    )
    return html_document(f"newsclean report: {name}", body, css=REPORT_CSS)
