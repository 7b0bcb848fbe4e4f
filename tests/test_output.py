"""Tables for people: long cells clipped, a last column with no room goes under its row."""

from __future__ import annotations

from actorgraph import output


def test_long_cells_are_clipped_and_a_squeezed_last_column_moves_under_its_row(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    rows = [{"name": "Hub", "type": "government_body", "via": [f"actor-{i}" for i in range(20)],
             "relations": ["allied_with", "cooperates_with", "supports"]}]
    lines = output.table(rows, ["name", "type", "via", "relations"])
    # name 4 + type 15 + via clipped to 40, with two spaces between: 65 columns, leaving 15
    # (< 24) for a last cell of 38 characters, which therefore goes under its row.
    via = ", ".join(f"actor-{i}" for i in range(20))
    assert lines == [
        "name  type             via",
        "    relations",
        "Hub   government_body  " + via[:39] + "…",
        "    allied_with, cooperates_with, supports",
    ]


def test_a_last_column_with_room_stays_beside_its_row(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    rows = [{"name": "Hub", "relations": ["allied_with", "supports"]}]
    assert output.table(rows, ["name", "relations"]) == [
        "name  relations", "Hub   allied_with, supports"]
