"""Where records stand in a table file, and which records an edit replaced (store/layout)."""

from __future__ import annotations

from array import array

import pytest

from actorgraph.store import layout
from actorgraph.store.layout import Layout, change, measure, patched

HEADER = b"id,name\n"
RECORDS = [f"r{i:03d},name {i}\n".encode() for i in range(300)]
DATA = HEADER + b"".join(RECORDS)
LINES = list(range(2, 302))


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch):
    monkeypatch.setattr(layout, "BLOCK", 64)


def test_measure_finds_each_record_by_byte_and_line():
    found = measure(DATA, LINES)
    assert found.offsets[0] == len(HEADER)
    assert found.offsets[5] == len(HEADER) + sum(map(len, RECORDS[:5]))
    assert list(found.lines) == LINES
    assert found.positions[1] - found.positions[0] == layout.GAP


def test_a_lone_carriage_return_gives_no_layout():
    assert measure(HEADER + b"r1,a\rb\n", [2]) is None  # the CSV reader counts two lines


def test_unchanged_bytes_are_the_same():
    assert change(measure(DATA, LINES), DATA).same


def test_one_changed_record_is_found_with_few_neighbours():
    before = measure(DATA, LINES)
    new = DATA.replace(b"r150,name 150\n", b"r150,name one hundred and fifty\n")
    edit = change(before, new)
    assert not edit.same
    assert edit.first <= 150 < edit.stop
    assert edit.stop - edit.first < 20  # a block or two of 64 bytes, not the file
    assert b"one hundred and fifty" in edit.region
    assert edit.line == LINES[edit.first]
    assert edit.shift == len(new) - len(DATA)
    # The region is whole records: the old ones before and after it are untouched.
    assert new[:before.offsets[edit.first]] == DATA[:before.offsets[edit.first]]
    assert new.endswith(DATA[before.offsets[edit.stop]:])


def test_records_added_at_the_end():
    before = measure(DATA, LINES)
    new = DATA + b"r300,new\nr301,newer\n"
    edit = change(before, new)
    assert edit.stop == len(before)
    assert edit.region.endswith(b"r300,new\nr301,newer\n")
    after = patched(before, edit, [*range(edit.line, 302), 302, 303], new)
    fresh = measure(new, list(range(2, 304)))
    assert list(after.lines) == list(range(2, 304))
    assert list(after.offsets) == list(fresh.offsets)
    assert (after.size, after.forward, after.backward) == (fresh.size, fresh.forward,
                                                           fresh.backward)
    assert after.positions[-1] > after.positions[-2] > after.positions[-3]


def test_a_deleted_record_moves_later_lines_and_bytes():
    before = measure(DATA, LINES)
    new = DATA.replace(RECORDS[10], b"")
    edit = change(before, new)
    kept = [line for i, line in enumerate(LINES) if edit.first <= i < edit.stop and i != 10]
    after = patched(before, edit, [line - (line > 12) for line in kept], new)
    fresh = measure(new, list(range(2, 301)))
    assert list(after.offsets) == list(fresh.offsets)
    assert list(after.lines) == list(fresh.lines)
    assert list(after.positions) == sorted(set(after.positions))  # ascending, none twice


def test_a_record_spread_over_lines_moves_the_lines_after_it():
    before = measure(DATA, LINES)
    new = DATA.replace(b"r100,name 100\n", b'r100,"name\n100"\n')
    edit = change(before, new)
    lines = []
    line = edit.line
    for i in range(edit.first, edit.stop):
        lines.append(line)
        line += 2 if i == 100 else 1
    after = patched(before, edit, lines, new)
    assert after.lines[-1] == LINES[-1] + 1
    assert after.line_of(after.positions[101]) == LINES[101] + 1


def test_a_changed_header_is_read_whole():
    assert change(measure(DATA, LINES), b"id,title\n" + DATA[len(HEADER):]) is None


def test_no_room_between_positions_reads_whole():
    before = measure(DATA, LINES)
    before.positions = array("q", range(len(before)))  # no integer left between any two
    new = DATA.replace(RECORDS[10], RECORDS[10] + b"r999,squeezed in\n")
    edit = change(before, new)
    count = edit.stop - edit.first + 1
    assert patched(before, edit, list(range(edit.line, edit.line + count)), new) is None


def test_a_stored_layout_round_trips_and_damage_is_seen():
    found = measure(DATA, LINES)
    blob = found.dump()
    assert Layout.load(blob) == found
    damaged = bytearray(blob)
    damaged[100] ^= 1
    assert Layout.load(bytes(damaged)) is None
    assert Layout.load(b"short") is None


def test_another_block_size_is_read_whole(monkeypatch):
    found = measure(DATA, LINES)
    monkeypatch.setattr(layout, "BLOCK", 128)
    assert change(found, DATA + b"r300,x\n") is None
