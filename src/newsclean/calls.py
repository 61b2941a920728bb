"""Calls to action in English, told by their shape rather than by a list of phrases.

The lexicons list fixed calls ("Follow us on", "Sign up for our newsletter").
Sites word theirs every way ("Get the day's top headlines delivered to your
inbox by subscribing to our newsletter", "Subscribe to the 9to5Toys YouTube
Channel for all of the latest videos"), so the pass ``strip_calls_to_action``
drops a paragraph when every sentence in it is a call, each with two signals at
once:

- it starts with a verb that asks the reader to act (subscribe, sign up, follow,
  click, tap, join, listen, download, get, like us, find us, watch us);
- it names a channel the site wants the reader on (newsletter, inbox, app,
  alerts, YouTube, Twitter, Facebook, Instagram, podcast, RSS, …),

and the paragraph is short (at most :data:`MAX_WORDS` words, each call at most
:data:`MAX_CALL_WORDS`), with nothing else in it but a short question ("Want
more deals?", "Have a tip?") or a way to reach the writer (an e-mail address).
A call that reports speech ("…, the minister said") or holds a quotation is
prose, and so is any paragraph with a sentence that is not a call.

Inside a paragraph of prose, :func:`find_calls` also finds a call that stands
as a sentence of its own ("… the agency said. Follow us on Twitter @agency."):
the same two signals, with a channel that is the site's own (a platform, its
newsletter, the reader's inbox, "our app": not "the app", which advice names),
and it must end in a full stop or an exclamation mark with no quotation mark in
it, so that a call run together with a quotation is left whole.

>>> text = (
...     "The app was downloaded a million times, the company said.\\n\\n"
...     "Want more deals? Join the IGN Deals Newsletter.\\n\\n"
...     "Follow the money, investigators say."
... )
>>> [text[start:end] for start, end, _whole in find_calls(text)]
['Want more deals? Join the IGN Deals Newsletter.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from newsclean.shapes import word_count

__all__ = ["MAX_CALL_WORDS", "MAX_WORDS", "find_calls", "is_call_paragraph"]

#: The longest paragraph, in words, that can be a call to action.
MAX_WORDS = 40
#: The longest single call, in words.
MAX_CALL_WORDS = 25

_VERB = (
    r"(?:please,?\s+)?(?:subscrib(?:e|ing)|sign(?:ing)?[- ]?up|follow|click|tap|join|listen"
    r"|download|get|like\s+us|find\s+us|watch\s+us)\b"
)
_CHANNEL = (
    r"\b(?:newsletters?|inbox|e-?mail\s+alerts?|alerts|apps?|youtube|twitter|facebook"
    r"|instagram|tiktok|linkedin|whatsapp|telegram|podcasts?|channel|rss)\b"
)
#: Inside prose, only a channel that is the site's own: a platform it posts on,
#: its newsletter, the reader's inbox, or "our app" (not "the app", which advice
#: names: "Download the app before you travel").
_OWN_CHANNEL = (
    r"\b(?:newsletters?|inbox|youtube|twitter|facebook|instagram|tiktok|linkedin|whatsapp"
    r"|telegram|rss|our(?:\s+\w+){0,2}\s+(?:apps?|channel|alerts|podcasts?))\b"
)
#: A call: the verb first, a channel later in the same sentence.
_CALL = regex.compile(rf"(?i){_VERB}(?=.*?{_CHANNEL})", regex.DOTALL)
#: A quotation: a call run together with one ("CLICK HERE TO GET THE APP “Can I
#: go?” she asked.") is prose.
_QUOTE = regex.compile(r"[\"“”«»„]")
#: Reported speech: "…, the minister said." is prose, whatever it asks for.
_SPEECH = regex.compile(r"(?i)\b(?:said|says|told|according\s+to)\b")
#: The first letters of the verbs: tried before the verbs, it spares most line
#: breaks and sentence ends the slower case-blind test of the whole verb list.
_VERB_INITIALS = "[PpSsFfCcTtJjLlDdGgWw]"
#: Where a call may start: the verb after a line break or a sentence end. The
#: stdlib ``re``, one scan of the text; the match ends where the verb starts.
_CALL_START = re.compile(
    rf"(?:\n|[.!?…][\"'”’)]{{0,2}}[ \t])[ \t]*(?={_VERB_INITIALS})(?i:(?={_VERB}))"
)
#: The same at the start of the text.
_FIRST_CALL = re.compile(rf"(?i)[ \t]*(?={_VERB})")
#: The rest of a call sentence from its verb: up to its own full stop, with no
#: quotation mark and no other sentence end.
_TO_SENTENCE_END = re.compile(r"[^.!?…\n\"“”«»„]{1,200}?[.!](?=\s|$)")
#: A sentence break: an end mark, then space and a capital, a digit or a quote.
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?…][\"'”’)\]]{0,3})\s+(?=[\p{Lu}\d\"“'‘(])")
#: A short question ("Have a tip?") or a way to reach the writer.
_ASIDE = regex.compile(r"(?i)^[^.!?]{1,50}\?$|\S@\S|\bmay\s+be\s+reached\b")


_OWN_CALL = regex.compile(rf"(?i){_VERB}(?=.*?{_OWN_CHANNEL})", regex.DOTALL)


def _is_call(sentence: str, call: regex.Pattern[str] = _CALL) -> bool:
    return (
        call.match(sentence) is not None
        and word_count(sentence) <= MAX_CALL_WORDS
        and _SPEECH.search(sentence) is None
        and _QUOTE.search(sentence) is None
    )


def is_call_paragraph(paragraph: str) -> bool:
    """Whether ``paragraph`` is nothing but calls to action (see the module docstring).

    >>> is_call_paragraph("Get the latest updates in your inbox. Subscribe to our newsletters.")
    True
    >>> is_call_paragraph("Get ready for the new app, the minister said on Tuesday.")
    False
    """
    if word_count(paragraph) > MAX_WORDS:
        return False
    sentences = _SENTENCE_BREAK.split(paragraph.strip())
    calls = [_is_call(sentence) for sentence in sentences]
    return any(calls) and all(
        call or _ASIDE.search(sentence) for call, sentence in zip(calls, sentences, strict=True)
    )


def find_calls(text: str) -> Iterator[tuple[int, int, bool]]:
    """The calls to action of ``text``, in order: ``(start, end, whole_line)``.

    A line that is nothing but calls (:func:`is_call_paragraph`) comes whole,
    without its line break; otherwise each call that is a sentence of its own
    inside the line comes with the space before it (after it, at the line's
    start). Only where a verb of a call starts a sentence is anything looked
    at: one scan of the text with the stdlib ``re`` finds those places.

    >>> text = "Subscribe to our newsletter!\\nThe road closed. Follow us on Twitter. More soon."
    >>> [(text[start:end], whole) for start, end, whole in find_calls(text)]
    [('Subscribe to our newsletter!', True), (' Follow us on Twitter.', False)]
    """
    judged = -1  # the start of the last line judged as a whole
    skip_to = -1  # the end of the last line taken whole
    for verb in _verbs(text):
        if verb < skip_to:
            continue
        start = text.rfind("\n", 0, verb) + 1
        end = text.find("\n", verb)
        end = len(text) if end < 0 else end
        if start != judged:
            judged = start
            line = text[start:end]
            if is_call_paragraph(line.strip()):
                first = start + len(line) - len(line.lstrip())
                yield first, first + len(line.strip()), True
                skip_to = end
                continue
        call = _sentence_call(text, verb, start, end)
        if call is not None:
            yield call


def _verbs(text: str) -> Iterator[int]:
    """Where a verb of a call starts a line or a sentence, in order."""
    first = _FIRST_CALL.match(text)
    if first:
        yield first.end()
    for candidate in _CALL_START.finditer(text):
        yield candidate.end()


def _sentence_call(text: str, verb: int, start: int, end: int) -> tuple[int, int, bool] | None:
    """The call sentence whose verb is at ``verb`` in the line ``text[start:end]``,
    with the space around it that goes with it, or None."""
    sentence = _TO_SENTENCE_END.match(text, verb, end)
    if sentence is None or not _is_call(sentence.group(), _OWN_CALL):
        return None
    call_start, call_end = verb, sentence.end()
    if not text[start:call_start].strip():  # at the line's start: the line goes on
        call_end += len(text[call_end:end]) - len(text[call_end:end].lstrip(" \t"))
    while call_start > start and text[call_start - 1] in " \t":
        call_start -= 1
    return call_start, call_end, False
