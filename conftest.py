"""pytest settings for the whole tree (``tests/conftest.py`` has the tests' own).

The doctest run (``--doctest-modules`` over ``src``) imports every module. A module
that needs an optional extra at import time is left out of it when the extra is not
installed, as the extra's tests skip; ``.ci/run`` installs the extras, so CI runs it.
"""

from __future__ import annotations

import importlib

collect_ignore: list[str] = []
try:
    importlib.import_module("newsclean.integrations.datatrove")
except ImportError:  # no datatrove: pip install 'newsclean[datatrove]'
    collect_ignore.append("src/newsclean/integrations/datatrove.py")
