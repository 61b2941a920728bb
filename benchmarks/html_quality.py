"""Quality of ``newsclean.clean_html`` against trafilatura alone, on the same pages.

On a folder holding ``docs.jsonl.gz`` with records ``{"id", "url", "html",
"gold_text"}`` (``../shared/corpora/aeb-dev`` by default)::

    python benchmarks/html_quality.py [--corpus DIR] [--limit N] [--worst N]

For every page, ``clean_html(html, url=url)`` runs once: its ``original`` is
trafilatura's text (``bare_extraction`` with ``clean_html``'s default options:
no comments, no tables), and its ``text`` is that text cleaned with the headline
trafilatura found passed as the title. Both are scored against ``gold_text``
with token-4-shingle precision, recall and F1 (``scoring.py``), averaged over
pages. Prints the two rows, the pages where cleaning lost gold text, and the
pages where it gained the most precision. Needs ``pip install 'newsclean[html]'``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

from scoring import Scores, shingle_scores

import newsclean

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = (REPO / ".." / "shared" / "corpora" / "aeb-dev").resolve()


def load_docs(corpus: Path, limit: int) -> list[dict[str, Any]]:
    """The corpus records, in file order (the first ``limit`` when ``limit``)."""
    path = corpus / "docs.jsonl.gz" if corpus.is_dir() else corpus
    with gzip.open(path, "rt", encoding="utf-8") as file:
        docs = [json.loads(line) for line in file if line.strip()]
    return docs[:limit] if limit else docs


def mean(scores: list[Scores]) -> Scores:
    """The average of each figure over pages."""
    count = len(scores) or 1
    return Scores(
        sum(s.precision for s in scores) / count,
        sum(s.recall for s in scores) / count,
        sum(s.f1 for s in scores) / count,
    )


def score_pages(docs: list[dict[str, Any]]) -> list[tuple[str, Scores, Scores]]:
    """(id, trafilatura alone, clean_html) scores for every page, progress on stderr."""
    results = []
    start = time.monotonic()
    for number, doc in enumerate(docs, 1):
        article = newsclean.clean_html(doc["html"], url=doc.get("url"))
        gold = doc["gold_text"]
        results.append(
            (doc["id"], shingle_scores(gold, article.original), shingle_scores(gold, article.text))
        )
        print(f"\r{number}/{len(docs)} ({time.monotonic() - start:.0f} s)", end="", file=sys.stderr)
    print(file=sys.stderr)
    return results


def print_report(results: list[tuple[str, Scores, Scores]], worst: int) -> None:
    """The table, then the pages that lost recall and those that gained most precision."""
    alone, cleaned = mean([r[1] for r in results]), mean([r[2] for r in results])
    print(f"{len(results)} pages")
    print(f"{'':<24}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name, s in (("trafilatura alone", alone), ("clean_html", cleaned)):
        print(f"{name:<24}{s.precision:>10.4f}{s.recall:>10.4f}{s.f1:>10.4f}")
    print(
        f"{'difference':<24}{cleaned.precision - alone.precision:>+10.4f}"
        f"{cleaned.recall - alone.recall:>+10.4f}{cleaned.f1 - alone.f1:>+10.4f}"
    )
    lost = [r for r in results if r[2].recall < r[1].recall - 1e-9]
    print(f"\npages where cleaning lowered recall: {len(lost)}")
    for page_id, before, after in sorted(lost, key=lambda r: r[2].recall - r[1].recall)[:worst]:
        print(f"  {page_id}: recall {before.recall:.4f} -> {after.recall:.4f}")
    gains = sorted(results, key=lambda r: r[1].precision - r[2].precision)[:worst]
    print("\nlargest precision gains:")
    for page_id, before, after in gains:
        print(f"  {page_id}: precision {before.precision:.4f} -> {after.precision:.4f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="corpus folder")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=10, help="pages listed (default 10)")
    args = parser.parse_args(argv)
    print(f"newsclean {newsclean.__version__}, {newsclean.clean_html.__module__}")
    print_report(score_pages(load_docs(args.corpus, args.limit)), args.worst)


if __name__ == "__main__":
    main()
