"""``strip_site_boilerplate``: drop lines a site repeats on many of its pages.

Not in the default pipeline: it needs profiles learned from pages of the same
sources (see :mod:`newsclean.sites`). Insert it after ``strip_cruft_lines``,
before ``extract_headline``, so that the headline pass sees the page without
the site's lines (as it would on a second run): ``Pipeline.default()
.insert_after("strip_cruft_lines", strip_site_boilerplate(profiles))``.

A line goes when two signals agree: the
profile of the page's source holds it (it occurs on at least ``min_share`` of
the source's learned pages), and it is short (at most ``sites.MAX_WORDS``
words: a long paragraph repeated across pages is syndicated prose). The title
never goes: neither a line equal to a title the caller gave, nor, while the
title is unknown, the first paragraph (``extract_headline`` decides about it).

>>> from newsclean.pipeline import Document
>>> from newsclean.sites import SiteProfile
>>> profile = SiteProfile("dailysun.example", 10, {"follow daily sun on google news": 9})
>>> pass_ = strip_site_boilerplate({"dailysun.example": profile})
>>> doc = Document("The bridge reopened.\\n\\nFollow Daily Sun on Google News",
...                url="https://dailysun.example/news/bridge")
>>> pass_(doc)
[Edit(start=20, end=53, replacement='', reason='repeats on 9 of 10 pages of this source', \
to_title=False)]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

import attrs

from newsclean.edits import Edit, drop_paragraphs
from newsclean.pipeline import Document
from newsclean.shapes import paragraphs
from newsclean.sites import SiteProfile, learnable, line_key

__all__ = ["source_of", "strip_site_boilerplate"]

REASON = "repeats on {count} of {pages} pages of this source"


def source_of(document: Document) -> str | None:
    """The default source of a page: the host of its URL, without ``www.``.

    >>> source_of(Document("", url="https://www.dailysun.example/a/b"))
    'dailysun.example'
    """
    if not document.url:
        return None
    try:
        host = urlsplit(document.url).hostname or ""
    except ValueError:  # not a URL urllib can read ("http://[bad"): no source
        return None
    return host.removeprefix("www.") or None


@attrs.frozen
class _StripSiteBoilerplate:
    profiles: Mapping[str, SiteProfile] = attrs.field(repr=False)
    source: Callable[[Document], str | None] = attrs.field(repr=False)
    name = "strip_site_boilerplate"

    def __call__(self, document: Document) -> list[Edit]:
        key = self.source(document)
        profile = self.profiles.get(key) if key else None
        if profile is None or not profile.lines:
            return []
        text = document.text
        title = line_key(document.title) if document.title else None
        spans = paragraphs(text)
        if title is None:
            next(spans, None)  # the first paragraph, while the title is unknown
        drops = []
        for start, end in spans:
            line = text[start:end]
            key = line_key(line) if learnable(line) else None
            count = profile.lines.get(key, 0) if key else 0
            if count and key != title:
                drops.append((start, end, REASON.format(count=count, pages=profile.pages)))
        return drop_paragraphs(text, drops)

    def __repr__(self) -> str:
        return f"strip_site_boilerplate(<{len(self.profiles)} site profiles>)"


def strip_site_boilerplate(
    profiles: Mapping[str, SiteProfile],
    *,
    source: Callable[[Document], str | None] = source_of,
) -> _StripSiteBoilerplate:
    """The site-boilerplate pass, with ``profiles`` by source.

    ``source`` tells a page's source (default: the host of ``url``, see
    :func:`source_of`); pages without one, or of a source without a profile,
    are left alone.
    """
    if not isinstance(profiles, Mapping):
        raise TypeError(f"profiles must map sources to SiteProfile, not {type(profiles).__name__}")
    for name, profile in profiles.items():
        if not isinstance(profile, SiteProfile):
            raise TypeError(f"profile of {name!r} is {type(profile).__name__}, not SiteProfile")
    return _StripSiteBoilerplate(dict(profiles), source)
