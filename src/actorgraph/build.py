"""The casebook as a networkx MultiDiGraph: one node per actor, one edge per claim."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from actorgraph.schema import ALIAS_SEPARATOR, RELATIONS
from actorgraph.validate import Report, open_casebook


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split(ALIAS_SEPARATOR) if a.strip()]


def build_graph(report: Report) -> nx.MultiDiGraph:
    """Build the graph of a validated casebook.

    Nodes are actor ids with `name`, `type`, `aliases` (a list) and `description`. Each edge
    is one claim, keyed by its id, carrying every column of edges.csv (but source and target)
    plus `directed` (from the relation type) and the quote's place in its document:
    `paragraph`, `start` and `end` (character offsets). Undirected claims are stored in the
    direction the CSV gives. `G.graph["sources"]` maps document ids to their sources.csv rows.
    """
    book = report.casebook
    G = nx.MultiDiGraph(casebook=str(book.root))
    G.graph["sources"] = {s["id"]: dict(s) for s in book.sources.records}
    G.add_nodes_from(
        (a["id"], {**a, "aliases": split_aliases(a["aliases"])})
        for a in book.actors.records
    )
    edges = []
    for claim in book.claims.records:
        attrs = {k: v for k, v in claim.items() if k not in ("source", "target")}
        attrs["directed"] = RELATIONS[claim["relation"]].directed
        span = report.spans[claim["id"]]
        attrs.update(paragraph=span.paragraph, start=span.start, end=span.end)
        edges.append((claim["source"], claim["target"], claim["id"], attrs))
    G.add_edges_from(edges)
    return G


def load_graph(data_dir: Path | str, strict: bool = False) -> nx.MultiDiGraph:
    """Read, validate and build the casebook at `data_dir` (what every query command needs)."""
    return build_graph(open_casebook(data_dir, strict=strict))
