"""Build once, fit per format, render: the one entry point the CLI and the app use.

Text and Markdown are fitted with the text measure (60 lines x 80 cells) and never import fpdf;
PDF and HTML are fitted with the PDF measure (real heights with the shipped font).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Briefing
from briefing.summary.build import FONT_SIZES, FittedSummary, Summary, build_summary, fit_summary
from briefing.summary.text import render_text, text_fits

FORMATS = ("text", "markdown", "html", "pdf")
PAPER_NAMES = ("a4", "letter")
PDF_NAME = "briefing-summary.pdf"
TEXT_NAME = "briefing-summary.txt"


@dataclass(frozen=True)
class Handout:
    data: bytes  # the rendered file (UTF-8 for the text formats)
    summary: Summary  # what was rendered, after fitting
    actions: tuple[str, ...]  # what fitting shortened, one line each


def fit_for(summary: Summary, fmt: str, paper: str = "a4") -> FittedSummary:
    if fmt in ("text", "markdown"):
        return fit_summary(summary, text_fits)
    from briefing.summary.pdf import PdfMeasure  # fpdf only when a page is measured

    return fit_summary(summary, PdfMeasure(paper), FONT_SIZES)


def render(fitted: FittedSummary, fmt: str, paper: str = "a4") -> Handout:
    summary, actions = fitted.summary, fitted.actions
    if fmt == "text":
        data = render_text(summary).encode("utf-8")
    elif fmt == "markdown":
        from briefing.summary.markdown import render_markdown

        data = render_markdown(summary).encode("utf-8")
    elif fmt == "html":
        from briefing.summary.html import render_html

        data = render_html(summary, paper).encode("utf-8")
    elif fmt == "pdf":
        from briefing.summary.pdf import missing_glyphs, render_pdf

        data = render_pdf(summary, paper)
        if missing := missing_glyphs(summary):
            sample = missing[:12] + ("…" if len(missing) > 12 else "")
            actions += (
                f"the PDF font has no glyph for {len(missing)} character"
                f"{'s' * (len(missing) != 1)} ({sample}); they print blank: use --format text or html",
            )
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return Handout(data, summary, actions)


def make_handout(
    briefing: Briefing, fmt: str = "text", paper: str = "a4", topic_ids: Sequence[str] | None = None
) -> Handout:
    """Build the summary, fit it to one page for `fmt`, render it.

    Raises `UnknownTopicError` when `topic_ids` names a topic the briefing does not have.
    """
    return render(fit_for(build_summary(briefing, topic_ids), fmt, paper), fmt, paper)


def write_handouts(briefing: Briefing, folder: Path, paper: str = "a4") -> list[Path]:
    """Write briefing-summary.pdf and briefing-summary.txt into `folder`; return their paths.

    For the app (run it in a worker thread: the PDF takes a moment). Raises OSError when the
    folder cannot be created or written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summary = build_summary(briefing)  # built once, fitted per format
    written = []
    for fmt, name in (("pdf", PDF_NAME), ("text", TEXT_NAME)):
        handout = render(fit_for(summary, fmt, paper), fmt, paper)
        path = folder / name
        path.write_bytes(handout.data)
        written.append(path)
    return written
