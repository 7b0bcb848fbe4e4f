"""The casebook as Gephi wants it: flat, typed attributes with no empty values.

GraphML and GEXF hold one scalar per attribute, one type per attribute column. Aliases and
other lists are joined with `|`, empty values are left out, the quote's character offsets
are renamed `quote_start`/`quote_end` (Gephi and the GEXF writer read `start`/`end` as time
intervals), every node and claim gets a `label` (the actor's name, the relation's label), and
each claim carries its id as `claim_id` too (igraph's GraphML reader loses edge ids).

Both formats are XML 1.0, which cannot hold most control characters (a form feed pasted from
a PDF, say): each is written as U+FFFD, in values and in attribute names alike, so that
every reader can open the file. Ids cannot hold them (validation refuses them), so no two
actors or claims are made one.

A record is flattened on its own (`flat_node`, `flat_edge`), so that a writer can stream a
casebook of any size; `Columns` gathers what the file's header declares: each attribute
column in the order it first appears, and its one type (a column holding values of several
types holds their text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
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


_PLAIN = {str, bool, int, float}  # flat_value keeps these as they are (a str if not empty)


def flat_attrs(data: dict, rename: dict[str, str] | None = None,
               names: dict | None = None) -> dict:
    """Flat values of `data`, keys renamed; `id` (the element's own id) left out. `names`,
    if given, keeps each key's flat name from one record to the next (a casebook's
    records share a handful of keys): one dict for each `rename`."""
    rename = rename or {}
    names = {} if names is None else names
    flat = {}
    for key, value in data.items():
        name = names.get(key)
        if name is None:
            if key == "id" and key not in rename:
                name = names[key] = False
            else:
                name = names[key] = xml_safe(str(rename.get(key, key)))
        if name is False:
            continue
        kind = value.__class__
        if kind is str:  # the common case, as flat_value and xml_safe would have it
            if value:
                flat[name] = value if value.isprintable() else _NOT_XML.sub("\ufffd", value)
        elif kind in _PLAIN:
            flat[name] = value
        elif (value := flat_value(value)) is not None:
            flat[name] = xml_safe(value) if type(value) is str else value
    return flat


def casebook_name(casebook: str | None) -> str | None:
    """The casebook folder by its name only, never as a path of the machine it was exported
    on (documents' paths are relative to the casebook already)."""
    return PurePath(str(casebook)).name if casebook else casebook


def graph_data(attributes: dict) -> dict:
    """The graph's own data (`G.graph`) as every export shows it: the casebook folder by its
    name."""
    data = dict(attributes)
    if data.get("casebook"):
        data["casebook"] = casebook_name(data["casebook"])
    return data


def graph_attrs(casebook: str | None, sources: dict[str, dict]) -> dict[str, str]:
    """The graph-level attributes: a name, the casebook folder's name, and each document's
    metadata as `source:<doc id>:<column>` strings."""
    graph = {"name": "actorgraph casebook"}
    if casebook:
        graph["casebook"] = xml_safe(casebook_name(casebook))
    for doc_id, row in sources.items():
        for column, value in row.items():
            if column != "id" and (value := flat_value(value)) is not None:
                graph[xml_safe(f"source:{doc_id}:{column}")] = xml_safe(text(value))
    return graph


class Flattener:
    """Flat records of actors and claims, one at a time: string ids, flat attributes with a
    `label` (see the module's description). Keeps the flat name of each key it meets."""

    def __init__(self):
        self._node_names: dict = {}
        self._edge_names: dict = {}

    def node(self, node, data: dict) -> tuple[str, dict]:
        attrs = flat_attrs(data, None, self._node_names)
        if "label" not in attrs:
            attrs["label"] = xml_safe(text(data.get("name")) or str(node))
        return xml_safe(str(node)), attrs

    def edge(self, u, v, key, data: dict) -> tuple[str, str, str, dict]:
        attrs = flat_attrs(data, EDGE_RENAMED, self._edge_names)
        if "label" not in attrs:
            relation = RELATIONS.get(data.get("relation"))
            attrs["label"] = (relation.label if relation
                              else xml_safe(str(data.get("relation", ""))))
        return xml_safe(str(u)), xml_safe(str(v)), xml_safe(str(key)), attrs


class Columns:
    """The attribute columns of one kind of record (actors, or claims), seen record by
    record: `see(attrs)` notes a record's columns and their types and returns its shape (a
    number); `order(shapes)` and `types()` then give the columns in the order they first
    appear in records of those shapes, and each column's one type."""

    def __init__(self):
        self._shapes: dict[tuple, int] = {}  # (names, types) -> shape
        self._names: list[tuple[str, ...]] = []  # each shape's names

    def see(self, attrs: dict) -> int:
        key = (tuple(attrs), tuple(map(type, attrs.values())))
        shape = self._shapes.get(key)
        if shape is None:
            shape = self._shapes[key] = len(self._names)
            self._names.append(key[0])
        return shape

    def names(self, shape: int) -> tuple[str, ...]:
        """The columns of a record of this shape, in its order."""
        return self._names[shape]

    def order(self, shapes: Iterable[int]) -> list[str]:
        """The columns, in the order they first appear in records of these shapes, in this
        order (each record's shape)."""
        left = len(self._names)
        seen: set[int] = set()
        columns: dict[str, None] = {}
        for shape in shapes:
            if shape not in seen:
                seen.add(shape)
                columns.update(dict.fromkeys(self._names[shape]))
                left -= 1
                if not left:
                    break
        return list(columns)

    def _kinds(self) -> dict[str, set[type]]:
        found: dict[str, set[type]] = {}
        for names, types in self._shapes:
            for name, kind in zip(names, types):
                found.setdefault(name, set()).add(kind)
        return found

    def types(self) -> dict[str, type]:
        """Each column's one type: the type of all its values, or `str` if they differ."""
        return {name: next(iter(kinds)) if len(kinds) == 1 else str
                for name, kinds in self._kinds().items()}

    def mixed(self) -> set[str]:
        """The columns holding values of several types (written as their text)."""
        return {name for name, kinds in self._kinds().items() if len(kinds) > 1}


@dataclass
class Flat:
    """A graph's flat records, and each attribute's one type (a key of `XML_TYPES`)."""

    graph: dict[str, str]
    nodes: list[tuple[str, dict]]  # (actor id, attributes)
    edges: list[tuple[str, str, str, dict]]  # (source, target, claim id, attributes)
    node_types: dict[str, type]
    edge_types: dict[str, type]


def flat_records(G: nx.MultiDiGraph) -> Flat:
    """`G`'s actors and claims as flat records, in memory; `G` is not changed. A column
    holding values of several types holds their text (as the writers write them)."""
    flatten = Flattener()
    node_columns, edge_columns = Columns(), Columns()
    nodes = [flatten.node(n, data) for n, data in G.nodes(data=True)]
    edges = [flatten.edge(u, v, k, data) for u, v, k, data in G.edges(keys=True, data=True)]
    node_shapes = [node_columns.see(attrs) for _, attrs in nodes]
    edge_shapes = [edge_columns.see(attrs) for *_, attrs in edges]
    flat = []
    for records, columns, shapes in ((nodes, node_columns, node_shapes),
                                     (edges, edge_columns, edge_shapes)):
        types, mixed = columns.types(), columns.mixed()
        for *_, attrs in records:
            for name in mixed & attrs.keys():
                attrs[name] = xml_safe(text(attrs[name]))
        flat.append({name: types[name] for name in columns.order(shapes)})
    return Flat(graph_attrs(G.graph.get("casebook"), G.graph.get("sources", {})), nodes,
                edges, *flat)
