"""GraphML for Gephi, yEd, Cytoscape desktop and igraph, written by networkx."""

from __future__ import annotations

import io

import networkx as nx

from actorgraph.export.flat import flat_graph


def generate_graphml(G: nx.MultiDiGraph) -> str:
    """The casebook as one GraphML document (directed; each claim an edge with its id)."""
    out = io.BytesIO()
    nx.write_graphml(flat_graph(G), out, encoding="utf-8")  # with its XML declaration
    return out.getvalue().decode("utf-8")
