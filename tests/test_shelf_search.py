"""A search across the library (`briefing search --all`, `/` on the shelf): each briefing's best
few first, asked again for more only when its last one would still make the merged list, and
never every document that holds a common word scored."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.search.engine import SearchIndex
from briefing.shelf import reading
from briefing.shelf.folder import Folder
from briefing.shelf.reading import search_library, shelf_entries
from briefing.store import open as store_open
from devkit.synthetic import write_synthetic_content


@pytest.fixture(scope="module")
def entries(tmp_path_factory):
    folder = tmp_path_factory.mktemp("library")
    folders = [
        Folder(f"b{seed}", write_synthetic_content(Path(folder) / f"b{seed}", 60, seed=seed)) for seed in range(3)
    ]
    return shelf_entries(folders)


def exhaustive(entries, query, limit):
    """Every briefing asked for its whole `limit`, every matching document scored."""
    found = [hit for entry in entries for hit in reading._search_one(entry, query, limit, budget=10_000)]
    found.sort(key=lambda hit: -hit.score)
    return found[:limit]


@pytest.mark.parametrize("query", ["prisoners exchange", "sirens missiles", "kremlin talks"])
def test_the_best_hits_across_briefings_are_the_exhaustive_ones(entries, query):
    got = search_library(entries, query, 20)
    assert len(got) == 20
    assert [hit.score for hit in got] == [hit.score for hit in exhaustive(entries, query, 20)]
    assert len({hit.root for hit in got}) > 1, "the hits come from more than one briefing"


def test_a_library_of_a_few_briefings_ranks_a_common_word_in_full(entries):
    # A word of one term: the engine's classes cannot tell its best documents from the others.
    got = search_library(entries, "prisoners", reading.FEW)
    assert [hit.score for hit in got] == [hit.score for hit in exhaustive(entries, "prisoners", reading.FEW)]


def test_a_briefing_whose_few_all_make_the_list_is_asked_for_more(entries):
    alone = entries[:1]
    got = search_library(alone, "prisoners exchange", 20)
    assert len(got) == 20 > reading.FEW
    assert [hit.score for hit in got] == [hit.score for hit in exhaustive(alone, "prisoners exchange", 20)]


def test_a_common_word_scores_a_few_documents_per_briefing_not_all(entries, monkeypatch):
    scored = []
    evidence = SearchIndex._evidence

    def counting(self, document, *args):
        scored.append(document)
        return evidence(self, document, *args)

    monkeypatch.setattr(SearchIndex, "_evidence", counting)
    monkeypatch.setattr(reading, "SHARED", 0)  # as a library of hundreds would share it
    exhaustive(entries, "prisoners", reading.FEW)
    everything = len(scored)
    scored.clear()
    assert len(search_library(entries, "prisoners", reading.FEW)) == reading.FEW
    assert len(scored) <= everything // 2, (len(scored), everything)


def test_search_all_reads_no_header_before_it_searches_and_answers_as_the_shelf_does(entries, monkeypatch):
    """`briefing search --all` starts from the folders alone (`unread_entries`): it opens a
    briefing only to search it, as the shelf's search does with entries it read when it
    painted, and gives the same answers, briefing titles and order."""
    folders = [Folder(Path(entry.root).name, Path(entry.root)) for entry in entries]
    real_store = reading.Store
    opened: list[str] = []

    def store_counted(folder, *args, **kwargs):
        opened.append(str(folder))
        return real_store(folder, *args, **kwargs)

    monkeypatch.setattr(reading, "Store", store_counted)
    monkeypatch.setattr(store_open, "Store", store_counted)
    got = search_library(reading.unread_entries(folders), "prisoners exchange", 20)
    opened_from_folders = sorted(opened)
    opened.clear()
    want = search_library(entries, "prisoners exchange", 20)
    assert opened_from_folders == sorted(opened), "no header read before the searches"
    assert [(hit.root, hit.briefing, hit.score, hit.text) for hit in got] == [
        (hit.root, hit.briefing, hit.score, hit.text) for hit in want
    ]
    assert all(hit.briefing == "Synthetic briefing" for hit in got)


def test_a_hit_on_an_outlets_description_names_the_outlet(tmp_path):
    """Across briefings as within one, an outlet's card or paragraph says whose it is: the shelf
    and `briefing search --all` show `outlet › text`, not the text alone."""
    from briefing.loading.paths import bundled_content_dir

    bundled = shelf_entries([Folder("bundled", bundled_content_dir(), bundled=True)])
    found = [hit for hit in search_library(bundled, "longest and most detailed account", 5) if hit.kind == "source"]
    assert found and found[0].topic == "Los Angeles Times (Associated Press story)"
