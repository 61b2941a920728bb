"""The code shown in the README and the docs runs, and does what they say."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from typing import Any

import pytest

import newsclean

ROOT = Path(__file__).parent.parent
SEED = (ROOT / "tests" / "fixtures" / "seed" / "iran-mek.txt").read_text(encoding="utf-8")


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


@pytest.mark.parametrize(
    "doc", ["README.md", "docs/writing-a-pass.md", "docs/provenance.md", "docs/flags.md"]
)
def test_python_examples_run(doc: str, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = python_blocks(ROOT / doc)
    assert blocks
    namespace = {
        "article": __import__("newsclean").clean(SEED),
        "scraped_text": SEED,
        "text": SEED + "\n(Photo: AP)\n",
        "newsclean": __import__("newsclean"),
    }
    for block in blocks:
        exec(block, namespace)
    if doc == "docs/flags.md":
        assert len(namespace["kept"]) == len(namespace["article"].paragraphs)  # only 0.5 flags
    if doc == "docs/writing-a-pass.md":
        article = namespace["article"]
        removed = [c.removed for c in article.removed_by("strip_photo_credits")]
        assert removed == ["\n\n\xa0\n\n", "(Photo: AP)"]  # the cruft between keeps its pass
        assert article.text.endswith("the “worst crime of the Islamic Republic.”")


def test_readme_starts_with_the_two_setup_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[3].startswith("python3 -m pip install . && newsclean clean ")
    assert lines[4].startswith('python3 -m pip install -e ".[test]" && python3 -m pytest')
    assert 'python3 -m pip install -q -e ".[test]" && python3 -m pytest' in (
        ROOT / ".ci" / "run"
    ).read_text(encoding="utf-8")


# docs/integrations.md: each section's script runs and prints what the doc shows ------------
# (The Spark section runs in tests/test_spark.py, in that module's Spark session.)


def integration_example(tool: str) -> tuple[str, str]:
    """The script of the docs/integrations.md section on ``tool``, and its shown output."""
    doc = (ROOT / "docs" / "integrations.md").read_text(encoding="utf-8")
    [section] = [s for s in re.split(r"^## ", doc, flags=re.MULTILINE) if s.startswith(tool)]
    [code] = re.findall(r"```python\n(.*?)```", section, re.DOTALL)
    [output] = re.findall(r"```text\n(.*?)```", section, re.DOTALL)
    return code, output


def require(module: str, install: str) -> None:
    """Skip without ``module``; under CI (``CI`` set, .ci/run installs it) fail instead."""
    if importlib.util.find_spec(module) is None:
        reason = f"{module} is not installed: {install}"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run this docs example")
        pytest.skip(reason)


def test_the_datatrove_example_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    require("datatrove", "pip install 'newsclean[datatrove]'")
    code, output = integration_example("datatrove")
    monkeypatch.chdir(tmp_path)  # the script writes pages/, clean/ and logs/ where it runs
    exec(code, {"__name__": "__main__"})
    assert capsys.readouterr().out == output


def test_the_pandas_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    require("pandas", "pip install pandas")
    code, output = integration_example("pandas")
    namespace: dict[str, Any] = {"__name__": "__main__"}
    exec(code, namespace)
    pages = namespace["pages"]
    texts = pages["text"].tolist()
    articles = [newsclean.clean(text) if isinstance(text, str) else None for text in texts]

    def column(name: str) -> list[Any]:
        return [value if isinstance(value, (str, list)) else None for value in pages[name]]

    assert column("clean_title") == [a.title if a else None for a in articles]
    assert column("clean_text") == [a.text if a else None for a in articles]
    assert column("changes") == [[c.to_dict() for c in a.changes] if a else None for a in articles]
    assert column("clean_title") == ["Floods close schools", None, None]
    # the table's layout varies with the pandas version; the last line does not
    assert capsys.readouterr().out.splitlines()[-1] == output.splitlines()[-1]
    assert output.splitlines()[-1] == "['Floods close schools', 'Bridge reopens']"
