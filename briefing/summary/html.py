"""The handout as one printable HTML page, to print from a browser; every piece of content escaped.

The same selection as every other format, in the PDF's layout: its margins, colours, line height
and type sizes, at the body size the PDF uses on the same paper (`typeset.page_setter`).
"""

from __future__ import annotations

from html import escape

from briefing.summary import layout
from briefing.summary.model import Point, Summary, outlet_tag

_CSS = """
@page {{ size: {paper}; margin: {top}pt {side}pt {bottom}pt {side}pt; }}
* {{ box-sizing: border-box; }}
html {{ font-size: {size}pt; }}
body {{ margin: 0; font-family: "DejaVu Sans", Verdana, sans-serif; line-height: {line}; color: rgb{ink}; }}
h1 {{ font-size: {title}rem; line-height: 1.2; color: rgb{navy}; margin: 0; }}
.date {{ font-size: {small}rem; color: rgb{grey}; margin: 1pt 0 0; }}
hr {{ border: 0; border-top: 1.1pt solid rgb{navy}; margin: 4pt 0; }}
.bottom-line {{ background: rgb{box}; border-left: 3pt solid rgb{accent}; padding: {box_pad}pt; margin: 2pt 0;
  break-inside: avoid; }}
.bottom-line .label {{ font-size: {small}rem; font-weight: bold; color: rgb{accent}; display: block; }}
.bottom-line p {{ margin: 0; }}
section {{ margin-top: {topic_gap}rem; break-inside: avoid; }}
h2 {{ font-size: {topic}rem; line-height: 1.25; color: rgb{navy}; margin: 0;
  border-bottom: 0.5pt solid rgb{rule}; padding-bottom: 1.2pt; margin-bottom: 1.2pt; }}
ul {{ list-style: none; margin: 0; padding: 0; }}
li {{ position: relative; padding-left: {indent}pt; margin-bottom: 0.15rem; }}
li::before {{ position: absolute; left: {bullet}pt; font-weight: bold; color: rgb{accent}; content: "•"; }}
li.differ::before {{ color: rgb{amber}; content: "≠"; }}
.outlets {{ font-size: {small}em; color: rgb{grey}; white-space: nowrap; }}
footer {{ font-size: {small}rem; color: rgb{grey}; margin-top: {topic_gap}rem; padding-top: 3pt;
  border-top: 0.6pt solid rgb{rule}; }}
footer p {{ margin: 0; }}
footer p.left-out {{ font-weight: bold; }}
@media screen {{ body {{ max-width: {width}pt; margin: 2em auto; padding: 0 1em; }} }}
"""


def point_html(point: Point) -> str:
    html = f"<b>{escape(point.label)}:</b> " if point.label else ""
    for segment in point.segments:
        html += escape(segment.text)
        if segment.outlets:
            html += f' <span class="outlets">{escape(outlet_tag(segment.outlets))}</span>'
    return html


def render_html(summary: Summary, paper: str, body_size: float) -> str:
    width, _height = layout.PAPERS[paper]
    css = _CSS.format(
        paper=layout.CSS_PAPER[paper],
        top=layout.MARGIN_TOP,
        side=layout.MARGIN_X,
        bottom=layout.MARGIN_BOTTOM,
        size=body_size,
        line=layout.LINE,
        title=layout.TITLE_SCALE,
        topic=layout.TOPIC_SCALE,
        small=layout.SMALL_SCALE,
        indent=layout.INDENT,
        bullet=layout.BULLET_X,
        topic_gap=layout.TOPIC_GAP,
        box_pad=layout.BOX_PAD,
        width=width,
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
    out.append("<hr>")
    if summary.bottom_line:
        out.append(
            f'<div class="bottom-line"><span class="label">BOTTOM LINE</span><p>{escape(summary.bottom_line)}</p></div>'
        )
    for topic in summary.topics:
        out.append(f'<section id="topic-{escape(topic.id)}">')
        out.append(f"<h2>{escape(topic.title)}</h2>")
        if topic.items:
            out.append("<ul>")
            out += [f"<li>{point_html(point)}</li>" for point in topic.points]
            out += [f'<li class="differ">{point_html(point)}</li>' for point in topic.differences]
            out.append("</ul>")
        out.append("</section>")
    out.append("<footer>")
    for line in summary.ending:
        kind = ' class="left-out"' if line == summary.left_out_line else ""
        out.append(f"<p{kind}>{escape(line)}</p>")
    out += ["</footer>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
