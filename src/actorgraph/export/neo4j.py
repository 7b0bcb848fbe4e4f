"""CSV files for `neo4j-admin database import full`: actors and documents as nodes, claims as
relationships.

Arrays and multiple labels share neo4j's array delimiter; we use `|` (pass
`--array-delimiter='|'`), the separator aliases already use in a casebook, so no alias can be
split by accident. `date` stays a string: neo4j's `date` type rejects partial dates (`2022-06`).
A claim's document is its `source_doc` property, matching a `Source` node's `sourceId`.

Streamed as the csv export is (`table`): actors are written as they are read; claims, listed
in id order, are put aside (`spool`) as they are read and written once all are known.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from actorgraph.cells import csv_text
from actorgraph.export.records import Records
from actorgraph.export.spool import Spool, graph_order, id_order
from actorgraph.export.table import csv_writer, row_cells
from actorgraph.files import atomic_write, text_output

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


def _write_actors(records: Records, out) -> list[str]:
    """actors.csv; return the actors' ids in order."""
    writer = csv_writer(out)
    writer.writerow(ACTOR_HEADER)
    actors = []
    rows = records.nodes()
    with records.stage("neo4j: writing actors", rows) as bar:
        for node, data in bar.through(rows):
            actors.append(node)
            writer.writerow(row_cells((
                node, data.get("name"), data.get("type"),
                ARRAY_DELIMITER.join(["Actor", type_label(data.get("type", ""))]),
                ARRAY_DELIMITER.join(data.get("aliases") or []), data.get("description"))))
    return actors


def _write_claims(records: Records, out, actors: list[str]) -> None:
    """claims.csv, in id order (claims whose ids count the same in the graph's order)."""
    number = {actor: i for i, actor in enumerate(actors)}
    ids, ends = [], []
    with Spool() as spool:
        rows = records.edges()
        with records.stage("neo4j: reading claims", rows) as bar:
            for u, v, key, d in bar.through(rows):
                ids.append(key)
                ends.append((number[u], number[v]))
                spool.add(tuple(row_cells((
                    u, v, relationship_type(d.get("relation")), key, d.get("relation"),
                    d.get("source_text"), d.get("source_doc"), d.get("claimed_by"),
                    d.get("certainty"), d.get("date"), d.get("notes"), d.get("paragraph"),
                    d.get("start"), d.get("end"), d.get("directed")))))
        order = id_order(ids, lambda: graph_order(ends))
        writer = csv_writer(out)
        writer.writerow(CLAIM_HEADER)
        with records.stage("neo4j: writing claims", len(spool)) as bar:
            writer.writerows(bar.through(spool.records(order)))


def _text(write, records: Records, *args):
    out = io.StringIO(newline="")
    write(records, out, *args)
    return out.getvalue()


def actors_csv(G: nx.MultiDiGraph) -> str:
    return _text(_write_actors, Records.of_graph(G))


def claims_csv(G: nx.MultiDiGraph) -> str:
    return _text(_write_claims, Records.of_graph(G), list(G))


def sources_csv(records: Records | nx.MultiDiGraph) -> str:
    rows = (
        (doc_id, "Source", row.get("title"), row.get("path"), row.get("url"),
         row.get("published"), row.get("publisher"))
        for doc_id, row in Records.of(records).sources.items()
    )
    return csv_text(SOURCE_HEADER, rows)


def write_neo4j(records: Records | nx.MultiDiGraph, folder: Path) -> None:
    """Write actors.csv, claims.csv and sources.csv into the empty `folder`."""
    records = Records.of(records)
    with text_output(folder / ACTORS_FILE) as out:
        actors = _write_actors(records, out)
    with text_output(folder / CLAIMS_FILE) as out:
        _write_claims(records, out, actors)
    atomic_write(folder / SOURCES_FILE, sources_csv(records))
