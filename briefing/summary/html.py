"""Render a fitted `Summary` as one printable HTML page; every piece of content is escaped.

The layout mirrors pdf.py (same margins, font, sizes and line height), and the font size is the
one the fitting rule chose with the PDF measure, so the browser's print also fits one page.
"""

from __future__ import annotations

from html import escape

from briefing.summary import layout
from briefing.summary.build import Point, Summary
from briefing.summary.text import outlet_tag

_CSS = """
@page {{ size: {paper}; margin: {top}pt {side}pt {bottom}pt {side}pt; }}
* {{ box-sizing: border-box; }}
html {{ font-size: {size}pt; }}
body {{ margin: 0; font-family: "DejaVu Sans", Verdana, "Segoe UI", sans-serif;
  line-height: {line}; color: rgb{ink}; }}
h1 {{ font-size: 1.9rem; line-height: 1.2; color: rgb{navy}; margin: 0; }}
.date {{ font-size: 0.95rem; color: rgb{grey}; margin: 1pt 0 0; }}
hr.top {{ border: 0; border-top: 1.1pt solid rgb{navy}; margin: 4pt 0; }}
.bottom-line {{ background: rgb{box}; border-left: 3pt solid rgb{accent}; padding: 6pt;
  margin: 2pt 0; break-inside: avoid; }}
.bottom-line .label {{ font-size: 0.8rem; font-weight: bold; color: rgb{accent}; display: block; }}
.bottom-line p {{ font-size: 1.08rem; margin: 0; }}
section {{ margin-top: 0.75rem; }}
h2 {{ font-size: 1.18rem; color: rgb{navy}; margin: 0; padding-bottom: 1.2pt;
  border-bottom: 0.5pt solid rgb{rule}; margin-bottom: 1.2pt; }}
ul {{ list-style: none; margin: 0; padding: 0; }}
li {{ position: relative; padding-left: {indent}pt; margin-bottom: 0.18rem; }}
li::before {{ position: absolute; left: 3pt; font-weight: bold; }}
ul.points li::before {{ content: "•"; color: rgb{accent}; }}
ul.differ li::before {{ content: "≠"; color: rgb{amber}; }}
.differ-head {{ font-size: 0.86rem; font-weight: bold; color: rgb{amber}; margin: 0 0 0 3pt; }}
.outlets {{ font-size: 0.84rem; color: rgb{grey}; white-space: nowrap; }}
.more, .not-shown {{ color: rgb{grey}; font-size: 0.86rem; margin: 0 0 0 {indent}pt; }}
.not-shown {{ margin: 0.6rem 0 0; padding-top: 3pt; border-top: 0.6pt solid rgb{rule}; }}
footer {{ font-size: 6.5pt; color: rgb{grey}; text-align: center; margin-top: 8pt; }}
@media screen {{ body {{ max-width: {width}pt; margin: 2em auto; padding: 0 1em; }} }}
"""


def _point(point: Point) -> str:
    html = f"<b>{escape(point.label)}:</b> " if point.label else ""
    for segment in point.segments:
        html += escape(segment.text)
        if segment.outlets:
            html += f' <span class="outlets">{escape(outlet_tag(segment.outlets))}</span>'
    return html


def render_html(summary: Summary, paper: str = "a4") -> str:
    page = layout.Page.of(paper)
    css = _CSS.format(
        paper=layout.CSS_PAPER[paper],
        top=layout.MARGIN_TOP,
        side=layout.MARGIN_X,
        bottom=layout.MARGIN_BOTTOM,
        size=summary.font_size or 10,
        line=layout.LINE,
        indent=layout.INDENT,
        width=page.width,
        ink=layout.INK,
        navy=layout.NAVY,
        grey=layout.GREY,
        rule=layout.RULE,
        box=layout.BOX,
        accent=layout.ACCENT,
        amber=layout.AMBER,
    )
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(summary.title)}</title>",
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(summary.title)}</h1>",
    ]
    if summary.date_line:
        out.append(f'<p class="date">{escape(summary.date_line)}</p>')
    out.append('<hr class="top">')
    if summary.bottom_line:
        out.append(
            f'<div class="bottom-line"><span class="label">BOTTOM LINE</span><p>{escape(summary.bottom_line)}</p></div>'
        )
    for topic in summary.topics:
        out.append(f'<section id="topic-{escape(topic.id)}">')
        out.append(f"<h2>{escape(topic.title)}</h2>")
        if topic.points:
            out.append('<ul class="points">')
            out += [f"<li>{_point(point)}</li>" for point in topic.points]
            out.append("</ul>")
        if topic.differences:
            out.append('<p class="differ-head">Where reports differ</p>')
            out.append('<ul class="differ">')
            out += [f"<li>{_point(point)}</li>" for point in topic.differences]
            out.append("</ul>")
        if topic.hidden:
            out.append(f'<p class="more">{escape(topic.more_note)}</p>')
        out.append("</section>")
    if summary.footer_note:
        out.append(f'<p class="not-shown">{escape(summary.footer_note)}</p>')
    out.append(f"<footer>{escape(layout.PAGE_FOOTER)}</footer>")
    out += ["</body>", "</html>"]
    return "\n".join(out) + "\n"
