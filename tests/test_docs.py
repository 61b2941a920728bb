"""The code shown in the README and the docs runs, and does what they say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

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
