"""Where each record of a casebook table stands in its file, and which records an edit
replaced.

A table's `Layout` holds the file's size, the length of its header, where each record
starts (byte offset and line) and under which position the store keeps it, and BLAKE2b
digests of the file's blocks counted from its start and from its end. When the file
changes, `change` hashes the new bytes block by block from each end until a block differs:
everything before the first differing block and after the last one is unchanged, so only
the records between (a few hundred around one edit in a file of any size) are read again.
The bytes of the old file are not kept: the digests say where they end.
"""

from __future__ import annotations

import hashlib
import zlib
from array import array
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from itertools import accumulate

BLOCK = 1 << 14  # bytes hashed together: an edit re-reads at most two blocks around it
GAP = 1 << 20  # between the positions of two records: room for records added between them
_SIZE = 16  # bytes of each block's digest


def _digest(data: bytes | memoryview) -> bytes:
    return hashlib.blake2b(data, digest_size=_SIZE).digest()


def blocks(data: bytes) -> bytes:
    """The digests of `data`'s blocks from its start, joined."""
    view = memoryview(data)
    return b"".join(_digest(view[i:i + BLOCK]) for i in range(0, len(data), BLOCK))


def blocks_from_end(data: bytes) -> bytes:
    """The digests of `data`'s blocks counted from its end (the last BLOCK bytes first)."""
    view, size = memoryview(data), len(data)
    return b"".join(_digest(view[max(0, size - i - BLOCK):size - i])
                    for i in range(0, size, BLOCK))


def digest(data: bytes, forward: bytes | None = None) -> str:
    """A file's digest, as the store's `files` table records it: of its block digests
    (`forward`, if they are known)."""
    return hashlib.blake2b(blocks(data) if forward is None else forward,
                           digest_size=20).hexdigest()


@dataclass
class Layout:
    """Where a table's records stand in its file (see the module's description)."""

    size: int  # of the file, in bytes
    header: bytes  # the digest of the bytes before the first record
    offsets: array  # the byte each record starts at
    lines: array  # the line each record starts on
    positions: array  # each record's position in the store (ascending, GAP apart at first)
    forward: bytes  # `blocks(file)`
    backward: bytes  # `blocks_from_end(file)`
    block: int = BLOCK  # the size of the blocks hashed

    def __len__(self) -> int:
        return len(self.offsets)

    def line_of(self, position: int) -> int | None:
        """The line of the record the store keeps at `position`."""
        i = bisect_left(self.positions, position)
        return self.lines[i] if i < len(self.positions) and self.positions[i] == position \
            else None

    # --- Stored as one blob ----------------------------------------------------------------

    def dump(self) -> bytes:
        parts = [self.header, self.forward, self.backward, self.offsets.tobytes(),
                 self.lines.tobytes(), self.positions.tobytes()]
        head = array("q", [self.size, self.block, *map(len, parts)]).tobytes()
        body = head + b"".join(parts)
        return body + zlib.crc32(body).to_bytes(4, "big")

    @classmethod
    def load(cls, blob: bytes) -> Layout | None:
        """The layout `dump` wrote, or None if the blob is damaged."""
        body, crc = blob[:-4], blob[-4:]
        if len(blob) < 68 or zlib.crc32(body).to_bytes(4, "big") != crc:
            return None
        head = array("q")
        head.frombytes(body[:64])
        size, block, *lengths = head
        parts, at = [], 64
        for length in lengths:
            parts.append(body[at:at + length])
            at += length
        if at != len(body):
            return None
        numbers = []
        for raw in parts[3:]:
            values = array("q")
            values.frombytes(raw)
            numbers.append(values)
        if not len(numbers[0]) == len(numbers[1]) == len(numbers[2]):
            return None
        return cls(size, parts[0], *numbers, parts[1], parts[2], block)


def measure(data: bytes, lines: list[int], header_lines: int = 1) -> Layout | None:
    """The layout of a table file read as records starting on `lines` (`Rows.lines`), each
    record given a position GAP apart; None when its lines cannot be told from its bytes (a
    carriage return without a line feed: the CSV reader counts it as a line end)."""
    if data.count(b"\r") != data.count(b"\r\n"):
        return None
    starts = array("q", [0])
    starts.extend(accumulate(len(line) + 1 for line in data.split(b"\n")))
    if lines and lines[-1] > len(starts) - 1:
        return None
    first = lines[0] if lines else header_lines + 1
    header = data[:starts[first - 1]] if first - 1 < len(starts) else data
    return Layout(len(data), _digest(header), array("q", (starts[line - 1] for line in lines)),
                  array("q", lines), array("q", range(GAP, GAP * (len(lines) + 1), GAP)),
                  blocks(data), blocks_from_end(data), BLOCK)


@dataclass
class Change:
    """The records an edit replaced: the old records [first, stop) gave way to the bytes
    `region` of the new file, which start on `line`; records after them moved by `shift`
    bytes. `same` when the file holds the same bytes."""

    first: int
    stop: int
    region: bytes
    line: int
    shift: int
    same: bool = False
    forward: bytes = b""  # the new file's `blocks`
    backward: bytes = b""  # and `blocks_from_end`


def _first_difference(old: bytes, new: bytes) -> int:
    """The index of the first digest (of _SIZE bytes) that differs, or how many there are."""
    count = min(len(old), len(new)) // _SIZE
    low, high = 0, count  # the first difference is in [low, high]
    if old[:count * _SIZE] == new[:count * _SIZE]:
        return count
    while low < high:  # binary search on equal prefixes: memcmp, no loop over digests
        middle = (low + high) // 2
        if old[:(middle + 1) * _SIZE] == new[:(middle + 1) * _SIZE]:
            low = middle + 1
        else:
            high = middle
    return low


def change(layout: Layout, data: bytes, forward: bytes | None = None) -> Change | None:
    """What changed between the file `layout` describes and its new bytes `data` (whose
    `blocks` are `forward`, if known); None when the change reaches the header (or there is
    no record to start from): read it whole."""
    n = len(layout)
    if n == 0 or layout.block != BLOCK:
        return None
    header_end = layout.offsets[0]
    if len(data) < header_end or _digest(data[:header_end]) != layout.header:
        return None
    forward = blocks(data) if forward is None else forward
    if forward == layout.forward and len(data) == layout.size:
        return Change(n, n, b"", layout.lines[-1], 0, same=True, forward=forward)
    prefix = min(max(_first_difference(layout.forward, forward) * BLOCK, header_end),
                 len(data), layout.size)
    backward = blocks_from_end(data)
    suffix = _first_difference(layout.backward, backward) * BLOCK
    suffix = min(suffix, len(data) - prefix, layout.size - prefix)
    first = bisect_right(layout.offsets, prefix) - 1
    stop = bisect_left(layout.offsets, layout.size - suffix)
    shift = len(data) - layout.size
    end = layout.offsets[stop] + shift if stop < n else len(data)
    start = layout.offsets[first]
    if end < start:
        return None
    return Change(first, stop, data[start:end], layout.lines[first], shift, False, forward,
                  backward)


def patched(layout: Layout, edit: Change, lines: list[int], data: bytes) -> Layout | None:
    """The layout of the new file: the records of `edit.region` (starting on `lines`) put
    in place of the old ones, given positions between their neighbours'; None when there is
    no room for them there (the store is then written anew)."""
    first, stop = edit.first, edit.stop
    start = layout.offsets[first] if first < len(layout) else layout.size
    low = layout.positions[first - 1] if first else 0
    count = len(lines)
    if stop < len(layout):
        step = (layout.positions[stop] - low) // (count + 1)
        if step < 1:
            return None
    else:
        step = GAP
    offsets = []
    if count:  # where each new record starts: the byte of its line in the region
        starts = array("q", [start])
        starts.extend(start + at for at in accumulate(
            len(line) + 1 for line in edit.region.split(b"\n")))
        offsets = [starts[line - edit.line] for line in lines]
    old_lines = (layout.lines[stop] - edit.line) if stop < len(layout) else 0
    moved = edit.region.count(b"\n") - old_lines if stop < len(layout) else 0
    tail_offsets = layout.offsets[stop:]
    tail_lines = layout.lines[stop:]
    if edit.shift:
        tail_offsets = array("q", (o + edit.shift for o in tail_offsets))
    if moved:
        tail_lines = array("q", (line + moved for line in tail_lines))
    return replace(
        layout, size=len(data),
        offsets=layout.offsets[:first] + array("q", offsets) + tail_offsets,
        lines=layout.lines[:first] + array("q", lines) + tail_lines,
        positions=(layout.positions[:first]
                   + array("q", range(low + step, low + step * (count + 1), step))
                   + layout.positions[stop:]),
        forward=edit.forward or blocks(data), backward=edit.backward or blocks_from_end(data))
