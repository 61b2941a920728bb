"""``strip_calls_to_action``: drop calls to action worded any way, on English pages.

``strip_cruft_lines`` knows calls as fixed phrases from the lexicons. This pass
knows them by their shape (:mod:`newsclean.calls`): a sentence that starts with
a verb asking the reader to act, at once followed by the site speaking of itself
("Follow us on", "Subscribe to our", "Get our"), and that names a channel (a
newsletter, an app, a platform), with no quotation and no reported speech. It
drops

- a **line** of nothing but such calls, maybe after a short question ("Want more
  deals? Join our Deals Newsletter."); and
- **one such call inside a paragraph**, with the space before it, when a
  sentence ends before it on the same line ("… the agency said. Follow us on
  Twitter @agency.").

It runs before ``strip_cruft_lines``, whose call phrases judge whole lines: a
line it leaves is the line they see, so cleaning twice changes nothing more. It
runs on pages in English or in a language without a lexicon: the verbs and
channels are English words.

>>> from newsclean.pipeline import Document
>>> text = "The road closed. Follow us on Twitter @agency.\\n\\nGet our app for alerts."
>>> [(e.start, e.end, e.reason) for e in strip_calls_to_action()(Document(text, language="en"))]
[(16, 46, 'call to action in a paragraph'), (46, 71, 'call to action')]
"""

from __future__ import annotations

import attrs

from newsclean.calls import find_calls
from newsclean.edits import Edit, drop_paragraphs
from newsclean.lexicon import lexicon_language
from newsclean.pipeline import Document

__all__ = ["strip_calls_to_action"]

LINE = "call to action"
SENTENCE = "call to action in a paragraph"


@attrs.frozen
class _StripCallsToAction:
    name = "strip_calls_to_action"

    def __call__(self, document: Document) -> list[Edit]:
        if lexicon_language(document.language) != "en":
            return []
        text = document.text
        lines, sentences = [], []
        for start, end, whole_line in find_calls(text):
            if whole_line:
                lines.append((start, end, LINE))
            else:
                sentences.append(Edit(start, end, "", SENTENCE))
        return sorted(drop_paragraphs(text, lines) + sentences)

    def __repr__(self) -> str:
        return "strip_calls_to_action()"


def strip_calls_to_action() -> _StripCallsToAction:
    """The pass that drops calls to action by their shape (see the module docstring)."""
    return _StripCallsToAction()
