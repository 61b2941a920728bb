"""Tables of characters, built once and shared: for patterns that name every
character of a kind, found by scanning all of them.

>>> len(bmp_outside_ascii()), bmp_outside_ascii()[:3]
(63360, '\x80\x81\x82')
"""

from __future__ import annotations

import functools

__all__ = ["bmp_outside_ascii"]


@functools.cache
def bmp_outside_ascii() -> str:
    """The characters from U+0080 to U+FFFF but the surrogates, built once."""
    return "".join(map(chr, range(0x80, 0xD800))) + "".join(map(chr, range(0xE000, 0x10000)))
