"""Word forms, question words and what a question asks for: the English search relies on."""

from __future__ import annotations

from briefing.search.language import answer_marks, asks_time, is_stop_word, quantity_question, stem, stem_all
from briefing.search.query import PREFIX, STEM, SYNONYM, parse_query
from briefing.search.synonyms import SynonymTable


def test_forms_of_a_word_share_a_stem():
    # Words heard in a meeting against the briefing's wording.
    assert stem("reciprocates") == stem("reciprocating")
    assert stem("country") == stem("countries")
    assert stem("facility") == stem("facilities")
    assert stem("ally") == stem("allies")
    assert stem("proposed") == stem("proposal")
    assert stem("said") == stem("say")  # irregular forms no suffix rule reaches
    assert stem("held") == stem("hold")
    assert stem("hockey") != stem("hock")


def test_words_with_digits_are_their_own_stem():
    assert stem("30day") == "30day"
    assert stem("1990s") == "1990s"
    assert stem_all(["talks", "175", "said"]) == [stem("talks"), "175", stem("say")]


def test_question_words_and_fillers_are_stop_words():
    for word in ("who", "what", "how", "many", "did", "does", "the", "was", "about"):
        assert is_stop_word(word), word
    # Words that change the answer are not fillers: "iran must never", "negotiate without ukraine".
    for word in ("must", "never", "not", "no", "without", "hockey", "long"):
        assert not is_stop_word(word), word


def test_quantity_questions_and_what_they_count():
    assert quantity_question(["how", "many", "pows"]) == (True, 2)
    assert quantity_question(["how", "many", "of", "the", "prisoners"]) == (True, 4)
    assert quantity_question(["how", "long", "was", "the", "call"]) == (True, None)
    assert quantity_question(["zaporizhzhia", "share", "of", "power"]) == (True, 1)
    assert quantity_question(["who", "proposed", "hockey"]) == (False, None)
    assert quantity_question(["how", "did", "kyiv", "react"]) == (False, None)
    assert asks_time(["when", "is", "the", "swap"]) and not asks_time(["where", "is", "the", "plant"])


def test_figures_and_dates_in_a_text():
    figure, time = 1, 2
    assert answer_marks({"nearly", "three", "hours"}, "nearly three hours") == figure
    assert answer_marks({"set", "for", "wednesday"}, "set for wednesday") == time
    assert answer_marks({"the", "2016", "election"}, "the 2016 election") == figure | time
    assert answer_marks({"one", "report", "says"}, "one report says") == 0  # "one" is a pronoun here


def test_a_query_of_only_question_words_still_has_terms():
    query = parse_query("what did")
    assert [term.stop for term in query.terms] == [True, True]
    assert query.content == [0, 1]  # nothing else to go on: they decide after all
    mixed = parse_query("who proposed hockey")
    assert [term.stop for term in mixed.terms] == [True, False, False]
    assert mixed.content == [1, 2]


def test_every_word_may_be_a_prefix_but_short_finished_ones_are_not():
    query = parse_query("zapor cross")
    assert [term.alternatives[0][0].prefix for term in query.terms] == [True, True]
    assert query.terms[0].alternatives[0][0].grade_word("zaporizhzhia") == PREFIX
    query = parse_query("wo sol")
    assert [term.alternatives[0][0].prefix for term in query.terms] == [False, True]


def test_synonyms_of_a_word_and_of_a_phrase_become_alternatives():
    synonyms = SynonymTable((("wounded", "injured"), ("refuse", "held back"), ("poll", "public opinion")))
    wounded = parse_query("wounded", synonyms=synonyms).terms[0]
    injured = wounded.alternatives[1][0]
    assert (injured.word, injured.best) == ("injured", SYNONYM)
    assert injured.grade_word("injured") == SYNONYM and injured.grade_word("injures") == STEM * SYNONYM
    refused = parse_query("refused", synonyms=synonyms).terms[0]  # by stem: "refused" is "refuse"
    assert [atom.word for atom in refused.alternatives[1]] == ["held", "back"]
    opinion = parse_query("public opinion ukraine", synonyms=synonyms)
    assert [term.text for term in opinion.terms] == ["public opinion", "ukraine"]
    assert [atom.word for atom in opinion.terms[0].alternatives[1]] == ["poll"]
    assert len(parse_query("the", synonyms=synonyms).terms[0].alternatives) == 1  # stop words get none
