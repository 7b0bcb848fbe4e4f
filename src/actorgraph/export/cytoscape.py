"""Cytoscape.js JSON (`{"elements": {"nodes": [...], "edges": [...]}}`), also read by
Cytoscape desktop.

The document networkx's `cytoscape_data` gives for the whole graph, with string ids and the
graph's data as an object (networkx gives a list of pairs; Cytoscape wants an object),
streamed item by item as `nodelink` is. tests/test_streamed_export.py checks it against
networkx's own, byte for byte.
"""

from __future__ import annotations

from typing import BinaryIO

from actorgraph.errors import InputError
from actorgraph.export.flat import graph_data
from actorgraph.export.jsonstream import Slots, item, spooled_items, write_document
from actorgraph.export.records import Records
from actorgraph.files import as_text


def write_cytoscape(records: Records, out: BinaryIO) -> None:
    """The casebook as Cytoscape.js elements: string ids, each edge's id its claim id."""
    slots = Slots()
    document = {"data": graph_data(records.attributes()), "directed": True, "multigraph": True,
                "elements": {"nodes": slots(), "edges": slots()}}
    actors: set[str] = set()

    def node(ident, data: dict) -> str:
        element = dict(data)  # cytoscape_data's keys in its order, then ids as strings
        element["id"] = element["value"] = str(ident)
        element["name"] = data.get("name") or str(ident)
        actors.add(element["id"])
        return item({"data": element})

    def edge(u, v, key, data: dict) -> str:
        element = dict(data)
        element["source"], element["target"] = str(u), str(v)
        element["key"] = element["id"] = str(key)
        if element["id"] in actors:
            raise InputError(f"claim id {element['id']!r} is also an actor id; Cytoscape.js "
                             "needs ids unique across actors and claims: rename one of them")
        return item({"data": element})

    with spooled_items(records, "cytoscape", node, edge) as (nodes, edges, count), \
            as_text(out) as text, records.stage("cytoscape: writing", count) as bar:
        write_document(text, document, slots, [bar.through(nodes), bar.through(edges)])
