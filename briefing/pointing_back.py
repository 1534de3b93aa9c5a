"""A claim that opens on a word pointing back ("He said…", "It is…", "Those talks…") leans on
the claim before it. Search shows the claim alone, and so do side by side and the handout, so
search lends it the names of the claim before (`search.documents`) and `check` asks its author
to name who or what it is about (`loading.validate`)."""

from __future__ import annotations

import re

#: A claim's first word that points back to the claim before it.
POINTING_BACK = frozenset(
    {
        *("it", "its", "he", "his", "him", "she", "her", "they", "their", "them"),
        *("those", "these", "this", "that", "there", "such", "both"),
    }
)
#: Of those, the ones `check` warns about: "There was no sign…" points back to nothing.
_WARNED = POINTING_BACK - {"there"}
WORD = re.compile(r"\b[^\W\d_][\w'’-]*")


def pointing_back(text: str) -> str | None:
    """The first word of `text` when it points back to what came before, else None."""
    first = WORD.match(text.lstrip("\"“‘'( "))
    if first is None or first.group().casefold() not in POINTING_BACK:
        return None
    return first.group()


def leans_on_the_claim_before(text: str) -> str | None:
    """The first word of a claim when `check` should ask for a name in its place, else None."""
    word = pointing_back(text)
    return word if word is not None and word.casefold() in _WARNED else None
