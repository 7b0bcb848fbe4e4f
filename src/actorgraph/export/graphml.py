"""GraphML for Gephi, yEd, Cytoscape desktop and igraph.

Streamed: each actor and claim is read once, flattened (`flat`) and put aside (`spool`)
while the attribute columns the header declares are gathered; then the header, the actors
and the claims (in the graph's order, `spool.graph_order`) are written through the standard
library's `XMLGenerator` (`xmlstream`), which escapes every name and value. networkx's
writer builds the whole document as an ElementTree first, and took 83 s and 5.1 GB for the
500k-claim benchmark casebook (`BENCHMARKS.md`).
"""

from __future__ import annotations

from typing import BinaryIO

from actorgraph.export.flat import XML_TYPES, XSI, Columns, graph_attrs, xml_text
from actorgraph.export.records import Records
from actorgraph.export.spool import spooled
from actorgraph.export.xmlstream import CHUNK, XMLStream

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = f"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd"


def write_graphml(records: Records, out: BinaryIO) -> None:
    """The casebook as one GraphML document (directed; each claim an edge with its id)."""
    graph = graph_attrs(records.casebook, records.sources)
    with spooled(records, "graphml") as put:
        keys = _write_head(out, graph, put.node_columns, put.node_names(), put.edge_columns,
                           put.edge_names())
        body = XMLStream(out, short_empty_elements=False)
        with records.stage("graphml: writing", len(put.nodes) + len(put.edges)) as bar:
            for element, spool, columns, spooled_order, ids in (
                    ("node", put.nodes, put.node_columns, None, ("id",)),
                    ("edge", put.edges, put.edge_columns, put.order,
                     ("id", "source", "target"))):
                _write_elements(body, element, ids, spool.records(spooled_order), columns,
                                keys, bar)
        body.flush()
    tail = XMLStream(out)
    newline = tail.xml.ignorableWhitespace
    newline("\n  ")
    tail.xml.endElement("graph")
    newline("\n")
    tail.xml.endElement("graphml")
    newline("\n")
    tail.xml.endDocument()
    tail.flush()


def _write_head(out: BinaryIO, graph: dict[str, str], node_columns: Columns,
                node_names: list[str], edge_columns: Columns, edge_names: list[str]
                ) -> dict[tuple[str, str], str]:
    """The XML declaration, the `<graphml>` and `<key>` elements and the graph's own data;
    return each attribute's key id, by (scope, attribute)."""
    node_types, edge_types = node_columns.types(), edge_columns.types()
    keys: dict[tuple[str, str], str] = {}
    head = XMLStream(out)
    xml, newline = head.xml, head.xml.ignorableWhitespace
    xml.startDocument()
    xml.startElement("graphml", {"xmlns": NAMESPACE, "xmlns:xsi": XSI,
                                 "xsi:schemaLocation": SCHEMA})
    for scope, types in (("graph", dict.fromkeys(graph, str)),
                         ("node", {name: node_types[name] for name in node_names}),
                         ("edge", {name: edge_types[name] for name in edge_names})):
        for name, kind in types.items():
            keys[scope, name] = key = f"d{len(keys)}"
            newline("\n  ")
            xml.startElement("key", {"id": key, "for": scope, "attr.name": name,
                                     "attr.type": XML_TYPES[kind]})
            xml.endElement("key")
    newline("\n  ")
    xml.startElement("graph", {"edgedefault": "directed"})
    for name, value in graph.items():  # never empty: the graph has a name
        xml.startElement("data", {"key": keys["graph", name]})
        xml.characters(value)
        xml.endElement("data")
    head.flush()
    return keys


def _write_elements(body: XMLStream, element: str, ids: tuple[str, ...], spooled,
                    columns: Columns, keys: dict, bar) -> None:
    """The `<node>` or `<edge>` elements of spooled records (their ids, their shape, their
    values), each with its `<data>`: every one has one at least, its label."""
    scope, width = element, len(ids)
    tags: dict[int, list[tuple[str, str]]] = {}  # shape -> the tags of its columns' data
    start, end = body.xml.startElement, body.xml.endElement
    newline, leaves = body.xml.ignorableWhitespace, body.leaves
    for record in bar.through(spooled):
        shape = record[width]
        found = tags.get(shape)
        if found is None:
            found = tags[shape] = [body.tags("data", {"key": keys[scope, name]})
                                   for name in columns.names(shape)]
        newline("\n    ")
        start(element, dict(zip(ids, record)))
        leaves(found, [value if value.__class__ is str else xml_text(value)
                       for value in record[width + 1:]])
        end(element)
        body.flush(CHUNK)
