"""Cytoscape.js JSON (`{"elements": {"nodes": [...], "edges": [...]}}`), also read by
Cytoscape desktop.

Written from the whole graph by networkx's own `cytoscape_data`, as `nodelink` is.
"""

from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx

from actorgraph.errors import InputError
from actorgraph.export.flat import graph_data
from actorgraph.export.records import Records
from actorgraph.files import as_text


def write_cytoscape(records: Records, out: BinaryIO) -> None:
    """The casebook as Cytoscape.js elements: string ids, each edge's id its claim id."""
    G = records.graph()
    data = nx.cytoscape_data(G)
    data["data"] = graph_data(G)  # networkx gives a list of pairs; Cytoscape wants an object
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
    with as_text(out) as text:
        json.dump(data, text, ensure_ascii=False, indent=2)
        text.write("\n")
