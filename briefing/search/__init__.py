"""Search the briefing: claims, differences, topics, outlets and the bottom line.

Pure core (no Textual). The UI and the `briefing search` command use::

    index = SearchIndex.build(briefing)
    hits = index.search("how many prisoners", limit=50)   # list[Hit], best first
    index.spans(claim.text, query)                         # what to mark in a text

Modules, in the order a query meets them: `normalize` (text → words), `language` (stems, stop
words, figures), `variants` and `synonyms` (the briefing's own equivalences), `query` (parsing),
`documents` (what is searchable), `index` (postings and statistics behind `IndexStore`),
`expansion` (query words → vocabulary words), `ranking` (scoring), `engine` (`SearchIndex`).
"""

from briefing.search.engine import SearchIndex
from briefing.search.hit import Hit

__all__ = ["Hit", "SearchIndex"]
