"""The casebook as one self-contained, offline HTML page: the explorer.

Python prepares the data (compact rows, each document's text once, the vocabulary in use,
positions for large graphs, the tables names are folded with); the explorer's script draws it
with vis-network (as bundled by pyvis, read from its files without importing pyvis) and does
everything interactive. That script is the files of `js/` (beside this module), one per
concern, joined in file-name order into one function: each says at its top what it provides
and what it uses.
Text from the casebook travels as JSON inside `<script type="application/json">` and is
only ever inserted into the page as text.
"""

from __future__ import annotations

import importlib.resources
import importlib.util
import unicodedata
from collections.abc import Iterable
from functools import cache
from itertools import groupby, repeat
from operator import eq
from pathlib import Path

import networkx as nx

from actorgraph.casebook.validate import Report
from actorgraph.files import atomic_write
from actorgraph.graph.select import fitting
from actorgraph.graph.ties import ties
from actorgraph.page.layout import layout_positions
from actorgraph.schema import ACTOR_TYPES, AFFIRMS, CERTAINTIES, FAMILIES, RELATIONS
from actorgraph.text import FOLD

VIS_VERSION = "9.1.2"
# Above this many actors vis-network's physics no longer settles in a few seconds (measured in
# headless Chromium: 200 actors 4 s, 300 actors 6.5 s, 500 actors 8 s); the page is then laid
# out in Python and drawn without live physics (5,000 actors in about 2 s).
PHYSICS_LIMIT = 200
# A page laid out in Python labels only its busiest actors from the start (vis-network
# measures every label as it builds the network: 0.6 s at 20,000 actors, about 30 µs each;
# 0, 300 and 1,000 labels measured alike); the page shows any other actor's name when it is
# hovered, selected, searched, on a path or next to a searched actor.
LABELLED = 1000
LAYOUTS = ("auto", "physics", "python")
# Past this many actors or claims a page is no longer drawn usefully (20,000 actors and
# 60,000 claims are drawn and answer a click in about 3 s, BENCHMARKS.md): `build` then draws
# the busiest actors that fit (`fit_page`), unless told to draw everything.
PAGE_ACTORS, PAGE_CLAIMS = 20_000, 60_000
# A page of more actors than this opens on a focus: its busiest actor and the actors next to
# it, the rest faded (one click on "Show all" brings the overview).
FOCUS_FROM = 1000
# The side panel lists an actor's claims (per relation) and a path's (per hop) this many at a
# time, with a button for more: the busiest actors of a large casebook have thousands.
LIST_STEP = 10

# The page's rows are arrays in these column orders (the script names them back).
NODE_FIELDS = ("id", "name", "type", "aliases", "description")
EDGE_FIELDS = ("id", "from", "to", "relation", "certainty", "claimed_by", "date", "notes",
               "doc", "paragraph", "pieces", "quote", "stance", "claimant", "tie")
# A tie (graph/ties.py: one relation between two actors, whoever claims it) as the page draws
# it by default, one line for all its claims; each claim's row holds its tie's row number
# ("tie"). Counts are over the whole page's claims, as `actorgraph ties` counts them.
TIE_FIELDS = ("from", "to", "relation", "affirming", "denying", "documents", "publishers",
              "claimants", "strongest", "flags")
# A tie's "flags": the sum of these, as graph/ties.py decides them.
TIE_FLAGS = {"corroborated": 1, "single_source": 2, "disputed": 4}
DOCUMENT_FIELDS = ("title", "published", "publisher", "url", "text")
# In a claim's row and a tie's, these fields hold the actor's row number in "nodes" (not its
# id) ...
ACTOR_REFS = ("from", "to")
# ... and these the position of their value in data["tables"][field]: the same few values
# recur across thousands of claims (a 20,000-actor page is 4 MB smaller). "claimant" is the
# actor a claimant names (`claimed_by_actor`), or "". A tie's "relation" is in the same
# table as a claim's, its "strongest" in the "certainty" table.
TABLED = ("relation", "certainty", "claimed_by", "doc", "stance", "claimant")
TIE_TABLED = {"relation": "relation", "strongest": "certainty"}
# How the page joins a quote's pieces when it rebuilds the quote from its document.
JOIN = " \u2026 "


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, read from pyvis's bundle without importing pyvis."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; run `pip install pyvis`")
    folder = Path(spec.submodule_search_locations[0]) / "lib" / f"vis-{VIS_VERSION}"
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


@cache
def page_scripts() -> tuple[tuple[str, str], ...]:
    """The explorer's script files, `js/*.js`, as (name, text) in file-name order."""
    folder = importlib.resources.files("actorgraph.page") / "js"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".js")), key=lambda f: f.name)
    return tuple((f.name, f.read_text(encoding="utf-8")) for f in files)


def explorer_script(scripts: tuple[tuple[str, str], ...]) -> str:
    """The page's one script: the files joined in order inside one function, so that what
    each declares is seen by the files after it and not by the window."""
    body = "".join(f"// js/{name}\n{text.rstrip()}\n" for name, text in scripts)
    return f'(function () {{\n"use strict";\n{body}}})();\n'


@cache
def page_assets() -> tuple[str, str]:
    """The explorer's own script (`explorer_script` of `page_scripts`) and stylesheet."""
    folder = importlib.resources.files("actorgraph.page")
    return (explorer_script(page_scripts()),
            (folder / "explorer.css").read_text(encoding="utf-8"))


def vocabulary(G: nx.MultiDiGraph, large: bool = False) -> dict:
    """The schema's entries the graph uses, in the schema's order (certainties strongest
    first, so a certainty's position is its rank). On a `large` page each actor type's
    shape is the one drawn there (its `large_shape`, if it has one)."""
    types = {a["type"] for _, a in G.nodes(data=True)}
    relations = {a["relation"] for *_, a in G.edges(data=True)}
    certainties = {a["certainty"] for *_, a in G.edges(data=True)}
    families = {RELATIONS[r].family for r in relations}

    def drawn(t):
        return vars(t) | {"shape": t.large_shape or t.shape} if large else vars(t)

    return {
        "types": [drawn(t) for k, t in ACTOR_TYPES.items() if k in types],
        "relations": [vars(r) for k, r in RELATIONS.items() if k in relations],
        "families": [vars(f) for k, f in FAMILIES.items() if k in families],
        "certainties": [vars(c) for k, c in CERTAINTIES.items() if k in certainties],
    }


# --- The tables the page folds names with -------------------------------------------------
# `text.name_key` is the one definition of how names are matched. JavaScript has no
# `str.casefold`, no combining classes, a `trim()` that strips other characters than
# `str.strip`, and its Unicode may be newer than Python's; so the page (js/10-names.js) folds
# with tables made here, from the Python that builds the page (`folding_tables`):
# - "fold": `text.FOLD`, character to replacement;
# - "spaces": the characters `str.strip` strips (`str.isspace`);
# - "combining": the characters `unicodedata.combining` gives a non-zero class (dropped after
#   NFKD);
# - "unassigned": the code points Python's Unicode has not assigned (category Cn): Python
#   leaves them as they are, so the page neither decomposes nor lowercases them even where
#   the browser's newer Unicode would;
# - "casefold": each character whose `casefold()` differs from its `lower()` (the browser's
#   `toLowerCase` of one character), with its `casefold()`.
# A set of code points travels as its runs, [gap, span, gap, span, ...]: a run starts `gap`
# after the end of the one before (the first after 0) and ends `span` after its start. The
# tables add about 8.5 kB to a page; making them takes about 0.25 s, once per process.


def code_point_runs(flags: Iterable[bool]) -> list[int]:
    """The runs of code points whose flag is true (one flag per code point from 0), as
    [gap, span, ...]."""
    found: list[int] = []
    at = end = 0
    for flag, run in groupby(flags):
        n = len(list(run))
        if flag:
            found += [at - end, n - 1]
            end = at + n - 1
        at += n
    return found


@cache
def folding_tables() -> dict:
    """The page's tables for folding names as `text.name_key` does (see above)."""
    every = "".join(map(chr, range(0x110000)))  # surrogates too: no case, no class, Cs
    casefold = {}
    for i in range(0, len(every), 512):  # most blocks have nothing to look at twice
        block = every[i:i + 512]
        if block.casefold() != block.lower():
            casefold.update((c, c.casefold()) for c in block if c.casefold() != c.lower())
    return {
        "fold": {chr(k): v for k, v in sorted(FOLD.items())},
        "spaces": code_point_runs(map(str.isspace, every)),
        "combining": code_point_runs(map(bool, map(unicodedata.combining, every))),
        "unassigned": code_point_runs(map(eq, map(unicodedata.category, every), repeat("Cn"))),
        "casefold": casefold,
    }


def _document_rows(G: nx.MultiDiGraph, report: Report) -> dict[str, list]:
    """Each document the graph's claims cite, its text once."""
    cited = {a["source_doc"] for *_, a in G.edges(data=True)}
    sources = {s["id"]: s for s in report.contents.sources.records}
    return {
        doc: [sources[doc]["title"], sources[doc]["published"], sources[doc]["publisher"],
              sources[doc]["url"], report.contents.documents[doc].text]
        for doc in sorted(cited)
    }


def fit_page(G: nx.MultiDiGraph) -> tuple[nx.MultiDiGraph, str]:
    """What a page of `G` can draw: `G` itself, or past PAGE_ACTORS actors or PAGE_CLAIMS
    claims the actors in the most claims that fit, with the claims among them
    (`select.fitting`); and a note saying which ("" for all of G)."""
    drawn = fitting(G, PAGE_ACTORS, PAGE_CLAIMS)
    if drawn is G:
        return G, ""
    return drawn, (f"Showing the {len(drawn):,} actors in the most claims and the "
                   f"{drawn.number_of_edges():,} claims among them, of {len(G):,} actors and "
                   f"{G.number_of_edges():,} claims: a page of more would not be drawn "
                   f"usefully ({PAGE_ACTORS:,} actors or {PAGE_CLAIMS:,} claims at most)")


def page_data(G: nx.MultiDiGraph, report: Report, layout: str = "auto", note: str = "") -> dict:
    """Everything the page shows, as plain JSON-able data (text stays text).

    `G` may be a subgraph of the casebook in `report`: the page shows G's actors and claims
    and takes their documents from the report. `note` is said at the top of the page.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {LAYOUTS}, not {layout!r}")
    in_python = layout == "python" or (layout == "auto" and len(G) > PHYSICS_LIMIT)
    positions = {}
    if in_python:
        positions = layout_positions(G)
    nodes = [
        [n, a["name"], a["type"], a["aliases"], a["description"], *positions.get(n, ())]
        for n, a in G.nodes(data=True)
    ]
    documents = report.contents.documents
    row_of = {n: i for i, n in enumerate(G)}
    tables: dict[str, dict[str, int]] = {field: {} for field in TABLED}

    def tabled(field: str, value: str) -> int:
        return tables[field].setdefault(value, len(tables[field]))

    all_ties = ties(G)
    tie_rows = [[row_of[t.source], row_of[t.target], tabled("relation", t.relation),
                 t.affirming, t.denying, t.documents, t.publishers, t.claimants,
                 tabled("certainty", t.strongest_certainty),
                 sum(bit for flag, bit in TIE_FLAGS.items() if getattr(t, flag))]
                for t in all_ties.values()]
    tie_row = {claim: i for i, t in enumerate(all_ties.values()) for claim in t.claim_ids}
    edges = []
    for u, v, key, a in G.edges(keys=True, data=True):
        span = report.spans.get(key)
        pieces = [list(p) for p in span.pieces] if span else [[a["start"], a["end"]]]
        quote = a["source_text"]
        if in_python and quote == JOIN.join(
                documents[a["source_doc"]].text[s:e] for s, e in pieces):
            quote = None  # the page rebuilds it from the document: a large page is smaller
        edges.append([key, row_of[u], row_of[v], tabled("relation", a["relation"]),
                      tabled("certainty", a["certainty"]), tabled("claimed_by", a["claimed_by"]),
                      a["date"], a["notes"], tabled("doc", a["source_doc"]), a["paragraph"],
                      pieces, quote, tabled("stance", a.get("stance") or AFFIRMS),
                      tabled("claimant", a.get("claimed_by_actor") or ""), tie_row[key]])
    notice = (f"Laid out in Python: {len(G):,} actors — live physics off" if in_python
              else "")
    notice = ". ".join(filter(None, (note, notice)))
    return {
        "fields": {"nodes": NODE_FIELDS + (("x", "y") if in_python else ()),
                   "edges": EDGE_FIELDS, "ties": TIE_FIELDS, "documents": DOCUMENT_FIELDS},
        "refs": ACTOR_REFS, "tables": {field: list(values) for field, values in tables.items()},
        "tie_tables": TIE_TABLED, "tie_flags": TIE_FLAGS,
        "nodes": nodes, "edges": edges, "ties": tie_rows, "documents": _document_rows(G, report),
        "vocabulary": vocabulary(G, large=in_python), "physics": not in_python,
        "notice": notice, "labelled": busiest(G, LABELLED) if in_python else None,
        "list_step": LIST_STEP, "folding": folding_tables(),
        "focus": busiest(G, 1)[0] if len(G) > FOCUS_FROM else None,
    }


def busiest(G: nx.MultiDiGraph, n: int) -> list[str]:
    """The `n` actors with the most claims (ties: smaller id first)."""
    return sorted(G.nodes, key=lambda v: (-G.degree(v), v))[:n]


def render_html(G: nx.MultiDiGraph, report: Report, title: str = "actorgraph",
                layout: str = "auto", note: str = "") -> str:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("actorgraph", "page"),
                      autoescape=select_autoescape(["html", "j2"], default=True))
    # The page's data as compact JSON, non-ASCII text as itself (the page is UTF-8); `tojson`
    # still escapes <, >, & and ' so no text can close the script element.
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "separators": (",", ":"),
                                         "ensure_ascii": False}
    vis_js, vis_css = vis_assets()
    page_js, page_css = page_assets()
    for name, script in (("vis-network", vis_js), *page_scripts()):
        if "</script" in script.lower():
            raise RuntimeError(f"{name} contains '</script' and cannot be inlined")
    return env.get_template("explorer.html.j2").render(
        title=title, data=page_data(G, report, layout=layout, note=note), vis_js=vis_js,
        vis_css=vis_css, page_js=page_js, page_css=page_css)


def write_html(G: nx.MultiDiGraph, report: Report, path: Path | str, title: str = "actorgraph",
               layout: str = "auto", note: str = "") -> Path:
    """Write the explorer page for `G` to `path` (atomically) and return the path.

    `layout` is "auto" (physics in the browser up to PHYSICS_LIMIT actors, positions from
    Python above), "physics" or "python"; `note` is said at the top of the page.
    """
    path = Path(path)
    atomic_write(path, render_html(G, report, title, layout=layout, note=note))
    return path
