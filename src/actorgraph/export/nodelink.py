"""networkx node-link JSON: what `nx.node_link_graph` and d3 read.

Written from the whole graph by networkx's own `node_link_data`: the format is networkx's
layout of a graph, and a streamed copy of it would be JSON put together by hand.
"""

from __future__ import annotations

import json
from typing import BinaryIO

import networkx as nx

from actorgraph.export.flat import graph_data
from actorgraph.export.records import Records
from actorgraph.files import as_text


def write_nodelink(records: Records, out: BinaryIO) -> None:
    """The casebook as node-link JSON; edges under `edges`, each with its claim id as `key`.

    Graph-level data (the casebook folder, `sources` with every document's metadata) is kept.
    """
    G = records.graph()
    H = nx.relabel_nodes(G, str, copy=True) if any(not isinstance(n, str) for n in G) else G
    data = nx.node_link_data(H, edges="edges")
    data["graph"] = graph_data(G)
    with as_text(out) as text:
        json.dump(data, text, ensure_ascii=False, indent=2)
        text.write("\n")
