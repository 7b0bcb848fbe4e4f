"""The casebook as actorgraph's own CSV files, with computed columns: a folder that
`actorgraph validate --data FOLDER` accepts again.

`nodes.csv`, `edges.csv` and `sources.csv` keep our columns first (from `schema`), then any
other column the casebook had, then the computed ones: actors' `degree` (claims touching the
actor), `ties` (actors it is linked to), `betweenness` (normalised, on the undirected
one-link-per-pair projection) and `component` (connected component, largest first, numbered
from 1); claims' `paragraph`, `start` and `end` (where the quote stands in its document).
The cited documents are copied into `sources/` and sources.csv points at them there.

Cells a spreadsheet would run as a formula are prefixed with `'` (see `cells.neutralise`).
"""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

from actorgraph.casebook.read import MAX_DOCUMENT_MB, Unreadable, document_place, read_bytes
from actorgraph.cells import csv_text
from actorgraph.errors import InputError
from actorgraph.files import atomic_write
from actorgraph.graph.metrics import centrality
from actorgraph.schema import EDGES, NODES, SOURCES
from actorgraph.text import natural_key, slug

ACTOR_COLUMNS = ("degree", "ties", "betweenness", "component")
CLAIM_COLUMNS = ("paragraph", "start", "end")
# Recomputed when the casebook is loaded: from the relation, from the claimant.
DERIVED = ("directed", "claimed_by_actor")
FILES = (NODES.filename, EDGES.filename, SOURCES.filename, "sources")


def actor_metrics(G: nx.MultiDiGraph) -> dict[str, dict[str, float | int]]:
    """Each actor's degree, ties and betweenness (as `actorgraph actors` counts them) and
    component number."""
    scores = centrality(G)
    # Weakly connected components: the undirected projection's, without building it.
    components = sorted(nx.weakly_connected_components(G), key=lambda c: (-len(c), min(c)))
    number = {n: i for i, comp in enumerate(components, start=1) for n in comp}
    return {n: {"degree": scores[n]["degree"], "ties": scores[n]["ties"],
                "betweenness": round(scores[n]["betweenness"], 6), "component": number[n]}
            for n in G}


def _columns(ours: tuple[str, ...], records, computed: tuple[str, ...] = ()) -> list[str]:
    """Our columns, then the other columns the records have (in first-seen order), then
    the computed ones."""
    skip = set(ours) | set(computed) | set(DERIVED) | {"source", "target"}
    extra = list(dict.fromkeys(k for record in records for k in record if k not in skip))
    return [*ours, *extra, *computed]


def nodes_csv(G: nx.MultiDiGraph) -> str:
    metrics = actor_metrics(G)
    records = [{**data, "id": node, **metrics[node]} for node, data in G.nodes(data=True)]
    header = _columns(NODES.column_names, records, ACTOR_COLUMNS)
    return csv_text(header, ([r.get(c) for c in header] for r in records))


def edges_csv(G: nx.MultiDiGraph) -> str:
    records = [{**data, "id": key, "source": u, "target": v}
               for u, v, key, data in G.edges(keys=True, data=True)]
    records.sort(key=lambda r: natural_key(r["id"]))
    header = _columns(EDGES.column_names, records, CLAIM_COLUMNS)
    return csv_text(header, ([r.get(c) for c in header] for r in records))


_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,8}$")


def copy_documents(G: nx.MultiDiGraph, folder: Path) -> list[dict]:
    """Copy every document into `folder/sources/`, each named after its source id made safe
    (`text.slug`: no separators, no dot-dot, unique); its sources.csv rows with the new
    paths."""
    sources = G.graph.get("sources", {})
    root = G.graph.get("casebook")
    if sources and not root:
        raise InputError("the graph does not say which casebook folder it came from "
                         "(G.graph['casebook']), so its documents cannot be copied")
    into = folder / "sources"
    into.mkdir()
    taken: set[str] = set()
    rows = []
    for doc_id, row in sources.items():
        place = document_place(Path(root), row["path"])
        if place.path is None:
            raise InputError(f"source {doc_id!r}: {place.message}")
        suffix = place.path.suffix if _SUFFIX.match(place.path.suffix) else ".txt"
        stem = slug(doc_id, {name.lower() for name in taken})
        name = stem + suffix
        taken.add(stem)
        target = into / name
        if into.resolve() not in target.resolve().parents:  # slug makes this impossible
            raise InputError(f"source id {doc_id!r} cannot be a file name")
        try:
            (target).write_bytes(read_bytes(place.path, MAX_DOCUMENT_MB))
        except Unreadable as err:
            raise InputError(f"document {row['path']!r} of source {doc_id!r} {err}") from err
        rows.append({**row, "id": doc_id, "path": f"sources/{name}"})
    return rows


def write_csv(G: nx.MultiDiGraph, folder: Path) -> None:
    """Write nodes.csv, edges.csv, sources.csv and sources/ into the empty `folder`."""
    rows = copy_documents(G, folder)
    header = _columns(SOURCES.column_names, rows)
    atomic_write(folder / SOURCES.filename,
                 csv_text(header, ([r.get(c) for c in header] for r in rows)))
    atomic_write(folder / NODES.filename, nodes_csv(G))
    atomic_write(folder / EDGES.filename, edges_csv(G))
