"""The ``newsclean`` command line.

``newsclean clean FILE|-`` prints the clean text (``--json``: the Article as JSON);
FILE is text, or an HTML page whose main text trafilatura extracts first
(:func:`newsclean.clean_html`; told by how the file starts, or ``--html``);
``newsclean explain FILE|-`` prints what was removed and why (``--html``: a review
page, see :mod:`newsclean.review`); ``newsclean report OUT`` summarises a batch
output as one HTML page (:mod:`newsclean.report`);
``newsclean batch IN -o OUT`` cleans JSON Lines or a directory of ``.txt`` files
into JSON Lines (see :mod:`newsclean.batch`). Problems with the input, the output
or the options end with a one-line message on stderr and exit status 2; with
``batch --strict``, a bad record ends the run with status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from newsclean import clean, clean_html
from newsclean._version import __version__
from newsclean.article import Article
from newsclean.batch import BatchOptions, StrictStop, default_workers, make_progress, run_batch
from newsclean.html_pages import looks_like_html
from newsclean.readers import InputError
from newsclean.report import TOP_PAGES, ReportError, build_report
from newsclean.writers import OutputError, open_output

__all__ = ["main"]

EXIT_BAD_RECORD = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError as error:
        raise InputError(f"cannot read {path!r}: {error.strerror or error}") from error


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
        command.add_argument(
            "file", metavar="FILE", help="a text or HTML file (HTML is told by its start), or -"
        )
        command.add_argument("--title", help="the headline, when known (else it is guessed)")
        command.add_argument("--url", help="the page's URL, kept in the Article")
        _add_input_format(command, html_flag=name == "clean")
        if name == "clean":
            command.add_argument(
                "--json", action="store_true", help="print the whole Article as JSON"
            )
        else:
            _add_review_output(command)
    _add_batch(commands)
    _add_report(commands)
    return parser


def _add_input_format(command: argparse.ArgumentParser, html_flag: bool) -> None:
    """``--text`` (and on ``clean``, ``--html``) to say what FILE holds instead of
    telling it by its start (:func:`newsclean.html_pages.looks_like_html`)."""
    group = command.add_mutually_exclusive_group()
    group.add_argument(
        "--text", dest="input", action="store_const", const="text", help="FILE is text"
    )
    if html_flag:
        group.add_argument(
            "--html",
            dest="input",
            action="store_const",
            const="html",
            help="FILE is an HTML page: extract its main text first (needs newsclean[html])",
        )


def _usage_error(error: object) -> int:
    """Say what is wrong on one line of stderr; the exit status for it."""
    print(f"newsclean: error: {error}", file=sys.stderr)
    return EXIT_USAGE


def _workers(value: str) -> int:
    try:
        workers = int(value)
    except ValueError:
        workers = 0
    if workers < 1:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of processes, 1 or more: {value!r}"
        )
    return workers


def _add_batch(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = "clean many pages: JSON Lines, .txt files or WARC files in, JSON Lines out"
    batch = commands.add_parser(
        "batch",
        help=summary,
        description=summary + ". Files ending in .gz or .zst are (de)compressed.",
        epilog="Bad records are reported on stderr and left out of OUT. Exit status: 0 done,"
        " 1 stopped by --strict, 2 input, output or usage error, 130 interrupted.",
    )
    batch.add_argument(
        "source",
        metavar="IN",
        help="a JSON Lines file (one object per page; .gz, .zst), a directory of .txt files,"
        " a WARC file (.warc, .warc.gz: its HTML responses; needs newsclean[warc]),"
        " or - for JSON Lines on stdin",
    )
    batch.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the JSON Lines file to write (.gz, .zst), written whole or not at all; - for stdout",
    )
    batch.add_argument(
        "--text-field",
        metavar="NAME",
        default="text",
        help="the field that holds the page text (default: text)",
    )
    batch.add_argument(
        "--html-field",
        metavar="NAME",
        help="the records hold HTML in field NAME: extract the main text of each first"
        " (needs newsclean[html])",
    )
    batch.add_argument(
        "--workers",
        metavar="N",
        type=_workers,
        default=default_workers(),
        help="worker processes (default: the number of CPUs, here %(default)s);"
        " 1 cleans in this process",
    )
    batch.add_argument(
        "--no-changes",
        dest="with_changes",
        action="store_false",
        help="leave the changes list out of each record",
    )
    batch.add_argument(
        "--strict", action="store_true", help="stop at the first bad record, with exit status 1"
    )
    batch.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary (bad records are still reported)",
    )
    batch.add_argument(
        "--summary-json",
        metavar="FILE",
        help="also write the summary as JSON to FILE when the run completes",
    )


def _batch(args: argparse.Namespace) -> int:
    options = BatchOptions(
        args.source,
        args.output,
        text_field=args.text_field,
        with_changes=args.with_changes,
        workers=args.workers,
        strict=args.strict,
        html_field=args.html_field,
    )
    show = not args.quiet and sys.stderr.isatty()
    try:
        summary = run_batch(options, progress=lambda: make_progress(show))
        if args.summary_json:
            with open_output(args.summary_json) as out:
                out.write(json.dumps(summary.to_dict(), indent=1).encode() + b"\n")
    except (InputError, OutputError, ImportError) as error:
        return _usage_error(error)
    except StrictStop as stop:
        print(f"newsclean: error: {stop} (stopped by --strict)", file=sys.stderr)
        return EXIT_BAD_RECORD
    except KeyboardInterrupt:
        left = "" if args.output == "-" else f"; {args.output!r} was left as it was"
        print(f"newsclean: interrupted{left}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # stdout's reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BAD_RECORD
    if not args.quiet:
        print(summary.describe(), file=sys.stderr)
    return 0


def _add_review_output(explain: argparse.ArgumentParser) -> None:
    explain.add_argument(
        "--html",
        dest="review",
        action="store_true",
        help="write a self-contained HTML review page instead: every change marked in the"
        " original, with its pass and reason",
    )
    explain.add_argument(
        "-o", "--output", metavar="PATH", help="with --html: the file to write (default: stdout)"
    )


def _add_report(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    summary = "summarise a batch output as one self-contained HTML page"
    report = commands.add_parser("report", help=summary, description=summary)
    report.add_argument(
        "source", metavar="OUT", help="a JSON Lines file written by newsclean batch (.gz, .zst)"
    )
    report.add_argument(
        "-o", "--output", metavar="PATH", default="-", help="the HTML file to write (- stdout)"
    )
    report.add_argument(
        "--top",
        metavar="N",
        type=int,
        default=TOP_PAGES,
        help="review the N pages with the most characters removed (default: %(default)s)",
    )
    report.add_argument(
        "--summary",
        metavar="FILE",
        help="the batch's --summary-json file, to list the bad records it left out",
    )


def _write_html(document: str, path: str) -> int:
    try:
        with open_output(path) as out:
            out.write(document.encode("utf-8"))  # encodable: see newsclean.review
    except OutputError as error:
        return _usage_error(error)
    return 0


def _report(args: argparse.Namespace) -> int:
    try:
        document = build_report(args.source, top=max(args.top, 0), summary_path=args.summary)
    except ReportError as error:
        return _usage_error(error)
    return _write_html(document, args.output)


def _render(command: str, article: Article, as_json: bool) -> str:
    if command == "explain":
        return article.explain()
    if as_json:
        return json.dumps(article.to_dict(), ensure_ascii=False, indent=1)
    return article.text


def _clean_file(data: bytes, args: argparse.Namespace) -> Article:
    """Clean FILE's bytes as text, or as an HTML page when ``--html`` says so or,
    without ``--text``, when it starts like one."""
    form = getattr(args, "input", None)
    if form == "html" or (form is None and looks_like_html(data)):
        return clean_html(data, title=args.title, url=args.url)
    return clean(data, title=args.title, url=args.url)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    if args.command == "batch":
        return _batch(args)
    if args.command == "report":
        return _report(args)
    if getattr(args, "output", None) is not None and not args.review:
        return _usage_error("-o/--output needs --html")
    try:
        article = _clean_file(_read(args.file), args)
    except (InputError, ImportError) as error:
        return _usage_error(error)
    if article.note:
        print(f"newsclean: {article.note}", file=sys.stderr)
    if getattr(args, "review", False):
        return _write_html(article.to_html(), args.output or "-")
    output = _render(args.command, article, getattr(args, "json", False))
    sys.stdout.write(output + "\n" if output else "")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
