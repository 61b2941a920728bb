"""Make docs/review.png: the review page of the seed page, rendered by headless Chromium.

    python3 docs/make_review_png.py            # needs chromium (Debian: apt-get install chromium)

Run it again after changing the look of the review (newsclean/review.py).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import newsclean

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "iran-mek.txt"
PICTURE = ROOT / "docs" / "review.png"
WINDOW = "1280,2150"


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("make_review_png: chromium is not installed", file=sys.stderr)
        return 1
    article = newsclean.clean(SEED.read_bytes())
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "review.html"
        page.write_text(article.to_html(), encoding="utf-8")
        subprocess.run(
            [
                *(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic"),
                *("--no-first-run", "--disable-background-networking", "--disable-sync"),
                *("--disable-component-update", "--hide-scrollbars"),
                f"--user-data-dir={Path(folder) / 'profile'}",
                f"--screenshot={PICTURE}",
                f"--window-size={WINDOW}",
                page.as_uri(),
            ],
            capture_output=True,
            timeout=120,
            check=True,
        )
    print(f"wrote {PICTURE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
