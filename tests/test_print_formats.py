"""HTML and Markdown renderings of the summary: print CSS, escaping, every topic present."""

from __future__ import annotations

import html
import re
from pathlib import Path

from briefing.loading.loader import load_briefing
from briefing.model import Briefing, Claim, ClaimPart, Header, Section, Source, Topic
from briefing.summary import make_handout
from briefing.summary.build import build_summary
from briefing.summary.markdown import escape_markdown, render_markdown
from devkit.synthetic import make_synthetic_briefing

FIXTURE = Path(__file__).parent / "fixtures" / "minimal"
NASTY_TITLE = "<script>alert('t')</script> & [link](http://x) *bold* # not heading"
NASTY_CLAIM = "<script>alert(1)</script> [x](javascript:alert(1)) **b** `code` <b>tag</b> - dash"


def _nasty_briefing() -> Briefing:
    source = Source(
        "alpha", "Alpha News", "A<b>", "h", "2025", "none", "https://a.example", frozenset(), "", (), "sources/alpha.md"
    )
    claim = Claim("t/0", "t", "", (ClaimPart(NASTY_CLAIM, ("alpha",)),), False, "topics/t.md", 1)
    listy = Claim("t/1", "t", "", (ClaimPart("- 1. > # starts like a block", ("alpha",)),), False, "topics/t.md", 2)
    topic = Topic("t", NASTY_TITLE, 1, "", (Section("", (claim, listy)),), "topics/t.md")
    return Briefing.from_topics(Header("<i>Title</i>", "2026", "2025", "Bottom <line> & more"), (topic,), (source,))


def test_html_has_print_css_for_the_paper() -> None:
    a4 = make_handout(load_briefing(FIXTURE), "html", "a4").data.decode()
    letter = make_handout(load_briefing(FIXTURE), "html", "letter").data.decode()
    assert re.search(r"@page \{ size: A4; margin: [^}]+\}", a4)
    assert re.search(r"@page \{ size: letter; margin: [^}]+\}", letter)
    assert '<meta charset="utf-8">' in a4
    assert "font-size: 10.0pt" in a4


def test_html_contains_every_topic_title_and_outlets() -> None:
    briefing = load_briefing(FIXTURE)
    page = make_handout(briefing, "html").data.decode()
    for topic in briefing.iter_topics():
        assert f"<h2>{html.escape(topic.title)}</h2>" in page
    assert '<span class="outlets">[Alpha, Beta]</span>' in page
    assert "Where reports differ" in page and "<b>Length:</b>" in page


def test_html_escapes_untrusted_content() -> None:
    page = make_handout(_nasty_briefing(), "html").data.decode()
    assert "<script>" not in page and "<b>tag</b>" not in page and "<i>Title</i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert f"<h2>{html.escape(NASTY_TITLE)}</h2>" in page
    assert "[A&lt;b&gt;]" in page
    assert "Bottom &lt;line&gt; &amp; more" in page


def test_html_shortens_like_the_pdf() -> None:
    briefing = make_synthetic_briefing(40)
    page = make_handout(briefing, "html").data.decode()
    pdf = make_handout(briefing, "pdf")
    assert f"font-size: {pdf.summary.font_size}pt" in page
    assert page.count("<section") == len(pdf.summary.topics) < len(briefing.outline)
    assert "topics not shown" in page and "more — run" in page


def test_markdown_has_every_topic_heading() -> None:
    briefing = load_briefing(FIXTURE)
    text = make_handout(briefing, "markdown").data.decode()
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    assert headings == [escape_markdown(topic.title) for topic in briefing.iter_topics()] == ["Overview", "Energy"]
    assert text.startswith("# Test briefing\n")
    assert "- It starts at once. \\[Alpha, Beta\\]" in text
    assert "- **Length:** thirty days \\[Alpha\\]; no term given \\[Beta\\]." in text


def test_markdown_escapes_syntax_in_content() -> None:
    text = render_markdown(build_summary(_nasty_briefing()))
    assert "<script>" not in text and "](javascript" not in text and "**b**" not in text
    assert "\\<script\\>" in text and "\\*\\*b\\*\\*" in text and "\\`code\\`" in text
    heading = next(line for line in text.splitlines() if line.startswith("## "))
    assert heading == "## " + escape_markdown(NASTY_TITLE)
    assert "\\# not heading" in heading
    # A claim that starts like a list or quote stays one plain bullet.
    assert "- \\- 1. \\> \\# starts like a block" in text


def test_markdown_renders_as_plain_text_in_a_commonmark_renderer() -> None:
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(render_markdown(build_summary(_nasty_briefing())))
    for forbidden in ("<script", "<a ", "<b>tag", "<i>", "<strong>b</strong>", "<code>", "<ol", "<blockquote>\n<p>#"):
        assert forbidden not in rendered, forbidden
    assert rendered.count("<ul>") == 1 and rendered.count("<li>") == 2
    assert rendered.count("<h2>") == 1 and rendered.count("<h1>") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    assert "<li>- 1. &gt; # starts like a block [A&lt;b&gt;]</li>" in rendered


def test_markdown_with_many_topics_marks_what_is_missing() -> None:
    text = make_handout(make_synthetic_briefing(40), "markdown").data.decode()
    assert "topics not shown" in text and "more — run" in text
