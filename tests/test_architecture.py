"""The architecture's import contracts (pyproject.toml, [tool.importlinter]): the core, and the
`check`, `print` and `search` commands, never import Textual; the app never reads content files;
the store's index never imports the store (`store/background.py` runs a build in its own process)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout
