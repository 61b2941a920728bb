"""The ``newsclean`` command line.

``newsclean clean FILE|-`` prints the clean text (``--json``: the Article as JSON);
``newsclean explain FILE|-`` prints what was removed and why. Problems with the
input or the options end with a one-line message on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from newsclean import clean
from newsclean._version import __version__
from newsclean.article import Article

__all__ = ["main"]

EXIT_USAGE = 2


class _InputError(Exception):
    """The input could not be read; the message is for the user."""


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as error:
        raise _InputError(f"cannot read {path!r}: {error.strerror or error}") from error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsclean",
        description="Clean text scraped from news pages, and say what was removed and why.",
    )
    parser.add_argument("--version", action="version", version=f"newsclean {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, summary in (
        ("clean", "print the clean text of FILE"),
        ("explain", "print what was removed from FILE, and why"),
    ):
        command = commands.add_parser(name, help=summary, description=summary)
        command.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for stdin")
        command.add_argument("--title", help="the headline, when known (else it is guessed)")
        command.add_argument("--url", help="the page's URL, kept in the Article")
        if name == "clean":
            command.add_argument(
                "--json", action="store_true", help="print the whole Article as JSON"
            )
    return parser


def _render(command: str, article: Article, as_json: bool) -> str:
    if command == "explain":
        return article.explain()
    if as_json:
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=1)
    return article.text


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        data = _read(args.file)
    except _InputError as error:
        print(f"newsclean: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    article = clean(data, title=args.title, url=args.url)
    output = _render(args.command, article, getattr(args, "json", False))
    sys.stdout.write(output + "\n" if output else "")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
