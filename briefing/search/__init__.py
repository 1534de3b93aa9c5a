"""Search the briefing: claims, differences, topics, outlets and the bottom line.

Pure core (no Textual). The UI and the `briefing search` command use::

    index = SearchIndex.build(briefing)
    hits = index.search("zelensky truce", limit=50)    # list[Hit], best first
    highlight_spans(claim.text, query, briefing.variants)  # or index.spans(text, query)
"""

from briefing.search.highlight import highlight_spans
from briefing.search.hit import Hit
from briefing.search.index import SearchIndex

__all__ = ["Hit", "SearchIndex", "highlight_spans"]
