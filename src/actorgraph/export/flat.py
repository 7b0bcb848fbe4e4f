"""The graph as Gephi wants it: flat, typed attributes with no empty values.

GraphML and GEXF hold one scalar per attribute, one type per attribute column. Aliases and
other lists are joined with `|`, empty values are left out, the quote's character offsets
are renamed `quote_start`/`quote_end` (Gephi and the GEXF writer read `start`/`end` as time
intervals), every node and claim gets a `label` (the actor's name, the relation's label), and
each claim carries its id as `claim_id` too (igraph's GraphML reader loses edge ids).

Both formats are XML 1.0, which cannot hold most control characters (a form feed pasted from
a PDF, say): each is written as U+FFFD, in values and in attribute names alike, so that
every reader can open the file. Ids cannot hold them (validation refuses them), so no two
actors or claims are made one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

import networkx as nx

from actorgraph.cells import text
from actorgraph.schema import RELATIONS

EDGE_RENAMED = {"id": "claim_id", "start": "quote_start", "end": "quote_end"}
SCALARS = (bool, int, float, str)
XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}  # GraphML and GEXF
XSI = "http://www.w3.org/2001/XMLSchema-instance"  # both name their schema through it
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value: str) -> str:
    """`value` with each character XML 1.0 cannot hold made U+FFFD."""
    return value if value.isprintable() else _NOT_XML.sub("\ufffd", value)


def xml_text(value) -> str:
    """A flat value as an XML attribute or data text: booleans as `true`/`false`."""
    if value.__class__ is bool:
        return "true" if value else "false"
    return str(value)


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
            flat[xml_safe(str(rename.get(key, key)))] = (xml_safe(value) if type(value) is str
                                                         else value)
    return flat


def _one_type_per_attribute(records: list[dict]) -> dict[str, type]:
    """Make a column that holds values of several types hold strings only; return each
    column's type, in the order the columns first appear."""
    types: dict[str, set[type]] = {}
    for record in records:
        for key, value in record.items():
            types.setdefault(key, set()).add(type(value))
    mixed = {key for key, seen in types.items() if len(seen) > 1}
    if mixed:
        for record in records:
            for key in mixed & record.keys():
                record[key] = xml_safe(text(record[key]))
    return {key: str if key in mixed else next(iter(seen)) for key, seen in types.items()}


@dataclass
class Flat:
    """A graph's flat records, and each attribute's one type (a key of `XML_TYPES`)."""

    graph: dict[str, str]
    nodes: list[tuple[str, dict]]  # (actor id, attributes)
    edges: list[tuple[str, str, str, dict]]  # (source, target, claim id, attributes)
    node_types: dict[str, type]
    edge_types: dict[str, type]


def graph_data(G: nx.MultiDiGraph) -> dict:
    """The graph's own data as every export shows it: the casebook folder by its name only,
    never as a path of the machine it was exported on (documents' paths are relative to
    the casebook already)."""
    data = dict(G.graph)
    if data.get("casebook"):
        data["casebook"] = PurePath(str(data["casebook"])).name
    return data


def flat_records(G: nx.MultiDiGraph) -> Flat:
    """`G`'s actors and claims with flat attributes; `G` is not changed.

    Node and edge keys become strings; each claim keeps its id as its key. Graph-level
    document metadata becomes `source:<doc id>:<column>` strings.
    """
    graph = {"name": "actorgraph casebook"}
    if G.graph.get("casebook"):
        graph["casebook"] = xml_safe(graph_data(G)["casebook"])
    for doc_id, row in G.graph.get("sources", {}).items():
        for column, value in row.items():
            if column != "id" and (value := flat_value(value)) is not None:
                graph[xml_safe(f"source:{doc_id}:{column}")] = xml_safe(text(value))

    nodes = []
    for node, data in G.nodes(data=True):
        attrs = flat_attrs(data)
        attrs.setdefault("label", xml_safe(text(data.get("name")) or str(node)))
        nodes.append((xml_safe(str(node)), attrs))
    edges = []
    for u, v, key, data in G.edges(keys=True, data=True):
        attrs = flat_attrs(data, EDGE_RENAMED)
        relation = RELATIONS.get(data.get("relation"))
        attrs.setdefault("label", relation.label if relation
                         else xml_safe(str(data.get("relation", ""))))
        edges.append((xml_safe(str(u)), xml_safe(str(v)), xml_safe(str(key)), attrs))
    node_types = _one_type_per_attribute([attrs for _, attrs in nodes])
    edge_types = _one_type_per_attribute([attrs for *_, attrs in edges])
    return Flat(graph, nodes, edges, node_types, edge_types)
