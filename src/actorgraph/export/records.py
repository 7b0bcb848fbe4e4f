"""What an export writes: a casebook's documents, and its actors and claims read one at a
time, from a graph or straight from the casebook's store, so that writing half a million
claims never needs them all in memory at once.

Both kinds give the same records in the same order as the whole graph would (`Casebook.nodes`
and `edges`, read from the store, are tested against it): an export streamed from the store
is the export of `Casebook.graph()`, byte for byte, without building it.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import networkx as nx

from actorgraph.progress import Bar, progress


@dataclass(frozen=True)
class Records:
    """A casebook to export. `nodes()` and `edges()` start a new reading each time they are
    called, as `G.nodes(data=True)` and `G.edges(keys=True, data=True)` give them (actors in
    nodes.csv's order; claims in the graph's order or in edges.csv's: `spool.graph_order`
    tells one from the other). `show_progress`: whether the work is worth a progress bar
    (see `progress`)."""

    casebook: str | None  # the casebook folder, as the graph's `casebook` names it
    sources: dict[str, dict]  # the documents of sources.csv by id
    nodes: Callable[[], Iterable[tuple[str, dict]]]
    edges: Callable[[], Iterable[tuple[str, str, str, dict]]]
    show_progress: bool = False
    graph_attributes: dict | None = None  # a graph's own data (`G.graph`), if it is a graph's

    @classmethod
    def of_graph(cls, G: nx.MultiDiGraph) -> Records:
        return cls(G.graph.get("casebook"), G.graph.get("sources", {}),
                   lambda: G.nodes(data=True), lambda: G.edges(keys=True, data=True),
                   graph_attributes=G.graph)

    def attributes(self) -> dict:
        """The graph's own data, as `G.graph` holds it (`build_graph` gives a casebook's
        graph its folder and its documents)."""
        if self.graph_attributes is not None:
            return dict(self.graph_attributes)
        return {"casebook": self.casebook, "sources": self.sources}

    @classmethod
    def of(cls, source: Records | nx.MultiDiGraph) -> Records:
        """`source` if it is records already, else the records of the graph `source`."""
        return source if isinstance(source, Records) else cls.of_graph(source)

    @classmethod
    def of_casebook(cls, book, show_progress: bool = False) -> Records:
        """The records of an opened casebook (`workspace.Casebook`), read from its store when
        it has one, else from the graph it holds."""
        return cls(str(book.root), book.sources(), book.nodes, book.edges, show_progress)

    @contextmanager
    def stage(self, label: str, items: Iterable | int | None = None) -> Iterator[Bar]:
        """A progress bar for one stage of the export, its total the number of `items` (as
        far as it is known before they are read: `operator.length_hint`) or `items` itself
        if it is a number."""
        total = items if isinstance(items, int) or items is None else \
            operator.length_hint(items, 0)
        with progress(label, total, show=self.show_progress) as bar:
            yield bar
