"""Exports of the casebook for other tools, one module per format.

`FORMATS` describes each format; `export_casebook(book, "graphml", "out.graphml")` writes an
opened casebook, `export_graph(G, "gexf", "out.gexf")` a graph (a selection, say). A
single-file format's writer streams the document to an open binary file; a folder format's
writer fills an empty folder. Both read the casebook as `Records`: actor by actor and claim
by claim, straight from the casebook's store without building its graph. The file written is
the same, byte for byte, whichever way the casebook is read.

Every export follows `files`' rules: a file is written beside its destination and renamed
into place (a device or FIFO is written directly, a symlink followed), a folder is filled
under a temporary name and renamed when complete, and no export is written over a file the
casebook is read from.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from actorgraph.errors import BadValue, InputError
from actorgraph.export import neo4j, table
from actorgraph.export.cytoscape import write_cytoscape
from actorgraph.export.gexf import write_gexf
from actorgraph.export.graphml import write_graphml
from actorgraph.export.nodelink import write_nodelink
from actorgraph.export.records import Records
from actorgraph.files import open_output, output_folder, refuse_inputs
from actorgraph.util import gc_paused
from actorgraph.workspace import NOTICE_MB

STDOUT = "-"


@dataclass(frozen=True)
class Format:
    name: str
    description: str
    default_name: str  # file or folder name to suggest, e.g. actorgraph.gexf
    writer: Callable  # (Records, binary file) for a file; (Records, empty folder) for a folder
    folder: bool = False
    files: tuple[str, ...] = ()  # what a folder format writes at the folder's top level


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("csv", "actorgraph's own CSV files with degree, betweenness, component and "
               "quote positions; re-loadable with --data", "actorgraph-csv", table.write_csv,
               folder=True, files=table.FILES),
        Format("graphml", "GraphML for Gephi, yEd, Cytoscape and igraph", "actorgraph.graphml",
               write_graphml),
        Format("gexf", "GEXF 1.2 for Gephi, actors coloured by type", "actorgraph.gexf",
               write_gexf),
        Format("json", "networkx node-link JSON (nx.node_link_graph, d3)", "actorgraph.json",
               write_nodelink),
        Format("cytoscape", "Cytoscape.js elements JSON", "actorgraph-cytoscape.json",
               write_cytoscape),
        Format("neo4j", "CSV files for neo4j-admin database import full", "actorgraph-neo4j",
               neo4j.write_neo4j, folder=True, files=neo4j.FILES),
    )
}


def get_format(name: str) -> Format:
    """The format called `name`; BadValue listing the valid ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise BadValue("fmt", name, f"is not an export format (valid: {', '.join(FORMATS)})") \
            from None


def export_casebook(book, fmt: str | Format, dest: str | Path = STDOUT,
                    inputs: Iterable[Path] = ()) -> Path | None:
    """Write the whole of the opened casebook `book` (`workspace.Casebook`) in format `fmt`
    to `dest`, as `export_graph` writes its graph, reading it actor by actor and claim by
    claim. `inputs` are the files the casebook is read from: never written over, and their
    size says whether a progress bar is worth showing (`progress`)."""
    inputs = list(inputs)
    megabytes = sum(_size(path) for path in inputs) / 1e6
    try:
        return export_records(Records.of_casebook(book, show_progress=megabytes >= NOTICE_MB),
                              fmt, dest, inputs)
    except sqlite3.Error:
        # A row of the store failed its check halfway. Nothing was written: a file export
        # writes once it has read everything, a folder is renamed into place once filled.
        # The casebook's graph is read from its files instead (Casebook sets the store aside).
        return export_graph(book.graph(), fmt, dest, inputs)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def export_graph(G: nx.MultiDiGraph, fmt: str | Format, dest: str | Path = STDOUT,
                 inputs: Iterable[Path] = ()) -> Path | None:
    """Write `G` in format `fmt` to `dest`, a path or `-` for stdout; return the path written.

    `G` is not changed. `inputs` are the files the casebook is read from: never written
    over. A folder format needs a folder path: a new one, or one that holds only a previous
    export of the same format (it is then replaced whole).
    """
    return export_records(Records.of_graph(G), fmt, dest, inputs)


@gc_paused()  # a record per claim, none in a cycle
def export_records(records: Records, fmt: str | Format, dest: str | Path = STDOUT,
                   inputs: Iterable[Path] = ()) -> Path | None:
    """Write `records` in format `fmt` to `dest` (see `export_graph`)."""
    fmt = fmt if isinstance(fmt, Format) else get_format(fmt)
    to_stdout = str(dest) == STDOUT
    if fmt.folder:
        if to_stdout:
            raise InputError(f"the {fmt.name} export is a folder of files and cannot go to "
                             f"stdout; give a folder, e.g. -o {fmt.default_name}")
        return write_folder(records, fmt, Path(dest), inputs)
    if to_stdout:
        fmt.writer(records, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return None
    dest = Path(dest)
    if dest.is_dir():
        raise InputError(f"{str(dest)!r} is a folder; give a file name for the {fmt.name} "
                         f"export, e.g. {dest / fmt.default_name}")
    refuse_inputs(dest, inputs)
    with open_output(dest) as out:
        fmt.writer(records, out)
    return dest


def _check_destination(records: Records, fmt: Format, dest: Path,
                       inputs: Iterable[Path]) -> None:
    if not dest.exists():
        refuse_inputs(dest, inputs)
        return
    if not dest.is_dir():
        raise InputError(f"{str(dest)!r} is a file; the {fmt.name} export is a folder: "
                         "give a new folder name")
    casebook = records.casebook
    resolved = dest.resolve()
    if casebook and (resolved == Path(casebook).resolve()
                     or resolved in Path(casebook).resolve().parents):
        raise InputError(f"{str(dest)!r} holds the casebook being exported; give another "
                         "folder")
    strangers = sorted(p.name for p in dest.iterdir() if p.name not in fmt.files)
    if strangers:
        raise InputError(f"folder {str(dest)!r} already holds files that are not part of a "
                         f"{fmt.name} export ({', '.join(strangers[:3])}); give a new or "
                         "empty folder")
    refuse_inputs(dest, inputs)


def write_folder(records: Records | nx.MultiDiGraph, fmt: Format, dest: Path,
                 inputs: Iterable[Path] = ()) -> Path:
    """Fill a temporary folder beside `dest`, then rename it into place."""
    records = Records.of(records)
    inputs = list(inputs)
    _check_destination(records, fmt, dest, inputs)
    with output_folder(dest) as tmp:
        fmt.writer(records, tmp)
    return dest
