"""The casebook as a networkx MultiDiGraph: one node per actor, one edge per claim."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from actorgraph import later
from actorgraph.errors import Problem, ValidationError
from actorgraph.load import Casebook, Rows, gc_paused
from actorgraph.schema import ALIAS_SEPARATOR, RELATIONS
from actorgraph.validate import Report, open_casebook

if TYPE_CHECKING:
    from actorgraph.cache import Snapshot


def split_aliases(value: str) -> list[str]:
    return [a.strip() for a in value.split(ALIAS_SEPARATOR) if a.strip()]


log = logging.getLogger("actorgraph")
NOTICE_MB = 20  # a casebook from this size says so while it is read (100k claims: 49 MB)

_REPEATED = ("relation", "source_doc", "claimed_by", "certainty", "date", "notes")
_DIRECTED = {name: relation.directed for name, relation in RELATIONS.items()}


def add_claims(G: nx.MultiDiGraph, edges) -> None:
    """`G.add_edges_from(edges)` for `(u, v, key, attrs)` tuples, storing each `attrs` dict
    itself as the edge's data (not a copy): the same graph, in the same order.

    networkx copies every data dict twice and goes through its views per edge: 0.43 s of
    `build_graph`'s 0.96 s at 100k claims, against 0.12 s for this, which writes the
    adjacency as `MultiDiGraph.add_edge` does. The caller hands over fresh dicts it keeps no
    other reference to.
    """
    succ, pred = G._succ, G._pred
    for u, v, key, attrs in edges:
        if u not in succ or v not in succ:
            G.add_nodes_from((u, v))  # as add_edge: an end that is not a node becomes one
        out = succ[u]
        keydict = out.get(v)
        if keydict is None:
            out[v] = pred[v][u] = {key: attrs}
        elif key in keydict:
            keydict[key].update(attrs)  # a repeated key updates the edge, as in networkx
        else:
            keydict[key] = attrs
    nx._clear_cache(G)


def _claim_edges(claims: Rows, same: dict[str, str]):
    """(source, target, claim id, attributes) of each claim, for `add_claims`, made column by
    column: each edge's attributes are edges.csv's columns but source and target, then
    `directed` (`place_quotes` adds the quote's place)."""
    one = same.setdefault
    columns = dict(claims.columns)
    sources, targets = columns.pop("source"), columns.pop("target")
    for name in _REPEATED:
        columns[name] = list(map(one, columns[name], columns[name]))
    columns["directed"] = list(map(_DIRECTED.__getitem__, columns["relation"]))
    names = list(columns)
    attrs = [dict(zip(names, values)) for values in zip(*columns.values())]
    return zip(map(same.__getitem__, sources), map(same.__getitem__, targets),
               columns["id"], attrs)


@gc_paused()
def build_graph(report: Report) -> nx.MultiDiGraph:
    """Build the graph of a validated casebook.

    Nodes are actor ids with `name`, `type`, `aliases` (a list) and `description`. Each edge
    is one claim, keyed by its id, carrying every column of edges.csv (but source and target)
    plus `directed` (from the relation type) and the quote's place in its document:
    `paragraph`, `start` and `end` (character offsets). Undirected claims are stored in the
    direction the CSV gives. `G.graph["sources"]` maps document ids to their sources.csv rows.
    """
    G, claims = graph_without_quotes(report.casebook)
    place_quotes(claims, report.spans)
    return G


Claims = list[tuple[str, str, str, dict]]  # (source, target, claim id, the edge's attributes)


def graph_without_quotes(book: Casebook) -> tuple[nx.MultiDiGraph, Claims]:
    """`build_graph` but the quotes' places, and its claims for `place_quotes`."""
    G = nx.MultiDiGraph(casebook=str(book.root))
    G.graph["sources"] = {s["id"]: dict(s) for s in book.sources.records}
    G.add_nodes_from(
        (a["id"], {**a, "aliases": split_aliases(a["aliases"])})
        for a in book.actors.records
    )
    # One string object per actor id and per repeated value: less memory, faster caching.
    same: dict[str, str] = {ident: ident for ident in book.actors.columns["id"]}
    claims = list(_claim_edges(book.claims, same))
    add_claims(G, claims)
    return G, claims


def place_quotes(claims: Claims, spans: dict) -> None:
    """Add each claim's `paragraph`, `start` and `end` (its edge's last attributes)."""
    for _, _, key, attrs in claims:
        span = spans[key]
        attrs["paragraph"], attrs["start"], attrs["end"] = span.paragraph, span.start, span.end


@gc_paused()
def open_and_build(data_dir: Path | str, strict: bool = False
                   ) -> tuple[Report, nx.MultiDiGraph]:
    """`open_casebook`, then `build_graph`, with the graph built while the quotes are still
    being searched (on a large casebook, by a second process: `validate.validate`)."""
    built = []
    report = open_casebook(data_dir, strict, meanwhile=lambda book: built.append(
        graph_without_quotes(book)))
    G, claims = built[0]
    place_quotes(claims, report.spans)
    return report, G


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
        size = sum(file[1] or 0 for file in before.files) / 1e6
        cached = cache.entry_path(data_dir) is not None
        if size >= NOTICE_MB:
            then = ("new or changed since it was last read; the next commands on it start from "
                    "the cache" if cached else "the cache is off")
            log.info("reading and checking the casebook (%s MB, %s)", f"{size:,.0f}", then)
        report, G = open_and_build(data_dir)  # warnings apart, so the cache serves --strict
        hit = G, report.warnings
        if cached:
            later.do(partial(_keep, data_dir, before, hit, size >= NOTICE_MB))
    G, warnings = hit
    if strict and warnings:
        raise ValidationError([replace(p, severity="error") for p in warnings])
    return Loaded(G, warnings)


def _keep(data_dir: Path | str, before: Snapshot, hit: tuple, say: bool) -> None:
    """Cache a casebook just read (`later.do`: a command answers first)."""
    from actorgraph import cache

    if say:
        log.info("keeping the casebook in the cache for the next commands")
    cache.store(data_dir, before, cache_sections(*hit))


def cache_sections(G: nx.MultiDiGraph, warnings: list[Problem]) -> dict[str, bytes]:
    """What the cache keeps of a casebook: the graph and warnings, and the compact index
    that `path`, `neighbors`, `show` and `claims --actor` read instead (`index.py`)."""
    import pickle

    from actorgraph import index

    graph = pickle.dumps((G, warnings), protocol=pickle.HIGHEST_PROTOCOL)
    return {**index.sections(G, warnings), "graph": graph}


def load_graph(data_dir: Path | str, strict: bool = False) -> nx.MultiDiGraph:
    """Read, validate and build the casebook at `data_dir` (what every query command needs)."""
    return load_casebook(data_dir, strict=strict).graph
