"""Scorers for the quality benchmark, written from the corpora's README descriptions.

Two methods:

- **Shingle scoring** (article-extraction-benchmark, ``aeb-dev``): tokens are the
  ``\\w+`` runs of the text (Python ``re``, Unicode, case kept); shingles are runs of
  4 consecutive tokens, counted as a multiset; true positives are the size of the
  multiset intersection of gold and prediction. Precision, recall and F1 per page.
- **Snippet scoring** (trafilatura's evaluation corpus): a ``must_keep`` snippet
  found in the whitespace-normalised output is a true positive (else a false
  negative); a ``must_drop`` snippet found is a false positive (else a true
  negative). Metrics over the counts summed over pages.

Edge cases of the shingle scorer (the README leaves them open; chosen here):

- a text with 1 to 3 tokens has one shingle, the whole token tuple;
- a text with no token has no shingle;
- both empty: P = R = F1 = 1; only one empty: P = R = F1 = 0;
- otherwise P = TP / |pred|, R = TP / |gold|, F1 = 2PR / (P + R), or 0 when P + R = 0.

>>> s = shingle_scores("the cat sat on the mat", "the cat sat on the mat today")
>>> round(s.precision, 3), s.recall, round(s.f1, 3)
(0.75, 1.0, 0.857)
>>> shingle_scores("", "")
Scores(precision=1.0, recall=1.0, f1=1.0)
>>> shingle_scores("a b", "")
Scores(precision=0.0, recall=0.0, f1=0.0)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

__all__ = [
    "SHINGLE_SIZE",
    "Scores",
    "Shingle",
    "SnippetCounts",
    "normalize_ws",
    "prf",
    "shingle_scores",
    "shingles",
    "snippet_counts",
    "tokenize",
]

SHINGLE_SIZE = 4
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1 of one prediction (or an average of them)."""

    precision: float
    recall: float
    f1: float


def tokenize(text: str) -> list[str]:
    """The ``\\w+`` runs of ``text``, in order, case kept.

    >>> tokenize("Don't stop—2,000 times!")
    ['Don', 't', 'stop', '2', '000', 'times']
    """
    return _TOKEN.findall(text or "")


def shingles(text_or_tokens: str | list[str], size: int = SHINGLE_SIZE) -> Counter[Shingle]:
    """The multiset of ``size``-token shingles; a shorter non-empty text is one shingle.

    >>> sorted(shingles("a b c d e").items())
    [(('a', 'b', 'c', 'd'), 1), (('b', 'c', 'd', 'e'), 1)]
    >>> shingles("a b")
    Counter({('a', 'b'): 1})
    """
    tokens = tokenize(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def prf(true_positives: int, predicted: int, relevant: int) -> Scores:
    """Precision, recall and F1 from counts, with the empty-side rules of this module."""
    if predicted == 0 and relevant == 0:
        return Scores(1.0, 1.0, 1.0)
    if predicted == 0 or relevant == 0:
        return Scores(0.0, 0.0, 0.0)
    precision = true_positives / predicted
    recall = true_positives / relevant
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1)


def shingle_scores(gold: str | Counter[Shingle], predicted: str | Counter[Shingle]) -> Scores:
    """Shingle precision, recall and F1 of ``predicted`` against ``gold`` (texts or multisets)."""
    gold_set = shingles(gold) if isinstance(gold, str) else gold
    pred_set = shingles(predicted) if isinstance(predicted, str) else predicted
    true_positives = sum((gold_set & pred_set).values())
    return prf(true_positives, sum(pred_set.values()), sum(gold_set.values()))


def normalize_ws(text: str) -> str:
    """Every whitespace run made one space, ends stripped.

    >>> normalize_ws("  a\\n\\n b\\u00a0c ")
    'a b c'
    """
    return _SPACE.sub(" ", text or "").strip()


@dataclass
class SnippetCounts:
    """Summed snippet counts; ``+`` adds two."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn
        )

    def metrics(self) -> dict[str, float]:
        """Precision, recall, F1 and accuracy of the counts (0 when undefined).

        >>> SnippetCounts(tp=3, fn=1, fp=1, tn=3).metrics()["accuracy"]
        0.75
        """
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        accuracy = (self.tp + self.tn) / total if total else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def snippet_counts(output: str, must_keep: list[str], must_drop: list[str]) -> SnippetCounts:
    """Score one output against its snippets (substring match after whitespace normalising).

    >>> snippet_counts("Keep  this.\\nShare", ["Keep this."], ["Share", "Imprint"])
    SnippetCounts(tp=1, fn=0, fp=1, tn=1)
    """
    text = normalize_ws(output)
    counts = SnippetCounts()
    for snippet in must_keep:
        if normalize_ws(snippet) in text:
            counts.tp += 1
        else:
            counts.fn += 1
    for snippet in must_drop:
        if normalize_ws(snippet) in text:
            counts.fp += 1
        else:
            counts.tn += 1
    return counts
