"""`check --against` warns when a claim follows one sentence of a cited outlet too closely.

The cases are the bundled briefing's own (issue 21): each claim as it stood before the rewrite,
the outlet sentence the check names for it, and the claim as rewritten. Five more sentences the
audit listed share too few words with their source for any measure of shared words (a swap of
synonyms around names and small words: "Those talks were to begin straight away in the Middle
East" for "These discussions were set to start immediately in the Middle East"); they were
rewritten by hand, and are not claimed here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from briefing.checking import check_against
from briefing.checking.closeness import MIN_RUN, OutletSentences, closest, names_in, sentences
from briefing.loading.loader import load_briefing

FIXTURES = Path(__file__).parent / "fixtures" / "against"


class Case(NamedTuple):
    where: str
    outlet: str
    sentence: str
    before: str
    after: str


#: The bundled briefing's sentences that the check flags, before and after the rewrite of issue 21.
CASES = [Case(**case) for case in json.loads((FIXTURES.parent / "closeness" / "issue-21.json").read_text("utf-8"))]

#: Names as the check finds them: words that neither the sentences nor the claims write in lower case.
NAMES = names_in("\n".join(text for case in CASES for text in (case.sentence, case.before, case.after)))


def follows(claim: str, sentence: str) -> bool:
    return closest(claim, OutletSentences.of(sentence, NAMES)) is not None


@pytest.mark.parametrize("case", CASES, ids=[f"{case.where} {case.outlet}" for case in CASES])
def test_the_sentence_as_it_stood_before_the_rewrite_is_too_close(case):
    assert follows(case.before, case.sentence)


@pytest.mark.parametrize("case", CASES, ids=[f"{case.where} {case.outlet}" for case in CASES])
def test_the_rewritten_sentence_is_our_own(case):
    assert not follows(case.after, case.sentence)


def test_names_and_figures_do_not_count():
    # Facts must carry over: a claim made of the sentence's names and figures is not a copy of it.
    sentence = "The KHL has teams from Russia, Belarus, Kazakhstan and China, and 175 players."
    names = names_in(sentence)
    assert {"russia", "belarus", "kazakhstan", "china", "khl"} <= names
    assert (
        closest("Its clubs: Russia, Belarus, Kazakhstan and China; 175 players.", OutletSentences.of(sentence, names))
        is None
    )


def test_words_in_quotation_marks_do_not_count():
    sentence = (
        "Zelensky said he was ready to meet anyone who wanted to talk about a fair and lasting peace for Ukraine."
    )
    quoted = 'Zelensky said he was "ready to meet anyone who wanted to talk about a fair and lasting peace".'
    unquoted = "Zelensky said he was ready to meet anyone who wanted to talk about a fair and lasting peace."
    assert not follows(quoted, sentence)
    assert follows(unquoted, sentence)


def test_a_long_shared_run_is_too_close_even_in_a_long_claim():
    sentence = "Officials said the talks would resume in the capital early next week after a short pause."
    run = "the talks would resume in the capital early next"
    claim = f"Much else was said about money, boats and the weather, and that {run} month, perhaps."
    found = closest(claim, OutletSentences.of(sentence, names_in(sentence)))
    assert found is not None and found.run == len(run.split()) >= MIN_RUN
    assert found.in_order / found.claim_words < 0.5  # the run alone decides


def test_sentences_are_not_cut_at_abbreviations():
    text = "The U.S. has said so. Talks resume Feb. 28 in Riyadh!\nA headline without a stop"
    assert sentences(text) == ["The U.S. has said so.", "Talks resume Feb. 28 in Riyadh!", "A headline without a stop"]


def test_damaged_apostrophes_still_make_one_word():
    sentence = "Ukraine\u0e42s army stunned Russia in August with its cross-border attack and took much land."
    names = names_in(sentence + "\nukraines")
    found = closest(
        "Ukraine's army stunned Russia in August with its cross-border attack.", OutletSentences.of(sentence, names)
    )
    assert found is not None and found.run == 11  # "Ukraine's army … attack", every word of the claim


def test_a_capital_at_the_start_of_a_sentence_does_not_make_a_name():
    assert names_in("But Trump said no. However, the Kremlin said yes.") == {"trump", "kremlin"}


# --- through the check, on the invented fixture briefing ---------------------------------------


def test_the_warning_names_the_line_the_outlet_and_its_sentence(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", content)
    (content / "topics" / "extra.md").write_text(
        "---\ntitle: Extra\norder: 2\nsummary: s\n---\n"
        "- The harbour board and the ferry workers' union agreed on Sunday to end the strike. [@harbour]\n"
        "- The strike ended on Sunday, as both sides agreed. [@harbour]\n",
        encoding="utf-8",
    )
    found = [p.format() for p in check_against(load_briefing(content), FIXTURES / "texts")]
    assert found == [
        "topics/extra.md:6: warning: too close to harbour (10 of its 14 words in the same order); say it in our own"
        " words: \"PORT ALDER - The ferry workers' union and the harbour board agreed on Sunday to end the strike"
        ' that had halted 12…"'
    ]


def test_cli_a_close_sentence_is_a_warning_and_exits_0(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", content)
    (content / "topics" / "extra.md").write_text(
        "---\ntitle: Extra\norder: 2\nsummary: s\n---\n"
        "- Pay will rise by a quarter over the next two years, the report says. [@harbour]\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "check", str(content), "--against", str(FIXTURES / "texts")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("topics/extra.md:6: warning: too close to harbour (")
    assert lines[0].endswith('"Pay will rise by a quarter over two years."')
    assert lines[-1].endswith("0 errors, 1 warning")
