"""What F1 lists: every key of the screen the reader is on, grouped as a reader thinks of them
(moving, searching, sources, in a meeting, view, app), as their keymap has them."""

from __future__ import annotations

from typing import NamedTuple

from textual.app import App
from textual.screen import Screen

#: Groups in the order F1 shows them.
GROUPS = ("Moving", "Searching", "Sources", "In a meeting", "View", "App")

#: A binding id's group, by its exact id, else by the part before its dot.
_BY_ID = {
    "claim.open_outlet": "Sources",
    "outlet.open": "Sources",
    "outlet.all": "Sources",
    "outlet.more": "Sources",
    "outlet.go_to_claim": "Sources",
    "claim.copy": "In a meeting",
    "topic.copy": "In a meeting",
    "view.figures": "In a meeting",
    "view.quotes": "In a meeting",
    "listing.choose": "In a meeting",
    "app.print": "In a meeting",
    "view.toggle_topics": "View",
    "view.toggle_sources": "View",
}
_BY_PREFIX = {
    "topic": "Moving",
    "topics": "Moving",
    "claim": "Moving",
    "history": "Moving",
    "outlet": "Moving",
    "compare": "Moving",
    "listing": "Moving",
    "search": "Searching",
    "choose": "Sources",
    "app": "App",
    "help": "App",
    "problems": "App",
}

NUMBER_IDS = tuple(f"topic.{n}" for n in (*range(1, 10), 0))


class HelpRow(NamedTuple):
    keys: str
    description: str
    tip: str
    group: str


def group_of(binding_id: str) -> str:
    return _BY_ID.get(binding_id) or _BY_PREFIX.get(binding_id.split(".", maxsplit=1)[0], "App")


def help_rows(app: App, screen: Screen) -> list[HelpRow]:
    """One row per binding of ours that applies on `screen` (they all carry an id), every key
    shown, grouped (`GROUPS`) in the order they are declared.

    Textual splits "down,j" into one binding per key; they share the id, so they are grouped by
    it. A binding hidden for now (the problems key with no problems) is still listed: F1 lists
    every key.
    """
    keys: dict[str, list[str]] = {}
    about: dict[str, tuple[str, str]] = {}
    for _key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.id or not binding.description:
            continue
        keys.setdefault(binding.id, []).append(app.get_key_display(binding))
        description, tooltip = about.get(binding.id, ("", ""))  # an id can be bound in two places
        about[binding.id] = (description or binding.description, tooltip or binding.tooltip)
    rows = [HelpRow(", ".join(dict.fromkeys(keys[i])), *about[i], group_of(i)) for i in keys if i not in NUMBER_IDS]
    numbers = [keys[i][0] for i in NUMBER_IDS if i in keys]
    if numbers:
        shown = "1…9, 0" if numbers == [*map(str, range(1, 10)), "0"] else " ".join(numbers)
        tip = "The numbers in the topic list; 0 is 10; two digits typed together reach 10 and up"
        rows.append(HelpRow(shown, "Go to topic by number", tip, "Moving"))
    palette = app.COMMAND_PALETTE_BINDING.replace("ctrl+", "^")
    rows.append(HelpRow(palette, "Command palette", "Every topic, outlet and action by name; themes", "App"))
    return sorted(rows, key=lambda row: GROUPS.index(row.group))
