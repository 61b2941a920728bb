"""newsclean: clean text scraped from news pages, with provenance for every change.

>>> import newsclean
>>> article = newsclean.clean("Floods close schools\\n\\nRain fell all week.\\n\\nRead More")
>>> article.title, article.text
('Floods close schools', 'Rain fell all week.')
>>> [(c.pass_name, c.reason) for c in article.changes]
[('extract_headline', 'the headline, moved to title'), ('strip_cruft_lines', \
'cruft: navigation label')]
"""

from __future__ import annotations

import functools

from newsclean._version import __version__
from newsclean.article import Article, Change
from newsclean.edits import Edit, EditError, drop_paragraphs
from newsclean.html_pages import clean_html
from newsclean.pipeline import Document, Pass, Pipeline, PipelineError

__all__ = [
    "Article",
    "Change",
    "Document",
    "Edit",
    "EditError",
    "Pass",
    "Pipeline",
    "PipelineError",
    "__version__",
    "clean",
    "clean_html",
    "drop_paragraphs",
]


@functools.lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline.default()


def clean(
    text: str | bytes,
    *,
    title: str | None = None,
    url: str | None = None,
    language: str | None = None,
    pipeline: Pipeline | None = None,
) -> Article:
    """Clean one scraped news text and return the :class:`Article`.

    ``text`` is ``str`` or ``bytes`` (decoded as UTF-8, else as ftfy guesses; see
    :func:`newsclean.decoding.decode_bytes`). ``title``, when the caller knows the
    headline, is used instead of guessing it; ``language`` (an ISO 639-1 code such
    as ``"de"``), when known, instead of detecting it. ``pipeline`` defaults to
    :meth:`Pipeline.default`. Empty or whitespace-only input gives an empty Article.

    >>> clean(42)
    Traceback (most recent call last):
    ...
    TypeError: takes the text as str or bytes, not int
    """
    if pipeline is None:
        pipeline = _default_pipeline()
    elif not isinstance(pipeline, Pipeline):
        raise TypeError(f"clean() takes pipeline as a Pipeline, not {type(pipeline).__name__}")
    return pipeline.run(text, title=title, url=url, language=language)
