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
    """What in a claim `check` should ask to name instead, else None: its first word when that
    points back ("He"), or "those"/"these" and the word after them anywhere ("where those talks
    would start": which talks?). Quoted words are the speaker's and are left alone."""
    word = pointing_back(text)
    if word is not None and word.casefold() in _WARNED:
        return word
    found = _DEMONSTRATIVE.search(_QUOTED.sub(" ", text))
    return found.group() if found else None


#: "those talks", "these demands": a thing named in an earlier claim.
_DEMONSTRATIVE = re.compile(r"\b(?:[Tt]hose|[Tt]hese) [^\W\d_][\w'’-]*")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
