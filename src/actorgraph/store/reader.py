"""Answering from the store without loading the casebook: each question reads the rows it
needs and is answered on a small graph of them.

`path`, `neighbors`, `show` and `claims --actor` walk the `claims` table by its `source` and
`target` indexes (the same path search, `paths.meet_halfway`, under the same filters,
`filters.Filters`) and fetch the actors and claims their answer involves; the usual functions
(`paths.find_paths`, `answers.neighbours`, `answers.actor_details`, `answers.claim_rows`) then
run on that small graph, which holds everything they look at: the answer is the one the whole
graph gives (tests compare the two on random casebooks).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

import networkx as nx

from actorgraph.graph.filters import Filters
from actorgraph.graph.names import Names
from actorgraph.graph.paths import meet_halfway, steps_along
from actorgraph.graph.ties import claim_ties, gather
from actorgraph.store.database import Store


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

    def nodes(self):
        return self.store.nodes()

    def edges(self):
        return self.store.edges()

    def sources(self) -> dict[str, dict]:
        return self.store.sources()

    def path_graph(self, source: str, target: str, directed: bool = False,
                   avoid: Iterable[str] = (), **filters) -> nx.MultiDiGraph:
        """The actors on every shortest path from `source` to `target` under the filters
        (`filters.FILTERS`), with every claim between two actors next to each other on one
        (all of them: their ties are whole), the ends and the avoided actors.
        `paths.find_paths` without `k` gives the same answer on it as on the whole graph."""
        avoid = tuple(avoid)
        claims_of = self._claims_of(avoid, **filters)
        ends = [a for a in (source, target) if a in self]
        found = []
        if len(ends) == 2 and source != target:
            found = meet_halfway(source, target, *steps_along(
                lambda u: [c[:3] for c in claims_of(u)], directed))
        pairs = {frozenset(pair) for path in found for pair in zip(path, path[1:])}
        claims = [c[5] for pair in pairs for c in self._between(*pair)]
        actors = {*ends, *(a for path in found for a in path), *(a for a in avoid if a in self)}
        return self.store.graph_of(actors, claims, self.casebook)

    def around_graph(self, actor: str, depth: int = 1, avoid: Iterable[str] = (),
                     **filters) -> nx.MultiDiGraph:
        """The actors within `depth` hops of `actor` (direction ignored) under the filters,
        with the claims that link each to one a hop nearer, and the avoided actors: all that
        `answers.neighbours` looks at."""
        avoid = tuple(avoid)
        claims_of = self._claims_of(avoid, **filters)
        distance, fringe = {actor: 0}, [actor]
        for d in range(1, max(depth, 0) + 1):
            level = []
            for u in fringe:
                for s, t, _directed, _claim in claims_of(u):
                    v = t if s == u else s
                    if v not in distance:
                        distance[v] = d
                        level.append(v)
            fringe = level
            if not fringe:
                break
        pairs = {frozenset((u, t if s == u else s)) for u, d in distance.items() if d
                 for s, t, _directed, _claim in claims_of(u)
                 if distance.get(t if s == u else s) == d - 1}
        claims = [c[5] for pair in pairs for c in self._between(*pair)]  # whole ties
        return self.store.graph_of({*distance, *(a for a in avoid if a in self)}, claims,
                                   self.casebook)

    def actor_graph(self, actor: str, others: Iterable[str] = ()) -> nx.MultiDiGraph:
        """The actor, every claim it is in and the actors at their other ends, every claim
        it makes as claimant with the whole ties they are in (all that
        `answers.actor_details` looks at), and the `others` (say, the avoided actors)."""
        claims = [c[5] for c in self.store.ends(actor)]
        actors = {actor, *(a for a in others if a in self)}
        for s, t, _claim in self.store.alleged_by(actor):
            claims += [c[5] for c in self._between(s, t)]
            actors |= {s, t}
        actors |= {end for s, t, *_ in self.store.ends(actor) for end in (s, t)}
        return self.store.graph_of(actors, claims, self.casebook)

    # --- Walking the claims table ----------------------------------------------------------

    def _claims_of(self, avoid, **filters) -> Callable[[str], list[tuple]]:
        """The claims actor u is in that pass the filters: (source, target, directed, id)."""
        sources = self.store.sources()
        chosen = Filters.check(sources, **filters)
        gone = set(avoid)

        def publisher(doc: str) -> str:
            return (sources.get(doc) or {}).get("publisher", "")

        @cache
        def claims_of(u: str) -> list[tuple]:
            rows = self.store.ends(u)
            tie_of = {}
            if chosen.min_sources is not None:  # u's claims hold whole ties: u is in each
                tie_of = claim_ties(gather(
                    ((s, t, ident, {"relation": r, "certainty": c, "source_doc": doc,
                                    "stance": stance})
                     for s, t, r, c, _d, ident, doc, stance in rows), publisher))
            return [(s, t, bool(d), ident) for s, t, relation, certainty, d, ident, doc, _st
                    in rows if s not in gone and t not in gone
                    and chosen.passes(relation, certainty, doc, tie_of.get(ident))]

        return claims_of

    def _between(self, a: str, b: str) -> list[tuple]:
        """The claims between actors a and b (either way), whatever the filters."""
        return [c for c in self.store.ends(a) if (c[1] if c[0] == a else c[0]) == b]
