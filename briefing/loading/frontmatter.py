"""YAML front matter: parsed safely, with every field checked for type and line."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, cast

import yaml

from briefing.model import Problem, Severity

# libyaml's C loader when PyYAML has it (about 10x faster); the pure-Python one otherwise.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(text: str):
    """`safe_load`, refusing aliases first (and so "billion laughs" bombs): front matter
    never needs them, and a refused alias costs nothing to expand."""
    for event in yaml.parse(text, Loader=_SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            error = yaml.MarkedYAMLError(problem="YAML aliases (*name) are not allowed in front matter")
            error.problem_mark = cast(Any, event.start_mark)  # libyaml's own Mark class: same fields
            raise error
    return yaml.load(text, Loader=_SAFE_LOADER)


@dataclass
class FrontMatter:
    """A front matter mapping plus the helpers that validate its fields."""

    shown_as: str
    first_line: int  # file line of the first YAML line
    data: dict[str, Any]
    text: str
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        match = re.search(rf"^{re.escape(key)}\s*:", self.text, re.MULTILINE)
        if match is None:
            return self.first_line - 1
        return self.first_line + self.text.count("\n", 0, match.start())

    def _problem(self, key: str, message: str, severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(self.shown_as, self.line_of(key), severity, message))

    def text_field(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self.data.get(key)
        if value is None:
            if required:
                self._problem(key, f"front matter is missing `{key}`: add `{key}: ...`")
            return default
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self._problem(key, f"`{key}` must be text, not {_kind(value)}")
            return default
        text = " ".join(str(value).split())
        if required and not text:
            self._problem(key, f"`{key}` is empty: give it a value")
        return text

    def int_field(self, key: str, default: int, limit: int) -> int:
        """A whole number from -`limit` to `limit`: the bound is checked here, where the value
        enters the model, so nothing downstream (the store's 64-bit integers) meets a bigger one."""
        value = self.data.get(key)
        if value is None:
            self._problem(key, f"front matter is missing `{key}`: add `{key}: <number>`")
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self._problem(key, f"`{key}` must be a whole number, not {_kind(value)}")
            return default
        if not -limit <= value <= limit:
            self._problem(key, f"`{key}` is out of range: give a whole number from {-limit} to {limit}")
            return default
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value
        ):
            self._problem(key, f"`{key}` must be a list of text, like `{key}: [a, b]`")
            return ()
        return tuple(" ".join(str(item).split()) for item in value if str(item).strip())

    def groups(self, key: str) -> tuple[tuple[str, ...], ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        valid = isinstance(value, list) and all(
            isinstance(group, list) and all(isinstance(item, (str, int)) for item in group) for group in value
        )
        if not valid:
            self._problem(key, f"`{key}` must be a list of lists, like `- [Kyiv, Kiev]`")
            return ()
        return tuple(tuple(" ".join(str(item).split()) for item in group) for group in value if len(group) >= 2)

    def unknown_keys(self, known: set[str]) -> None:
        for key in self.data:
            if key not in known:
                self._problem(
                    str(key),
                    f"unknown front matter field `{key}` (expected one of: {', '.join(sorted(known))})",
                    Severity.WARNING,
                )


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), type(value).__name__)


def parse_front_matter(yaml_text: str, first_line: int, shown_as: str) -> tuple[FrontMatter | None, list[Problem]]:
    """Parse front matter YAML. `first_line` is the file line where the YAML starts."""
    try:
        data = _safe_load(yaml_text)
    except yaml.MarkedYAMLError as exc:
        # The context mark is where the broken construct began (an unclosed quote's opening):
        # the line to fix. The problem mark can be far below it, at the end of the block.
        mark = exc.context_mark or exc.problem_mark
        line = first_line + (mark.line if mark else 0)
        reason = exc.problem or "invalid YAML"
        if exc.context_mark is not None and exc.context:
            reason = f"{reason} {exc.context}"
        return None, [Problem(shown_as, line, Severity.ERROR, f"front matter: {reason}")]
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return None, [Problem(shown_as, first_line, Severity.ERROR, f"front matter: {exc}")]
    except Exception as exc:
        # PyYAML's constructors raise what a malformed tagged value makes them raise
        # (`!!timestamp nonsense`: AttributeError): still only a bad file, never a crash.
        message = f"front matter: a value YAML cannot read ({type(exc).__name__})"
        return None, [Problem(shown_as, first_line, Severity.ERROR, message)]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, [
            Problem(
                shown_as,
                first_line,
                Severity.ERROR,
                f"front matter must be `key: value` lines, not {_kind(data)}",
            )
        ]
    data = {str(key): value for key, value in data.items()}
    return FrontMatter(shown_as, first_line, data, yaml_text), []
