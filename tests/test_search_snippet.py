"""Hit.snippet: a window around the first match, "…" where cut, spans shifted with it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search import Hit
from briefing.search.snippet import ELLIPSIS, make_snippet

LONG = (
    "Officials in the capital said on Tuesday that the long-awaited agreement on the Black Sea "
    "would be signed by Zelensky’s envoy in Riyadh after a further round of technical talks."
)


def hit(text, spans):
    return Hit("claim", "t", "t/0.0", None, "T", text, ("a",), "topics/t.md", 3, 1.0, tuple(spans))


def test_short_text_is_returned_whole():
    assert hit("Short claim.", [(0, 5)]).snippet(40) == ("Short claim.", ((0, 5),))


def test_long_text_is_cut_around_the_first_match():
    start = LONG.index("Zelensky’s")
    spans = [(start, start + len("Zelensky’s")), (LONG.index("Riyadh"), LONG.index("Riyadh") + 6)]
    snippet, shifted = hit(LONG, spans).snippet(50)
    assert len(snippet) <= 50
    assert snippet.startswith(ELLIPSIS) and snippet.endswith(ELLIPSIS)
    assert [snippet[s:e] for s, e in shifted] == ["Zelensky’s", "Riyadh"]


def test_match_at_the_start_keeps_the_start():
    snippet, spans = hit(LONG, [(0, 9)]).snippet(30)
    assert snippet.startswith("Officials") and snippet.endswith(ELLIPSIS)
    assert spans == ((0, 9),)
    assert len(snippet) <= 30


def test_match_at_the_end_keeps_the_end():
    start = LONG.index("talks.")
    snippet, spans = hit(LONG, [(start, start + 5)]).snippet(30)
    assert snippet.startswith(ELLIPSIS) and snippet.endswith("talks.")
    assert [snippet[s:e] for s, e in spans] == ["talks"]


def test_no_spans_gives_the_beginning():
    snippet, spans = hit(LONG, []).snippet(20)
    assert snippet == LONG[:19] + ELLIPSIS and spans == ()


@st.composite
def text_and_spans(draw):
    text = draw(st.text(alphabet="ab cé’\n", min_size=0, max_size=120))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6, unique=True)))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
    return text, spans


@settings(max_examples=500, deadline=None)
@given(text_and_spans(), st.integers(-2, 130))
def test_snippet_invariants(case, width):
    text, spans = case
    snippet, shifted = make_snippet(text, tuple(spans), width)
    assert len(snippet) <= max(width, 0)
    flat = text.replace("\n", " ")
    for start, end in shifted:
        assert 0 <= start < end <= len(snippet)
        piece = snippet[start:end]
        assert ELLIPSIS not in piece or ELLIPSIS in text
        assert piece in flat
    if width >= len(text):
        assert snippet == flat and list(shifted) == spans


def test_a_question_marks_its_content_words_not_its_fillers():
    from briefing.loading.paths import bundled_content_dir
    from briefing.search import SearchIndex
    from briefing.store.open import open_briefing

    briefing, _store = open_briefing(bundled_content_dir())
    index = SearchIndex.for_briefing(briefing)
    text = "The AP story says only that it was lengthy."
    assert [text[a:b] for a, b in index.spans(text, "how long was the call")] == ["lengthy"]
    assert index.spans("It was the first time.", "how long was the call") == []
    hit = index.search("how long was the call")[0]
    assert {hit.text[a:b].casefold() for a, b in hit.spans} <= {"call", "hours", "minutes", "length", "lengthy"}
    # A query of fillers only still marks them: there is nothing else to show.
    assert index.spans("Who said it", "who") == [(0, 3)]
