"""``NewscleanFormatter`` in a real datatrove ``LocalPipelineExecutor`` gives what
``newsclean.clean`` gives.

Each run reads fixture pages from JSON Lines files in ``tmp_path`` (JsonlReader),
cleans them (NewscleanFormatter) and writes JSON Lines (JsonlWriter); the written
records are compared whole with ``newsclean.clean()`` of the same pages. The
datatrove tests skip only when datatrove cannot be imported, and fail instead under
CI (``CI`` set), whose ``.ci/run`` installs the ``datatrove`` extra.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import os
import pickle
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Article, Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = [*sorted(FIXTURES.glob("pages/*.txt"))[:8], FIXTURES / "seed" / "iran-mek.txt"]
SUMMARY_KEYS = ("newsclean_title", "newsclean")


def datatrove_missing() -> str | None:
    """Why the datatrove tests cannot run here, or None."""
    if importlib.util.find_spec("datatrove") is None:
        return "datatrove is not installed: pip install 'newsclean[datatrove]'"
    if importlib.util.find_spec("orjson") is None:
        return "orjson (for datatrove's JSON Lines reader and writer) is not installed"
    return None


@pytest.fixture
def needs_datatrove() -> None:
    reason = datatrove_missing()
    if reason and os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the datatrove tests (.ci/run installs the extra)")
    if reason:
        pytest.skip(reason)


# Pages and what clean() makes of them ---------------------------------------------------------


def page_records() -> list[dict[str, Any]]:
    """One JSON Lines record per page, with the metadata the formatter may read.

    Pages take turns: a known title (or none), a url, a language as datatrove's
    LanguageFilter writes it ("en"), one it writes with GlotLID ("eng_Latn", not
    passed on), or none.
    """
    records = []
    for i, page in enumerate(PAGES):
        expected = json.loads(page.with_name(page.stem + ".expected.json").read_text("utf-8"))
        record: dict[str, Any] = {"id": page.stem, "text": page.read_text("utf-8")}
        if expected.get("given_title"):
            record["title"] = expected["given_title"]
        elif i % 3 == 1:
            record["title"] = ""  # empty: find the headline in the text
        record["url"] = f"https://news.example/{page.stem}"
        record["language"] = ("en", "eng_Latn", None)[i % 3]
        records.append(record)
    return records


RECORDS = page_records()


def expected_summary(article: Article) -> dict[str, Any]:
    """The ``newsclean`` metadata entry, computed from the article's Change objects."""
    removed: Counter[str] = Counter()
    for change in article.changes:
        removed[change.pass_name] += len(change.removed)
    return {
        "changes": dict(Counter(change.pass_name for change in article.changes)),
        "removed_chars": dict(removed),
        "chars_in": len(article.original),
        "chars_out": len(article.text),
        "language": article.language,
    }


def expected_output(
    record: dict[str, Any], file_path: str, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """The record JsonlWriter must write for ``record`` after the formatter."""
    language = record["language"] if record["language"] == "en" else None
    article = newsclean.clean(
        record["text"],
        title=record.get("title") or None,
        url=record["url"],
        language=language,
        pipeline=pipeline,
    )
    metadata = {key: value for key, value in record.items() if key not in ("id", "text")}
    metadata["file_path"] = file_path
    metadata["newsclean_title"] = article.title
    metadata["newsclean"] = expected_summary(article)
    return {"text": article.text, "id": record["id"], "metadata": metadata}


# Running datatrove ---------------------------------------------------------------------------


def write_inputs(folder: Path, files: int) -> None:
    """The records in ``files`` JSON Lines files (one a task: datatrove shards by file)."""
    folder.mkdir()
    for n in range(files):
        with (folder / f"pages-{n}.jsonl").open("w", encoding="utf-8") as file:
            for record in RECORDS[n::files]:
                file.write(json.dumps(record) + "\n")


def run_datatrove(
    tmp_path: Path, formatter: Any, *, files: int = 1, tasks: int = 1, workers: int = 1
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Run reader -> formatter -> writer; returns the written records by id, and the
    formatter's stats from ``stats.json``."""
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    write_inputs(tmp_path / "in", files)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            formatter,
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=tasks,
        workers=workers,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    written: dict[str, dict[str, Any]] = {}
    for path in sorted((tmp_path / "out").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            written[record["id"]] = record
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text("utf-8"))
    [step] = [step for step in stats if "newsclean" in step["name"]]
    return written, step["stats"]


def check_outputs(
    written: dict[str, dict[str, Any]], tmp_path: Path, pipeline: Pipeline | None = None
) -> None:
    assert sorted(written) == sorted(record["id"] for record in RECORDS)
    for record in RECORDS:
        file_path = written[record["id"]]["metadata"]["file_path"]
        assert Path(file_path).parent == tmp_path / "in"
        assert written[record["id"]] == expected_output(record, file_path, pipeline)


def total(stat: Any) -> int:
    """A stats.json entry's total (datatrove writes a bare number for some)."""
    return int(stat["total"] if isinstance(stat, dict) else stat)


def test_one_task_gives_what_clean_gives(needs_datatrove: None, tmp_path: Path) -> None:
    from newsclean.integrations.datatrove import NewscleanFormatter

    written, stats = run_datatrove(tmp_path, NewscleanFormatter())
    check_outputs(written, tmp_path)

    articles = [
        newsclean.clean(r["text"], title=r.get("title") or None, language=r["language"])
        for r in RECORDS
    ]
    assert total(stats["total"]) == len(RECORDS)
    assert total(stats["changed"]) == sum(bool(a.changes) for a in articles) == len(RECORDS)
    assert total(stats["with_title"]) == sum(bool(a.title) for a in articles)
    removed = sum(len(c.removed) for a in articles for c in a.changes)
    assert total(stats["removed_chars"]) == removed
    per_pass = Counter(c.pass_name for a in articles for c in a.changes)
    assert {k.removeprefix("changes_"): total(v) for k, v in stats.items() if "changes_" in k} == (
        dict(per_pass)
    )
    assert total(stats["doc_len"]) == sum(len(a.text) for a in articles)


def test_two_tasks_in_two_worker_processes(needs_datatrove: None, tmp_path: Path) -> None:
    from newsclean.integrations.datatrove import NewscleanFormatter

    written, stats = run_datatrove(tmp_path, NewscleanFormatter(), files=2, tasks=2, workers=2)
    check_outputs(written, tmp_path)
    assert total(stats["total"]) == len(RECORDS)


def test_a_factory_is_called_once_per_task(needs_datatrove: None, tmp_path: Path) -> None:
    from newsclean.integrations.datatrove import NewscleanFormatter

    calls: list[int] = []
    pipeline = Pipeline.default().disable("strip_cruft_lines")

    def factory() -> Pipeline:
        calls.append(1)
        return pipeline

    # One worker runs the two tasks one after the other, each on its own copy of the step.
    written, _ = run_datatrove(tmp_path, NewscleanFormatter(factory), files=2, tasks=2)
    check_outputs(written, tmp_path, pipeline)
    assert len(calls) == 2


def test_options_choose_the_metadata_keys(needs_datatrove: None) -> None:
    from datatrove.data import Document

    from newsclean.integrations.datatrove import NewscleanFormatter

    record = RECORDS[0]
    doc = Document(text=record["text"], id="1", metadata={"headline": "A given headline"})
    formatter = NewscleanFormatter(
        title_key="headline",
        url_key=None,
        language_key=None,
        title_output_key="clean_title",
        summary_key=None,
    )
    [out] = formatter.run([doc])
    article = newsclean.clean(record["text"], title="A given headline")
    assert (out.text, out.metadata) == (
        article.text,
        {"headline": "A given headline", "clean_title": "A given headline"},
    )
    assert formatter.format(record["text"]) == newsclean.clean(record["text"]).text


def test_the_built_pipeline_is_not_pickled(needs_datatrove: None) -> None:
    from datatrove.data import Document

    from newsclean.integrations.datatrove import NewscleanFormatter

    formatter = NewscleanFormatter()
    list(formatter.run([Document(text=RECORDS[0]["text"], id="1")]))
    assert formatter._pipeline is not None  # built on first use
    for shipped in (pickle.loads(pickle.dumps(formatter)), copy.deepcopy(formatter)):
        assert shipped._pipeline is None
        assert repr(shipped.pipeline) == repr(Pipeline.default())
    given = Pipeline.default().disable("extract_headline")
    assert pickle.loads(pickle.dumps(NewscleanFormatter(given))).pipeline == given


def test_a_factory_that_returns_no_pipeline_is_named(needs_datatrove: None) -> None:
    from newsclean.integrations.datatrove import NewscleanFormatter

    factory: Callable[[], Any] = dict
    formatter = NewscleanFormatter(factory)
    message = "the pipeline factory <class 'dict'> returned dict, not a newsclean.Pipeline"
    with pytest.raises(TypeError, match=re.escape(message)):
        formatter.format("text")


# Without datatrove ---------------------------------------------------------------------------


def test_without_datatrove_the_import_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [name for name in sys.modules if name.startswith("datatrove.")]:
        monkeypatch.setitem(sys.modules, name, None)
    monkeypatch.setitem(sys.modules, "datatrove", None)  # makes `import datatrove...` fail
    monkeypatch.delitem(sys.modules, "newsclean.integrations.datatrove", raising=False)
    with pytest.raises(ImportError) as raised:
        importlib.import_module("newsclean.integrations.datatrove")
    message = str(raised.value)
    assert message.startswith("newsclean.integrations.datatrove needs datatrove (")
    assert "datatrove" in message.split("(", 1)[1]
    assert message.endswith("): pip install 'newsclean[datatrove]'")


def test_importing_newsclean_imports_no_datatrove() -> None:
    code = "import sys, newsclean, newsclean.integrations; print('datatrove' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
