"""Reading a casebook folder: the three CSV files and the documents they cite.

Reading never stops at the first problem: every problem found is returned with its file and
line, so that `validate` can report them all at once.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from actorgraph.casebook.quotes import Document
from actorgraph.errors import Problem
from actorgraph.schema import ALIAS_SEPARATOR, EDGES, NODES, SOURCES, Table
from actorgraph.util import gc_paused

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
class Contents:
    """A casebook folder as read from disk, before any check of its values."""

    root: Path
    actors: Rows
    claims: Rows
    sources: Rows
    documents: dict[str, Document]  # source id -> its text
    problems: list[Problem]
    # source id -> where its document is, relative to the casebook folder (`sources/x.txt`)
    places: dict[str, str] = field(default_factory=dict)


def split_aliases(value: str) -> list[str]:
    """The names of a nodes.csv `aliases` cell."""
    return [a.strip() for a in value.split(ALIAS_SEPARATOR) if a.strip()]


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder where possible
    (symlinks not followed: the name is the one the casebook gives)."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.getcwd()))
    except ValueError:
        return str(path)


class Unreadable(Exception):
    """A file exists but cannot be used as text; `.line` is where the trouble starts."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


MAX_DOCUMENT_MB = 50  # a source document larger than this is refused, not read
_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
         (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def inside(root: Path, value: str) -> Path | None:
    """Where a path written in the casebook points, symlinks followed, if that is inside the
    casebook folder `root`; None if it points outside (`../`, an absolute path elsewhere, a
    symlink out)."""
    base = root.resolve()
    try:
        found = (root / value).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return None
    return found if found == base or base in found.parents else None


def read_bytes(path: Path, limit_mb: float | None = None) -> bytes:
    """A regular file's bytes; FileNotFoundError, or Unreadable for anything else: a device,
    a FIFO or a folder is never read from (it is opened without waiting and let go), nor a
    file over `limit_mb` megabytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise
    except OSError as err:
        raise Unreadable(f"cannot be read: {err.strerror}") from err
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
            raise Unreadable(f"is {kind}; give a text file")
        if limit_mb is not None and st.st_size > limit_mb * 1_000_000:
            raise Unreadable(f"is {st.st_size / 1e6:,.0f} MB; a document may be at most "
                             f"{limit_mb:g} MB")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read()
    except OSError as err:
        raise Unreadable(f"cannot be read: {err.strerror}") from err
    finally:
        os.close(fd)


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 text, a BOM dropped; Unreadable saying how to convert anything else."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom) or (encoding == "UTF-16" and _utf16_shaped(raw)):
            fixed = f"{path.stem}-utf8{path.suffix}"
            raise Unreadable(f"is {encoding} (Excel's 'Unicode text'), not UTF-8; save it as "
                             f"'CSV UTF-8' or convert it: `iconv -f {encoding} -t UTF-8 "
                             f"{path.name} > {fixed}`", 1)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        byte = raw[err.start : err.start + 1].hex()
        fixed = f"{path.stem}-utf8{path.suffix}"
        hint = ICONV_HINT.format(name=path.name, fixed=fixed) + SAVE_HINT.get(
            path.suffix.lower(), "or save it as UTF-8 from your editor")
        raise Unreadable(f"is not UTF-8 (byte 0x{byte}); {hint}", line) from err


def _utf16_shaped(raw: bytes) -> bool:
    """UTF-16 without a BOM: text whose every other byte is NUL."""
    head = raw[:200]
    return len(head) >= 8 and (head[1::2].count(0) > 0.9 * len(head[1::2])
                               or head[0::2].count(0) > 0.9 * len(head[0::2]))


def read_text(path: Path, limit_mb: float | None = None) -> str:
    """A UTF-8 text file's contents (`read_bytes`, `decode`)."""
    return decode(read_bytes(path, limit_mb), path)


def read_table(folder: Path, table: Table, problems: list[Problem],
               pending: dict[str, bytes] | None = None) -> Rows:
    """Read one of the casebook's CSV files into columns keyed by our column names (from
    `pending`, the file's new contents an edit is about to write, if it holds them)."""
    path = folder / table.filename
    shown = display_path(path)
    try:
        if pending and table.filename in pending:
            text = decode(pending[table.filename], path)
        elif _present(path) and inside(folder, table.filename) is None:
            raise Unreadable(f"points outside the casebook folder (to {path.resolve()}); a "
                             "casebook reads only its own files")
        else:
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
    if reader.line_num > 1:  # a header cell never holds a line break
        problems.append(Problem(shown, 1, NEVER_CLOSED))
        return Rows.unreadable(shown, table)

    columns = header_columns(header, table)
    missing = [c for c in table.required if c not in columns]
    for name in missing:
        problems.append(Problem(shown, 1, f"missing column {name!r} (the header has: "
                                f"{', '.join(h.strip() for h in header)})"))
    twice = _named_twice(header, columns)
    for message in twice:
        problems.append(Problem(shown, 1, message))
    if missing or twice:
        return Rows.unreadable(shown, table)
    first_line = reader.line_num + 1
    read = _at_once(reader, columns, first_line)
    if read is None:  # something is irregular: read again, record by record, to say where
        reader = csv.reader(io.StringIO(text, newline=""))
        next(reader)
        read = _one_by_one(reader, columns, shown, problems)
        if text.count('"') % 2:
            _never_closed(text, read[1], shown, problems)
    return _rows(shown, table, *read)


def header_columns(header: list[str], table: Table) -> list[str]:
    """Our names for the columns a header row gives (synonyms and case folded)."""
    known = {name: name for name in table.column_names} | table.aliases
    return [known.get(h.strip().lower(), h.strip()) for h in header]


def _rows(shown: str, table: Table, values: dict[str, list[str]], lines: list[int]) -> Rows:
    blank = [""] * len(lines)
    return Rows(shown, {name: blank for name in table.column_names} | values, lines)


def read_region(text: str, columns: list[str], table: Table, first_line: int, shown: str,
                problems: list[Problem]) -> Rows:
    """The records of part of a table file, `text`, which starts a record on `first_line`
    and ends one (as `read_table` reads them, `columns` from its header). The part is read
    strictly: a quote left open at its end, or any irregular CSV, is a problem."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    read = _at_once(reader, columns, 1)
    if read is None:
        read = _one_by_one(csv.reader(io.StringIO(text, newline=""), strict=True), columns,
                           shown, problems)
    values, lines = read
    return _rows(shown, table, values, [line + first_line - 1 for line in lines])


def _named_twice(header: list[str], columns: list[str]) -> list[str]:
    """A message for each column two header cells give (`name` and `Label`, `id` twice)."""
    given: dict[str, list[str]] = {}
    for cell, column in zip(header, columns):
        given.setdefault(column, []).append(cell.strip())
    return [f"columns {' and '.join(repr(c) for c in cells)} both give the column {column!r}; "
            "keep one" for column, cells in given.items() if len(cells) > 1 and column]


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
    padded, long ones and unreadable CSV reported with their line, and so is a record that
    swallowed rows of the file into a field (a quote opened and closed rows later)."""
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
                if reader.line_num > line and any(_holds_rows(f, width) for f in fields):
                    problems.append(Problem(shown, line, NEVER_CLOSED))
                records.append(dict(zip(columns, values)))
                lines.append(line)
            line = reader.line_num + 1
    except csv.Error as err:
        problems.append(Problem(shown, line, f"cannot be read as CSV: {err}"))
    return {name: [r.get(name, "") for r in records] for name in columns}, lines


NEVER_CLOSED = ("a quote opened here is never closed; the rows after it were read as part of "
                "this field (write a quote inside a field as \"\")")
_ROW_START = re.compile(r"[^\s,\"]+,")  # a line starting like a row: an id, then a comma


def _holds_rows(field: str, width: int) -> bool:
    """Whether a field read over several lines holds a line shaped like a row of the file:
    an id with no space, then as many fields as the header."""
    for text in field.split("\n")[1:]:
        if _ROW_START.match(text) and len(next(csv.reader([text]), [])) == width:
            return True
    return False


def _never_closed(text: str, lines: list[int], shown: str, problems: list[Problem]) -> None:
    """Report the record whose quote runs to the end of the file, unless already reported."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        for _ in reader:
            pass
    except csv.Error as err:
        if "unexpected end of data" not in str(err) or not lines:
            return
        last = lines[-1]
        if not any(p.file == shown and p.line == last and p.message == NEVER_CLOSED
                   for p in problems):
            problems.append(Problem(shown, last, NEVER_CLOSED))


@dataclass
class Place:
    """Where a sources.csv `path` points: the file (None if it cannot be used) and, if the
    path needs fixing, why (`severity` "error", or "warning" for an old form still read)."""

    path: Path | None
    message: str = ""
    severity: str = "error"


def _present(path: Path) -> bool:
    """Whether something is at `path` (symlinks followed); True when it cannot be examined
    (no permission): reading it then says why."""
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return False
    except OSError:
        return True
    return True


def document_place(root: Path, value: str) -> Place:
    """Where a document named in sources.csv is: a path relative to the casebook folder
    (`sources/x.txt`), symlinks followed, that stays inside it. Older casebooks wrote paths
    relative to the folder above (`data/sources/x.txt`): still read, with a warning."""
    given = Path(value)
    found = inside(root, value)
    if found is not None and _present(found):
        if given.is_absolute():
            return Place(found, f"path {value!r} is absolute; write it relative to the casebook "
                         f"folder: {found.relative_to(root.resolve()).as_posix()!r}", "warning")
        return Place(found)
    if not given.is_absolute():
        older = inside(root, str(Path("..") / given))
        if older is not None and _present(older):
            fixed = older.relative_to(root.resolve()).as_posix()
            return Place(older, f"path {value!r} is relative to the folder above the casebook; "
                         f"write it relative to the casebook folder: {fixed!r}", "warning")
    if found is None and _present(root / given):
        try:
            where = (root / given).resolve()
        except (OSError, RuntimeError, ValueError):
            where = root / given
        return Place(None, f"document {value!r} points outside the casebook folder (to "
                     f"{where}); documents must be inside {display_path(root)}")
    return Place(None, f"document file {value!r} not found (looked for "
                 f"{display_path(root / given)})")


def input_files(root: Path, sources: Iterable[dict]) -> list[Path]:
    """Every file the casebook is read from (resolved): its three tables and the documents
    its sources.csv rows name. No output may land on one of them."""
    files = [(root / t.filename).resolve() for t in (NODES, EDGES, SOURCES)]
    for source in sources:
        if source["id"] and source["path"]:
            place = document_place(root, source["path"])
            if place.path is not None:
                files.append(place.path)
    return files


@gc_paused()
def read_casebook(root: Path | str, pending: dict[str, bytes] | None = None,
                  step: Callable[[], object] | None = None) -> Contents:
    """Read the casebook folder: its three files and every document sources.csv names.
    `pending` maps paths relative to the folder (`edges.csv`, `sources/x.txt`) to the
    contents an edit is about to write there: they are read instead of the files. `step()`,
    if given, is called after each document (a progress bar's)."""
    root = Path(root)
    pending = pending or {}
    problems: list[Problem] = []
    if not root.is_dir():
        problems.append(Problem(display_path(root), None, "is not a casebook folder (it should "
                                "hold nodes.csv, edges.csv, sources.csv and sources/)"))
    actors, claims, sources = (read_table(root, t, problems, pending)
                               for t in (NODES, EDGES, SOURCES))
    documents, places = read_documents(root, sources, problems, pending, step=step)
    return Contents(root, actors, claims, sources, documents, problems, places)


def read_documents(root: Path, sources: Rows, problems: list[Problem],
                   pending: dict[str, bytes] | None = None, only: set[str] | None = None,
                   step: Callable[[], object] | None = None
                   ) -> tuple[dict[str, Document], dict[str, str]]:
    """The documents sources.csv names, by source id (those in `only`, if given), and where
    each is relative to the casebook folder (for every source); problems reported on
    sources.csv's lines. `step()` is called after each source, if given."""
    pending = pending or {}
    documents: dict[str, Document] = {}
    places: dict[str, str] = {}
    for line, source in sources:
        if step is not None:
            step()
        if not source["id"] or not source["path"]:
            continue
        wanted = only is None or source["id"] in only
        if source["path"] in pending:  # a document an edit adds
            places[source["id"]] = source["path"]
            if wanted:
                documents[source["id"]] = Document(decode(pending[source["path"]],
                                                          root / source["path"]))
            continue
        place = document_place(root, source["path"])
        if place.message:
            problems.append(Problem(sources.path, line, place.message, place.severity))
        if place.path is None:
            continue
        places[source["id"]] = place.path.relative_to(root.resolve()).as_posix()
        if not wanted:
            continue
        try:
            documents[source["id"]] = Document(read_text(place.path, MAX_DOCUMENT_MB))
        except FileNotFoundError:
            problems.append(Problem(sources.path, line, f"document file {source['path']!r} not "
                                    f"found (looked for {display_path(place.path)})"))
        except Unreadable as err:
            where = f" (its line {err.line})" if err.line else ""
            problems.append(Problem(sources.path, line,
                                    f"document {source['path']!r}{where} {err}"))
    return documents, places
