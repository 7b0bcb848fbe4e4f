"""How central each actor is: degree (claims), ties (actors linked) and betweenness (the
brokers), on the undirected one-link-per-pair projection."""

from __future__ import annotations

import random

import networkx as nx

from actorgraph.util import in_child

EXACT_BETWEENNESS = 5_000  # actors; above this, betweenness is estimated from a sample
SAMPLE_SOURCES = 200


def betweenness(H: nx.Graph, seed: int = 0) -> dict[str, float]:
    """Normalised betweenness of the undirected simple graph `H` (networkx's definition),
    computed by python-igraph: exact up to EXACT_BETWEENNESS actors; above that, estimated
    from SAMPLE_SOURCES sources drawn with `seed` and scaled up, as networkx's `k=` does."""
    nodes = list(H)
    index = {node: i for i, node in enumerate(nodes)}
    return dict(zip(nodes, betweenness_of_links(len(nodes), [(index[u], index[v])
                                                     for u, v in H.edges()], seed)))


def betweenness_of_links(n: int, links: list[tuple[int, int]], seed: int = 0) -> list[float]:
    """`betweenness` of the actors 0..n-1 of the undirected graph of `links`. An estimate's
    sources are split between this process and a forked one (`parallel.in_child`): a
    source's share adds up, and at 100k actors the 200 sources take igraph 8 s."""
    import igraph

    if n < 3:
        return [0.0] * n
    g = igraph.Graph(n=n, edges=links)
    scale = 2 / ((n - 1) * (n - 2))
    if n <= EXACT_BETWEENNESS:
        raw = g.betweenness(directed=False)
    else:
        sources = random.Random(seed).sample(range(n), SAMPLE_SOURCES)
        half = len(sources) // 2
        theirs = in_child(lambda: g.betweenness(directed=False, sources=sources[:half]))
        ours = g.betweenness(directed=False, sources=sources[half:])
        raw = [a + b for a, b in zip(theirs(), ours)]
        scale *= n / SAMPLE_SOURCES
    return [value * scale for value in raw]


def centrality(G: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Per actor: `degree` (claims it is in, as networkx counts a multigraph's degree),
    `ties` (actors it is linked to) and `betweenness` (normalised, on the undirected simple
    projection; estimated above EXACT_BETWEENNESS actors, see `betweenness`)."""
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    degree, ties = [0] * len(nodes), [0] * len(nodes)
    pairs = set()  # the undirected simple projection, as `links(G)`, by position
    for u, out in G.succ.items():  # each pair's claims at once: no edge view per claim
        u = index[u]
        for v, claims in out.items():
            v = index[v]
            degree[u] += len(claims)
            degree[v] += len(claims)
            pairs.add((u, v) if u <= v else (v, u))
    for u, v in pairs:
        ties[u] += 1
        ties[v] += 1  # a claim tying an actor to itself counts twice, as in networkx
    between = betweenness_of_links(len(nodes), list(pairs))
    return {node: {"degree": d, "ties": t, "betweenness": b}
            for node, d, t, b in zip(nodes, degree, ties, between)}


