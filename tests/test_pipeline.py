"""Pipeline: named passes, enable/disable/replace/insert, user passes, clear errors."""

from __future__ import annotations

import pytest
import regex

import newsclean
from newsclean import Document, Edit, EditError, Pipeline, PipelineError
from newsclean.passes import strip_cruft_lines

DEFAULT_NAMES = (
    "repair_unicode",
    "normalize_whitespace",
    "strip_calls_to_action",
    "strip_cruft_lines",
    "extract_headline",
    "strip_injected_phrases",
)
PAGE = "Storm hits coast\n\nWinds reached 120 km/h overnight.\n\nRead More"


def shout_to_calm(document: Document) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), "!", "repeated exclamation marks")
        for m in regex.finditer(r"!{2,}", document.text)
    ]


def test_default_pipeline_names_in_order() -> None:
    assert Pipeline.default().names == DEFAULT_NAMES


def test_repr_shows_every_pass_with_its_settings() -> None:
    assert repr(Pipeline.default().disable("extract_headline")) == (
        "Pipeline([('repair_unicode', repair_unicode()), "
        "('normalize_whitespace', normalize_whitespace()), "
        "('strip_calls_to_action', strip_calls_to_action()), "
        "('strip_cruft_lines', strip_cruft_lines(languages='auto', max_link_words=30, "
        "max_call_words=20)), "
        "('extract_headline', extract_headline(look_ahead=6, look_behind=3)) [disabled], "
        "('strip_injected_phrases', strip_injected_phrases(max_words=5, min_repeats=2))])"
    )


def test_disable_then_enable_restores_the_pass() -> None:
    pipeline = Pipeline.default().disable("strip_cruft_lines")
    assert pipeline.run(PAGE).paragraphs == ("Winds reached 120 km/h overnight.", "Read More")
    assert pipeline.enable("strip_cruft_lines").run(PAGE).paragraphs == (
        "Winds reached 120 km/h overnight.",
    )


def test_methods_return_new_pipelines() -> None:
    pipeline = Pipeline.default()
    pipeline.disable("repair_unicode")
    assert pipeline.enabled_names == DEFAULT_NAMES


@pytest.mark.parametrize(
    "change",
    [
        lambda p: p.enable("nope"),
        lambda p: p.disable("nope"),
        lambda p: p.replace("nope", shout_to_calm),
        lambda p: p.insert_before("nope", shout_to_calm),
        lambda p: p.insert_after("nope", shout_to_calm),
    ],
)
def test_unknown_name_lists_the_valid_names(change) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PipelineError) as error:
        change(Pipeline.default())
    assert str(error.value) == (
        "No pass 'nope' in the pipeline. Available names: " + ", ".join(DEFAULT_NAMES)
    )


def test_user_pass_inserted_by_function_name() -> None:
    pipeline = Pipeline.default().insert_after("extract_headline", shout_to_calm)
    assert pipeline.names == (*DEFAULT_NAMES[:5], "shout_to_calm", DEFAULT_NAMES[5])
    article = pipeline.run("Goal!!! The striker scored in the last minute!!!")
    assert article.text == "Goal! The striker scored in the last minute!"
    assert [(c.pass_name, c.removed) for c in article.changes] == [
        ("shout_to_calm", "!!!"),
        ("shout_to_calm", "!!!"),
    ]


def test_insert_before_under_a_given_name() -> None:
    pipeline = Pipeline.default().insert_before("repair_unicode", shout_to_calm, as_name="calm")
    assert pipeline.names == ("calm", *DEFAULT_NAMES)


def test_duplicate_names_are_refused() -> None:
    with pytest.raises(PipelineError, match="two passes are named 'shout_to_calm'"):
        Pipeline.default().insert_after("repair_unicode", shout_to_calm).insert_after(
            "strip_cruft_lines", shout_to_calm
        )


def test_a_lambda_needs_an_explicit_name() -> None:
    with pytest.raises(PipelineError, match="cannot tell the name of pass"):
        Pipeline.default().insert_after("repair_unicode", lambda d: [])
    named = Pipeline.default().insert_after("repair_unicode", lambda d: [], as_name="noop")
    assert named.names[1] == "noop"


def test_replace_keeps_the_name_and_uses_the_new_settings() -> None:
    pipeline = Pipeline.default().replace("strip_cruft_lines", strip_cruft_lines(max_call_words=3))
    text = "The vote passed.\n\nFollow us on Mastodon for more"
    assert pipeline.run(text).paragraphs == ("The vote passed.", "Follow us on Mastodon for more")
    assert newsclean.clean(text).paragraphs == ("The vote passed.",)


def test_a_pass_with_bad_edits_is_named_in_the_error() -> None:
    def broken(document: Document) -> list[Edit]:
        return [Edit(3, 1, "", "backwards")]

    with pytest.raises(EditError, match="pass 'broken' returned"):
        Pipeline.default().insert_after("repair_unicode", broken).run("Some text here.")


def test_non_callable_pass_is_refused_when_the_pipeline_is_built() -> None:
    with pytest.raises(PipelineError, match="is not callable"):
        Pipeline.default().replace("repair_unicode", "repair")  # type: ignore[arg-type]


def test_user_pass_sees_the_title_found_before_it() -> None:
    seen: list[str | None] = []

    def look(document: Document) -> list[Edit]:
        seen.append(document.title)
        return []

    Pipeline.default().insert_after("extract_headline", look).run(PAGE)
    assert seen == ["Storm hits coast"]


def test_a_pass_may_yield_its_edits() -> None:
    def yielding(document: Document):  # type: ignore[no-untyped-def]
        yield from shout_to_calm(document)

    article = (
        Pipeline.default().insert_after("extract_headline", yielding).run("Goal!!! It went in.")
    )
    assert [(c.pass_name, c.removed) for c in article.changes] == [("yielding", "!!!")]


@pytest.mark.parametrize(
    "bad", [Edit(0, 3, None, "r"), Edit(0.0, 3, "", "r"), Edit(None, 3, "", "r")]
)  # type: ignore[arg-type]
def test_edits_of_the_wrong_types_are_named_errors(bad: Edit) -> None:
    pipeline = Pipeline.default().insert_after("extract_headline", lambda d: [bad], as_name="bad")
    with pytest.raises(EditError, match=r"pass 'bad' returned .*expected int start and end"):
        pipeline.run("Some text here.")


def test_run_takes_bytes_and_refuses_other_types_like_clean() -> None:
    assert (
        Pipeline.default().run("Café owners protest.".encode("cp1252")).text
        == "Café owners protest."
    )
    with pytest.raises(TypeError, match="takes the text as str or bytes, not list"):
        Pipeline.default().run(["text"])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="takes title as str or None, not int"):
        Pipeline.default().run("text", title=3)  # type: ignore[arg-type]
