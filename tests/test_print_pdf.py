"""`briefing print --format pdf`: exactly one page, the right paper, every glyph present."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")

from briefing.loading.loader import load_briefing  # noqa: E402
from briefing.loading.paths import bundled_content_dir  # noqa: E402
from briefing.summary import make_handout, write_handouts  # noqa: E402
from briefing.summary.build import FONT_SIZES  # noqa: E402
from devkit.synthetic import make_synthetic_briefing  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
SIZES = {"a4": (595.28, 841.89), "letter": (612.0, 792.0)}


def _reader(data: bytes):
    return pypdf.PdfReader(io.BytesIO(data))


def _bundled():
    briefing = load_briefing(bundled_content_dir())
    if not briefing.outline:
        pytest.skip("the bundled content has no topics yet")
    return briefing


BRIEFINGS = {
    "fixture": lambda: load_briefing(FIXTURE),
    "bundled": _bundled,
    "forty-topics": lambda: make_synthetic_briefing(40),
}


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("which", list(BRIEFINGS))
def test_exactly_one_page_of_the_right_paper(which: str, paper: str) -> None:
    handout = make_handout(BRIEFINGS[which](), "pdf", paper)
    assert handout.data.startswith(b"%PDF-")
    reader = _reader(handout.data)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    width, height = SIZES[paper]
    assert abs(float(box.width) - width) < 1 and abs(float(box.height) - height) < 1
    assert FONT_SIZES[-1] <= handout.summary.font_size <= FONT_SIZES[0]


def test_forty_topics_shrink_then_shorten_then_drop() -> None:
    handout = make_handout(make_synthetic_briefing(40), "pdf")
    summary = handout.summary
    assert summary.font_size == FONT_SIZES[-1]
    assert summary.hidden_topics and summary.topics
    text = _reader(handout.data).pages[0].extract_text()
    assert "topics not shown" in text
    assert "more — run" in text
    assert [action.split(" ")[0] for action in handout.actions][:1] == ["font"]
    assert any("not shown" in action for action in handout.actions)


def test_small_briefing_keeps_the_largest_font() -> None:
    handout = make_handout(load_briefing(FIXTURE), "pdf")
    assert handout.summary.font_size == FONT_SIZES[0]
    assert handout.actions == ()


def _write_unicode_content(root: Path) -> Path:
    (root / "topics").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "briefing.md").write_text(
        "---\ntitle: Звонок — “quotes” test\nas_of: '2026-01-02'\nevent_date: '2025-03-18'\n"
        "bottom_line: Both sides spoke – at length.\n---\n"
        "- „Зеленский“ said the talks were “serious” — and ‘long’. [@kyiv]\n",
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
    return root


def test_unicode_text_survives_into_the_pdf(tmp_path: Path) -> None:
    briefing = load_briefing(_write_unicode_content(tmp_path / "content"))
    assert briefing.problems == ()  # the fixture itself is valid content
    handout = make_handout(briefing, "pdf")
    text = _reader(handout.data).pages[0].extract_text()
    for expected in ("„Зеленский“", "“serious”", "‘long’", "—", "Энергетика", "[Київ Пост]", "тридцать дней", "Звонок"):
        assert expected in text, expected
    # DejaVu Sans has all of these, so no glyph warning either.
    assert not any("glyph" in action for action in handout.actions)


def test_missing_glyphs_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    root = _write_unicode_content(tmp_path / "content")
    path = root / "topics" / "energy.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("covers energy sites", "covers 能源 sites"), encoding="utf-8"
    )
    handout = make_handout(load_briefing(root), "pdf")
    assert any("no glyph for 2 characters (能源)" in action for action in handout.actions)


def test_write_handouts(tmp_path: Path) -> None:
    folder = tmp_path / "out" / "nested"
    paths = write_handouts(load_briefing(FIXTURE), folder, paper="letter")
    assert [path.name for path in paths] == ["briefing-summary.pdf", "briefing-summary.txt"]
    assert all(path.parent == folder and path.stat().st_size > 0 for path in paths)
    reader = pypdf.PdfReader(paths[0])
    assert len(reader.pages) == 1 and abs(float(reader.pages[0].mediabox.height) - 792) < 1
    assert paths[1].read_text(encoding="utf-8").startswith("Test briefing\n")
