"""GraphML for Gephi, yEd, Cytoscape desktop and igraph, written by networkx."""

from __future__ import annotations

import networkx as nx

from actorgraph.export.flat import flat_graph


def generate_graphml(G: nx.MultiDiGraph) -> str:
    """The casebook as one GraphML document (directed; each claim an edge with its id)."""
    return "\n".join(nx.generate_graphml(flat_graph(G))) + "\n"
