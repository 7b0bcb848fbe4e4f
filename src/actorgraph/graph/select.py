"""Choosing part of the casebook: the actors around one actor, the most central actors, what
fits on a page, and the selection the build and export commands ask for.

Every function takes the casebook graph `G` (a MultiDiGraph, one edge per claim) and returns a
subgraph of it; none of them changes `G`.
"""

from __future__ import annotations

import heapq
from itertools import islice

import networkx as nx

from actorgraph.errors import ActorNotFound, BadValue
from actorgraph.graph.filters import filter_claims
from actorgraph.graph.paths import path_subgraph
from actorgraph.text import name_key


def check_depth(G: nx.MultiDiGraph, depth: int, least: int = 0) -> int:
    """`depth` if it is at least `least`; deeper than the number of actors reaches nothing
    more, so it is capped there."""
    if depth < least:
        raise BadValue("depth", depth, f"is not {least} or more")
    return min(depth, len(G))


def around(G: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actors within `depth` hops of `actor` (either direction) and every claim among
    them."""
    if actor not in G:
        raise ActorNotFound(actor, [])
    depth = check_depth(G, depth)
    distances = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), actor,
                                                      cutoff=depth)
    return G.subgraph(distances)


def top(G: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """The `n` actors in the most claims (`ranked` by degree), with the claims among them."""
    if n < 1:
        raise BadValue("top_n", n, "is not 1 or more")
    return G.subgraph(islice(by_degree(G), n))


def by_degree(G: nx.MultiDiGraph) -> list[str]:
    """Actor ids by claims, most first: `ranked(G, centrality(G), "degree")` without
    computing the other measures."""
    return ranked(G, {a: {"degree": d} for a, d in G.degree()}, "degree")


def fitting(G: nx.MultiDiGraph, max_actors: int, max_claims: int) -> nx.MultiDiGraph:
    """`G` if it has at most `max_actors` actors and `max_claims` claims; else the actors in
    the most claims (`by_degree`), as many as fit with the claims among them."""
    if len(G) <= max_actors and G.number_of_edges() <= max_claims:
        return G
    chosen: set[str] = set()
    claims = 0
    for actor in by_degree(G):
        more = (sum(1 for _u, v in G.out_edges(actor) if v in chosen)
                + sum(1 for u, _v in G.in_edges(actor) if u in chosen))
        if len(chosen) == max_actors or claims + more > max_claims:
            break
        chosen.add(actor)
        claims += more
    return G.subgraph(chosen)


def ranked(G: nx.MultiDiGraph, scores: dict, measure: str, first: int | None = None
           ) -> list[str]:
    """Actor ids by `measure` of `metrics.centrality`, highest first; ties in name order,
    then id. Only the `first` ones if given: only actors scoring at least the first's lowest
    score are then put in order (their names are the costly part of the key)."""
    actors = list(G)
    if first is not None and len(actors) > first > 0:
        floor = heapq.nlargest(first, (scores[a][measure] for a in actors))[-1]
        actors = [a for a in actors if scores[a][measure] >= floor]
    ordered = sorted(actors, key=lambda a: (-scores[a][measure],
                                            name_key(G.nodes[a].get("name") or a), a))
    return ordered if first is None else ordered[:max(first, 0)]


def selection(G: nx.MultiDiGraph, *, around_actor: str | None = None, depth: int = 1,
              path: tuple[str, str] | None = None, top_n: int | None = None,
              **filters) -> nx.MultiDiGraph:
    """The part of `G` the export and build commands were asked for: the filters of
    `filter_claims` first, then the actors around one actor, then the shortest paths between
    two, then the `top_n` actors by degree. A copy, `G` itself when nothing is asked."""
    if around_actor is not None and around_actor in filters.get("avoid", ()):
        raise BadValue("avoid", around_actor, "is the actor the selection is around")
    chosen = filter_claims(G, **filters)
    if around_actor is not None:
        chosen = around(chosen, around_actor, depth)
    if path is not None:
        chosen = path_subgraph(chosen, *path)
    if top_n is not None:
        chosen = top(chosen, top_n)
    return G if chosen is G else chosen.copy()
