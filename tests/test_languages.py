"""The shipped lexicons of every language: cruft lines go, prose that starts like them stays.

Each ``tests/fixtures/languages/<code>.json`` holds ``cruft`` (whole lines that
must go) and ``prose`` (news sentences that start with the same words as cruft
phrases and must stay). Every prose line ends like a sentence, so none of them
is taken as the headline.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import newsclean
import newsclean.language as language_module
from newsclean import Pipeline
from newsclean.language import detect_language
from newsclean.lexicon import SECTIONS, Lexicon, available_languages, load_lexicon
from newsclean.passes import strip_cruft_lines

FIXTURES = Path(__file__).parent / "fixtures" / "languages"
CASES: dict[str, dict[str, Any]] = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(FIXTURES.glob("*.json"))
}
REQUIRED = ["es", "fr", "de", "pt", "it", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "hi", "id"]
REQUIRED += ["vi", "zh", "ja"]
BODY = "The council met on Tuesday evening to discuss the budget."
CLOSING = "The mayor said the plan was fair."


@functools.cache
def pipeline(*languages: str) -> Pipeline:
    pass_ = strip_cruft_lines(languages=list(languages))
    return Pipeline.default().replace("strip_cruft_lines", pass_)


def removes(languages: tuple[str, ...], line: str, before: str, after: str) -> bool:
    """Whether ``line`` between two sentences goes and the sentences stay."""
    text = "\n\n".join([before, line, after])
    return pipeline(*languages).run(text).paragraphs == (before, after)


def keeps(languages: tuple[str, ...], line: str, before: str, cruft: str) -> bool:
    """Whether ``line`` after a sentence and before a cruft line stays (and the cruft goes)."""
    text = "\n\n".join([before, line, cruft])
    return pipeline(*languages).run(text).paragraphs == (before, line)


def raw_phrases(language: str) -> dict[str, list[str]]:
    """The phrases of a lexicon file as written (not case-folded), by section."""
    source = resources.files("newsclean.lexicons").joinpath(f"{language}.txt")
    sections: dict[str, list[str]] = {name: [] for name in SECTIONS}
    current = None
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections.get(line[1:-1])  # [detect] words are not cruft
        elif line and current is not None:
            current.append(line)
    return sections


CRUFT = [(code, line) for code, case in CASES.items() for line in case["cruft"]]
PROSE = [(code, n) for code, case in CASES.items() for n in range(len(case["prose"]))]


# the fixtures and the files -----------------------------------------------------


def test_every_required_language_ships_a_lexicon_and_a_fixture() -> None:
    assert set(REQUIRED) <= set(available_languages())
    assert set(REQUIRED) <= set(CASES)
    assert set(CASES) <= set(available_languages())


@pytest.mark.parametrize("code", sorted(CASES))
def test_fixture_is_well_formed(code: str) -> None:
    case = CASES[code]
    assert set(case) == {"language", "cruft", "prose"}
    assert case["language"] == code
    assert len(case["cruft"]) >= 8
    assert len(case["prose"]) >= 6
    lines = case["cruft"] + case["prose"]
    assert len(set(lines)) == len(lines)
    assert all(line == " ".join(line.split()) and "\n" not in line for line in lines)


@pytest.mark.parametrize("code", available_languages())
def test_lexicon_parses_with_three_sections(code: str) -> None:
    lexicon = load_lexicon(code)
    assert isinstance(lexicon, Lexicon)
    assert lexicon.language == code
    for section in SECTIONS:
        assert getattr(lexicon, section), f"{code}: empty [{section}]"
    source = resources.files("newsclean.lexicons").joinpath(f"{code}.txt")
    text = source.read_text(encoding="utf-8")
    assert text.startswith("# "), f"{code}: no header comment naming the language"
    assert unicodedata.normalize("NFC", text) == text, f"{code}: not NFC, text is NFC"


@pytest.mark.parametrize("code", available_languages())
def test_every_phrase_as_written_matches_itself(code: str) -> None:
    """Each phrase matches as the file spells it and in capitals (no case-folding traps)."""
    if code in CASES:
        before, after = CASES[code]["prose"][0], CASES[code]["prose"][-1]
    else:
        before, after = BODY, CLOSING
    missed = []
    for section, phrases in raw_phrases(code).items():
        for phrase in phrases:
            for form in (phrase, phrase.upper()):
                line = f"{form}: Xyz 2030" if section == "lead" else form
                if not removes((code,), line, before, after):
                    missed.append((section, line))
    assert missed == []


# each language on its own ---------------------------------------------------------


@pytest.mark.parametrize(("code", "line"), CRUFT)
def test_cruft_line_goes_and_the_prose_beside_it_stays(code: str, line: str) -> None:
    prose_a, prose_b = CASES[code]["prose"][0], CASES[code]["prose"][-1]
    text = "\n\n".join([prose_a, line, prose_b])
    article = pipeline(code).run(text)
    assert article.paragraphs == (prose_a, prose_b)
    assert [(c.pass_name, c.removed.strip()) for c in article.changes if c.removed.strip()] == [
        ("strip_cruft_lines", line)
    ]


@pytest.mark.parametrize(("code", "n"), PROSE)
def test_prose_that_starts_like_cruft_stays(code: str, n: int) -> None:
    prose = CASES[code]["prose"]
    line, before = prose[n], prose[n - 1]
    assert keeps((code,), line, before, CASES[code]["cruft"][0])


# all languages at once --------------------------------------------------------------


@pytest.mark.parametrize("code", sorted(CASES))
def test_all_lexicons_together_keep_every_language_s_prose(code: str) -> None:
    everything = available_languages()
    prose = CASES[code]["prose"]
    removed = [
        line for n, line in enumerate(prose) if not keeps(everything, line, prose[n - 1], "")
    ]
    assert removed == []


@pytest.mark.parametrize("code", sorted(CASES))
def test_all_lexicons_together_still_remove_every_language_s_cruft(code: str) -> None:
    everything = available_languages()
    prose_a, prose_b = CASES[code]["prose"][0], CASES[code]["prose"][-1]
    kept = [
        line for line in CASES[code]["cruft"] if not removes(everything, line, prose_a, prose_b)
    ]
    assert kept == []


# scripts and punctuation beyond ASCII ---------------------------------------------------


def gap(code: str, line: str, reason: str) -> Any:
    return pytest.param(code, line, id=f"{reason}: {line[:24]}")


FULL_STOP = "sentence ends in 。 or ।"
WORD_AFTER_CALL = "CJK call runs on"
DECORATION = "CJK bullets and brackets"
DELIMITER = "'..', '丨', '｜' as delimiters"


@pytest.mark.parametrize(
    ("code", "line"),
    [
        gap(
            "zh", "相关新闻：受寒潮影响，北方多地气温将骤降，气象部门提醒市民注意防寒。", FULL_STOP
        ),
        gap("ja", "関連記事：政府は来年度予算案を閣議決定し、防衛費は過去最大に。", FULL_STOP),
        gap("hi", "यह भी पढ़ें: सरकार ने कहा कि सभी स्कूलों में मुफ्त भोजन मिलेगा।", FULL_STOP),
    ],
)
def test_sentence_after_a_lead_stays(code: str, line: str) -> None:
    prose = CASES[code]["prose"]
    assert keeps((code,), line, prose[0], CASES[code]["cruft"][0])


@pytest.mark.parametrize(
    ("code", "line"),
    [
        gap("zh", "欢迎关注我们的官方微博，获取第一手资讯", WORD_AFTER_CALL),
        gap("ja", "ニュースレターに登録して最新ニュースを受け取る", WORD_AFTER_CALL),
        gap("ja", "■関連記事", DECORATION),
        gap("ja", "【関連記事】東京都、高校授業料を無償化へ", DECORATION),
        gap("zh", "【延伸阅读】北京地铁新线年底开通", DECORATION),
        gap("ja", "続きを読む≫", DECORATION),
        gap("zh", "阅读全文》", DECORATION),
        gap("ar", "اقرأ أيضا.. الحكومة تعلن زيادة رواتب المعلمين", DELIMITER),
        gap("zh", "相关阅读丨北京地铁新线年底开通", DELIMITER),
        gap("zh", "相关阅读｜北京地铁新线年底开通", DELIMITER),
        gap("en", "Don’t miss", "any apostrophe matches any other"),
    ],
)
def test_cruft_line_in_other_punctuation_goes(code: str, line: str) -> None:
    before, after = CASES[code]["prose"][0] if code in CASES else BODY, CLOSING
    assert removes((code,), line, before, after)


def test_a_phrase_with_a_capital_dotted_i_matches_itself() -> None:
    site = Lexicon("site", label=["İlgili haberler"])
    pass_ = strip_cruft_lines(languages=[], lexicons=[site])
    pipeline_ = Pipeline.default().replace("strip_cruft_lines", pass_)
    assert pipeline_.run(f"{BODY}\n\nİlgili haberler\n\n{CLOSING}").paragraphs == (BODY, CLOSING)


# the page's language decides ---------------------------------------------------------


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_language_of_a_page_is_detected(code: str) -> None:
    assert detect_language(" ".join(CASES[code]["prose"])) == code


@pytest.mark.parametrize("code", available_languages())
def test_every_detect_word_counts_for_its_language(code: str) -> None:
    # Alone and with punctuation glued on. The Hindi "है" (a letter and a vowel
    # sign) did not count: the scan for words cut it to "ह".
    for word in load_lexicon(code).detect:
        for token in (word, f"({word}),", f"«{word}»"):
            hits = language_module._hits(language_module._tokens(token, False))
            assert hits[code] == 1, (code, token, hits)


@pytest.mark.parametrize("code", sorted(CASES))
def test_by_default_a_page_is_cleaned_with_its_own_language(code: str) -> None:
    prose = CASES[code]["prose"]
    text = "\n\n".join([*prose, *CASES[code]["cruft"]])
    article = newsclean.clean(text)
    assert (article.language, article.paragraphs) == (code, tuple(prose))


def test_a_german_page_is_not_cleaned_with_english_calls() -> None:
    text = "Der Rat hat am Dienstag über den Haushalt beraten, sagte die Ministerin.\n\n"
    text += "Sign up for our newsletter, sagte sie, sei eine gute Idee für die Stadt.\n\nAnzeige"
    article = newsclean.clean(text)
    assert article.language == "de"
    assert article.paragraphs == tuple(text.split("\n\n")[:2])


def test_words_in_capitals_do_not_name_a_language() -> None:
    # "EST" (a time zone) is French "est" in lower case: found by hypothesis in
    # test_english_cruft_around_english_prose_goes, which then kept the English cruft
    stamp = "Published 11:11 PM EST Nov 19, 2019"
    prose = "Advertisement revenue fell by 12 percent last year, the company said on Monday."
    assert detect_language("\n\n".join([stamp, stamp, prose, stamp, stamp])) == "en"
    assert detect_language(f"{stamp}\n\nLe conseil est réuni, et le maire est parti.") == "fr"
    assert newsclean.clean(f"{stamp}\n\n{prose}\n\n{stamp}").paragraphs == (prose,)


@pytest.mark.parametrize("code", sorted(CASES))
def test_a_page_in_capitals_is_read_in_lower_case(code: str) -> None:
    shouted = " ".join(CASES[code]["prose"]).upper()
    assert detect_language(shouted) == code
    assert detect_language(f"www.example.com/news {shouted}") == code  # not all capitals


FIXTURE_PAGES = sorted(Path(__file__).parent.joinpath("fixtures").glob("**/*.txt"))


@pytest.mark.parametrize("code", sorted(CASES))
def test_the_start_of_a_page_names_the_language_the_whole_sample_names(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # long enough for the first 1000 characters to decide alone
    page = "\n\n".join(CASES[code]["prose"] * 8)
    quick = detect_language(page)
    monkeypatch.setattr(language_module, "QUICK_SAMPLE", 10**9)  # the whole sample only
    assert quick == detect_language(page) == code


@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda path: path.name)
def test_fixture_pages_get_the_language_of_the_whole_sample(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = path.read_text(encoding="utf-8")
    quick = detect_language(page)
    monkeypatch.setattr(language_module, "QUICK_SAMPLE", 10**9)
    assert quick == detect_language(page)
