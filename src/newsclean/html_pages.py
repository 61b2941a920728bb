"""HTML in, clean Article out: trafilatura finds the main text, newsclean cleans it.

:func:`clean_html` needs the ``html`` extra (``pip install 'newsclean[html]'``),
which brings trafilatura; it is imported only when called. :func:`decode_html`
and :func:`looks_like_html` need nothing beyond the core.

>>> looks_like_html(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>")
True
>>> looks_like_html("Floods close schools\\n\\nRain fell all week.")
False
>>> decode_html(b'<meta charset="windows-1251"><p>\\xcf\\xf0\\xe8\\xe2\\xe5\\xf2</p>')
'<meta charset="windows-1251"><p>Привет</p>'
"""

from __future__ import annotations

import codecs
import inspect
from collections.abc import Mapping
from typing import Any

import attrs
import regex

from newsclean.article import Article
from newsclean.decoding import decode_bytes
from newsclean.pipeline import Pipeline

__all__ = [
    "DEFAULT_OPTIONS",
    "NO_TEXT",
    "clean_html",
    "decode_html",
    "looks_like_html",
    "require_trafilatura",
]

#: trafilatura options :func:`clean_html` uses unless the caller passes others:
#: no comments, no tables (a table's cells come out as short lines of figures).
DEFAULT_OPTIONS: Mapping[str, Any] = {"include_comments": False, "include_tables": False}
#: Options :func:`clean_html` sets itself: it needs trafilatura's Python result
#: with its metadata.
_OWN_OPTIONS = frozenset({"filecontent", "url", "output_format", "as_dict", "with_metadata"})
#: ``Article.note`` of a page where trafilatura finds no main text.
NO_TEXT = "trafilatura found no main text in the page"

#: Where a page declares its charset: the first 4 kB, as browsers look.
_PRESCAN_BYTES = 4096
_DECLARED_CHARSET = regex.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", regex.I)
#: Labels that name, in the WHATWG Encoding Standard (what browsers do), a wider
#: encoding than Python's codec of that name: pages declare one and use the other.
_HTML_CODECS = {
    "ascii": "cp1252",
    "iso8859_1": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
}
#: WHATWG labels Python does not know.
_LABEL_ALIASES = {"windows-874": "cp874", "x-sjis": "cp932", "x-gbk": "gb18030"}
_HTML_START = regex.compile(
    r"\A\ufeff?\s*(?:<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(?:!doctype\s+html|html|head|body|meta)\b",
    regex.I | regex.S,
)


def looks_like_html(data: str | bytes) -> bool:
    """Whether ``data`` starts as an HTML document does (a doctype, or an ``html``,
    ``head``, ``body`` or ``meta`` tag, after comments and an XML declaration).
    """
    head = data[:_PRESCAN_BYTES]
    if isinstance(head, bytes):
        head = decode_html(head)  # a UTF-16 page starts with its byte order mark
    return _HTML_START.match(head) is not None


def _codec(label: str | bytes | None) -> str | None:
    """Python's codec for an HTML charset label, or None for an unknown label.

    >>> _codec(b"ISO-8859-1"), _codec("utf8"), _codec("utf-16le"), _codec("GB2312")
    ('cp1252', 'utf-8', 'utf-8', 'gb18030')
    >>> _codec("no-such"), _codec("hex")  # not a text encoding
    (None, None)
    """
    if label is None:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "replace")
    label = label.strip().lower()
    try:
        info = codecs.lookup(_LABEL_ALIASES.get(label, label))
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):  # hex, base64, zlib, rot13, …
        return None
    name = info.name
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"  # a declaration inside the bytes cannot be UTF-16 (HTML's rule)
    return _HTML_CODECS.get(name.replace("-", "_"), name)


def decode_html(data: bytes, encoding: str | None = None) -> str:
    """Decode an HTML page: a byte order mark first, then ``encoding`` (a charset
    from the HTTP headers, say), then the charset the page declares in a ``<meta>``
    tag, each used only when the bytes decode with it; else as
    :func:`newsclean.decoding.decode_bytes` does (UTF-8, then ftfy's guess), which
    never raises.

    >>> decode_html(b"caf\\xe9", encoding="iso-8859-1")
    'café'
    >>> decode_html(b'<meta charset="utf-8">caf\\xe9')  # declared, but not UTF-8
    '<meta charset="utf-8">café'
    """
    for bom, bom_codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")):
        if data.startswith(bom):
            return data[len(bom) :].decode(bom_codec, "replace")
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be", "replace")
    declared = _DECLARED_CHARSET.search(data[:_PRESCAN_BYTES])
    for label in (encoding, declared.group(1) if declared else None):
        codec = _codec(label)
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except UnicodeError:  # UnicodeDecodeError, or a codec that decodes nothing
            continue
    return decode_bytes(data)


def _paragraphs_apart(text: str) -> str:
    """trafilatura's text with one blank line between paragraphs (it puts a bare
    line break), so that the changes of a page are its removals, not its breaks.

    >>> _paragraphs_apart("Bridge reopens\\nThe bridge reopened.\\n\\nRead More")
    'Bridge reopens\\n\\nThe bridge reopened.\\n\\nRead More'
    """
    return "\n\n".join(line for line in text.split("\n") if line.strip())


def require_trafilatura() -> Any:
    """The trafilatura module, or an ``ImportError`` that names the extra to install."""
    try:
        import trafilatura
    except ImportError:
        raise ImportError(
            "newsclean.clean_html needs trafilatura; install it with: pip install 'newsclean[html]'"
        ) from None
    return trafilatura


def _extraction_options(trafilatura: Any, options: Mapping[str, Any]) -> dict[str, Any]:
    """``DEFAULT_OPTIONS`` updated with ``options``, every name checked against
    ``trafilatura.bare_extraction``'s parameters."""
    known = set(inspect.signature(trafilatura.bare_extraction).parameters) - _OWN_OPTIONS
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(
            f"clean_html() got unknown trafilatura option(s) {', '.join(unknown)};"
            f" options it passes on: {', '.join(sorted(known))}"
        )
    return {**DEFAULT_OPTIONS, **options}


def clean_html(
    html: str | bytes,
    *,
    url: str | None = None,
    title: str | None = None,
    language: str | None = None,
    encoding: str | None = None,
    pipeline: Pipeline | None = None,
    **options: Any,
) -> Article:
    """Extract the main text of an HTML page with trafilatura and clean it.

    The headline trafilatura finds (or ``title``, when given) is passed to the
    pipeline as the title, so a copy of it at the top of the text goes. The
    Article's ``original`` is trafilatura's text, one blank line between its
    paragraphs (trafilatura puts a bare line break); ``url`` is ``url`` or else the
    page's canonical link; ``extractor`` names trafilatura and its version;
    ``author``, ``date`` and ``site_name`` are its metadata.
    ``html`` as bytes is decoded by :func:`decode_html` (``encoding``: the charset
    of the HTTP headers, if known). ``options`` go to
    ``trafilatura.bare_extraction`` (defaults: :data:`DEFAULT_OPTIONS`); an
    unknown name raises ``TypeError``. A page with no main text gives an empty
    Article whose ``note`` says so (:data:`NO_TEXT`).

    >>> page = (
    ...     "<html><head><title>Bridge reopens | Daily Post</title></head><body><article>"
    ...     "<h1>Bridge reopens</h1><p>The bridge over the river reopened on Monday after"
    ...     " three months of repairs, the city said.</p><p>Read More</p></article>"
    ...     "</body></html>"
    ... )
    >>> article = clean_html(page)
    >>> article.title, article.text
    ('Bridge reopens', 'The bridge over the river reopened on Monday after three months of \
repairs, the city said.')
    >>> article.extractor.split()[0], [c.reason for c in article.changes]
    ('trafilatura', ['repeat of the headline', 'cruft: navigation label'])
    """
    if not isinstance(html, (str, bytes)):
        raise TypeError(f"clean_html() takes the page as str or bytes, not {type(html).__name__}")
    from newsclean import clean  # here: newsclean imports this module

    trafilatura = require_trafilatura()
    settings = _extraction_options(trafilatura, options)
    page = decode_html(html, encoding) if isinstance(html, bytes) else html
    document = trafilatura.bare_extraction(page, url=url, with_metadata=True, **settings)
    text = _paragraphs_apart((document.text or "") if document is not None else "")
    title = title or getattr(document, "title", None)
    url = url or getattr(document, "url", None)  # the page's canonical link
    article = clean(text, title=title, url=url, language=language, pipeline=pipeline)
    return attrs.evolve(
        article,
        extractor=f"trafilatura {trafilatura.__version__}",
        author=getattr(document, "author", None),
        date=getattr(document, "date", None),
        site_name=getattr(document, "sitename", None),
        note=None if text.strip() else NO_TEXT,
    )
