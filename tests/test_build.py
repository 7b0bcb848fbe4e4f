"""The graph and `actorgraph build`."""

from __future__ import annotations

import os

from actorgraph.cli import cli
from helpers import load_graph, same_graph


def test_graph_keeps_every_claim_with_its_columns_and_place(casebook):
    G = load_graph(casebook())
    assert sorted(G.nodes) == ["aldovia", "aldovian-army", "brenn", "corvin", "front"]
    assert G.nodes["front"]["aliases"] == ["the Front", "NF"]
    # Two claims between Brenn and the Front stay separate, keyed by claim id.
    assert sorted(G["brenn"]["front"]) == ["c3", "c4"]
    c4 = G.edges["brenn", "front", "c4"]
    assert c4["relation"] == "hostile_to"
    assert c4["claimed_by"] == "officials in Brenn"
    assert c4["notes"] == "a denial, recorded as stated"
    assert c4["directed"] is True
    assert G.edges["brenn", "front", "c3"]["directed"] is False


def test_quote_offsets_point_at_the_original_text(casebook):
    root = casebook()
    G = load_graph(root)
    text = (root / "sources" / "report.txt").read_text(encoding="utf-8")
    c4 = G.edges["brenn", "front", "c4"]
    # Three spaces in "Brenn   deny" and curly quotes in the document; folded in the CSV.
    assert text[c4["start"]:c4["end"]] == (
        "Officials in Brenn   deny any “arrangement” with the Front")
    assert c4["paragraph"] == 3
    c5 = G.edges["front", "corvin", "c5"]
    assert text[c5["start"]:c5["end"]] == (
        "Analysts suspect that the Front may be laundering money through Corvin Holdings")
    assert c5["paragraph"] == 4


def test_build_writes_the_page_and_says_where(runner, casebook):
    casebook()
    result = runner.invoke(cli, ["build", "--data", "case", "-o", "out/page.html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["5 actors, 5 claims, 1 source", "wrote out/page.html"]
    page = open("out/page.html", encoding="utf-8").read()
    assert page.startswith("<!DOCTYPE html>")


def test_build_on_invalid_data_writes_nothing(runner, casebook):
    casebook("quote-not-found")
    result = runner.invoke(cli, ["build", "--data", "case", "-o", "out/page.html"])
    assert result.exit_code == 1
    assert "source_text not found" in result.stderr
    assert not os.path.exists("out")


def test_build_keeps_an_older_page_when_data_turns_invalid(runner, casebook):
    root = casebook()
    assert runner.invoke(cli, ["build", "--data", "case", "-o", "page.html"]).exit_code == 0
    before = open("page.html", encoding="utf-8").read()
    (root / "edges.csv").write_text("id,source\n", encoding="utf-8")
    assert runner.invoke(cli, ["build", "--data", "case", "-o", "page.html"]).exit_code == 1
    assert open("page.html", encoding="utf-8").read() == before


def public_api_graph(report):
    """The graph `build_graph` documents, built with networkx's public API only."""
    import networkx as nx

    from actorgraph.schema import RELATIONS

    book = report.contents
    G = nx.MultiDiGraph(casebook=str(book.root))
    G.graph["sources"] = {s["id"]: {**s, "path": book.places[s["id"]]}
                          for s in book.sources.records}
    for a in book.actors.records:
        aliases = [x.strip() for x in a["aliases"].split("|") if x.strip()]
        G.add_node(a["id"], **{**a, "aliases": aliases})
    for c in book.claims.records:
        span = report.spans[c["id"]]
        data = {k: v for k, v in c.items() if k not in ("source", "target")}
        data["stance"] = data["stance"] or "affirms"
        named = [a["id"] for a in book.actors.records
                 if c["claimed_by"].casefold() in {a["id"], a["name"].casefold(),
                                                   *(x.strip().casefold() for x in
                                                     a["aliases"].split("|"))}]
        data.update(directed=RELATIONS[c["relation"]].directed,
                    claimed_by_actor=named[0] if len(named) == 1 else "",
                    paragraph=span.paragraph,
                    start=span.start, end=span.end)
        G.add_edge(c["source"], c["target"], key=c["id"], **data)
    return G


def test_graph_equals_the_one_networkx_public_api_builds(casebook, article_casebook):
    from actorgraph.casebook.validate import validate_casebook
    from actorgraph.graph.build import build_graph

    for root in (casebook(), article_casebook):
        report = validate_casebook(root)
        assert same_graph(build_graph(report), public_api_graph(report))


def test_loading_leaves_the_cycle_collector_as_it_found_it(casebook):
    import gc
    import shutil

    import pytest

    from actorgraph.casebook.validate import validate_casebook
    from actorgraph.errors import ValidationError
    from actorgraph.graph.build import build_graph

    root = casebook()
    assert gc.isenabled()
    build_graph(validate_casebook(root))
    assert gc.isenabled()
    gc.disable()
    try:
        build_graph(validate_casebook(root))
        assert not gc.isenabled()
    finally:
        gc.enable()
    shutil.rmtree(root)
    root = casebook("quote-not-found")
    with pytest.raises(ValidationError):
        validate_casebook(root)
    assert gc.isenabled()  # also when validation fails


def test_reading_and_building_at_once_gives_the_report_and_graph_of_the_steps(
        casebook, article_casebook):
    from actorgraph.casebook.validate import validate_casebook
    from actorgraph.graph.build import build_graph
    from actorgraph.workspace import read_and_build

    for root in (casebook(), article_casebook):
        reading = read_and_build(root)
        alone = validate_casebook(root)
        assert reading.report.spans == alone.spans
        assert reading.report.warnings == alone.warnings
        assert same_graph(reading.graph, build_graph(alone))


def test_reading_and_building_builds_nothing_once_a_value_is_wrong(casebook, monkeypatch):
    import shutil

    import pytest

    from actorgraph import workspace
    from actorgraph.errors import ValidationError
    from actorgraph.graph import build

    built = []
    real = build.casebook_parts
    monkeypatch.setattr(build, "casebook_parts", lambda book: built.append(1) or real(book))
    with pytest.raises(ValidationError) as bad_value:
        workspace.read_and_build(casebook("unknown-relation"))
    assert built == []  # the relation is checked before the graph would be built
    shutil.rmtree("case")
    with pytest.raises(ValidationError) as bad_quote:
        workspace.read_and_build(casebook("quote-not-found"))
    assert built == [1]  # built while the quotes were searched, then thrown away
    assert "relation 'supplys_arms_to' is not a relation type" in str(bad_value.value)
    assert "source_text not found" in str(bad_quote.value)


def test_claims_added_to_the_adjacency_make_the_graph_add_edges_from_makes():
    import networkx as nx

    from actorgraph.graph.build import _add_claims
    from helpers import random_claims_graph

    for seed in range(5):  # parallel claims, claims both ways, claims of an actor to itself
        H = random_claims_graph(seed)
        claims = [(u, v, k, dict(d)) for u, v, k, d in H.edges(keys=True, data=True)]
        assert any(u == v for u, v, *_ in claims)
        G, F = (nx.MultiDiGraph(**H.graph) for _ in range(2))
        for graph in (G, F):
            graph.add_nodes_from(H.nodes(data=True))
        _add_claims(G, claims)
        F.add_edges_from(claims)
        assert same_graph(G, F)
        assert all(G.edges[u, v, k] is d for u, v, k, d in claims)  # not copied
        assert G.number_of_edges() == len(claims) and G.has_edge(*claims[0][:3])
