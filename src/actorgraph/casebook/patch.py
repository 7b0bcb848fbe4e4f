"""Changing a casebook's CSV files the way a careful hand would: rows appended, changed or
removed, and every other byte of the file left as it was (its header's spellings and extra
columns, its quoting, its line endings, a byte-order mark, blank lines).

The CSV files stay the casebook's truth and stay hand-editable: `add` and `merge` go through
here, and write what they made with `files.replace_together` only once the whole casebook,
changed, validates.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.casebook.read import decode, read_bytes
from actorgraph.schema import Table

BOM = "\ufeff"


@dataclass
class Record:
    """One record of a CSV file: its values by our column names, and the lines it spans."""

    values: dict[str, str]
    first: int  # 0-based index of its first line in the file's lines
    last: int  # and of its last


@dataclass
class TableText:
    """A CSV file's text, to change record by record (see the module's description)."""

    table: Table
    lines: list[str]  # the file's lines, each with its line ending
    header: list[str]  # the header's cells as written
    columns: list[str]  # our column name for each header cell (or the cell itself)
    records: list[Record]
    newline: str = "\n"
    bom: bool = False
    changed: dict[int, str | None] = field(default_factory=dict)  # record index -> new text
    appended: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, root: Path, table: Table) -> TableText:
        path = root / table.filename
        raw = read_bytes(path)
        return cls.parse(table, decode(raw, path), raw.startswith(BOM.encode()))

    @classmethod
    def parse(cls, table: Table, text: str, bom: bool = False) -> TableText:
        lines = text.splitlines(keepends=True)
        newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, [])
        known = {name: name for name in table.column_names} | table.aliases
        columns = [known.get(h.strip().lower(), h.strip()) for h in header]
        records, at = [], reader.line_num
        for row in reader:
            if any(cell.strip() for cell in row):
                values = dict(zip(columns, (cell.strip() for cell in row)))
                records.append(Record({c: values.get(c, "") for c in
                                       dict.fromkeys([*table.column_names, *columns])},
                                      at, reader.line_num - 1))
            at = reader.line_num
        return cls(table, lines, header, columns, records, newline, bom)

    def _row(self, values: dict[str, str]) -> str:
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator=self.newline).writerow(
            [values.get(column, "") for column in self.columns])
        return out.getvalue()

    def has_column(self, column: str) -> bool:
        return column in self.columns

    def add_column(self, column: str) -> None:
        """A column the header lacks (say `stance`), added at its end. Only the header line
        changes: the records already there read as blank in it (a CSV row shorter than its
        header is padded), new records get it."""
        if column in self.columns:
            return
        self.columns.append(column)
        self.header.append(column)
        out = io.StringIO(newline="")
        csv.writer(out, lineterminator=self.newline).writerow(self.header)
        if self.lines:
            self.lines[0] = out.getvalue()
        else:
            self.lines = [out.getvalue()]

    def append(self, values: dict[str, str]) -> None:
        self.appended.append(self._row(values))
        self.records.append(Record(dict(values), -1, -1))

    def replace(self, index: int, values: dict[str, str]) -> None:
        self.records[index].values = dict(values)
        self.changed[index] = self._row(values)

    def remove(self, index: int) -> None:
        self.changed[index] = ""

    def text(self) -> str:
        """The file's new text: changed records rewritten in place, the others as they were,
        new records at the end."""
        lines = list(self.lines)
        for index in sorted(self.changed, reverse=True):
            record = self.records[index]
            if record.first < 0:
                continue
            lines[record.first:record.last + 1] = [self.changed[index] or ""]
        body = "".join(lines)
        if self.appended and body and not body.endswith(("\n", "\r")):
            body += self.newline
        return (BOM if self.bom else "") + body + "".join(self.appended)

    def encoded(self) -> bytes:
        return self.text().encode("utf-8")

    def ids(self) -> list[str]:
        return [r.values.get("id", "") for r in self.records]
