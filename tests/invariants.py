"""The provenance invariants of DESIGN.md, checked on any Article."""

from __future__ import annotations

import itertools

import newsclean
from newsclean import Article
from newsclean.edits import apply_records


def check_invariants(article: Article, *, title: str | None = None) -> None:
    """Assert every provenance invariant; ``title`` is passed along for idempotence."""
    original = article.original
    changes = article.changes
    for change in changes:
        assert original[change.start : change.end] == change.removed, change
        assert change.removed != change.replacement, change
    for before, after in itertools.pairwise(changes):
        assert (before.start, before.end) <= (after.start, after.end), (before, after)
        assert before.end <= after.start, (before, after)
    assert apply_records(original, article.records) == article.text
    assert "\n\n".join(article.paragraphs) == article.text
    assert Article.from_dict(article.to_dict()) == article
    again = newsclean.clean(
        article.text, title=article.title if title is None else title, language=article.language
    )
    assert again.text == article.text, again.explain()
    assert again.changes == ()
