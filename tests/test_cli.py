"""The command line, run as a user runs it: a subprocess, real files, stdin."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import newsclean

SEED = Path(__file__).parent / "fixtures" / "seed" / "iran-mek.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean.cli", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_clean_prints_the_clean_text() -> None:
    result = run("clean", str(SEED))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == newsclean.clean(SEED.read_bytes()).text + "\n"


def test_clean_json_prints_the_article_dict() -> None:
    result = run("clean", "--json", str(SEED))
    assert json.loads(result.stdout) == newsclean.clean(SEED.read_bytes()).to_dict()


def test_stdin_and_a_given_title() -> None:
    result = run("clean", "--title", "Storm hits", "-", stdin=b"Storm hits\n\nIt rained.\n")
    assert (result.returncode, result.stdout) == (0, "It rained.\n")


def test_explain_prints_what_was_removed_and_why() -> None:
    result = run("explain", str(SEED))
    assert result.returncode == 0
    assert result.stdout == newsclean.clean(SEED.read_bytes()).explain() + "\n"
    assert "cruft: link to another article" in result.stdout


def test_missing_file_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = run("clean", str(tmp_path / "nope.txt"))
    assert (result.returncode, result.stdout) == (2, "")
    assert (
        result.stderr
        == f"newsclean: error: cannot read '{tmp_path / 'nope.txt'}': No such file or directory\n"
    )


def test_a_directory_is_one_line_and_status_2(tmp_path: Path) -> None:
    result = run("explain", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Is a directory" in result.stderr


def test_undecodable_bytes_are_cleaned_not_refused(tmp_path: Path) -> None:
    page = tmp_path / "latin1.txt"
    page.write_bytes("Caf\xe9 owners protest.\n\nRead More\n".encode("latin-1"))
    result = run("clean", str(page))
    assert (result.returncode, result.stdout) == (0, "Café owners protest.\n")


def test_usage_errors_exit_2() -> None:
    assert run().returncode == 2
    assert run("scrub", "x").returncode == 2


def test_installed_entry_point() -> None:
    result = subprocess.run(["newsclean", "--version"], capture_output=True, text=True, check=False)
    assert result.stdout == f"newsclean {newsclean.__version__}\n"
