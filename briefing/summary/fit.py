"""The one fitting rule: which topics, and how much of each, go on the one page.

The selection is made once, against every page it must fit at the same time (the text page and
the PDF page on A4 and on Letter at the smallest body size), and then rendered unchanged in every
format: only layout differs. The rule:

1. The header (title, dates, bottom line) always goes on; the ending (what was left out, the
   legend, where the full briefing lives) always goes last. An overview that marks no claim
   `{key}` shows only its first difference (the bottom line summarises its claims), and is
   left out when it has none, unless `--topics` asks for it.
2. Topics go on in reading order (or the order `--topics` gave), each with the key points and
   differences `build.py` chose for it; a topic that does not fit so is tried shorter (its first
   point and first difference, then its first point alone).
3. The first topic that does not fit even shortened ends the page: it and every later topic are
   named in "Not on this page", from the outline, without being read.

Every part's height adds up (nothing breaks across pages), so each topic is measured once per
form and page, and a topic is read only when it can still make the page: linear in what is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from briefing.model import Briefing
from briefing.summary.build import (
    MAX_POINT_CELLS,
    left_out,
    outlet_names,
    shorter_forms,
    stands_for_itself,
    summarize_topic,
    summary_header,
    topic_entries,
)
from briefing.summary.model import ELLIPSIS, Summary, TopicSummary

_SLACK = 1e-6  # heights are sums of floats


class Measure(Protocol):
    """How much of one page each part of a summary takes, in the measure's own unit."""

    name: str

    @property
    def capacity(self) -> float: ...

    def header(self, summary: Summary) -> float: ...

    def topic(self, topic: TopicSummary) -> float: ...

    def ending(self, summary: Summary) -> float: ...


def select(briefing: Briefing, measures: Sequence[Measure], topic_ids: Sequence[str] | None = None) -> Summary:
    """The one selection: as much of the briefing as fits every measure's page.

    Raises `UnknownTopicError` when `topic_ids` names a topic the briefing does not have.
    """
    entries = topic_entries(briefing, topic_ids)
    head = summary_header(briefing)
    used = [measure.header(head) for measure in measures]
    names = outlet_names(briefing)
    chosen: list[TopicSummary] = []
    notes = list(head.notes)
    stop = len(entries)
    for index, entry in enumerate(entries):
        # Room for this topic: what the header and the topics before it left, less the ending
        # the page would need if this were the last topic on it.
        after = replace(head, left_out=left_out(entries, index + 1))
        room = [
            measure.capacity - spent - measure.ending(after) + _SLACK
            for measure, spent in zip(measures, used, strict=True)
        ]
        if any(space <= _SLACK for space in room):
            stop = index
            break
        topic = briefing.topic(entry.id)
        full = summarize_topic(topic, names) if topic is not None else TopicSummary(entry.id, entry.title, (), ())
        if topic is not None and topic_ids is None and stands_for_itself(topic) and not full.items:
            continue
        placed = None
        for form in shorter_forms(full):
            heights = [measure.topic(form) for measure in measures]
            if all(height <= space for height, space in zip(heights, room, strict=True)):
                placed = form
                used = [spent + height for spent, height in zip(used, heights, strict=True)]
                break
        if placed is None:
            stop = index
            break
        chosen.append(placed)
        if placed != full:
            notes.append(_shortened(full, placed))
    summary = replace(head, topics=tuple(chosen), left_out=left_out(entries, stop))
    if cut := [topic.id for topic in chosen for point in (*topic.points, *topic.differences) if point.cut]:
        notes.append(
            f"{len(cut)} long point{'s' * (len(cut) != 1)} cut to {MAX_POINT_CELLS} characters "
            f"(marked {ELLIPSIS}) in: {', '.join(dict.fromkeys(cut))}"
        )
    if summary.left_out_line:
        notes.append(summary.left_out_line)
    return replace(summary, notes=tuple(notes))


def _shortened(full: TopicSummary, placed: TopicSummary) -> str:
    return (
        f"“{placed.title}” shortened to fit: {len(placed.points)} of {len(full.points)} key points, "
        f"{len(placed.differences)} of {len(full.differences)} differences"
    )


def fits(summary: Summary, measure: Measure) -> bool:
    """Whether a whole summary fits one measure's page (what the tests check)."""
    used = measure.header(summary) + sum(measure.topic(topic) for topic in summary.topics) + measure.ending(summary)
    return used <= measure.capacity + _SLACK
