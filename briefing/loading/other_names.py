"""`other_names:` in `briefing.md`: the names readers use for what the briefing calls otherwise.

    other_names:
      - [Russia, Moscow, Kremlin]     # the briefing's name first, then the readers'

Each group must name something else after its first member, and a reader's name may stand for
one thing only (else a search for it could not say which it meant): problems at the group's line.
"""

from __future__ import annotations

from briefing.loading.frontmatter import FrontMatter
from briefing.model import Problem, Severity

KEY = "other_names"


def other_names(meta: FrontMatter) -> tuple[tuple[str, ...], ...]:
    """The valid groups of `other_names`, each problem added to `meta.problems`."""
    value = meta.data.get(KEY)
    if isinstance(value, list) and any(isinstance(group, list) and len(group) < 2 for group in value):
        for number, group in enumerate(value):
            if isinstance(group, list) and len(group) < 2:
                named = f"`{group[0]}`" if group else "an empty group"
                meta.problems.append(
                    _problem(meta, number, f"`{KEY}`: {named} gives no other name; list them after it")
                )
    groups = meta.groups(KEY)
    if not groups or not isinstance(value, list):
        return groups
    meant: dict[str, str] = {}
    for number, raw in enumerate(value):  # numbered as written, for the line of each group
        group = [" ".join(str(item).split()) for item in raw]
        for name in group[1:]:
            folded = name.casefold()
            earlier = meant.get(folded)
            if earlier is not None and earlier != group[0].casefold():
                meta.problems.append(
                    _problem(meta, number, f"`{KEY}`: `{name}` stands for two things: {earlier} and {group[0]}")
                )
            meant.setdefault(folded, group[0].casefold())
    return groups


def _problem(meta: FrontMatter, number: int, message: str) -> Problem:
    return Problem(meta.shown_as, _group_line(meta, number), Severity.WARNING, message)


def _group_line(meta: FrontMatter, number: int) -> int:
    """The file line of the group at index `number` when written one per line (`- [...]`), else
    the line of the key."""
    key_line = meta.line_of(KEY)
    lines = meta.text.splitlines()[key_line - meta.first_line + 1 :]
    seen = -1
    for offset, line in enumerate(lines, start=1):
        stripped = line.strip()
        if line and not line[0].isspace() and not stripped.startswith("-"):
            break  # the next key
        if stripped.startswith("-"):
            seen += 1
            if seen == number:
                return key_line + offset
    return key_line
