"""The fast paths give exactly what the plain scans they replace give.

Each fast path (a stdlib ``re`` prefilter before a ``regex`` pattern, a scan that
leaves out what needs no change, a ``bytes`` shortcut for ASCII) is checked here
against the plain version it stands for, kept in this file as the oracle, on
generated text made of the characters where the two could part.
"""

from __future__ import annotations

import importlib
import re
import sys
import unicodedata
from collections import Counter
from itertools import chain
from typing import Any

import attrs
import pytest
import regex
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import calls, furniture
from newsclean.characters import normalization_triggers
from newsclean.edits import Edit
from newsclean.language import _hits, _languages_of_words, _tokens, _word_languages
from newsclean.lexicon import _TYPOGRAPHY, available_languages, load_lexicon, phrase_prefilter
from newsclean.passes import strip_cruft_lines
from newsclean.pipeline import Document
from newsclean.shapes import (
    SITE_SUFFIX,
    WHITE_SPACE,
    key,
    paragraphs,
    paragraphs_backwards,
    without_site_suffix,
)

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Submodules whose names the passes package rebinds to the factories.
repair_module = importlib.import_module("newsclean.passes.repair_unicode")
language_module = importlib.import_module("newsclean.language")
whitespace_module = importlib.import_module("newsclean.passes.normalize_whitespace")
injected_module = importlib.import_module("newsclean.passes.strip_injected_phrases")


# strip_cruft_lines: the prefilter finds every line the exact pattern matches ---------


def _phrase_forms(code: str) -> list[str]:
    """Every phrase of a lexicon as written, in capitals, in title case, and with
    characters that fold to ASCII (long s, Kelvin sign, dotted and dotless i)."""
    lexicon = load_lexicon(code)
    phrases = [*lexicon.label, *lexicon.lead, *lexicon.call]
    odd = str.maketrans({"s": "ſ", "k": "\u212a", "i": "İ"})
    return [f for p in phrases for f in (p, p.upper(), p.title(), p.translate(odd), "ı" + p)]


#: A phrase bare, bulleted, indented, with each kind of delimiter and a headline,
#: with a count or marks after it, with more words after it, next to characters
#: only the stdlib's ``\s`` holds, and before one that is ``\w`` to the stdlib only.
DECORATIONS = (
    "{}",
    "• {}",
    "  » {}",
    "{}: Rates rise again",
    "{} | Rates rise again",
    "{} — Rates rise again",
    "{}... Rates rise again",
    "{}… Rates rise again",
    "{}》Rates rise again",
    "{} (12)",
    "{}（3）",
    "{} ›",
    "{}!",
    "{}\x1c",
    "\x1c{}",
    "#{} ›",
    "{} now, then more",
    "{}①",
)


def _lines(code: str) -> list[str]:
    """Lines around the phrases: ``DECORATIONS`` of each form of each phrase."""
    return [d.format(form) for form in _phrase_forms(code) for d in DECORATIONS]


def _prefiltered_matches(patterns: Any, text: str) -> list[regex.Match[str]]:
    """The matches of the exact pattern tried only where the prefilter points."""
    found = (patterns.line.match(text, s, _end(text, s)) for s in patterns.line_starts(text))
    return [match for match in found if match]


@pytest.mark.parametrize("code", available_languages())
def test_cruft_prefilter_misses_no_line_of_any_lexicon(code: str) -> None:
    patterns = strip_cruft_lines([code])._pattern(code)
    text = "\n".join(_lines(code))
    expected = [m.span() for m in patterns.line.finditer(text)]
    assert [m.span() for m in _prefiltered_matches(patterns, text)] == expected
    assert expected  # the check saw matches


@pytest.mark.parametrize("code", available_languages())
def test_label_lines_looked_up_are_those_the_exact_pattern_finds(code: str) -> None:
    pass_ = strip_cruft_lines([code])
    document = Document("\n\n".join(["Rates rise again", *_lines(code)]), title="Rates")
    found = pass_(document)
    pass_._patterns[None] = attrs.evolve(pass_._pattern(code), labels=frozenset())
    assert pass_(document) == found  # the same without the lookup
    assert any(edit.reason == "cruft: navigation label" for edit in found)


CRUFT_PIECES = [
    "Read More",
    "READ MORE",
    "ReAd\u00a0mOrE",
    "Also Read: ",
    "ALSO READ | ",
    "Follow us on Twitter",
    "Advertisement",
    "Latest news",
    "• ",
    "» ",
    "  ",
    "\t",
    "\n",
    "\x1c",
    "(3)",
    "ſ",
    "\u212a",
    "İ",
    "ß",
    "ﬁ",
    "The council met.",
    "x",
    "_",
    "1",
    ": ",
    " | ",
    "…",
    "...",
    " — ",
    "①",
    "“",
    "More than",
    "Share this",
]


@SETTINGS
@given(st.lists(st.sampled_from(CRUFT_PIECES), max_size=12).map("".join))
def test_cruft_prefilter_finds_what_the_exact_scan_finds(text: str) -> None:
    patterns = strip_cruft_lines(["en", "de"])._pattern(None)
    expected = [(m.span(), m.groupdict()) for m in patterns.line.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _prefiltered_matches(patterns, text)] == expected


def test_cruft_prefilter_passes_over_prose_that_starts_like_a_phrase() -> None:
    patterns = strip_cruft_lines()._pattern("en")
    prose = [
        "More than 40 people were hurt.",  # the label "More", then more words
        "Comments from traders were mixed.",  # the label "Comments"
        "“We have a plan,” she said.",  # a quotation mark starts no phrase
    ]
    cruft = ["More", "Comments (12)", "Read more »", "Also read: Rates rise again"]
    text = "\n".join(prose + cruft)
    assert [text[s:].split("\n")[0] for s in patterns.line_starts(text)] == cruft


def test_the_marks_the_prefilter_bars_at_a_line_start_have_no_case_for_regex() -> None:
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    for char in _TYPOGRAPHY:  # so a line starting with one can only start a phrase as itself
        assert regex.findall(regex.escape(char), every, regex.IGNORECASE | regex.FULLCASE) == [char]


@pytest.mark.parametrize(
    ("phrase", "line"), [("“quote", "“Quote"), ("'s", "’s"), ("’s", "'s"), ("× close", "× Close")]
)
def test_a_phrase_that_starts_with_a_mark_still_passes_the_prefilter(
    phrase: str, line: str
) -> None:
    assert re.match(phrase_prefilter([(phrase, "")]), line)
    assert not re.match(phrase_prefilter([("quote", "")]), line)


@pytest.mark.parametrize("code", ["en", "de"])
def test_cruft_prefilter_misses_no_time_stamp_or_cookie_notice(code: str) -> None:
    stamps = ["Published Nov 19, 2019", "Last  Updated: 2019-11-19", "POSTED ON 19 NOV 2019"]
    notices = ["We use cookies to tailor your experience. Accept or change your settings."]
    lines = [
        form.format(line)
        for line in stamps + notices
        for form in ("{}", "  {}", "• {}", "» {}", "\x1c{}")
    ]
    text = "\n".join(lines)
    starts = [0, *(i + 1 for i, char in enumerate(text) if char == "\n")]
    found = [
        start
        for start in starts
        if furniture.is_time_stamp(text, start, _end(text, start))
        or furniture.is_cookie_notice(text, start, _end(text, start))
    ]
    assert found == starts  # every line is one
    assert set(found) <= set(strip_cruft_lines([code])._pattern(code).line_starts(text))


def _end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


# normalize_whitespace: its scans give the runs of the one pattern ---------------------

_WHITESPACE = whitespace_module._WHITESPACE
#: The one pattern the scans replace.
RUN = re.compile(f" ?(?:[{_WHITESPACE.replace(' ', '')}]|  )[{_WHITESPACE}]*")


def _edits_of_one_scan(text: str) -> list[Edit]:
    edits = []
    for run in RUN.finditer(text):
        if edit := whitespace_module._edit_for(text, *run.span()):
            edits.append(edit)
    return edits


_SOME_WHITESPACE = " \n\n\t\u00a0\u200b\r\x85"
_ALL_WHITESPACE = whitespace_module._WHITESPACE_CHARACTERS


@SETTINGS
@given(
    st.text(alphabet=st.sampled_from([*_SOME_WHITESPACE, "a", "b", "."]), max_size=40)
    | st.text(alphabet=st.sampled_from([*_ALL_WHITESPACE, " ", " ", "\n", "a"]), max_size=40)
)
@example("\n \na  b \n\nc\n  d  e\u3000\u2000f \n")  # edges, indents, a space before a break
def test_whitespace_scans_find_the_runs_of_one_scan(text: str) -> None:
    assert whitespace_module._edits(text) == _edits_of_one_scan(text)


@SETTINGS
@given(st.text(alphabet=st.sampled_from([*_ALL_WHITESPACE, "a"]), max_size=40), st.integers(1, 8))
def test_trailing_whitespace_is_found_as_rstrip_finds_it(text: str, tail: int) -> None:
    # from ever longer tails of the text, not a copy of it all
    expected = len(text.rstrip(whitespace_module._WHITESPACE_CHARACTERS))
    assert whitespace_module._trailing_whitespace(text, tail) == expected


def test_rare_whitespace_spelled_out_is_what_its_class_matches() -> None:
    bmp = "".join(map(chr, range(0x10000)))
    expected = re.findall(f"[{whitespace_module._RARE}]", bmp)
    assert sorted(whitespace_module._RARE_CHARACTERS) == expected


# repair_unicode: one scan finds the triggers and the hints ----------------------------


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("aé’€Ã Â\x80\x1bﬁœ—\nдвЂλβ")), max_size=30))
def test_one_candidate_scan_finds_triggers_and_hints(text: str) -> None:
    named, plain = repair_module.MOJIBAKE_CHARACTERS, repair_module.PLAIN_LETTERS
    hints = [
        at
        for at, (char, after) in enumerate(zip(text, (text + "\n")[1:], strict=True))
        if char in repair_module.MOJIBAKE_ALONE
        or (char in named and after in named and not (char in plain and after in plain))
    ]
    triggers = [m.start() for m in repair_module.TRIGGER.finditer(text)]
    assert list(repair_module.mojibake_hints(text)) == hints
    assert repair_module._candidates(text, None, 100) == (
        triggers,
        sorted(set(hints) - set(triggers)),
        [],
    )
    found = [m.start() for m in repair_module._candidate("NFC").finditer(text)]
    unsettled = [at for at, char in enumerate(text) if char in normalization_triggers("NFC")]
    assert found == sorted(set(hints) | set(triggers) | set(unsettled))


# repair_unicode: normalization checked only in lines holding a trigger -----------

NORMAL_FORMS = ["NFC", "NFD", "NFKC", "NFKD"]
#: Characters normalization changes, moves or joins, next to some it leaves alone.
NORMALIZATION_PIECES = [
    *("e", "\u0301", "\u0300", "\u0345", "é", "\u212b", "Å", "Ω", "\u2126", "ǅ", "ﬁ", "²"),
    *("가", "\u1100", "\u1161", "\u11a8", "\u0b47", "\u0b3e", "\u0b4b", "\u0f73", "\u0344"),
    *("😀", "\U0001d15e", "\U0001d165", "\U0002f800", "\n", "a", " ", "д", "’"),
]


@pytest.mark.parametrize("form", NORMAL_FORMS)
def test_every_character_a_normal_form_may_change_is_a_trigger(form: str) -> None:
    # Brute force over the BMP: what normalization changes alone, the marks it
    # may reorder, and what may join the character before it.
    bmp = [chr(c) for c in range(0x80, 0x10000) if not 0xD800 <= c < 0xE000]
    changed = {c for c in bmp if unicodedata.normalize(form, c) != c}
    marks = {c for c in bmp if unicodedata.combining(c)}
    followers = {d for c in bmp for d in unicodedata.normalize("NFD", c)[1:]}
    assert changed | marks | followers <= normalization_triggers(form)  # type: ignore[arg-type]


@SETTINGS
@given(st.text(), st.sampled_from(NORMAL_FORMS))
@example("\u1100\u1161\u11a8", "NFC")
def test_a_line_without_a_trigger_is_in_normal_form(line: str, form: str) -> None:
    triggers = normalization_triggers(form)  # type: ignore[arg-type]
    if not any(c in triggers or c > "\uffff" for c in line):
        assert unicodedata.is_normalized(form, line)  # type: ignore[arg-type]


@SETTINGS
@given(
    st.lists(st.sampled_from(NORMALIZATION_PIECES)).map("".join),
    st.sampled_from(NORMAL_FORMS),
    st.integers(1, 5),
)
def test_segments_not_in_normal_form_go_to_ftfy(text: str, form: str, limit: int) -> None:
    config = newsclean.passes.repair_unicode(normalization=form, max_decode_length=limit).config
    positions = list(repair_module._positions(text, config))
    for start, end in _fix_text_segments(text, limit):
        if not unicodedata.is_normalized(form, text[start:end]):  # type: ignore[arg-type]
            assert any(start <= at < end for at in positions), (start, end)


def _fix_text_segments(text: str, limit: int) -> list[tuple[int, int]]:
    """The pieces ``ftfy.fix_text`` fixes one at a time: each line with its ``\\n``,
    cut every ``limit`` characters."""
    segments, start = [], 0
    while start < len(text):
        end = min(text.find("\n", start) + 1 or len(text), start + limit)
        segments.append((start, end))
        start = end
    return segments


# repair_unicode: the settling check looks only at lines it has not seen quiet ---------

_REPAIR_LINE = st.lists(
    st.sampled_from(
        [
            *("Itâ€™s", "â€", "\u2122", "&amp;", "<", "e\u0301", "\r", "a", " ", "\x85", "\u2000"),
            *("Ã", "Œ"),
        ]
    ),
    max_size=4,
).map("".join)


@SETTINGS
@given(
    st.lists(
        st.tuples(_REPAIR_LINE, st.sampled_from(["keep", "strip", "drop", "new"]), _REPAIR_LINE)
    ),
    st.booleans(),
    st.none() | _REPAIR_LINE,
)
@example([("a<", "drop", ""), ("&amp;", "keep", ""), ("a", "keep", "")], True, None)  # "&amp;"
@example([("a", "keep", ""), ("Itâ€", "new", "")], True, None)  # a line turned into mojibake
@example([("Ã ", "strip", "")], True, None)  # "Ã " is repaired, "Ã" is left alone
@example([("a\r", "strip", ""), ("a\r", "keep", "")], True, None)  # the "\r" is still there
@example([(" Ã a", "strip", "")], True, None)  # "Ã a" is repaired: ftfy's "^[ÃÂ][ ]"
@example([("ÃŒ", "keep", "")], True, "a")  # "ÃŒ\n" is repaired: ftfy's "[Œœ][^A-Za-z]"
def test_settling_check_answers_as_the_whole_pass(
    lines: list[tuple[str, str, str]], as_returned: bool, added: str | None
) -> None:
    seen = Document("\n".join(line for line, _action, _new in lines))
    # a later pass keeps, strips, drops or rewrites each line, and may add one at the end
    kept = [
        {"keep": line, "strip": line.strip(), "new": new}.get(action) for line, action, new in lines
    ]
    kept.append(added)
    result = Document("\n".join(line for line in kept if line is not None))
    repair = repair_module.repair_unicode()
    edits = repair(seen) if as_returned else list(repair(seen))  # (other edits: found again)
    assert repair.finds_more(seen, edits, result) == bool(repair(result))


def test_ftfy_detector_needs_no_more_of_a_line_than_its_start() -> None:
    # _lines_to_check relies on it: a line cut at its ends holds no match of the
    # detector that the line did not hold, but one at its new start ("^")
    pattern = repair_module.MOJIBAKE.pattern
    assert [
        anchor for anchor in ("$", r"\Z", r"\b", r"\B", "(?=", "(?!", "(?<") if anchor in pattern
    ] == []


def test_a_line_made_mojibake_by_stripping_it_is_cleaned_at_once() -> None:
    text = "The council met on Monday.\n\n  Ã la carte dining is back in town, the mayor said."
    cleaned = newsclean.clean(text).text
    assert (
        cleaned
        == "The council met on Monday.\n\nà la carte dining is back in town, the mayor said."
    )
    assert newsclean.clean(cleaned).text == cleaned


# strip_injected_phrases: the stdlib pattern is the regex one ---------------------------

TAIL_AS_REGEX = regex.compile(
    r"[.!?…][\"'”’»)\]]{0,3}(?P<tail>[^\S\n]++[^\s.!?…:;,][^\n.!?…:;,]{0,79}+)$",
    regex.MULTILINE,
)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("ab .!…”\n\u00a0\x1c\u2028,")), max_size=40))
def test_tail_pattern_matches_as_the_regex_one(text: str) -> None:
    expected = [m.span("tail") for m in TAIL_AS_REGEX.finditer(text)]
    assert [m.span("tail") for m in injected_module.TAIL.finditer(text)] == expected
    assert [m.span("tail") for m in injected_module.tail_matches(text)] == expected


#: A line with a tail of any length after punctuation, quotes and spaces.
_TAIL_LINE = st.tuples(
    st.sampled_from(["He left", "", "a b.c"]),
    st.sampled_from([".", "!", ":", "…", ""]),
    st.sampled_from(["", "”", ")”", "”)”)"]),
    st.sampled_from([" ", "  ", "\u00a0", ""]),
    st.sampled_from(["", "b ", " b", "b b"]),
    st.sampled_from([0, 1, 76, 77, 78, 79, 80, 81]).map("a".__mul__),  # around the limit
).map("".join)


@SETTINGS
@given(st.lists(_TAIL_LINE, max_size=4).map("\n".join))
def test_tails_found_from_line_ends_are_those_of_the_forward_scan(text: str) -> None:
    expected = [m.span("tail") for m in injected_module.TAIL.finditer(text)]
    assert [m.span("tail") for m in injected_module.tail_matches(text)] == expected
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(injected_module, "BLOCK", 3)  # a block of lines at a time
        assert [m.span("tail") for m in injected_module.tail_matches(text)] == expected


# shapes.paragraphs: lines found by a stdlib pattern, as the regex pattern finds them -

#: The plain form: a non-blank line, its text in group 1.
LINE = regex.compile(r"^[^\S\n]*+([^\n]*\S)", regex.MULTILINE)


@SETTINGS
@given(
    st.lists(st.sampled_from(["A", "bc", " ", "\n", "\t", "\xa0", "\x85", "\x1c", "\x1f"])).map(
        "".join
    ),
    st.integers(0, 12),
)
def test_paragraphs_are_the_lines_of_the_pattern(text: str, start: int) -> None:
    expected = [m.span(1) for m in LINE.finditer(text, start)]
    assert list(paragraphs(text, start)) == expected
    assert list(paragraphs_backwards(text)) == [m.span(1) for m in LINE.finditer(text)][::-1]


# shapes.without_site_suffix: the stdlib test for a separator misses no suffix --------


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "Floods",
                " ",
                "\u00a0",
                "\u2003",
                "\x1c",
                "\x85",
                "\u3000",
                "|",
                "·",
                "•",
                "-",
                "–",
                "—",
                "::",
                ":",
                "The Star",
                "b",
                "!",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_site_suffix_test_misses_no_suffix(line: str) -> None:
    assert without_site_suffix(line) == SITE_SUFFIX.sub("", line)


# shapes.key and language detection ------------------------------------------------------


def test_white_space_class_is_what_regex_calls_space() -> None:
    every = "".join(map(chr, range(sys.maxunicode + 1))).encode("utf-8", "surrogatepass")
    text = every.decode("utf-8", "replace")
    assert re.findall(f"[{WHITE_SPACE}]", text) == regex.findall(r"\s", text)


@SETTINGS
@given(
    st.text(
        alphabet=st.one_of(st.characters(max_codepoint=0x17F), st.sampled_from("‘’“”„–—…•")),
        max_size=30,
    )
)
def test_key_is_letters_and_digits_as_regex_says(text: str) -> None:
    assert key(text) == regex.sub(r"[\W_]+", "", text.casefold())


def test_kana_and_han_are_counted_from_their_utf8_bytes() -> None:
    every = "".join(map(chr, range(0x10000)))
    expected = (
        len(re.findall("[\u3040-\u30ff]", every)),
        len(re.findall("[\u4e00-\u9fff]", every)),
    )
    spaced = language_module._spaced  # (all these characters in one text, and each apart)
    assert language_module._kana_and_han(spaced(every)) == expected
    counted = [language_module._kana_and_han(spaced(c)) for c in every]
    assert [c for c, n in zip(every, counted, strict=True) if n == (1, 0)] == re.findall(
        "[\u3040-\u30ff]", every
    )
    assert [c for c, n in zip(every, counted, strict=True) if n == (0, 1)] == re.findall(
        "[\u4e00-\u9fff]", every
    )


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                *("der", "The", "THE", "und", "le", "_", "-", ",", " ", "ı", "x", "!"),
                *("’", "“", "«", "—", "é", "है", "\u0301", "東", "の", "\xa0", "\x1c"),
            ]
        )
    ),
    st.booleans(),
)
def test_detect_words_are_the_words_of_one_scan(pieces: list[str], shouting: bool) -> None:
    sample = "".join(pieces)
    read = sample.lower() if shouting else sample
    expected = map(_word_languages().get, language_module._word().findall(read))
    found = _languages_of_words(_tokens(sample, shouting))
    assert Counter(chain.from_iterable(filter(None, found))) == Counter(
        chain.from_iterable(filter(None, expected))
    )


@SETTINGS
@given(
    st.lists(st.sampled_from(["der", "the", "ΟΣ", "und", "le", "-", ",", " ", "\n", "İ"])),
    st.integers(0, 40),
    st.booleans(),
)
@example(["İ", "der", " ", "İ"], 5, False)  # in capitals, if the parts decided on their own
def test_detect_words_of_a_text_cut_before_a_space_are_those_of_its_parts(
    pieces: list[str], at: int, shouting: bool
) -> None:
    sample = "".join(pieces)
    cut = max(sample.rfind(" ", 0, at), 0)
    parts = _hits(_tokens(sample[:cut], shouting)) + _hits(_tokens(sample[cut:], shouting))
    assert parts == _hits(_tokens(sample, shouting))


# furniture: the lines between two labels -------------------------------------


def _stripped_lines(text: str) -> list[tuple[int, int]]:
    """The spans of the non-blank lines of ``text`` without their spaces, the plain way."""
    spans, start = [], 0
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            left = start + len(raw) - len(raw.lstrip())
            spans.append((left, left + len(line)))
        start += len(raw) + 1
    return spans


@SETTINGS
@given(st.lists(st.sampled_from(["\n", " ", "\t", "\x1c", "\u2028", "\xa0", "a", "b c", "Ü"])))
def test_line_contents_are_the_stripped_lines(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in furniture._LINE_CONTENT.finditer(text)] == _stripped_lines(text)


# strip_calls_to_action: the scans for call starts ----------------------------------

#: The plain form: the start of the text, a line break (both group 1) or a
#: sentence end, as one alternation.
CALL_START_AS_ALTERNATION = re.compile(
    rf"(?:(\A|\n)|[.!?…][\"'”’)]{{0,2}}[ \t])[ \t]*(?={calls._VERB_INITIALS})(?i:(?={calls._VERB}))"
)


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                "Follow us on X",
                "get our app",
                "Like",
                " us ",
                "our",
                "\n",
                ".",
                "!",
                "…",
                "”",
                ")",
                " ",
                "\t",
                "a",
                "?",
            ]
        )
    ).map("".join)
)
def test_call_starts_are_those_of_the_alternation(text: str) -> None:
    expected = [(m.end(), m.group(1) is not None) for m in CALL_START_AS_ALTERNATION.finditer(text)]
    assert calls._starts(text) == expected
