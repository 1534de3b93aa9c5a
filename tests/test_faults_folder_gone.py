"""The content folder itself moved, deleted and made again under an open app (a sync tool, a
checkout, an author starting over), through the real watcher and the compiled store: the app
keeps running, says while the folder is gone that it is, and shows the topics again when the
folder comes back, edits made meanwhile included."""

from __future__ import annotations

import os
import shutil

from test_app_live import content, live_app, until, watching  # noqa: F401  (content is a fixture)

from briefing.loading.paths import bundled_content_dir
from briefing.store.scan import GONE
from briefing.ui.screens.dialogs import ProblemsScreen
from briefing.ui.widgets.topic_list import TopicList


def titles(app) -> list[str]:
    return [entry.title for entry in app.screen.query_one(TopicList).topics]


def gone(app) -> bool:
    return [problem.message for problem in app.briefing.problems] == [GONE] and not app.briefing.outline


async def test_the_content_folder_renamed_deleted_and_recreated_under_the_app(content, tmp_path):  # noqa: F811
    app = live_app(content)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await watching(pilot)
        before = titles(app)
        assert len(before) == 11 and not app.briefing.problems

        away = tmp_path / "away"
        os.rename(content, away)  # renamed
        await until(pilot, lambda: gone(app), "the folder said to be gone")
        await pilot.press("j", "]", "1", "a", "escape", "#", "escape")  # reading on: nothing to read, no crash
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, ProblemsScreen)
        assert [problem.format() for problem in app.screen.problems] == [f"{content}: error: {GONE}"]
        await pilot.press("escape")

        os.rename(away, content)  # back
        await until(pilot, lambda: titles(app) == before and not app.briefing.problems, "the topics back")

        shutil.rmtree(content)  # deleted
        await until(pilot, lambda: gone(app), "the folder said to be gone again")
        shutil.copytree(bundled_content_dir(), content)  # and made again
        kursk = content / "topics" / "kursk.md"
        kursk.write_text(kursk.read_text(encoding="utf-8").replace("title: Kursk", "title: Kursk again"), "utf-8")
        await until(pilot, lambda: "Kursk again" in titles(app), "the recreated folder, with its edit")
        assert len(titles(app)) == 11 and not app.briefing.problems
        await pilot.press("1")
        assert app.screen.current_pane is not None and app.screen.current_pane.topic.id == "overview"
        assert app.is_running
