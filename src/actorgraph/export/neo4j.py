"""CSV files for `neo4j-admin database import full`: actors and documents as nodes, claims as
relationships.

Arrays and multiple labels share neo4j's array delimiter; we use `|` (pass
`--array-delimiter='|'`), the separator aliases already use in a casebook, so no alias can be
split by accident. `date` stays a string: neo4j's `date` type rejects partial dates (`2022-06`).
A claim's document is its `source_doc` property, matching a `Source` node's `sourceId`.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from actorgraph.cells import csv_text
from actorgraph.files import atomic_write
from actorgraph.text import natural_key

ARRAY_DELIMITER = "|"
ACTORS_FILE, CLAIMS_FILE, SOURCES_FILE = "actors.csv", "claims.csv", "sources.csv"
FILES = (ACTORS_FILE, CLAIMS_FILE, SOURCES_FILE)

ACTOR_HEADER = ("actorId:ID(Actor)", "name", "type", ":LABEL", "aliases:string[]",
                "description")
CLAIM_HEADER = (":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "claimId", "relation",
                "source_text", "source_doc", "claimed_by", "certainty", "date", "notes",
                "paragraph:int", "start:int", "end:int", "directed:boolean")
SOURCE_HEADER = ("sourceId:ID(Source)", ":LABEL", "title", "path", "url", "published",
                 "publisher")


def type_label(actor_type: str) -> str:
    """`government_body` -> `GovernmentBody`."""
    return "".join(part.capitalize() for part in str(actor_type).split("_"))


def relationship_type(relation: str) -> str:
    """`supplies_arms_to` -> `SUPPLIES_ARMS_TO`."""
    return str(relation).upper()


def actors_csv(G: nx.MultiDiGraph) -> str:
    rows = (
        (node, data.get("name"), data.get("type"),
         ARRAY_DELIMITER.join(["Actor", type_label(data.get("type", ""))]),
         ARRAY_DELIMITER.join(data.get("aliases") or []), data.get("description"))
        for node, data in G.nodes(data=True)
    )
    return csv_text(ACTOR_HEADER, rows)


def claims_csv(G: nx.MultiDiGraph) -> str:
    edges = sorted(G.edges(keys=True, data=True), key=lambda e: natural_key(e[2]))
    rows = (
        (u, v, relationship_type(d.get("relation")), key, d.get("relation"),
         d.get("source_text"), d.get("source_doc"), d.get("claimed_by"), d.get("certainty"),
         d.get("date"), d.get("notes"), d.get("paragraph"), d.get("start"), d.get("end"),
         d.get("directed"))
        for u, v, key, d in edges
    )
    return csv_text(CLAIM_HEADER, rows)


def sources_csv(G: nx.MultiDiGraph) -> str:
    rows = (
        (doc_id, "Source", row.get("title"), row.get("path"), row.get("url"),
         row.get("published"), row.get("publisher"))
        for doc_id, row in G.graph.get("sources", {}).items()
    )
    return csv_text(SOURCE_HEADER, rows)


def write_neo4j(G: nx.MultiDiGraph, folder: Path) -> None:
    """Write actors.csv, claims.csv and sources.csv into the empty `folder`."""
    atomic_write(folder / ACTORS_FILE, actors_csv(G))
    atomic_write(folder / CLAIMS_FILE, claims_csv(G))
    atomic_write(folder / SOURCES_FILE, sources_csv(G))
