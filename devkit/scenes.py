"""Named key sequences that bring up each screen, shared by the snapshot tests and the
screenshot script so both always show the same thing."""

from __future__ import annotations

SCENES: dict[str, tuple[str, ...]] = {
    "main": ("3", "down", "down"),
    "search": ("slash", *"prisoner"),
    "search-jump": ("slash", *"zaporozhye", "enter", "n"),
    "outlet": ("2", "o", "1"),
    "choose-outlet": ("2", "o"),
    "all-outlets": ("a",),
    "help": ("f1",),
    "differences": ("2", "end"),
    "figures": ("number_sign", *"175"),
    "quotes": ("quotation_mark",),
}
