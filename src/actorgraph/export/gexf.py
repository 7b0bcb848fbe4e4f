"""GEXF 1.2draft for Gephi, written by networkx, with actors coloured by type."""

from __future__ import annotations

import io

import networkx as nx

from actorgraph.export.flat import flat_graph
from actorgraph.schema import ACTOR_TYPES


def _rgb(color: str) -> dict[str, int]:
    value = color.lstrip("#")
    return {"r": int(value[0:2], 16), "g": int(value[2:4], 16), "b": int(value[4:6], 16)}


def generate_gexf(G: nx.MultiDiGraph) -> str:
    """The casebook as one GEXF document (directed; each claim an edge with its id).

    GEXF has no graph-level attributes in networkx's writer, so document metadata is left out.
    """
    H = flat_graph(G)
    for _, data in H.nodes(data=True):
        actor_type = ACTOR_TYPES.get(data.get("type"))
        if actor_type:
            data["viz"] = {"color": {**_rgb(actor_type.color), "a": 1.0}}
    for *_, key, data in H.edges(keys=True, data=True):
        data["id"] = key  # the writer takes it as the GEXF edge id
    out = io.BytesIO()
    nx.write_gexf(H, out, encoding="utf-8", version="1.2draft")  # with its XML declaration
    return out.getvalue().decode("utf-8")
