"""Sets of document ids as Python ints (bit d set = document d): union and intersection run in C."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import repeat


def from_ids(ids: Iterable[int], size: int) -> int:
    """A bitset of `ids` (each < `size`)."""
    ids = list(ids)
    if len(ids) < 8:
        bits = 0
        for doc in ids:
            bits |= 1 << doc
        return bits
    # One ASCII digit per document, set in a C loop, then read as a base-2 number.
    digits = bytearray(b"0") * size
    deque(map(digits.__setitem__, ids, repeat(49)), maxlen=0)
    digits.reverse()
    return int(digits, 2)


def lowest(bits: int, count: int) -> list[int]:
    """The `count` smallest ids in `bits`, ascending."""
    if count <= 0 or not bits:
        return []
    text = bin(bits)
    end = len(text)
    found: list[int] = []
    while len(found) < count:
        index = text.rfind("1", 2, end)
        if index < 0:
            break
        found.append(len(text) - 1 - index)
        end = index
    return found


def count_slices(masks: Sequence[int]) -> list[int]:
    """Bit-sliced counters: document d is in `slices[j]` when bit j of its count is set."""
    slices = [0] * max(1, len(masks).bit_length())
    for mask in masks:
        carry = mask
        for j, current in enumerate(slices):
            if not carry:
                break
            slices[j] = current ^ carry
            carry = current & carry
    return slices


def with_count(slices: Sequence[int], count: int, universe: int) -> int:
    """Documents whose count is exactly `count`."""
    result = universe
    for j, current in enumerate(slices):
        result &= current if (count >> j) & 1 else ~current
        if not result:
            break
    if count >> len(slices):
        return 0
    return result
