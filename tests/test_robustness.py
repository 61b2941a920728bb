"""Hostile and odd input: no crash, linear time, provenance intact, settings checked early."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

import newsclean
from invariants import check_invariants
from newsclean import Document, Edit, Pipeline
from newsclean.decoding import decode_bytes
from newsclean.edits import apply_edits
from newsclean.lexicon import Lexicon
from newsclean.passes import repair_unicode, strip_cruft_lines

PROSE = "The council approved the budget on Tuesday after a long debate."

ODD_INPUTS = {
    "lone surrogates": "Caf\ud800e and \udfff more.\n\nSecond line.",
    "NUL and controls": "Breaking\x00 news\x07 here\x1b[31m red\x1b[0m.\n\n\x0b\x0c\x1c text.",
    "right to left": "الحكومة أعلنت عن خطة جديدة.\n\nשלום עולם.\u200f\n\nاقرأ أيضا",
    "combining marks": "Cafe\u0301 owners and Zo\u0308e met. A\u0300\u0301\u0302\u0303 odd.",
    "emoji and joiners": "Fans cheered 👏🏽👨\u200d👩\u200d👧 loudly.\n\n🇺🇦 Flags 🏳️\u200d🌈 waved.",
    "CJK without spaces": "東京都は月曜日、新しい計画を発表した。\n\n関連記事：大阪\n\n相关阅读",
    "mojibake everywhere": "Itâ€™s the â€œbestâ€\x9d cafÃ© in ZÃ¼rich &amp; more.",
    "only whitespace kinds": "\u00a0\u2007\u202f\u3000\t\u200b\ufeff\r\n\u2028\u2029\x85",
    "every line Read More": "\n".join(["Read More"] * 500),
    "100 000 empty lines": "Title here\n" + "\n" * 100_000 + PROSE,
}


@pytest.mark.parametrize("text", ODD_INPUTS.values(), ids=ODD_INPUTS.keys())
def test_odd_input_keeps_the_invariants(text: str) -> None:
    article = newsclean.clean(text)
    check_invariants(article, title=article.title)


def test_every_line_read_more_leaves_nothing() -> None:
    article = newsclean.clean(ODD_INPUTS["every line Read More"])
    assert (article.title, article.text) == (None, "")
    assert {c.reason for c in article.changes} == {"cruft: navigation label"}


def test_a_single_5_mb_line() -> None:
    line = (PROSE[:-1] + ", and ") * (5_000_000 // len(PROSE))
    article = newsclean.clean(line)
    assert article.paragraphs == (line.strip(),)
    check_invariants(article, title=article.title)


def test_bytes_that_are_not_utf8_never_raise() -> None:
    data = bytes(range(256)) * 20
    article = newsclean.clean(data)
    assert article.original == decode_bytes(data)
    assert len(article.original) == len(data)  # one character per byte: nothing lost
    check_invariants(article, title=article.title)


# Linear time ---------------------------------------------------------------------------

#: Strings most likely to make a pattern backtrack: long runs of what the
#: patterns repeat (spaces, punctuation, words, delimiters), at a given size.
HOSTILE: dict[str, Callable[[int], str]] = {
    "spaces": lambda n: "a" + " " * n + "b",
    "no-break spaces and tabs": lambda n: ("\u00a0\t " * (n // 3)) + "x",
    "newlines and padding": lambda n: "\n \u00a0" * (n // 3),
    "full stops": lambda n: "." * n,
    "sentence ends with tails": lambda n: "Word. Tail phrase here" * (n // 22),
    "repeated word": lambda n: "read " * (n // 5),
    "delimiters": lambda n: ("Also read: " + ":" * 50 + "\n") * (n // 62),
    "one long line of prose": lambda n: (PROSE + " ") * (n // (len(PROSE) + 1)),
    "many short lines": lambda n: "Read more about\n" * (n // 16),
    "mojibake pairs": lambda n: "â€™" * (n // 3),
    "headline-like lines": lambda n: "Floods close schools | Site\n" * (n // 28),
    "a time stamp with endless joins": lambda n: "Published Nov 19, 2019" + " , 3pm" * (n // 6),
    "a cookie notice without end": lambda n: "We use cookies " * (n // 15),
    "menus of labels and short lines": lambda n: "Home\nClimate\nPrivacy Policy\n" * (n // 28),
}


def seconds(function: Callable[[], object]) -> float:
    """The best of three CPU times of ``function``: this process's own time, which
    other processes on a busy machine do not stretch, as they did the wall time."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", HOSTILE)
@pytest.mark.parametrize("pass_name", Pipeline.default().names)
def test_each_pass_is_linear_on_hostile_text(name: str, pass_name: str) -> None:
    pipeline = Pipeline.default()
    for other in pipeline.names:
        if other != pass_name:
            pipeline = pipeline.disable(other)
    small, large = HOSTILE[name](100_000), HOSTILE[name](1_000_000)
    ratio = seconds(lambda: pipeline.run(large)) / max(seconds(lambda: pipeline.run(small)), 1e-3)
    assert ratio < 40, f"{pass_name} on {name}: 10x the input took {ratio:.0f}x the time"


def _ratio(run: Callable[[str], object], small: str, large: str) -> float:
    return seconds(lambda: run(large)) / max(seconds(lambda: run(small)), 1e-3)


def test_repair_is_linear_in_the_length_of_a_line_of_mojibake() -> None:
    # Each line goes to ftfy, and its repair is turned into edits: difflib over
    # the whole line took time growing with the cube of its length.
    repair = repair_unicode()
    small, large = ("aÃ©" * 20 + "\n") * 10, ("aÃ©" * 200 + "\n") * 10
    ratio = _ratio(lambda text: repair(Document(text)), small, large)
    assert ratio < 40, f"lines 10x longer took {ratio:.0f}x the time"


def test_many_cuts_into_one_earlier_replacement_are_linear() -> None:
    def cut(size: int) -> Callable[[], object]:
        original, text = "x" * size, "y" * size  # one earlier record replaced it all
        edits = [Edit(at, at + 1, "", "cut") for at in range(0, size, 3)]
        return lambda: apply_edits(original, text, [(0, size, text, "p", "r")], edits, "q")

    ratio = seconds(cut(1_000_000)) / max(seconds(cut(100_000)), 1e-3)
    assert ratio < 40, f"10x the cuts took {ratio:.0f}x the time"


# Settings are checked when the pipeline is built ----------------------------------------


@pytest.mark.parametrize(
    ("build", "error", "message"),
    [
        (lambda: Lexicon("x", label="read more"), TypeError, "not the string 'read more'"),
        (lambda: Lexicon("x", label=["ok", 3]), TypeError, "phrases must be strings, not int"),
        (lambda: Lexicon("x", label=["  "]), ValueError, "a phrase is empty"),
        (lambda: strip_cruft_lines([], lexicons=[Lexicon("x")]), ValueError, "has no phrases"),
        (lambda: strip_cruft_lines(lexicons=["read more"]), TypeError, "must be Lexicon objects"),
        (lambda: Pipeline.default().disable("nope"), ValueError, "Available names"),
        (lambda: newsclean.clean("x", pipeline="default"), TypeError, "not str"),
    ],
)
def test_bad_settings_fail_when_built(
    build: Callable[[], object], error: type, message: str
) -> None:
    with pytest.raises(error, match=message):
        build()
