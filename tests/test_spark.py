"""``newsclean.spark.clean_dataframe`` in Spark local mode gives what ``newsclean.clean`` gives.

One SparkSession (``local[2]``, no UI, small batches) serves the whole module. The
Spark tests skip only when pyspark cannot be imported or there is no Java, and
fail instead under CI (``CI`` set), whose ``.ci/run`` installs the ``spark`` extra
and checks Java first.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import newsclean
import newsclean.spark
from newsclean import Document, Edit, Pipeline

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [*sorted(FIXTURES.glob("pages/*.txt")), FIXTURES / "seed" / "iran-mek.txt"]
CLEAN_COLUMNS = ["clean_title", "clean_text", "clean_paragraphs", "clean_changes"]
BATCH_ROWS = 64  # Arrow batch size: several batches per partition
FAST_START_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"  # quick JIT, small heap: quick start


# Pages ---------------------------------------------------------------------------------------


def given_title(page: Path) -> str | None:
    expected = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
    title: str | None = expected.get("given_title")
    return title


VARIANTS = (
    lambda text: text,
    lambda text: text + "\n\nRead More\n",
    lambda text: "\xa0\n\n" + text.replace("\n", "\r\n"),
    lambda text: "Advertisement\n\n" + text + "\n\nShare this\n",
)


def page_rows() -> list[tuple[int, str | None, str | None, str]]:
    """About 300 ``(id, text, title, url)`` rows: every page, varied, with and without titles.

    The last row has a null text.
    """
    rows: list[tuple[int, str | None, str | None, str]] = []
    for page in PAGES:
        text, title = page.read_text("utf-8"), given_title(page)
        for variant in VARIANTS:
            for title_given in (title, "", title or text.split("\n", 1)[0]):
                rows.append(
                    (len(rows), variant(text), title_given, f"https://news.example/{page.stem}")
                )
    rows.append((len(rows), None, "A title for no text", "https://news.example/empty"))
    return rows


ROWS = page_rows()


def expected_row(
    text: str | bytes | None,
    title: str | None = None,
    url: str | None = None,
    *,
    changes: bool = True,
    pipeline: Pipeline | None = None,
) -> dict[str, Any]:
    """What ``clean_dataframe`` must put in the clean columns of one row."""
    if text is None:
        return dict.fromkeys(CLEAN_COLUMNS if changes else CLEAN_COLUMNS[:3])
    article = newsclean.clean(text, title=title, url=url, pipeline=pipeline)
    row: dict[str, Any] = {
        "clean_title": article.title,
        "clean_text": article.text,
        "clean_paragraphs": list(article.paragraphs),
    }
    if changes:
        row["clean_changes"] = [c.to_dict() for c in article.changes]
    return row


def clean_columns(df: DataFrame, columns: Sequence[str] = CLEAN_COLUMNS) -> list[dict[str, Any]]:
    """The clean columns of every row, in ``id`` order, as plain Python values.

    Sorted here, not by Spark: a Spark sort samples its input first, which would
    run the cleaning twice.
    """
    rows = sorted(df.select("id", *columns).collect(), key=lambda row: row["id"])
    return [{column: row.asDict(recursive=True)[column] for column in columns} for row in rows]


# The session ---------------------------------------------------------------------------------


def spark_missing() -> str | None:
    """Why Spark cannot run here, or None."""
    if importlib.util.find_spec("pyspark") is None:
        return "pyspark is not installed: pip install 'newsclean[spark]'"
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and Path(java_home, "bin", "java").exists()):
        return "Java is missing: Spark needs a JDK 17 or newer (java on PATH, or JAVA_HOME)"
    return None


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    reason = spark_missing()
    if reason and os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the Spark tests (.ci/run installs the extra)")
    if reason:
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("newsclean-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.pyspark.python", sys.executable)
        .config("spark.driver.extraJavaOptions", FAST_START_JVM)
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH_ROWS))
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def pages_df(spark: SparkSession) -> DataFrame:
    schema = "id int, text string, title string, url string"
    return spark.createDataFrame(ROWS, schema).cache()


# Every row is newsclean.clean() of its page --------------------------------------------------


def test_there_are_a_few_hundred_rows() -> None:
    assert 290 <= len(ROWS) <= 320


def test_each_row_equals_clean_with_its_title(pages_df: DataFrame) -> None:
    cleaned = newsclean.spark.clean_dataframe(pages_df, title_col="title", url_col="url")
    assert cleaned.columns == ["id", "text", "title", "url", *CLEAN_COLUMNS]
    expected = [expected_row(text, title, url) for _, text, title, url in ROWS]
    assert clean_columns(cleaned) == expected


def test_each_row_equals_clean_without_a_title_column(pages_df: DataFrame) -> None:
    texts = pages_df.select("id", "text")
    cleaned = newsclean.spark.clean_dataframe(texts)
    expected = [expected_row(text) for _, text, _, _ in ROWS]
    assert clean_columns(cleaned) == expected


def test_null_text_gives_null_columns(pages_df: DataFrame) -> None:
    cleaned = newsclean.spark.clean_dataframe(pages_df.where("text is null"), title_col="title")
    assert clean_columns(cleaned) == [dict.fromkeys(CLEAN_COLUMNS)]


def test_without_changes_another_prefix_and_a_dotted_name(spark: SparkSession) -> None:
    rows = [(i, PAGES[i].read_text("utf-8")) for i in range(3)] + [(3, None)]
    df = spark.createDataFrame(rows, "id int, `page.body` string")  # a dot in a column name
    cleaned = newsclean.spark.clean_dataframe(df, "page.body", changes=False, prefix="")
    assert cleaned.columns == ["id", "page.body", "title", "text", "paragraphs"]
    got = clean_columns(cleaned, ["title", "text", "paragraphs"])
    expected = [expected_row(text, changes=False) for _, text in rows]
    assert got == [{k.removeprefix("clean_"): v for k, v in row.items()} for row in expected]


def test_binary_text_is_decoded_as_clean_does(spark: SparkSession) -> None:
    pages = [PAGES[0].read_bytes(), "Café news\n\nIt rained.".encode("cp1252"), b""]
    df = spark.createDataFrame(list(enumerate(pages)), "id int, text binary")
    cleaned = newsclean.spark.clean_dataframe(df)
    assert clean_columns(cleaned) == [expected_row(page) for page in pages]


# A user's pipeline: pickled once, unpickled once per partition ------------------------------


def mark_unpickling(log: Path) -> Any:
    """A pass that edits nothing and appends a line to ``log`` each time it is unpickled."""

    class MarkUnpickling:  # defined here so that cloudpickle sends the class by value
        name = "mark_unpickling"

        def __init__(self) -> None:
            self.log = str(log)

        def __call__(self, document: Document) -> Sequence[Edit]:
            return ()

        def __setstate__(self, state: dict[str, Any]) -> None:
            self.__dict__.update(state)
            with open(self.log, "a", encoding="utf-8") as file:
                file.write("unpickled\n")

    return MarkUnpickling()


def test_a_custom_pipeline_is_built_once_per_partition(pages_df: DataFrame, tmp_path: Path) -> None:
    log = tmp_path / "unpickled.txt"
    without_phrases = Pipeline.default().disable("strip_injected_phrases")
    pipeline = without_phrases.insert_after("extract_headline", mark_unpickling(log))
    cleaned = newsclean.spark.clean_dataframe(pages_df, title_col="title", pipeline=pipeline)
    expected = [expected_row(text, title, pipeline=without_phrases) for _, text, title, _ in ROWS]
    assert clean_columns(cleaned) == expected
    rows_per_partition = pages_df.rdd.glom().map(len).collect()
    assert min(rows_per_partition) > BATCH_ROWS  # so each partition has several batches
    assert log.read_text("utf-8").splitlines() == ["unpickled"] * len(rows_per_partition)


def test_the_default_pipeline_pickles() -> None:
    import pickle

    pipeline = Pipeline.default()
    restored = pickle.loads(pickle.dumps(pipeline))
    assert repr(restored) == repr(pipeline)
    page = PAGES[-1].read_text("utf-8")
    assert restored.run(page).to_dict() == pipeline.run(page).to_dict()


# Errors -----------------------------------------------------------------------------------


def test_a_pipeline_that_cannot_pickle_is_a_clear_error(pages_df: DataFrame) -> None:
    import threading

    lock = threading.Lock()

    def holds_a_lock(document: Document) -> Sequence[Edit]:
        with lock:
            return ()

    pipeline = Pipeline.default().insert_after("extract_headline", holds_a_lock)
    with pytest.raises(TypeError, match="the pipeline cannot be pickled"):
        newsclean.spark.clean_dataframe(pages_df, pipeline=pipeline)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        (
            {"text_col": "body"},
            ValueError,
            "text_col='body' is not a column of the DataFrame. Columns: id, text, title, url",
        ),
        ({"title_col": "id"}, TypeError, "column 'id' must be string, not int"),
        ({"prefix": ""}, ValueError, "the DataFrame already has title, text: pass another prefix"),
        ({"pipeline": "default"}, TypeError, "pipeline must be a newsclean.Pipeline, not str"),
    ],
)
def test_bad_arguments_are_named(
    pages_df: DataFrame, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        newsclean.spark.clean_dataframe(pages_df, **kwargs)


def test_without_the_extra_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    with pytest.raises(ImportError) as raised:
        newsclean.spark.clean_dataframe(None)  # type: ignore[arg-type]
    message = str(raised.value)
    assert message.startswith("newsclean.spark needs pyspark, pandas and pyarrow (")
    assert "pyarrow" in message.split("(", 1)[1]
    assert message.endswith("): pip install 'newsclean[spark]'")


def test_importing_newsclean_imports_no_spark() -> None:
    code = (
        "import sys, newsclean, newsclean.spark;"
        " print(sorted({'pyspark', 'pandas', 'pyarrow'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# The docs' examples run ----------------------------------------------------------------------


def test_the_docstring_example_runs(spark: SparkSession) -> None:
    tests = doctest.DocTestFinder().find(newsclean.spark, globs={"spark": spark})
    [test] = [test for test in tests if test.name == "newsclean.spark"]
    for example in test.examples:
        example.options = {}  # run what the module's doctest run skips
    runner = doctest.DocTestRunner()
    result = runner.run(test)
    assert (result.failed, result.attempted) == (0, len(test.examples))


def test_the_docs_example_runs(spark: SparkSession, capsys: pytest.CaptureFixture[str]) -> None:
    doc = (ROOT / "docs" / "spark.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, re.DOTALL)
    assert blocks
    namespace: dict[str, Any] = {"spark": spark}
    for block in blocks:
        exec(block, namespace)
    out = capsys.readouterr().out
    assert "|Floods close schools|Rain fell all week.|[Rain fell all week.]|" in out
    assert re.search(r"^\|null +\|null +\|null +\|$", out, re.MULTILINE | re.IGNORECASE)


def test_the_integrations_doc_example_runs(
    spark: SparkSession, capsys: pytest.CaptureFixture[str]
) -> None:
    """docs/integrations.md's Spark script (its getOrCreate() gets this module's session)."""
    doc = (ROOT / "docs" / "integrations.md").read_text("utf-8")
    [section] = re.findall(r"^## Spark.*?(?=^## |\Z)", doc, re.MULTILINE | re.DOTALL)
    [code] = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    [output] = re.findall(r"```text\n(.*?)```", section, re.DOTALL)
    namespace: dict[str, Any] = {"__name__": "__main__"}
    exec(code, namespace)
    assert namespace["spark"] is spark
    assert capsys.readouterr().out == output


def test_the_example_job_writes_parquet(spark: SparkSession, tmp_path: Path) -> None:
    job = _load_example_job()
    rows = ROWS[:20] + ROWS[-1:]
    source = tmp_path / "pages.jsonl"
    with source.open("w", encoding="utf-8") as file:
        for id_, text, title, url in rows:
            file.write(json.dumps({"id": id_, "text": text, "title": title, "url": url}) + "\n")
    job.run(spark, str(source), str(tmp_path / "out.parquet"))  # title and url: by default
    written = spark.read.parquet(str(tmp_path / "out.parquet"))
    assert clean_columns(written) == [expected_row(*row[1:]) for row in rows]


def _load_example_job() -> Any:
    path = ROOT / "examples" / "spark_job.py"
    spec = importlib.util.spec_from_file_location("spark_job", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
