"""repair_unicode gives exactly ftfy.fix_text's output, on ftfy's own published cases.

The cases in ``fixtures/ftfy-cases/`` are copied unchanged from ftfy's repository
(see ``SOURCE.md`` there). The fast path must agree with ftfy on each case alone,
embedded in a paragraph of plain text, and after a line holding ``<``.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

try:
    from re import _parser as sre_parse  # Python 3.11 and later
except ImportError:  # Python 3.10
    import sre_parse  # type: ignore[no-redef]

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import Document
from newsclean.edits import apply_edits
from newsclean.passes import repair_unicode
from newsclean.passes.repair_unicode import DEFAULT_FTFY_OPTIONS

CASES_DIR = Path(__file__).parent / "fixtures" / "ftfy-cases"
CASES = [
    case
    for path in sorted(CASES_DIR.glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


def repaired(text: str, **options: object) -> str:
    """The text after one application of the pass (a pipeline would also settle)."""
    edits = repair_unicode(**options)(Document(text))
    return apply_edits(text, text, (), edits, "repair_unicode")[0]


def ftfy_says(text: str, **options: object) -> str:
    return ftfy.fix_text(text, **{**DEFAULT_FTFY_OPTIONS, **options})  # type: ignore[arg-type]


def test_all_published_cases_are_loaded() -> None:
    assert len(CASES) == 161


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["label"][:40])
@pytest.mark.parametrize(
    "wrap",
    [
        "{}",
        "Plain prose before it. {} And after it.",
        "First line.\n{}\nLast line.",
        "A <b>tag</b> line first.\n{}",
    ],
)
def test_same_as_ftfy_on_published_case(case: dict[str, str], wrap: str) -> None:
    text = wrap.format(case["original"])
    assert repaired(text) == ftfy_says(text)


@pytest.mark.parametrize("case", CASES[:40], ids=lambda c: c["label"][:40])
def test_same_as_ftfy_with_ftfy_defaults(case: dict[str, str]) -> None:
    options = {"uncurl_quotes": True, "fix_character_width": True}
    assert repaired(case["original"], **options) == ftfy.fix_text(case["original"])


#: Options that turn on fixers newsclean's configuration leaves off, or change
#: the normal form: their lines must go to ftfy too.
OTHER_CONFIGURATIONS = [
    {"uncurl_quotes": True},
    {"fix_character_width": True},
    {"normalization": "NFKC"},
    {"normalization": "NFD"},
    {"normalization": None},
]
#: Plain lines, with nothing for newsclean's configuration to repair.
PLAIN_LINES = [
    "He said “hi” to the ‘team’.",
    "ＬＯＵＤ　ＮＯＩＳＥＳ and ｶﾀｶﾅ",
    "E = mc², at 5 km²",
    "Café au lait, naïve",
    "Ａngström: Å",
]


@pytest.mark.parametrize("options", OTHER_CONFIGURATIONS, ids=repr)
def test_same_as_ftfy_with_other_fixers_and_normal_forms(options: dict[str, object]) -> None:
    text = "\n".join(PLAIN_LINES)
    assert repaired(text, **options) == ftfy_says(text, **options)


def test_lines_other_configurations_change_are_not_skipped() -> None:
    text = "\n".join(PLAIN_LINES)
    assert repaired(text, uncurl_quotes=True).splitlines()[0] == "He said \"hi\" to the 'team'."
    assert repaired(text, normalization="NFKC").splitlines()[2] == "E = mc2, at 5 km2"


def test_curly_quotes_and_full_width_punctuation_are_kept() -> None:
    text = "“Quoted,” she said. 東京、大阪！"
    assert repaired(text) == text


def test_entities_are_not_unescaped_after_a_tag_as_in_ftfy() -> None:
    text = "AT&amp;T rose.\nThe <b> tag.\nAT&amp;T fell."
    assert repaired(text) == ftfy_says(text) == "AT&T rose.\nThe <b> tag.\nAT&amp;T fell."


def test_unknown_option_is_refused_when_built() -> None:
    with pytest.raises(TypeError, match="unknown ftfy option 'uncurl'"):
        repair_unicode(uncurl=True)


@pytest.mark.parametrize("form", ["NFX", "nfc", ""])
def test_an_unknown_normal_form_is_refused_when_built(form: str) -> None:
    # (not at the first page that is not ASCII, from deep inside unicodedata)
    with pytest.raises(ValueError, match=f"got normalization={form!r}; it takes one of NFC"):
        repair_unicode(normalization=form)
    assert repair_unicode(normalization=None).config.normalization is None


MOJIBAKE_PIECES = [
    "Itâ€™s",
    "cafÃ©",
    "Ã ",
    "&amp;",
    "&lt;b&gt;",
    "â€œquotedâ€\x9d",
    "\x1b[31m",
    "\x00",
    "ﬁne",
    "e\u0301",
    "\r\n",
    "\u2028",
    "<",
    "Ð¿Ñ€Ð¸Ð²ÐµÑ‚",
    "Р’РѕРґР°",  # "Вода" read as Windows-1251
    "вЂ™",  # "’" read as Windows-1251
    "ГўВЂВ™",  # "’" read as Windows-1252, then Windows-1251
    "ΞΑΞ»ΞΉ",  # Greek read as Windows-1253
    "â‚¬",
    "\ufeff",
    "\x85",
]
PIECES = st.sampled_from(
    [
        *MOJIBAKE_PIECES,
        "plain words. ",
        "\n",
        " ",
        "Zürich ",
        "’",
        "—",
        "Вода в реке. ",
        "Καλή μέρα. ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_same_as_ftfy_on_generated_mixtures(text: str) -> None:
    assert repaired(text) == ftfy_says(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_same_as_ftfy_on_arbitrary_unicode(text: str) -> None:
    assert repaired(text) == ftfy_says(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join), st.integers(2, 12))
def test_same_as_ftfy_when_long_lines_are_cut_into_pieces(text: str, limit: int) -> None:
    assert repaired(text, max_decode_length=limit) == ftfy_says(text, max_decode_length=limit)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*PLAIN_LINES, *MOJIBAKE_PIECES, "\n", " "]), max_size=12).map(
        "".join
    ),
    st.sampled_from(OTHER_CONFIGURATIONS),
)
def test_same_as_ftfy_on_generated_mixtures_in_other_configurations(
    text: str, options: dict[str, object]
) -> None:
    assert repaired(text, **options) == ftfy_says(text, **options)


#: Characters normalization changes, moves or joins to the one before, and
#: lines dense with them (Hindi, Arabic with its vowel marks).
NORMALIZATION_PIECES = [
    *("e\u0301", "x\u0301", "\u212b", "ﬁ", "²", "가\u11a8", "\u0f73", "😀", "\U0002f800"),
    "प्रधानमंत्री ने कहा। ",
    "قَالَ رَئِيسُ الوُزَرَاءِ ",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*NORMALIZATION_PIECES, *MOJIBAKE_PIECES, "\n", " "]), max_size=12
    ).map("".join),
    st.sampled_from(["NFC", "NFD", "NFKC", "NFKD"]),
)
def test_same_as_ftfy_on_lines_dense_with_characters_normalization_touches(
    text: str, form: str
) -> None:
    assert repaired(text, normalization=form) == ftfy_says(text, normalization=form)


def _mojibake_alphabet() -> str:
    from newsclean.passes.repair_unicode import _mojibake_characters

    return _mojibake_characters() + "aZ .,!?1\n\t-'\"ÿœŒ"


def test_hint_catches_every_pair_ftfy_calls_mojibake() -> None:
    from ftfy.badness import BADNESS_RE

    from newsclean.passes.repair_unicode import TRIGGER, mojibake_hints

    alphabet = _mojibake_alphabet()
    assert "\xa0" in alphabet and "\xad" in alphabet
    missed = [
        a + b
        for a in alphabet
        for b in alphabet
        if BADNESS_RE.search(a + b) and not (list(mojibake_hints(a + b)) or TRIGGER.search(a + b))
    ]
    assert missed == []


def _characters(op: object, av: object) -> set[str] | None:
    """The characters one item of a parsed pattern matches; None for a wildcard."""
    if op is sre_parse.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is not sre_parse.IN:
        return None
    found: set[str] = set()
    for member_op, member in av:  # type: ignore[attr-defined]
        if member_op is sre_parse.LITERAL:
            found.add(chr(member))
        elif member_op is sre_parse.RANGE:
            found.update(map(chr, range(member[0], member[1] + 1)))
        else:  # a negated class, a category such as \\s: treated as anything
            return None
    return found


def _first_hint_offset(items: list[tuple[object, object]]) -> int | None:
    """How far into a match of one alternative of ``BADNESS_RE`` (its parsed
    ``items``) ``HINT`` or ``TRIGGER`` must find something, at most; None if nowhere."""
    from newsclean.passes.repair_unicode import (
        MOJIBAKE_ALONE,
        MOJIBAKE_CHARACTERS,
        PLAIN_LETTERS,
        TRIGGER,
    )

    offset, previous = 0, None
    for op, av in items:
        if op is sre_parse.AT:
            continue
        if op is sre_parse.MAX_REPEAT and av[0] == 0:  # type: ignore[index]
            offset, previous = offset + 1, None  # optional: no fixed neighbour
            continue
        chars = _characters(op, av)
        if chars and all(c in MOJIBAKE_ALONE or TRIGGER.match(c) for c in chars):
            return offset
        if (
            chars
            and previous
            and previous | chars <= MOJIBAKE_CHARACTERS
            and not (previous & PLAIN_LETTERS and chars & PLAIN_LETTERS)
        ):
            return offset - 1
        offset, previous = offset + 1, chars
    return None


def test_every_alternative_of_ftfys_detector_holds_a_hint_near_its_start() -> None:
    # Each alternative holds one of MOJIBAKE_ALONE or a trigger, or two named
    # characters side by side that are not both plain letters, starting at most
    # MOJIBAKE_LEAD characters into the match: where _has_mojibake looks.
    from ftfy.badness import BADNESS_RE

    from newsclean.passes.repair_unicode import MOJIBAKE_LEAD

    [(op, (_, alternatives))] = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags).data
    assert op is sre_parse.BRANCH and len(alternatives) > 30
    offsets = [_first_hint_offset(list(alternative.data)) for alternative in alternatives]
    assert [i for i, offset in enumerate(offsets) if offset is None] == []
    assert max(offsets) <= MOJIBAKE_LEAD  # type: ignore[type-var]


def test_greek_and_cyrillic_prose_holds_hints_only_at_letters_ftfy_names_apart() -> None:
    from newsclean.passes.repair_unicode import mojibake_hints

    prose = "Вода в реке поднялась. Καλή μέρα σε όλους. Ђорђе, ўсё"
    hints = [prose[at : at + 2] for at in mojibake_hints(prose)]
    assert hints == ["Во", "Ђо", "ўс"]  # ftfy names "В", "Ђ", "ў" apart ("ГўВЂВ", "вЂ")


@settings(max_examples=2000, deadline=None)
@given(st.text(alphabet=st.sampled_from(_mojibake_alphabet()), min_size=1, max_size=6))
def test_hint_catches_every_string_ftfy_calls_mojibake(text: str) -> None:
    from ftfy.badness import BADNESS_RE

    from newsclean.passes.repair_unicode import TRIGGER, mojibake_hints

    if BADNESS_RE.search(text):
        assert list(mojibake_hints(text)) or TRIGGER.search(text)


# The repair as edits, and Windows line ends on long lines ---------------------------------


@settings(max_examples=500, deadline=None)
@given(
    st.lists(PIECES, max_size=12).map("".join),
    st.one_of(st.none(), st.lists(PIECES, max_size=12).map("".join)),
)
def test_diff_gives_sorted_disjoint_edits_that_make_the_new_text(old: str, new: str | None) -> None:
    from newsclean.passes.repair_unicode import _diff

    new = ftfy_says(old) if new is None else new  # a repair, or any other text
    edits = _diff(old, new, 7, "r")
    assert apply_edits(" " * 7 + old, " " * 7 + old, (), edits, "p")[0] == " " * 7 + new
    assert all(a.end <= b.start for a, b in itertools.pairwise(edits))
    assert all(old[e.start - 7 : e.end - 7] != e.replacement for e in edits)


def test_a_line_repaired_in_many_places_gives_an_edit_for_each() -> None:
    from newsclean.passes.repair_unicode import _diff

    old = "Le cafÃ© de la sociÃ©tÃ© a Ã©tÃ© fermÃ©. " * 40  # one line of 1,400 characters
    edits = _diff(old, ftfy.fix_text(old), 0, "r")
    assert len(edits) == 240 and {old[e.start : e.end] for e in edits} == {"Ã©"}


def test_windows_line_ends_of_a_text_longer_than_ftfys_limit_need_no_ftfy() -> None:
    from newsclean.passes.repair_unicode import _segments

    config = repair_unicode(max_decode_length=100).config
    short_lines = "Word here.\r\n" * 20  # 240 characters, each line under the limit
    assert _segments(short_lines, config) == []
    long_line = "Word " * 30 + "\r\n"  # over the limit: cut in pieces, maybe in "\r\n"
    assert _segments(short_lines + long_line, config) == [(340, 392)]
    assert repaired(short_lines + long_line, max_decode_length=100) == ftfy_says(
        short_lines + long_line, max_decode_length=100
    )


@settings(max_examples=500, deadline=None)
@given(st.text("ab", max_size=40), st.text("ab", max_size=40), st.integers(0, 3), st.integers(0, 3))
def test_same_run_is_the_common_start(old: str, new: str, i: int, j: int) -> None:
    from newsclean.passes.repair_unicode import _same_run

    i, j = min(i, len(old)), min(j, len(new))
    pairs = zip(old[i:], new[j:], strict=False)
    common = next((k for k, (a, b) in enumerate(pairs) if a != b), min(len(old) - i, len(new) - j))
    assert _same_run(old, i, new, j) == common


def test_a_long_deletion_is_an_edit_of_its_own() -> None:
    from newsclean.passes.repair_unicode import _diff

    escape = "\x1b[" + "1;" * 20 + "m"  # 43 characters, more than REACH
    old = escape + "Clean text, cafÃ© here."
    edits = _diff(old, "Clean text, café here.", 0, "r")
    assert [(e.start, e.end, e.replacement) for e in edits] == [(0, 43, ""), (58, 60, "é")]
