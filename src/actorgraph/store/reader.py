"""Answering from the store without loading the casebook: each question reads the rows it
needs and is answered on a small graph of them.

`path` (with `-k` too), `neighbors`, `show` and `claims --actor` walk the `claims` table by
its `source` and `target` indexes (the same path searches, `paths.meet_halfway` and
`paths.simple_paths`, under the same filters, `filters.Filters`), reading each actor's claims
once, and fetch the actors and claims their answer involves; the usual functions
(`paths.find_paths`, `answers.neighbours`, `answers.actor_details`, `answers.claim_rows`) then
run on that small graph, which holds everything they look at: the answer is the one the whole
graph gives (tests compare the two on random casebooks). `neighbors` reads the claims of the
actors nearer than `depth` only: those of the farthest ring hold nothing it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache

import networkx as nx

from actorgraph.graph.filters import Filters
from actorgraph.graph.names import Names
from actorgraph.graph.paths import (
    k_best,
    k_searchable,
    meet_halfway,
    rings,
    simple_paths,
    steps_along,
)
from actorgraph.graph.ties import claim_ties, gather
from actorgraph.store.database import Store


class Counted(Iterator):
    """An iterator, and how many items it has left (`operator.length_hint`, which a progress
    bar reads: `actorgraph.progress`)."""

    def __init__(self, items: Iterator, count: int):
        self._items, self._left = items, count

    def __next__(self):
        item = next(self._items)
        self._left -= 1
        return item

    def __length_hint__(self) -> int:
        return max(self._left, 0)


class StoreReader(Names):
    """A casebook as its store: names, and small graphs that answer one question each."""

    def __init__(self, store: Store, casebook: str):
        self.store, self.casebook = store, casebook

    # --- Names, for names.resolve ----------------------------------------------------------

    def __contains__(self, actor: str) -> bool:
        return self.store.has_actor(actor)

    def matching(self, key: str) -> set[str]:
        return self.store.matching(key)

    def label(self, actor: str) -> str:
        return self.store.label(actor)

    def spellings(self) -> dict[str, str]:
        return self.store.spellings()

    # --- Graphs ----------------------------------------------------------------------------

    def graph(self) -> nx.MultiDiGraph:
        """The whole casebook graph."""
        return self.store.graph(self.casebook)

    def nodes(self) -> Iterator[tuple[str, dict]]:
        """Every actor (`Store.nodes`), as an iterator that knows how many there are."""
        return Counted(self.store.nodes(), self._count("actors"))

    def edges(self) -> Iterator[tuple[str, str, str, dict]]:
        """Every claim (`Store.edges`), as an iterator that knows how many there are."""
        return Counted(self.store.edges(), self._count("claims"))

    def _count(self, what: str) -> int:
        try:
            return int(self.store.meta().get(what, 0))
        except ValueError:
            return 0

    def sources(self) -> dict[str, dict]:
        return self.store.sources()

    def path_graph(self, source: str, target: str, directed: bool = False,
                   avoid: Iterable[str] = (), k: int | None = None,
                   max_hops: int | None = None, **filters) -> nx.MultiDiGraph:
        """The actors on every shortest path from `source` to `target` under the filters
        (`filters.FILTERS`), with every claim between two actors next to each other on one
        (all of them: their ties are whole), the ends and the avoided actors.
        `paths.find_paths` without `k` gives the same answer on it as on the whole graph.
        With `k`, the paths are every simple path no longer than the k-th shortest nor
        than `max_hops` (`paths.k_best` of `paths.simple_paths`): `find_paths` with the
        same `k` and `max_hops` gives the same answer on it as on the whole graph."""
        avoid = tuple(avoid)
        claims_of, between = self._walk(avoid, **filters)
        ends = [a for a in (source, target) if a in self]
        found = []
        if len(ends) == 2 and source != target:
            forward, backward = (cache(step) for step in steps_along(
                lambda u: [c[:3] for c in claims_of(u)], directed))
            if k is None:
                found = meet_halfway(source, target, forward, backward)
            elif k_searchable(k, max_hops):  # else find_paths says what is wrong
                found = k_best(simple_paths(source, target, forward, backward, directed), k,
                               max_hops)
        pairs = {frozenset(pair) for path in found for pair in zip(path, path[1:])}
        claims = [c[5] for pair in pairs for c in between(*pair)]
        actors = {*ends, *(a for path in found for a in path), *(a for a in avoid if a in self)}
        return self.store.graph_of(actors, claims, self.casebook)

    def around_graph(self, actor: str, depth: int = 1, avoid: Iterable[str] = (),
                     limit: int | None = None, **filters) -> nx.MultiDiGraph:
        """The actors within `depth` hops of `actor` (direction ignored) under the filters,
        with the claims that link each to one a hop nearer, and the avoided actors: all that
        `answers.neighbours` looks at. With `limit`, the walk stops at the first ring past
        the first that brings the actors found past it (`paths.rings`): a bounded read."""
        avoid = tuple(avoid)
        claims_of, between = self._walk(avoid, **filters)

        def neighbours_of(u: str) -> Iterator[str]:
            return (t if s == u else s for s, t, _directed, _claim in claims_of(u))

        found = rings(actor, neighbours_of, max(depth, 0), limit)
        distance = found.distance
        farthest = depth if found.cut is None else found.cut - 1  # the farthest ring kept
        # (u, v): v a hop further than u, linked by a claim that counts (u's claims are
        # read already: those of the farthest ring, which hold nothing shown, never are);
        # and the actors of a ring left out that were found, with a claim each to the
        # actor they were reached from: enough for `answers.neighbourhood` to leave it out
        pairs = {(u, v) for u, d in distance.items() if d < farthest
                 for v in neighbours_of(u) if distance.get(v) == d + 1}
        pairs.update((u, v) for v, u in found.beyond.items())
        claims = [c[5] for u, v in pairs for c in between(u, v)]  # whole ties
        return self.store.graph_of({*distance, *found.beyond,
                                    *(a for a in avoid if a in self)}, claims, self.casebook)

    def actor_graph(self, actor: str, others: Iterable[str] = ()) -> nx.MultiDiGraph:
        """The actor, every claim it is in and the actors at their other ends, every claim
        it makes as claimant with the whole ties they are in (all that
        `answers.actor_details` looks at), and the `others` (say, the avoided actors)."""
        claims = [c[5] for c in self.store.ends(actor)]
        actors = {actor, *(a for a in others if a in self)}
        _claims_of, between = self._walk(())
        for s, t, _claim in self.store.alleged_by(actor):
            claims += [c[5] for c in between(s, t)]
            actors |= {s, t}
        actors |= {end for s, t, *_ in self.store.ends(actor) for end in (s, t)}
        return self.store.graph_of(actors, claims, self.casebook)

    # --- Walking the claims table ----------------------------------------------------------

    def _walk(self, avoid, **filters) -> tuple[Callable[[str], list[tuple]],
                                                Callable[[str, str], list[tuple]]]:
        """`claims_of(u)`: the claims actor u is in that pass the filters, (source, target,
        directed, id) each; `between(a, b)`: the claims between actors a and b (either way,
        `Store.ends` rows), whatever the filters, read from a's claims. Each actor's claims
        are read from the store once."""
        sources = self.store.sources()
        chosen = Filters.check(sources, **filters)
        gone = set(avoid)
        ends = cache(self.store.ends)

        def publisher(doc: str) -> str:
            return (sources.get(doc) or {}).get("publisher", "")

        @cache
        def claims_of(u: str) -> list[tuple]:
            rows = ends(u)
            tie_of = {}
            if chosen.min_sources is not None:  # u's claims hold whole ties: u is in each
                tie_of = claim_ties(gather(
                    ((s, t, ident, {"relation": r, "certainty": c, "source_doc": doc,
                                    "stance": stance})
                     for s, t, r, c, _d, ident, doc, stance in rows), publisher))
            return [(s, t, bool(d), ident) for s, t, relation, certainty, d, ident, doc, _st
                    in rows if s not in gone and t not in gone
                    and chosen.passes(relation, certainty, doc, tie_of.get(ident))]

        def between(a: str, b: str) -> list[tuple]:
            return [c for c in ends(a) if (c[1] if c[0] == a else c[0]) == b]

        return claims_of, between
