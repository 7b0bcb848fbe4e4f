"""Betweenness by igraph agrees with networkx's definition; large graphs get an estimate."""

from __future__ import annotations

import networkx as nx
import pytest

from actorgraph.graph import metrics, paths, select
from helpers import random_claims_graph


@pytest.fixture
def H():
    G = nx.barabasi_albert_graph(120, 2, seed=3)
    return nx.relabel_nodes(G, {n: f"a{n}" for n in G})


def test_exact_betweenness_matches_networkx(H):
    ours = metrics.betweenness(H)
    reference = nx.betweenness_centrality(H, normalized=True)
    assert ours.keys() == reference.keys()
    assert max(abs(ours[n] - reference[n]) for n in H) < 1e-12


def test_estimate_from_every_source_is_exact(H, monkeypatch):
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS", 10)
    monkeypatch.setattr(metrics, "SAMPLE_SOURCES", H.number_of_nodes())
    reference = nx.betweenness_centrality(H, normalized=True)
    ours = metrics.betweenness(H)
    assert max(abs(ours[n] - reference[n]) for n in H) < 1e-12


def test_estimate_is_repeatable_and_finds_the_hubs(H, monkeypatch):
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS", 10)
    monkeypatch.setattr(metrics, "SAMPLE_SOURCES", 40)
    first, second = metrics.betweenness(H), metrics.betweenness(H)
    assert first == second
    reference = nx.betweenness_centrality(H, normalized=True)
    top_ref = set(sorted(H, key=reference.get, reverse=True)[:5])
    top_est = set(sorted(H, key=first.get, reverse=True)[:5])
    assert len(top_ref & top_est) >= 3


def test_tiny_graphs_have_zero_betweenness():
    assert metrics.betweenness(nx.path_graph(["a", "b"])) == {"a": 0.0, "b": 0.0}


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("directed", [False, True])
def test_shortest_paths_from_both_ends_equal_networkx(seed, directed):
    G = random_claims_graph(seed, actors=30, claims=70, lone=0)
    H = paths.links(G, directed)
    for source, target in [("a00", "a01"), ("a02", "a17"), ("a05", "a29"), ("a11", "a03")]:
        try:
            expected = sorted(nx.all_shortest_paths(H, source, target))
        except nx.NetworkXNoPath:
            expected = []
        assert sorted(paths.shortest_paths(G, source, target, directed)) == expected


@pytest.mark.parametrize("seed", range(10))
def test_centrality_is_networkx_degree_projection_degree_and_betweenness(seed):
    G = random_claims_graph(seed)
    projection = nx.Graph(nx.MultiGraph(G))  # one link per pair, self-links kept
    between = nx.betweenness_centrality(projection, normalized=True)
    scores = metrics.centrality(G)
    assert list(scores) == list(G)
    for actor in G:
        assert scores[actor]["degree"] == G.degree(actor)
        assert scores[actor]["ties"] == projection.degree(actor)
        assert scores[actor]["betweenness"] == pytest.approx(between[actor], abs=1e-12)


def test_an_estimate_split_between_two_processes_is_the_one_pass_estimate(H, monkeypatch):
    import random

    import igraph

    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS", 10)
    monkeypatch.setattr(metrics, "SAMPLE_SOURCES", 41)  # an odd count: unequal halves
    nodes = list(H)
    n = len(nodes)
    g = igraph.Graph(n=n, edges=[(nodes.index(u), nodes.index(v)) for u, v in H.edges()])
    sources = random.Random(0).sample(range(n), 41)
    raw = g.betweenness(directed=False, sources=sources)
    scale = 2 / ((n - 1) * (n - 2)) * n / 41
    ours = metrics.betweenness(H)
    assert [ours[a] for a in nodes] == pytest.approx([r * scale for r in raw], abs=1e-12)


@pytest.mark.parametrize("seed", range(20))
def test_the_first_of_a_ranking_are_the_head_of_the_whole_ranking(seed):
    import random

    rng = random.Random(seed)
    G = random_claims_graph(seed)
    scores = {a: {"degree": rng.choice([0, 1, 1, 2, 3, 3, 3])} for a in G}  # many ties
    whole = select.ranked(G, scores, "degree")
    assert sorted(whole) == sorted(G)
    for first in (0, 1, 2, 5, 17, len(G), len(G) + 3):
        assert select.ranked(G, scores, "degree", first) == whole[:first]


@pytest.mark.parametrize("seed", range(10))
def test_stats_count_ties_as_the_plain_definition_does(seed):
    from actorgraph import answers as query
    from actorgraph.schema import CERTAINTY_RANK
    from test_ties import naive_ties

    G = random_claims_graph(seed)
    pairs = {frozenset((u, v)) for u, v in G.edges()}
    found = naive_ties(G)
    single = [t for t in found.values() if len(t["docs"]) == 1]
    corroborated = [t for t in found.values() if len(t["publishers"]) >= 2]
    disputed = [t for t in found.values() if t["affirming"] and t["denying"]]
    weak = [key for key, t in found.items() if t["affirming"] and min(
        CERTAINTY_RANK[G.edges[u, v, k]["certainty"]] for u, v, k in G.edges(keys=True)
        if k in t["claims"] and G.edges[u, v, k]["stance"] != "denies")
        >= CERTAINTY_RANK["suspected"]]
    summary = query.stats(G)
    assert (summary["claims"], summary["pairs"], summary["ties"]) == (
        G.number_of_edges(), len(pairs), len(found))
    assert summary["single_source"] == {"ties": len(single),
                                        "claims": sum(len(t["claims"]) for t in single)}
    assert summary["corroborated"] == {"ties": len(corroborated),
                                       "claims": sum(len(t["claims"]) for t in corroborated)}
    assert summary["disputed"] == {"ties": len(disputed),
                                   "claims": sum(len(t["claims"]) for t in disputed)}
    assert summary["suspicion_only"] == {"ties": len(weak),
                                         "claims": sum(len(found[k]["claims"]) for k in weak)}
    assert summary["documents"] == len({d for *_, d in G.edges(data="source_doc")})
    assert sum(summary["relations"].values()) == G.number_of_edges()
