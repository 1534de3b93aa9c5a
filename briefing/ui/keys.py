"""Every key binding of the app by its id: what `briefing keys` lists and a keymap may rebind.

Read from the classes' `BINDINGS`, so the list cannot drift from what the app does.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode

from briefing.ui.app import BriefingApp
from briefing.ui.screens.compare import CompareScreen
from briefing.ui.screens.dialogs import ChooseOutletScreen, HelpScreen, ProblemsScreen
from briefing.ui.screens.listing import ListingScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.outlet import OutletClaim, OutletScreen
from briefing.ui.screens.shelf import ShelfScreen
from briefing.ui.shelf_app import ShelfApp
from briefing.ui.widgets.search_bar import SearchInput
from briefing.ui.widgets.search_results import SearchResults
from briefing.ui.widgets.topic_list import TopicList
from briefing.ui.widgets.topic_pane import TopicPane

#: Where bindings are declared, roughly in the order a reader meets them.
OWNERS: tuple[type[DOMNode], ...] = (
    BriefingApp,
    ShelfApp,
    ShelfScreen,
    MainScreen,
    TopicPane,
    TopicList,
    SearchInput,
    SearchResults,
    OutletScreen,
    OutletClaim,
    CompareScreen,
    ListingScreen,
    HelpScreen,
    ProblemsScreen,
    ChooseOutletScreen,
)


@dataclass(frozen=True)
class KeyBinding:
    id: str
    keys: tuple[str, ...]
    description: str
    tooltip: str = ""


def key_bindings(keymap: Mapping[str, str] | None = None) -> list[KeyBinding]:
    """One entry per binding id, with its keys (a keymap's, where it rebinds the id).

    An id declared in two places (the pane's ←/→ and the screen's "next topic") is one entry
    with the keys of both.
    """
    found: dict[str, KeyBinding] = {}
    for owner in OWNERS:
        for binding in _declared(owner):
            if not isinstance(binding, Binding) or binding.id is None:
                continue
            keys = tuple(key.strip() for key in binding.key.split(","))
            seen = found.get(binding.id)
            if seen is not None:
                keys = tuple(dict.fromkeys(seen.keys + keys))
            found[binding.id] = KeyBinding(
                binding.id,
                keys,
                (seen.description if seen else "") or binding.description,
                (seen.tooltip if seen else "") or binding.tooltip,
            )
    if keymap:
        for binding_id, keys_text in keymap.items():
            if binding_id in found:
                rebound = tuple(key.strip() for key in keys_text.split(","))
                found[binding_id] = KeyBinding(
                    binding_id, rebound, found[binding_id].description, found[binding_id].tooltip
                )
    return list(found.values())


def binding_ids() -> frozenset[str]:
    """Every id a keymap may name."""
    return frozenset(binding.id for binding in key_bindings())


def unnamed_bindings() -> list[str]:
    """Bindings declared without an id (none should be: an id is what a keymap rebinds)."""
    return [
        f"{owner.__name__}: {binding.key}"
        for owner in OWNERS
        for binding in _declared(owner)
        if isinstance(binding, Binding) and not binding.id
    ]


def _declared(owner: type[DOMNode]) -> list:
    """The bindings a class of ours declares itself (Textual's own, inherited, are not ours to list)."""
    return list(vars(owner).get("BINDINGS", []))
