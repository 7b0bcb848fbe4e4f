"""Answers as text, JSON or CSV: one output convention for every query command.

Text is for people (`present.text`): aligned, wrapped to the terminal, control characters
shown escaped. JSON and CSV are for scripts: stable field names (the `*_FIELDS` of
`answers`), the data exact, lists joined with `|` in CSV and cells a spreadsheet would run as
a formula neutralised (`cells`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from actorgraph.cells import csv_text
from actorgraph.present import text as plain
from actorgraph.text import visible

FORMATS = ("text", "json", "csv")
CHUNK = 1000  # text lines written at once: writing flushes every time


def render(fmt: str, data, *, rows: list[dict] | None = None, fields: Iterable[str] = (),
           text: Callable[[], Iterable[str]]) -> Iterator[str]:
    """`data` as JSON, `rows` (default: `data`) as CSV with `fields`, or the lines of
    `text()` with control characters escaped: the output in pieces, each ending in a
    newline."""
    if fmt == "json":
        yield json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "csv":
        fields = tuple(fields)
        yield csv_text(fields, ([row.get(f) for f in fields] for row in
                                (data if rows is None else rows)))
    else:
        with plain.measured():
            lines: list[str] = []
            for line in text():
                lines.append(visible(line))
                if len(lines) == CHUNK:
                    yield "\n".join(lines) + "\n"
                    lines.clear()
            if lines:
                yield "\n".join(lines) + "\n"
