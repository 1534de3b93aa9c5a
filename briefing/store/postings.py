"""A search term's postings as the store keeps them: a list of ids while the term is rare
(small, and as quick to turn into a bitset), a compressed bitset once it is common. Changing them
costs what the term holds, never the size of the briefing."""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Iterable, Sequence


def pack(bits: int) -> bytes:
    return zlib.compress(bits.to_bytes((bits.bit_length() + 7) // 8, "little"), 1)


def unpack(blob: bytes) -> int:
    return int.from_bytes(zlib.decompress(blob), "little")


# The two forms, told apart by their first byte: b"i" + uint32 ids, or b"b" + zlib'd bits.
_IDS, _BITS = b"i", b"b"
#: A term in more than one document in this many is kept as a bitset.
_DENSE_SHARE = 64


def encode_postings(ids: Sequence[int], size: int) -> bytes:
    """A term's postings, given as sorted ids, in the form that suits how common it is."""
    if len(ids) * _DENSE_SHARE >= size:
        return _BITS + pack(bits_of(ids, size))
    return _IDS + array("I", ids).tobytes()


def decode_postings(blob: bytes, size: int) -> int:
    """A term's postings as a bitset."""
    if blob[:1] == _BITS:
        return unpack(blob[1:])
    return bits_of(_id_array(blob), size)


def changed_postings(blob: bytes, gone: set[int], added: Sequence[int], size: int) -> tuple[int, bytes]:
    """(document frequency, postings) after removing `gone` and adding `added` (ids above every
    existing one), or (0, b"") when none is left. A rare term is changed as its list of ids, a
    common one as its bitset: either way the work is what the term holds, never the briefing."""
    if blob[:1] == _BITS:
        bits = unpack(blob[1:])
        if gone:
            bits &= ~bits_of(gone, size)
        if added:
            bits |= bits_of(added, size)
        count = bits.bit_count()
        if count * _DENSE_SHARE >= size:
            return count, _BITS + pack(bits)
        return count, (_IDS + array("I", ids_of(bits)).tobytes()) if count else b""
    ids = [doc for doc in _id_array(blob) if doc not in gone] + list(added)
    return len(ids), encode_postings(ids, size) if ids else b""


def _id_array(blob: bytes) -> array[int]:
    ids = array("I")
    ids.frombytes(blob[1:])
    return ids


def ids_of(bits: int) -> list[int]:
    """The set bits, in order (the search for each runs in C, over the bits' text)."""
    text = bin(bits)[:1:-1]  # bit 0 first
    ids, index = [], text.find("1")
    while index >= 0:
        ids.append(index)
        index = text.find("1", index + 1)
    return ids


def bits_of(ids: Iterable[int], size: int) -> int:
    """A bitset of `ids`, built in a bytearray: linear in the ids, not in the briefing."""
    buffer = bytearray((size + 7) // 8)
    for doc in ids:
        buffer[doc >> 3] |= 1 << (doc & 7)
    return int.from_bytes(buffer, "little")
