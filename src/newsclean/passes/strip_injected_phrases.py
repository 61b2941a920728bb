"""``strip_injected_phrases``: drop short phrases glued after a paragraph's last sentence.

SEO tools glue a phrase, often a piece of the headline, after the final
punctuation of random paragraphs: "... in one fell swoop. Clerical Regime".
Such a tail is removed only when two signals agree: it stands after
sentence-final punctuation at the very end of a paragraph, has at most
``max_words`` words and no final punctuation of its own, AND either it is a
fragment of the title (at least two words) or the same tail ends at least
``min_repeats`` paragraphs of the text. A last sentence that simply lacks its
full stop is neither, so it stays.

>>> from newsclean.pipeline import Document
>>> doc = Document("It ended in one swoop. Clerical Regime\\n\\nThey said so. Thank you",
...                title="The MEK Could Threaten the Clerical Regime")
>>> strip_injected_phrases()(doc)
[Edit(start=22, end=38, replacement='', reason='injected phrase: a fragment of the title', \
to_title=False)]
"""

from __future__ import annotations

from collections import defaultdict

import attrs
import regex

from newsclean.edits import Edit
from newsclean.passes._paragraphs import key
from newsclean.pipeline import Document

__all__ = ["strip_injected_phrases"]

TITLE_FRAGMENT = "injected phrase: a fragment of the title"
RECURRING = "injected phrase: the same tail ends {count} paragraphs"

#: Sentence-final punctuation (maybe closed by quotes), then a short tail with
#: no sentence punctuation up to the end of the line. Bounded: linear time.
#: >>> TAIL.search("He left. Clerical Regime").group("tail")
#: ' Clerical Regime'
TAIL = regex.compile(
    r"[.!?…][\"'”’»)\]]{0,3}(?P<tail>[^\S\n]++[^\s.!?…:;,][^\n.!?…:;]{0,79}?)[^\S\n]*+$",
    regex.MULTILINE,
)
_COUNT = [attrs.validators.instance_of(int), attrs.validators.ge(1)]


@attrs.frozen
class _StripInjectedPhrases:
    max_words: int = attrs.field(default=5, validator=_COUNT)
    min_repeats: int = attrs.field(default=2, validator=_COUNT)
    name = "strip_injected_phrases"

    def __call__(self, document: Document) -> list[Edit]:
        tails: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for match in TAIL.finditer(document.text):
            words = match.group("tail").split()
            if len(words) <= self.max_words:
                tails[" ".join(words).casefold()].append(match.span("tail"))
        title = f" {' '.join(key(w) for w in document.title.split())} " if document.title else ""
        edits = []
        for phrase, spans in tails.items():
            words = phrase.split()
            in_title = len(words) >= 2 and f" {' '.join(key(w) for w in words)} " in title
            if in_title:
                reason = TITLE_FRAGMENT
            elif len(spans) >= self.min_repeats:
                reason = RECURRING.format(count=len(spans))
            else:
                continue
            edits += [Edit(start, end, "", reason) for start, end in spans]
        return sorted(edits)

    def __repr__(self) -> str:
        return f"strip_injected_phrases(max_words={self.max_words}, min_repeats={self.min_repeats})"


def strip_injected_phrases(max_words: int = 5, min_repeats: int = 2) -> _StripInjectedPhrases:
    """The injected-phrase pass.

    ``max_words``: the longest tail that can count as injected; ``min_repeats``:
    how many paragraphs one tail must end to count without being in the title.
    """
    return _StripInjectedPhrases(max_words, min_repeats)
