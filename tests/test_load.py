"""Reading a CSV file: a regular file is read all at once, any other record by record, and
both ways give the same columns and lines."""

from __future__ import annotations

import csv
import random

import pytest

from actorgraph.casebook import read as load
from actorgraph.schema import EDGES, NODES

# Values a spreadsheet writes: commas, quotes, padding, accents, typography, blanks.
PIECES = ["Iran", "a, b", 'say "no"', "  padded ", "\u00a0nbsp\u00a0", "Caracas", "",
          "Ma\u0301duro", "‘quoted’ — dash", "x", "=1+1", "\t tab"]


def _write(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\r\n").writerows([header, *rows])


def _random_rows(seed, width, n):
    rng = random.Random(seed)
    rows = [[rng.choice(PIECES) for _ in range(width)] for _ in range(n)]
    for row in rows:
        row[0] = f"id{rng.randrange(10**6)}"  # never a blank record
    return rows


@pytest.mark.parametrize("seed", range(8))
def test_a_regular_file_is_read_at_once(tmp_path, seed, monkeypatch):
    header = ["id", "name", "type", "aliases", "description", "extra"]
    rows = _random_rows(seed, len(header), 200)
    _write(tmp_path / "nodes.csv", header, rows)
    monkeypatch.setattr(load, "_one_by_one", None)  # would fail if called
    problems = []
    read = load.read_table(tmp_path, NODES, problems)
    assert problems == []
    assert read.lines == list(range(2, 202))
    for i, name in enumerate(header):
        assert read.columns[name] == [row[i].strip() for row in rows]
    assert list(read.columns) == header  # ours in the table's order, then the others


@pytest.mark.parametrize("irregular", [
    "c9,a,b,supports,quote,d,e,alleged,,\r\n\r\n",              # a blank line
    "c9,a,b,supports,\"two\r\nlines\",d,e,alleged,,\r\n",        # a record over two lines
    " , ,,,,,,,,\r\n",                                          # a blank record
    "c9,a,b,supports,short\r\n",                                # a short record
    "c9,a,b,supports,q,d,e,alleged,,,\r\n",                     # an empty extra field
])
def test_an_irregular_file_reads_as_record_by_record(tmp_path, irregular):
    header = list(EDGES.column_names)
    rows = _random_rows(1, len(header), 30)
    _write(tmp_path / "edges.csv", header, rows)
    with open(tmp_path / "edges.csv", "a", encoding="utf-8", newline="") as f:
        f.write(irregular)
        f.write("c10,s,t,supports,last,d,e,alleged,,\r\n")
    problems = []
    read = load.read_table(tmp_path, EDGES, problems)
    assert problems == []
    extra_lines = irregular.count("\n")
    blank = irregular.startswith(" ,")
    expected_lines = list(range(2, 32)) + ([] if blank else [32]) + [32 + extra_lines]
    assert read.lines == expected_lines
    assert read.columns["id"][:30] == [row[0] for row in rows]
    assert read.columns["id"][-1] == "c10"
    assert read.columns["source_text"][-1] == "last"
    if irregular.startswith("c9,a,b,supports,short"):
        assert read.columns["source_doc"][-2] == ""  # a short record is padded
    assert all(len(values) == len(read.lines) for values in read.columns.values())


@pytest.mark.parametrize("header, message", [
    ("id,name,type,name", "columns 'name' and 'name' both give the column 'name'; keep one"),
    ("id,name,type,Label", "columns 'name' and 'Label' both give the column 'name'; keep one"),
    ("ID,Name,type,tags,aliases", "columns 'tags' and 'aliases' both give the column "
     "'aliases'; keep one"),
])
def test_two_columns_giving_one_field_are_an_error(tmp_path, header, message):
    """Not a silent choice of one of them (the Label column replaced every name)."""
    (tmp_path / "nodes.csv").write_text(f"{header}\na,First,state,Second,x\n",
                                        encoding="utf-8")
    problems = []
    read = load.read_table(tmp_path, NODES, problems)
    assert [(p.line, p.message) for p in problems] == [(1, message)]
    assert not read.readable


def test_an_empty_file_with_a_header_has_every_column(tmp_path):
    (tmp_path / "nodes.csv").write_text("id,name,type\n", encoding="utf-8")
    read = load.read_table(tmp_path, NODES, [])
    assert read.lines == [] and read.records == []
    assert list(read.columns) == list(NODES.column_names)
