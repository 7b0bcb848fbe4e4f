"""Records put aside while a casebook is read, to be written once the whole of it is known.

A file's header may depend on every record (GraphML declares each attribute column before
the first node; actorgraph's CSV names every column of edges.csv in its first line), and a
format may list claims in an order other than the one they are read in (networkx's
`G.edges()` order, by id). So a streaming writer reads the records once, keeps each in a
`Spool` (a temporary file that no process leaves behind, even when killed: it has no name),
learns what the header needs on the way, and then writes the records back in the order
wanted: memory holds a number per record, not the records.

`graph_order` gives the order the whole-graph exports list claims in, from the order they
are read in, so that a casebook streamed from its store is written exactly as its graph is;
`spooled` reads a casebook's records into spools so, for the XML formats.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from actorgraph.export.flat import Columns, Flattener
from actorgraph.text import natural_key

CHUNK = 1 << 20  # bytes read at once when the records come back in their own order


class Spool:
    """Records (tuples of str, int, float, bool and None) kept in a temporary file."""

    def __init__(self):
        self._file = tempfile.TemporaryFile()
        self._ends = array("q", [0])  # where each record ends, after a leading 0

    def add(self, record: tuple) -> None:
        data = marshal.dumps(record)
        self._file.write(data)
        self._ends.append(self._ends[-1] + len(data))

    def __len__(self) -> int:
        return len(self._ends) - 1

    def records(self, order: Sequence[int] | None = None) -> Iterator[tuple]:
        """The records in the order they were added, or in `order` (their numbers)."""
        self._file.flush()
        fd, ends, loads = self._file.fileno(), self._ends, marshal.loads
        if order is not None:
            for i in order:
                yield loads(os.pread(fd, ends[i + 1] - ends[i], ends[i]))
            return
        first = 0
        while first < len(self):
            last = first  # the records that fit in one chunk (at least one)
            while last < len(self) and (last == first or ends[last + 1] - ends[first] <= CHUNK):
                last += 1
            data = memoryview(os.pread(fd, ends[last] - ends[first], ends[first]))
            start = ends[first]
            for i in range(first, last):
                yield loads(data[ends[i] - start:ends[i + 1] - start])
            first = last

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def graph_order(ends: Iterable[tuple[int, int]]) -> list[int] | None:
    """The order in which a MultiDiGraph built by adding these claims in turn lists them
    (`G.edges()`): by source actor (each end given by the actor's number in the graph's
    order), then by target in the order of its first claim from that source, then in the
    order added. The claims' numbers in that order; None when it is the order given."""
    first: dict[tuple[int, int], int] = {}
    keys = []
    for i, pair in enumerate(ends):
        keys.append((pair[0], first.setdefault(pair, i), i))
    if all(a < b for a, b in zip(keys, keys[1:])):
        return None
    keys.sort()
    return [key[2] for key in keys]


def id_order(ids: Sequence[str], then: Callable[[], Sequence[int] | None] = lambda: None
             ) -> list[int] | None:
    """The claims' numbers in the order of their ids as people count them (`c2` before
    `c10`: `text.natural_key`), those whose ids count the same in the order `then()` gives
    (their numbers; None: the order given), asked only if the ids are not in order already.
    None when it is the order given."""
    keys = list(map(natural_key, ids))
    if all(a < b for a, b in zip(keys, keys[1:])):
        return None
    rank = list(range(len(ids)))
    tied = then()
    if tied is not None:
        for position, i in enumerate(tied):
            rank[i] = position
    order = sorted(range(len(ids)), key=lambda i: (keys[i], rank[i]))
    return None if order == list(range(len(ids))) else order


@dataclass
class Spooled:
    """A casebook's actors and claims, each flattened (`flat.Flattener`) and put aside: the
    actors as (id, shape, *values), the claims as (id, source, target, shape, *values), a
    shape being the columns a record has (`flat.Columns`), and the claims' graph order."""

    nodes: Spool
    edges: Spool
    node_columns: Columns
    edge_columns: Columns
    node_shapes: array
    edge_shapes: array
    order: list[int] | None

    def node_names(self) -> list[str]:
        """The actors' columns, in the order a header declares them."""
        return self.node_columns.order(self.node_shapes)

    def edge_names(self) -> list[str]:
        """The claims' columns, in the order a header declares them."""
        shapes = self.edge_shapes
        return self.edge_columns.order(shapes if self.order is None
                                       else (shapes[i] for i in self.order))


@contextmanager
def spooled_records(records, label: str,
                    node_record: Callable[[object, dict], tuple[object, tuple]],
                    edge_record: Callable[[object, object, object, dict],
                                          tuple[object, object, tuple]]
                    ) -> Iterator[tuple[Spool, Spool, list[int] | None]]:
    """Read `records` (`records.Records`) once, each stage under a progress bar named after
    `label` (the format), into two spools: `node_record(node, data)` gives an actor's id
    and the record kept for it, `edge_record(u, v, key, data)` a claim's two ends (as the
    actors' ids) and its record. Give back the spools and the claims' graph order
    (`graph_order`); the spools are removed on leaving."""
    with Spool() as nodes, Spool() as edges:
        number: dict[object, int] = {}  # actor id -> its place in the graph's order
        rows = records.nodes()
        with records.stage(f"{label}: reading actors", rows) as bar:
            for node, data in bar.through(rows):
                ident, record = node_record(node, data)
                number.setdefault(ident, len(number))
                nodes.add(record)
        ends = []
        rows = records.edges()
        with records.stage(f"{label}: reading claims", rows) as bar:
            for u, v, key, data in bar.through(rows):
                source, target, record = edge_record(u, v, key, data)
                ends.append((number[source], number[target]))
                edges.add(record)
        order = graph_order(ends)
        del ends, number
        yield nodes, edges, order


@contextmanager
def spooled(records, label: str) -> Iterator[Spooled]:
    """Read `records` (`records.Records`) once (`spooled_records`), each record flattened,
    into a `Spooled`; its spools are removed on leaving."""
    flatten = Flattener()
    node_columns, edge_columns = Columns(), Columns()
    node_shapes, edge_shapes = array("l"), array("l")

    def node_record(node, data: dict) -> tuple[str, tuple]:
        node, attrs = flatten.node(node, data)
        node_shapes.append(shape := node_columns.see(attrs))
        return node, (node, shape, *attrs.values())

    def edge_record(u, v, key, data: dict) -> tuple[str, str, tuple]:
        u, v, key, attrs = flatten.edge(u, v, key, data)
        edge_shapes.append(shape := edge_columns.see(attrs))
        return u, v, (key, u, v, shape, *attrs.values())

    with spooled_records(records, label, node_record, edge_record) as (nodes, edges, order):
        yield Spooled(nodes, edges, node_columns, edge_columns, node_shapes, edge_shapes,
                      order)
