"""Reading a casebook folder: the three CSV files and the documents they cite.

Reading never stops at the first problem: every problem found is returned with its file and
line, so that `validate` can report them all at once.
"""

from __future__ import annotations

import csv
import gc
import io
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from actorgraph.errors import Problem
from actorgraph.quotes import Document
from actorgraph.schema import EDGES, NODES, SOURCES, Table

ICONV_HINT = "convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {name} > {fixed}`, "
SAVE_HINT = {".csv": "or save it from your spreadsheet as 'CSV UTF-8'"}


@dataclass
class Rows:
    """The values of one CSV file, column by column, with the line each record starts on.

    `columns` holds every column of the table (a blank list when the file lacks an optional
    one) and then any other column the header names, all as long as `lines`.
    """

    path: str
    columns: dict[str, list[str]]
    lines: list[int]
    readable: bool = True

    @classmethod
    def unreadable(cls, path: str, table: Table) -> Rows:
        """A file that could not be read: every column of the table, empty."""
        return cls(path, {name: [] for name in table.column_names}, [], readable=False)

    @cached_property
    def records(self) -> list[dict[str, str]]:
        """The records as dicts keyed by column name, in the file's order."""
        names = list(self.columns)
        return [dict(zip(names, values)) for values in zip(*self.columns.values())]

    def __iter__(self):
        return zip(self.lines, self.records)

    def __len__(self) -> int:
        return len(self.lines)


@dataclass
class Casebook:
    """A casebook as read from disk, before any check of its values."""

    root: Path
    actors: Rows
    claims: Rows
    sources: Rows
    documents: dict[str, Document]  # source id -> its text
    problems: list[Problem]


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder where possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


@contextmanager
def gc_paused():
    """Python's cycle collector off while a casebook is read, validated or built (also as a
    decorator: `@gc_paused()`). Loading makes millions of dicts, lists and strings that
    form no cycles, and the collector walked all of them again and again as they grew."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Unreadable(Exception):
    """A file exists but cannot be used as text; `.line` is where the trouble starts."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def read_text(path: Path) -> str:
    """A UTF-8 text file's contents, a BOM dropped; FileNotFoundError or Unreadable otherwise."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as err:
        raise Unreadable(f"cannot be read: {err.strerror}") from err
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        byte = raw[err.start : err.start + 1].hex()
        fixed = f"{path.stem}-utf8{path.suffix}"
        hint = ICONV_HINT.format(name=path.name, fixed=fixed) + SAVE_HINT.get(
            path.suffix.lower(), "or save it as UTF-8 from your editor")
        raise Unreadable(f"is not UTF-8 (byte 0x{byte}); {hint}", line) from err


def read_table(folder: Path, table: Table, problems: list[Problem]) -> Rows:
    """Read one of the casebook's CSV files into columns keyed by our column names."""
    path = folder / table.filename
    shown = display_path(path)
    try:
        text = read_text(path)
    except FileNotFoundError:
        problems.append(Problem(shown, None, "file is missing; it needs the columns "
                                + ", ".join(table.column_names)))
        return Rows.unreadable(shown, table)
    except Unreadable as err:
        problems.append(Problem(shown, err.line, str(err)))
        return Rows.unreadable(shown, table)

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as err:
        problems.append(Problem(shown, 1, f"the header row cannot be read as CSV: {err}"))
        return Rows.unreadable(shown, table)
    if not header or not any(h.strip() for h in header):
        problems.append(Problem(shown, 1, "has no header row; it needs the columns "
                                + ", ".join(table.column_names)))
        return Rows.unreadable(shown, table)

    known = {name: name for name in table.column_names} | table.aliases
    columns = [known.get(h.strip().lower(), h.strip()) for h in header]
    missing = [c for c in table.required if c not in columns]
    for name in missing:
        problems.append(Problem(shown, 1, f"missing column {name!r} (the header has: "
                                f"{', '.join(h.strip() for h in header)})"))
    if missing:
        return Rows.unreadable(shown, table)
    first_line = reader.line_num + 1
    read = _at_once(reader, columns, first_line)
    if read is None:  # something is irregular: read again, record by record, to say where
        reader = csv.reader(io.StringIO(text, newline=""))
        next(reader)
        read = _one_by_one(reader, columns, shown, problems)
    values, lines = read
    blank = [""] * len(lines)
    return Rows(shown, {name: blank for name in table.column_names} | values, lines)


def _at_once(reader, columns: list[str], first_line: int):
    """({column: values}, lines) of a regular file: one record per line, each as wide as the
    header, none blank, no column named twice; None otherwise. (At 500k claims this takes
    as long as reading record by record did, 3.5 s, but gives the columns that validation
    and the graph build work down.)"""
    try:
        records = list(reader)
    except csv.Error:
        return None
    width = len(columns)
    lines = list(range(first_line, first_line + len(records)))
    if not records:
        return {name: [] for name in columns}, lines
    if (reader.line_num != first_line - 1 + len(records) or len(set(columns)) < width
            or set(map(len, records)) != {width}):
        return None
    values = [list(map(str.strip, column)) for column in zip(*records)]
    if "" in values[0] and any(not any(record) for record in zip(*values)):
        return None  # a blank record, skipped record by record
    return dict(zip(columns, values)), lines


def _one_by_one(reader, columns: list[str], shown: str, problems: list[Problem]):
    """({column: values}, lines), reading record by record: blank records skipped, short ones
    padded, long ones and unreadable CSV reported with their line."""
    width = len(columns)
    records, lines = [], []
    strip = str.strip
    line = reader.line_num + 1
    try:
        for fields in reader:
            if fields and any(fields):
                values = list(map(strip, fields))
                if not any(values):
                    line = reader.line_num + 1
                    continue
                if len(fields) > width and any(values[width:]):
                    problems.append(Problem(shown, line, f"has {len(fields)} fields but the "
                                            f"header has {width}; quote values that hold commas"))
                records.append(dict(zip(columns, values)))
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as err:
        problems.append(Problem(shown, line, f"cannot be read as CSV: {err}"))
    return {name: [r.get(name, "") for r in records] for name in columns}, lines


def document_path(root: Path, value: str) -> Path:
    """Where a sources.csv `path` points: inside the casebook, or beside it (`data/...`)."""
    given = Path(value)
    if given.is_absolute():
        return given
    inside = root / given
    if inside.exists():
        return inside
    beside = root.parent / given
    return beside if beside.exists() else inside


@gc_paused()
def read_casebook(root: Path | str) -> Casebook:
    """Read the casebook folder: its three files and every document sources.csv names."""
    root = Path(root)
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(display_path(root), None, "is not a casebook folder (it should "
                                "hold nodes.csv, edges.csv, sources.csv and sources/)"))
    actors, claims, sources = (read_table(root, t, problems) for t in (NODES, EDGES, SOURCES))
    documents: dict[str, Document] = {}
    for line, source in sources:
        if not source["id"] or not source["path"]:
            continue
        path = document_path(root, source["path"])
        try:
            documents[source["id"]] = Document(read_text(path))
        except FileNotFoundError:
            problems.append(Problem(sources.path, line, f"document file {source['path']!r} not "
                                    f"found (looked for {display_path(path)})"))
        except Unreadable as err:
            where = f" (its line {err.line})" if err.line else ""
            problems.append(Problem(sources.path, line,
                                    f"document {source['path']!r}{where} {err}"))
    return Casebook(root, actors, claims, sources, documents, problems)
