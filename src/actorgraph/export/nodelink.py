"""networkx node-link JSON: what `nx.node_link_graph` and d3 read.

The document `json.dump(nx.node_link_data(G, edges="edges"), indent=2)` writes for the whole
graph (string ids), streamed item by item (`jsonstream`): 500k claims need no graph in
memory. tests/test_streamed_export.py checks it against networkx's own, byte for byte.
"""

from __future__ import annotations

from typing import BinaryIO

from actorgraph.export.flat import graph_data
from actorgraph.export.jsonstream import Slots, item, spooled_items, write_document
from actorgraph.export.records import Records
from actorgraph.files import as_text


def write_nodelink(records: Records, out: BinaryIO) -> None:
    """The casebook as node-link JSON; edges under `edges`, each with its claim id as `key`.

    Graph-level data (the casebook folder, `sources` with every document's metadata) is kept.
    """
    slots = Slots()
    document = {"directed": True, "multigraph": True, "graph": graph_data(records.attributes()),
                "nodes": slots(), "edges": slots()}
    with spooled_items(records, "json", _node, _edge) as (nodes, edges, count), \
            as_text(out) as text, records.stage("json: writing", count) as bar:
        write_document(text, document, slots, [bar.through(nodes), bar.through(edges)])


def _node(node, data: dict) -> str:
    return item({**data, "id": str(node)})


def _edge(u, v, key, data: dict) -> str:
    return item({**data, "source": str(u), "target": str(v), "key": key})
