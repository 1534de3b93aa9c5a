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
    """The text page: after the header's last rule, a line at the margin that is not an item
    starts a topic, its title (in capitals) running into its first item ("KURSK • …"); items
    start with "• " or "≠ ", their next lines are indented; the closing rule ("-- legend ---")
    ends the topics."""
    lines = data.decode("utf-8").splitlines()
    rules = [i for i, line in enumerate(lines) if re.fullmatch(r"=+", line)]
    end = next(i for i, line in enumerate(lines) if re.fullmatch(r"-- .* -+|-+", line))
    topics: list[tuple[str, list[list[str]]]] = []
    for line in lines[rules[-1] + 1 : end]:
        if not line:
            continue
        if line.startswith(("• ", "≠ ")):
            topics[-1][1].append([line[0], line[2:]])
        elif line.startswith(" "):
            topics[-1][1][-1][1] += " " + line.strip()
        else:
            run_in = re.search(r" ([•≠]) ", line)
            title, item = (line[: run_in.start()], [run_in.group(1), line[run_in.end() :]]) if run_in else (line, None)
            if topics and not topics[-1][1]:  # a long title wrapped onto a second line
                topics[-1] = (topics[-1][0] + " " + title, [])
            else:
                topics.append((title, []))
            if item:
                topics[-1][1].append(item)
    return (
        tuple((title.casefold(), tuple((kind, _flat(text)) for kind, text in items)) for title, items in topics),
        _flat(" ".join([lines[end].strip("- "), *lines[end + 1 :]])),
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


#: What each briefing's handout must show, stated here, not read from the selection under test:
#: per topic (in order) its title and its items' marks; then figures that must be printed, and
#: how the closing lines begin and end. An empty selection, or one format dropping or
#: reordering a topic, fails against this.
EXPECTED = {
    "bundled": (
        (
            ("overview", "≠"),
            ("energy truce", "•≠"),
            ("prisoner exchange", "•≠"),
            ("zaporizhzhia nuclear plant", "••"),
            ("kursk", "••"),
            ("hockey matches", "••"),
            ("russia's conditions and military aid", "•"),
            ("iran and the middle east", "•"),
            ("next steps and the 30-day ceasefire", "••"),
            ("zelensky's reaction and strikes after the call", "••"),
            ("trump, putin and us–russia ties", "•"),
        ),
        (
            "Call length: nearly three hours [usdailyonline]; roughly 90 minutes [projectpatriot]",
            "175 prisoners of war",
            "Term of the pause: 30 days",
            "500 square miles",
        ),
        "≠ where reports differ · [ ] the outlets that report each point Trump–Putin call on Ukraine, "
        "18 March 2025, as of 2026-11-22.",
        "In full (11 topics, 169 claims, 33 differences): bundled with the briefing app.",
    ),
    "fixture": (
        (("energy", "•≠"),),
        ("Length: thirty days [Alpha]; no term given [Beta].",),
        "≠ where reports differ · [ ] the outlets that report each point Test briefing, as of 2026-01-02.",
        "In full (2 topics, 3 claims, 1 difference): briefing --content " + str(FIXTURE.resolve()),
    ),
    "hostile": (
        (("scripts [italic]and[/italic] widths", "•≠"), ("[@mark] looks like a citation", "•")),
        (),
        "≠ where reports differ · [ ] the outlets that report each point [bold red]Hostile[/] briefing",
        "In full (3 topics, 6 claims, 1 difference): briefing --content " + str(HOSTILE.resolve()),
    ),
    "forty-topics": (
        (
            ("overview", "≠"),
            *(
                (f"topic {n} {word}", "•≠")
                for n, word in enumerate(
                    ("reporters", "aid", "grid", "black", "agreement", "truce", "league", "sirens", "league"), start=1
                )
            ),
        ),
        (),
        "≠ where reports differ · [ ] the outlets that report each point Not on this page: Topic 10 nuclear;",
        "; and 20 more topics. Synthetic briefing, as of 2026-01-01. In full (41 topics, 205 claims, 41 differences).",
    ),
}


@pytest.mark.parametrize("which", list(BRIEFINGS))
def test_every_format_and_paper_carries_the_same_selection(which: str) -> None:
    topics, figures, ending_starts, ending_ends = EXPECTED[which]
    summary = select_summary(BRIEFINGS[which]())
    for fmt, read in READERS.items():
        for paper in ("a4", "letter") if fmt in ("html", "pdf") else ("a4",):
            shown, ending = read(render(summary, fmt, paper).data)
            where = (fmt, paper)
            assert tuple((title, "".join(kind for kind, _ in items)) for title, items in shown) == topics, where
            printed = " ".join(text for _, items in shown for _, text in items)
            for figure in figures:
                assert figure in printed, (where, figure)
            assert ending.startswith(ending_starts) and ending.endswith(ending_ends), (where, ending)


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
    assert ending.endswith("In full (11 topics, 169 claims, 33 differences): bundled with the briefing app.")


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
