"""Cytoscape.js JSON (`{"elements": {"nodes": [...], "edges": [...]}}`), also read by
Cytoscape desktop."""

from __future__ import annotations

import json

import networkx as nx

from actorgraph.errors import InputError


def generate_cytoscape(G: nx.MultiDiGraph) -> str:
    """The casebook as Cytoscape.js elements: string ids, each edge's id its claim id."""
    data = nx.cytoscape_data(G)
    data["data"] = dict(G.graph)  # networkx gives a list of pairs; Cytoscape wants an object
    actors = set()
    for element in data["elements"]["nodes"]:
        element["data"]["id"] = str(element["data"]["value"])
        element["data"]["value"] = str(element["data"]["value"])
        actors.add(element["data"]["id"])
    for element in data["elements"]["edges"]:
        edge = element["data"]
        edge.update(id=str(edge["key"]), key=str(edge["key"]),
                    source=str(edge["source"]), target=str(edge["target"]))
        if edge["id"] in actors:
            raise InputError(f"claim id {edge['id']!r} is also an actor id; Cytoscape.js needs "
                             "ids unique across actors and claims: rename one of them")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
