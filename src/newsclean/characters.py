"""Tables of characters, built once and shared: for patterns that name every
character of a kind, found by scanning all of them.

>>> len(bmp_outside_ascii()), bmp_outside_ascii()[:3]
(63360, '\x80\x81\x82')
"""

from __future__ import annotations

import functools
import unicodedata
from itertools import compress
from typing import Literal

__all__ = ["NormalForm", "bmp_outside_ascii", "normalization_triggers", "whole_bmp"]

NormalForm = Literal["NFC", "NFD", "NFKC", "NFKD"]

#: The Hangul syllables, which Unicode decomposes by rule, not in its table
#: (``unicodedata.decomposition`` gives none): U+AC00 to U+D7A3.
_HANGUL_SYLLABLES = "".join(map(chr, range(0xAC00, 0xD7A4)))
#: The Hangul jamo (U+1100 to U+11FF), of which those syllables are made: a
#: syllable composes with the jamo after it.
_HANGUL_JAMO = "".join(map(chr, range(0x1100, 0x1200)))


@functools.cache
def whole_bmp() -> str:
    """Every character from U+0000 to U+FFFF, the surrogates too, built once: from
    their UTF-32 code units, several times faster than a ``chr`` for each.

    >>> whole_bmp() == "".join(map(chr, range(0x10000)))
    True
    """
    units = bytearray(4 * 0x10000)
    units[0::4] = bytes(range(256)) * 256  # the low byte of each
    units[1::4] = b"".join(bytes([high]) * 256 for high in range(256))  # the high byte
    return units.decode("utf-32-le", "surrogatepass")


@functools.cache
def bmp_outside_ascii() -> str:
    """The characters from U+0080 to U+FFFF but the surrogates, built once."""
    bmp = whole_bmp()
    return bmp[0x80:0xD800] + bmp[0xE000:]


@functools.cache
def normalization_triggers(form: NormalForm) -> frozenset[str]:
    """The characters of the BMP outside ASCII that a line must hold to be out of
    the normal ``form``: those normalization changes alone, the combining marks
    it may reorder (canonical combining class not 0), and those it may compose
    with a character before them (every character after the first of a
    canonical decomposition, and the Hangul jamo).

    A line of ASCII and other characters of the BMP is in every normal form:
    each of its characters stays as it is, none moves, none joins the one
    before. (Characters beyond the BMP are not looked at: treat them all as
    triggers.) Built once per form from ``unicodedata``, in about 10 ms.

    >>> triggers = normalization_triggers("NFC")
    >>> "\\u0301" in triggers, "\\u212b" in triggers, "é" in triggers, "д" in triggers
    (True, True, False, False)
    >>> "ﬁ" in triggers, "ﬁ" in normalization_triggers("NFKC")
    (False, True)
    """
    bmp = bmp_outside_ascii()
    mappings = list(map(unicodedata.decomposition, bmp))
    decomposing = dict(zip(compress(bmp, mappings), filter(None, mappings), strict=True))
    canonical = {c: m for c, m in decomposing.items() if not m.startswith("<")}
    followers = {chr(int(code, 16)) for m in canonical.values() for code in m.split()[1:]}
    followers.update(_HANGUL_JAMO)
    candidates = decomposing if form.startswith("NFK") else canonical
    changed = [c for c in candidates if unicodedata.normalize(form, c) != c]
    if not unicodedata.is_normalized(form, _HANGUL_SYLLABLES):  # the forms that decompose
        changed += _HANGUL_SYLLABLES
    marks = compress(bmp, map(unicodedata.combining, bmp))
    return frozenset([*changed, *marks, *followers])
