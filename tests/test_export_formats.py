"""Each export format read back by an independent reader gives the casebook back."""

from __future__ import annotations

import csv
import io
import json

import igraph
import networkx as nx
import pytest

from actorgraph.cli import cli
from actorgraph.export import export_graph
from export_expected import (
    ACTORS,
    BETWEENNESS,
    COMPONENT,
    DEGREE,
    E1_QUOTE,
    SOURCES,
    TIES,
    claims,
    flat_actor,
    flat_claim,
)
from helpers import load_graph


@pytest.fixture
def graph(casebook):
    return load_graph(casebook(base="export"))


def test_the_fixture_holds_what_the_tests_expect(graph):
    """Guards the hand-written expectations against the loader itself."""
    assert dict(graph.nodes(data=True)) == {k: {"id": k, **v} for k, v in ACTORS.items()}
    assert {k: (u, v, d) for u, v, k, d in graph.edges(keys=True, data=True)} == claims()


# --- GraphML ------------------------------------------------------------------------------

def test_graphml_read_by_networkx(graph, tmp_path):
    path = export_graph(graph, "graphml", tmp_path / "out.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert H.is_directed() and H.is_multigraph()
    assert dict(H.nodes(data=True)) == {a: flat_actor(a) for a in ACTORS}
    got = {k: (u, v, d) for u, v, k, d in H.edges(keys=True, data=True)}
    assert got == {cid: (u, v, flat_claim(d)) for cid, (u, v, d) in claims().items()}
    # Three claims from Tehran to Caracas, parallel and kept apart.
    assert sorted(H["tehran"]["caracas"]) == ["e1", "e2", "e3"]
    assert H.graph["source:dossier:title"] == "Dossier: Tehran, Caracas"
    assert H.graph["source:dossier:publisher"] == "Ejemplo Noticias"
    assert "source:brief:url" not in H.graph  # empty values are left out


def test_graphml_read_by_igraph(graph, tmp_path):
    path = export_graph(graph, "graphml", tmp_path / "out.graphml")
    g = igraph.Graph.Read_GraphML(str(path))
    assert g.is_directed()
    assert sorted(g.vs["id"]) == sorted(ACTORS)
    for vertex in g.vs:
        expected = flat_actor(vertex["id"])
        got = {k: v for k, v in vertex.attributes().items() if v not in ("", None)}
        assert got == expected | {"id": vertex["id"]}
    expected_claims = claims()
    assert sorted(g.es["claim_id"]) == sorted(expected_claims)
    for edge in g.es:
        u, v, attrs = expected_claims[edge["claim_id"]]
        assert (g.vs[edge.source]["id"], g.vs[edge.target]["id"]) == (u, v)
        flat = flat_claim(attrs)
        assert edge["relation"] == flat["relation"]
        assert edge["source_text"] == flat["source_text"]
        assert edge["notes"] == attrs["notes"]  # igraph fills absent strings with ""
        assert edge["directed"] is attrs["directed"]
        assert edge["paragraph"] == attrs["paragraph"]
        assert (edge["quote_start"], edge["quote_end"]) == (attrs["start"], attrs["end"])


# --- GEXF ---------------------------------------------------------------------------------

def test_gexf_read_by_networkx(graph, tmp_path):
    path = export_graph(graph, "gexf", tmp_path / "out.gexf")
    H = nx.read_gexf(path)
    assert H.is_directed() and H.is_multigraph()
    nodes = dict(H.nodes(data=True))
    assert {n: {k: v for k, v in d.items() if k != "viz"} for n, d in nodes.items()} == {
        a: flat_actor(a) for a in ACTORS}
    # Colours from schema.ACTOR_TYPES: state #1f77b4, person #e377c2.
    assert nodes["tehran"]["viz"]["color"] == {"r": 31, "g": 119, "b": 180, "a": 1.0}
    assert nodes["maduro"]["viz"]["color"] == {"r": 227, "g": 119, "b": 194, "a": 1.0}
    got = {k: (u, v, d) for u, v, k, d in H.edges(keys=True, data=True)}
    # The GEXF edge id comes back as `id`: the claim id.
    assert got == {cid: (u, v, flat_claim(d) | {"id": cid})
                   for cid, (u, v, d) in claims().items()}


def test_gexf_is_version_1_2_with_unique_ids_and_one_type_per_column(graph, tmp_path):
    from xml.etree import ElementTree

    path = export_graph(graph, "gexf", tmp_path / "out.gexf")
    root = ElementTree.parse(path).getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    assert root.get("version") == "1.2"
    edge_ids = [e.get("id") for e in root.iterfind(".//g:edge", ns)]
    assert sorted(edge_ids) == ["e1", "e2", "e3", "e4", "e5", "e6", "e7"]
    node_ids = {n.get("id") for n in root.iterfind(".//g:node", ns)}
    assert all(e.get("source") in node_ids and e.get("target") in node_ids
               for e in root.iterfind(".//g:edge", ns))
    titles = [a.get("title") for a in root.iterfind(".//g:attributes[@class='edge']/g:attribute",
                                                     ns)]
    assert len(titles) == len(set(titles))
    assert "start" not in titles and "end" not in titles  # would be read as time spans
    assert all(v.get("value") != "" for v in root.iterfind(".//g:attvalue", ns))


def test_one_type_per_attribute_and_no_lists(casebook, tmp_path):
    G = load_graph(casebook(base="export"))
    G.nodes["tehran"]["rank"] = 1
    G.nodes["caracas"]["rank"] = "first"
    G.nodes["quds"]["tags"] = ["a", "b"]
    H = nx.read_graphml(export_graph(G, "graphml", tmp_path / "x.graphml"))
    assert H.nodes["tehran"]["rank"] == "1"
    assert H.nodes["caracas"]["rank"] == "first"
    assert H.nodes["quds"]["tags"] == "a|b"


# --- node-link JSON -----------------------------------------------------------------------

def test_json_read_by_node_link_graph(graph, tmp_path):
    path = export_graph(graph, "json", tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert all(isinstance(n["id"], str) for n in data["nodes"])
    H = nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    # node_link_graph takes each node's `id` as the node itself.
    assert dict(H.nodes(data=True)) == ACTORS
    assert {k: (u, v, d) for u, v, k, d in H.edges(keys=True, data=True)} == claims()
    assert H.graph["sources"] == SOURCES


# --- Cytoscape.js -------------------------------------------------------------------------

def test_cytoscape_elements_have_string_ids_and_edge_ids(graph, tmp_path):
    path = export_graph(graph, "cytoscape", tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    nodes = data["elements"]["nodes"]
    edges = data["elements"]["edges"]
    assert {n["data"]["id"]: n["data"]["name"] for n in nodes} == {
        k: v["name"] for k, v in ACTORS.items()}
    assert all(isinstance(e["data"]["id"], str) for e in nodes + edges)
    expected = claims()
    assert sorted(e["data"]["id"] for e in edges) == sorted(expected)
    for e in edges:
        u, v, attrs = expected[e["data"]["id"]]
        assert (e["data"]["source"], e["data"]["target"]) == (u, v)
        assert e["data"]["relation"] == attrs["relation"]
        assert e["data"]["directed"] is attrs["directed"]
    assert data["data"]["sources"] == SOURCES


def test_cytoscape_refuses_a_claim_id_that_is_an_actor_id(casebook):
    from actorgraph.errors import InputError

    G = load_graph(casebook(base="export"))
    G.add_edge("tehran", "aruba", key="aruba", id="aruba", relation="threatens")
    with pytest.raises(InputError, match="claim id 'aruba' is also an actor id"):
        export_graph(G, "cytoscape", "-")


# --- actorgraph CSV -----------------------------------------------------------------------

def test_csv_export_reloads_as_the_same_casebook(graph, tmp_path, runner):
    folder = export_graph(graph, "csv", tmp_path / "export")
    result = runner.invoke(cli, ["validate", "--data", str(folder)])
    assert result.exit_code == 0, result.output
    H = load_graph(folder)
    computed = {"degree", "ties", "betweenness", "component"}
    for node, data in graph.nodes(data=True):
        reloaded = H.nodes[node]
        assert {k: v for k, v in reloaded.items() if k not in computed} == data
        assert reloaded["degree"] == str(DEGREE[node])
        assert reloaded["ties"] == str(TIES[node])
        assert float(reloaded["betweenness"]) == pytest.approx(BETWEENNESS[node])
        assert reloaded["component"] == str(COMPONENT[node])
    assert set(H.nodes) == set(graph.nodes)
    expected = claims()
    # The note "=1+1" comes back visibly neutralised; everything else is as it was.
    expected["e5"][2]["notes"] = "'=1+1"
    assert {k: (u, v, d) for u, v, k, d in H.edges(keys=True, data=True)} == expected
    assert {k: v["path"] for k, v in H.graph["sources"].items()} == {
        "dossier": "sources/dossier.txt", "brief": "sources/brief.txt"}


def test_csv_export_columns_and_cells(graph, tmp_path):
    folder = export_graph(graph, "csv", tmp_path / "export")
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as handle:
        nodes = list(csv.DictReader(handle))
    assert list(nodes[0]) == ["id", "name", "type", "aliases", "description", "degree",
                              "ties", "betweenness", "component"]
    assert nodes[0]["aliases"] == "Islamic Republic|Irán"
    with open(folder / "edges.csv", encoding="utf-8", newline="") as handle:
        edges = {row["id"]: row for row in csv.DictReader(handle)}
    assert list(edges["e1"]) == ["id", "source", "target", "relation", "source_text",
                                 "source_doc", "claimed_by", "certainty", "date", "notes",
                                 "stance", "paragraph", "start", "end"]
    assert edges["e1"]["source_text"] == E1_QUOTE
    assert edges["e1"]["notes"] == "drones, rifles, ammunition"
    assert edges["e5"]["notes"] == "'=1+1"
    assert edges["e5"]["paragraph"] == "7"
    assert (folder / "sources" / "brief.txt").read_text(encoding="utf-8").startswith("Brief")


def test_csv_export_of_the_good_fixture_reloads(casebook, tmp_path):
    G = load_graph(casebook())
    H = load_graph(export_graph(G, "csv", tmp_path / "export"))
    assert [(u, v, k) for u, v, k in H.edges(keys=True)] == [
        (u, v, k) for u, v, k in G.edges(keys=True)]
    assert all(H.edges[e] == G.edges[e] for e in G.edges(keys=True))
    # Front: claims c1, c3, c4, c5; betweenness on the 5-actor projection.
    assert H.nodes["front"]["degree"] == "4"
    assert H.nodes["front"]["component"] == "1"


# --- neo4j --------------------------------------------------------------------------------

def _read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return rows[0], [dict(zip(rows[0], row)) for row in rows[1:]]


def test_neo4j_files_headers_and_references(graph, tmp_path):
    folder = export_graph(graph, "neo4j", tmp_path / "neo")
    assert sorted(p.name for p in folder.iterdir()) == ["actors.csv", "claims.csv",
                                                        "sources.csv"]
    header, actors = _read(folder / "actors.csv")
    assert header == ["actorId:ID(Actor)", "name", "type", ":LABEL", "aliases:string[]",
                      "description"]
    by_id = {a["actorId:ID(Actor)"]: a for a in actors}
    assert set(by_id) == set(ACTORS)
    assert by_id["tehran"][":LABEL"] == "Actor|State"
    assert by_id["soles"][":LABEL"] == "Actor|CriminalNetwork"
    assert by_id["quds"][":LABEL"] == "Actor|MilitaryUnit"
    assert by_id["tehran"]["aliases:string[]"] == "Islamic Republic|Irán"
    assert by_id["maduro"]["name"] == "Nicolás Maduro"

    header, rels = _read(folder / "claims.csv")
    assert header == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "claimId", "relation",
                      "source_text", "source_doc", "claimed_by", "certainty", "date", "notes",
                      "paragraph:int", "start:int", "end:int", "directed:boolean"]
    assert all(r[":START_ID(Actor)"] in by_id and r[":END_ID(Actor)"] in by_id for r in rels)
    expected = claims()
    got = {r["claimId"]: r for r in rels}
    assert set(got) == set(expected)
    for cid, (u, v, attrs) in expected.items():
        row = got[cid]
        assert (row[":START_ID(Actor)"], row[":END_ID(Actor)"]) == (u, v)
        assert row[":TYPE"] == attrs["relation"].upper()
        assert row["source_text"] == attrs["source_text"]
        assert row["date"] == attrs["date"]
        assert row["paragraph:int"] == str(attrs["paragraph"])
        assert row["start:int"] == str(attrs["start"])
        assert row["directed:boolean"] == ("true" if attrs["directed"] else "false")
    assert got["e1"][":TYPE"] == "SUPPLIES_ARMS_TO"
    assert got["e5"]["notes"] == "'=1+1"

    header, sources = _read(folder / "sources.csv")
    assert header[:2] == ["sourceId:ID(Source)", ":LABEL"]
    assert {s["sourceId:ID(Source)"]: s["title"] for s in sources} == {
        "dossier": "Dossier: Tehran, Caracas", "brief": "Brief"}
    assert {r["source_doc"] for r in rels} <= {s["sourceId:ID(Source)"] for s in sources}


def test_neo4j_quote_with_newline_is_one_quoted_field(graph, tmp_path):
    folder = export_graph(graph, "neo4j", tmp_path / "neo")
    raw = (folder / "claims.csv").read_text(encoding="utf-8")
    assert f'"{E1_QUOTE}"' in raw
    assert len(list(csv.reader(io.StringIO(raw, newline="")))) == 1 + 7


# --- GraphML and GEXF as networkx's own writers give them ---------------------------------

def _as_networkx_writes(G, fmt: str, path):
    """The same flat records written by networkx's writers, as the exports once were."""
    from actorgraph.export.flat import flat_records
    from actorgraph.schema import ACTOR_TYPES

    flat = flat_records(G)
    H = nx.MultiDiGraph(**flat.graph)
    H.add_nodes_from((n, dict(attrs)) for n, attrs in flat.nodes)
    H.add_edges_from((u, v, k, dict(attrs)) for u, v, k, attrs in flat.edges)
    if fmt == "graphml":
        nx.write_graphml(H, path)
        return nx.read_graphml(path, force_multigraph=True)
    for _, data in H.nodes(data=True):
        color = ACTOR_TYPES[data["type"]].color.lstrip("#")
        data["viz"] = {"color": {"r": int(color[0:2], 16), "g": int(color[2:4], 16),
                                 "b": int(color[4:6], 16), "a": 1.0}}
    for *_, key, data in H.edges(keys=True, data=True):
        data["id"] = key
    nx.write_gexf(H, path, version="1.2draft")
    return nx.read_gexf(path)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("fixture", ["export", "good", "hostile", "article"])
def test_xml_exports_read_back_as_networkx_writes_them(fixture, fmt, casebook,
                                                       article_casebook, tmp_path):
    """Our streaming writers against networkx's: every node, claim, attribute and type the
    same once read back."""
    G = load_graph(article_casebook if fixture == "article" else casebook(base=fixture))
    ours = export_graph(G, fmt, tmp_path / f"ours.{fmt}")
    read = {"graphml": lambda p: nx.read_graphml(p, force_multigraph=True),
            "gexf": nx.read_gexf}[fmt]
    got, expected = read(ours), _as_networkx_writes(G, fmt, tmp_path / f"nx.{fmt}")
    assert list(got.nodes(data=True)) == list(expected.nodes(data=True))
    # networkx's GEXF reader gives a simple graph when no claims are parallel.
    assert type(got) is type(expected)
    assert list(got.edges(data=True)) == list(expected.edges(data=True))
    if got.is_multigraph():
        assert list(got.edges(keys=True)) == list(expected.edges(keys=True))
    assert got.graph == expected.graph
    assert got.number_of_edges() == G.number_of_edges() > 0


def test_xml_exports_hold_control_characters_as_replacement_characters(casebook, tmp_path):
    """XML 1.0 cannot hold a form feed or \\x01 (pasted from a PDF, say): each becomes U+FFFD
    and the file stays readable by a strict parser; tabs and newlines stay."""
    from xml.etree import ElementTree

    root = casebook(base="export")
    edges = root / "edges.csv"
    edges.write_text(edges.read_text(encoding="utf-8").replace(
        "drones, rifles, ammunition", "drones,\x0crifles\x01\tammunition"), encoding="utf-8")
    G = load_graph(root)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = export_graph(G, fmt, tmp_path / f"out.{fmt}")
        ElementTree.parse(path)  # raises on a character XML cannot hold
        H = read(path, force_multigraph=True) if fmt == "graphml" else read(path)
        notes = {k: d.get("notes") for *_, k, d in H.edges(keys=True, data=True)}
        assert notes["e1"] == "drones,\ufffdrifles\ufffd\tammunition"


@pytest.mark.parametrize("seed", range(10))
def test_components_are_those_of_the_undirected_projection(seed):
    """Numbered largest first, then by smallest actor id, as `links(G)` would give them."""
    from actorgraph.export.table import actor_metrics
    from actorgraph.graph.paths import links
    from test_centrality import random_claims_graph

    G = random_claims_graph(seed, actors=60, claims=50)  # sparse: several components
    expected = sorted(nx.connected_components(links(G)), key=lambda c: (-len(c), min(c)))
    assert len(expected) > 3
    metrics = actor_metrics(G)
    assert {a: metrics[a]["component"] for a in G} == {
        a: i for i, component in enumerate(expected, start=1) for a in component}
