"""A YAML mistake is reported on the line where it is (issue 19.7), not where YAML gave up."""

from __future__ import annotations

from briefing.loading.frontmatter import parse_front_matter


def test_an_unclosed_quote_names_the_line_it_opens_on():
    yaml_text = 'title: "Trump and Putin\nas_of: 2026-11-22\nevent_date: 2025-03-18\nbottom_line: x\n'
    _front, problems = parse_front_matter(yaml_text, 2, "briefing.md")
    (problem,) = problems
    assert problem.line == 2, "the title's line, where the quote opens"
    assert "quoted scalar" in problem.message


def test_an_unclosed_list_names_its_line():
    _front, problems = parse_front_matter("a: 1\nb: [1, 2\nc: 3\n", 2, "x.md")
    assert [problem.line for problem in problems] == [3]
