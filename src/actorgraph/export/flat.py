"""The graph as Gephi wants it: flat, typed attributes with no empty values.

GraphML and GEXF hold one scalar per attribute, one type per attribute column. Aliases and
other lists are joined with `|`, empty values are left out, the quote's character offsets
are renamed `quote_start`/`quote_end` (Gephi and the GEXF writer read `start`/`end` as time
intervals), every node and claim gets a `label` (the actor's name, the relation's label), and
each claim carries its id as `claim_id` too (igraph's GraphML reader loses edge ids).
"""

from __future__ import annotations

import networkx as nx

from actorgraph.export.cells import text
from actorgraph.schema import RELATIONS

EDGE_RENAMED = {"id": "claim_id", "start": "quote_start", "end": "quote_end"}
SCALARS = (bool, int, float, str)


def flat_value(value):
    """A scalar GraphML/GEXF can hold, or None for a value to leave out."""
    if value is None or value == "" or value == []:
        return None
    return value if isinstance(value, SCALARS) else text(value)


def flat_attrs(data: dict, rename: dict[str, str] | None = None) -> dict:
    """Flat values of `data`, keys renamed; `id` (the element's own id) left out."""
    rename = rename or {}
    flat = {}
    for key, value in data.items():
        if key == "id" and key not in rename:
            continue
        value = flat_value(value)
        if value is not None:
            flat[rename.get(key, key)] = value
    return flat


def _one_type_per_attribute(records: list[dict]) -> None:
    """Make a column that holds values of several types hold strings only."""
    types: dict[str, set[type]] = {}
    for record in records:
        for key, value in record.items():
            types.setdefault(key, set()).add(type(value))
    mixed = {key for key, seen in types.items() if len(seen) > 1}
    for record in records:
        for key in mixed & record.keys():
            record[key] = text(record[key])


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A new MultiDiGraph with flat attributes; `G` is not changed.

    Node and edge keys become strings; each claim keeps its id as its key. Graph-level
    document metadata becomes `source:<doc id>:<column>` strings.
    """
    H = nx.MultiDiGraph()
    H.graph["name"] = "actorgraph casebook"
    if G.graph.get("casebook"):
        H.graph["casebook"] = str(G.graph["casebook"])
    for doc_id, row in G.graph.get("sources", {}).items():
        for column, value in row.items():
            if column != "id" and (value := flat_value(value)) is not None:
                H.graph[f"source:{doc_id}:{column}"] = text(value)

    nodes = []
    for node, data in G.nodes(data=True):
        attrs = flat_attrs(data)
        attrs.setdefault("label", text(data.get("name")) or str(node))
        nodes.append((str(node), attrs))
    edges = []
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs = flat_attrs(data, EDGE_RENAMED)
        relation = RELATIONS.get(data.get("relation"))
        attrs.setdefault("label", relation.label if relation else str(data.get("relation", "")))
        edges.append((str(u), str(v), str(key), attrs))
    _one_type_per_attribute([attrs for _, attrs in nodes])
    _one_type_per_attribute([attrs for *_, attrs in edges])
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H
