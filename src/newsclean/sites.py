"""Boilerplate learned across the pages of one source (a site).

Many cruft lines belong to one site: "Follow Daily Sun on Google News", a fixed
disclaimer, "Updated 3 hours ago". Seen on one page they look like prose; seen
on many pages of the same site they are plainly boilerplate. A
:class:`SiteLearner` reads pages, counts on how many pages of each source every
short line occurs (lines compared by :func:`line_key`: case, spacing and numbers
ignored), and gives a :class:`SiteProfile` per source: the lines that occur on at
least ``min_share`` of its pages (and on at least ``min_pages`` pages). The pass
:func:`newsclean.passes.strip_site_boilerplate` removes those lines.

>>> learner = SiteLearner()
>>> for n, story in enumerate(["Rain fell.", "Snow came.", "Wind rose.", "Fog lifted."]):
...     learner.observe("dailysun.example", f"{story}\\n\\nUpdated {n} hours ago")
>>> profile = learner.profiles()["dailysun.example"]
>>> profile.pages, dict(profile.lines)
(4, {'updated # hours ago': 4})
>>> SiteProfile.from_json(profile.to_json()) == profile
True
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
import regex

__all__ = ["SiteLearner", "SiteProfile", "learn_profiles", "learnable", "line_key"]

#: Lines longer than this are never learned: a long paragraph repeated across
#: pages is syndicated prose, not boilerplate.
MAX_WORDS = 30

_DIGITS = regex.compile(r"\d+")
_LINE = regex.compile(r"[^\n]+")


def line_key(line: str) -> str:
    """How lines are compared: case-folded, single spaces, every number ``#``.

    >>> line_key("  Updated 3 HOURS  ago "), line_key("Updated 12 hours ago")
    ('updated # hours ago', 'updated # hours ago')
    """
    return _DIGITS.sub("#", " ".join(line.casefold().split()))


def learnable(line: str) -> bool:
    """Whether a line is short enough to be learned as boilerplate (``MAX_WORDS``)."""
    return 0 < len(line.split()) <= MAX_WORDS


def _sorted_counts(lines: Mapping[str, int]) -> dict[str, int]:
    return dict(sorted(lines.items()))


def _check_share(_instance: object, _attribute: object, value: float) -> None:
    if not 0 < value <= 1:
        raise ValueError(f"min_share must be in (0, 1], not {value!r}")


@attrs.frozen
class SiteProfile:
    """The boilerplate lines of one source: ``lines`` maps a :func:`line_key` to
    the number of the ``pages`` learned from that held it."""

    source: str
    pages: int = attrs.field(validator=attrs.validators.ge(1))
    lines: Mapping[str, int] = attrs.field(converter=_sorted_counts)

    def count(self, line: str) -> int:
        """On how many of the learned pages ``line`` occurred (0 if it is not boilerplate)."""
        return self.lines.get(line_key(line), 0)

    def to_json(self) -> str:
        """The profile as JSON text; :meth:`from_json` reads it back."""
        data = {"source": self.source, "pages": self.pages, "lines": self.lines}
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> SiteProfile:
        """Read a profile written by :meth:`to_json`; ``ValueError`` if it is not one."""
        try:
            data: dict[str, Any] = json.loads(text)
            return cls(data["source"], int(data["pages"]), dict(data["lines"]))
        except (ValueError, KeyError, TypeError) as error:
            raise ValueError(f"not a site profile: {error}") from error

    def save(self, path: str | Path) -> None:
        """Write the profile to ``path`` as JSON."""
        Path(path).write_text(self.to_json(), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> SiteProfile:
        """Read a profile saved with :meth:`save`."""
        return cls.from_json(Path(path).read_text(encoding="utf-8"))


@attrs.define
class SiteLearner:
    """Counts, per source, on how many pages each short line occurs.

    Feed it pages with :meth:`observe` (in a stream: the first pages of each
    source, or all of them in a first pass), then take :meth:`profiles`.
    ``min_share``: the share of a source's pages a line must be on;
    ``min_pages``: the fewest pages, so that two pages never make boilerplate.
    """

    min_share: float = attrs.field(default=0.3, validator=_check_share)
    min_pages: int = attrs.field(default=3, validator=attrs.validators.ge(2))
    _pages: Counter[str] = attrs.field(factory=Counter, init=False)
    _lines: dict[str, Counter[str]] = attrs.field(factory=dict, init=False)

    def observe(self, source: str, text: str) -> None:
        """Count the short lines of one page of ``source`` (each once per page)."""
        keys = {line_key(m.group()) for m in _LINE.finditer(text) if learnable(m.group())}
        self._pages[source] += 1
        self._lines.setdefault(source, Counter()).update(keys)

    def pages_seen(self, source: str) -> int:
        """How many pages of ``source`` have been observed."""
        return self._pages[source]

    def profiles(self) -> dict[str, SiteProfile]:
        """A profile for every source observed on at least ``min_pages`` pages."""
        profiles = {}
        for source, pages in self._pages.items():
            threshold = max(self.min_pages, self.min_share * pages)
            lines: dict[str, int] = {
                key: n for key, n in self._lines[source].items() if n >= threshold
            }
            if pages >= self.min_pages:
                profiles[source] = SiteProfile(source, pages, lines)
        return profiles


def learn_profiles(
    pages: Iterable[tuple[str, str]], *, min_share: float = 0.3, min_pages: int = 3
) -> dict[str, SiteProfile]:
    """Profiles from ``(source, text)`` pairs, in one go.

    >>> pages = [("a.example", f"Text {n}.\\nFollow A on Google News") for n in range(3)]
    >>> learn_profiles(pages)["a.example"].count("Follow A on Google News")
    3
    """
    learner = SiteLearner(min_share=min_share, min_pages=min_pages)
    for source, text in pages:
        learner.observe(source, text)
    return learner.profiles()
