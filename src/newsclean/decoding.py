"""Turning bytes into text: UTF-8 first, then ftfy's guess, never an exception.

>>> decode_bytes("café".encode("utf-8")), decode_bytes("café".encode("cp1252"))
('café', 'café')
>>> decode_bytes(b"\\xef\\xbb\\xbfBOM")
'BOM'
"""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs  # registers "sloppy-windows-1252"

__all__ = ["decode_bytes"]


def decode_bytes(data: bytes) -> str:
    """Decode ``data``: UTF-8 (a leading BOM dropped); if that fails, ftfy's guess
    among UTF-16 with a BOM, MacRoman and Windows-1252; as a last resort
    "sloppy" Windows-1252, which decodes every byte, so nothing raises.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text, _encoding = ftfy.guess_bytes(data)
    except UnicodeError:
        return data.decode("sloppy-windows-1252")
    return text
