"""Select once, render in every format: the one entry point the CLI and the app use.

Text and Markdown never import fpdf2; measuring the PDF page for the selection is pure
(`typeset.py`), so every format carries the same selection whichever is asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.model import Briefing
from briefing.summary.fit import Measure, select
from briefing.summary.layout import MIN_BODY
from briefing.summary.model import Summary
from briefing.summary.text import TextMeasure, render_text
from briefing.summary.typeset import Typesetter, page_setter

FORMATS = ("text", "markdown", "html", "pdf")
PAPER_NAMES = ("a4", "letter")
PDF_NAME = "briefing-summary.pdf"
TEXT_NAME = "briefing-summary.txt"


@dataclass(frozen=True)
class Handout:
    data: bytes  # the rendered file (UTF-8 for the text formats)
    summary: Summary  # the selection that was rendered
    notes: tuple[str, ...]  # what selecting or rendering left out or cut, one line each, for stderr
    body_size: float | None = None  # PDF and HTML: the body type size chosen for the paper, in points


def page_measures() -> tuple[Measure, ...]:
    """Every page the selection must fit: the text page, and the PDF page on both papers at the
    smallest body size (the PDF and HTML then use the largest size that fits their paper)."""
    return (TextMeasure(), *(Typesetter(paper, MIN_BODY) for paper in PAPER_NAMES))


def select_summary(briefing: Briefing, topic_ids: Sequence[str] | None = None) -> Summary:
    """The one selection for every format and paper.

    Raises `UnknownTopicError` when `topic_ids` names a topic the briefing does not have.
    """
    return select(briefing, page_measures(), topic_ids)


def render(summary: Summary, fmt: str, paper: str = "a4") -> Handout:
    """`summary` in one format; `paper` matters to PDF and HTML only."""
    notes = summary.notes
    if fmt == "text":
        return Handout(render_text(summary).encode("utf-8"), summary, notes)
    if fmt == "markdown":
        from briefing.summary.markdown import render_markdown

        return Handout(render_markdown(summary).encode("utf-8"), summary, notes)
    if fmt not in ("html", "pdf"):
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    setter = page_setter(summary, paper)
    if fmt == "html":
        from briefing.summary.html import render_html

        return Handout(render_html(summary, paper, setter.body).encode("utf-8"), summary, notes, setter.body)
    from briefing.summary.pdf import missing_glyphs, render_pdf

    if missing := missing_glyphs(summary):
        sample = missing[:12] + ("…" if len(missing) > 12 else "")
        notes += (
            f"the PDF font has no glyph for {len(missing)} character"
            f"{'s' * (len(missing) != 1)} ({sample}); they print blank: use --format text or html",
        )
    return Handout(render_pdf(summary, setter), summary, notes, setter.body)


def make_handout(
    briefing: Briefing, fmt: str = "text", paper: str = "a4", topic_ids: Sequence[str] | None = None
) -> Handout:
    """Select, then render in `fmt`. Raises `UnknownTopicError` for an unknown id in `topic_ids`."""
    return render(select_summary(briefing, topic_ids), fmt, paper)


def write_handouts(briefing: Briefing, folder: Path, paper: str = "a4") -> list[Path]:
    """Write briefing-summary.pdf and briefing-summary.txt into `folder`, or -2, -3… when those
    names are taken (a file is never overwritten); return their paths.

    For the app (run it in a worker thread: the PDF takes a moment). Raises OSError when the
    folder cannot be created or written.
    """
    from briefing.atomic import fresh_names, write_atomic

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    summary = select_summary(briefing)  # one selection, both files
    pages = [render(summary, fmt, paper).data for fmt in ("pdf", "text")]
    for paths in fresh_names(folder, (PDF_NAME, TEXT_NAME)):
        if any(path.exists() or path.is_symlink() for path in paths):
            continue
        written: list[Path] = []
        try:
            for path, data in zip(paths, pages, strict=True):
                write_atomic(path, data, replace=False)
                written.append(path)
        except FileExistsError:  # taken meanwhile: give back what we wrote, try the next pair
            for path in written:
                path.unlink()
            continue
        return written
    raise AssertionError("unreachable: fresh_names never ends")
