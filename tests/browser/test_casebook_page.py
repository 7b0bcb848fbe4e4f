"""The article casebook's page, opened from disk in Chromium with every request refused."""

from __future__ import annotations

import base64
import csv

from actorgraph.schema import RELATIONS
from conftest import REPO


def count_rows(name: str) -> int:
    with open(REPO / "data" / name, encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def count_ties() -> int:
    """Relations between two actors, whoever claims them, read from edges.csv: (source,
    relation, target), the ends in either order for an undirected relation."""
    with open(REPO / "data" / "edges.csv", encoding="utf-8", newline="") as handle:
        return len({(r["relation"], *((r["source"], r["target"])
                                      if RELATIONS[r["relation"]].directed
                                      else sorted((r["source"], r["target"]))))
                    for r in csv.DictReader(handle)})


def test_article_page_draws_the_network_offline(explorer):
    ex = explorer(REPO / "data")
    actors, claims = count_rows("nodes.csv"), count_rows("edges.csv")
    assert ex.count() == f"{actors} of {actors} actors, {claims} of {claims} claims shown"
    nodes, edges = ex.shown()
    # One line per tie (a tie of several claims is one line until clicked).
    assert len(nodes) == actors and len(edges) == count_ties() < claims
    # The canvas really holds a drawing: many distinct colours, not a blank area.
    png = base64.b64decode(ex.page.evaluate(
        "() => document.querySelector('#network canvas').toDataURL('image/png').split(',')[1]"))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    colours = ex.page.evaluate("""() => {
        const c = document.querySelector('#network canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        const seen = new Set();
        for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] + ',' + d[i+1] + ',' + d[i+2]);
        return seen.size;
    }""")
    assert colours > 20
