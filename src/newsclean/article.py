"""The result of cleaning: an immutable :class:`Article` and its :class:`Change` list."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from newsclean._version import __version__
from newsclean.edits import Record, apply_records
from newsclean.flags import Flag, find_flags

__all__ = ["METADATA_FIELDS", "Article", "Change", "counted"]

#: The :class:`Article` fields an extractor fills in (all ``None`` for text cleaned
#: as text), in the order they are written and shown.
METADATA_FIELDS = ("extractor", "author", "date", "site_name", "note")


@attrs.frozen
class Change:
    """One change to the original: ``original[start:end]`` (``removed``) became ``replacement``.

    Spans are half-open and in the coordinates of ``Article.original``.

    >>> Change("strip_cruft_lines", "cruft: navigation label", 10, 19, "Read More", "")
    Change(pass_name='strip_cruft_lines', reason='cruft: navigation label', start=10, end=19, \
removed='Read More', replacement='')
    """

    pass_name: str
    reason: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    removed: str
    replacement: str

    @end.validator
    def _end_after_start(self, _attribute: attrs.Attribute[int], end: int) -> None:
        if end < self.start:
            raise ValueError(f"Change ends ({end}) before it starts ({self.start})")

    def to_dict(self) -> dict[str, Any]:
        """The change as a JSON-safe dict (``pass`` for ``pass_name``)."""
        return _change_dict(
            self.pass_name, self.reason, self.start, self.end, self.removed, self.replacement
        )


def _change_dict(
    name: str, reason: str, start: int, end: int, removed: str, replacement: str
) -> dict[str, Any]:
    return {
        "pass": name,
        "reason": reason,
        "start": start,
        "end": end,
        "removed": removed,
        "replacement": replacement,
    }


def _tuple_of_pairs(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return tuple(pairs)


def _tuple_of_records(records: Iterable[Record]) -> tuple[Record, ...]:
    return tuple(records)


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(text.split("\n\n")) if text else ()


@attrs.frozen
class Article:
    """A cleaned news text, with the complete diff from the input that produced it.

    Build one with :func:`newsclean.clean` (or :meth:`from_dict`), not by hand.

    - ``title``: the headline, given by the caller or found at the top of the text.
    - ``text``: the clean text; ``paragraphs`` is it split at blank lines.
    - ``original``: the input, decoded; ``changes`` turn it into ``text``.
    - ``language``: the caller's, or the one detected from the text (or ``None``).
    - ``passes``: ``(name, configuration)`` of every pass that ran, in order.
    - ``extractor``: what produced ``original`` from a page (``"trafilatura 2.3.1"``
      for :func:`newsclean.clean_html`), or ``None`` for text given as text.
    - ``author``, ``date``, ``site_name``: the page's metadata, when an extractor
      found it (``date`` as the extractor gives it, ISO ``YYYY-MM-DD``).
    - ``note``: why the article is empty when the page had no text to extract.

    >>> import newsclean
    >>> article = newsclean.clean("Bridge reopens\\n\\nThe bridge reopened.\\n\\nRead More")
    >>> article.title, article.paragraphs
    ('Bridge reopens', ('The bridge reopened.',))
    >>> [c.removed for c in article.changes]
    ['Bridge reopens\\n\\n', '\\n\\nRead More']
    """

    title: str | None
    text: str
    original: str
    url: str | None = None
    language: str | None = None
    passes: tuple[tuple[str, str], ...] = attrs.field(default=(), converter=_tuple_of_pairs)
    version: str = __version__
    records: tuple[Record, ...] = attrs.field(default=(), converter=_tuple_of_records, repr=False)
    extractor: str | None = attrs.field(default=None, kw_only=True)
    author: str | None = attrs.field(default=None, kw_only=True)
    date: str | None = attrs.field(default=None, kw_only=True)
    site_name: str | None = attrs.field(default=None, kw_only=True)
    note: str | None = attrs.field(default=None, kw_only=True)

    @functools.cached_property
    def paragraphs(self) -> tuple[str, ...]:
        """The paragraphs of ``text``, in order (``text == "\\n\\n".join(paragraphs)``)."""
        return _paragraphs(self.text)

    @functools.cached_property
    def changes(self) -> tuple[Change, ...]:
        """Every change from ``original`` to ``text``, sorted by position."""
        original = self.original
        return tuple(
            Change(name, reason, start, end, original[start:end], replacement)
            for start, end, replacement, name, reason in self.records
        )

    @functools.cached_property
    def flags(self) -> tuple[Flag, ...]:
        """Paragraphs that are probably captions or links to other articles, with a
        confidence: kept in ``paragraphs``, for the user to drop or keep
        (see :mod:`newsclean.flags`)."""
        return find_flags(self.paragraphs)

    def change_dicts(self) -> list[dict[str, Any]]:
        """The changes as JSON-safe dicts, as ``Change.to_dict`` gives them, built
        straight from the records (no :class:`Change` objects: cheaper in a batch)."""
        original = self.original
        return [
            _change_dict(name, reason, start, end, original[start:end], replacement)
            for start, end, replacement, name, reason in self.records
        ]

    def removed_by(self, pass_name: str) -> tuple[Change, ...]:
        """The changes made by one pass.

        Raises ``ValueError`` for a name that did not run, listing those that did.
        """
        names = [name for name, _ in self.passes]
        if pass_name not in names:
            raise ValueError(
                f"No pass {pass_name!r} ran for this article. Passes that ran: {', '.join(names)}"
            )
        return tuple(c for c in self.changes if c.pass_name == pass_name)

    def explain(self) -> str:
        """What was removed or changed, and why: one line per change.

        >>> import newsclean
        >>> print(newsclean.clean("Ukraine talks resume\\n\\nThe talks resumed.").explain())
        title: 'Ukraine talks resume'
        2 lines in, 1 paragraph out; 1 change
        extract_headline      [0, 22)  the headline, moved to title: 'Ukraine talks resume\\n\\n'
        """
        changes = self.changes
        lines_in = sum(1 for line in self.original.splitlines() if line.strip())
        lines = [
            f"title: {self.title!r}",
            f"{counted(lines_in, 'line')} in, {counted(len(self.paragraphs), 'paragraph')}"
            f" out; {counted(len(changes), 'change')}",
        ]
        for c in changes:
            what = _shorten(c.removed)
            if c.replacement:
                what += f" -> {_shorten(c.replacement)}"
            lines.append(f"{c.pass_name:<21} [{c.start}, {c.end})  {c.reason}: {what}")
        return "\n".join(lines)

    def to_html(self) -> str:
        """A self-contained HTML page that shows every change marked in the original,
        the changes listed with their reasons, and the clean text (see
        :mod:`newsclean.review`)."""
        from newsclean.review import review_page  # review imports this module

        return review_page(self)

    def _repr_html_(self) -> str:
        """The review, shown by Jupyter when a notebook cell's value is an Article."""
        from newsclean.review import review_fragment

        return review_fragment(self)

    def to_dict(self) -> dict[str, Any]:
        """The article as a JSON-safe dict; :meth:`from_dict` gives it back exactly
        (``flags`` are derived from the paragraphs, so they come back too)."""
        return {
            "title": self.title,
            "paragraphs": list(self.paragraphs),
            "text": self.text,
            "url": self.url,
            "language": self.language,
            "original": self.original,
            "changes": self.change_dicts(),
            "flags": [f.to_dict() for f in self.flags],
            "passes": [{"name": name, "config": config} for name, config in self.passes],
            "version": self.version,
            **{name: getattr(self, name) for name in METADATA_FIELDS},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_dict`'s output, checking it is consistent.

        Raises ``ValueError`` when the changes do not match the original or do not
        lead to the text.
        """
        try:
            original: str = data["original"]
            records = tuple(
                (c["start"], c["end"], c["replacement"], c["pass"], c["reason"])
                for c in data["changes"]
            )
            article = cls(
                title=data["title"],
                text=data["text"],
                original=original,
                url=data.get("url"),
                language=data.get("language"),
                passes=tuple((p["name"], p["config"]) for p in data.get("passes", ())),
                version=data.get("version", __version__),
                records=records,
                **{name: _optional_string(data, name) for name in METADATA_FIELDS},
            )
            for change, given in zip(article.changes, data["changes"], strict=True):
                if change.removed != given["removed"]:
                    raise ValueError(
                        f"change at [{change.start}, {change.end}) says it removed "
                        f"{given['removed']!r} but the original has {change.removed!r} there"
                    )
        except (KeyError, TypeError) as error:
            raise ValueError(f"not an Article dict: missing or malformed {error}") from error
        for before, after in itertools.pairwise(records):
            if after[0] < before[1]:
                raise ValueError(
                    f"changes overlap or are not sorted: {before[:2]} then {after[:2]}"
                )
        if apply_records(original, records) != article.text:
            raise ValueError("the changes do not turn the original into the text")
        return article


def _optional_string(data: Mapping[str, Any], name: str) -> str | None:
    value = data.get(name)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"not an Article dict: {name!r} is {type(value).__name__}, not a string")
    return value


def counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, plural unless ``count`` is 1.

    >>> counted(1, "change"), counted(1200, "page")
    ('1 change', '1,200 pages')
    """
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _shorten(text: str, width: int = 72) -> str:
    """``repr`` of ``text``, cut in the middle when long.

    >>> _shorten("x" * 100, 20)
    "'xxxxxxxx…xxxxxxxx'"
    """
    if len(text) <= width:
        return repr(text)
    half = (width - 4) // 2
    return repr(text[:half] + "…" + text[-half:])
