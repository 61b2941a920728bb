"""Batch benchmark: ``newsclean batch`` on a large JSON Lines file, with 1 and 2 workers.

Run from the repository root::

    python benchmarks/batch.py                      # ~200 MB of input, 1 and 2 workers
    python benchmarks/batch.py --size 1GB           # the issue's size
    python benchmarks/batch.py --size 20MB --workers 1 2 4 --json /tmp/batch.json
    python benchmarks/batch.py --size 20MB --repeats 3   # on a busy machine: best of 3

What it does:

1. Builds the input in a temporary directory (``--dir`` to choose it): the fixture
   pages of ``tests/fixtures/pages`` repeated, one JSON object per line
   (``{"id": ..., "source": ..., "text": ...}``), until it holds ``--size`` bytes.
2. For each ``--workers`` value, runs ``python -m newsclean.cli batch IN -o OUT
   --workers N --quiet`` in a fresh measuring process, which reports
   - wall seconds, CPU seconds of the whole process tree, and CPU seconds of the
     main ``newsclean`` process alone (sampled; with workers, what reading,
     moving chunks and writing cost: it bounds the speed-up);
   - the peak RSS of the largest process of the tree: ``ru_maxrss`` of
     ``resource.getrusage(RUSAGE_CHILDREN)`` in the measuring process, which has
     run nothing else (so the figure is this run's alone);
   - the peak of the RSS and of the PSS (shared pages counted once) summed over
     the tree, sampled from ``/proc`` every 0.2 s.
3. Prints pages/s and MB/s (MB = 10**6 bytes of input JSON Lines) for each run,
   the speed-up over the first run, pages per CPU second of the whole tree (what
   the parallel machinery costs, and a figure a busy machine disturbs less than
   wall time), and checks that every run wrote the same
   bytes (the parallel output is the serial output).

The machine may be shared: the load average before and after is printed, the
CPU time shows how much of the wall time the run really had the processors, and
before each run N processes that only spin for ``--calibrate`` seconds (default 3)
measure how many CPUs the machine gives N busy processes at that moment: the
"CPUs free" column. A speed-up can be no better than the ratio of those figures.
``--repeats R`` runs the worker counts in turn R times and keeps each one's
fastest run (all runs go to ``--json``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PAGES = sorted((REPO / "tests" / "fixtures" / "pages").glob("*.txt"))
MB = 1_000_000
UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9}


def parse_size(text: str) -> int:
    """``'200MB'`` -> 200_000_000; units B, KB, MB, GB (powers of ten)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", text.upper())
    if not match:
        raise argparse.ArgumentTypeError(f"expected a size such as 200MB or 1GB, not {text!r}")
    return int(float(match[1]) * UNITS[match[2]])


def build_input(path: Path, size: int) -> tuple[int, int]:
    """Write fixture pages as JSON Lines to ``path`` until ``size`` bytes; (pages, bytes)."""
    bodies = [
        json.dumps({"source": page.stem, "text": page.read_text(encoding="utf-8")})[1:].encode()
        for page in PAGES
    ]
    pages = written = 0
    with open(path, "wb") as file:
        while written < size:
            for body in bodies:
                line = b'{"id":"p%d",%s\n' % (pages, body)
                file.write(line)
                pages += 1
                written += len(line)
    return pages, written


# --------------------------------------------------------------------------- measuring


def tree(pid: int) -> Iterator[int]:
    """``pid`` and all its descendants, from ``/proc``."""
    yield pid
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            yield from tree(int(child))


def memory_kb(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in kB; (0, 0) when it is gone."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    fields = dict(re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.MULTILINE))
    return int(fields.get("Rss", 0)), int(fields.get("Pss", 0))


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process so far; 0.0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(command: Sequence[str]) -> dict[str, Any]:
    """Run ``command``; wall and CPU seconds, and peak memory (this process runs nothing else)."""
    start = time.perf_counter()
    process = subprocess.Popen(command)
    peak_rss = peak_pss = 0
    main_cpu = 0.0
    while process.poll() is None:
        main_cpu = cpu_seconds(process.pid) or main_cpu
        sizes = [memory_kb(pid) for pid in tree(process.pid)]
        peak_rss = max(peak_rss, sum(rss for rss, _ in sizes))
        peak_pss = max(peak_pss, sum(pss for _, pss in sizes))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "status": process.returncode,
        "seconds": seconds,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "main_process_cpu_seconds": main_cpu,
        "max_rss_largest_process_mb": usage.ru_maxrss * 1024 / MB,
        "peak_rss_tree_mb": peak_rss * 1024 / MB,
        "peak_pss_tree_mb": peak_pss * 1024 / MB,
    }


def spin(seconds: float) -> float:
    """Spin for ``seconds`` of wall time; the CPU seconds this process got."""
    start_cpu, start = time.process_time(), time.perf_counter()
    while time.perf_counter() - start < seconds:
        pass
    return time.process_time() - start_cpu


def cpus_free(processes: int, seconds: float) -> float:
    """How many CPUs ``processes`` busy processes get now: CPU seconds per wall second."""
    with multiprocessing.Pool(processes) as pool:
        return sum(pool.map(spin, [seconds] * processes)) / seconds


def measured_run(source: Path, output: Path, workers: int) -> dict[str, Any]:
    """One ``newsclean batch`` run, measured in a fresh process."""
    summary = output.with_suffix(".summary.json")
    command = [sys.executable, "-m", "newsclean.cli", "batch", str(source), "-o", str(output)]
    command += ["--workers", str(workers), "--quiet", "--summary-json", str(summary)]
    measurer = [sys.executable, __file__, "--measure", json.dumps(command)]
    result = subprocess.run(measurer, capture_output=True, text=True, check=True)
    row: dict[str, Any] = json.loads(result.stdout)
    if row["status"] != 0:
        raise SystemExit(f"newsclean batch failed with status {row['status']}: {command}")
    row.update(workers=workers, summary=json.loads(summary.read_text()))
    row["sha256"] = file_hash(output)
    return row


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while block := file.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


# --------------------------------------------------------------------------- report


def machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    return {
        "nproc": os.cpu_count(),
        "cpu": model[1] if model else platform.processor(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def report(
    rows: Sequence[dict[str, Any]], runs: Sequence[dict[str, Any]], input_bytes: int, pages: int
) -> str:
    """The table: one row per worker count (its fastest run); ``runs`` are all the runs."""
    lines = [
        f"input: {pages} pages, {input_bytes / MB:.0f} MB",
        f"{'workers':>7} {'seconds':>8} {'cpu s':>8} {'pages/s':>8} {'MB/s':>6} {'speed-up':>8}"
        f" {'pages/cpu-s':>11} {'main cpu s':>10} {'CPUs free':>9}"
        f" {'max RSS 1 proc':>14} {'peak RSS tree':>13} {'peak PSS tree':>13}",
    ]
    for row in rows:
        lines.append(
            f"{row['workers']:>7} {row['seconds']:>8.1f} {row['cpu_seconds']:>8.1f}"
            f" {pages / row['seconds']:>8.0f} {input_bytes / MB / row['seconds']:>6.2f}"
            f" {rows[0]['seconds'] / row['seconds']:>7.2f}x {pages / row['cpu_seconds']:>11.0f}"
            f" {row['main_process_cpu_seconds']:>10.1f} {row['cpus_free']:>9.2f}"
            f" {row['max_rss_largest_process_mb']:>11.0f} MB {row['peak_rss_tree_mb']:>10.0f} MB"
            f" {row['peak_pss_tree_mb']:>10.0f} MB"
        )
    same = len({run["sha256"] for run in runs}) == 1
    lines.append("outputs identical across runs: " + ("yes" if same else "NO"))
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("200MB"))
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeats", type=int, default=1, help="runs per worker count (best kept)")
    parser.add_argument(
        "--dir", type=Path, help="where to write input and output (default: a temp dir)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--calibrate", type=float, default=3.0, help="seconds; 0: skip")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(json.loads(args.measure))))
        return 0
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        source = Path(folder) / "pages.jsonl"
        pages, input_bytes = build_input(source, args.size)
        print(f"built {source}: {pages} pages, {input_bytes / MB:.0f} MB", flush=True)
        load_before = os.getloadavg()
        runs = []
        for _ in range(args.repeats):
            for workers in args.workers:
                free = cpus_free(workers, args.calibrate) if args.calibrate else float("nan")
                runs.append(measured_run(source, Path(folder) / f"out-{workers}.jsonl", workers))
                runs[-1]["cpus_free"] = free
                print(f"  {workers} worker(s): {runs[-1]['seconds']:.1f} s", flush=True)
        load_after = os.getloadavg()
    rows = [
        min((run for run in runs if run["workers"] == workers), key=lambda run: run["seconds"])
        for workers in args.workers
    ]
    info = machine()
    print(f"machine: nproc {info['nproc']}, {info['cpu']}, Python {info['python']}")
    print(f"load average (1, 5, 15 min) before {load_before}, after {load_after}")
    print(report(rows, runs, input_bytes, pages))
    if args.json:
        record = {"machine": info, "pages": pages, "input_bytes": input_bytes, "runs": runs}
        record["load_average"] = {"before": load_before, "after": load_after}
        args.json.write_text(json.dumps(record, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
