"""The casebook as a networkx MultiDiGraph: one node per actor, one edge per claim."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import networkx as nx

from actorgraph.errors import Problem, ValidationError
from actorgraph.schema import ALIAS_SEPARATOR, RELATIONS
from actorgraph.validate import Report, open_casebook


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split(ALIAS_SEPARATOR) if a.strip()]


_REPEATED = ("relation", "source_doc", "claimed_by", "certainty", "date", "notes")


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
    # One string object per actor id and per repeated value: less memory, faster caching.
    same: dict[str, str] = {a["id"]: a["id"] for a in book.actors.records}
    edges = []
    for claim in book.claims.records:
        attrs = dict(claim)
        del attrs["source"], attrs["target"]
        for column in _REPEATED:
            value = attrs[column]
            attrs[column] = same.setdefault(value, value)
        attrs["directed"] = RELATIONS[claim["relation"]].directed
        span = report.spans[claim["id"]]
        attrs.update(paragraph=span.paragraph, start=span.start, end=span.end)
        edges.append((same[claim["source"]], same[claim["target"]], claim["id"], attrs))
    G.add_edges_from(edges)
    return G


@dataclass
class Loaded:
    """A casebook's graph and its validation warnings (to print: `cli.echo_warnings`)."""

    graph: nx.MultiDiGraph
    warnings: list[Problem]


def load_casebook(data_dir: Path | str, strict: bool = False) -> Loaded:
    """Read, validate and build the casebook at `data_dir`, through the cache (`cache.py`)
    when it is unchanged since last time; raise ValidationError as `open_casebook` does."""
    from actorgraph import cache

    hit = cache.load(data_dir)
    if hit is None:
        before = cache.snapshot(data_dir)
        report = open_casebook(data_dir)  # warnings kept apart, so the cache serves --strict
        hit = build_graph(report), report.warnings
        if cache.entry_path(data_dir) is not None:
            cache.store(data_dir, before, cache_sections(*hit))
    G, warnings = hit
    if strict and warnings:
        raise ValidationError([replace(p, severity="error") for p in warnings])
    return Loaded(G, warnings)


def cache_sections(G: nx.MultiDiGraph, warnings: list[Problem]) -> dict[str, bytes]:
    """What the cache keeps of a casebook: the graph and warnings, and the compact index
    that `path`, `neighbors` and `show` read instead (`index.py`)."""
    import pickle

    from actorgraph import index

    graph = pickle.dumps((G, warnings), protocol=pickle.HIGHEST_PROTOCOL)
    return {**index.sections(G, warnings), "graph": graph}


def load_graph(data_dir: Path | str, strict: bool = False) -> nx.MultiDiGraph:
    """Read, validate and build the casebook at `data_dir` (what every query command needs)."""
    return load_casebook(data_dir, strict=strict).graph
