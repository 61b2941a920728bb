r"""A datatrove step that cleans each document's text with newsclean.

Needs the ``datatrove`` extra (``pip install 'newsclean[datatrove]'``); without it,
importing this module raises an ``ImportError`` that says so.

:class:`NewscleanFormatter` is a datatrove formatter: put it in a pipeline after a
reader (or an extractor) and before a writer. It replaces ``doc.text`` with the
clean text and adds to ``doc.metadata``:

- ``newsclean_title``: the headline (the title given, else the one found at the top
  of the text, else ``None``);
- ``newsclean``: a small JSON-safe summary of what was changed (see
  :func:`summary`).

>>> from datatrove.data import Document
>>> from newsclean.integrations.datatrove import NewscleanFormatter
>>> page = "Floods close schools\n\nRain fell all week.\n\nRead More"
>>> [doc] = NewscleanFormatter()([Document(text=page, id="page-1")])
>>> doc.text
'Rain fell all week.'
>>> doc.metadata["newsclean_title"]
'Floods close schools'
>>> doc.metadata["newsclean"]  # doctest: +NORMALIZE_WHITESPACE
{'changes': {'extract_headline': 1, 'strip_cruft_lines': 1},
 'removed_chars': {'extract_headline': 22, 'strip_cruft_lines': 11},
 'chars_in': 52, 'chars_out': 19, 'language': None}

``docs/integrations.md`` shows it in a ``LocalPipelineExecutor`` between a JSON
Lines reader and writer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import newsclean
from newsclean.article import Article
from newsclean.pipeline import Pipeline
from newsclean.review import count_by_pass

INSTALL_HINT = "pip install 'newsclean[datatrove]'"

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.typeshelper import StatHints
except ImportError as error:
    raise ImportError(
        f"newsclean.integrations.datatrove needs datatrove ({error}): {INSTALL_HINT}"
    ) from error

__all__ = ["NewscleanFormatter", "summary"]


def summary(article: Article) -> dict[str, Any]:
    """What newsclean did to one page, as a small JSON-safe dict.

    - ``changes``: the number of changes made by each pass (only passes that changed
      something), e.g. ``{"strip_cruft_lines": 2}``;
    - ``removed_chars``: how many characters of the input each pass removed or
      replaced (the summed lengths of its changes' spans in the input);
    - ``chars_in``, ``chars_out``: the lengths of the input and of the clean text;
    - ``language``: the language the page was cleaned as (given or detected), or
      ``None``.

    >>> article = newsclean.clean("Bridge reopens\\n\\nThe bridge reopened.\\n\\nRead More")
    >>> summary(article)  # doctest: +NORMALIZE_WHITESPACE
    {'changes': {'extract_headline': 1, 'strip_cruft_lines': 1},
     'removed_chars': {'extract_headline': 16, 'strip_cruft_lines': 11},
     'chars_in': 47, 'chars_out': 20, 'language': None}
    """
    # Records, not Change objects: a batch step should not build what it won't read.
    counts = count_by_pass(article.records)
    return {
        "changes": {count.name: count.changes for count in counts},
        "removed_chars": {count.name: count.removed for count in counts},
        "chars_in": len(article.original),
        "chars_out": len(article.text),
        "language": article.language,
    }


def _string(metadata: Mapping[str, Any], key: str | None) -> str | None:
    """``metadata[key]`` when it is a non-empty string, else ``None``."""
    if key is None:
        return None
    value = metadata.get(key)
    return value if isinstance(value, str) and value else None


def _iso_639_1(language: str | None) -> str | None:
    """``language`` if it is an ISO 639-1 code, as datatrove's ``LanguageFilter`` writes
    with its default model; else ``None``, so newsclean detects the language.

    >>> _iso_639_1("de"), _iso_639_1("eng_Latn"), _iso_639_1("EN")
    ('de', None, None)
    """
    if language and len(language) == 2 and language.isascii() and language.islower():
        return language
    return None


class NewscleanFormatter(BaseFormatter):  # type: ignore[misc]  # datatrove ships no type hints
    """Cleans ``doc.text`` with a newsclean pipeline; title and summary go to ``doc.metadata``.

    - ``pipeline``: a :class:`newsclean.Pipeline`, or a function of no arguments that
      returns one (``Pipeline.default`` when not given). A function is called once in
      each task, the first time the step gets a document, and its pipeline is never
      pickled: datatrove ships a copy of the step to each task or worker process.
      A ``Pipeline`` given as such is shipped with the step (so its passes must
      pickle; the default pipeline's do).
    - ``title_key``, ``url_key``, ``language_key``: the ``doc.metadata`` keys whose
      values are passed to :func:`newsclean.clean` as ``title``, ``url`` and
      ``language`` when present (``None`` to never pass one). A missing, empty or
      non-string value is not passed, so the headline is found in the text and the
      language detected. A language is passed only as an ISO 639-1 code ("de").
    - ``title_output_key``, ``summary_key``: the ``doc.metadata`` keys the headline
      and :func:`summary` are written under (``summary_key=None``: no summary).

    Each document gets exactly what :func:`newsclean.clean` gives for its text with
    those arguments; an exception in a pass fails the task, as in any datatrove step.
    Stats (in the executor's ``stats.json``): ``total``; ``changed`` and
    ``unchanged`` documents; ``with_title``; ``empty`` (no text left: drop those
    with a filter after this step if you wish); ``removed_chars`` per document;
    ``changes_<pass>`` per document a pass changed; ``doc_len`` after cleaning.

    >>> NewscleanFormatter(pipeline=Pipeline.default().disable("strip_injected_phrases"))
    ✂️ - FORMAT: 📰 newsclean
    >>> NewscleanFormatter(pipeline="default")
    Traceback (most recent call last):
    ...
    TypeError: pipeline must be a newsclean.Pipeline or a function that returns one, not str
    """

    name = "📰 newsclean"

    def __init__(
        self,
        pipeline: Pipeline | Callable[[], Pipeline] | None = None,
        *,
        title_key: str | None = "title",
        url_key: str | None = "url",
        language_key: str | None = "language",
        title_output_key: str = "newsclean_title",
        summary_key: str | None = "newsclean",
    ) -> None:
        super().__init__()
        self.pipeline_factory: Callable[[], Pipeline] | None
        self._pipeline: Pipeline | None
        if pipeline is None:
            self.pipeline_factory, self._pipeline = Pipeline.default, None
        elif isinstance(pipeline, Pipeline):
            self.pipeline_factory, self._pipeline = None, pipeline
        elif callable(pipeline):
            self.pipeline_factory, self._pipeline = pipeline, None
        else:
            raise TypeError(
                "pipeline must be a newsclean.Pipeline or a function that returns one,"
                f" not {type(pipeline).__name__}"
            )
        self.title_key = title_key
        self.url_key = url_key
        self.language_key = language_key
        self.title_output_key = title_output_key
        self.summary_key = summary_key

    def __getstate__(self) -> dict[str, Any]:
        """The step without the pipeline it built, which each copy builds again."""
        state = dict(self.__dict__)
        if self.pipeline_factory is not None:
            state["_pipeline"] = None
        return state

    @property
    def pipeline(self) -> Pipeline:
        """The pipeline: the one given, or the factory's, built on first use."""
        if self._pipeline is None:
            assert self.pipeline_factory is not None  # set by __init__ when no pipeline is
            built = self.pipeline_factory()
            if not isinstance(built, Pipeline):
                raise TypeError(
                    f"the pipeline factory {self.pipeline_factory!r} returned"
                    f" {type(built).__name__}, not a newsclean.Pipeline"
                )
            self._pipeline = built
        return self._pipeline

    def clean(self, doc: Document) -> Article:
        """The :class:`newsclean.Article` for ``doc``: its text, with title, url and
        language from its metadata as configured. Changes nothing."""
        metadata = doc.metadata
        return newsclean.clean(
            doc.text,
            title=_string(metadata, self.title_key),
            url=_string(metadata, self.url_key),
            language=_iso_639_1(_string(metadata, self.language_key)),
            pipeline=self.pipeline,
        )

    def format(self, text: str) -> str:
        """The clean text of ``text`` alone (datatrove's formatter method; :meth:`run`
        uses :meth:`clean`, which also reads the document's metadata)."""
        return newsclean.clean(text, pipeline=self.pipeline).text

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean every document of ``data`` and pass it on."""
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                article = self.clean(doc)
                doc.text = article.text
                doc.metadata[self.title_output_key] = article.title
                report = summary(article)
                if self.summary_key is not None:
                    doc.metadata[self.summary_key] = report
            self._update_stats(article, report)
            self.update_doc_stats(doc)
            yield doc

    def _update_stats(self, article: Article, report: Mapping[str, Any]) -> None:
        self.stat_update("changed" if article.records else "unchanged")
        if article.title:
            self.stat_update("with_title")
        if not article.text:
            self.stat_update("empty")
        self.stat_update("removed_chars", value=sum(report["removed_chars"].values()))
        for name, count in report["changes"].items():
            self.stat_update(f"changes_{name}", value=count)
