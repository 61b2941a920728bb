"""The passes, one module each; ``default_passes`` lists the default ones in order.

``strip_site_boilerplate`` is not a default pass: it needs profiles learned
from the pages of each site (see :mod:`newsclean.sites`).

Each module exposes one factory named for what the pass does; that name is also
the pass's name in a :class:`~newsclean.pipeline.Pipeline` and in every
:class:`~newsclean.Change` it makes.
"""

from __future__ import annotations

from newsclean.passes.extract_headline import extract_headline
from newsclean.passes.normalize_whitespace import normalize_whitespace
from newsclean.passes.repair_unicode import repair_unicode
from newsclean.passes.strip_calls_to_action import strip_calls_to_action
from newsclean.passes.strip_cruft_lines import strip_cruft_lines
from newsclean.passes.strip_injected_phrases import strip_injected_phrases
from newsclean.passes.strip_site_boilerplate import strip_site_boilerplate
from newsclean.pipeline import Pass

__all__ = [
    "default_passes",
    "extract_headline",
    "normalize_whitespace",
    "repair_unicode",
    "strip_calls_to_action",
    "strip_cruft_lines",
    "strip_injected_phrases",
    "strip_site_boilerplate",
]


def default_passes() -> list[tuple[str, Pass]]:
    """``(name, pass)`` for every default pass, with default settings, in order."""
    return [
        ("repair_unicode", repair_unicode()),
        ("normalize_whitespace", normalize_whitespace()),
        ("strip_calls_to_action", strip_calls_to_action()),
        ("strip_cruft_lines", strip_cruft_lines()),
        ("extract_headline", extract_headline()),
        ("strip_injected_phrases", strip_injected_phrases()),
    ]
