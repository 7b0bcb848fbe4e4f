"""One benchmark stage, run in a child process so each has its own peak memory:

    python -m benchmarks.stages STAGE CASEBOOK [ARGS...]

Prints one JSON object of in-process timings (seconds, imports excluded) on stdout.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def clock():
    start = time.perf_counter()
    return lambda: time.perf_counter() - start


def pandas_floor(root: Path) -> dict:
    """The floor for loading: pandas reading the same three CSV files, every value a string."""
    import pandas as pd

    elapsed = clock()
    for name in ("nodes.csv", "edges.csv", "sources.csv"):
        pd.read_csv(root / name, dtype=str, keep_default_na=False)
    return {"seconds": elapsed()}


def load(root: Path) -> dict:
    """Cold: read, validate (every quote located) and build, without the store: the steps of
    `workspace.read_and_build`, timed one by one (the graph is built while the quotes are
    searched, by a second process on large casebooks)."""
    from actorgraph.casebook.read import read_casebook
    from actorgraph.casebook.validate import validate
    from actorgraph.graph.build import assemble, casebook_parts, place_quotes

    elapsed = clock()
    book = read_casebook(root)
    read = elapsed()
    built = []

    def build(book):
        start = elapsed()
        parts = casebook_parts(book)
        built.append((assemble(str(book.root), parts), parts.claims))
        built.append(elapsed() - start)

    spans, problems = validate(book, meanwhile=build)
    if any(p.severity == "error" for p in problems):
        raise SystemExit(f"{root} has errors")
    (G, claims), building = built
    place_quotes(claims, spans)
    total = elapsed()
    return {"read": read, "validate_build": total - read, "build": building,
            "seconds": total, "actors": G.number_of_nodes(), "claims": G.number_of_edges()}


def cached(root: Path) -> dict:
    """Warm: the whole graph of an unchanged casebook, from its store (which must hold it
    already)."""
    from actorgraph.workspace import open_casebook

    elapsed = clock()
    with open_casebook(root) as book:
        if not book.from_store:
            raise SystemExit(f"{root} is not in the store")
        G = book.graph()
    return {"seconds": elapsed(), "claims": G.number_of_edges()}


def queries(root: Path, a: str, b: str) -> dict:
    """In-process query times on a loaded graph: shortest paths and neighbours."""
    from actorgraph import answers as query
    from actorgraph.graph.paths import find_paths
    from actorgraph.workspace import open_casebook

    with open_casebook(root) as book:
        G = book.graph()
    elapsed = clock()
    records = query.path_records(G, find_paths(G, a, b))
    path = elapsed()
    elapsed = clock()
    near = query.neighbours(G, a, 1)
    neighbours = elapsed()
    elapsed = clock()
    query.neighbours(G, b, 2)
    depth2 = elapsed()
    return {"path": path, "hops": records[0]["hops"] if records else None,
            "neighbors": neighbours, "neighbors_found": len(near),
            "neighbors_depth2": depth2}


def store_queries(root: Path, a: str, b: str) -> dict:
    """The same questions through the store (`workspace.open_casebook`), as the CLI asks
    them: opening the casebook, then each answer's small graph and the answer, which must be
    the whole graph's (loaded afterwards, untimed)."""
    from actorgraph import answers as query
    from actorgraph.graph.paths import find_paths
    from actorgraph.workspace import open_casebook

    elapsed = clock()
    book = open_casebook(root)
    opened = elapsed()
    elapsed = clock()
    G = book.path_graph(a, b)
    records = query.path_records(G, find_paths(G, a, b))
    path = elapsed()
    elapsed = clock()
    near = query.neighbours(book.around_graph(a, 1), a, 1)
    neighbours = elapsed()
    whole = book.graph()
    book.close()
    if (records != query.path_records(whole, find_paths(whole, a, b))
            or near != query.neighbours(whole, a, 1)):
        raise SystemExit(f"{root}: the store's answers differ from the whole graph's")
    return {"open": opened, "path": path, "neighbors": neighbours,
            "kind": "store" if book.from_store else "whole"}


def export(root: Path, fmt: str, out: str) -> dict:
    from actorgraph.export import export_graph, get_format
    from actorgraph.workspace import open_casebook

    with open_casebook(root) as book:
        G = book.graph()
    elapsed = clock()
    export_graph(G, get_format(fmt), out)
    return {"seconds": elapsed()}


def render(root: Path, out: str) -> dict:
    from actorgraph.page.render import write_html
    from actorgraph.workspace import read_and_build

    reading = read_and_build(root)
    elapsed = clock()
    write_html(reading.graph, reading.report, out)
    return {"seconds": elapsed(), "bytes": Path(out).stat().st_size}


def pyvis_page(root: Path, out: str) -> dict:
    """What a user would do without actorgraph: pyvis with its defaults, one edge a claim.

    One change: vis-network inlined (`cdn_resources="in_line"`), as the default page loads it
    from a CDN and stays blank offline (this machine has no network)."""
    from pyvis.network import Network

    from actorgraph.workspace import open_casebook

    with open_casebook(root) as book:
        G = book.graph()
    elapsed = clock()
    net = Network(cdn_resources="in_line")
    for n, attrs in G.nodes(data=True):
        net.add_node(n, label=attrs["name"], title=attrs["type"])
    for u, v, attrs in G.edges(data=True):
        net.add_edge(u, v, title=attrs["relation"])
    built = elapsed()
    os.chdir(Path(out).parent)  # pyvis writes a lib/ folder into the working folder
    net.write_html(Path(out).name)
    return {"seconds": elapsed(), "add": built}


STAGES = {"pandas": pandas_floor, "load": load, "cached": cached, "queries": queries,
          "store": store_queries,
          "export": export, "render": render, "pyvis": pyvis_page}


def main() -> None:
    import resource

    stage, root, *args = sys.argv[1:]
    result = STAGES[stage](Path(root), *args)
    # A large casebook's quotes are partly searched in a forked child (parallel.in_child):
    # its peak memory, which the runner's wait4 of this process does not include.
    forked = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({**result, "forked_rss_mb": forked}))


if __name__ == "__main__":
    main()
