"""Fuzz ``newsclean.clean`` outside CI, with far more generated inputs than the test suite.

Every input must give an Article that keeps the provenance invariants and is
idempotent (see ``invariants.py``); the first failure is shrunk by hypothesis
to a minimal example and printed. Run from the repository root::

    python tests/fuzz_clean.py                    # 20 000 examples of each kind
    python tests/fuzz_clean.py --examples 200000  # a night's run
"""

from __future__ import annotations

import argparse

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from invariants import check_invariants  # tests/ is first on sys.path when run as a script
from test_properties import PAGES, TITLES

KINDS = {
    "realistic pages": PAGES,
    "arbitrary unicode": st.text(max_size=2000),
    "arbitrary bytes": st.binary(max_size=2000),
}


def fuzz(examples: int) -> None:
    """Run every kind of input for ``examples`` examples; raise on the first failure."""
    for name, inputs in KINDS.items():
        print(f"fuzzing {name}: {examples} examples", flush=True)

        @settings(
            max_examples=examples,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(inputs, TITLES)
        def one(text: str | bytes, title: str | None) -> None:
            article = newsclean.clean(text, title=title)
            check_invariants(article, title=article.title)

        one()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=20_000, help="examples per kind")
    fuzz(parser.parse_args().examples)
    print("no failure found")


if __name__ == "__main__":
    main()
