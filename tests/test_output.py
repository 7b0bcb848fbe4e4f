"""Tables for people: long cells clipped, a last column with no room goes under its row."""

from __future__ import annotations

from actorgraph import present
from actorgraph.present import text as output


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


def test_wrap_is_textwraps_wrap_of_the_text_with_whitespace_folded(monkeypatch):
    """A line that fits is not handed to textwrap; the answer must be textwrap's anyway."""
    import random
    import textwrap

    rng = random.Random(7)
    words = ["a", "Kaka", "—", "well-known", "x" * 30, "¶2", "\t", "\n", " ", "", "\u2003",
             "\xa0", "\x1f", "y" * 45, "z" * 97, "t\u2009t"]  # longer than a line
    for _ in range(4000):
        columns, indent = rng.choice([40, 41, 60, 80, 100]), rng.choice([0, 2, 3, 7])
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(0, 30)))
        monkeypatch.setenv("COLUMNS", str(columns))
        pad = " " * indent
        expected = textwrap.wrap(" ".join(text.split()), columns - 1, initial_indent=pad,
                                 subsequent_indent=pad, break_on_hyphens=False)
        assert output.wrap(text, indent) == (expected or [pad.rstrip()])


def test_text_lines_are_printed_in_order_whatever_their_number(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    for count in (0, 1, 999, 1000, 1001, 2500):
        lines = [f"line {i}" for i in range(count)]
        written = list(present.render("text", lines or ["x"],
                                      text=lambda lines=lines: iter(lines)))
        assert "".join(written) == "".join(f"{line}\n" for line in lines)
        assert len(written) == -(-count // present.CHUNK)
