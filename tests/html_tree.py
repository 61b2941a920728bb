"""Helpers for the review and report tests: an HTML tree from ``html.parser``, and
a PNG decoder (``zlib`` and ``struct``) to look at a browser's screenshot."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser

import attrs

#: Elements that never have content, so never get an end tag.
VOID = {"meta", "br", "img", "hr", "input", "link"}
#: How the review shows invisible characters (``newsclean.review.VISIBLE``), reversed.
MARKS = {"↵": "\n", "⍽": "\xa0", "→": "\t", "CR": "\r", "␣": " "}


@attrs.define(eq=False)
class Node:
    """An element: its tag, attributes and children (nodes and strings)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = attrs.Factory(list)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def iter(self) -> Iterator[Node]:
        """This node and every element under it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [
            node
            for node in self.iter()
            if (tag is None or node.tag == tag) and (cls is None or cls in node.classes)
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag} class={cls}>"
        return found[0]

    def text(self) -> str:
        """The text of the element, as the page shows it."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def decoded(self, keep: str = "ins") -> str:
        """The text the element stands for: whitespace marks turned back into the
        characters they show; of each change, only its ``keep`` part (``del``: the
        original, ``ins``: the clean text)."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif "nc-ws" in child.classes:
                parts.append(_unmark(child.text(), in_deletion=keep == "del"))
            elif child.tag in ("del", "ins") and child.tag != keep:
                continue
            else:
                parts.append(child.decoded(keep))
        return "".join(parts)


def _unmark(mark: str, *, in_deletion: bool) -> str:
    if mark.startswith("⟨U+"):
        return chr(int(mark[3:-1], 16))
    if mark == "↵" and in_deletion:
        return ""  # a deletion keeps the newline itself after the mark
    return MARKS[mark]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attributes})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {name: value or "" for name, value in attributes}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(document: str) -> Node:
    """The tree of ``document``; fails when an end tag does not match its start."""
    builder = _Builder()
    builder.feed(document)
    builder.close()
    assert builder.stack == [builder.root], "elements left open"
    return builder.root


def _unfilter(kind: int, line: bytearray, previous: bytes, step: int) -> None:
    """Undo one PNG filter on ``line`` in place (PNG spec, section 9)."""
    if kind == 1:
        for i in range(step, len(line)):
            line[i] = (line[i] + line[i - step]) & 0xFF
    elif kind == 2:
        line[:] = bytes((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
    elif kind == 3:
        for i in range(len(line)):
            left = line[i - step] if i >= step else 0
            line[i] = (line[i] + (left + previous[i]) // 2) & 0xFF
    elif kind == 4:
        for i in range(len(line)):
            a = line[i - step] if i >= step else 0
            b, c = previous[i], previous[i - step] if i >= step else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) bytes of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks = 8, {}
    idat = b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IDAT":
            idat += body
        chunks.setdefault(kind, body)
        position += 12 + length
    width, height, depth, colour, _c, _f, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert (depth, colour, interlace) in ((8, 2, 0), (8, 6, 0)), (depth, colour, interlace)
    step = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(idat), width * step
    rows, previous = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        line = bytearray(raw[start + 1 : start + 1 + stride])
        _unfilter(raw[start], line, previous, step)
        rows.append(bytes(line))
        previous = rows[-1]
    return width, height, rows
