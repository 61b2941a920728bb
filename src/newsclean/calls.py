"""Calls to action in English, told by their shape rather than by a list of phrases.

The lexicons list fixed calls ("Follow us on", "Sign up for our newsletter").
Sites word theirs every way ("Get our weekly California Inc. newsletter", "Like
us on Facebook to see similar stories"), so the pass ``strip_calls_to_action``
drops a **call**: a sentence with three signals at once,

- it starts with a verb that asks the reader to act (follow, like, find, join,
  watch, subscribe, sign up, register, download, get, listen), maybe after
  "please";
- the site speaks of itself right after the verb: "us on/at/for/in/via …",
  "(to/for/on) our …" or "my …" ("Follow us on", "Subscribe to our", "Get our");
- it names a channel: a newsletter, inbox, feed, alerts, app, podcast, channel,
  or a platform (YouTube, Twitter, X, Facebook, Instagram, TikTok, LinkedIn,
  WhatsApp, Telegram, RSS),

with at most :data:`MAX_CALL_WORDS` words, no quotation mark and no reported
speech ("…, the senator wrote"). "Follow the money", "Follow these steps to
clear your inbox", "Like us, he had no idea" and "Follow the police on
Facebook" are not calls: nobody there asks the reader to come to the site.

A **line** goes when every sentence in it is a call or a short question ("Want
more deals?"); one **call inside a paragraph** goes, with the space before it,
when a sentence ends before it on the same line (not a list number such as
"1."), so the rest of the paragraph stays.

>>> text = (
...     "The app was downloaded a million times, the company said.\\n\\n"
...     "Want more deals? Join our Deals Newsletter.\\n\\n"
...     "Follow the money, investigators say. Follow us on Twitter @desk."
... )
>>> [text[start:end] for start, end, _whole in find_calls(text)]
['Want more deals? Join our Deals Newsletter.', ' Follow us on Twitter @desk.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from newsclean.shapes import word_count

__all__ = ["MAX_CALL_WORDS", "REPORTED_SPEECH", "find_calls", "is_call_paragraph"]

#: The longest call, in words.
MAX_CALL_WORDS = 25

#: The verb and the site speaking of itself right after it.
_VERB = (
    r"(?:please,?\s+)?(?:follow|like|find|join|watch|subscribe|sign\s*up|register|download"
    r"|get|listen)\s+(?:(?:to|for|on)\s+)?(?:us\s+(?:on|at|for|in|via)\b|our\b|my\b)"
)
_CHANNEL = (
    r"\b(?:newsletters?|inbox|feeds?|alerts|apps?|podcasts?|channel|youtube|twitter|x"
    r"|facebook|instagram|tiktok|linkedin|whatsapp|telegram|rss)\b"
)
#: A call: the verb and the site first, a channel later in the same sentence.
_CALL = regex.compile(rf"(?i){_VERB}(?=.*?{_CHANNEL})", regex.DOTALL)
#: A quotation: a call run together with one is prose.
_QUOTE = regex.compile(r"[\"“”«»„]")
#: Reported speech: "…, the senator wrote." is prose, whatever it asks for.
REPORTED_SPEECH = regex.compile(
    r"(?i)\b(?:said|says|told|wrote|writes|urged|posted|tweeted|announced|added|asked"
    r"|according\s+to)\b"
)
#: The first letters of the verbs: tried first, it spares most line breaks and
#: sentence ends the slower case-blind test of the whole verb pattern.
_VERB_INITIALS = "[PpFfLlJjWwSsRrDdGg]"
#: Where a call may start: after a line break, or after a sentence end with
#: each end mark apart. The stdlib ``re``; each match starts at the line break or
#: end mark and ends where the verb starts. A pattern that starts with one
#: character, not a class, lets ``re`` skip to the next candidate in C several
#: times faster, and an end mark that is not in the text is not scanned for.
_VERB_AHEAD = rf"(?={_VERB_INITIALS})(?i:(?={_VERB}))"
_AFTER_BREAK = re.compile(rf"\n[ \t]*{_VERB_AHEAD}")
_AFTER_END = tuple(
    (mark, re.compile(rf"{re.escape(mark)}[\"'”’)]{{0,2}}[ \t]+{_VERB_AHEAD}")) for mark in ".!?…"
)
#: The same at the start of the text.
_FIRST_CALL = re.compile(rf"(?i)[ \t]*(?={_VERB})")
#: The rest of a call from its verb: up to its own full stop or exclamation
#: mark, with no quotation mark and no other sentence end.
_TO_SENTENCE_END = re.compile(r"[^.!?…\n\"“”«»„]{1,200}?[.!](?=\s|$)")
#: A list number before a sentence start: "1. Follow us on …" is a list item.
_LIST_NUMBER = re.compile(r"(?:^|\s)\d{1,3}\.$")
#: A sentence break: an end mark, then space and a capital, a digit or a quote.
_SENTENCE_BREAK = regex.compile(r"(?<=[.!?…][\"'”’)\]]{0,3})\s+(?=[\p{Lu}\d\"“'‘(])")
#: A short question that may stand before a call: "Want more deals?".
_QUESTION = regex.compile(r"^[^.!?]{1,40}\?$")


def _is_call(sentence: str) -> bool:
    """Whether ``sentence`` is a call (see the module docstring)."""
    return (
        _CALL.match(sentence) is not None
        and word_count(sentence) <= MAX_CALL_WORDS
        and REPORTED_SPEECH.search(sentence) is None
        and _QUOTE.search(sentence) is None
    )


def is_call_paragraph(paragraph: str) -> bool:
    """Whether ``paragraph`` is nothing but calls, maybe after a short question.

    >>> is_call_paragraph("Get our newsletter in your inbox. Follow us on Instagram.")
    True
    >>> is_call_paragraph("Join our campaign on Facebook, the senator wrote.")
    False
    """
    sentences = _SENTENCE_BREAK.split(paragraph.strip())
    calls = [_is_call(sentence) for sentence in sentences]
    return any(calls) and all(
        call or _QUESTION.match(sentence) for call, sentence in zip(calls, sentences, strict=True)
    )


def _starts(text: str) -> list[tuple[int, bool]]:
    """``(verb, at_line_start)`` wherever a call's verb may start a line or a
    sentence, in order."""
    first = _FIRST_CALL.match(text)
    starts = [(first.end(), True)] if first else []
    starts += [(match.end(), True) for match in _AFTER_BREAK.finditer(text)]
    for mark, pattern in _AFTER_END:
        if mark in text:
            starts += [(match.end(), False) for match in pattern.finditer(text)]
    return sorted(starts)


def find_calls(text: str) -> Iterator[tuple[int, int, bool]]:
    """The calls of ``text``, in order and apart: ``(start, end, whole_line)``.

    A line that is nothing but calls comes whole, without its line break; in any
    other line, each call after a sentence end comes with the space before it.
    Each line is judged once, so the time is linear in the text.

    >>> text = "Subscribe to our newsletter!\\nThe road closed. Like us on Facebook. More soon."
    >>> [(text[start:end], whole) for start, end, whole in find_calls(text)]
    [('Subscribe to our newsletter!', True), (' Like us on Facebook.', False)]
    """
    line_end = -1
    whole = False
    for verb, at_line_start in _starts(text):
        if verb >= line_end:  # a new line: judge it as a whole, once
            line_start = text.rfind("\n", 0, verb) + 1
            line_end = text.find("\n", verb)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end]
            whole = is_call_paragraph(line)
            if whole:
                first = line_start + len(line) - len(line.lstrip())
                yield first, first + len(line.strip()), True
        if not whole and not at_line_start:
            call = _call_in_line(text, verb, line_end)
            if call is not None:
                yield call


def _call_in_line(text: str, verb: int, line_end: int) -> tuple[int, int, bool] | None:
    """The call whose verb is at ``verb``, after a sentence end in its line, with
    the space before it; None when it is not a call or follows a list number."""
    sentence = _TO_SENTENCE_END.match(text, verb, line_end)
    if sentence is None or not _is_call(sentence.group()):
        return None
    start = verb
    while text[start - 1] in " \t":
        start -= 1
    if _LIST_NUMBER.search(text, max(0, start - 5), start):
        return None
    return start, sentence.end(), False
