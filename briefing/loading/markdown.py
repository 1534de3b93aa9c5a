"""Turn a content file's Markdown into front matter text and attributed claims.

Claims are bullets (or paragraphs) ending in pandoc-style citations: `[@latimes-ap]` or
`[@uslive; @latimes-ap]`. Inside "Where reports differ", citations may follow each side.
A claim that ends in `{key}` is a key point: it goes on the handout. The marker is taken out
here, so no screen, search index or page ever sees it as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from briefing.model import ClaimPart, Problem, Severity

_CITATION_GROUP = re.compile(r"\[\s*@[^\[\]]*\]")
_CITATION_KEY = re.compile(r"^@([A-Za-z0-9][A-Za-z0-9_.-]*)$")
_LABEL = re.compile(r"^\s*\*\*(?P<label>[^*]+?)\*\*\s*:\s*")
# `{key}`, forgiving of case and inner spaces; it belongs at the very end of a claim.
_KEY_MARKER = re.compile(r"\{\s*key\s*\}", re.IGNORECASE)
# Characters that can start inline Markdown syntax; text without them is already plain.
_INLINE_SYNTAX = re.compile(r"[*_`\\\[\]<>&!~]")
_IGNORED_BLOCKS = {
    "fence": "code block",
    "code_block": "code block",
    "html_block": "HTML",
    "table_open": "table",
    "hr": "rule",
}


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """Block structure only: inline content is kept as source text, and only the pieces that
    need it go through `_inline_parser` (tokenising every inline twice cost half the load)."""
    return MarkdownIt("commonmark").use(front_matter_plugin).enable("table").disable("inline")


@lru_cache(maxsize=1)
def _inline_parser() -> MarkdownIt:
    return MarkdownIt("commonmark")


@dataclass
class ParsedClaim:
    parts: tuple[ClaimPart, ...]
    line: int
    label: str = ""
    key_point: bool = False


@dataclass
class ParsedSection:
    title: str
    line: int
    claims: list[ParsedClaim] = field(default_factory=list)


@dataclass
class ParsedDocument:
    front_matter: str | None
    front_matter_line: int  # file line where the YAML starts
    sections: list[ParsedSection]
    paragraphs: list[tuple[str, int]]  # plain text blocks, for outlet descriptions
    problems: list[Problem]


def parse_document(text: str, shown_as: str) -> ParsedDocument:
    """Parse a whole content file. Line numbers in the result are 1-based file lines."""
    problems: list[Problem] = []
    tokens = markdown_parser().parse(text)
    front_matter: str | None = None
    front_matter_line = 2
    sections = [ParsedSection(title="", line=1)]
    paragraphs: list[tuple[str, int]] = []
    heading_level = 0
    item_depth = 0
    item_line = 0
    item_sources: list[str] = []

    for token in tokens:
        line = token.map[0] + 1 if token.map else 0
        if token.type == "front_matter":
            front_matter = token.content
            front_matter_line = line + 1
        elif token.type == "heading_open":
            heading_level = int(token.tag[1:])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "list_item_open":
            if item_depth == 0:
                item_line, item_sources = line, []
            item_depth += 1
        elif token.type == "list_item_close":
            item_depth -= 1
            if item_depth == 0 and item_sources:
                sections[-1].claims.append(_claim_from_source(" ".join(item_sources), item_line, shown_as, problems))
        elif token.type == "inline":
            if heading_level:
                title = _plain(_without_marker(token.content, line, shown_as, problems, "a heading"))
                if heading_level == 1:
                    continue  # a document title adds nothing: the front matter names the topic
                sections.append(ParsedSection(title=title, line=line))
            elif item_depth:
                item_sources.append(token.content)
            else:
                plain = _KEY_MARKER.sub("", _CITATION_GROUP.sub("", token.content))
                paragraphs.append((_plain(plain), line))
                sections[-1].claims.append(_claim_from_source(token.content, line, shown_as, problems))
        elif token.type in _IGNORED_BLOCKS:
            problems.append(
                Problem(
                    shown_as, line, Severity.WARNING, f"{_IGNORED_BLOCKS[token.type]} ignored: write claims as bullets"
                )
            )
    if not sections[0].claims:
        sections.pop(0)
    return ParsedDocument(front_matter, front_matter_line, sections, paragraphs, problems)


def _without_marker(source: str, line: int, shown_as: str, problems: list[Problem], where: str) -> str:
    if not _KEY_MARKER.search(source):
        return source
    problems.append(Problem(shown_as, line, Severity.WARNING, f"`{{key}}` marks claims, not {where}: it is ignored"))
    return _KEY_MARKER.sub("", source)


def _key_marker(source: str, line: int, shown_as: str, problems: list[Problem]) -> tuple[str, bool]:
    """`source` without its `{key}` markers, and whether it had one."""
    markers = list(_KEY_MARKER.finditer(source))
    if not markers:
        return source, False
    if len(markers) > 1:
        problems.append(Problem(shown_as, line, Severity.WARNING, "`{key}` given more than once in one claim"))
    elif source[markers[-1].end() :].strip():
        problems.append(
            Problem(shown_as, line, Severity.WARNING, "`{key}` goes at the end of the claim, after its citations")
        )
    # Joined with one space where a marker sat between words, so no two words run together.
    return " ".join(_KEY_MARKER.sub(" ", source).split()), True


def _claim_from_source(source: str, line: int, shown_as: str, problems: list[Problem]) -> ParsedClaim:
    source, key_point = _key_marker(source, line, shown_as, problems)
    label = ""
    if match := _LABEL.match(source):
        label = _plain(match.group("label")).strip()
        source = source[match.end() :]
    parts: list[ClaimPart] = []
    position = 0
    for group in _CITATION_GROUP.finditer(source):
        keys = _citation_keys(group.group(), line, shown_as, problems)
        parts.append(ClaimPart(_plain(source[position : group.start()]).rstrip(), keys))
        position = group.end()
    tail = source[position:]
    if "[@" in tail:
        problems.append(Problem(shown_as, line, Severity.ERROR, "unclosed citation: write it as `[@source-id]`"))
        tail = tail.replace("[@", "[")
    tail_text = _plain(tail)
    if tail_text.strip() or not parts:
        parts.append(ClaimPart(tail_text))
    return ParsedClaim(tuple(parts), line, label, key_point)


def _citation_keys(group: str, line: int, shown_as: str, problems: list[Problem]) -> tuple[str, ...]:
    keys: list[str] = []
    for raw in group[1:-1].split(";"):
        item = raw.strip()
        if match := _CITATION_KEY.match(item):
            keys.append(match.group(1))
        else:
            problems.append(
                Problem(
                    shown_as,
                    line,
                    Severity.ERROR,
                    f"malformed citation {item!r} in {group!r}: write `[@id]` or `[@id1; @id2]`",
                )
            )
    return tuple(keys)


def _plain(markdown: str) -> str:
    """Inline Markdown to plain text: emphasis and links dropped, escapes resolved."""
    if not markdown.strip():
        return markdown and " "
    if not _INLINE_SYNTAX.search(markdown):
        text = " ".join(markdown.split())  # fast path: nothing for the inline parser to do
    else:
        text = _parse_inline(markdown)
    # Keep a separating space where the source had one at either end.
    if markdown[:1].isspace():
        text = " " + text
    if markdown[-1:].isspace():
        text += " "
    return text


def _parse_inline(markdown: str) -> str:
    tokens = _inline_parser().parseInline(markdown)
    pieces: list[str] = []
    for child in _children(tokens):
        if child.type in ("text", "code_inline", "html_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
    return " ".join("".join(pieces).split())


def _children(tokens: list[Token]):
    for token in tokens:
        if token.children:
            yield from token.children
        else:
            yield token
