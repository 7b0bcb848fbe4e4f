"""Betweenness by igraph agrees with networkx's definition; large graphs get an estimate."""

from __future__ import annotations

import networkx as nx
import pytest

from actorgraph import select


@pytest.fixture
def H():
    G = nx.barabasi_albert_graph(120, 2, seed=3)
    return nx.relabel_nodes(G, {n: f"a{n}" for n in G})


def test_exact_betweenness_matches_networkx(H):
    ours = select.betweenness(H)
    reference = nx.betweenness_centrality(H, normalized=True)
    assert ours.keys() == reference.keys()
    assert max(abs(ours[n] - reference[n]) for n in H) < 1e-12


def test_estimate_from_every_source_is_exact(H, monkeypatch):
    monkeypatch.setattr(select, "EXACT_BETWEENNESS", 10)
    monkeypatch.setattr(select, "SAMPLE_SOURCES", H.number_of_nodes())
    reference = nx.betweenness_centrality(H, normalized=True)
    ours = select.betweenness(H)
    assert max(abs(ours[n] - reference[n]) for n in H) < 1e-12


def test_estimate_is_repeatable_and_finds_the_hubs(H, monkeypatch):
    monkeypatch.setattr(select, "EXACT_BETWEENNESS", 10)
    monkeypatch.setattr(select, "SAMPLE_SOURCES", 40)
    first, second = select.betweenness(H), select.betweenness(H)
    assert first == second
    reference = nx.betweenness_centrality(H, normalized=True)
    top_ref = set(sorted(H, key=reference.get, reverse=True)[:5])
    top_est = set(sorted(H, key=first.get, reverse=True)[:5])
    assert len(top_ref & top_est) >= 3


def test_tiny_graphs_have_zero_betweenness():
    assert select.betweenness(nx.path_graph(["a", "b"])) == {"a": 0.0, "b": 0.0}


def random_casebook_graph(seed: int) -> nx.MultiDiGraph:
    import random

    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    G.add_nodes_from(f"a{i}" for i in range(30))
    for i in range(70):
        u, v = rng.sample(sorted(G), 2)
        G.add_edge(u, v, key=f"c{i}", directed=rng.random() < 0.6)
    return G


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize("directed", [False, True])
def test_shortest_paths_from_both_ends_equal_networkx(seed, directed):
    G = random_casebook_graph(seed)
    H = select.links(G, directed)
    for source, target in [("a0", "a1"), ("a2", "a17"), ("a5", "a29"), ("a11", "a3")]:
        try:
            expected = sorted(nx.all_shortest_paths(H, source, target))
        except nx.NetworkXNoPath:
            expected = []
        assert sorted(select.shortest_paths(G, source, target, directed)) == expected
