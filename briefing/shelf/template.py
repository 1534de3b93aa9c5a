"""`briefing new DIR`: the smallest briefing that passes `briefing check`, every field explained
in a comment, so an author starts from a working file rather than from the README."""

from __future__ import annotations

import datetime
from pathlib import Path

BRIEFING_MD = """\
---
# The briefing's name: the shelf, the app's header and the handout's first line show it.
title: {title}
# The day this briefing was last brought up to date (YYYY-MM-DD): readers see "as of".
as_of: {today}
# The day of the event it covers (YYYY-MM-DD): the shelf lists the newest event first.
event_date: {today}
# One paragraph a reader must know in twenty seconds; no citations here. `>-` folds the lines.
bottom_line: >-
  What happened, in two or three sentences, in your own words.
# Optional. Spellings search treats as the same word or phrase: [Kyiv, Kiev].
variants:
  - [ceasefire, cease-fire]
# Optional. Other words search also finds, ranked below the word typed.
synonyms:
  - [talks, negotiations]
# Below the front matter, the overview: the headline facts, one per bullet, each ending in the
# outlets that reported it, named by their file in sources/: [@example-outlet] or [@one; @two].
---
- The one fact a reader must leave with. [@example-outlet]
"""

SOURCE_MD = """\
---
# The outlet's full name, as a reader knows it.
outlet: Example Outlet
# The badge shown after every claim it reports (no spaces: it never wraps).
short: Example
# The story's headline, quoted.
headline: "The headline of the story you wrote from"
# The day it was published (YYYY-MM-DD, quoted).
published: "{today}"
# Who wrote it ("not confirmed" when you do not know).
byline: "not confirmed"
# Where it can be found: an address, or the paper and page.
address: "not confirmed"
# Which of the fields above you checked against the story itself.
confirmed: [outlet]
# Optional: the story's own text, a file in the folder `briefing check --against TEXTS` reads.
# text_file: example-outlet.txt
# Provenance caveats, in one sentence.
note: "A placeholder outlet: replace it with the first story you write from."
---
What the outlet reported and how it framed it, in your own words. No citations here.
"""

TOPIC_MD = """\
---
# The topic's name in the sidebar, the palette and the handout.
title: First topic
# Its place in the sidebar (a whole number; the overview is always first).
order: 1
# One line under the title.
summary: What this topic is about, in one line.
# Optional. Other words that should find this topic in search.
aliases: [example]
# Below: one fact per bullet, in your own words, ending in its citations; {key} after them puts
# the claim on the one-page handout. Where outlets disagree, add a "## Where reports differ"
# section, each side with its own outlets (two or more):
#   - **Length of the pause**: 30 days [@one]; no term given [@two].
---
- A fact the outlet reported, with the figure people will ask for: 30 days. [@example-outlet] {key}
"""


class NewError(Exception):
    """`briefing new` cannot write there: the message says why, in one line."""


def write_new_briefing(folder: Path, title: str | None = None, today: datetime.date | None = None) -> list[Path]:
    """Write the starter briefing into `folder` (made if missing, refused if it holds anything)
    and return the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NewError(f"{folder}: {'not a folder' if not folder.is_dir() else 'not empty'}; give a new folder")
    day = (today or datetime.date.today()).isoformat()
    name = title or folder.name.replace("-", " ").replace("_", " ").strip().capitalize() or "New briefing"
    files = {
        folder / "briefing.md": BRIEFING_MD.format(title=_yaml_string(name), today=day),
        folder / "sources" / "example-outlet.md": SOURCE_MD.format(today=day),
        folder / "topics" / "first-topic.md": TOPIC_MD,
    }
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewError(f"{folder}: cannot write ({exc.strerror or exc})") from None
    return list(files)


def _yaml_string(text: str) -> str:
    """A title as one double-quoted YAML scalar, whatever it holds."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{" ".join(escaped.split())}"'
