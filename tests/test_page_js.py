"""The explorer page's tables for folding names, made from the Python definitions.

Name folding is defined once, in Python (`text.name_key`); the page gets the tables it needs
to fold names the same way (`page.render.folding_tables`).
"""

from __future__ import annotations

import json
import unicodedata

from actorgraph.page import render
from actorgraph.page.render import folding_tables
from actorgraph.text import FOLD
from helpers import REPO

CODE_POINTS = range(0x110000)


def members(runs: list[int]) -> set[int]:
    """The code points of a set the page gets as its runs, [gap, span, ...]."""
    found: set[int] = set()
    end = 0
    for gap, span in zip(runs[::2], runs[1::2]):
        start = end + gap
        end = start + span
        found.update(range(start, end + 1))
    return found


def test_folding_tables_hold_what_python_says():
    tables = folding_tables()
    assert tables["fold"] == {chr(k): v for k, v in FOLD.items()}
    assert members(tables["spaces"]) == {i for i in CODE_POINTS if chr(i).isspace()}
    assert members(tables["combining"]) == {
        i for i in CODE_POINTS if unicodedata.combining(chr(i))}
    assert members(tables["unassigned"]) == {
        i for i in CODE_POINTS if unicodedata.category(chr(i)) == "Cn"}
    assert tables["casefold"] == {
        chr(i): chr(i).casefold() for i in CODE_POINTS if chr(i).casefold() != chr(i).lower()}
    assert {"ß", "ς", "ſ", "ᏸ"} <= set(tables["casefold"]) and "Σ" not in tables["casefold"]
    assert "\x1c" in {chr(i) for i in members(tables["spaces"])}  # str.strip strips it
    # Small enough to travel in every page.
    assert len(json.dumps(tables, ensure_ascii=False, separators=(",", ":"))) < 12_000


def test_the_page_data_carries_the_folding_tables():
    from actorgraph.casebook.validate import validate_casebook
    from actorgraph.graph.build import build_graph

    report = validate_casebook(REPO / "tests" / "fixtures" / "explorer")
    data = render.page_data(build_graph(report), report)
    assert data["folding"] == json.loads(json.dumps(folding_tables()))
