"""The casebook as actorgraph's own CSV files, with computed columns: a folder that
`actorgraph validate --data FOLDER` accepts again.

`nodes.csv`, `edges.csv` and `sources.csv` keep our columns first (from `schema`), then any
other column the casebook had, then the computed ones: actors' `degree` (claims touching the
actor), `ties` (actors it is linked to), `betweenness` (normalised, on the undirected
one-link-per-pair projection) and `component` (connected component, largest first, numbered
from 1); claims' `paragraph`, `start` and `end` (where the quote stands in its document).
The cited documents are copied into `sources/` and sources.csv points at them there.

Cells a spreadsheet would run as a formula are prefixed with `'` (see `cells.neutralise`).

Streamed: the claims are read once, each row's cells put aside (`spool`) while the columns
and the links between actors are gathered; the measures are computed from those links alone
(`link_metrics`, by a second process while edges.csv is written), then the actors are read
again and written with them. Claims are listed in id order (`spool.id_order`).
"""

from __future__ import annotations

import csv
import io
import re
from array import array
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

import networkx as nx

from actorgraph.casebook.read import MAX_DOCUMENT_MB, Unreadable, document_place, read_bytes
from actorgraph.cells import csv_text, neutralise, text
from actorgraph.errors import InputError
from actorgraph.export.records import Records
from actorgraph.export.spool import Spool, graph_order, id_order
from actorgraph.files import atomic_write, text_output
from actorgraph.graph.metrics import EXACT_BETWEENNESS, betweenness_of_links
from actorgraph.progress import Bar
from actorgraph.schema import EDGES, NODES, SOURCES
from actorgraph.text import slug
from actorgraph.util import in_child

ACTOR_COLUMNS = ("degree", "ties", "betweenness", "component")
CLAIM_COLUMNS = ("paragraph", "start", "end")
# Recomputed when the casebook is loaded: from the relation, from the claimant.
DERIVED = ("directed", "claimed_by_actor")
# A claim's record holds these besides its columns (its ends, and the values derived from
# them); an actor's or a source's columns of these names are the casebook's own, kept.
CLAIMS_OWN = (*DERIVED, "source", "target")
FILES = (NODES.filename, EDGES.filename, SOURCES.filename, "sources")
NEWLINE = "\r\n"  # as `cells.csv_text` ends lines


def link_metrics(actors: Sequence[str], ends: Iterable[tuple[int, int]]
                 ) -> dict[str, dict[str, float | int]]:
    """Each actor's degree, ties and betweenness (as `metrics.centrality` counts them on the
    graph) and component number, from its claims' ends alone: (source, target) by the
    actors' places in `actors`, in the order the claims were added to the graph (or the
    graph's order)."""
    import igraph

    n = len(actors)
    degree, ties = [0] * n, [0] * n
    targets: dict[int, dict[int, None]] = {}  # source -> its targets, as the graph's `succ`
    for u, v in ends:
        degree[u] += 1
        degree[v] += 1
        targets.setdefault(u, {})[v] = None
    pairs = set()  # the undirected simple projection, added in centrality's order
    for u in sorted(targets):
        for v in targets[u]:
            pairs.add((u, v) if u <= v else (v, u))
    for u, v in pairs:
        ties[u] += 1
        ties[v] += 1  # a claim tying an actor to itself counts twice, as in networkx
    links = list(pairs)
    between = betweenness_of_links(n, links)
    groups: dict[int, list[int]] = {}
    for actor, group in enumerate(igraph.Graph(n=n, edges=links).connected_components()
                                  .membership):
        groups.setdefault(group, []).append(actor)
    components = sorted(groups.values(), key=lambda c: (-len(c), min(actors[a] for a in c)))
    number = [0] * n
    for i, component in enumerate(components, start=1):
        for a in component:
            number[a] = i
    return {actor: {"degree": degree[i], "ties": ties[i], "betweenness": round(between[i], 6),
                    "component": number[i]} for i, actor in enumerate(actors)}


def actor_metrics(G: nx.MultiDiGraph) -> dict[str, dict[str, float | int]]:
    """Each actor's degree, ties and betweenness (as `actorgraph actors` counts them) and
    component number."""
    index = {node: i for i, node in enumerate(G)}
    return link_metrics(list(G), [(index[u], index[v]) for u, v in G.edges()])


def _columns(ours: tuple[str, ...], records, computed: tuple[str, ...] = ()) -> list[str]:
    """Our columns, then the other columns the records have (in first-seen order), then
    the computed ones."""
    skip = set(ours) | set(computed)
    extra = list(dict.fromkeys(k for record in records for k in record if k not in skip))
    return [*ours, *extra, *computed]


def csv_writer(out: TextIO):
    """A CSV writer ending lines as `cells.csv_text` does."""
    return csv.writer(out, lineterminator=NEWLINE)


def row_cells(values: Iterable) -> list[str]:
    """Values as cells, as `cells.csv_text` makes them: as text, neutralised."""
    return [neutralise(value if value.__class__ is str else text(value)) for value in values]


# --- edges.csv ----------------------------------------------------------------------------

class Claims:
    """edges.csv read once: each claim's cells put aside, its id and ends noted."""

    def __init__(self, records: Records, number: dict[str, int]):
        self.spool = Spool()
        self.ids: list[str] = []
        self.ends: list[tuple[int, int]] = []
        self.shapes = array("l")
        self._names: dict[tuple, int] = {}  # the keys of a record -> its shape
        rows = records.edges()
        with records.stage("csv: reading claims", rows) as bar:
            for u, v, key, data in bar.through(rows):
                record = {**data, "id": key, "source": u, "target": v}
                for name in DERIVED:
                    record.pop(name, None)
                names = tuple(record)
                shape = self._names.setdefault(names, len(self._names))
                self.shapes.append(shape)
                self.spool.add((shape, *row_cells(record.values())))
                self.ids.append(key)
                self.ends.append((number[u], number[v]))

    def order(self) -> list[int] | None:
        """The claims' numbers in id order, claims whose ids count the same in the graph's
        order (None: the order read)."""
        return id_order(self.ids, lambda: graph_order(self.ends))

    def write(self, out: TextIO, order: list[int] | None, bar: Bar | None = None) -> None:
        """edges.csv, its rows in `order` (the claims' numbers; None: as read)."""
        bar = bar or Bar()
        names = list(self._names)
        shapes = self.shapes if order is None else (self.shapes[i] for i in order)
        extra = _first_seen((names[s] for s in shapes), EDGES.column_names, CLAIM_COLUMNS)
        header = [*EDGES.column_names, *extra, *CLAIM_COLUMNS]
        writer = csv_writer(out)
        writer.writerow(header)
        where = [_places(shape_names, header) for shape_names in names]
        for shape, *cells in bar.through(self.spool.records(order)):
            writer.writerow([cells[i] if i >= 0 else "" for i in where[shape]])

    def close(self) -> None:
        self.spool.close()


def _first_seen(keys: Iterable[tuple], ours: tuple[str, ...], computed: tuple[str, ...]
                ) -> list[str]:
    """The columns of records with these keys that are neither ours nor computed, in the
    order they first appear (`_columns`'s extra columns)."""
    skip = set(ours) | set(computed) | set(CLAIMS_OWN)
    extra: dict[str, None] = {}
    seen: set[tuple] = set()
    for names in keys:
        if names not in seen:
            seen.add(names)
            extra.update((k, None) for k in names if k not in skip)
    return list(extra)


def _places(names: Sequence[str], header: Sequence[str]) -> list[int]:
    """Where each column of `header` is among a record's `names` (-1: not there)."""
    at = {name: i for i, name in enumerate(names)}
    return [at.get(column, -1) for column in header]


# --- nodes.csv ----------------------------------------------------------------------------

def _write_nodes(records: Records, out: TextIO, metrics: dict[str, dict]) -> None:
    """nodes.csv: the actors read twice, for the columns, then for the rows."""
    skip = set(NODES.column_names) | set(ACTOR_COLUMNS)
    shapes = set()
    extra: dict[str, None] = {}
    for _node, data in records.nodes():
        names = tuple(data)
        if names not in shapes:
            shapes.add(names)
            extra.update((k, None) for k in names if k not in skip)
    header = [*NODES.column_names, *extra, *ACTOR_COLUMNS]
    writer = csv_writer(out)
    writer.writerow(header)
    rows = records.nodes()
    with records.stage("csv: writing actors", rows) as bar:
        for node, data in bar.through(rows):
            record = {**data, "id": node, **metrics[node]}
            writer.writerow(row_cells(record.get(c) for c in header))


def nodes_csv(G: nx.MultiDiGraph) -> str:
    """nodes.csv of the graph `G`, as one string."""
    out = io.StringIO(newline="")
    _write_nodes(Records.of_graph(G), out, actor_metrics(G))
    return out.getvalue()


def edges_csv(G: nx.MultiDiGraph) -> str:
    """edges.csv of the graph `G`, as one string."""
    records = Records.of_graph(G)
    claims = Claims(records, {node: i for i, node in enumerate(G)})
    try:
        out = io.StringIO(newline="")
        claims.write(out, claims.order())
        return out.getvalue()
    finally:
        claims.close()


# --- sources.csv and sources/ -------------------------------------------------------------

_SUFFIX = re.compile(r"^\.[A-Za-z0-9]{1,8}$")


def copy_documents(records: Records | nx.MultiDiGraph, folder: Path) -> list[dict]:
    """Copy every document into `folder/sources/`, each named after its source id made safe
    (`text.slug`: no separators, no dot-dot, unique); its sources.csv rows with the new
    paths."""
    records = Records.of(records)
    sources, root = records.sources, records.casebook
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


def write_csv(records: Records | nx.MultiDiGraph, folder: Path) -> None:
    """Write nodes.csv, edges.csv, sources.csv and sources/ into the empty `folder`."""
    records = Records.of(records)
    rows = copy_documents(records, folder)
    header = _columns(SOURCES.column_names, rows)
    atomic_write(folder / SOURCES.filename,
                 csv_text(header, ([r.get(c) for c in header] for r in rows)))
    actors = [node for node, _data in records.nodes()]
    claims = Claims(records, {node: i for i, node in enumerate(actors)})
    try:
        measure = (lambda: link_metrics(actors, claims.ends))  # noqa: E731
        # A large casebook's measures take seconds: a second process computes them meanwhile.
        metrics = in_child(measure) if len(actors) > EXACT_BETWEENNESS else measure
        order = claims.order()
        with text_output(folder / EDGES.filename) as out, \
                records.stage("csv: writing claims", len(claims.ids)) as bar:
            claims.write(out, order, bar)
    finally:
        claims.close()
    with text_output(folder / NODES.filename) as out:
        _write_nodes(records, out, metrics())
