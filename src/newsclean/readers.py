"""Batch input: pages read lazily from JSON Lines or a directory of ``.txt`` files.

:func:`open_pages` opens what ``newsclean batch IN`` names and gives its pages one
at a time, never the whole input at once:

- ``-``: JSON Lines on stdin;
- a directory: every ``*.txt`` file in it (not its subdirectories), in name order,
  as :class:`TextFile` pages;
- a ``.warc`` or ``.warc.gz`` file: its HTML responses as
  :class:`~newsclean.warc.WarcPage` pages, every other record as a
  :class:`~newsclean.warc.SkippedRecord` (``pip install 'newsclean[warc]'``);
- any other path: a JSON Lines file, as :class:`JsonLine` pages, decompressed by
  name: ``.gz`` (gzip), ``.zst`` (Zstandard, ``pip install 'newsclean[zstd]'``).

Blank lines are not pages. Lines are not parsed here: a worker parses them, so
the reading process only moves bytes.

>>> import os, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = os.path.join(folder, "pages.jsonl")
...     with open(path, "wb") as file:
...         _ = file.write(b'{"text": "one"}\\n\\n{"text": "two"}\\n')
...     with open_pages(path) as pages:
...         list(pages)
[JsonLine(number=1, data=b'{"text": "one"}\\n'), JsonLine(number=3, data=b'{"text": "two"}\\n')]
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from typing import IO, NamedTuple

from newsclean.warc import SkippedRecord, WarcError, WarcPage, is_warc, read_warc

__all__ = [
    "InputError",
    "JsonLine",
    "Page",
    "TextFile",
    "chunked",
    "open_pages",
]


class InputError(Exception):
    """The input cannot be opened or read; the message says which and why."""


class JsonLine(NamedTuple):
    """One line of a JSON Lines input, unparsed; ``number`` counts from 1."""

    number: int
    data: bytes


class TextFile(NamedTuple):
    """One ``.txt`` file of a directory input: ``name`` is its id."""

    number: int
    name: str
    data: bytes


#: One page of input, as read (a skipped WARC record stands in its place).
Page = JsonLine | TextFile | WarcPage | SkippedRecord

#: Errors a stream raises when its compressed data is broken or cut short.
_STREAM_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error)


def _zstandard_errors() -> tuple[type[BaseException], ...]:
    zstandard = sys.modules.get("zstandard")
    return (zstandard.ZstdError,) if zstandard is not None else ()


def _open_zstd(raw: IO[bytes], path: str) -> io.BufferedReader:
    try:
        import zstandard
    except ImportError:
        raise InputError(
            f"cannot read {path!r}: .zst files need the zstandard package;"
            " install it with: pip install 'newsclean[zstd]'"
        ) from None
    reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
    return io.BufferedReader(reader)


def _open_raw(path: str) -> IO[bytes]:
    try:
        return open(path, "rb")
    except OSError as error:
        raise InputError(f"cannot read {path!r}: {error.strerror or error}") from None


@contextlib.contextmanager
def _open_file(path: str) -> Iterator[Iterable[bytes]]:
    with _open_raw(path) as raw:
        if path.endswith(".gz"):
            with gzip.GzipFile(fileobj=raw, mode="rb") as stream:
                yield stream
        elif path.endswith(".zst"):
            with _open_zstd(raw, path) as stream:
                yield stream
        else:
            yield raw


def _read_lines(stream: Iterable[bytes], path: str) -> Iterator[JsonLine]:
    number = 0
    try:
        for number, line in enumerate(stream, 1):  # number is read in the except
            if line.strip():
                yield JsonLine(number, line)
    except _STREAM_ERRORS + _zstandard_errors() as error:
        where = "stdin" if path == "-" else repr(path)
        raise InputError(f"cannot read {where} after line {number}: {error}") from None


def _read_text_files(directory: str) -> Iterator[TextFile]:
    try:
        names = sorted(
            entry.name
            for entry in os.scandir(directory)
            if entry.name.endswith(".txt") and entry.is_file()
        )
    except OSError as error:
        raise InputError(f"cannot list {directory!r}: {error.strerror or error}") from None
    for number, name in enumerate(names, 1):
        path = os.path.join(directory, name)
        try:
            with open(path, "rb") as file:
                data = file.read()
        except OSError as error:
            raise InputError(f"cannot read {path!r}: {error.strerror or error}") from None
        yield TextFile(number, name, data)


def _read_warc(stream: IO[bytes], path: str) -> Iterator[WarcPage | SkippedRecord]:
    try:
        yield from read_warc(stream, path)
    except (WarcError, ImportError) as error:
        raise InputError(str(error)) from None


@contextlib.contextmanager
def open_pages(path: str) -> Iterator[Iterator[Page]]:
    """Open ``path`` (see the module docstring) and give an iterator over its pages.

    Raises :class:`InputError` at once when ``path`` cannot be opened, and while
    iterating when it cannot be read to its end.
    """
    if path == "-":
        yield _read_lines(sys.stdin.buffer, path)
    elif os.path.isdir(path):
        yield _read_text_files(path)
    elif is_warc(path):
        with _open_raw(path) as raw:
            yield _read_warc(raw, path)
    else:
        with _open_file(path) as stream:
            yield _read_lines(stream, path)


def chunked(pages: Iterable[Page], max_pages: int, max_bytes: int) -> Iterator[list[Page]]:
    """Group ``pages`` in order into lists of at most ``max_pages`` pages and, unless
    one page alone is larger, at most ``max_bytes`` bytes.

    >>> pages = [JsonLine(n, b"x" * size) for n, size in enumerate([4, 4, 4, 9, 1], 1)]
    >>> [[page.number for page in chunk] for chunk in chunked(pages, 2, 8)]
    [[1, 2], [3], [4], [5]]
    """
    chunk: list[Page] = []
    size = 0
    for page in pages:
        if chunk and (len(chunk) == max_pages or size + len(page.data) > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(page)
        size += len(page.data)
    if chunk:
        yield chunk
