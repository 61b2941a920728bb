"""The pipeline: an ordered list of named passes, and the loop that runs them.

A *pass* is any callable ``pass_(document) -> Sequence[Edit]``: it looks at the
read-only :class:`Document` and returns sorted, non-overlapping edits in the
coordinates of ``document.text``. The pipeline applies them and keeps the
provenance. A pass that finds nothing returns an empty sequence.

>>> import regex
>>> from newsclean import Edit, Pipeline
>>> SHOUT = regex.compile(r"!{2,}")
>>> def calm_down(document):
...     return [Edit(m.start(), m.end(), "!", "repeated exclamation marks")
...             for m in SHOUT.finditer(document.text)]
>>> pipeline = Pipeline.default().insert_after("extract_headline", calm_down)
>>> pipeline.run("Goal!!! The striker scored in the last minute!!!").text
'Goal! The striker scored in the last minute!'
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

import attrs

from newsclean._version import __version__
from newsclean.article import Article
from newsclean.decoding import decode_bytes
from newsclean.edits import Edit, Record, check_edits, edit_pieces
from newsclean.language import detect_language

__all__ = ["Document", "Pass", "Pipeline", "PipelineError", "Step"]


@attrs.frozen
class Document:
    """What a pass sees: the current text and what is known about it. Read-only.

    ``title`` is the caller's title, or the headline a pass has found so far;
    ``language`` is the caller's, or the one :func:`~newsclean.language.detect_language`
    found (``None`` when unsure).
    """

    text: str
    title: str | None = None
    url: str | None = None
    language: str | None = None


class Pass(Protocol):
    """Looks at a document and says what to change; returns no text.

    A pass may also have a ``finds_more(seen, edits, result)`` method, which
    the pipeline then calls, when the pass runs first, to tell whether it would
    find anything in the ``result`` of a round, having returned ``edits`` for
    ``seen``: it must answer as ``bool(pass_(result))`` does, only faster
    (``repair_unicode`` looks only at the lines that are not lines of ``seen``
    it had nothing to do in, or those stripped). ``edits`` is the very object
    the pass returned, which may carry what it found out about ``seen``.
    """

    def __call__(self, document: Document, /) -> Sequence[Edit]: ...


class PipelineError(ValueError):
    """A pipeline was built or changed with a name or pass that does not fit."""


def _pass_name(pass_: Callable[..., object]) -> str:
    name = getattr(pass_, "name", None) or getattr(pass_, "__name__", None)
    if not isinstance(name, str) or not name.isidentifier():
        raise PipelineError(
            f"cannot tell the name of pass {pass_!r}: give it a `name` or `__name__`"
            " that is a Python identifier, or pass name=..."
        )
    return name


@attrs.frozen
class Step:
    """A pass in a pipeline, under its name, switched on or off."""

    name: str
    pass_: Pass
    enabled: bool = True


def _tuple_of_steps(steps: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(steps)


def _check_steps(_instance: object, _attribute: object, steps: tuple[Step, ...]) -> None:
    seen: set[str] = set()
    for step in steps:
        if not callable(step.pass_):
            raise PipelineError(f"pass {step.name!r} is {step.pass_!r}, which is not callable")
        if step.name in seen:
            raise PipelineError(f"two passes are named {step.name!r}; names must be unique")
        seen.add(step.name)


@attrs.frozen(repr=False)
class Pipeline:
    """Ordered named passes. Every method returns a new pipeline.

    >>> Pipeline.default().names
    ('repair_unicode', 'normalize_whitespace', 'strip_calls_to_action', 'strip_cruft_lines', \
'extract_headline', 'strip_injected_phrases')
    >>> Pipeline.default().disable("extract_headline").enabled_names
    ('repair_unicode', 'normalize_whitespace', 'strip_calls_to_action', 'strip_cruft_lines', \
'strip_injected_phrases')
    >>> Pipeline.default().disable("strip_ads")
    Traceback (most recent call last):
    ...
    newsclean.pipeline.PipelineError: No pass 'strip_ads' in the pipeline. Available names: \
repair_unicode, normalize_whitespace, strip_calls_to_action, strip_cruft_lines, extract_headline, \
strip_injected_phrases
    """

    steps: tuple[Step, ...] = attrs.field(converter=_tuple_of_steps, validator=_check_steps)

    @classmethod
    def default(cls) -> Pipeline:
        """The default passes with their default settings."""
        from newsclean.passes import default_passes

        return cls(tuple(Step(name, pass_) for name, pass_ in default_passes()))

    @property
    def names(self) -> tuple[str, ...]:
        """The names of all passes, in order, enabled or not."""
        return tuple(step.name for step in self.steps)

    @property
    def enabled_names(self) -> tuple[str, ...]:
        """The names of the passes that will run, in order."""
        return tuple(step.name for step in self.steps if step.enabled)

    @functools.cached_property
    def _enabled(self) -> tuple[tuple[Step, ...], tuple[tuple[str, str], ...]]:
        """The enabled steps, and their names and settings as the Article records them."""
        steps = tuple(step for step in self.steps if step.enabled)
        return steps, tuple((step.name, repr(step.pass_)) for step in steps)

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __repr__(self) -> str:
        inner = ", ".join(
            f"({s.name!r}, {s.pass_!r})" + ("" if s.enabled else " [disabled]") for s in self.steps
        )
        return f"Pipeline([{inner}])"

    def _index(self, name: str) -> int:
        for i, step in enumerate(self.steps):
            if step.name == name:
                return i
        raise PipelineError(
            f"No pass {name!r} in the pipeline. Available names: {', '.join(self.names)}"
        )

    def _with_step(self, at: int, step: Step, *, drop: int = 0) -> Pipeline:
        steps = self.steps
        return Pipeline((*steps[:at], step, *steps[at + drop :]))

    def enable(self, name: str) -> Pipeline:
        """Switch the pass ``name`` on."""
        i = self._index(name)
        return self._with_step(i, attrs.evolve(self.steps[i], enabled=True), drop=1)

    def disable(self, name: str) -> Pipeline:
        """Switch the pass ``name`` off (it stays in place, so it can be enabled again)."""
        i = self._index(name)
        return self._with_step(i, attrs.evolve(self.steps[i], enabled=False), drop=1)

    def replace(self, name: str, pass_: Pass) -> Pipeline:
        """Put ``pass_`` in the place of the pass ``name``, under the same name."""
        i = self._index(name)
        return self._with_step(i, Step(name, pass_), drop=1)

    def insert_before(self, name: str, pass_: Pass, *, as_name: str | None = None) -> Pipeline:
        """Insert ``pass_`` before the pass ``name``.

        The new pass is named ``as_name``, else its ``name`` attribute or ``__name__``.
        """
        return self._with_step(self._index(name), Step(as_name or _pass_name(pass_), pass_))

    def insert_after(self, name: str, pass_: Pass, *, as_name: str | None = None) -> Pipeline:
        """Insert ``pass_`` after the pass ``name`` (named as in :meth:`insert_before`)."""
        return self._with_step(self._index(name) + 1, Step(as_name or _pass_name(pass_), pass_))

    def run(
        self,
        text: str | bytes,
        *,
        title: str | None = None,
        url: str | None = None,
        language: str | None = None,
    ) -> Article:
        """Run the enabled passes over ``text`` and return the :class:`Article`.

        ``text`` is ``str`` or ``bytes`` (decoded by :func:`~newsclean.decoding.decode_bytes`);
        ``language`` (an ISO 639-1 code) is detected from the text when not given.
        Other types raise ``TypeError`` naming the type.

        The pipeline settles: when its first pass still finds something to do in
        the result (a whitespace change can make a line look like mojibake to
        ftfy), all passes run once more, so cleaning the result again changes
        nothing. (The first pass is asked with its ``finds_more`` method when it
        has one: see :class:`Pass`.)
        """
        text = _checked_text(text)
        for name, value in (("title", title), ("url", url), ("language", language)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"takes {name} as str or None, not {type(value).__name__}")
        title = title or None
        steps, described = self._enabled
        language = language or detect_language(text)
        seen = Document(text, title, url, language)
        first_edits = _edits_of(steps[0], seen) if steps else ()
        document, records = _run_round(steps, text, seen, (), first_edits)
        if steps and _finds_more(steps[0], seen, first_edits, document):
            document, records = _run_round(steps, text, document, records)
        return Article(
            title=document.title,
            text=document.text,
            original=text,
            url=url,
            language=language,
            passes=described,
            version=__version__,
            records=records,
        )


def _run_round(
    steps: Sequence[Step],
    original: str,
    document: Document,
    records: Sequence[Record],
    first_edits: Sequence[Edit] | None = None,
) -> tuple[Document, Sequence[Record]]:
    """Run each step once over ``document``; returns the new document and records.

    ``first_edits``, when given, are what the first step returned for ``document``.
    """
    for i, step in enumerate(steps):
        edits = first_edits if i == 0 and first_edits is not None else _edits_of(step, document)
        if not edits:
            continue
        check_edits(edits, len(document.text), step.name)
        title = _title_from(edits, document.text) or document.title
        url, language = document.url, document.language
        pieces, records = edit_pieces(original, document.text, records, edits, step.name)
        # The text before this pass is let go before the new one is built, and
        # the pieces after, so that no three copies of a long page (the text,
        # its pieces, the new text) are ever alive at once. (Not attrs.evolve:
        # ten times slower.)
        del document
        document = Document("".join(pieces), title, url, language)
        del pieces
    return document, records


def _checked_text(text: object) -> str:
    """``text`` as ``str``: bytes decoded, other types refused."""
    if isinstance(text, (bytes, bytearray)):
        return decode_bytes(bytes(text))
    if not isinstance(text, str):
        raise TypeError(f"takes the text as str or bytes, not {type(text).__name__}")
    return text


def _edits_of(step: Step, document: Document) -> Sequence[Edit]:
    """What ``step``'s pass returns for ``document``, as a sequence (a pass may yield)."""
    edits = step.pass_(document)
    return edits if isinstance(edits, (list, tuple)) else list(edits or ())


def _finds_more(step: Step, seen: Document, edits: Sequence[Edit], result: Document) -> bool:
    """Whether ``step``, having returned ``edits`` for ``seen``, finds anything in ``result``."""
    finds_more = getattr(step.pass_, "finds_more", None)
    if finds_more is not None:
        return bool(finds_more(seen, edits, result))
    return bool(_edits_of(step, result))


def _title_from(edits: Sequence[Edit], text: str) -> str | None:
    """The text of the first edit marked ``to_title``, tidied, if any."""
    for edit in edits:
        if len(edit) > 4 and edit[4]:
            return " ".join(text[edit[0] : edit[1]].split()) or None
    return None
