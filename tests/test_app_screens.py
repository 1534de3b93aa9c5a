"""The screens as a reader in a meeting meets them (issue 19): jumps that land with context, the
sidebar, help, the source panel, all outlets side by side."""

from __future__ import annotations

import pytest

from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.ui.app import make_app
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.columns import ColumnText
from briefing.ui.widgets.topic_pane import CONTEXT_LINES, TopicPane


@pytest.fixture(scope="module")
def briefing():
    return load_briefing(bundled_content_dir())


def longest_topic(briefing):
    return max((briefing.topic(entry.id) for entry in briefing.outline), key=lambda topic: len(topic.claims))


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_a_jump_lands_with_context_above_the_claim(briefing, size):
    """Going to a claim far down a topic (as Enter on a hit, n/N or a figure do) shows it a few
    lines below the top, or under its section's heading, not on the pane's bottom edge."""
    topic = longest_topic(briefing)
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=size) as pilot:
        for index in (len(topic.claims) - 1, len(topic.claims) // 2):
            app.action_go_to_topic(topic.id, topic.claims[index].id)
            await pilot.pause()
            pane = app.screen.query_one("#pane-" + topic.id, TopicPane)
            assert isinstance(app.screen, MainScreen) and pane.cursor == index
            first, last = pane.claim_lines(index)
            top = int(pane.scroll_offset.y)
            height = pane.scrollable_content_region.height
            assert top <= first and last < top + height, "the whole claim is in view"
            above = first - top
            assert top == 0 or top == pane.heading_line(index) or above >= CONTEXT_LINES, (
                f"the topic's title, the section heading or {CONTEXT_LINES} lines above the claim"
            )
            # j/k after a jump scroll as little as before: the claim below stays where it was.
            await pilot.press("up")
            assert int(pane.scroll_offset.y) <= top


def sidebar_text(app) -> str:
    from devkit.screen import screen_lines

    sidebar = app.screen.query_one("#sidebar").region
    rows = screen_lines(app)[sidebar.y + 1 : sidebar.bottom - 1]
    return " ".join(row[sidebar.x + 1 : sidebar.right - 1].strip(" │▌") for row in rows)


async def test_every_title_reads_whole_in_the_sidebar_at_120_columns(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = " ".join(sidebar_text(app).split())
        for number, entry in enumerate(briefing.outline, start=1):
            assert f"{number} {entry.title}" in text, entry.title


async def test_every_topic_has_a_number_key_and_the_pane_border_names_it(briefing):
    """1–9 at once; "0" is topic 10; two digits typed together are topics 10 and up."""
    assert len(briefing.outline) >= 11
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        for keys, number in ((("4",), 4), (("0",), 10), (("1", "1"), 11), (("1", "0"), 10), (("9",), 9)):
            await pilot.press(*keys)
            await pilot.pause()
            pane = app.screen.current_pane
            entry = briefing.outline[number - 1]
            assert pane is not None and pane.topic.id == entry.id, keys
            assert str(pane.border_title) == f"{number} {entry.title}"
        # "1", "1" is one step in the history: back goes to topic 9, not to topic 1.
        await pilot.press("1", "1")
        await pilot.press("b")
        assert app.screen.current_pane.topic.id == briefing.outline[8].id


async def test_the_current_topic_and_the_cursor_are_marked_in_every_theme(briefing):
    """Not by a shade alone: the topic shown has a bar and is bold, the keyboard cursor is
    reversed, whatever the theme's colours."""
    from briefing.ui.widgets.topic_list import TopicList

    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        sidebar = app.screen.query_one(TopicList)
        sidebar.focus()
        await pilot.press("down", "down")
        await pilot.pause()
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            lines = [sidebar.render_line(y) for y in range(sidebar.scrollable_content_region.height)]
            current, cursor, other = (
                next(line for line in lines if line.text[1:].lstrip().startswith(f"{n} ")) for n in (3, 5, 1)
            )
            assert current.text.startswith("▌"), theme
            assert any(seg.style and seg.style.bold for seg in current if seg.text.strip(" ▌")), theme
            assert all(seg.style and seg.style.reverse for seg in cursor if seg.text.strip()), theme
            assert not any(seg.style and (seg.style.reverse or seg.style.bold) for seg in other if seg.text.strip())
            assert not other.text.startswith("▌")


@pytest.mark.parametrize(("width", "at_least"), [(120, 3), (160, 5), (80, 2)])
async def test_all_outlets_show_side_by_side_and_arrows_move_a_whole_outlet(briefing, width, at_least):
    from briefing.ui.screens.compare import CompareScreen, OutletColumn

    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)

        def whole_columns() -> list[str]:
            return [
                column.source.id
                for column in app.screen.query(OutletColumn)
                if column.region.width and column.region.x >= 0 and column.region.right <= width
            ]

        ids = [source.id for source in briefing.sources]
        assert whole_columns() == ids[: max(at_least, len(whole_columns()))]
        assert len(whole_columns()) >= min(at_least, len(ids))
        shown = len(whole_columns())
        if shown < len(ids):
            await pilot.press("right")
            await pilot.pause()
            assert whole_columns() == ids[1 : 1 + shown], "one whole outlet on"
            await pilot.press("end")
            await pilot.pause()
            assert whole_columns() == ids[-shown:]
            await pilot.press("home")
            await pilot.pause()
            assert whole_columns() == ids[:shown]


def dialog_lines(app) -> list[str]:
    from devkit.screen import screen_lines

    dialog = app.screen.query_one(".dialog").region
    return [row[dialog.x + 2 : dialog.right - 2] for row in screen_lines(app)[dialog.y + 1 : dialog.bottom - 1]]


async def test_help_is_grouped_as_a_reader_thinks_and_wraps_under_its_columns(briefing):
    from briefing.ui.help import GROUPS
    from briefing.ui.screens.dialogs import HelpScreen

    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = {row.keys for row in app.screen.rows}
        assert {"!", "^p", "1…9, 0", "/, ^f", "a", "#"} <= keys
        assert [row.group for row in app.screen.rows] == sorted(
            (row.group for row in app.screen.rows), key=GROUPS.index
        )
        text = app.screen.query_one(ColumnText)
        assert text.size.width <= 76
        lines = text.laid_out.plain.splitlines()
        assert dialog_lines(app)[0].rstrip() == lines[0].rstrip(), "what is laid out is on screen"
        headings = [line.strip() for line in lines if line.strip() in GROUPS]
        assert headings == list(dict.fromkeys(headings)) and set(headings) == set(GROUPS)
        tip_column = next(line.index("Every figure") for line in lines if "Every figure" in line)
        wrapped = [line for line in lines if line.strip() and line[:tip_column].strip() == ""]
        assert wrapped, "at 80 columns some tips wrap"
        assert all(line[tip_column - 2 : tip_column] == "  " for line in wrapped)


async def test_the_problems_dialog_wraps_a_message_under_its_column(tmp_path):
    import shutil

    from briefing.ui.screens.dialogs import ProblemsScreen

    content = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), content)
    topic = content / "topics" / "kursk.md"
    topic.write_text(topic.read_text().replace("](", "](nowhere-at-all-", 1) + "\nA claim citing nothing at all.\n")
    broken = load_briefing(content)
    assert broken.problems
    app = make_app(broken, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        lines = app.screen.query_one(ColumnText).laid_out.plain.splitlines()
        assert any(len(line) > 60 for line in lines) or len(lines) > len(broken.problems) * 2
        column = len("warning") + 2
        for line in lines:
            assert line[:column].strip() in ("", "error", "warning"), line
        subtitle = str(app.screen.query_one(".dialog").border_subtitle)
        assert "briefing check" not in subtitle


async def test_the_problems_key_says_when_there_are_none(briefing):
    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not briefing.problems
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert any("No problems" in str(notice.message) for notice in app._notifications)


async def test_the_outlet_view_opens_a_claim_with_the_keyboard(briefing):
    """Tab highlights a claim citing the outlet, Enter shows it in its topic."""
    from briefing.ui.screens.outlet import OutletClaim, OutletScreen

    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "o", "1")
        await pilot.pause()
        assert isinstance(app.screen, OutletScreen)
        await pilot.press("tab", "tab")
        await pilot.pause()
        claim = app.focused
        assert isinstance(claim, OutletClaim)
        assert claim is list(app.screen.query(OutletClaim))[1]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        pane = app.screen.current_pane
        assert pane.topic.id == claim.claim.topic_id and pane.current_claim.id == claim.claim.id


async def test_placeholders_and_the_no_match_message_read_whole_at_80_columns(briefing):
    from devkit.screen import screen_lines

    app = make_app(briefing, deterministic=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        assert "Search: Enter opens, Esc closes" in "\n".join(screen_lines(app))
        await pilot.press(*"zzqxv")
        await app.workers.wait_for_complete()
        await pilot.pause()
        box = app.screen.query_one("#results").region
        text = " ".join(line[box.x + 1 : box.right - 1] for line in screen_lines(app)[box.y : box.bottom])
        assert "Try fewer words or another spelling." in " ".join(text.split())
        await pilot.press("escape", "escape", "number_sign")
        await pilot.pause()
        assert app.screen.PLACEHOLDER in "\n".join(screen_lines(app))
        await pilot.press("escape", "quotation_mark")
        await pilot.pause()
        assert app.screen.PLACEHOLDER in "\n".join(screen_lines(app))
