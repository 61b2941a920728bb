"""A review page: the original text with every change marked in place, as HTML.

:func:`review_page` builds one self-contained HTML document for an
:class:`~newsclean.Article` (``Article.to_html()``; ``newsclean explain --html``):
inline CSS, no script, no external asset. It shows

- a header: the title, URL, language, extractor metadata when present, and per
  pass the number of changes and the characters it removed and inserted;
- the original text, each change marked as one element
  (``<span class="change pass-NAME" id=... title="NAME: REASON">``) holding the
  removed text struck through (``<del>``) and the replacement (``<ins>``), with
  whitespace made visible, in a colour per pass;
- a numbered side list of the changes, each linking to its span;
- the clean text, its flagged paragraphs (captions, links, see
  :mod:`newsclean.flags`) marked apart, as they are in the original.

:func:`review_fragment` is the same without the document around it (for
Jupyter's ``_repr_html_`` and the batch report). All text is escaped, and a
character UTF-8 cannot encode (a lone surrogate, left by a pipeline without
``repair_unicode``) is written as a character reference (``&#55296;``), so the
page can always be written as UTF-8.

>>> import newsclean
>>> page = review_page(newsclean.clean("Storm <b>hits</b>\\n\\nRain fell.\\n\\nRead More"))
>>> page.count('<span class="change '), "Storm &lt;b&gt;hits&lt;/b&gt;" in page, "<b>" in page
(2, True, False)
"""

from __future__ import annotations

import bisect
import html
import itertools
import zlib
from collections.abc import Iterable, Sequence

import attrs
import regex

from newsclean.article import METADATA_FIELDS, Article, counted
from newsclean.edits import Record
from newsclean.flags import Flag

__all__ = [
    "CSS",
    "PassCount",
    "count_by_pass",
    "html_document",
    "pass_colour",
    "pass_table",
    "review_fragment",
    "review_page",
    "text_starts",
    "to_original",
]

#: Colours (strong, tint) of the default passes and of ``strip_site_boilerplate``.
PASS_COLOURS = {
    "extract_headline": ("#3b6ea5", "#dbe6f3"),
    "strip_cruft_lines": ("#c8383b", "#f8dada"),
    "strip_injected_phrases": ("#d9730d", "#fde4cc"),
    "normalize_whitespace": ("#2f8f89", "#d6efec"),
    "repair_unicode": ("#4b8b3b", "#dcefd6"),
    "strip_site_boilerplate": ("#8e5a8a", "#eedff0"),
}
#: Colours for any other pass, picked by a checksum of its name (stable across runs).
OTHER_COLOURS = (
    ("#b8860b", "#f8edc8"),
    ("#c2497a", "#fbe0ec"),
    ("#7a5b44", "#ecdfd5"),
    ("#5b5fc7", "#e2e3f8"),
    ("#6b7a2a", "#e9eed2"),
    ("#707070", "#e9e9e9"),
)
#: How characters that cannot be seen are shown inside a change.
VISIBLE = {"\n": "↵", "\t": "→", "\r": "CR", "\xa0": "⍽", " ": " "}
#: Characters that are not safe in a CSS class name (or in an id prefix).
UNSAFE_CLASS_CHARS = regex.compile(r"[^A-Za-z0-9_-]")
#: The longest removed or inserted text shown whole in the side list.
PREVIEW_WIDTH = 90

CSS = """
.newsclean-review { font: 15px/1.5 "DejaVu Sans", system-ui, sans-serif; color: #1f2328;
  max-width: 1400px; margin: 0 auto; padding: 0 1rem 2rem; }
.newsclean-review h1 { font-size: 1.5rem; line-height: 1.25; margin: 1rem 0 .4rem; }
.newsclean-review h2 { font-size: 1.05rem; margin: 1.2rem 0 .5rem; color: #444; }
.newsclean-review .nc-meta { margin: 0 0 .6rem; color: #555; font-size: .9rem; }
.newsclean-review .nc-meta span + span::before { content: " · "; color: #aaa; }
.newsclean-review .nc-meta a { color: #3b6ea5; }
.newsclean-review table { border-collapse: collapse; font-size: .88rem; margin: .3rem 0; }
.newsclean-review th, .newsclean-review td { padding: .2rem .7rem; text-align: right;
  border-bottom: 1px solid #e3e3e3; }
.newsclean-review th:first-child, .newsclean-review td:first-child { text-align: left; }
.newsclean-review thead th { color: #555; font-weight: 600; }
.newsclean-review .nc-swatch { display: inline-block; width: .8em; height: .8em;
  border-radius: 2px; margin-right: .4em; vertical-align: -1px; background: var(--pass); }
.newsclean-review .nc-columns { display: grid; gap: 1.5rem;
  grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); align-items: start; }
@media (max-width: 900px) { .newsclean-review .nc-columns { grid-template-columns: 1fr; } }
.newsclean-review .nc-original { white-space: pre-wrap; overflow-wrap: anywhere;
  font: 14px/1.65 "DejaVu Serif", Georgia, serif; background: #fbfbfa;
  border: 1px solid #e3e3e3; border-radius: 6px; padding: .8rem 1rem; margin: 0; }
.newsclean-review .change { background: var(--tint); box-shadow: inset 0 -2px var(--pass);
  border-radius: 2px; }
.newsclean-review .change del { color: #6b6b6b; text-decoration: line-through var(--pass); }
.newsclean-review .change ins { text-decoration: none; color: #fff; background: var(--pass);
  border-radius: 2px; padding: 0 .15em; font-weight: 600; }
.newsclean-review .change:target, .newsclean-review li:target {
  outline: 3px solid var(--pass); outline-offset: 1px; }
.newsclean-review .nc-ws { display: inline-block; color: var(--pass); font-size: .9em;
  font-family: "DejaVu Sans", sans-serif; padding: 0 1px; }
.newsclean-review .change ins .nc-ws { color: inherit; }
.newsclean-review .flag { background: repeating-linear-gradient(135deg, #fff8d6 0 6px,
  #fff1b8 6px 12px); outline: 1px dashed #b8860b; }
.newsclean-review .flag[data-label]::before { content: attr(data-label); display: inline-block;
  font: 600 .72rem/1.4 "DejaVu Sans", sans-serif; color: #7a5a00; background: #ffe58a;
  border-radius: 3px; padding: 0 .35em; margin-right: .4em; vertical-align: 1px; }
.newsclean-review .nc-list { font-size: .86rem; margin: 0; padding: 0 .5rem 0 2.2em;
  max-height: 90vh; overflow-y: auto; }
.newsclean-review .nc-list li { margin: 0 0 .45rem; padding-left: .2rem;
  border-left: 3px solid var(--pass); padding: .1rem .4rem; }
.newsclean-review .nc-list a { color: inherit; text-decoration: none; font-weight: 600; }
.newsclean-review .nc-list .nc-span { color: #777; font-size: .8rem; }
.newsclean-review .nc-list .nc-reason { display: block; color: #333; }
.newsclean-review .nc-list del, .newsclean-review .nc-list ins { font-size: .82rem;
  overflow-wrap: anywhere; }
.newsclean-review .nc-list del { color: #6b6b6b; text-decoration-color: var(--pass); }
.newsclean-review .nc-list ins { text-decoration: none; background: var(--tint); }
.newsclean-review .nc-clean { font: 14px/1.6 "DejaVu Serif", Georgia, serif; }
.newsclean-review .nc-clean p { margin: 0 0 .7rem; padding: .1rem .4rem; }
.newsclean-review .nc-empty { color: #777; font-style: italic; }
.newsclean-review .nc-legend { font-size: .8rem; color: #555; margin: -.3rem 0 .5rem;
  --pass: #555; --tint: #e9e9e9; }
.newsclean-review .nc-legend del { background: var(--tint); color: #6b6b6b; }
.newsclean-review .nc-legend ins { background: var(--pass); color: #fff; text-decoration: none;
  padding: 0 .2em; border-radius: 2px; }
.newsclean-review .nc-legend .flag { padding: 0 .2em; }
"""


#: What the marks mean, above the original.
LEGEND = (
    '<p class="nc-legend"><del>removed</del> <ins>inserted</ins>'
    ' <span class="nc-ws">↵</span> line break <span class="nc-ws">⍽</span> no-break space'
    ' <span class="flag">flagged paragraph, kept</span> · hover a mark for its pass and reason</p>'
)


def pass_colour(name: str) -> tuple[str, str]:
    """The (strong, tint) colours of a pass: fixed for the known passes, else
    picked by a checksum of the name, so a pass has the same colour on every page.

    >>> pass_colour("strip_cruft_lines")
    ('#c8383b', '#f8dada')
    >>> pass_colour("my_pass") == pass_colour("my_pass")
    True
    """
    known = PASS_COLOURS.get(name)
    if known is not None:
        return known
    return OTHER_COLOURS[zlib.crc32(name.encode("utf-8", "replace")) % len(OTHER_COLOURS)]


def _colour_style(name: str) -> str:
    """The inline ``style`` that gives an element its pass's colours.

    >>> _colour_style("repair_unicode")
    '--pass:#4b8b3b;--tint:#dcefd6'
    """
    strong, tint = pass_colour(name)
    return f"--pass:{strong};--tint:{tint}"


def _class_name(name: str) -> str:
    """``pass-NAME``, with characters not safe in a class name made ``-``.

    >>> _class_name("strip_cruft_lines"), _class_name("my pass<1>")
    ('pass-strip_cruft_lines', 'pass-my-pass-1-')
    """
    return "pass-" + UNSAFE_CLASS_CHARS.sub("-", name)


def _attr(value: object) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return html.escape(str(value), quote=True)


def _visible(text: str, *, keep_newlines: bool) -> str:
    """``text`` escaped, with invisible characters shown as marks (spaces too, when
    ``text`` is only whitespace); with ``keep_newlines`` a newline is also kept, so
    the lines stay where they were.

    >>> _visible("a\\xa0<b>\\n", keep_newlines=False)
    'a<span class="nc-ws">⍽</span>&lt;b&gt;<span class="nc-ws">↵</span>'
    >>> _visible("\\u200b", keep_newlines=True), _visible(" ", keep_newlines=False)
    ('<span class="nc-ws">⟨U+200B⟩</span>', '<span class="nc-ws">␣</span>')
    """
    parts = []
    blank = text.isspace()
    for char in text:
        mark = "␣" if blank and char == " " else VISIBLE.get(char)
        if mark is None and not char.isprintable():
            mark = f"⟨U+{ord(char):04X}⟩"
        if mark is None:
            parts.append(html.escape(char))
        elif mark != char:
            parts.append(f'<span class="nc-ws">{mark}</span>')
            if char == "\n" and keep_newlines:
                parts.append("\n")
        else:
            parts.append(char)
    return "".join(parts)


def _encodable(text: str) -> str:
    """``text`` with every character UTF-8 cannot encode (a lone surrogate) made a
    numeric character reference.

    >>> _encodable("a\\ud800b")
    'a&#55296;b'
    """
    return text.encode("utf-8", "xmlcharrefreplace").decode("utf-8")


def _shortened(text: str, width: int = PREVIEW_WIDTH) -> str:
    """``text`` cut in the middle when longer than ``width``.

    >>> _shortened("abcdefghij", 7)
    'abc…hij'
    """
    if len(text) <= width:
        return text
    half = (width - 1) // 2
    return text[:half] + "…" + text[-half:]


@attrs.frozen
class PassCount:
    """What one pass did: its changes, and the characters they removed and inserted."""

    name: str
    changes: int = 0
    removed: int = 0
    inserted: int = 0

    def add(self, removed: int, inserted: int) -> PassCount:
        """This count with one more change."""
        return PassCount(
            self.name, self.changes + 1, self.removed + removed, self.inserted + inserted
        )


def count_by_pass(
    records: Iterable[Record], order: Sequence[str] = (), *, base: Iterable[PassCount] = ()
) -> tuple[PassCount, ...]:
    """The changes of ``records`` counted per pass, added to the counts ``base``
    (to count many articles, one at a time); the passes that changed something,
    in the order of ``order`` (passes that ran), then of first appearance.
    ``removed`` counts the characters of the original each change took out or
    replaced (``end - start``), ``inserted`` those of its replacement.

    >>> records = [(0, 3, "", "b", "r"), (3, 8, "x", "a", "r"), (9, 11, "", "b", "r")]
    >>> count_by_pass(records, order=["a", "b", "c"])
    (PassCount(name='a', changes=1, removed=5, inserted=1), \
PassCount(name='b', changes=2, removed=5, inserted=0))
    >>> count_by_pass([(0, 1, "", "c", "r")], base=[PassCount("b", 2, 5, 0)])
    (PassCount(name='b', changes=2, removed=5, inserted=0), \
PassCount(name='c', changes=1, removed=1, inserted=0))
    """
    counts = {name: PassCount(name) for name in order}
    counts.update((count.name, count) for count in base)
    for start, end, replacement, name, _reason in records:
        counts[name] = counts.get(name, PassCount(name)).add(end - start, len(replacement))
    return tuple(count for count in counts.values() if count.changes)


def text_starts(records: Sequence[Record]) -> list[int]:
    """Where each record's replacement begins in the clean text.

    >>> text_starts([(0, 7, "", "h", "headline"), (8, 11, " ", "w", "spaces")])
    [0, 1]
    """
    starts, shift = [], 0  # shift: original position minus clean-text position
    for record_start, record_end, replacement, _name, _reason in records:
        starts.append(record_start - shift)
        shift += record_end - record_start - len(replacement)
    return starts


def to_original(
    records: Sequence[Record], position: int, *, start: bool, starts: Sequence[int] = ()
) -> int:
    """The position in the original of ``position`` in the clean text; ``starts`` is
    :func:`text_starts` of the records, when already known (a binary search then).

    A position next to a deletion stands for both sides of it: a ``start`` is
    put after it, an end before it. A position inside a replacement becomes the
    replacement's start (``start``) or end, so a span mapped this way never cuts
    a change.

    >>> original = "Title\\n\\nA   b"  # the clean text is "A b"
    >>> records = [(0, 7, "", "h", "headline"), (8, 11, " ", "w", "spaces")]
    >>> [to_original(records, 0, start=True), to_original(records, 3, start=False)]
    [7, 12]
    >>> [to_original(records, 1, start=False), to_original(records, 2, start=True)]
    [8, 11]
    """
    starts = starts or text_starts(records)
    after = (bisect.bisect_right if start else bisect.bisect_left)(starts, position)
    if not after:
        return position
    record_start, record_end, replacement, _name, _reason = records[after - 1]
    replaced_until = starts[after - 1] + len(replacement)
    if position < replaced_until:
        return record_start if start else record_end
    return record_end + position - replaced_until


def _flag_spans(article: Article) -> list[tuple[int, int, Flag]]:
    """Each flag's paragraph as a span of the original, sorted and disjoint."""
    offsets, position = [], 0
    for paragraph in article.paragraphs:
        offsets.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    spans: list[tuple[int, int, Flag]] = []
    starts = text_starts(article.records)
    for flag in article.flags:
        text_start, text_end = offsets[flag.paragraph]
        begin = to_original(article.records, text_start, start=True, starts=starts)
        end = to_original(article.records, text_end, start=False, starts=starts)
        begin = max(begin, spans[-1][1]) if spans else begin
        if begin < end:
            spans.append((begin, end, flag))
    return spans


def _flag_title(flag: Flag) -> str:
    """What hovering a flagged paragraph says."""
    return f"flagged {flag.kind} ({flag.confidence:g}): {flag.reason}"


def _flag_attributes(flag: Flag, prefix: str, element: str) -> str:
    """Class, id, title and label (shown by the CSS, not part of the text) of a flag."""
    return (
        f'class="flag flag-{_attr(flag.kind)}" id="{prefix}{element}-{flag.paragraph}"'
        f' title="{_attr(_flag_title(flag))}"'
        f' data-label="{_attr(f"{flag.kind} {flag.confidence:g}")}"'
    )


def _change_span(article: Article, number: int, prefix: str) -> str:
    """The one element that marks change ``number`` (counted from 1) in the original."""
    start, end, replacement, name, reason = article.records[number - 1]
    removed = article.original[start:end]
    deleted = f"<del>{_visible(removed, keep_newlines=True)}</del>" if removed else ""
    inserted = f"<ins>{_visible(replacement, keep_newlines=False)}</ins>" if replacement else ""
    # The replacement stands where the removed text began its last line.
    inner = inserted + deleted if removed.endswith("\n") else deleted + inserted
    return (
        f'<span class="change {_class_name(name)}" id="{prefix}change-{number}"'
        f' style="{_colour_style(name)}" title="{_attr(f"{number}. {name}: {reason}")}"'
        f' data-pass="{_attr(name)}" data-reason="{_attr(reason)}"'
        f' data-start="{start}" data-end="{end}">{inner}</span>'
    )


def _pieces(article: Article, prefix: str, cuts: Iterable[int]) -> list[tuple[int, str]]:
    """The original as ``(start, html)`` pieces: changes, and the text between them
    cut at ``cuts`` (which never fall inside a change)."""
    original, pieces, position = article.original, [], 0
    cut_points = sorted(set(cuts))
    for number, (start, end, *_rest) in enumerate(article.records, 1):
        pieces.extend(_text_pieces(original, position, start, cut_points))
        pieces.append((start, _change_span(article, number, prefix)))
        position = end
    pieces.extend(_text_pieces(original, position, len(original), cut_points))
    return pieces


def _text_pieces(original: str, begin: int, end: int, cuts: Sequence[int]) -> list[tuple[int, str]]:
    """``original[begin:end]`` (unchanged text), escaped, cut at ``cuts``."""
    bounds = [begin, *(cut for cut in cuts if begin < cut < end), end]
    return [(a, html.escape(original[a:b])) for a, b in itertools.pairwise(bounds) if a < b]


def _marked_original(article: Article, prefix: str) -> str:
    """The original, changes marked in place and flagged paragraphs wrapped."""
    spans = _flag_spans(article)
    pieces = _pieces(article, prefix, (cut for span in spans for cut in span[:2]))
    parts, index, inside = [], 0, False
    for start, piece in pieces:
        while index < len(spans) and spans[index][1] <= start:  # past this flag: close it
            parts.append("</span>" if inside else "")
            index, inside = index + 1, False
        if not inside and index < len(spans) and spans[index][0] <= start:
            parts.append(f"<span {_flag_attributes(spans[index][2], prefix, 'flag')}>")
            inside = True
        parts.append(piece)
    parts.append("</span>" if inside else "")
    return "".join(parts)


def _meta(article: Article) -> str:
    """The line under the title: URL, language, version and any extractor metadata."""
    items = []
    if article.url:
        url = html.escape(article.url)
        safe = article.url.lower().startswith(("http://", "https://"))
        items.append(f'<a href="{_attr(article.url)}">{url}</a>' if safe else url)
    items.append(f"language: {html.escape(article.language or 'unknown')}")
    for name in METADATA_FIELDS:
        value = getattr(article, name, None)
        if value is not None:
            items.append(f"{name.replace('_', ' ')}: {html.escape(str(value))}")
    items.append(f"newsclean {html.escape(article.version)}")
    return '<p class="nc-meta">' + "".join(f"<span>{item}</span>" for item in items) + "</p>"


def pass_table(counts: Sequence[PassCount]) -> str:
    """A table of the changes and the characters removed and inserted per pass, in
    the passes' colours, with a total row."""
    rows = [
        f'<tr class="{_class_name(c.name)}" style="{_colour_style(c.name)}">'
        f'<td><span class="nc-swatch"></span>{html.escape(c.name)}</td>'
        f"<td>{c.changes:,}</td><td>{c.removed:,}</td><td>{c.inserted:,}</td></tr>"
        for c in counts
    ]
    total = (
        f"<tr><th>all passes</th><th>{sum(c.changes for c in counts):,}</th>"
        f"<th>{sum(c.removed for c in counts):,}</th>"
        f"<th>{sum(c.inserted for c in counts):,}</th></tr>"
    )
    return (
        '<table class="nc-passes"><thead><tr><th>pass</th><th>changes</th>'
        "<th>characters removed</th><th>characters inserted</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody><tfoot>{total}</tfoot></table>"
    )


def _header(article: Article) -> str:
    """Title, metadata, sizes, and the table of counts per pass."""
    title = (
        html.escape(article.title) if article.title else '<span class="nc-empty">no title</span>'
    )
    size_in, size_out = len(article.original), len(article.text)
    share = f" ({1 - size_out / size_in:.1%} removed)" if size_in else ""
    summary = (
        f"{size_in:,} characters in, {size_out:,} out{share};"
        f" {counted(len(article.records), 'change')};"
        f" {counted(len(article.paragraphs), 'paragraph')}, {len(article.flags):,} flagged"
    )
    counts = count_by_pass(article.records, [name for name, _config in article.passes])
    return (
        f'<header><h1 class="nc-title">{title}</h1>{_meta(article)}'
        f'<p class="nc-summary">{summary}</p>{pass_table(counts)}</header>'
    )


def _list_item(article: Article, number: int, prefix: str) -> str:
    """The side-list entry of change ``number``, linking to its span."""
    start, end, replacement, name, reason = article.records[number - 1]
    removed = _shortened(article.original[start:end])
    what = f"<del>{_visible(removed, keep_newlines=False)}</del>" if removed else ""
    if replacement:
        what += f" → <ins>{_visible(_shortened(replacement), keep_newlines=False)}</ins>"
    return (
        f'<li id="{prefix}item-{number}" class="{_class_name(name)}"'
        f' style="{_colour_style(name)}"><a href="#{prefix}change-{number}">'
        f'{html.escape(name)}</a> <span class="nc-span">[{start}, {end})</span>'
        f'<span class="nc-reason">{html.escape(reason)}</span>{what}</li>'
    )


def _side_list(article: Article, prefix: str) -> str:
    if not article.records:
        return '<p class="nc-empty">No changes: the text is the original.</p>'
    items = "".join(_list_item(article, n, prefix) for n in range(1, len(article.records) + 1))
    return f'<ol class="nc-list">{items}</ol>'


def _clean_text(article: Article, prefix: str) -> str:
    """The clean paragraphs, the flagged ones marked and labelled."""
    if not article.paragraphs:
        return '<p class="nc-empty">The clean text is empty.</p>'
    flags = {flag.paragraph: flag for flag in article.flags}
    parts = []
    for number, paragraph in enumerate(article.paragraphs):
        flag = flags.get(number)
        text = html.escape(paragraph)
        if flag is None:
            parts.append(f'<p id="{prefix}p-{number}">{text}</p>')
        else:
            parts.append(f"<p {_flag_attributes(flag, prefix, 'p')}>{text}</p>")
    return f'<div class="nc-clean">{"".join(parts)}</div>'


def review_fragment(article: Article, *, id_prefix: str = "", style: bool = True) -> str:
    """The review of ``article`` as one ``<div class="newsclean-review">``, its CSS
    inside unless ``style`` is false (every rule is scoped to that class, so the
    fragment can sit in a notebook or another page). ``id_prefix`` keeps the ids
    apart when several reviews share one page; ``ValueError`` unless it is made of
    ``A-Z a-z 0-9 _ -`` only.

    >>> import newsclean
    >>> review_fragment(newsclean.clean("Rain."), id_prefix='x" onclick="')
    Traceback (most recent call last):
    ...
    ValueError: id_prefix may hold only A-Z, a-z, 0-9, _ and -: 'x" onclick="'
    """
    if UNSAFE_CLASS_CHARS.search(id_prefix):
        raise ValueError(f"id_prefix may hold only A-Z, a-z, 0-9, _ and -: {id_prefix!r}")
    original = _marked_original(article, id_prefix) or '<span class="nc-empty">empty</span>'
    return _encodable(
        f'<div class="newsclean-review">{f"<style>{CSS}</style>" if style else ""}'
        f"{_header(article)}"
        f'<div class="nc-columns"><section><h2>Original, with every change marked</h2>{LEGEND}'
        f'<pre class="nc-original">{original}</pre></section>'
        f"<aside><h2>Changes</h2>{_side_list(article, id_prefix)}</aside></div>"
        f"<section><h2>Clean text</h2>{_clean_text(article, id_prefix)}</section></div>"
    )


def html_document(title: str, body: str, *, css: str = "") -> str:
    """A whole HTML document around ``body`` (already HTML), with the review CSS and
    ``css``; characters UTF-8 cannot encode become character references."""
    return _encodable(
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>body {{ margin: 0; background: #fff; }}"
        f"{CSS}{css}</style></head><body>{body}</body></html>\n"
    )


def review_page(article: Article) -> str:
    """The review of ``article`` as one self-contained HTML document (see the module)."""
    title = f"newsclean review: {article.title or article.url or 'untitled'}"
    return html_document(title, review_fragment(article, style=False))
