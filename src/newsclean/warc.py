"""Pages from WARC files: the HTML responses of a crawl, read with warcio.

``newsclean batch crawl.warc.gz`` reads its input through :func:`read_warc`
(``pip install 'newsclean[warc]'``). Each HTML response (HTTP content type
``text/html`` or ``application/xhtml+xml``) becomes a :class:`WarcPage`, its body
with the transfer and content encodings undone; every other record becomes a
:class:`SkippedRecord` saying what it was (``warcinfo``, ``request``,
``response image/jpeg``, ``response 404``, …), so the batch summary can count it.
Only 2xx responses in an encoding warcio undoes (:data:`DECODED`) are pages: a
redirect's or an error page's body is not, and a Brotli body is not read.

>>> import io
>>> from warcio.warcwriter import WARCWriter
>>> from warcio.statusandheaders import StatusAndHeaders
>>> buffer = io.BytesIO()
>>> writer = WARCWriter(buffer, gzip=True)
>>> headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
...                            protocol="HTTP/1.1")
>>> writer.write_record(writer.create_warc_record(
...     "https://news.example/a", "response", payload=io.BytesIO(b"<p>Hi</p>"),
...     http_headers=headers))
>>> _ = buffer.seek(0)
>>> [(page.url, page.data, page.charset) for page in read_warc(buffer, "crawl.warc.gz")]
[('https://news.example/a', b'<p>Hi</p>', 'utf-8')]
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterator
from email.message import Message
from typing import IO, Any, NamedTuple

__all__ = [
    "DECODED",
    "HTML_TYPES",
    "SkippedRecord",
    "WarcError",
    "WarcPage",
    "is_warc",
    "read_warc",
]

#: HTTP content types whose responses are pages.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Content encodings warcio undoes. Brotli is not among them: warcio wants the
#: unmaintained brotlipy (Google's brotli breaks it), so such pages are skipped.
DECODED = frozenset({"identity", "gzip", "x-gzip", "deflate"})


class WarcError(Exception):
    """A WARC file cannot be read; the message says which, where and why."""


class WarcPage(NamedTuple):
    """One HTML response: ``number`` counts the file's records from 1."""

    number: int
    url: str | None
    record_id: str | None
    date: str | None
    charset: str | None
    data: bytes


class SkippedRecord(NamedTuple):
    """A record that is not an HTML response; ``kind`` says what it is."""

    number: int
    kind: str
    data: bytes = b""


def is_warc(path: str) -> bool:
    """Whether ``path`` names a WARC file (``.warc``, ``.warc.gz``).

    >>> is_warc("crawl.warc.gz"), is_warc("CC-MAIN-1.warc"), is_warc("pages.jsonl.gz")
    (True, True, False)
    """
    return path.lower().endswith((".warc", ".warc.gz"))


def _content_type(value: str | None) -> tuple[str, str | None]:
    """The media type and charset of a Content-Type header.

    >>> _content_type('text/HTML; charset="ISO-8859-1"')
    ('text/html', 'ISO-8859-1')
    >>> _content_type(None)
    ('', None)
    """
    if not value:
        return "", None
    message = Message()
    message["Content-Type"] = value
    charset = message.get_param("charset")
    return message.get_content_type(), charset if isinstance(charset, str) else None


def _page_or_skip(number: int, record: Any) -> WarcPage | SkippedRecord:
    if record.rec_type != "response":
        return SkippedRecord(number, str(record.rec_type))
    http = record.http_headers
    media_type, charset = _content_type(http.get_header("Content-Type") if http else None)
    if media_type not in HTML_TYPES:
        return SkippedRecord(number, f"response {media_type or 'without a content type'}")
    status = http.get_statuscode() or "without a status"
    if not status.startswith("2"):  # a redirect's or an error page's body is no article
        return SkippedRecord(number, f"response {status}")
    encoding = (http.get_header("Content-Encoding") or "identity").strip().lower()
    if encoding not in DECODED:
        return SkippedRecord(number, f"response in content encoding {encoding}")
    headers = record.rec_headers
    return WarcPage(
        number,
        headers.get_header("WARC-Target-URI"),
        headers.get_header("WARC-Record-ID"),
        headers.get_header("WARC-Date"),
        charset,
        record.content_stream().read(),
    )


def _whole_headers(record: Any) -> bool:
    """Whether ``record`` is WARC (warcio also reads ARC, and takes much text for
    it) with the headers every record has: cut-off headers lack them."""
    headers = record.rec_headers
    return record.format == "warc" and all(
        headers.get_header(name) for name in ("WARC-Type", "Content-Length")
    )


def _check_whole(number: int, record: Any) -> None:
    """Raise :class:`WarcError` when the file ends inside ``record``: warcio gives
    a cut-short last record as if it were whole."""
    while record.raw_stream.read(65536):
        pass
    missing = getattr(record.raw_stream, "limit", 0)
    if missing:
        raise WarcError(f"record {number} is cut short: {missing:,} of its bytes are missing")


def _check_read_to_end(stream: IO[bytes], offset: int, records: int) -> None:
    """Raise :class:`WarcError` when warcio stopped before the end of the file
    (``offset``: where its last record ended): it ends quietly at a last record it
    cannot parse."""
    size = stream.seek(0, os.SEEK_END) if stream.seekable() else offset
    if offset < size:
        raise WarcError(f"{size - offset:,} bytes after record {records} are not a WARC record")


def _check_gzip_whole(stream: IO[bytes], records: int) -> None:
    """Raise :class:`WarcError` when ``stream`` is gzip and cut short: warcio ends
    quietly at a cut-short last member, as if the file ended before it."""
    if not stream.seekable():
        return
    stream.seek(0)
    if stream.read(2) != b"\x1f\x8b":
        return
    stream.seek(0)
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as file:
            while file.read(1 << 20):
                pass
    except (OSError, EOFError, zlib.error) as error:
        raise WarcError(f"the file breaks off after record {records}: {error}") from None


def _import_warcio(path: str) -> tuple[Any, tuple[type[BaseException], ...]]:
    """warcio's ArchiveIterator, and the errors it raises on a broken file (on some
    cut-short files, an AttributeError from inside it)."""
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        raise ImportError(
            f"reading {path!r} needs warcio; install it with: pip install 'newsclean[warc]'"
        ) from None
    return ArchiveIterator, (ArchiveLoadFailed, AttributeError, OSError, EOFError, ValueError)


def read_warc(stream: IO[bytes], path: str) -> Iterator[WarcPage | SkippedRecord]:
    """Every record of the WARC file open as ``stream``, in order (gzip or not:
    warcio tells; a gzip file is also checked to its end). Raises
    :class:`WarcError` when the file is not WARC or breaks off, or ``ImportError``
    naming the extra when warcio is not installed.
    """
    archive_iterator, errors = _import_warcio(path)
    number = 0
    try:
        records = archive_iterator(stream)
        for number, record in enumerate(records, 1):
            if not _whole_headers(record):
                raise WarcError(f"record {number} is not a whole WARC record")
            page = _page_or_skip(number, record)
            _check_whole(number, record)
            yield page
        _check_read_to_end(stream, records.offset, number)
        _check_gzip_whole(stream, number)
    except WarcError as error:
        raise WarcError(f"cannot read {path!r}: {error}") from None
    except errors as error:
        detail = " ".join(str(error).split())
        raise WarcError(f"cannot read {path!r} after record {number}: {detail}") from None
