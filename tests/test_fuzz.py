"""Random bytes and random CSV mutations fed to validation (seeded, a few seconds): never a
traceback, and never a pass with fewer claims or actors than the file's rows that parse."""

from __future__ import annotations

import csv
import io
import random
import shutil

import pytest

from actorgraph.casebook.validate import validate_casebook
from actorgraph.errors import ValidationError
from helpers import FIXTURES, run

PIECES = ['"', '""', ",", "\n", "\r\n", "\r", "\x00", "\ufeff", "\u202e", "…", "é", "\t",
          "|", "'", "=", "\x1b", "\u00a0", "c1", "report", "front", " "]


def mutate(text: str, rng: random.Random) -> bytes:
    """One random change a careless hand, a bad tool or a damaged disk could make."""
    kind = rng.randrange(9)
    at = rng.randrange(len(text) + 1)
    if kind == 8:  # a quote opening a field (after a comma), closed or not further on
        commas = [i for i, c in enumerate(text) if c == ","] or [-1]
        at = rng.choice(commas) + 1
        text = text[:at] + '"' + text[at:]
        if rng.random() < 0.5:
            later = rng.randrange(at + 1, len(text) + 1)
            text = text[:later] + '"' + text[later:]
    elif kind == 0:
        text = text[:at] + rng.choice(PIECES) + text[at:]
    elif kind == 1:
        text = text[:at] + text[at + rng.randrange(1, 20):]
    elif kind == 2 and text:
        lines = text.splitlines(keepends=True)
        i = rng.randrange(len(lines))
        lines.insert(rng.randrange(len(lines) + 1), lines[i])
        text = "".join(lines)
    elif kind == 3:
        lines = text.splitlines(keepends=True)
        rng.shuffle(lines)
        text = "".join(lines)
    elif kind == 4:
        text = text[:at]
    elif kind == 5:
        data = bytearray(text.encode("utf-8"))
        for _ in range(rng.randrange(1, 6) if data else 0):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    elif kind == 6:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 300)))
    else:
        text = "".join(rng.choice(PIECES) if rng.random() < 0.03 else c for c in text)
    return text.encode("utf-8")


def rows_that_parse(data: bytes) -> int | None:
    """How many lines after the header read, each on its own, as a row of the file (as many
    fields as the header, the first not blank), or None when `data` is not UTF-8 CSV: a
    casebook that passes holds at least that many records, or rows were swallowed."""
    try:
        lines = data.decode("utf-8-sig").splitlines()
        width = len(next(csv.reader(io.StringIO(lines[0]))))
        found = 0
        for line in lines[1:]:
            row = next(csv.reader(io.StringIO(line, newline="")), [])
            found += len(row) == width and bool(row[0].strip())
    except (UnicodeDecodeError, csv.Error, IndexError, StopIteration):
        return None
    return found


@pytest.mark.parametrize("table", ["edges.csv", "nodes.csv", "sources.csv"])
def test_validation_of_mutated_tables_never_crashes_nor_loses_rows(tmp_path, table):
    rng = random.Random(f"fuzz-{table}")
    original = (FIXTURES / "good" / table).read_text(encoding="utf-8")
    root = tmp_path / "case"
    shutil.copytree(FIXTURES / "good", root)
    passed = failed = 0
    for _ in range(1200):
        data = mutate(original, rng)
        (root / table).write_bytes(data)
        try:
            report = validate_casebook(root)
        except ValidationError as err:
            assert err.problems, "a failure says why"
            failed += 1
            continue
        passed += 1
        parsed = rows_that_parse(data)
        rows = {"edges.csv": report.contents.claims, "nodes.csv": report.contents.actors,
                "sources.csv": report.contents.sources}[table]
        assert parsed is not None and len(rows) >= parsed, data
    assert passed > 50 and failed > 200  # the mutations reach both sides


def test_the_command_line_on_random_bytes_says_why_in_one_message(tmp_path):
    rng = random.Random("cli")
    root = tmp_path / "case"
    shutil.copytree(FIXTURES / "good", root)
    for _ in range(40):
        table = rng.choice(["edges.csv", "nodes.csv", "sources.csv", "sources/report.txt"])
        (root / table).write_bytes(bytes(rng.randrange(256)
                                         for _ in range(rng.randrange(1, 400))))
        code, out, err = run("validate", "--data", root)
        assert code in (0, 1) and "Traceback" not in err
        if code == 1:
            assert err.endswith(" in the casebook.\n") and out == ""
        shutil.copy(FIXTURES / "good" / table, root / table)
