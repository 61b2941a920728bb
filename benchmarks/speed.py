"""Speed benchmark: newsclean against ftfy and clean-text on real scraped-news text.

Run from the repository root (about 3 minutes; ``--quick`` is a smoke run of a few seconds)::

    python benchmarks/speed.py                       # full run, best of 3
    python benchmarks/speed.py --repeats 5 --json /tmp/speed.json
    python benchmarks/speed.py --quick               # small smoke run (CI)
    python benchmarks/speed.py --profile 25          # also cProfile newsclean.clean
    python benchmarks/speed.py --clock cpu           # process_time, on a shared machine

What it does, in one run, in one process pinned to one core:

1. Builds the corpus in memory (``corpus.py``): the fixture pages of ``tests/fixtures``
   and every extractor output in ``../shared/corpora/aeb-dev/docs.jsonl.gz``.
2. Times, on the same pages, best of ``--repeats`` (garbage collector off during a
   run): ``newsclean.clean(page)``; newsclean with each default pass alone (all the
   others disabled); ``ftfy.fix_text(page)`` (ftfy's defaults);
   ``ftfy.fix_text(page, uncurl_quotes=False, fix_character_width=False)``
   (newsclean's ftfy configuration); ``cleantext.clean(page)`` with its defaults
   (``pip install clean-text``, a benchmark-only dependency; skipped with a note when
   missing). Prints MB/s (MB = 10**6 bytes of UTF-8 input), pages/s and speed as a
   multiple of ``ftfy.fix_text``'s (default configuration).
3. By language: the pages grouped by the language newsclean cleans them as
   (detected, as ``newsclean.clean`` does); ``newsclean.clean`` and
   ``ftfy.fix_text`` timed on each group, best of ``--repeats``. Scripts cost
   differently (ftfy's mojibake detector names every Greek and Cyrillic letter),
   and the corpus is mostly English: this is where a slow script shows.
4. Scaling: one page of corpus text repeated to 10 kB, 100 kB, 1 MB and 10 MB;
   seconds and seconds per MB for ``newsclean.clean`` on each, and the 10 MB time
   over 10 times the 1 MB time (1.0 is linear).
5. Peak memory for the 10 MB page, each in a fresh subprocess that has read the page
   and imported newsclean: the growth of the peak RSS (``VmHWM``, what ``ru_maxrss``
   reports, without the peak inherited from this parent process) over the resident size
   before ``clean``, the peak first reset through ``/proc/self/clear_refs`` where Linux
   allows it, and the ``tracemalloc`` peak, as multiples of the input's size in UTF-8
   bytes and as a Python ``str``: once for the corpus repeated (it holds emoji, so
   Python stores it 4 bytes a character), once for its pages with no character
   beyond U+FFFF (2 bytes a character, as most news text).

``--quick`` times every eighth page once, and stops scaling and memory at 1 MB.
``--no-languages``, ``--no-scaling`` and ``--no-memory`` skip those sections.

A timing whose wall time is over 1.1× its CPU time is flagged "busy machine": other
processes took the core, and ``--clock cpu`` gives steadier figures.

A page on which a newsclean pipeline raises is counted in the notes column (its time
until the error is kept); the run goes on.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime
import gc
import importlib.util
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from corpus import DEFAULT_AEB, REPO, build_corpus, summary, utf8_size

import newsclean
from newsclean.language import detect_language

MB = 1_000_000
SCALING_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
QUICK_SCALING_SIZES = (10_000, 100_000, 1_000_000)
NEWSCLEAN_FTFY = {"uncurl_quotes": False, "fix_character_width": False}
PACKAGES = ("newsclean", "ftfy", "regex", "attrs", "clean-text", "emoji", "unidecode")


# --------------------------------------------------------------------------- timing


@dataclass
class Row:
    """One timed cleaner: best time over the corpus, and how often it raised."""

    name: str
    call: str
    seconds: float
    runs: list[float]
    pages: int
    bytes: int
    cpu_seconds: float
    failures: int = 0
    note: str = ""

    @property
    def mb_per_s(self) -> float:
        return self.bytes / MB / self.seconds

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds


@dataclass
class Cleaner:
    """A function to time on every page, with the call it stands for."""

    name: str
    call: str
    func: Callable[[str], object]
    note: str = ""


@dataclass
class Run:
    """One pass of a cleaner over the pages: wall and CPU seconds, and failures."""

    seconds: float
    cpu_seconds: float
    failures: int = 0
    first_error: str = ""


def time_once(func: Callable[[str], object], texts: Sequence[str]) -> Run:
    """One pass of ``func`` over ``texts``, the garbage collector off."""
    failures, first_error = 0, ""
    gc.collect()
    gc.disable()
    try:
        cpu, start = time.process_time(), time.perf_counter()
        for text in texts:
            try:
                func(text)
            except Exception as error:  # a failing page is reported, not fatal
                failures += 1
                first_error = first_error or f"{type(error).__name__}: {error}"[:160]
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        gc.enable()
    return Run(elapsed, cpu, failures, first_error)


def busy_note(run: Run) -> str:
    """A warning when the wall time is well above the CPU time: the machine was busy."""
    if run.seconds > 1.1 * run.cpu_seconds and run.seconds > 0.05:
        return f"[busy machine: wall time {run.seconds / run.cpu_seconds:.2f}× CPU time]"
    return ""


def best_run(runs: Sequence[Run], clock: str) -> Run:
    """The fastest run by ``clock``: ``"wall"`` (perf_counter) or ``"cpu"`` (process_time)."""
    return min(runs, key=lambda run: run.seconds if clock == "wall" else run.cpu_seconds)


def time_cleaners(
    todo: Sequence[Cleaner], texts: Sequence[str], repeats: int, size: int, clock: str = "wall"
) -> list[Row]:
    """Best of ``repeats`` runs of each cleaner over ``texts``, after one warm-up call.

    The runs take turns (every cleaner once, then every cleaner again), so a
    machine that slows down or speeds up over the minutes of a run weighs on all
    cleaners alike, and the ratios between them stay fair. ``seconds`` is the best
    run's time by ``clock``; ``runs`` are all wall times.
    """
    for cleaner in todo:
        with contextlib.suppress(Exception):  # counted in the timed runs
            cleaner.func(texts[0])
    runs: list[list[Run]] = [[] for _ in todo]
    for _ in range(repeats):
        for cleaner, its_runs in zip(todo, runs, strict=True):
            its_runs.append(time_once(cleaner.func, texts))
    return [_row(c, r, len(texts), size, clock) for c, r in zip(todo, runs, strict=True)]


def _row(cleaner: Cleaner, runs: Sequence[Run], pages: int, size: int, clock: str) -> Row:
    """The table row of ``cleaner``, from its ``runs``."""
    best = best_run(runs, clock)
    notes = [cleaner.note, busy_note(best) if clock == "wall" else ""]
    if best.failures:
        notes.insert(0, f"{best.failures} pages raised ({best.first_error})")
    return Row(
        cleaner.name,
        cleaner.call,
        best.seconds if clock == "wall" else best.cpu_seconds,
        [run.seconds for run in runs],
        pages,
        size,
        best.cpu_seconds,
        best.failures,
        " ".join(note for note in notes if note),
    )


def pass_alone(name: str) -> Callable[[str], object]:
    """``newsclean.clean`` with a default pipeline where only the pass ``name`` runs."""
    pipeline = newsclean.Pipeline.default()
    for other in pipeline.names:
        if other != name:
            pipeline = pipeline.disable(other)

    def run(text: str) -> object:
        return newsclean.clean(text, pipeline=pipeline)

    return run


def cleantext_cleaner() -> tuple[Cleaner | None, str]:
    """clean-text's ``clean`` with its defaults, or None and why it is missing."""
    try:
        import cleantext  # type: ignore[import-not-found]
    except ImportError:
        return None, "clean-text is not installed (pip install clean-text): row skipped"
    note = ""
    if importlib.util.find_spec("unidecode") is None:
        note = "to_ascii through unicodedata (unidecode, GPL, not installed)"
    return Cleaner("clean-text", "cleantext.clean(page)", cleantext.clean, note), note


def cleaners() -> tuple[list[Cleaner], list[str]]:
    """Everything to time, in table order, and notes on what was skipped."""
    import ftfy

    found = [Cleaner("newsclean", "newsclean.clean(page)", newsclean.clean)]
    found += [
        Cleaner(f"  only {name}", f"{name} alone (the other passes disabled)", pass_alone(name))
        for name in newsclean.Pipeline.default().names
    ]
    found += [
        Cleaner("ftfy (default config)", "ftfy.fix_text(page)", ftfy.fix_text),
        Cleaner(
            "ftfy (newsclean config)",
            "ftfy.fix_text(page, uncurl_quotes=False, fix_character_width=False)",
            lambda text: ftfy.fix_text(text, **NEWSCLEAN_FTFY),  # type: ignore[arg-type]
        ),
    ]
    clean_text, note = cleantext_cleaner()
    if clean_text is None:
        return found, [note]
    return [*found, clean_text], []


def print_table(rows: Sequence[Row], baseline: Row) -> None:
    """The timing table; ``× ftfy`` is the row's speed over ``baseline``'s."""
    print(f"{'':<30} {'seconds':>8} {'MB/s':>7} {'pages/s':>8} {'× ftfy':>7}  notes")
    for row in rows:
        ratio = baseline.seconds / row.seconds
        print(
            f"{row.name:<30} {row.seconds:8.3f} {row.mb_per_s:7.2f} {row.pages_per_s:8.1f}"
            f" {ratio:6.2f}×  {row.note}"
        )


# --------------------------------------------------------------------------- languages


def by_language(texts: Sequence[str]) -> dict[str, list[str]]:
    """The pages by the language newsclean cleans them as ("unknown" when detection
    is unsure), the largest group first."""
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(detect_language(text) or "unknown", []).append(text)
    return dict(sorted(groups.items(), key=lambda group: -len(group[1])))


def language_rows(texts: Sequence[str], repeats: int, clock: str) -> list[dict[str, Any]]:
    """``newsclean.clean`` and ``ftfy.fix_text`` timed on the pages of each language."""
    import ftfy

    todo = [
        Cleaner("newsclean", "newsclean.clean(page)", newsclean.clean),
        Cleaner("ftfy", "ftfy.fix_text(page)", ftfy.fix_text),
    ]
    rows = []
    for language, group in by_language(texts).items():
        size = utf8_size(group)
        ours, theirs = time_cleaners(todo, group, repeats, size, clock)
        rows.append(
            {
                "language": language,
                "pages": len(group),
                "bytes": size,
                "newsclean_seconds": ours.seconds,
                "ftfy_seconds": theirs.seconds,
            }
        )
    return rows


def print_languages(rows: Sequence[dict[str, Any]]) -> None:
    """The table of ``language_rows``: MB/s of each, and newsclean's speed over ftfy's."""
    print(f"{'language':<9} {'pages':>5} {'MB':>6} {'newsclean MB/s':>15} {'ftfy MB/s':>10} × ftfy")
    for row in rows:
        mb, ours, theirs = row["bytes"] / MB, row["newsclean_seconds"], row["ftfy_seconds"]
        print(
            f"{row['language']:<9} {row['pages']:5d} {mb:6.2f} {mb / ours:15.2f}"
            f" {mb / theirs:10.2f} {theirs / ours:6.2f}×"
        )


# --------------------------------------------------------------------------- scaling


def page_of_size(texts: Sequence[str], size: int) -> str:
    """One page of ``size`` UTF-8 bytes (a partial character at the cut dropped):
    ``texts`` joined by blank lines, repeated as often as needed.

    >>> page_of_size(["ab", "cd"], 9)
    'ab\\n\\ncd\\n\\na'
    """
    if not texts:
        raise ValueError("no text to make a page of")
    pieces, total = [], 0
    while total < size:
        for text in texts:
            pieces.append(text)
            total += len(text.encode("utf-8", "surrogatepass")) + 2
            if total >= size:
                break
    data = "\n\n".join(pieces).encode("utf-8", "surrogatepass")[:size]
    return data.decode("utf-8", "ignore")


@dataclass
class Scale:
    """``newsclean.clean`` on one page of ``bytes`` UTF-8 bytes."""

    bytes: int
    seconds: float
    cpu_seconds: float
    runs: list[float] = field(default_factory=list)
    note: str = ""

    @property
    def seconds_per_mb(self) -> float:
        return self.seconds / (self.bytes / MB)


def scaling(
    texts: Sequence[str], sizes: Sequence[int], repeats: int, clock: str = "wall"
) -> list[Scale]:
    """Time ``newsclean.clean`` on pages of ``sizes``; pages of 10 MB and more run once."""
    result = []
    for size in sizes:
        page = page_of_size(texts, size)
        runs = [
            time_once(newsclean.clean, [page]) for _ in range(1 if size >= 10 * MB else repeats)
        ]
        best = best_run(runs, clock)
        seconds = best.seconds if clock == "wall" else best.cpu_seconds
        note = busy_note(best) if clock == "wall" else ""
        result.append(Scale(size, seconds, best.cpu_seconds, [r.seconds for r in runs], note))
    return result


def print_scaling(scales: Sequence[Scale]) -> None:
    print(f"{'page size':>10} {'seconds':>9} {'s per MB':>9} {'vs 10× previous':>16}")
    previous: Scale | None = None
    for scale in scales:
        growth = ""
        if previous is not None:
            expected = previous.seconds * scale.bytes / previous.bytes
            growth = f"{scale.seconds / expected:.2f}"
        print(
            f"{_size(scale.bytes):>10} {scale.seconds:9.4f} {scale.seconds_per_mb:9.3f}"
            f" {growth:>16}  {scale.note}"
        )
        previous = scale
    if len(scales) >= 2:
        last, before = scales[-1], scales[-2]
        ratio = last.seconds / (before.seconds * last.bytes / before.bytes)
        factor = last.bytes // before.bytes
        print(
            f"time({_size(last.bytes)}) / ({factor} × time({_size(before.bytes)})) = {ratio:.2f}"
            " (1.00 is linear)"
        )


def _size(n: int) -> str:
    return f"{n // MB} MB" if n >= MB else f"{n // 1000} kB"


# --------------------------------------------------------------------------- memory


def current_rss() -> int | None:
    """The resident set size now, in bytes (Linux), else None."""
    try:
        fields = Path("/proc/self/statm").read_text().split()
    except OSError:
        return None
    return int(fields[1]) * os.sysconf("SC_PAGE_SIZE")


def reset_peak_rss() -> bool:
    """Reset the kernel's peak RSS (and so ``ru_maxrss``) to the current RSS (Linux >= 4.0)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


def max_rss() -> int:
    """The peak resident set size of this process, in bytes.

    ``VmHWM`` from ``/proc/self/status`` where there is one: it is the figure
    ``ru_maxrss`` reports for the process's own memory, but unlike ``ru_maxrss`` it does
    not inherit the peak of the parent that forked us, and ``reset_peak_rss`` resets it.
    Elsewhere ``ru_maxrss`` (kB on Linux, bytes on macOS).
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def memory_child(path: str, mode: str) -> dict[str, Any]:
    """In a fresh process: clean the page in ``path`` and measure memory (``rss`` or
    ``tracemalloc``)."""
    import tracemalloc

    page = Path(path).read_text(encoding="utf-8")
    newsclean.clean("Warm up\n\nRead More\n\nThe regimeâ€™s text.")  # compile patterns first
    gc.collect()
    figures: dict[str, Any] = {"mode": mode, "str_bytes": sys.getsizeof(page), "chars": len(page)}
    if mode == "rss":
        figures["peak_reset"] = reset_peak_rss()
        before, peak_before = current_rss(), max_rss()
        start = time.perf_counter()
        article = newsclean.clean(page)
        figures["seconds"] = time.perf_counter() - start
        figures.update(rss_before=before, max_rss_before=peak_before, max_rss_after=max_rss())
    else:
        tracemalloc.start()
        article = newsclean.clean(page)
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        figures.update(traced_peak=peak, traced_after=current)
    figures["text_chars"] = len(article.text)
    return figures


def probe_memory(page: str) -> dict[str, Any]:
    """Memory figures for cleaning ``page``, each mode in its own fresh subprocess."""
    size = utf8_size([page])
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(page)
    try:
        figures: dict[str, Any] = {"utf8_bytes": size}
        for mode in ("rss", "tracemalloc"):
            command = [sys.executable, __file__, "--memory-probe", f.name, "--probe-mode", mode]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                figures[f"{mode}_error"] = done.stderr.strip().splitlines()[-1:]
                continue
            figures.update(json.loads(done.stdout.strip().splitlines()[-1]))
    finally:
        os.unlink(f.name)
    return figures


def print_memory(figures: dict[str, Any]) -> None:
    size, str_size = figures["utf8_bytes"], figures.get("str_bytes")
    print(f"input: {size / MB:.2f} MB UTF-8, {str_size / MB if str_size else 0:.2f} MB as a str")
    for key in ("rss_error", "tracemalloc_error"):
        if key in figures:
            print(f"  {key}: {figures[key]}")
    if "max_rss_after" in figures:
        before = figures["rss_before"] or figures["max_rss_before"]
        delta = figures["max_rss_after"] - before
        capped = figures["max_rss_after"] == figures["max_rss_before"]
        print(
            f"  peak RSS growth during clean: {'<= ' if capped else ''}{delta / MB:.1f} MB"
            f" = {delta / size:.1f}× the UTF-8 input, {delta / str_size:.1f}× the str"
            f" (clean took {figures['seconds']:.2f} s)"
        )
    if "traced_peak" in figures:
        peak = figures["traced_peak"]
        print(
            f"  tracemalloc peak during clean: {peak / MB:.1f} MB = {peak / size:.1f}× the UTF-8"
            f" input, {peak / str_size:.1f}× the str; still held by the Article:"
            f" {figures['traced_after'] / MB:.1f} MB"
        )


# --------------------------------------------------------------------------- profile


def profile(texts: Sequence[str], top: int) -> str:
    """cProfile of ``newsclean.clean`` over ``texts``: top functions by cumulative and
    by own time."""
    newsclean.clean(texts[0])
    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        with contextlib.suppress(Exception):  # counted in the timing table
            newsclean.clean(text)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    for order in ("cumulative", "tottime"):
        stats.sort_stats(order).print_stats(top)
    return out.getvalue()


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor()
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "pinned_to": sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "packages": versions,
        "git": git_state(),
    }


def git_state() -> str:
    """The repository's commit, with ``+dirty`` when ``src/`` has uncommitted changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "src"], cwd=REPO, capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        return "unknown"
    return f"{commit}{'+dirty' if dirty else ''}" or "unknown"


def pin_to_one_core() -> None:
    """Run on one core (the last one allowed), where the OS lets us choose."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})


# --------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="best of N runs (default 3)")
    parser.add_argument("--quick", action="store_true", help="small smoke run (seconds)")
    parser.add_argument("--json", metavar="OUT", help="save all figures as JSON to OUT")
    parser.add_argument(
        "--corpus", type=Path, default=DEFAULT_AEB, help=f"aeb docs (default {DEFAULT_AEB})"
    )
    parser.add_argument("--no-languages", action="store_true", help="skip the by-language section")
    parser.add_argument("--no-scaling", action="store_true", help="skip the scaling section")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory section")
    parser.add_argument("--no-pin", action="store_true", help="do not pin to one core")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="time by perf_counter (wall, default) or by process_time (cpu: steadier when"
        " other processes share the machine)",
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="also print a cProfile top N"
    )
    parser.add_argument("--memory-probe", help=argparse.SUPPRESS)
    parser.add_argument("--probe-mode", default="rss", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.memory_probe:
        print(json.dumps(memory_child(args.memory_probe, args.probe_mode)))
        return
    if not args.no_pin:
        pin_to_one_core()
    repeats = 1 if args.quick else max(1, args.repeats)
    report: dict[str, Any] = {
        "machine": machine(),
        "quick": args.quick,
        "repeats": repeats,
        "clock": args.clock,
    }
    info = report["machine"]
    print(
        f"{info['date']}  {info['cpu']}  ({info['cpus']} CPUs, pinned to {info['pinned_to']})"
        f"\nPython {info['python']}; "
        + ", ".join(f"{k} {v}" for k, v in info["packages"].items() if v)
        + f"; repo {info['git']}"
    )

    pages, notes = build_corpus(args.corpus)
    if args.quick:
        pages = pages[::8]
    texts = [page.text for page in pages]
    about = summary(pages)
    report["corpus"] = about
    size = int(about["bytes"])  # type: ignore[call-overload]
    print(
        f"\ncorpus: {about['pages']} pages, {size / MB:.2f} MB UTF-8, {about['chars']:,} chars"
        f" ({about['by_source']}); {about['ascii_pages']} pages pure ASCII"
    )

    todo, skipped = cleaners()
    for note in notes + skipped:
        print(f"note: {note}")
    clock = "perf_counter" if args.clock == "wall" else "process_time"
    print(f"\n## Throughput (best of {repeats} by {clock}, one core)\n")
    rows = time_cleaners(todo, texts, repeats, size, args.clock)
    baseline = next(row for row in rows if row.call == "ftfy.fix_text(page)")
    print_table(rows, baseline)
    report["rows"] = [asdict(row) | {"mb_per_s": row.mb_per_s} for row in rows]

    if not args.no_languages:
        print(f"\n## By language of the page (best of {repeats} by {clock})\n")
        report["languages"] = language_rows(texts, repeats, args.clock)
        print_languages(report["languages"])

    if not args.no_scaling:
        sizes = QUICK_SCALING_SIZES if args.quick else SCALING_SIZES
        heading = f"newsclean.clean on one page (best of {repeats} by {clock}; 10 MB once)"
        print(f"\n## Scaling: {heading}\n")
        scales = scaling(texts, sizes, repeats, args.clock)
        print_scaling(scales)
        report["scaling"] = [asdict(scale) for scale in scales]

    if not args.no_memory:
        largest = (QUICK_SCALING_SIZES if args.quick else SCALING_SIZES)[-1]
        print(f"\n## Peak memory: newsclean.clean on one {_size(largest)} page, fresh process\n")
        print("The corpus repeated (it holds emoji: 4 bytes a character as a str):")
        figures = probe_memory(page_of_size(texts, largest))
        print_memory(figures)
        report["memory"] = figures
        in_bmp = [text for text in texts if max(text, default="") <= "\uffff"]
        if in_bmp:
            print("\nIts pages with no character beyond U+FFFF, repeated (2 bytes a character):")
            figures = probe_memory(page_of_size(in_bmp, largest))
            print_memory(figures)
            report["memory_bmp"] = figures

    if args.profile:
        print(f"\n## cProfile of newsclean.clean over the corpus (top {args.profile})\n")
        report["profile"] = profile(texts, args.profile)
        print(report["profile"])

    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        print(f"\nfigures saved to {args.json}")


if __name__ == "__main__":
    main()
