"""Positions for large graphs, computed in Python so the browser needs no live physics.

vis-network's physics settles a hundred actors in seconds but never settles a few thousand;
python-igraph's Fruchterman-Reingold lays out 20,000 actors in about a second and a half.
"""

from __future__ import annotations

import math
import random

import networkx as nx

SPACING = 150  # pixels of canvas per actor, along each side of the square the graph fills


def layout_positions(G: nx.Graph, seed: int = 7) -> dict[str, tuple[int, int]]:
    """Pixel positions for every node of `G`, centred on (0, 0), the same on every run.

    Direction and parallel edges do not matter to the layout: the simple undirected graph
    is laid out. The drawing fills a square whose side grows with the square root of the
    number of nodes, so the density on screen stays the same at any size.
    """
    import igraph

    nodes = list(G)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({tuple(sorted((index[u], index[v]))) for u, v in G.edges() if u != v})
    graph = igraph.Graph(n=len(nodes), edges=pairs)
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = graph.layout_fruchterman_reingold(niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    return dict(zip(nodes, _scaled(coords, SPACING * math.sqrt(len(nodes))), strict=True))


def _scaled(coords: list[list[float]], side: float) -> list[tuple[int, int]]:
    """Fit coordinates into a square of `side` pixels centred on the origin, keeping shape.

    The square holds the middle 98% of the actors along each axis, so that a few isolated
    actors flung far out by the layout do not shrink everyone else to a dot.
    """
    def spread(values: list[float]) -> tuple[float, float]:
        ordered = sorted(values)
        cut = len(ordered) // 100
        return ordered[cut], ordered[-1 - cut]

    (x0, x1), (y0, y1) = spread([c[0] for c in coords]), spread([c[1] for c in coords])
    span = max(x1 - x0, y1 - y0) or 1.0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    return [(round((x - cx) / span * side), round((y - cy) / span * side)) for x, y in coords]
