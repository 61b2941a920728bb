"""Quality benchmark: does newsclean make extractor output closer to the gold article text?

Two modes.

**Shingle mode** (default), on a folder holding ``docs.jsonl.gz`` or ``docs.jsonl`` with
records ``{"id", "gold_text", "extracted": {extractor: text}, "html"}`` (``aeb-dev``)::

    python benchmarks/quality.py                      # ../shared/corpora/aeb-dev
    python benchmarks/quality.py --corpus DIR --worst 15 --cruft 40 --per-pass --json OUT

For every page and every extractor output in ``extracted``, plus trafilatura run live
on the HTML (column ``trafilatura-live``; skipped with a note when trafilatura is not
installed), the raw extraction and ``newsclean.clean(extraction).text`` (no title is
passed) are scored against ``gold_text`` with token-4-shingle precision/recall/F1
(``scoring.py``), averaged over pages. Prints one table, then the pairs with the
largest recall loss (with the changes that removed gold text), the pairs with the
largest precision gain, a tally per rule (changes made, and how many removed gold
text), with ``--per-pass`` the score of the pipeline without each pass, and with
``--cruft N`` the non-gold lines that survive cleaning most often.

**Snippet mode** (``--trafilatura-eval``), on ``../shared/corpora/trafilatura-eval``::

    python benchmarks/quality.py --trafilatura-eval [--limit N] [--cruft N] [--json OUT]

trafilatura runs live on each page; its output and newsclean's cleaning of it are
scored with must_keep / must_drop snippets (TP, FN, FP, TN summed over pages).

trafilatura is a benchmark-only dependency (``pip install trafilatura``); it is called
as ``trafilatura.extract(html, include_comments=False, include_tables=False)``, all
other options at their defaults. Its outputs are cached in ``/tmp/newsclean-quality``
(keyed by trafilatura version, options and a hash of the HTML), so reruns are fast.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import hashlib
import json
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from scoring import (
    Scores,
    Shingle,
    SnippetCounts,
    normalize_ws,
    shingle_scores,
    shingles,
    snippet_counts,
    tokenize,
)

import newsclean

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = (REPO / ".." / "shared" / "corpora" / "aeb-dev").resolve()
DEFAULT_TRAF_EVAL = (REPO / ".." / "shared" / "corpora" / "trafilatura-eval").resolve()
CACHE_DIR = Path("/tmp/newsclean-quality")
TRAFILATURA_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": False}
LIVE = "trafilatura-live"
#: Extractors that return the whole page text (menus, footers): left out of --cruft.
FULL_PAGE = frozenset({"html-text", "inscriptis"})
EPSILON = 1e-9


# --------------------------------------------------------------------------- input


def load_docs(corpus: Path) -> list[dict[str, Any]]:
    """The records of ``corpus/docs.jsonl.gz`` (or ``docs.jsonl``; or ``corpus`` itself)."""
    if corpus.is_dir():
        candidates = [corpus / "docs.jsonl.gz", corpus / "docs.jsonl"]
        corpus = next((c for c in candidates if c.exists()), candidates[0])
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run_info() -> dict[str, str]:
    """Date, git commit and dirtiness of ``src/``, newsclean and trafilatura versions."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=REPO, capture_output=True, text=True, check=True
            ).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return "?"

    dirty = git("status", "--porcelain", "--", "src")
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git("rev-parse", "--short", "HEAD"),
        "src": "uncommitted changes in src/" if dirty else "src/ clean",
        "newsclean": newsclean.__version__,
        "trafilatura": trafilatura_version() or "not installed",
    }


# --------------------------------------------------------------------------- trafilatura


def trafilatura_version() -> str | None:
    """The installed trafilatura version, or None when it cannot be imported."""
    try:
        import trafilatura
    except ImportError:
        return None
    return str(trafilatura.__version__)


class TrafilaturaCache:
    """trafilatura outputs stored one JSON line each under ``CACHE_DIR``."""

    def __init__(self, version: str) -> None:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        options = json.dumps(TRAFILATURA_OPTIONS, sort_keys=True)
        self.prefix = f"{version}|{options}|"
        self.path = CACHE_DIR / "trafilatura.jsonl"
        self.outputs: dict[str, str] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                entry = json.loads(line)
                self.outputs[entry["key"]] = entry["text"]

    def key(self, html: str) -> str:
        """The cache key of one page."""
        return hashlib.sha256((self.prefix + html).encode("utf-8", "surrogatepass")).hexdigest()

    def extract(self, html: str) -> str:
        """trafilatura's text for ``html``, from the cache or run now (and stored)."""
        import trafilatura

        key = self.key(html)
        if key not in self.outputs:
            text = trafilatura.extract(html, **TRAFILATURA_OPTIONS) or ""
            self.outputs[key] = text
            with self.path.open("a", encoding="utf-8") as out:
                out.write(json.dumps({"key": key, "text": text}) + "\n")
        return self.outputs[key]


def run_trafilatura(docs: list[dict[str, Any]], limit_note: str = "") -> list[str] | None:
    """trafilatura's output for every doc (progress on stderr), or None if not installed."""
    version = trafilatura_version()
    if version is None:
        return None
    cache = TrafilaturaCache(version)
    outputs = []
    started = time.monotonic()
    for number, doc in enumerate(docs, 1):
        outputs.append(cache.extract(doc["html"] or ""))
        if number % 25 == 0 or number == len(docs):
            elapsed = time.monotonic() - started
            print(
                f"\rtrafilatura {number}/{len(docs)}{limit_note} ({elapsed:.0f} s)",
                end="",
                file=sys.stderr,
                flush=True,
            )
    print(file=sys.stderr)
    return outputs


# --------------------------------------------------------------------------- cleaning


@dataclass
class Cleaned:
    """newsclean's result for one text: the text and the changes (or the error raised)."""

    text: str
    changes: list[newsclean.Change] = field(default_factory=list)
    error: str | None = None
    title: str | None = None


def clean(text: str, pipeline: newsclean.Pipeline | None = None) -> Cleaned:
    """``newsclean.clean(text)`` without a title; on an exception the text is kept as is."""
    try:
        article = newsclean.clean(text, pipeline=pipeline)
    except Exception as exc:  # a crash is reported, not fatal
        return Cleaned(text, [], f"{type(exc).__name__}: {exc}")
    return Cleaned(article.text, list(article.changes), title=article.title)


def shorten(text: str, width: int = 110) -> str:
    """``text`` on one line, at most ``width`` characters."""
    text = normalize_ws(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def removes_target(change: newsclean.Change, target: Counter[Shingle], joined: str) -> bool:
    """Whether ``change`` removes text of the target (lost gold shingles, or a snippet).

    True when a shingle of the removed text is a target shingle not in the replacement;
    a removed text of 1 to 3 tokens counts when those tokens occur in a row in the
    target (``joined``: the target's tokens joined, each run padded with spaces).
    """
    removed = tokenize(change.removed)
    if not removed:
        return False
    if len(removed) < 4:
        kept = tokenize(change.replacement)
        return f" {' '.join(removed)} " in joined and removed != kept
    lost = (shingles(removed) & target) - shingles(change.replacement)
    return bool(lost)


def rule_of(change: newsclean.Change) -> str:
    """The rule behind a change: pass and reason, numbers in the reason as ``#``.

    >>> rule_of(newsclean.Change("p", "tail ends 6 paragraphs", 0, 1, "x", ""))
    'p / tail ends # paragraphs'
    """
    reason = "".join("#" if ch.isdigit() else ch for ch in change.reason)
    return f"{change.pass_name} / {reason}".replace("##", "#")


def group_changes(changes: list[dict[str, str]], limit: int = 5) -> list[str]:
    """Changes as report lines, identical ones merged (``×n``), at most ``limit`` lines."""
    counts = Counter(f"{c['pass']} / {c['reason']}: {shorten(c['removed'])!r}" for c in changes)
    lines = [line + (f"  ×{n}" if n > 1 else "") for line, n in counts.most_common()]
    if len(lines) > limit:
        lines = [*lines[:limit], f"… and {len(lines) - limit} more"]
    return lines


# --------------------------------------------------------------------------- shingle mode


@dataclass
class PairResult:
    """The figures of one (page, extractor) pair."""

    id: str
    extractor: str
    raw: Scores
    cleaned: Scores
    gold_paragraphs_lost: list[str]
    gold_changes: list[dict[str, str]]
    changes: int
    removed_chars: int
    nongold_lines: list[str]
    rules: dict[str, list[int]]
    error: str | None

    @property
    def recall_loss(self) -> float:
        """Raw recall minus cleaned recall (positive: newsclean lost gold text)."""
        return self.raw.recall - self.cleaned.recall

    @property
    def precision_gain(self) -> float:
        """Cleaned precision minus raw precision."""
        return self.cleaned.precision - self.raw.precision


def gold_paragraphs(gold: str) -> list[str]:
    """Gold paragraphs (split at newlines) with at least 4 tokens."""
    return [p.strip() for p in gold.splitlines() if len(tokenize(p)) >= 4]


def lost_paragraphs(
    paragraphs: list[str], raw: Counter[Shingle], cleaned: Counter[Shingle]
) -> list[str]:
    """Paragraphs whose shingles were all in the raw text but not all in the cleaned one."""
    lost = []
    for paragraph in paragraphs:
        own = shingles(paragraph)
        if all(s in raw for s in own) and not all(s in cleaned for s in own):
            lost.append(paragraph)
    return lost


def nongold_lines(text: str, gold: Counter[Shingle], gold_joined: str) -> list[str]:
    """Lines of ``text`` that share nothing with the gold: no shingle, or (short) no token run."""
    lines = []
    for line in text.splitlines():
        tokens = tokenize(line)
        if not tokens:
            continue
        if len(tokens) < 4:
            if f" {' '.join(tokens)} " not in gold_joined:
                lines.append(line.strip())
        elif not any(s in gold for s in shingles(tokens)):
            lines.append(line.strip())
    return lines


def score_pair(
    doc: dict[str, Any],
    extractor: str,
    extracted: str,
    gold: dict[str, Any],
    pipeline: newsclean.Pipeline | None = None,
) -> PairResult:
    """Score one extraction alone and cleaned, and find what cleaning took from the gold."""
    done = clean(extracted, pipeline)
    raw_set, clean_set = shingles(extracted), shingles(done.text)
    # Gold shingles matched before cleaning and no longer (or fewer times) after it.
    lost = (gold["shingles"] & raw_set) - (gold["shingles"] & clean_set)
    lost_joined = " ".join(f" {' '.join(s)} |" for s in lost)
    gold_changes = []
    rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for change in done.changes:
        if not tokenize(change.removed):
            continue  # spacing and punctuation changes are not rules that drop text
        tally = rules[rule_of(change)]
        tally[0] += 1
        if removes_target(change, lost, lost_joined):
            tally[1] += 1
            gold_changes.append(
                {"pass": change.pass_name, "reason": change.reason, "removed": change.removed}
            )
    return PairResult(
        id=doc["id"],
        extractor=extractor,
        raw=shingle_scores(gold["shingles"], raw_set),
        cleaned=shingle_scores(gold["shingles"], clean_set),
        gold_paragraphs_lost=lost_paragraphs(gold["paragraphs"], raw_set, clean_set),
        gold_changes=gold_changes,
        changes=len(done.changes),
        removed_chars=sum(len(c.removed) for c in done.changes),
        nongold_lines=nongold_lines(done.text, gold["shingles"], gold["joined"]),
        rules=dict(rules),
        error=done.error,
    )


def gold_info(text: str) -> dict[str, Any]:
    """Shingles, padded joined tokens and paragraphs of a gold text (computed once a page)."""
    return {
        "shingles": shingles(text),
        "joined": f" {' '.join(tokenize(text))} ",
        "paragraphs": gold_paragraphs(text),
    }


def score_corpus(
    docs: list[dict[str, Any]],
    live: list[str] | None,
    pipeline: newsclean.Pipeline | None = None,
) -> list[PairResult]:
    """Every (page, extractor) pair, the live trafilatura column last."""
    results = []
    for number, doc in enumerate(docs):
        gold = gold_info(doc["gold_text"] or "")
        outputs = dict(doc.get("extracted") or {})
        if live is not None:
            outputs[LIVE] = live[number]
        for extractor, text in outputs.items():
            results.append(score_pair(doc, extractor, text or "", gold, pipeline))
    return results


def mean(values: Iterable[float]) -> float:
    """The arithmetic mean (0 for no values)."""
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def summary_rows(results: list[PairResult]) -> list[dict[str, Any]]:
    """One row of averaged figures per extractor, then one for all pairs."""
    groups: dict[str, list[PairResult]] = defaultdict(list)
    for result in results:
        groups[result.extractor].append(result)
    groups["ALL"] = list(results)
    rows = []
    for name, group in groups.items():
        row: dict[str, Any] = {"extractor": name, "pages": len(group)}
        for side in ("raw", "cleaned"):
            for metric in ("precision", "recall", "f1"):
                row[f"{side}_{metric}"] = mean(getattr(getattr(r, side), metric) for r in group)
        for metric in ("precision", "recall", "f1"):
            row[f"delta_{metric}"] = row[f"cleaned_{metric}"] - row[f"raw_{metric}"]
        row["recall_drops"] = sum(r.recall_loss > EPSILON for r in group)
        row["paragraph_losses"] = sum(bool(r.gold_paragraphs_lost) for r in group)
        row["errors"] = sum(r.error is not None for r in group)
        rows.append(row)
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    """The summary table: alone, with newsclean, deltas, pages with gold lost."""
    header = (
        f"{'extractor':<17}{'n':>4} | {'P':>6}{'R':>7}{'F1':>7} | {'P+nc':>6}{'R+nc':>7}"
        f"{'F1+nc':>7} | {'dP':>7}{'dR':>8}{'dF1':>8} | {'R down':>6}{'para lost':>10}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        if row["extractor"] == "ALL":
            print("-" * len(header))
        share = 100 * row["paragraph_losses"] / row["pages"] if row["pages"] else 0.0
        print(
            f"{row['extractor']:<17}{row['pages']:>4} | {row['raw_precision']:>6.3f}"
            f"{row['raw_recall']:>7.3f}{row['raw_f1']:>7.3f} | {row['cleaned_precision']:>6.3f}"
            f"{row['cleaned_recall']:>7.3f}{row['cleaned_f1']:>7.3f} | "
            f"{row['delta_precision']:>+7.4f}{row['delta_recall']:>+8.4f}{row['delta_f1']:>+8.4f}"
            f" | {row['recall_drops']:>6}{row['paragraph_losses']:>4} ({share:4.1f}%)"
        )


def print_worst(results: list[PairResult], count: int) -> None:
    """The pairs with the largest recall loss (and their gold-removing changes)."""
    losses = [r for r in results if r.recall_loss > EPSILON]
    worst = sorted(losses, key=lambda r: -r.recall_loss)[:count]
    print(f"\nLargest recall losses ({len(worst)} shown):")
    for result in worst:
        print(
            f"- {result.id[:12]} {result.extractor}: R {result.raw.recall:.3f} -> "
            f"{result.cleaned.recall:.3f} ({-result.recall_loss:+.4f}), "
            f"{len(result.gold_paragraphs_lost)} gold paragraph(s) lost"
        )
        if not result.gold_changes:
            print("    (no single change holds gold shingles: loss at edit boundaries)")
        for line in group_changes(result.gold_changes):
            print(f"    {line}")


def print_best(
    results: list[PairResult], count: int, changes: dict[tuple[str, str], list[str]]
) -> None:
    """The pairs with the largest precision gain, with their largest changes."""
    gains = [r for r in results if r.precision_gain > EPSILON]
    best = sorted(gains, key=lambda r: -r.precision_gain)[:count]
    print(f"\nLargest precision gains ({len(best)} shown):")
    for result in best:
        print(
            f"- {result.id[:12]} {result.extractor}: P {result.raw.precision:.3f} -> "
            f"{result.cleaned.precision:.3f} ({result.precision_gain:+.4f}), "
            f"R {result.raw.recall:.3f} -> {result.cleaned.recall:.3f}, {result.changes} changes"
        )
        for line in changes.get((result.id, result.extractor), []):
            print(f"    {line}")


def largest_changes(
    docs: list[dict[str, Any]], live: list[str] | None, ids: set[tuple[str, str]]
) -> dict[tuple[str, str], list[str]]:
    """For the given pairs, their changes that remove words, as text lines, largest first."""
    out: dict[tuple[str, str], list[str]] = {}
    for number, doc in enumerate(docs):
        outputs = dict(doc.get("extracted") or {})
        if live is not None:
            outputs[LIVE] = live[number]
        for extractor, text in outputs.items():
            if (doc["id"], extractor) in ids:
                done = clean(text or "")
                removing = [c for c in done.changes if tokenize(c.removed)]
                ordered = sorted(removing, key=lambda c: -len(c.removed))
                out[(doc["id"], extractor)] = group_changes(
                    [
                        {"pass": c.pass_name, "reason": c.reason, "removed": c.removed}
                        for c in ordered
                    ],
                    limit=3,
                )
    return out


def line_key(line: str) -> str:
    """A grouping key for a surviving line: its tokens, lower case, digits as ``#``."""
    words = " ".join(tokenize(line)).lower()
    return "".join("#" if ch.isdigit() else ch for ch in words)


def print_rules(results: list[PairResult]) -> None:
    """Per rule: changes that removed words, and how many of them removed gold text."""
    made: Counter[str] = Counter()
    gold: Counter[str] = Counter()
    for result in results:
        for rule, (count, gold_count) in result.rules.items():
            made[rule] += count
            gold[rule] += gold_count
    print("\nRules (changes removing words; of them, removing gold text):")
    for rule, count in made.most_common():
        share = 100 * gold[rule] / count
        print(f"  {count:>6} {gold[rule]:>5} ({share:5.1f}%)  {rule}")


def print_ablation(
    docs: list[dict[str, Any]], live: list[str] | None, full: dict[str, Any]
) -> None:
    """What each pass adds: the full pipeline minus the pipeline without that pass (ALL row)."""
    default = newsclean.Pipeline.default()
    print("\nPer pass (full pipeline minus pipeline without the pass, all pairs averaged):")
    print(f"  {'pass':<24}{'dP':>8}{'dR':>8}{'dF1':>8}")
    for name in default.enabled_names:
        rows = summary_rows(score_corpus(docs, live, default.disable(name)))
        without = rows[-1]
        deltas = [
            full[f"cleaned_{m}"] - without[f"cleaned_{m}"] for m in ("precision", "recall", "f1")
        ]
        print(f"  {name:<24}" + "".join(f"{d:>+8.4f}" for d in deltas))


def print_cruft(results: list[PairResult], count: int) -> None:
    """The non-gold lines that survive cleaning on the most pages (article extractors only)."""
    pages: dict[str, set[str]] = defaultdict(set)
    pairs: Counter[str] = Counter()
    results = [r for r in results if r.extractor not in FULL_PAGE]
    for result in results:
        for line in set(map(line_key, result.nongold_lines)):
            pages[line].add(result.id)
            pairs[line] += 1
    ranked = sorted(pages, key=lambda k: (-len(pages[k]), -pairs[k], k))[:count]
    total = sum(len(r.nongold_lines) for r in results)
    print(
        f"\nNon-gold lines surviving cleaning (without {', '.join(sorted(FULL_PAGE))}):"
        f" {total} in all; most frequent (pages, pairs):"
    )
    for line in ranked:
        print(f"  {len(pages[line]):>3} {pairs[line]:>4}  {shorten(line, 90)!r}")


def shingle_mode(args: argparse.Namespace) -> dict[str, Any]:
    """Run the aeb-style benchmark and print its report; return the JSON dump."""
    docs = load_docs(Path(args.corpus))
    if args.limit:
        docs = docs[: args.limit]
    live = None if args.no_live else run_trafilatura(docs)
    info = run_info()
    print(f"corpus {args.corpus}: {len(docs)} pages; {format_info(info)}")
    if live is None:
        note = "skipped (--no-live)" if args.no_live else "skipped: trafilatura not installed"
        print(f"{LIVE}: {note}")
    else:
        print(f"{LIVE}: trafilatura.extract(html, {format_options()})")
    results = score_corpus(docs, live)
    rows = summary_rows(results)
    print()
    print_table(rows)
    print(
        "\nP/R/F1: token-4-shingle scores averaged over pages; +nc: after newsclean.clean(text);"
        "\nR down: pages whose recall fell; para lost: pairs losing a whole gold paragraph"
        " (>= 4 tokens) that the raw extraction had."
    )
    errors = [r for r in results if r.error]
    if errors:
        print(f"\n{len(errors)} newsclean errors, e.g. {errors[0].id[:12]}: {errors[0].error}")
    print_worst(results, args.worst)
    best_ids = {
        (r.id, r.extractor) for r in sorted(results, key=lambda r: -r.precision_gain)[: args.worst]
    }
    print_best(results, args.worst, largest_changes(docs, live, best_ids))
    print_rules(results)
    if args.per_pass:
        print_ablation(docs, live, rows[-1])
    if args.cruft:
        print_cruft(results, args.cruft)
    return {
        "info": info,
        "corpus": str(args.corpus),
        "trafilatura_options": TRAFILATURA_OPTIONS,
        "summary": rows,
        "pairs": [
            {**asdict(r), "recall_loss": r.recall_loss, "precision_gain": r.precision_gain}
            for r in results
        ],
    }


# --------------------------------------------------------------------------- snippet mode


@dataclass
class SnippetResult:
    """The snippet figures of one page, trafilatura alone and cleaned."""

    id: str
    raw: SnippetCounts
    cleaned: SnippetCounts
    cleaned_with_title: SnippetCounts
    keep_lost: list[dict[str, Any]]
    drop_removed: list[str]
    drop_kept: list[str]
    error: str | None


def snippet_page(doc: dict[str, Any], extracted: str) -> SnippetResult:
    """Score one trafilatura output and its cleaning with the page's snippets."""
    keep, drop = doc.get("must_keep") or [], doc.get("must_drop") or []
    done = clean(extracted)
    raw_text, clean_text = normalize_ws(extracted), normalize_ws(done.text)
    keep_lost = []
    for snippet in keep:
        wanted = normalize_ws(snippet)
        if wanted in raw_text and wanted not in clean_text:
            target = shingles(wanted)
            joined = f" {' '.join(tokenize(wanted))} "
            culprits = [
                {"pass": c.pass_name, "reason": c.reason, "removed": c.removed}
                for c in done.changes
                if removes_target(c, target, joined)
            ]
            keep_lost.append({"snippet": snippet, "changes": culprits})
    drop_removed = [
        s for s in drop if normalize_ws(s) in raw_text and normalize_ws(s) not in clean_text
    ]
    return SnippetResult(
        id=doc["id"],
        raw=snippet_counts(extracted, keep, drop),
        cleaned=snippet_counts(done.text, keep, drop),
        cleaned_with_title=snippet_counts(f"{done.title or ''}\n\n{done.text}", keep, drop),
        keep_lost=keep_lost,
        drop_removed=drop_removed,
        drop_kept=[s for s in drop if normalize_ws(s) in clean_text],
        error=done.error,
    )


def print_snippet_table(results: list[SnippetResult]) -> None:
    """Summed counts and metrics, trafilatura alone and with newsclean (text; title + text)."""
    header = f"{'':<34}{'TP':>6}{'FN':>6}{'FP':>6}{'TN':>6} | {'P':>6}{'R':>7}{'F1':>7}{'Acc':>7}"
    print(header)
    print("-" * len(header))
    rows = (
        ("trafilatura-live", "raw"),
        ("trafilatura-live + newsclean", "cleaned"),
        ("  same, the found title kept", "cleaned_with_title"),
    )
    for label, side in rows:
        total = sum((getattr(r, side) for r in results), SnippetCounts())
        m = total.metrics()
        print(
            f"{label:<34}{total.tp:>6}{total.fn:>6}{total.fp:>6}{total.tn:>6} | "
            f"{m['precision']:>6.3f}{m['recall']:>7.3f}{m['f1']:>7.3f}{m['accuracy']:>7.3f}"
        )


def snippet_mode(args: argparse.Namespace) -> dict[str, Any]:
    """Run the trafilatura-eval snippet benchmark and print its report; return the dump."""
    corpus = Path(args.corpus) if args.corpus_given else DEFAULT_TRAF_EVAL
    docs = load_docs(corpus)
    total = len(docs)
    if args.limit:
        docs = docs[: args.limit]
    note = f" (limit {args.limit} of {total})" if args.limit else ""
    live = run_trafilatura(docs, note)
    if live is None:
        sys.exit("--trafilatura-eval needs trafilatura: pip install trafilatura")
    info = run_info()
    print(f"corpus {corpus}: {len(docs)} of {total} pages; {format_info(info)}")
    print(f"trafilatura.extract(html, {format_options()})\n")
    results = [snippet_page(doc, text) for doc, text in zip(docs, live, strict=True)]
    print_snippet_table(results)
    errors = [r for r in results if r.error]
    if errors:
        print(f"\n{len(errors)} newsclean errors, e.g. {errors[0].id}: {errors[0].error}")
    lost = [r for r in results if r.keep_lost]
    print(
        f"\nmust_keep snippets newsclean removed ({sum(len(r.keep_lost) for r in lost)}"
        f" on {len(lost)} pages; {args.worst} pages shown):"
    )
    for result in lost[: args.worst]:
        for item in result.keep_lost:
            print(f"- {result.id}: {shorten(item['snippet'], 90)!r}")
            if not item["changes"]:
                print("    (no single change holds the snippet)")
            for line in group_changes(item["changes"]):
                print(f"    {line}")
    gained = [r for r in results if r.drop_removed]
    print(
        f"\nmust_drop snippets newsclean removed ({sum(len(r.drop_removed) for r in gained)}"
        f" on {len(gained)} pages; {args.worst} shown):"
    )
    for result in gained[: args.worst]:
        for snippet in result.drop_removed:
            print(f"- {result.id}: {shorten(snippet, 90)!r}")
    if args.cruft:
        kept = [(r.id, s) for r in results for s in r.drop_kept]
        print(f"\nmust_drop snippets still in the cleaned text ({len(kept)}; {args.cruft} shown):")
        for page, snippet in kept[: args.cruft]:
            print(f"- {page}: {shorten(snippet, 90)!r}")
    return {
        "info": info,
        "corpus": str(corpus),
        "trafilatura_options": TRAFILATURA_OPTIONS,
        "pages": [asdict(r) for r in results],
    }


# --------------------------------------------------------------------------- main


def format_info(info: dict[str, str]) -> str:
    """The run information on one line."""
    return (
        f"{info['date']}, commit {info['commit']} ({info['src']}), newsclean {info['newsclean']},"
        f" trafilatura {info['trafilatura']}"
    )


def format_options() -> str:
    """TRAFILATURA_OPTIONS as keyword arguments."""
    return ", ".join(f"{k}={v!r}" for k, v in TRAFILATURA_OPTIONS.items())


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help=f"corpus folder or file (default {DEFAULT_CORPUS})")
    parser.add_argument(
        "--trafilatura-eval",
        action="store_true",
        help="snippet mode on the trafilatura evaluation corpus",
    )
    parser.add_argument("--worst", type=int, default=15, help="cases listed (default 15)")
    parser.add_argument(
        "--cruft",
        type=int,
        default=0,
        help="list the N most frequent non-gold lines left after cleaning",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument(
        "--per-pass", action="store_true", help="also score the pipeline without each pass"
    )
    parser.add_argument("--no-live", action="store_true", help="do not run trafilatura")
    parser.add_argument("--json", metavar="OUT", help="write all per-page figures to OUT")
    args = parser.parse_args(argv)
    args.corpus_given = args.corpus is not None
    if args.corpus is None:
        args.corpus = str(DEFAULT_CORPUS)
    return args


def main(argv: list[str] | None = None) -> None:
    """Run the chosen mode, print the report, write the JSON dump if asked."""
    args = parse_args(argv)
    dump = snippet_mode(args) if args.trafilatura_eval else shingle_mode(args)
    if args.json:
        Path(args.json).write_text(json.dumps(dump, ensure_ascii=False, indent=1, default=str))
        print(f"\nper-page figures written to {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
