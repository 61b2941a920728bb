"""The speed benchmark's corpus: real scraped-news text, with real extractor cruft.

Built in memory on every run (nothing is written into the repository) from:

- the repository's fixture pages, ``tests/fixtures/pages/*.txt`` and
  ``tests/fixtures/seed/*.txt``;
- the ``extracted`` texts of ``../shared/corpora/aeb-dev/docs.jsonl.gz`` (the output
  of 10 extractors on 91 news pages; each non-empty extracted text is one page).

>>> pages = fixture_pages(REPO)
>>> all(page.source == "fixtures" and page.text for page in pages)
True
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_AEB",
    "REPO",
    "Page",
    "aeb_pages",
    "build_corpus",
    "fixture_pages",
    "summary",
]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_AEB = REPO / ".." / "shared" / "corpora" / "aeb-dev" / "docs.jsonl.gz"
FIXTURE_GLOBS = ("tests/fixtures/pages/*.txt", "tests/fixtures/seed/*.txt")


@dataclass(frozen=True)
class Page:
    """One page of the corpus: where it comes from, a name, and its text."""

    source: str
    name: str
    text: str


def fixture_pages(repo: Path = REPO) -> list[Page]:
    """The repository's fixture pages, sorted by path."""
    paths = sorted(path for pattern in FIXTURE_GLOBS for path in repo.glob(pattern))
    return [Page("fixtures", path.name, path.read_text(encoding="utf-8")) for path in paths]


def aeb_pages(path: Path = DEFAULT_AEB) -> list[Page]:
    """Every non-empty ``extracted`` text of the aeb corpus, by page id then extractor."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    pages = []
    for record in sorted(records, key=lambda r: str(r["id"])):
        for extractor, text in sorted(record.get("extracted", {}).items()):
            if isinstance(text, str) and text.strip():
                pages.append(Page(f"aeb:{extractor}", f"{record['id'][:12]}/{extractor}", text))
    return pages


def build_corpus(aeb: Path | None = DEFAULT_AEB, repo: Path = REPO) -> tuple[list[Page], list[str]]:
    """The pages, and notes on sources that could not be read (the run goes on without them)."""
    pages = fixture_pages(repo)
    notes = []
    if aeb is not None:
        try:
            pages += aeb_pages(aeb)
        except (OSError, ValueError, KeyError) as error:
            notes.append(f"aeb corpus not used ({aeb}): {error}")
    return pages, notes


def summary(pages: Sequence[Page]) -> dict[str, object]:
    """Page count, size in UTF-8 bytes and in characters, and pages per source."""
    sources: Counter[str] = Counter(page.source.split(":")[0] for page in pages)
    return {
        "pages": len(pages),
        "bytes": utf8_size(page.text for page in pages),
        "chars": sum(len(page.text) for page in pages),
        "ascii_pages": sum(page.text.isascii() for page in pages),
        "by_source": dict(sorted(sources.items())),
    }


def utf8_size(texts: Iterable[str]) -> int:
    """The total size of ``texts`` in UTF-8 bytes.

    >>> utf8_size(["abc", "é"])
    5
    """
    return sum(len(text.encode("utf-8", "surrogatepass")) for text in texts)
