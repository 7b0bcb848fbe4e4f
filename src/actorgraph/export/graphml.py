"""GraphML for Gephi, yEd, Cytoscape desktop and igraph.

Written element by element with the standard library's `XMLGenerator`, which escapes every
name and value: networkx's writer builds the whole document as an ElementTree first, and
took 83 s and 5.1 GB for the 500k-claim benchmark casebook (`BENCHMARKS.md`).
"""

from __future__ import annotations

from typing import BinaryIO
from xml.sax.saxutils import XMLGenerator

import networkx as nx

from actorgraph.export.flat import XML_TYPES, XSI, flat_records, xml_text

NAMESPACE = "http://graphml.graphdrawing.org/xmlns"
SCHEMA = f"{NAMESPACE} {NAMESPACE}/1.0/graphml.xsd"


def write_graphml(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    """The casebook as one GraphML document (directed; each claim an edge with its id)."""
    flat = flat_records(G)
    xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)
    start, end, characters = xml.startElement, xml.endElement, xml.characters
    newline = xml.ignorableWhitespace  # one element a line (its data inline): grep, diff
    keys: dict[tuple[str, str], str] = {}  # (scope, attribute) -> key id

    def data(scope: str, attrs: dict) -> None:
        for name, value in attrs.items():
            start("data", {"key": keys[scope, name]})
            characters(xml_text(value))
            end("data")

    xml.startDocument()
    start("graphml", {"xmlns": NAMESPACE, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA})
    for scope, types in (("graph", dict.fromkeys(flat.graph, str)), ("node", flat.node_types),
                         ("edge", flat.edge_types)):
        for name, kind in types.items():
            keys[scope, name] = key = f"d{len(keys)}"
            newline("\n  ")
            start("key", {"id": key, "for": scope, "attr.name": name,
                          "attr.type": XML_TYPES[kind]})
            end("key")
    newline("\n  ")
    start("graph", {"edgedefault": "directed"})
    data("graph", flat.graph)
    for node, attrs in flat.nodes:
        newline("\n    ")
        start("node", {"id": node})
        data("node", attrs)
        end("node")
    for u, v, key, attrs in flat.edges:
        newline("\n    ")
        start("edge", {"id": key, "source": u, "target": v})
        data("edge", attrs)
        end("edge")
    newline("\n  ")
    end("graph")
    newline("\n")
    end("graphml")
    newline("\n")
    xml.endDocument()
