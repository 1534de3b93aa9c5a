"""One selection, every format: text, Markdown, HTML and PDF on A4 and Letter carry the same topics,
points and differences. Each rendered file is read back on its own terms (lines, CommonMark, HTML,
the PDF's characters) and the results are compared; then escaping, and HTML's print CSS."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
import pytest
from markdown_it import MarkdownIt

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import Briefing, Claim, ClaimPart, Header, Section, Source, Topic
from briefing.summary import make_handout, render, select_summary
from briefing.summary.markdown import escape_markdown, render_markdown
from briefing.summary.metrics import font
from devkit.synthetic import make_synthetic_briefing

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
MARGIN_X, INDENT = 45.0, 12.0  # where the PDF's text starts, and a point's text right of its bullet
HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
NASTY_TITLE = "<script>alert('t')</script> & [link](http://x) *bold* # not heading"
NASTY_CLAIM = "<script>alert(1)</script> [x](javascript:alert(1)) **b** `code` <b>tag</b> - dash"

Item = tuple[str, str]  # ("•" or "≠", the item's text with spaces collapsed)
Page = tuple[tuple[tuple[str, tuple[Item, ...]], ...], str]  # (topic title, items) per topic; the ending


def _flat(text: str) -> str:
    """Spaces collapsed, and only what the PDF can show: characters DejaVu Sans lacks print blank
    in the PDF (`briefing print` says so on stderr), so they are left out of every comparison."""
    shown = " ".join("".join(char for char in text if char.isspace() or font().has(char)).split())
    return re.sub(r" (?=[.,;:])", "", shown)  # where blank glyphs left a gap, the PDF reads a space


# --- reading each format back -------------------------------------------------------------------


def read_text(data: bytes) -> Page:
    lines = data.decode("utf-8").splitlines()
    rules = [i for i, line in enumerate(lines) if re.fullmatch(r"=+", line)]
    end = next(i for i, line in enumerate(lines) if re.fullmatch(r"-+", line))
    topics: list[tuple[str, list[list[str]]]] = []
    for line in lines[rules[-1] + 1 : end]:
        if not line:
            continue
        if not line.startswith(" "):
            if topics and not topics[-1][1]:  # a long title wrapped onto a second line
                topics[-1] = (topics[-1][0] + " " + line, [])
            else:
                topics.append((line, []))
        elif line.startswith(("  • ", "  ≠ ")):
            topics[-1][1].append([line[2], line[4:]])
        else:
            topics[-1][1][-1][1] += " " + line.strip()
    return (
        tuple((title.casefold(), tuple((kind, _flat(text)) for kind, text in items)) for title, items in topics),
        _flat(" ".join(lines[end + 1 :])),
    )


class _HtmlPage(HTMLParser):
    """Topic titles (h2), list items (li) and the footer's text of a handout's HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.topics: list[tuple[str, list[list[str]]]] = []
        self.ending = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "h2":
            self.topics.append(("", []))
            self._in = "h2"
        elif tag == "li":
            self.topics[-1][1].append(["≠" if ("class", "differ") in attrs else "•", ""])
            self._in = "li"
        elif tag == "footer":
            self._in = "footer"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "li"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "h2":
            self.topics[-1] = (self.topics[-1][0] + data, self.topics[-1][1])
        elif self._in == "li":
            self.topics[-1][1][-1][1] += data
        elif self._in == "footer":
            self.ending += " " + data


def read_html(data: bytes, differ_prefix: bool = False) -> Page:
    parser = _HtmlPage()
    parser.feed(data.decode("utf-8"))
    topics = []
    for title, items in parser.topics:
        read = []
        for kind, text in items:
            if differ_prefix and text.startswith("≠ "):  # Markdown marks differences in the text
                read.append(("≠", _flat(text[2:])))
            else:
                read.append((kind, _flat(text)))
        topics.append((_flat(title).casefold(), tuple(read)))
    return tuple(topics), _flat(parser.ending)


def read_markdown(data: bytes) -> Page:
    html = MarkdownIt("commonmark").render(data.decode("utf-8"))
    # The closing lines follow the Markdown rule (<hr />); read them as the HTML footer.
    html = html.replace("<hr />", "<footer>", 1) + "</footer>"
    return read_html(html.encode("utf-8"), differ_prefix=True)


def _is_navy(color) -> bool:
    return tuple(round(channel * 255) for channel in color) == (24, 46, 84)


def read_pdf(data: bytes) -> Page:
    """Lines of the page classified by where they start and how they look: topic titles are bold
    and navy at the margin (the first such line is the page's title), items start with a bullet
    2 pt in, their next lines start at the indent, the closing lines at the margin."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        lines = pdf.pages[0].extract_text_lines(return_chars=True)
    topics: list[tuple[str, list[list[str]]]] = []
    ending: list[str] = []
    for index, line in enumerate(lines):
        first, text = line["chars"][0], line["text"]
        at_margin = first["x0"] < MARGIN_X + 1  # titles and the closing lines; bullets sit 2 pt in
        if index and at_margin and _is_navy(first["non_stroking_color"]) and "Bold" in first["fontname"]:
            if topics and not topics[-1][1]:
                topics[-1] = (topics[-1][0] + " " + text, [])
            else:
                topics.append((text, []))
        elif not topics:
            continue  # the header and the bottom line
        elif at_margin:
            ending.append(text)
        elif first["x0"] < MARGIN_X + INDENT - 1:  # a bullet
            topics[-1][1].append([first["text"], text[1:]])
        else:  # an item's next line
            topics[-1][1][-1][1] += " " + text
    return (
        tuple((_flat(title).casefold(), tuple((kind, _flat(text)) for kind, text in items)) for title, items in topics),
        _flat(" ".join(ending)),
    )


READERS = {"text": read_text, "markdown": read_markdown, "html": read_html, "pdf": read_pdf}
BRIEFINGS = {
    "bundled": lambda: load_briefing(bundled_content_dir()),
    "fixture": lambda: load_briefing(FIXTURE),
    "hostile": lambda: load_briefing(HOSTILE),
    "forty-topics": lambda: make_synthetic_briefing(40),
}


@pytest.mark.parametrize("which", list(BRIEFINGS))
def test_every_format_and_paper_carries_the_same_selection(which: str) -> None:
    briefing = BRIEFINGS[which]()
    summary = select_summary(briefing)
    expected_titles = tuple(topic.title.casefold() for topic in summary.topics)
    pages = {
        (fmt, paper): READERS[fmt](render(summary, fmt, paper).data)
        for fmt in READERS
        for paper in ("a4", "letter")
        if paper == "a4" or fmt in ("html", "pdf")
    }
    reference = pages["text", "a4"]
    assert tuple(title for title, _ in reference[0]) == expected_titles
    assert sum(len(items) for _, items in reference[0]) == sum(topic.items for topic in summary.topics)
    for key, page in pages.items():
        assert page == reference, key
    if summary.left_out.count:
        assert summary.left_out_line in reference[1]


def test_the_same_selection_whichever_format_is_asked_for() -> None:
    briefing = load_briefing(bundled_content_dir())
    summaries = {
        (fmt, paper): make_handout(briefing, fmt, paper).summary for fmt in READERS for paper in ("a4", "letter")
    }
    assert len(set(summaries.values())) == 1


def test_the_bundled_handout_in_every_format_has_its_differences() -> None:
    topics, ending = read_pdf(make_handout(load_briefing(bundled_content_dir()), "pdf", "letter").data)
    differences = [text for _, items in topics for kind, text in items if kind == "≠"]
    assert any(text.startswith("Term of the pause: 30 days") for text in differences)
    assert any(text.startswith("The 23 wounded:") and "175" in text for text in differences)
    assert "type briefing in a terminal" in ending


# --- HTML: print CSS at the PDF's sizes; escaping ------------------------------------------------


def test_html_uses_the_pdfs_paper_and_sizes() -> None:
    briefing = load_briefing(bundled_content_dir())
    for paper, css_paper in (("a4", "A4"), ("letter", "letter")):
        html = make_handout(briefing, "html", paper)
        pdf = make_handout(briefing, "pdf", paper)
        page = html.data.decode()
        assert re.search(rf"@page \{{ size: {css_paper}; margin: 42.0pt 45.0pt 42.0pt 45.0pt; \}}", page)
        assert html.body_size == pdf.body_size and f"html {{ font-size: {pdf.body_size}pt; }}" in page
        assert '<meta charset="utf-8">' in page


def _nasty_briefing() -> Briefing:
    source = Source("alpha", "Alpha News", "A<b>", "h", "2025", "none", "https://a.example", frozenset(), "", (), "p")
    claim = Claim("t/0", "t", "", (ClaimPart(NASTY_CLAIM, ("alpha",)),), False, "topics/t.md", 1, "", True)
    listy = Claim("t/1", "t", "", (ClaimPart("- 1. > # starts like a block", ("alpha",)),), False, "p", 2, "", True)
    topic = Topic("t", NASTY_TITLE, 1, "", (Section("", (claim, listy)),), "topics/t.md")
    return Briefing.from_topics(Header("<i>Title</i>", "2026", "2025", "Bottom <line> & more"), (topic,), (source,))


def test_html_escapes_untrusted_content() -> None:
    page = make_handout(_nasty_briefing(), "html").data.decode()
    assert "<script>" not in page and "<b>tag</b>" not in page and "<i>Title</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "[A&lt;b&gt;]" in page
    assert "Bottom &lt;line&gt; &amp; more" in page


def test_markdown_escapes_syntax_in_content() -> None:
    text = render_markdown(select_summary(_nasty_briefing()))
    assert "<script>" not in text and "](javascript" not in text and "**b**" not in text
    assert "\\<script\\>" in text and "\\*\\*b\\*\\*" in text and "\\`code\\`" in text
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    assert heading == "## " + escape_markdown(NASTY_TITLE)
    assert "- \\- 1. \\> \\# starts like a block" in text


def test_markdown_renders_as_plain_text_in_a_commonmark_renderer() -> None:
    rendered = MarkdownIt("commonmark").render(render_markdown(select_summary(_nasty_briefing())))
    for forbidden in ("<script", "<a ", "<b>tag", "<i>", "<strong>b</strong>", "<code>", "<ol", "<blockquote>\n<p>#"):
        assert forbidden not in rendered, forbidden
    assert rendered.count("<ul>") == 1 and rendered.count("<li>") == 2
    assert "<li>- 1. &gt; # starts like a block [A&lt;b&gt;]</li>" in rendered
