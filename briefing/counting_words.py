"""A count and its noun, as every command and page says it: "1 claim", "10,011 topics"."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """`number` with thousands separators and `noun`, plural unless the number is exactly one."""
    return f"{number:,} {noun}{'s' * (number != 1)}"
