"""`briefing print --format pdf`, read back from the real file: one page of the right paper, a body of
9 pt or more (median of the page's characters), nothing under 7.5 pt, nothing in the half-inch band
office printers cannot reach, every glyph present."""

from __future__ import annotations

import io
import statistics
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.summary import make_handout, write_handouts
from briefing.summary.metrics import BOLD_FILE, REGULAR_FILE, font
from devkit.synthetic import make_synthetic_briefing

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
FONTS = Path(__file__).resolve().parent.parent / "briefing" / "fonts"
#: The issue's legibility rules, stated here rather than read from the code under test.
PAPERS = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}
MIN_BODY, MIN_TYPE, BAND = 9.0, 7.5, 36.0


def _wide_glyphs():
    """Capitals and dashes: one text column each, but wider than a column in the PDF, so the PDF
    page is the tightest and its body comes down to the 9 pt floor."""
    from briefing.model import Briefing, Claim, ClaimPart, Header, Section, Topic

    briefing = make_synthetic_briefing(0)
    text = " ".join(["WWW—MMM WMW"] * 5)
    topics = [
        Topic(
            f"t{n}",
            f"WIDE {n}",
            n,
            "",
            (
                Section(
                    "",
                    tuple(
                        Claim(f"t{n}/{i}", f"t{n}", "", (ClaimPart(text, ("alpha",)),), False, "p", i, "", True)
                        for i in range(3)
                    ),
                ),
            ),
            "p",
        )
        for n in range(1, 30)
    ]
    return Briefing.from_topics(Header("Wide", "2026", "2025", "WIDE " * 40), topics, briefing.sources)


BRIEFINGS = {
    "fixture": lambda: load_briefing(FIXTURE),
    "bundled": lambda: load_briefing(bundled_content_dir()),
    "hostile": lambda: load_briefing(HOSTILE),
    "forty-topics": lambda: make_synthetic_briefing(40),
    "ten-thousand-topics": lambda: make_synthetic_briefing(10_000),
    "wide-glyphs": _wide_glyphs,
}


def test_a_page_the_pdf_constrains_comes_down_to_the_floor_and_no_further() -> None:
    for paper in PAPERS:
        assert MIN_BODY <= make_handout(_wide_glyphs(), "pdf", paper).body_size < 9.5


def _pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("which", list(BRIEFINGS))
def test_one_legible_page_inside_the_printable_area(which: str, paper: str) -> None:
    handout = make_handout(BRIEFINGS[which](), "pdf", paper)
    assert handout.data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(handout.data))
    assert len(reader.pages) == 1
    width, height = PAPERS[paper]
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - width) < 1 and abs(float(box.height) - height) < 1
    with _pdf(handout.data) as pdf:
        page = pdf.pages[0]
        chars = [char for char in page.chars if char["text"].strip()]
        sizes = [char["size"] for char in chars]
        assert statistics.median(sizes) >= MIN_BODY, statistics.median(sizes)
        assert min(sizes) >= MIN_TYPE - 0.01, min(sizes)
        for shape in (*chars, *page.rects, *page.lines):
            assert shape["x0"] >= BAND and shape["x1"] <= width - BAND, shape
            assert shape["top"] >= BAND and shape["bottom"] <= height - BAND, shape
    assert handout.body_size is not None and handout.body_size >= MIN_BODY


def test_the_bundled_handout_carries_every_topic_at_nine_points_or_more() -> None:
    for paper in PAPERS:
        handout = make_handout(load_briefing(bundled_content_dir()), "pdf", paper)
        with _pdf(handout.data) as pdf:
            sizes = [char["size"] for char in pdf.pages[0].chars if char["text"].strip()]
        assert statistics.median(sizes) == pytest.approx(handout.body_size, abs=0.01)
        # Since issue 19 the page carries all 11 topics and the call's length: 9.25 pt on A4, 9 on Letter.
        assert handout.body_size >= MIN_BODY, (paper, handout.body_size)
        assert not handout.summary.left_out.count and len(handout.summary.topics) == 11


def test_font_widths_match_what_fpdf_draws() -> None:
    """The page is measured with our width table; fpdf2 draws with the font's own. Same numbers."""
    from fpdf.fonts import TTFFont

    from briefing.summary.pdf import new_pdf

    pdf = new_pdf("a4")
    for style, name in (("", REGULAR_FILE), ("B", BOLD_FILE)):
        fpdf_font: TTFFont = pdf.fonts[f"dejavu{style}"]
        ours = font(bold=style == "B")
        assert ours.missing == fpdf_font.desc.missing_width
        for code, width in fpdf_font.cw.items():
            assert ours.width(chr(code), 1000) == width, (name, hex(code))
        for char in "中👍":  # not in DejaVu Sans: both fall back to the missing width
            assert ours.width(char, 1000) == fpdf_font.cw[ord(char)] == ours.missing


def test_the_laid_out_page_is_the_drawn_page() -> None:
    """Every line of text lands where the layout put it, at the width it was measured."""
    from briefing.summary import select_summary
    from briefing.summary.typeset import Text, page_setter

    summary = select_summary(load_briefing(bundled_content_dir()))
    setter = page_setter(summary, "a4")
    runs = [d for d in setter.page(summary).drawings if isinstance(d, Text) and d.text.strip()]
    with _pdf(make_handout(load_briefing(bundled_content_dir()), "pdf", "a4").data) as pdf:
        chars = pdf.pages[0].chars
    for run in runs:
        # pdfminer boxes a character from the baseline down by the font's descent (0.236 em).
        on_line = [
            c for c in chars if abs(c["bottom"] - (run.y + 0.236 * run.size)) < 0.5 and abs(c["size"] - run.size) < 0.01
        ]
        measured = font(run.bold).width(run.text, run.size)
        assert any(abs(c["x0"] - run.x) < 0.05 and c["text"] == run.text[0] for c in on_line), run
        assert any(abs(c["x1"] - (run.x + measured)) < 0.05 and c["text"] == run.text[-1] for c in on_line), run


def test_unicode_text_survives_into_the_pdf(tmp_path: Path) -> None:
    root = tmp_path / "content"
    (root / "topics").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "briefing.md").write_text(
        "---\ntitle: Звонок — “quotes” test\nas_of: '2026-01-02'\nevent_date: '2025-03-18'\n"
        "bottom_line: Both sides spoke – at length.\n---\n"
        "- „Зеленский“ said the talks were “serious” — and ‘long’. [@kyiv] {key}\n",
        encoding="utf-8",
    )
    (root / "topics" / "energy.md").write_text(
        "---\ntitle: Энергетика\norder: 1\nsummary: Pause.\n---\n"
        "- The pause covers energy sites. [@kyiv]\n\n## Where reports differ\n\n"
        "- **Срок**: тридцать дней [@kyiv]; no term given [@west].\n",
        encoding="utf-8",
    )
    for source_id, short in (("kyiv", "Київ Пост"), ("west", "West")):
        (root / "sources" / f"{source_id}.md").write_text(
            f"---\noutlet: {short} News\nshort: {short}\nheadline: H\npublished: '2025-03-18'\n"
            "byline: none\naddress: https://x.example\nconfirmed: [outlet]\nnote: Test.\n---\nText.\n",
            encoding="utf-8",
        )
    briefing = load_briefing(root)
    assert briefing.problems == ()
    handout = make_handout(briefing, "pdf")
    text = pypdf.PdfReader(io.BytesIO(handout.data)).pages[0].extract_text()
    for expected in ("„Зеленский“", "“serious”", "‘long’", "Энергетика", "[Київ Пост]", "тридцать дней", "Звонок"):
        assert expected in text, expected
    assert not any("glyph" in note for note in handout.notes)
    # The same content with two characters DejaVu Sans lacks: said on stderr, not dropped silently.
    path = root / "topics" / "energy.md"
    path.write_text(path.read_text(encoding="utf-8").replace("energy sites", "能源 sites"), encoding="utf-8")
    notes = make_handout(load_briefing(root), "pdf").notes
    assert any("no glyph for 2 characters (能源)" in note for note in notes)


def test_write_handouts_for_the_app(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "nested"
    paths = write_handouts(load_briefing(FIXTURE), folder, paper="letter")
    assert [path.name for path in paths] == ["briefing-summary.pdf", "briefing-summary.txt"]
    assert all(path.parent == folder and path.stat().st_size > 0 for path in paths)
    reader = pypdf.PdfReader(paths[0])
    assert len(reader.pages) == 1 and abs(float(reader.pages[0].mediabox.height) - 792) < 1
    assert paths[1].read_text(encoding="utf-8").startswith("Test briefing\n")
