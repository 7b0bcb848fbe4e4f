"""The graph and `actorgraph build`."""

from __future__ import annotations

import os

from actorgraph.build import load_graph
from actorgraph.cli import cli


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

    book = report.casebook
    G = nx.MultiDiGraph(casebook=str(book.root))
    G.graph["sources"] = {s["id"]: dict(s) for s in book.sources.records}
    for a in book.actors.records:
        aliases = [x.strip() for x in a["aliases"].split("|") if x.strip()]
        G.add_node(a["id"], **{**a, "aliases": aliases})
    for c in book.claims.records:
        span = report.spans[c["id"]]
        data = {k: v for k, v in c.items() if k not in ("source", "target")}
        data.update(directed=RELATIONS[c["relation"]].directed, paragraph=span.paragraph,
                    start=span.start, end=span.end)
        G.add_edge(c["source"], c["target"], key=c["id"], **data)
    return G


def assert_same_graph(A, B):
    """Equal nodes, edges, keys and data, in the same order everywhere, and G.graph."""
    assert list(A.nodes(data=True)) == list(B.nodes(data=True))
    assert [list(d) for _, d in A.nodes(data=True)] == [list(d) for _, d in B.nodes(data=True)]
    edges_a, edges_b = list(A.edges(keys=True, data=True)), list(B.edges(keys=True, data=True))
    assert edges_a == edges_b
    assert [list(d) for *_, d in edges_a] == [list(d) for *_, d in edges_b]
    for n in A:
        assert list(A.pred[n]) == list(B.pred[n])
        assert [list(keys) for keys in A.pred[n].values()] == [
            list(keys) for keys in B.pred[n].values()]
        for v in A.succ[n]:  # both directions share one key dict, as networkx makes them
            assert A._succ[n][v] is A._pred[v][n]
    assert A.graph == B.graph


def test_graph_equals_the_one_networkx_public_api_builds(casebook, article_casebook):
    from actorgraph.build import build_graph
    from actorgraph.validate import open_casebook

    for root in (casebook(), article_casebook):
        report = open_casebook(root)
        assert_same_graph(build_graph(report), public_api_graph(report))


def test_add_claims_is_add_edges_from():
    import random

    import networkx as nx

    from actorgraph.build import add_claims

    rng = random.Random(3)
    for _ in range(200):
        nodes = [f"n{i}" for i in range(rng.randrange(1, 6))]
        # Repeated keys (data merged), self-loops, parallel edges and ends not yet nodes.
        edges = [(rng.choice(nodes), rng.choice(nodes + ["new"]), f"k{rng.randrange(8)}",
                  {rng.choice("abc"): rng.randrange(9), "x": rng.randrange(9)})
                 for _ in range(rng.randrange(12))]
        expected = nx.MultiDiGraph(name="g")
        expected.add_nodes_from(nodes[:2])
        expected.add_edges_from([(u, v, k, dict(d)) for u, v, k, d in edges])
        G = nx.MultiDiGraph(name="g")
        G.add_nodes_from(nodes[:2])
        add_claims(G, [(u, v, k, dict(d)) for u, v, k, d in edges])
        assert_same_graph(G, expected)


def test_loading_leaves_the_cycle_collector_as_it_found_it(casebook):
    import gc
    import shutil

    import pytest

    from actorgraph.build import build_graph
    from actorgraph.errors import ValidationError
    from actorgraph.validate import open_casebook

    root = casebook()
    assert gc.isenabled()
    build_graph(open_casebook(root))
    assert gc.isenabled()
    gc.disable()
    try:
        build_graph(open_casebook(root))
        assert not gc.isenabled()
    finally:
        gc.enable()
    shutil.rmtree(root)
    root = casebook("quote-not-found")
    with pytest.raises(ValidationError):
        open_casebook(root)
    assert gc.isenabled()  # also when validation fails


def _same_graph(G, H) -> bool:
    """Equal graphs, down to the order of nodes, edges, neighbours and attributes."""
    return (list(G.nodes(data=True)) == list(H.nodes(data=True))
            and [(u, v, k, list(d.items())) for u, v, k, d in G.edges(keys=True, data=True)]
            == [(u, v, k, list(d.items())) for u, v, k, d in H.edges(keys=True, data=True)]
            and [list(G.pred[n]) for n in G] == [list(H.pred[n]) for n in H]
            and G.graph == H.graph)


def test_open_and_build_gives_the_report_and_graph_of_the_steps_one_by_one(
        casebook, article_casebook):
    from actorgraph.build import build_graph, open_and_build
    from actorgraph.validate import open_casebook

    for root in (casebook(), article_casebook):
        report, G = open_and_build(root)
        alone = open_casebook(root)
        assert report.spans == alone.spans and report.warnings == alone.warnings
        assert _same_graph(G, build_graph(alone))


def test_open_and_build_builds_nothing_once_a_value_is_wrong(casebook, monkeypatch):
    import shutil

    import pytest

    from actorgraph import build
    from actorgraph.errors import ValidationError

    built = []
    real = build.graph_without_quotes
    monkeypatch.setattr(build, "graph_without_quotes", lambda book: built.append(1) or real(book))
    with pytest.raises(ValidationError) as bad_value:
        build.open_and_build(casebook("unknown-relation"))
    assert built == []  # the relation is checked before the graph would be built
    shutil.rmtree("case")
    with pytest.raises(ValidationError) as bad_quote:
        build.open_and_build(casebook("quote-not-found"))
    assert built == [1]  # built while the quotes were searched, then thrown away
    assert "unknown relation 'supplys_arms_to'" in str(bad_value.value)
    assert "source_text not found" in str(bad_quote.value)
