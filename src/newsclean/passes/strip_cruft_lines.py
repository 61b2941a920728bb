"""``strip_cruft_lines``: drop navigation lines, links to other articles, calls to action.

Only whole lines go, and only in these shapes, each two signals at once:

- a **label**: the line is nothing but a lexicon label, with decoration
  ("Read More", "Latest news", "ADVERTISEMENT", "Comments (12)");
- a **link**: a lead phrase, a delimiter, then a headline: at most
  ``max_link_words`` words and not a sentence ending in a full stop
  ("Also Read: Gov’t ready to help ...");
- a **call to action**: a line that starts with a call phrase, has at most
  ``max_call_words`` words, is one sentence and reports no speech ("Follow us
  on Twitter"; not "Download the app before you board, the airline says.");
- page furniture told by its shape (:mod:`newsclean.furniture`): a **time
  stamp**, a **cookie notice**, and on English pages the short lines of a
  **menu** between two labels.

A number alone on a line is not cruft by itself: it can be a cell of a table.

Prose that starts with the same words stays: "Read more carefully, the report
says ..." is neither a bare label nor a phrase followed by a delimiter. A link
line that opens a text whose title is not known yet stays too: at the very top,
"Watch: Floodwater sweeps through town" is likelier the page's own headline
(``extract_headline`` runs next) than a link to another page.

>>> from newsclean.pipeline import Document
>>> text = "Read more carefully, the report says.\\n\\nAlso Read: Rates rise again\\n\\nRead More"
>>> [(e.start, e.end, e.reason) for e in strip_cruft_lines()(Document(text))]
[(37, 66, 'cruft: link to another article'), (66, 77, 'cruft: navigation label')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import attrs
import regex

from newsclean.calls import REPORTED_SPEECH
from newsclean.edits import Edit, drop_paragraphs
from newsclean.furniture import OPENINGS, is_cookie_notice, is_time_stamp, menu_lines
from newsclean.lexicon import (
    SECTIONS,
    Lexicon,
    lexicon_language,
    load_lexicon,
    phrase_pattern,
    phrase_prefilter,
)
from newsclean.pipeline import Document
from newsclean.shapes import word_count

__all__ = ["strip_cruft_lines"]

LABEL = "cruft: navigation label"
LINK = "cruft: link to another article"
CALL = "cruft: call to action"
TIME_STAMP = "cruft: time stamp"
COOKIES = "cruft: cookie notice"
MENU = "cruft: menu between labels"

_BULLETS = "[-–—•·*►▶▸→»>|#■□▪▫▼▲◆◇●○★☆【「『〔《]"
_BULLET = rf"(?:{_BULLETS}++[^\S\n]*+)?"
_CLOSERS = "】」』〕》≫＞"
#: The marks that may stand after a label (after a count in brackets), and
#: between a lead phrase and its link.
_TRAILER_MARKS = "-–—:：.。!！…»›>→|" + _CLOSERS
_DELIMITER_MARKS = ":：|｜丨»›>-–—" + _CLOSERS
_TRAILER = (
    r"[^\S\n]*+(?:[(（]\d{1,6}[)）][^\S\n]*+)?"
    rf"[{re.escape(_TRAILER_MARKS)}]*+[^\S\n]*+$"
)
_DELIMITER = rf"[^\S\n]*+(?:[{re.escape(_DELIMITER_MARKS)}]++|\.{{2,}}+|…)[^\S\n]*+"
#: What a call phrase ends with: a word boundary, or a character of a script
#: written without spaces, where the call runs straight on ("欢迎关注我们的…").
_CALL_END = r"(?:(?<=[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}])|(?!\w))"
#: What the prefilter asks of the text after a whole phrase of each section (as
#: the stdlib ``re``, which the prefilter is): the start of ``_TRAILER``, of
#: ``_DELIMITER``, or no ASCII letter or digit (``_CALL_END``'s ``\w`` is
#: ``regex``'s, which may differ from the stdlib's outside ASCII). The prefilter
#: asks it only after a phrase all of whose characters have ASCII equivalents
#: (``phrase_prefilter``): never after Han, kana or Thai, where ``_CALL_END``
#: lets a letter follow.
_FOLLOWS = {
    "label": rf"(?=[^\S\n]*(?:[(（{re.escape(_TRAILER_MARKS)}]|\n|\Z))",
    "lead": rf"(?=[^\S\n]*[{re.escape(_DELIMITER_MARKS)}.…])",
    "call": r"(?![0-9A-Za-z_])",
}
#: A full stop that closes a sentence inside or at the end of a link text
#: (a Latin one before a space or the end, or a CJK or Devanagari one).
_SENTENCE = regex.compile(r"(?<!\.)\.(?:\s|$)(?!\.)|[。।]")
#: A sentence end with more text after it: a call line is one sentence, so
#: "Download the app before you travel. The border opens at six." is prose.
_MORE_AFTER_SENTENCE = regex.compile(r"[.!?…。！？।][\"'”’»)\]]{0,3}\s+\S")


def _cruft_line_pattern(label: Iterable[str], lead: Iterable[str], call: Iterable[str]) -> str:
    return (
        rf"^[^\S\n]*+{_BULLET}(?:"
        rf"(?P<label>{phrase_pattern(label)}){_TRAILER}"
        rf"|(?P<lead>{phrase_pattern(lead)}){_DELIMITER}(?P<rest>[^\n]{{1,300}})$"
        rf"|(?P<call>{phrase_pattern(call)}){_CALL_END}[^\n]{{0,300}}$)"
    )


def _is_link_text(rest: str, max_words: int) -> bool:
    """A headline-like link text: short, and no full stop ending a sentence."""
    return word_count(rest) <= max_words and not _SENTENCE.search(rest.rstrip())


@attrs.frozen
class _Patterns:
    """The exact pattern of cruft lines, and a cheap prefilter for where it may match.

    The exact pattern needs the ``regex`` module (full case folding, ``\\p{...}``),
    which would try it at every position of the text: slow. ``starts`` (the
    stdlib ``re``) finds, in one scan that skips from line break to line break in
    C, the line starts where a phrase could begin after the spaces and bullets the
    exact pattern allows (``phrase_prefilter``); only there is ``line`` tried, on
    that line alone. ``starts`` matches from the line break before the line. A
    line that is a label as written, but for case (``labels``, case-folded), is
    one without ``line`` being tried: most label lines are.
    """

    line: regex.Pattern[str]
    starts: re.Pattern[str]
    labels: frozenset[str]

    def line_starts(self, text: str) -> Iterator[int]:
        """The starts of the lines where ``line`` (or a time stamp or cookie notice,
        whose openings the prefilter holds too) may match, in order."""
        end = text.find("\n")
        first_line = text if end < 0 else text[:end]  # as if after a line break
        if self.starts.match("\n" + first_line):
            yield 0
        for start in self.starts.finditer(text):
            yield start.start() + 1


def _line_end(text: str, start: int) -> int:
    """Where the line starting at ``start`` ends. Patterns are matched up to there:
    ``regex`` may otherwise look for a literal the pattern needs all the way to the
    end of the text, on every call."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _compile(lexicons: tuple[Lexicon, ...]) -> _Patterns:
    """The patterns for all phrases of ``lexicons``.

    The prefilter has the line start of ``_cruft_line_pattern`` (spaces, maybe
    bullets and spaces; possessive as there), for the stdlib ``re``, whose ``\\s``
    holds all of ``regex``'s and \\x1c-\\x1f besides: where the exact pattern
    matches, the prefilter does too. After a whole phrase it asks for what the
    phrase's section lets follow (``_FOLLOWS``): most prose that starts like a
    phrase ("More than 40 ...", "Comments from traders ...") goes on otherwise. An
    empty line, where no phrase can start, is passed over at once, before the
    spaces and bullets are tried.
    """
    sections = [[p for lexicon in lexicons for p in getattr(lexicon, s)] for s in SECTIONS]
    phrases = phrase_prefilter(
        [
            *(
                (p, _FOLLOWS[name])
                for name, section in zip(SECTIONS, sections, strict=True)
                for p in section
            ),
            *((opening, "") for opening in OPENINGS),
        ]
    )
    return _Patterns(
        regex.compile(
            _cruft_line_pattern(*sections), regex.MULTILINE | regex.IGNORECASE | regex.FULLCASE
        ),
        re.compile(rf"\n(?!\n)[^\S\n]*+(?:{_BULLETS}++[^\S\n]*+)?{phrases}"),
        frozenset(label.casefold() for label in sections[0]),
    )


def _english_labels() -> Lexicon:
    """English navigation labels only: on a page in another language, English
    labels alone on a line are still navigation, but English leads and calls
    could start prose of that language's own."""
    return attrs.evolve(load_lexicon("en"), language="en-labels", lead=(), call=())


def _menus(text: str, drops: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The menu lines between the labels in ``drops`` (see ``furniture.menu_lines``)."""
    lines = [(_text_start(text, start), end, reason) for start, end, reason in drops]
    labels = [(start, end) for start, end, reason in lines if reason == LABEL]
    dropped = {start for start, _end, reason in lines if reason != LABEL}
    return [(start, end, MENU) for start, end in menu_lines(text, labels, dropped)]


def _text_start(text: str, start: int) -> int:
    """Where the text of the line starting at ``start`` begins, after its indent."""
    while text[start : start + 1].isspace():
        start += 1
    return start


@attrs.frozen
class _StripCruftLines:
    languages: tuple[str, ...] | None  # None: the page's language
    lexicons: tuple[Lexicon, ...]
    max_link_words: int
    max_call_words: int
    _patterns: dict[str | None, _Patterns] = attrs.field(
        factory=dict, eq=False, repr=False, init=False
    )
    name = "strip_cruft_lines"

    def __call__(self, document: Document) -> list[Edit]:
        text = document.text
        first = len(text) - len(text.lstrip())  # where the first paragraph starts
        drops = []
        patterns = self._pattern(document.language)
        for start in patterns.line_starts(text):
            end = _line_end(text, start)
            if text[start:end].casefold() in patterns.labels:
                drops.append((start, end, LABEL))
                continue
            match = patterns.line.match(text, start, end)
            reason = self._reason(match) if match else None
            if reason == LINK and document.title is None and start <= first:
                reason = None  # likelier the page's own headline (see the docstring)
            if reason and match:
                drops.append((start, match.end(), reason))
            elif is_time_stamp(text, start, end):
                drops.append((start, end, TIME_STAMP))
            elif is_cookie_notice(text, start, end):
                drops.append((start, end, COOKIES))
        if lexicon_language(document.language) == "en":
            drops = sorted(drops + _menus(text, drops))
        return drop_paragraphs(text, drops)

    def _pattern(self, language: str | None) -> _Patterns:
        """The compiled pattern for a page in ``language`` (built once per lexicon
        choice, whatever the language code given; key ``None`` for ``languages``)."""
        key = None if self.languages is not None else lexicon_language(language)
        if key not in self._patterns:
            self._patterns[key] = _compile(self._lexicons_for(key) + self.lexicons)
        return self._patterns[key]

    def _lexicons_for(self, key: str | None) -> tuple[Lexicon, ...]:
        """The shipped lexicons of the pattern for ``key`` (see ``_pattern``)."""
        if key is None:
            return tuple(load_lexicon(code) for code in self.languages or ())
        if key == "en":
            return (load_lexicon("en"),)
        return (load_lexicon(key), _english_labels())

    def _reason(self, match: regex.Match[str]) -> str | None:
        if match.group("label") is not None:
            return LABEL
        if match.group("lead") is not None:
            return LINK if _is_link_text(match.group("rest"), self.max_link_words) else None
        line = match.group()
        if (
            word_count(line) > self.max_call_words
            or _MORE_AFTER_SENTENCE.search(line)
            or REPORTED_SPEECH.search(line)
        ):
            return None
        return CALL

    def __repr__(self) -> str:
        languages = "auto" if self.languages is None else self.languages
        extra = tuple(lexicon.language for lexicon in self.lexicons)
        return (
            f"strip_cruft_lines(languages={languages!r}, "
            + (f"lexicons={extra!r}, " if extra else "")
            + f"max_link_words={self.max_link_words}, max_call_words={self.max_call_words})"
        )


def strip_cruft_lines(
    languages: Iterable[str] | str = "auto",
    *,
    lexicons: Iterable[Lexicon] = (),
    max_link_words: int = 30,
    max_call_words: int = 20,
) -> _StripCruftLines:
    """The cruft-line pass.

    ``languages``: ``"auto"`` (the default) uses the lexicon of the page's
    language (given to :func:`newsclean.clean` or detected) with the English
    labels, and English when the language is unknown or has no lexicon; a list
    of codes uses exactly those shipped lexicons on every page (see
    :func:`newsclean.lexicon.available_languages`). ``lexicons``: more
    :class:`~newsclean.lexicon.Lexicon` objects for every page, such as a site's
    own labels. ``max_link_words`` and ``max_call_words``: the longest link text
    and call-to-action line that count as cruft.

    >>> strip_cruft_lines(["xx"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: No lexicon for language 'xx'. Available languages: ...
    """
    if isinstance(languages, str) and languages != "auto":
        raise TypeError(
            f"languages must be 'auto' or a list of language codes, not the string {languages!r}"
        )
    for name, value in (("max_link_words", max_link_words), ("max_call_words", max_call_words)):
        if not isinstance(value, int) or value < 1:
            raise ValueError(f"{name} must be a positive int, not {value!r}")
    codes = None if languages == "auto" else tuple(languages)
    extra = tuple(lexicons)
    for lexicon in (*(load_lexicon(code) for code in codes or ()), *extra):
        if not isinstance(lexicon, Lexicon):
            raise TypeError(f"lexicons must be Lexicon objects, not {type(lexicon).__name__}")
        if not (lexicon.label or lexicon.lead or lexicon.call):
            raise ValueError(f"lexicon {lexicon.language!r} has no phrases")
    if codes is not None and not codes and not extra:
        raise ValueError("strip_cruft_lines needs at least one language or lexicon")
    return _StripCruftLines(codes, extra, max_link_words, max_call_words)
