"""An outlet's claims by position, reading only the topics asked for."""

from __future__ import annotations

import pytest

from briefing.citing import CitingClaims
from briefing.loading.loader import load_briefing
from briefing.loading.paths import bundled_content_dir
from briefing.model import Briefing
from devkit.synthetic import make_synthetic_briefing


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return load_briefing(bundled_content_dir())


@pytest.mark.parametrize("differences", [False, True])
def test_the_same_claims_as_a_walk_of_the_briefing(briefing, differences):
    for source in briefing.sources:
        expected = [claim.id for claim in briefing.claims_citing(source.id) if claim.is_difference == differences]
        citing = CitingClaims(briefing, source.id, differences=differences)
        assert [claim.id for claim in citing] == expected
        assert len(citing) == len(expected)
        if expected:
            assert citing[-1].id == expected[-1]


def test_one_claim_reads_one_topic():
    big = make_synthetic_briefing(2_000)
    read: list[str] = []
    library = big.library
    original = library.topic

    class Counting:
        def topic(self, topic_id):
            read.append(topic_id)
            return original(topic_id)

        def __getattr__(self, name):
            return getattr(library, name)

    counted = Briefing(big.header, big.outline, big.sources, Counting(), big.problems)
    citing = CitingClaims(counted, "alpha")
    read.clear()
    claim = citing[len(citing) // 2]
    assert read == [claim.topic_id]


def test_out_of_range_is_an_index_error(briefing):
    citing = CitingClaims(briefing, briefing.sources[0].id)
    with pytest.raises(IndexError):
        citing[len(citing)]
