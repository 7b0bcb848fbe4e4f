"""The casebook as one self-contained, offline HTML page (vis-network, as bundled by pyvis)."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

import networkx as nx

from actorgraph.schema import ACTOR_TYPES, CERTAINTIES, FAMILIES, RELATIONS
from actorgraph.validate import Report
from actorgraph.write import atomic_write

VIS_VERSION = "9.1.2"


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, read from pyvis's bundle without importing pyvis."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; run `pip install pyvis`")
    folder = Path(spec.submodule_search_locations[0]) / "lib" / f"vis-{VIS_VERSION}"
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


def page_data(G: nx.MultiDiGraph, report: Report) -> dict:
    """Everything the page shows, as plain JSON-able data (text stays text)."""
    nodes = [
        {"id": n, "name": a["name"], "type": a["type"], "aliases": a["aliases"],
         "description": a["description"], "degree": G.degree(n)}
        for n, a in G.nodes(data=True)
    ]
    edges = [
        {"id": key, "from": u, "to": v, **{k: a[k] for k in (
            "relation", "source_text", "source_doc", "claimed_by", "certainty", "date", "notes",
            "paragraph", "start", "end", "directed")}}
        for u, v, key, a in G.edges(keys=True, data=True)
    ]
    documents = {
        doc_id: {"title": G.graph["sources"][doc_id]["title"], "text": document.text}
        for doc_id, document in report.casebook.documents.items()
    }
    vocabulary = {
        "types": {k: vars(t) for k, t in ACTOR_TYPES.items()},
        "relations": {k: vars(r) for k, r in RELATIONS.items()},
        "families": {k: vars(f) for k, f in FAMILIES.items()},
        "certainties": {k: vars(c) for k, c in CERTAINTIES.items()},
    }
    return {"nodes": nodes, "edges": edges, "documents": documents, "vocabulary": vocabulary}


def render_html(G: nx.MultiDiGraph, report: Report, title: str = "actorgraph") -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("actorgraph"), autoescape=select_autoescape(
        ["html", "j2"], default=True))
    vis_js, vis_css = vis_assets()
    return env.get_template("explorer.html.j2").render(
        title=title, data=page_data(G, report), vis_js=vis_js, vis_css=vis_css,
        actors=G.number_of_nodes(), claims=G.number_of_edges())


def write_html(G: nx.MultiDiGraph, report: Report, path: Path | str, title: str = "actorgraph"
               ) -> Path:
    path = Path(path)
    atomic_write(path, render_html(G, report, title))
    return path
