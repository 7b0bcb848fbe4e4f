"""A casebook's compact index, kept in the cache beside its graph, so that a query on a large
casebook reads only what its answer needs.

The index holds the actors' ids and the names they answer to, and each claim's two ends,
relation and certainty as arrays; every actor's and every claim's record is stored apart, in
small checksummed blocks read on demand. `path`, `neighbors`, `show` and `claims --actor`
search the arrays, fetch the records of the actors and claims their answer involves, and run
the usual functions (`select.find_paths`, `query.neighbours`, `query.actor_details`,
`query.claim_rows`) on that small graph, which holds everything those functions look at:
the answer is the one the whole graph gives. At 500,000 claims a query unpickles 17 MB of
arrays and names instead of half a million claims.
"""

from __future__ import annotations

import pickle
import zlib
from array import array
from collections.abc import Callable, Iterable
from itertools import accumulate
from pathlib import Path

import networkx as nx

from actorgraph.errors import Problem
from actorgraph.load import gc_paused
from actorgraph.lookup import GraphNames, Names, actor_names, spellings
from actorgraph.schema import CERTAINTIES, CERTAINTY_RANK, RELATIONS
from actorgraph.select import check_certainty, check_relations, meet_halfway

BLOCK = 8  # records per block: one block read and unpickled per record wanted
_RELATIONS, _CERTAINTIES = list(RELATIONS), list(CERTAINTIES)


def _dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def sections(G: nx.MultiDiGraph, warnings: list[Problem]) -> dict[str, bytes]:
    """The index of `G` as the cache stores it: "index" (the arrays), "records" (the actor
    and claim records in blocks) and "names" (every spelling, for "did you mean")."""
    with gc_paused():
        return _sections(G, warnings)


def _sections(G: nx.MultiDiGraph, warnings: list[Problem]) -> dict[str, bytes]:
    ids = list(G)
    position = {actor: i for i, actor in enumerate(ids)}
    relation = {r: i for i, r in enumerate(_RELATIONS)}
    certainty = {c: i for i, c in enumerate(_CERTAINTIES)}
    claims = [(u, v, key, attrs) for u, out in G.succ.items() for v, keyed in out.items()
              for key, attrs in keyed.items()]  # G.edges' order, without its views' cost
    ends = array("i", [position[u] for u, _v, _k, _d in claims])
    other = array("i", [position[v] for _u, v, _k, _d in claims])
    # Claims by actor (compressed sparse rows): actor i's are incident[start[i]:start[i+1]].
    counts = [0] * len(ids)
    for u, v in zip(ends, other):
        counts[u] += 1
        if v != u:
            counts[v] += 1
    start = array("i", [0, *accumulate(counts)])
    incident = array("i", bytes(4 * start[-1]))
    fill = list(start[:-1])
    for c, (u, v) in enumerate(zip(ends, other)):
        incident[fill[u]] = c
        fill[u] += 1
        if v != u:
            incident[fill[v]] = c
            fill[v] += 1
    records, offsets, crcs = bytearray(), array("q", [0]), array("I")
    groups = ([(a, G.nodes[a]) for a in ids], claims)
    for group in groups:
        for first in range(0, len(group), BLOCK):
            blob = _dumps(group[first:first + BLOCK])
            records += blob
            offsets.append(len(records))
            crcs.append(zlib.crc32(blob))
    keys = {key: tuple(sorted(found)) for key, found in actor_names(G).items()}
    index = {
        "ids": ids, "keys": keys, "graph": G.graph, "warnings": warnings,
        "source": ends, "target": other,
        "relation": bytes(relation[d["relation"]] for _u, _v, _k, d in claims),
        "certainty": bytes(certainty[d["certainty"]] for _u, _v, _k, d in claims),
        "start": start, "incident": incident, "offsets": offsets, "crcs": crcs,
        "block": BLOCK, "actor_blocks": -(-len(ids) // BLOCK),
    }
    return {"index": _dumps(index), "records": bytes(records), "names": _dumps(spellings(G))}


class CorruptBlock(Exception):
    """A block of records does not match its checksum (caught inside this module)."""


class Index(Names):
    """A casebook as its compact index: names, arrays and records fetched on demand.

    `read(offset, size)` returns bytes of the "records" section; `names()` the spellings;
    `whole()` the full graph and warnings, for the questions that need them all; `recover()`
    the sections built afresh from the casebook, used when a block proves corrupt.
    """

    def __init__(self, data: dict, read: Callable[[int, int], bytes],
                 names: Callable[[], dict], whole: Callable[[], tuple],
                 recover: Callable[[], dict] | None = None):
        self._data, self._read, self._names = data, read, names
        self._whole, self._recover = whole, recover
        self.ids: list[str] = data["ids"]
        self.position = {actor: i for i, actor in enumerate(self.ids)}
        self.warnings: list[Problem] = data["warnings"]

    @classmethod
    def from_sections(cls, parts: dict[str, bytes], whole: Callable[[], tuple]) -> Index:
        """An index held in memory: rebuilt after a corrupt block, or made by a test."""
        records = memoryview(parts["records"])
        return cls(pickle.loads(parts["index"]),
                   lambda offset, size: records[offset:offset + size],
                   lambda: pickle.loads(parts["names"]), whole)

    # --- Names, for lookup.resolve ---------------------------------------------------------

    def __contains__(self, actor: str) -> bool:
        return actor in self.position

    def matching(self, key: str) -> set[str]:
        return set(self._data["keys"].get(key, ()))

    def label(self, actor: str) -> str:
        _id, attrs = self._records([self.position[actor]], [])[0][0]
        return attrs.get("name") or actor

    def spellings(self) -> dict[str, str]:
        return self._names()

    # --- The whole casebook ----------------------------------------------------------------

    def graph(self) -> nx.MultiDiGraph:
        """The full graph (what `build.load_graph` returns)."""
        return self._whole()[0]

    # --- Small graphs that answer one question ---------------------------------------------

    def path_graph(self, source: str, target: str, directed: bool = False,
                   relations: Iterable[str] = (), exclude_relations: Iterable[str] = (),
                   min_certainty: str | None = None, avoid: Iterable[str] = ()
                   ) -> nx.MultiDiGraph:
        """The actors on every shortest path from `source` to `target` and every claim
        between two actors next to each other on one, under the filters of
        `select.filter_claims`; with the ends and the avoided actors. `select.find_paths`
        without `k` gives the same answer on it as on the whole graph."""
        avoid = tuple(avoid)
        passes = self._filter(relations, exclude_relations, min_certainty, avoid)
        ends = [self.position[a] for a in (source, target) if a in self.position]
        found = []
        if len(ends) == 2 and source != target:
            found = meet_halfway(*ends, *self._steps(passes, directed))
        pairs = {frozenset(pair) for path in found for pair in zip(path, path[1:])}
        claims = [c for pair in pairs for c in self._between(*pair, passes)]
        actors = {*ends, *(a for path in found for a in path), *self._positions(avoid)}
        return self._graph(actors, claims)

    def around_graph(self, actor: str, depth: int = 1, relations: Iterable[str] = (),
                     exclude_relations: Iterable[str] = (), min_certainty: str | None = None,
                     avoid: Iterable[str] = ()) -> nx.MultiDiGraph:
        """The actors within `depth` hops of `actor` (direction ignored) under the filters,
        with the claims that link each to one a hop nearer, and the avoided actors: all that
        `query.neighbours` looks at."""
        avoid = tuple(avoid)
        passes = self._filter(relations, exclude_relations, min_certainty, avoid)
        both, _ = self._steps(passes, directed=False)
        start = self.position[actor]
        distance, fringe = {start: 0}, [start]
        for d in range(1, max(depth, 0) + 1):
            level = []
            for u in fringe:
                for v in both(u):
                    if v not in distance:
                        distance[v] = d
                        level.append(v)
            fringe = level
        claims = [c for u, d in distance.items() if d
                  for c in self._claims_of(u) if passes(c)
                  and distance.get(self._other(c, u)) == d - 1]
        return self._graph({*distance, *self._positions(avoid)}, claims)

    def actor_graph(self, actor: str, others: Iterable[str] = ()) -> nx.MultiDiGraph:
        """The actor, every claim it is in and the actors at their other ends (all that
        `query.actor_details` looks at), and the `others` (say, the avoided actors)."""
        u = self.position[actor]
        claims = list(self._claims_of(u))
        actors = {u, *(self._other(c, u) for c in claims), *self._positions(others)}
        return self._graph(actors, claims)

    # --- Searching the arrays --------------------------------------------------------------

    def _positions(self, actors: Iterable[str]) -> list[int]:
        return [self.position[a] for a in actors if a in self.position]

    def _claims_of(self, u: int) -> array:
        start = self._data["start"]
        return self._data["incident"][start[u]:start[u + 1]]

    def _other(self, c: int, u: int) -> int:
        source = self._data["source"][c]
        return self._data["target"][c] if source == u else source

    def _filter(self, relations, exclude_relations, min_certainty, avoid) -> Callable:
        """Whether claim c passes the filters of `select.filter_claims`."""
        keep = set(check_relations(relations))
        drop = set(check_relations(exclude_relations, "--exclude-relation"))
        floor = CERTAINTY_RANK[check_certainty(min_certainty)] if min_certainty else None
        ok = bytes((not keep or r in keep) and r not in drop
                   and (floor is None or CERTAINTY_RANK[c] <= floor)
                   for r in _RELATIONS for c in _CERTAINTIES)
        gone = set(self._positions(avoid))
        width = len(_CERTAINTIES)
        relation, certainty = self._data["relation"], self._data["certainty"]
        source, target = self._data["source"], self._data["target"]
        return lambda c: (ok[relation[c] * width + certainty[c]]
                          and source[c] not in gone and target[c] not in gone)

    def _steps(self, passes: Callable, directed: bool) -> tuple[Callable, Callable]:
        """The actors one claim on from u and one claim back, as `select._steps` says."""
        source, target, relation = (self._data[k] for k in ("source", "target", "relation"))
        one_way = [RELATIONS[r].directed for r in _RELATIONS]
        claims_of = self._claims_of

        def both(u):
            return {target[c] if source[c] == u else source[c]
                    for c in claims_of(u) if passes(c)}

        if not directed:
            return both, both

        def step(u, ahead):
            found = set()
            for c in claims_of(u):
                if passes(c):
                    s, t = source[c], target[c]
                    if (s if ahead else t) == u:
                        found.add(t if ahead else s)
                    if (t if ahead else s) == u and not one_way[relation[c]]:
                        found.add(s if ahead else t)
            return found

        return (lambda u: step(u, True)), (lambda u: step(u, False))

    def _between(self, a: int, b: int, passes: Callable) -> list[int]:
        """The claims between actors a and b (either way) that pass."""
        if len(self._claims_of(b)) < len(self._claims_of(a)):
            a, b = b, a
        return [c for c in self._claims_of(a) if passes(c) and self._other(c, a) == b]

    # --- Records ---------------------------------------------------------------------------

    def _graph(self, actors: Iterable[int], claims: Iterable[int]) -> nx.MultiDiGraph:
        """A graph of these actors and claims, as `build.build_graph` made them."""
        nodes, edges = self._records(sorted(set(actors)), sorted(set(claims)))
        H = nx.MultiDiGraph(**self._data["graph"])
        H.add_nodes_from(nodes)
        H.add_edges_from(edges)
        return H

    def _records(self, actors: list[int], claims: list[int]) -> tuple[list, list]:
        try:
            return self._fetch(actors, claims)
        except CorruptBlock:
            if self._recover is None:
                raise
            fresh = Index.from_sections(self._recover(), self._whole)
            self._read, self._recover = fresh._read, None
            return self._fetch(actors, claims)

    def _fetch(self, actors: list[int], claims: list[int]) -> tuple[list, list]:
        with gc_paused():
            return self._fetch_blocks(actors, claims)

    def _fetch_blocks(self, actors: list[int], claims: list[int]) -> tuple[list, list]:
        first_claims, size = self._data["actor_blocks"], self._data["block"]
        blocks: dict[int, list] = {}

        def record(block: int, at: int):
            if block not in blocks:
                blocks[block] = self._block(block)
            return blocks[block][at]

        nodes = [record(a // size, a % size) for a in actors]
        edges = [record(first_claims + c // size, c % size) for c in claims]
        return nodes, edges

    def _block(self, block: int) -> list:
        offsets = self._data["offsets"]
        blob = self._read(offsets[block], offsets[block + 1] - offsets[block])
        if zlib.crc32(blob) != self._data["crcs"][block]:
            raise CorruptBlock(block)
        return pickle.loads(blob)


class WholeGraph(GraphNames):
    """A casebook already loaded whole (just read, or the cache turned off): each question's
    graph is the whole graph, which gives the same answers as `Index`'s small ones."""

    def __init__(self, G: nx.MultiDiGraph, warnings: list[Problem]):
        super().__init__(G)
        self.warnings = warnings

    def graph(self) -> nx.MultiDiGraph:
        return self.G

    def path_graph(self, *args, **options) -> nx.MultiDiGraph:
        return self.G

    def around_graph(self, *args, **options) -> nx.MultiDiGraph:
        return self.G

    def actor_graph(self, *args, **options) -> nx.MultiDiGraph:
        return self.G


def load_index(data_dir: Path | str) -> Index | WholeGraph:
    """The casebook at `data_dir` as its index, from the cache when it is unchanged; else
    read, validated, built and cached (`build.load_casebook`), and answered whole."""
    from actorgraph import cache

    def whole() -> tuple:
        if not loaded:
            from actorgraph.build import load_casebook  # validate & co.: only when needed

            book = load_casebook(data_dir)
            loaded.append((book.graph, book.warnings))
        return loaded[0]

    def recover() -> dict:
        entry.discard()
        loaded.clear()
        return sections(*whole())  # read again, and cached again

    loaded: list[tuple] = []
    entry = cache.open_entry(data_dir)
    data = entry.unpickle("index") if entry is not None else None
    if data is None:
        return WholeGraph(*whole())
    return Index(data, lambda offset, size: entry.read("records", offset, size),
                 lambda: entry.unpickle("names"), whole, recover)
