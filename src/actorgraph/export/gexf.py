"""GEXF 1.2draft for Gephi, with actors coloured by type.

Streamed as GraphML is (`graphml`): the records are read once and put aside while the
attributes the header declares are gathered, then written element by element through the
standard library's `XMLGenerator` (`xmlstream`), which escapes every name and value
(networkx's writer builds the whole document in memory first: 12 s at 100k claims). GEXF has
no graph-level attributes, so document metadata is left out.
"""

from __future__ import annotations

from typing import BinaryIO

from actorgraph.export.flat import XML_TYPES, XSI, Columns, xml_text
from actorgraph.export.records import Records
from actorgraph.export.spool import spooled
from actorgraph.export.xmlstream import CHUNK, XMLStream
from actorgraph.schema import ACTOR_TYPES

NAMESPACE = "http://www.gexf.net/1.2draft"
SCHEMA = f"{NAMESPACE} {NAMESPACE}/gexf.xsd"


def _rgba(color: str) -> dict[str, str]:
    value = color.lstrip("#")
    return {"r": str(int(value[0:2], 16)), "g": str(int(value[2:4], 16)),
            "b": str(int(value[4:6], 16)), "a": "1.0"}


def write_gexf(records: Records, out: BinaryIO) -> None:
    """The casebook as one GEXF document (directed; each claim an edge, its id the claim's).

    Each element's `label` is the GEXF label attribute, not an attribute column."""
    with spooled(records, "gexf") as put:
        node_columns, edge_columns = put.node_columns, put.edge_columns
        stream = XMLStream(out)
        ids = _write_head(stream, {"node": (node_columns, put.node_names()),
                                   "edge": (edge_columns, put.edge_names())})
        colors = {name: _rgba(kind.color) for name, kind in ACTOR_TYPES.items()}
        xml, newline = stream.xml, stream.xml.ignorableWhitespace
        with records.stage("gexf: writing", len(put.nodes) + len(put.edges)) as bar:
            newline("\n    ")
            xml.startElement("nodes", {})
            for node, shape, *values in bar.through(put.nodes.records()):
                attrs = dict(zip(node_columns.names(shape), values))
                newline("\n      ")
                xml.startElement("node", {"id": node, "label": xml_text(attrs["label"])})
                _attvalues(xml, ids["node"], attrs)
                if attrs.get("type") in colors:
                    xml.startElement("viz:color", colors[attrs["type"]])
                    xml.endElement("viz:color")
                xml.endElement("node")
                stream.flush(CHUNK)
            newline("\n    ")
            xml.endElement("nodes")
            newline("\n    ")
            xml.startElement("edges", {})
            for key, u, v, shape, *values in bar.through(put.edges.records(put.order)):
                attrs = dict(zip(edge_columns.names(shape), values))
                newline("\n      ")
                xml.startElement("edge", {"id": key, "source": u, "target": v,
                                          "label": xml_text(attrs["label"])})
                _attvalues(xml, ids["edge"], attrs)
                xml.endElement("edge")
                stream.flush(CHUNK)
    newline("\n    ")
    xml.endElement("edges")
    newline("\n  ")
    xml.endElement("graph")
    newline("\n")
    xml.endElement("gexf")
    newline("\n")
    xml.endDocument()
    stream.flush()


def _write_head(stream: XMLStream, columns: dict[str, tuple[Columns, list[str]]]
                ) -> dict[str, dict[str, str]]:
    """From the XML declaration to the attribute declarations; return each attribute's id,
    by class (`node`, `edge`) and name. The label is an XML attribute, not one of them."""
    xml, newline = stream.xml, stream.xml.ignorableWhitespace
    xml.startDocument()
    xml.startElement("gexf", {"xmlns": NAMESPACE, "xmlns:viz": f"{NAMESPACE}/viz",
                              "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA,
                              "version": "1.2"})
    newline("\n  ")
    xml.startElement("meta", {})
    xml.startElement("creator", {})
    xml.characters("actorgraph")
    xml.endElement("creator")
    xml.endElement("meta")
    newline("\n  ")
    xml.startElement("graph", {"defaultedgetype": "directed", "mode": "static",
                               "name": "actorgraph casebook"})
    ids: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    number = 0
    for kind, (found, names) in columns.items():
        types = found.types()
        newline("\n    ")
        xml.startElement("attributes", {"class": kind, "mode": "static"})
        for name in names:
            if name != "label":
                ids[kind][name] = str(number)
                number += 1
                newline("\n      ")
                xml.startElement("attribute", {"id": ids[kind][name], "title": name,
                                               "type": XML_TYPES[types[name]]})
                xml.endElement("attribute")
        newline("\n    ")
        xml.endElement("attributes")
    return ids


def _attvalues(xml, ids: dict[str, str], attrs: dict) -> None:
    if len(attrs) > 1:  # more than its label
        xml.startElement("attvalues", {})
        for name, value in attrs.items():
            if name != "label":
                xml.startElement("attvalue", {"for": ids[name], "value": xml_text(value)})
                xml.endElement("attvalue")
        xml.endElement("attvalues")
