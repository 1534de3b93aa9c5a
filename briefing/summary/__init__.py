"""The one-page printed summary (`briefing print`): built once from a `Briefing`, fitted to one
page by one rule, rendered as text, Markdown, HTML or PDF.

Importing this package is cheap: fpdf2 loads only when a PDF or HTML page is measured.
"""

from __future__ import annotations

from briefing.summary.build import FittedSummary, Summary, UnknownTopicError, build_summary, fit_summary
from briefing.summary.handout import FORMATS, PAPER_NAMES, Handout, make_handout, write_handouts

__all__ = [
    "FORMATS",
    "PAPER_NAMES",
    "FittedSummary",
    "Handout",
    "Summary",
    "UnknownTopicError",
    "build_summary",
    "fit_summary",
    "make_handout",
    "write_handouts",
]
