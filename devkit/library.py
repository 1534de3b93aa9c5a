"""A library of briefings to test and photograph the shelf with: the test fixtures copied into
an authors' folder and linked into a library folder, as `briefing add` would."""

from __future__ import annotations

import shutil
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def make_library(root: Path, *names: str) -> Path:
    """`root/library`, holding links to copies of the named fixtures (`root/authors/NAME`).
    The broken fixture's title is the minimal one's, so it is renamed "Broken briefing"."""
    library = root / "library"
    library.mkdir(parents=True)
    for name in names:
        folder = shutil.copytree(FIXTURES / name, root / "authors" / name)
        if name == "broken":
            header = folder / "briefing.md"
            header.write_text(
                header.read_text(encoding="utf-8").replace("Test briefing", "Broken briefing", 1), encoding="utf-8"
            )
        (library / name).symlink_to(folder)
    return library
