"""Cruft lexicons: phrases per language, shipped as data files in ``newsclean/lexicons/``.

A lexicon file is plain UTF-8 text: ``#`` starts a comment, ``[label]``,
``[lead]``, ``[call]`` and ``[detect]`` start sections, and every other line is
one phrase (matched case-insensitively, any run of spaces matching any run of
spaces):

- ``[label]``: navigation labels that are cruft when they are the whole line
  ("Read More", "Latest news", "Advertisement").
- ``[lead]``: phrases that introduce a link to another article when followed by
  a delimiter and a headline ("Also Read: ...").
- ``[call]``: calls to action that are cruft as a short line of their own
  ("Sign up for our newsletter ...").

- ``[detect]``: frequent words of running text (not cruft), which tell the
  language of a page (:mod:`newsclean.language`).

Adding a language is adding a file named by its ISO 639-1 code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import attrs
import regex

__all__ = [
    "SECTIONS",
    "Lexicon",
    "available_languages",
    "lexicon_language",
    "load_lexicon",
    "phrase_pattern",
    "phrase_prefilter",
]

SECTIONS = ("label", "lead", "call")


def _phrases(values: Iterable[str]) -> tuple[str, ...]:
    """Phrases normalized: case-folded, single spaces, sorted, without duplicates.

    >>> _phrases(["Read  More", "read more", "Also read"])
    ('also read', 'read more')
    >>> _phrases("read more")
    Traceback (most recent call last):
    ...
    TypeError: phrases must be a list of strings, not the string 'read more'
    """
    if isinstance(values, str):
        raise TypeError(f"phrases must be a list of strings, not the string {values!r}")
    values = list(values)
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"phrases must be strings, not {type(value).__name__}: {value!r}")
    # casefold() turns "İ" into "i" + U+0307, which matches nothing: drop the dot.
    phrases = {" ".join(v.casefold().replace("i\u0307", "i").split()) for v in values}
    if "" in phrases:
        raise ValueError("a phrase is empty or only whitespace")
    return tuple(sorted(phrases))


@attrs.frozen
class Lexicon:
    """The cruft phrases of one language, normalized (case-folded, single spaces).

    Phrases are literal text, not regular expressions: ``"read more?"`` matches
    a line that says exactly that.
    """

    language: str
    label: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    lead: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    call: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    detect: tuple[str, ...] = attrs.field(default=(), converter=_phrases, repr=False)

    @classmethod
    def parse(cls, language: str, source: str) -> Lexicon:
        """Read a lexicon from the text of a lexicon file.

        >>> Lexicon.parse("xx", "[label]\\nRead  More # a comment\\n[lead]\\nalso read")
        Lexicon(language='xx', label=('read more',), lead=('also read',), call=())
        """
        sections: dict[str, list[str]] = {name: [] for name in (*SECTIONS, "detect")}
        current: list[str] | None = None
        for number, raw in enumerate(source.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                if line[1:-1] not in sections:
                    raise ValueError(
                        f"lexicon {language!r}, line {number}: unknown section {line}; "
                        f"sections are {', '.join(f'[{s}]' for s in sections)}"
                    )
                current = sections[line[1:-1]]
            elif current is None:
                raise ValueError(f"lexicon {language!r}, line {number}: phrase before any section")
            else:
                current.append(line)
        return cls(language, **sections)


@functools.cache
def available_languages() -> tuple[str, ...]:
    """The languages that ship a lexicon file (read once: the package does not change)."""
    files = resources.files("newsclean.lexicons").iterdir()
    return tuple(sorted(f.name[:-4] for f in files if f.name.endswith(".txt")))


def lexicon_language(language: str | None) -> str:
    """The language whose lexicon cleans a page in ``language``: its own when one
    ships, else English.

    >>> lexicon_language("de"), lexicon_language("xx"), lexicon_language(None)
    ('de', 'en', 'en')
    """
    return language if language is not None and language in available_languages() else "en"


@functools.cache
def load_lexicon(language: str) -> Lexicon:
    """The shipped lexicon of ``language`` (an ISO 639-1 code such as ``"en"``)."""
    if language not in available_languages():
        raise ValueError(
            f"No lexicon for language {language!r}. "
            f"Available languages: {', '.join(available_languages())}"
        )
    source = resources.files("newsclean.lexicons").joinpath(f"{language}.txt")
    return Lexicon.parse(language, source.read_text(encoding="utf-8"))


def phrase_pattern(phrases: Iterable[str]) -> str:
    """One regex alternative for many phrases, as a prefix tree (fast to match).

    A space in a phrase matches any run of spaces on the line, and any
    apostrophe (``'``, ``’``, ``ʼ``) matches any other.

    >>> phrase_pattern(["read more", "read on", "related"])
    '(?:re(?:ad[^\\\\S\\\\n]++(?:more|on)|lated))'
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = tree
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return f"(?:{_emit(tree)})" if tree else "(?!)"


_APOSTROPHES = "'’ʼ"


def _char_pattern(char: str) -> str:
    """The regex for one character of a phrase."""
    if char == " ":
        return r"[^\S\n]++"
    if char in _APOSTROPHES:
        return f"[{_APOSTROPHES}]"
    return regex.escape(char)


def _emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    """The regex for one node of the prefix tree (one char per edge, chains merged)."""
    branches = [_char_pattern(char) + _emit(child) for char, child in sorted(node.items()) if char]
    optional = "" in node
    if not branches:
        return ""
    if len(branches) == 1 and not optional:
        return branches[0]
    body = "(?:" + "|".join(branches) + ")"
    return body + "?" if optional else body


def phrase_prefilter(phrases: Iterable[tuple[str, str]], depth: int = 8) -> str:
    r"""A stdlib ``re`` pattern matching wherever one of ``phrases`` might match
    case-insensitively (with full case folding) as ``phrase_pattern`` has it, with
    what must follow it: a cheap superset, to find the few places worth the
    exact, slower ``regex`` pattern.

    ``phrases`` are pairs of a phrase and a stdlib lookahead for what must follow
    it ("" when anything may). The pattern is the prefix tree of the phrases'
    first ``depth`` characters, each as the ASCII characters ``regex`` finds
    equal to it ("k": k or K; "ı": I), a space as a run of spaces. A phrase of
    at most ``depth`` characters ends in its lookahead; after a longer one,
    anything may follow. Wherever the text has a non-ASCII character anything
    is accepted (it may fold to ASCII: "ﬁ" to "fi", "K" to "k"; or be an
    apostrophe or a space), but for the first character of a phrase: there a
    quotation mark or another of ``_TYPOGRAPHY`` that starts no phrase is not.

    >>> print(phrase_prefilter([("a b", ""), ("ı", ""), ("»x", "")], depth=3))
    (?=[AIa]|(?![“”‘’„«‹›©®•·…–—■▪●►▶→×])[^\x00-\x7f])(?:[Aa](?:[^\S\n]+(?:[Bb]|[^\x00-\x7f])|[^\x00-\x7f])|[I]|[^\x00-\x7f])
    >>> print(phrase_prefilter([("ab", "(?=:)"), ("abc", "")]))
    (?=[Aa]|(?![“”‘’„«»‹›©®•·…–—■▪●►▶→×])[^\x00-\x7f])(?:[Aa](?:[Bb](?:[Cc]|[^\x00-\x7f]|(?=:))|[^\x00-\x7f])|[^\x00-\x7f])
    >>> phrase_prefilter(["read more"])
    Traceback (most recent call last):
    ...
    TypeError: phrase_prefilter takes (phrase, follow) pairs of strings, not 'read more'
    """
    pairs = _pairs(phrases)
    tree: dict[str, Any] = {}
    for phrase, follow in pairs:
        node = tree
        prefix, ends = _ascii_prefix(phrase, depth)
        for char in prefix:
            node = node.setdefault(char, {})
        if ends:  # the phrase ends here, or is cut here: then anything may follow
            node.setdefault(_END, set()).add(follow if prefix == phrase else "")
    return _first_characters(tree, [phrase for phrase, _ in pairs]) + _emit_prefilter(tree)


#: The key under which a node of the prefilter's tree holds what must follow the
#: phrases that end there: a set of lookaheads, "" for anything.
_END = ""


def _pairs(phrases: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """``phrases`` as a list, when they are (phrase, follow) pairs of strings."""
    pairs = list(phrases)
    for pair in pairs:
        if not _is_pair(pair):
            raise TypeError(
                f"phrase_prefilter takes (phrase, follow) pairs of strings, not {pair!r}"
            )
    return pairs


def _is_pair(value: object) -> bool:
    """Whether ``value`` is a pair of strings."""
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, str) for v in value)


#: Characters outside ASCII that start many lines of news text (quotes, marks,
#: bullets) and start no phrase of most lexicons. None has a case for ``regex``
#: (checked in the tests): each starts a phrase only as itself, or as any
#: apostrophe does.
_TYPOGRAPHY = "“”‘’„«»‹›©®•·…–—■▪●►▶→×"


def _first_characters(tree: dict[str, Any], phrases: Iterable[str]) -> str:
    """A lookahead for the characters a match can start with, or "" when any can.

    ``re`` tries the branches of an alternation one after the other: where a
    line starts with none of their characters (an empty line, a digit, a
    quotation mark), this one test rejects it at once. Outside ASCII, only the
    ``_TYPOGRAPHY`` that start no phrase are barred: any other character may
    fold to a phrase's start.

    >>> print(_first_characters({"a": {}, "ı": {}}, ["a", "ı", "«x", "'s"]))
    (?=[AIa]|(?![“”‘„»‹›©®•·…–—■▪●►▶→×])[^\\x00-\\x7f])
    """
    if _END in tree or " " in tree:
        return ""
    ascii_firsts = "".join(sorted(set("".join(map(_ascii_equivalents, tree)))))
    firsts = {phrase[:1] for phrase in phrases}
    if not firsts.isdisjoint(_APOSTROPHES):
        firsts.update(_APOSTROPHES)
    barred = "".join(char for char in _TYPOGRAPHY if char not in firsts)
    outside = f"(?![{re.escape(barred)}])[^\\x00-\\x7f]" if barred else "[^\\x00-\\x7f]"
    return f"(?=[{re.escape(ascii_firsts)}]|{outside})" if ascii_firsts else f"(?={outside})"


def _ascii_prefix(phrase: str, depth: int) -> tuple[str, bool]:
    """What the prefilter checks of ``phrase``: at most ``depth`` characters, cut
    before a character no ASCII character matches; and whether anything may
    follow (``False`` after such a cut: the text must then go on outside ASCII,
    which every node accepts).

    >>> _ascii_prefix("anhören", 8), _ascii_prefix("ayrıca", 8), _ascii_prefix("read more", 6)
    (('anh', False), ('ayrıca', True), ('read m', True))
    """
    for i, char in enumerate(phrase[:depth]):
        if not _ascii_equivalents(char):
            return phrase[:i], False
    return phrase[:depth], True


@functools.cache
def _ascii_equivalents(char: str) -> str:
    """The ASCII characters ``char`` matches in a ``phrase_pattern`` (ignoring case,
    with full case folding), as ``regex`` itself says."""
    pattern = regex.compile(_char_pattern(char), regex.IGNORECASE | regex.FULLCASE)
    return "".join(c for c in map(chr, range(128)) if pattern.fullmatch(c))


def _emit_prefilter(node: dict[str, Any]) -> str:
    """The stdlib ``re`` pattern for one node of the prefilter's prefix tree: its
    branches, a non-ASCII character, or what may follow a phrase ending here."""
    follows = node.get(_END, set())
    if "" in follows:
        return ""  # anything may follow
    branches = [
        _prefilter_char(char) + _emit_prefilter(child)
        for char, child in sorted(node.items())
        if char != _END
    ]
    return "(?:" + "|".join([*branches, r"[^\x00-\x7f]", *sorted(follows)]) + ")"


def _prefilter_char(char: str) -> str:
    """One character of a phrase in the prefilter: a space is a run of spaces (the
    stdlib's, which hold ``regex``'s), others the ASCII characters equal to it."""
    return r"[^\S\n]+" if char == " " else f"[{re.escape(_ascii_equivalents(char))}]"
