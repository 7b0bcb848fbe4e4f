"""Which claims count: the filters every question takes (relations, certainty, avoided
actors), defined once for the graph (`filter_claims`) and for the store (`kept`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import networkx as nx

from actorgraph.errors import BadValue
from actorgraph.schema import (
    CERTAINTIES,
    CERTAINTY_RANK,
    RELATIONS,
    check_certainty,
    check_relations,
)


def kept(relations: Iterable[str] = (), exclude_relations: Iterable[str] = (),
         min_certainty: str | None = None) -> Callable[[str, str], bool] | None:
    """Whether a claim of this relation and certainty counts under the filters, or None when
    every claim does. `relations` keeps only claims of those types; `exclude_relations` drops
    those types; `min_certainty` keeps claims at least that firm (`alleged` keeps confirmed,
    asserted and alleged)."""
    keep = set(check_relations(relations, "relations"))
    drop = set(check_relations(exclude_relations, "exclude_relations"))
    floor = (CERTAINTY_RANK[check_certainty(min_certainty, "min_certainty")]
             if min_certainty else None)
    if not (keep or drop or floor is not None):
        return None
    allowed = {(r, c) for r in RELATIONS for c in CERTAINTIES
               if (not keep or r in keep) and r not in drop
               and (floor is None or CERTAINTY_RANK[c] <= floor)}
    return lambda relation, certainty: (relation, certainty) in allowed


def filter_claims(G: nx.MultiDiGraph, relations: Iterable[str] = (),
                  exclude_relations: Iterable[str] = (), min_certainty: str | None = None,
                  avoid: Iterable[str] = ()) -> nx.MultiDiGraph:
    """A read-only view of `G` without the avoided actors and the claims the filters (`kept`)
    drop. Actors left without claims stay in the view."""
    passes = kept(relations, exclude_relations, min_certainty)
    gone = set(avoid)
    for actor in gone:
        if actor not in G:
            raise BadValue("avoid", actor, "is not an actor")
    if passes is None and not gone:
        return G

    def claim_passes(u, v, key) -> bool:
        claim = G.edges[u, v, key]
        return passes is None or passes(claim["relation"], claim["certainty"])

    return nx.subgraph_view(G, filter_node=lambda n: n not in gone, filter_edge=claim_passes)
