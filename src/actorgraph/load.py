"""Reading a casebook folder: the three CSV files and the documents they cite.

Reading never stops at the first problem: every problem found is returned with its file and
line, so that `validate` can report them all at once.
"""

from __future__ import annotations

import csv
import gc
import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.errors import Problem
from actorgraph.quotes import Document
from actorgraph.schema import EDGES, NODES, SOURCES, Table

ICONV_HINT = "convert it to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8 {name} > {fixed}`, "
SAVE_HINT = {".csv": "or save it from your spreadsheet as 'CSV UTF-8'"}


@dataclass
class Rows:
    """The records of one CSV file, with the line each record starts on."""

    path: str
    records: list[dict[str, str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    readable: bool = True

    def __iter__(self):
        return zip(self.lines, self.records)

    def __len__(self) -> int:
        return len(self.records)


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
    """Read one of the casebook's CSV files into records keyed by our column names."""
    path = folder / table.filename
    shown = display_path(path)
    rows = Rows(shown)
    try:
        text = read_text(path)
    except FileNotFoundError:
        problems.append(Problem(shown, None, "file is missing; it needs the columns "
                                + ", ".join(table.column_names)))
        rows.readable = False
        return rows
    except Unreadable as err:
        problems.append(Problem(shown, err.line, str(err)))
        rows.readable = False
        return rows

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as err:
        problems.append(Problem(shown, 1, f"the header row cannot be read as CSV: {err}"))
        rows.readable = False
        return rows
    if not header or not any(h.strip() for h in header):
        problems.append(Problem(shown, 1, "has no header row; it needs the columns "
                                + ", ".join(table.column_names)))
        rows.readable = False
        return rows

    known = {name: name for name in table.column_names} | table.aliases
    columns = [known.get(h.strip().lower(), h.strip()) for h in header]
    missing = [c for c in table.required if c not in columns]
    for name in missing:
        problems.append(Problem(shown, 1, f"missing column {name!r} (the header has: "
                                f"{', '.join(h.strip() for h in header)})"))
    if missing:
        rows.readable = False
        return rows
    width = len(columns)
    blank = dict.fromkeys(table.column_names, "")
    # When the header starts with our columns in order, a full row zipped with it already is
    # `blank | row`, keys in the same order: skip the merge (it showed in the profile).
    ours_first = tuple(columns[: len(blank)]) == table.column_names
    strip = str.strip

    line = reader.line_num + 1
    records, lines = rows.records, rows.lines
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
                if ours_first and len(fields) >= width:
                    record = dict(zip(columns, values))
                else:
                    record = blank | dict(zip(columns, values))
                records.append(record)
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as err:
        problems.append(Problem(shown, line, f"cannot be read as CSV: {err}"))
    return rows


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
