"""The handout as Markdown, for notes and chat: the same selection, every piece of content escaped."""

from __future__ import annotations

import re

from briefing.summary.model import Point, Summary, outlet_tag

# Backslash-escape inline syntax: emphasis, code, links, images, HTML, entities, tables, strike.
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!&{}()$])")
# Text that would start a block (list, quote, heading, ordered list) where it stands.
_BLOCK_START = re.compile(r"^([-+>=]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _BLOCK_START.sub(lambda m: m.group(0)[:-1] + "\\" + m.group(0)[-1], text)


def point_markdown(point: Point) -> str:
    text = ""
    for segment in point.segments:
        if body := escape_markdown(segment.text):
            text += (" " if text and segment.text[:1].isspace() else "") + body
        if segment.outlets:
            text += (" " if text else "") + escape_markdown(outlet_tag(segment.outlets))
    return (f"**{escape_markdown(point.label)}:** " if point.label else "") + text


def render_markdown(summary: Summary) -> str:
    out = [f"# {escape_markdown(summary.title)}", ""]
    if summary.date_line:
        out += [f"*{escape_markdown(summary.date_line)}*", ""]
    if summary.bottom_line:
        out += [f"> **Bottom line:** {escape_markdown(summary.bottom_line)}", ""]
    for topic in summary.topics:
        out += [f"## {escape_markdown(topic.title)}", ""]
        out += [f"- {point_markdown(point)}" for point in topic.points]
        out += [f"- ≠ {point_markdown(point)}" for point in topic.differences]
        if topic.items:
            out.append("")
    out += ["---", ""]
    out += [f"{escape_markdown(line)}  " for line in summary.ending]
    return "\n".join(out).rstrip(" \n") + "\n"
