"""The one fitting rule and the choice of claims: one selection, made once, linear in what is shown.

Topics go on in reading order with what `build.py` chose for them, shortened if needed; the first
that does not fit ends the page and every later topic is named, from the outline, unread.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from briefing.model import (
    DIFFERENCES_HEADING,
    OVERVIEW_ID,
    Briefing,
    Claim,
    ClaimPart,
    Header,
    Section,
    Source,
    Topic,
)
from briefing.summary import select_summary
from briefing.summary.build import fallback_point, is_marked, key_differences, key_points, left_out, shorter_forms
from briefing.summary.fit import fits, select
from briefing.summary.handout import page_measures
from briefing.summary.layout import PAPERS
from briefing.summary.metrics import font
from briefing.summary.model import Summary, TopicSummary
from briefing.summary.text import TextMeasure, text_lines
from briefing.summary.typeset import Text, Typesetter, page_setter
from devkit.synthetic import make_synthetic_briefing

#: What plain `lp` prints on one sheet of A4 or Letter (issue 12), not read from the code under test.
PAGE_COLUMNS, PAGE_LINES = 76, 58
#: The PDF's legibility rules (issue 12): body, smallest type, the band printers cannot reach (pt).
MIN_BODY, MIN_TYPE, UNPRINTABLE = 9.0, 7.5, 36.0
SOURCES = tuple(
    Source(s, s.title(), s.title(), "h", "", "", "", frozenset(), "", (), f"sources/{s}.md") for s in ("a", "b", "c")
)


def _claim(topic_id: str, index: int, text: str, sources=("a",), difference=False, key=False, label="") -> Claim:
    parts = (ClaimPart(text, tuple(sources)),)
    return Claim(f"{topic_id}/{index}", topic_id, "", parts, difference, "p", index + 1, label, key)


def _topic(topic_id: str, claims: list[Claim], order: int = 1, title: str = "") -> Topic:
    key = tuple(claim for claim in claims if not claim.is_difference)
    differ = tuple(claim for claim in claims if claim.is_difference)
    sections = (Section("", key), Section(DIFFERENCES_HEADING, differ))
    return Topic(topic_id, title or topic_id.title(), order, "", sections, f"topics/{topic_id}.md")


def _briefing(topics: list[Topic]) -> Briefing:
    return Briefing.from_topics(Header("Title", "2026", "2025", "The bottom line."), topics, SOURCES)


class Budget:
    """A measure that counts: every topic takes `per_item` per point and one for its title."""

    name = "budget"

    def __init__(self, capacity: float, per_item: float = 1.0) -> None:
        self.capacity = capacity
        self.per_item = per_item
        self.topic_calls = 0

    def header(self, summary: Summary) -> float:
        return 1

    def topic(self, topic: TopicSummary) -> float:
        self.topic_calls += 1
        return 1 + self.per_item * topic.items

    def ending(self, summary: Summary) -> float:
        return 1 + (1 if summary.left_out.count else 0)


class CountingBriefing:
    """A briefing that counts how many topics are read (the fitter must not read what it names)."""

    def __init__(self, briefing: Briefing) -> None:
        self._briefing = briefing
        self.reads = 0

    def topic(self, topic_id: str):
        self.reads += 1
        return self._briefing.topic(topic_id)

    def __getattr__(self, name: str):
        return getattr(self._briefing, name)


# --- which claims go on the handout -------------------------------------------------------------


def test_marked_claims_are_the_points_and_marked_differences_the_differences() -> None:
    topic = _topic(
        "t",
        [
            _claim("t", 0, "First, with 12."),
            _claim("t", 1, "Second.", key=True),
            _claim("t", 2, "Third.", key=True),
            _claim("t", 3, "Difference one.", ("a", "b"), difference=True),
            _claim("t", 4, "Difference two.", ("a", "b"), difference=True, key=True),
        ],
    )
    assert [claim.text for claim in key_points(topic)] == ["Second.", "Third."]
    assert [claim.text for claim in key_differences(topic)] == ["Difference two."]


def test_marking_is_the_authors_choice_for_the_whole_topic() -> None:
    only_points = _topic("t", [_claim("t", 0, "Key.", key=True), _claim("t", 1, "Differ.", difference=True)])
    assert key_differences(only_points) == ()
    only_difference = _topic("t", [_claim("t", 0, "Plain."), _claim("t", 1, "Differ.", difference=True, key=True)])
    assert key_points(only_difference) == ()


def test_fallback_point_states_a_figure_and_is_the_best_reported() -> None:
    claims = [
        _claim("t", 0, "The lead, no figure.", ("a", "b", "c")),
        _claim("t", 1, "175 prisoners.", ("a",)),
        _claim("t", 2, "About 500 square miles.", ("a", "b")),
        _claim("t", 3, "23 wounded.", ("b", "c")),
    ]
    assert fallback_point(claims).text == "About 500 square miles."  # figure, most outlets, first on a tie
    assert fallback_point(claims[:1]).text == "The lead, no figure."  # no figure: the first claim
    assert fallback_point([]) is None


def test_an_unmarked_topic_shows_one_chosen_point_and_its_first_difference() -> None:
    topic = _topic(
        "t",
        [
            _claim("t", 0, "Lead."),
            _claim("t", 1, "With 30 days.", ("a", "b")),
            _claim("t", 2, "First difference.", ("a", "b"), difference=True),
            _claim("t", 3, "Second difference.", ("a", "b"), difference=True),
        ],
    )
    assert [claim.text for claim in key_points(topic)] == ["With 30 days."]
    assert [claim.text for claim in key_differences(topic)] == ["First difference."]


def test_shorter_forms_keep_the_first_point_and_difference_then_the_first_point() -> None:
    summary = select(make_synthetic_briefing(1), [Budget(1000)])
    assert [(topic.id, len(topic.points), len(topic.differences)) for topic in summary.topics] == [
        ("overview", 0, 1),  # unmarked overview: its first difference only (the bottom line has the rest)
        ("topic-00001", 1, 1),  # unmarked topic: one point, one difference
    ]
    full = summary.topics[1]
    rich = TopicSummary("t", "T", full.points * 3, full.differences * 2)
    forms = shorter_forms(rich)
    assert [(len(f.points), len(f.differences)) for f in forms] == [(3, 2), (1, 1), (1, 0)]
    assert [(len(f.points), len(f.differences)) for f in shorter_forms(TopicSummary("t", "T", (), ()))] == [(0, 0)]


# --- the fitting rule ---------------------------------------------------------------------------


def test_topics_go_on_in_reading_order_until_one_does_not_fit() -> None:
    briefing = make_synthetic_briefing(9)  # overview (unmarked: its first difference) + 9 topics
    summary = select(briefing, [Budget(1 + 2 + 4 * 3 + 2)])  # header, overview of 2, four topics of 3, ending
    assert [topic.id for topic in summary.topics] == ["overview", *(f"topic-0000{n}" for n in range(1, 5))]
    assert summary.left_out.count == 5
    assert summary.left_out.titles == tuple(entry.title for entry in briefing.outline[5:10])
    assert summary.left_out_line.startswith("Not on this page: Topic 5 ")
    assert summary.notes[-1] == summary.left_out_line


def test_a_topic_that_does_not_fit_whole_goes_on_shortened() -> None:
    briefing = _briefing(
        [
            _topic("a", [_claim("a", 0, "A1.", key=True), _claim("a", 1, "A2.", key=True)], order=1),
            _topic("b", [_claim("b", 0, "B1.", key=True), _claim("b", 1, "B2.", key=True)], order=2),
        ]
    )
    summary = select(briefing, [Budget(1 + 3 + 2 + 1)])
    assert [(topic.id, topic.items) for topic in summary.topics] == [("a", 2), ("b", 1)]
    assert summary.notes == ("“B” shortened to fit: 1 of 2 key points, 0 of 0 differences",)
    assert not summary.left_out.count


def test_named_topics_are_not_read_and_reading_is_linear() -> None:
    briefing = CountingBriefing(make_synthetic_briefing(10_000))
    budget = Budget(30)
    summary = select(briefing, [budget])  # type: ignore[arg-type]
    shown = len(summary.topics)
    assert 0 < shown < 15
    assert summary.topics[0].id == "overview"
    assert briefing.reads <= shown + 1  # the shown topics (the overview among them), the one that ended the page
    assert budget.topic_calls <= 3 * (shown + 1)  # at most three forms per topic read
    assert summary.left_out.count == 10_001 - shown
    assert cell_len(summary.left_out_line) < 300 and summary.left_out_line.endswith("more topics.")


def test_left_out_names_what_fits_and_counts_the_rest() -> None:
    entries = make_synthetic_briefing(500).outline
    named = left_out(entries, 100)
    assert named.count == 401 and 0 < len(named.titles) < 20
    assert named.titles[0] == entries[100].title
    assert left_out(entries, len(entries)).count == 0


def test_the_overview_goes_on_when_it_marks_claims_or_is_asked_for() -> None:
    overview = _topic(OVERVIEW_ID, [_claim(OVERVIEW_ID, 0, "Headline fact.")], order=0, title="Overview")
    topic = _topic("t", [_claim("t", 0, "Point.", key=True)])
    unmarked = select(_briefing([overview, topic]), [Budget(100)])
    assert [t.id for t in unmarked.topics] == ["t"] and not unmarked.left_out.count
    asked = select(_briefing([overview, topic]), [Budget(100)], [OVERVIEW_ID])
    assert [t.id for t in asked.topics] == [OVERVIEW_ID]
    marked_overview = _topic(OVERVIEW_ID, [_claim(OVERVIEW_ID, 0, "Headline.", key=True)], order=0, title="Overview")
    marked = select(_briefing([marked_overview, topic]), [Budget(100)])
    assert [t.id for t in marked.topics] == [OVERVIEW_ID, "t"]


def test_the_most_constraining_measure_decides_for_all() -> None:
    briefing = make_synthetic_briefing(20)
    loose, tight = Budget(60), Budget(60, per_item=3)
    together = select(briefing, [loose, tight])
    alone = select(briefing, [Budget(60, per_item=3)])
    assert together.topics == alone.topics
    assert fits(together, loose) and fits(together, tight)


def test_the_real_pages_are_all_filled_by_the_one_selection() -> None:
    summary = select_summary(make_synthetic_briefing(40))
    text = TextMeasure()
    for measure in page_measures():
        assert fits(summary, measure), measure.name
    # The text page is the tightest here: less than one more topic's worth of lines is left.
    spare = PAGE_LINES - len(text_lines(summary)) + text_lines(summary).count("")
    assert spare < text.topic(summary.topics[-1]) + 1


# --- generated briefings: every page holds ------------------------------------------------------

_ALPHABET = (
    "abcdefghij klmno pqrst uvwxyz ABC WWMM 0123 .,;:!?-[]*_`<>#&\\"
    "中文字符かな한국어é\u05d0\u0627👍\u200d\u0301—“”\t\n\x1b"
)
_TEXT = st.text(_ALPHABET, min_size=0, max_size=300)
_SHORT = st.text(_ALPHABET, min_size=0, max_size=40)


@st.composite
def briefings(draw) -> Briefing:
    """Sizes and a pool of tricky texts come from Hypothesis; a seeded generator assembles them
    into up to 60 topics, so each example stays cheap to generate."""
    pool = draw(st.lists(_TEXT, min_size=1, max_size=8))
    shorts = draw(st.lists(_SHORT, min_size=1, max_size=4))
    topic_count = draw(st.integers(0, 60))
    most_claims = draw(st.integers(0, 10))
    most_differences = draw(st.integers(0, 3))
    longest = draw(st.sampled_from([20, 80, 300, 1200]))
    mark_chance = draw(st.sampled_from([0.0, 0.3, 1.0]))
    rng = random.Random(draw(st.integers(0, 2**32)))
    sources = tuple(
        Source(f"s{i}", "Outlet", short, "h", "", "", "", frozenset(), "", (), f"sources/s{i}.md")
        for i, short in enumerate(shorts)
    )
    ids = [source.id for source in sources]

    def text() -> str:
        chosen = ""
        while len(chosen) < rng.randint(0, longest):
            chosen += rng.choice(pool) + rng.choice(["", " ", "中文"])
        return chosen

    def claim(topic_id: str, index: int, difference: bool) -> Claim:
        parts = tuple(
            ClaimPart(text(), tuple(rng.sample(ids, rng.randint(0, len(ids))))) for _ in range(rng.randint(1, 3))
        )
        label = rng.choice(pool)[:30] if difference else ""
        return Claim(
            f"{topic_id}/{index}", topic_id, "", parts, difference, "p", index, label, rng.random() < mark_chance
        )

    topics = []
    for number in range(topic_count):
        topic_id = OVERVIEW_ID if number == 0 else f"t{number}"
        key = tuple(claim(topic_id, i, False) for i in range(rng.randint(0, most_claims)))
        differ = tuple(claim(topic_id, 100 + i, True) for i in range(rng.randint(0, most_differences)))
        sections = (Section("", key), Section(DIFFERENCES_HEADING, differ))
        topics.append(Topic(topic_id, rng.choice(pool)[:150], number, "", sections, "p"))
    header = Header(rng.choice(pool), rng.choice(shorts), rng.choice(shorts), text() * 2)
    return Briefing.from_topics(header, topics, sources)


def _assert_on_the_paper(setter: Typesetter, summary: Summary) -> None:
    """Every piece of text of the laid-out page is legible and inside the printable area."""
    width, height = PAPERS[setter.paper]
    page = setter.page(summary)
    assert page.height <= height - UNPRINTABLE
    for drawing in page.drawings:
        if isinstance(drawing, Text):
            assert drawing.size >= MIN_TYPE
            right = drawing.x + font(drawing.bold).width(drawing.text, drawing.size)
            assert drawing.x >= UNPRINTABLE and right <= width - UNPRINTABLE + 0.01, drawing
            assert UNPRINTABLE <= drawing.y - drawing.size <= drawing.y + drawing.size / 3 <= height - UNPRINTABLE


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(briefings())
def test_every_page_holds_the_one_selection(briefing: Briefing) -> None:
    counting = CountingBriefing(briefing)
    summary = select_summary(counting)  # type: ignore[arg-type]
    # Linear: a topic is read only while it can still make the page.
    assert counting.reads <= len(summary.topics) + 2
    # The text page: 58 lines of 76 columns, nothing that is not plain text.
    lines = text_lines(summary)
    assert len(lines) <= PAGE_LINES
    assert all(cell_len(line) <= PAGE_COLUMNS for line in lines)
    assert all("\x1b" not in line and "\t" not in line for line in lines)
    # The PDF page on both papers: body at least 9 pt, nothing under 7.5 pt, nothing in the band.
    for paper in PAPERS:
        setter = page_setter(summary, paper)
        assert setter.body >= MIN_BODY and setter.fits(summary)
        _assert_on_the_paper(setter, summary)
    # Never silent: every topic is shown, or left out (always the end of the outline, counted and
    # partly named on the page), or is the unmarked overview the bottom line stands for.
    ids = [entry.id for entry in briefing.outline]
    shown = [topic.id for topic in summary.topics]
    tail = ids[len(ids) - summary.left_out.count :] if summary.left_out.count else []
    skipped = [topic_id for topic_id in ids if topic_id not in shown and topic_id not in tail]
    assert skipped in ([], [OVERVIEW_ID])
    if skipped:
        assert not is_marked(briefing.topic(OVERVIEW_ID))
    assert shown + tail == [topic_id for topic_id in ids if topic_id not in skipped]
    if summary.left_out.count:
        assert summary.left_out_line in summary.ending and summary.left_out_line in summary.notes
