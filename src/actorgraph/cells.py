"""Turning attribute values into CSV cells that spreadsheets will not run as formulas."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from actorgraph.schema import ALIAS_SEPARATOR

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text(value) -> str:
    """An attribute value as text: lists joined with `|`, booleans as true/false, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ALIAS_SEPARATOR.join(text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def neutralise(cell: str) -> str:
    """Prefix `'` to a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def unneutralise(cell: str) -> str:
    """A cell `neutralise` made, as it was (a file actorgraph wrote, read back by it)."""
    return cell[1:] if cell.startswith("'") and cell[1:2] and cell[1:].startswith(
        FORMULA_STARTS) else cell


def csv_text(header: Iterable[str], rows: Iterable[Iterable], newline: str = "\r\n") -> str:
    """A whole CSV file: every cell converted with `text` and neutralised; lines end with
    `newline` (CSV's CRLF by default; a file people edit in a text editor may want "\n")."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(header)
    writer.writerows([neutralise(text(value)) for value in row] for row in rows)
    return out.getvalue()
