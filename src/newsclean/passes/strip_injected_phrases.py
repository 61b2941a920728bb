"""``strip_injected_phrases``: drop short phrases glued after a paragraph's last sentence.

SEO tools glue a phrase, often a piece of the headline, after the final
punctuation of random paragraphs: "... in one fell swoop. Clerical Regime".
Such a tail is removed only when two signals agree: it stands after the end
of a real sentence at the very end of a paragraph (at least three words before
the punctuation, the last of them not a number, an initial, a two-letter
abbreviation such as "oz." or a dotted one such as "U.S."), has at most ``max_words`` words, no
punctuation of its own and no bracket it did not open, AND either it is a
fragment of the title (at least two words) or it is shaped like a label (Title
Case) and ends at least ``min_repeats`` paragraphs of the text. A last sentence
that simply lacks its full stop is neither, so it stays; so does the rest of a
list item after "1." or of a recipe line after "1 tsp.".

>>> from newsclean.pipeline import Document
>>> doc = Document("It ended in one swoop. Clerical Regime\\n\\nThey said so. Thank you",
...                title="The MEK Could Threaten the Clerical Regime")
>>> strip_injected_phrases()(doc)
[Edit(start=22, end=38, replacement='', reason='injected phrase: a fragment of the title', \
to_title=False)]
"""

from __future__ import annotations

import re
from collections import defaultdict

import attrs
import regex

from newsclean.edits import Edit
from newsclean.pipeline import Document
from newsclean.shapes import LINE_SPACE, WHITE_SPACE, key, line_blocks

__all__ = ["strip_injected_phrases"]

TITLE_FRAGMENT = "injected phrase: a fragment of the title"
RECURRING = "injected phrase: the same tail ends {count} paragraphs"


#: Sentence-final punctuation (maybe closed by quotes), then a short tail with
#: no sentence punctuation up to the end of the line. Bounded: linear time.
#: The stdlib ``re``: the pattern starts with a character class, so the scan
#: skips to the next punctuation mark in C, several times faster than ``regex``.
#: >>> TAIL.search("He left. Clerical Regime").group("tail")
#: ' Clerical Regime'
TAIL = re.compile(
    rf"[.!?…][\"'”’»)\]]{{0,3}}(?P<tail>[{LINE_SPACE}]++[^{WHITE_SPACE}.!?…:;,][^\n.!?…:;,]{{0,79}}+)$",
    re.MULTILINE,
)
#: Where ``TAIL`` may match, found from the other end: in the text reversed after
#: a ``\\n``, a line's end, the run of its last characters that are not
#: punctuation, and the sentence mark before them. A line has at most one tail,
#: after its last punctuation mark, so ``TAIL`` is then tried once a line, at
#: that mark: this scan reads each line's end once, where a forward scan reads
#: on from every sentence end of the text.
_TAIL_FROM_LINE_END = re.compile(r"\n[^\n.!?…:;,]++[.!?…]")
#: How many characters (and the rest of the line) are read backwards at once.
BLOCK = 1 << 16
_COUNT = [attrs.validators.instance_of(int), attrs.validators.ge(1)]
_UNOPENED = regex.compile(r"^[^(\[]*[)\]]")


def tail_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``TAIL`` in ``text``, in order, as ``TAIL.finditer`` gives them.

    >>> [m.group("tail") for m in tail_matches("He left. Clerical Regime\\nOK. Fine.\\nSo. On")]
    [' Clerical Regime', ' On']
    """
    marks: list[int] = []
    for start, end in line_blocks(text, BLOCK):  # a reversed copy of a block, not of the text
        backwards = "\n" + text[start:end][::-1]
        marks += reversed([end + 1 - m.end() for m in _TAIL_FROM_LINE_END.finditer(backwards)])
    found = (TAIL.match(text, mark) for mark in marks)
    return [match for match in found if match]


def _after_a_sentence(text: str, end: int) -> bool:
    """Whether ``text[:end]`` ends its line with a real sentence (see the module docstring)."""
    line = text[text.rfind("\n", 0, end) + 1 : end]
    words = line.split()
    word = words[-1].strip("\"'”’»)]")[:-1] if words else ""
    return len(words) >= 3 and len(word) > 2 and not word.isdigit() and "." not in word


def _words_at(text: str, span: tuple[int, int]) -> list[str]:
    """The words of ``text[span]``."""
    return text[span[0] : span[1]].split()


def _label_shaped(words: list[str]) -> bool:
    """Title Case, as a glued label is ("Markets Desk"); uncased scripts count as shaped.

    >>> _label_shaped(["Markets", "Desk"]), _label_shaped(["nut", "butter"])
    (True, False)
    """
    return all(not w[0].islower() for w in words if len(w) > 3) and not words[0][0].islower()


@attrs.frozen
class _StripInjectedPhrases:
    max_words: int = attrs.field(default=5, validator=_COUNT)
    min_repeats: int = attrs.field(default=2, validator=_COUNT)
    name = "strip_injected_phrases"

    def __call__(self, document: Document) -> list[Edit]:
        tails: dict[str, list[tuple[int, int]]] = defaultdict(list)
        text = document.text
        for match in tail_matches(text):
            tail = match.group("tail")
            words = tail.split()
            if (
                len(words) <= self.max_words
                and not _UNOPENED.search(tail)
                and _after_a_sentence(text, match.start() + 1)
            ):
                tails[" ".join(words).casefold()].append(match.span("tail"))
        title = f" {' '.join(key(w) for w in document.title.split())} " if document.title else ""
        edits = []
        for phrase, spans in tails.items():
            words = phrase.split()
            in_title = len(words) >= 2 and f" {' '.join(key(w) for w in words)} " in title
            if in_title:
                reason = TITLE_FRAGMENT
            elif len(spans) >= self.min_repeats and _label_shaped(_words_at(text, spans[0])):
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
