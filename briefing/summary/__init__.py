"""The one-page handout (`briefing print`): the key points and differences of a briefing, selected
once to fit every page, rendered as text, Markdown, HTML or PDF on A4 or Letter.

Modules: `model` (what goes on the page), `build` (from the briefing, topic by topic), `fit` (the
one fitting rule), `text`/`markdown`/`html`/`pdf` (formats), `typeset`, `metrics` and `layout`
(the PDF page, measured in pure Python), `handout` (select once, render, write).
Importing this package is cheap: fpdf2 loads only when a PDF is painted.
"""

from __future__ import annotations

from briefing.summary.build import UnknownTopicError
from briefing.summary.handout import (
    FORMATS,
    PAPER_NAMES,
    Handout,
    make_handout,
    render,
    select_summary,
    write_handouts,
)
from briefing.summary.model import Summary, TopicSummary

__all__ = [
    "FORMATS",
    "PAPER_NAMES",
    "Handout",
    "Summary",
    "TopicSummary",
    "UnknownTopicError",
    "make_handout",
    "render",
    "select_summary",
    "write_handouts",
]
