"""Batch output: a file written whole or not at all, compressed by its name.

:func:`open_output` gives a binary stream. For ``-`` it is stdout. For a path it
is a new temporary file next to the path (``.NAME.XXXXXXXX.tmp``, so the rename
stays on one file system), compressed when the path ends in ``.gz`` (gzip) or
``.zst`` (Zstandard, ``pip install 'newsclean[zstd]'``). When the ``with`` block
ends normally the file is flushed to disk and renamed to the path; when it ends
with any exception, ``KeyboardInterrupt`` included, the temporary file is
removed and the path is left as it was.

>>> import os, tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = os.path.join(folder, "out.jsonl")
...     try:
...         with open_output(path) as out:
...             _ = out.write(b"half a ")
...             raise RuntimeError("stopped")
...     except RuntimeError:
...         pass
...     os.listdir(folder)
[]
"""

from __future__ import annotations

import contextlib
import gzip
import os
import secrets
import sys
from collections.abc import Iterator
from typing import IO, Protocol

__all__ = ["OutputError", "Writable", "open_output"]

#: gzip's own command-line default: level 9 costs much more time for little gain.
GZIP_LEVEL = 6
#: zstandard's default level.
ZSTD_LEVEL = 3


class OutputError(Exception):
    """The output cannot be written; the message says which and why."""


class Writable(Protocol):
    """A binary stream, as far as a batch needs one."""

    def write(self, data: bytes, /) -> int:
        """Write ``data``; return how many bytes were taken."""
        ...


@contextlib.contextmanager
def _compressed(raw: IO[bytes], path: str) -> Iterator[Writable]:
    if path.endswith(".gz"):
        name = os.path.basename(path)[: -len(".gz")]  # the name gzip records in the header
        with gzip.GzipFile(name, "wb", GZIP_LEVEL, fileobj=raw) as stream:
            yield stream
    elif path.endswith(".zst"):
        try:
            import zstandard
        except ImportError:
            raise OutputError(
                f"cannot write {path!r}: .zst files need the zstandard package;"
                " install it with: pip install 'newsclean[zstd]'"
            ) from None
        compressor = zstandard.ZstdCompressor(level=ZSTD_LEVEL)
        with compressor.stream_writer(raw, closefd=False) as stream:
            yield stream
    else:
        yield raw


def _create_temporary(path: str) -> tuple[str, IO[bytes]]:
    directory, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(directory, f".{name}.{secrets.token_hex(4)}.tmp")
    if os.path.isdir(path):
        raise OutputError(f"cannot write {path!r}: it is a directory; name a file")
    try:
        # 0o666 less the umask, as for any new file (mkstemp would give 0o600).
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise OutputError(f"cannot write {path!r}: {error.strerror or error}") from None
    return temporary, os.fdopen(descriptor, "wb")


@contextlib.contextmanager
def _atomic_file(path: str) -> Iterator[Writable]:
    temporary, raw = _create_temporary(path)
    try:
        with raw:
            with _compressed(raw, path) as stream:
                yield stream
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


@contextlib.contextmanager
def open_output(path: str) -> Iterator[Writable]:
    """A binary stream to ``path`` (see the module docstring); ``-`` is stdout.

    Raises :class:`OutputError` when the file cannot be created, written or renamed.
    """
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        with _atomic_file(path) as stream:
            yield stream
    except OSError as error:
        raise OutputError(f"cannot write {path!r}: {error.strerror or error}") from None
