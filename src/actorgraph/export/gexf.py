"""GEXF 1.2draft for Gephi, with actors coloured by type.

Written element by element with the standard library's `XMLGenerator`, which escapes every
name and value (networkx's writer builds the whole document in memory first: 12 s at 100k
claims). GEXF has no graph-level attributes, so document metadata is left out.
"""

from __future__ import annotations

from typing import BinaryIO
from xml.sax.saxutils import XMLGenerator

import networkx as nx

from actorgraph.export.flat import XML_TYPES, XSI, flat_records, xml_text
from actorgraph.schema import ACTOR_TYPES

NAMESPACE = "http://www.gexf.net/1.2draft"
SCHEMA = f"{NAMESPACE} {NAMESPACE}/gexf.xsd"


def _rgba(color: str) -> dict[str, str]:
    value = color.lstrip("#")
    return {"r": str(int(value[0:2], 16)), "g": str(int(value[2:4], 16)),
            "b": str(int(value[4:6], 16)), "a": "1.0"}


def write_gexf(G: nx.MultiDiGraph, out: BinaryIO) -> None:
    """The casebook as one GEXF document (directed; each claim an edge, its id the claim's).

    Each element's `label` is the GEXF label attribute, not an attribute column."""
    flat = flat_records(G)
    colors = {name: _rgba(kind.color) for name, kind in ACTOR_TYPES.items()}
    xml = XMLGenerator(out, encoding="utf-8", short_empty_elements=True)
    start, end = xml.startElement, xml.endElement
    newline = xml.ignorableWhitespace  # one element a line (its values inline): grep, diff
    ids: dict[tuple[str, str], str] = {}  # (class, attribute) -> attribute id

    def attvalues(kind: str, attrs: dict) -> None:
        if len(attrs) > 1:  # more than its label
            start("attvalues", {})
            for name, value in attrs.items():
                if name != "label":
                    start("attvalue", {"for": ids[kind, name], "value": xml_text(value)})
                    end("attvalue")
            end("attvalues")

    xml.startDocument()
    start("gexf", {"xmlns": NAMESPACE, "xmlns:viz": f"{NAMESPACE}/viz", "xmlns:xsi": XSI,
                   "xsi:schemaLocation": SCHEMA, "version": "1.2"})
    newline("\n  ")
    start("meta", {})
    start("creator", {})
    xml.characters("actorgraph")
    end("creator")
    end("meta")
    newline("\n  ")
    start("graph", {"defaultedgetype": "directed", "mode": "static",
                    "name": flat.graph["name"]})
    for kind, types in (("node", flat.node_types), ("edge", flat.edge_types)):
        newline("\n    ")
        start("attributes", {"class": kind, "mode": "static"})
        for name, python_type in types.items():
            if name != "label":
                ids[kind, name] = number = str(len(ids))
                newline("\n      ")
                start("attribute", {"id": number, "title": name,
                                    "type": XML_TYPES[python_type]})
                end("attribute")
        newline("\n    ")
        end("attributes")
    newline("\n    ")
    start("nodes", {})
    for node, attrs in flat.nodes:
        newline("\n      ")
        start("node", {"id": node, "label": xml_text(attrs["label"])})
        attvalues("node", attrs)
        if attrs.get("type") in colors:
            start("viz:color", colors[attrs["type"]])
            end("viz:color")
        end("node")
    newline("\n    ")
    end("nodes")
    newline("\n    ")
    start("edges", {})
    for u, v, key, attrs in flat.edges:
        newline("\n      ")
        start("edge", {"id": key, "source": u, "target": v,
                        "label": xml_text(attrs["label"])})
        attvalues("edge", attrs)
        end("edge")
    newline("\n    ")
    end("edges")
    newline("\n  ")
    end("graph")
    newline("\n")
    end("gexf")
    newline("\n")
    xml.endDocument()
