"""`path -k` from the store: Yen's search over the store's indexes (`paths.simple_paths`)
finds the paths networkx finds on the whole graph, and the small graph of them answers as the
whole graph does."""

from __future__ import annotations

import random
from collections import Counter

import networkx as nx
import pytest

from actorgraph.errors import ActorGraphError
from actorgraph.graph.paths import MAX_K, find_paths, k_best, links, simple_paths, steps
from actorgraph.store.database import Store
from helpers import assert_same_paths, path_answer, random_casebook

FILTERS = [{}, {"min_certainty": "alleged"}, {"exclude_relations": ("finances", "allied_with")},
           {"avoid": ("a00", "a01")}, {"min_sources": 2}, {"documents": ("doc", "y")},
           {"publishers": ("wire",), "min_certainty": "suspected"}]


@pytest.mark.parametrize("seed", range(12))
def test_k_best_paths_from_the_store_are_those_of_the_whole_graph(seed, stored):
    G = random_casebook(seed, lone=2, loops=0.03)
    ix = stored(G)
    rng = random.Random(seed)
    smaller = 0
    for _ in range(12):
        s, t = rng.sample(sorted(G), 2)
        for directed in (False, True):
            for filters in FILTERS:
                options = dict(directed=directed, k=rng.choice((1, 2, 3, 5, 12)),
                               max_hops=rng.choice((None, None, 2, 3)), **filters)
                small = ix.path_graph(s, t, **options)
                smaller += small.number_of_edges() < G.number_of_edges()
                assert_same_paths(G, small, s, t, **options)
    assert smaller > 12 * 2 * len(FILTERS) * 0.9  # the point: most answers read a little


@pytest.mark.parametrize("seed", range(30))
def test_simple_paths_lists_every_simple_path_shortest_first(seed):
    """Against networkx's list of every simple path, on small random graphs (claims both
    ways, parallel claims, claims tying an actor to itself, directed and not)."""
    G = random_casebook(seed, actors=9, claims=rng_claims(seed), lone=2, loops=0.03)
    for directed in (False, True):
        H = links(G, directed)
        for s, t in random.Random(seed).sample([(a, b) for a in G for b in G if a != b], 8):
            got = list(simple_paths(s, t, *steps(G, directed), directed))
            lengths = [len(p) for p in got]
            assert lengths == sorted(lengths)
            assert Counter(map(tuple, got)) == Counter(
                map(tuple, nx.all_simple_paths(H, s, t)))


def rng_claims(seed: int) -> int:
    return random.Random(seed).choice((6, 10, 14, 20))


@pytest.mark.parametrize("seed", range(10))
def test_k_best_keeps_every_path_as_long_as_the_kth(seed):
    G = random_casebook(seed, actors=12, claims=30, lone=2, loops=0.03)
    for directed in (False, True):
        s, t = random.Random(seed).sample(sorted(G), 2)
        every = [p for p in nx.all_simple_paths(links(G, directed), s, t)]
        for k in (1, 2, 3, 7):
            for max_hops in (None, 2, 3):
                chosen = k_best(simple_paths(s, t, *steps(G, directed), directed), k, max_hops)
                within = sorted(len(p) for p in every
                                if max_hops is None or len(p) - 1 <= max_hops)
                limit = within[k - 1] if len(within) >= k else float("inf")
                assert sorted(map(tuple, chosen)) == sorted(
                    tuple(p) for p in every if len(p) <= limit
                    and (max_hops is None or len(p) - 1 <= max_hops))


def test_options_find_paths_refuses_are_refused_as_from_the_whole_graph(stored):
    G = random_casebook(3, lone=2, loops=0.03)
    ix = stored(G)
    s, t = "a02", "a05"
    for options in ({"k": 0}, {"k": MAX_K + 1}, {"k": 3, "max_hops": 0},
                    {"k": 3, "avoid": ("a02",)}):
        small = ix.path_graph(s, t, **options)
        with pytest.raises(ActorGraphError) as whole:
            find_paths(G, s, t, **options)
        with pytest.raises(type(whole.value), match=str(whole.value)):
            find_paths(small, s, t, **options)
        assert small.number_of_edges() == 0  # nothing was searched


def test_the_casebook_answers_path_k_from_its_store(casebook, monkeypatch, tmp_path):
    from actorgraph.workspace import open_casebook
    from helpers import quick_store

    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    root = casebook(base="query")
    quick_store(monkeypatch)
    with open_casebook(root) as book:  # read, then stored
        whole = book.graph()
    with open_casebook(root) as book:
        assert book.from_store
        monkeypatch.setattr(Store, "graph", lambda *a: pytest.fail("the whole graph"))
        actors = sorted(whole)
        for s, t in zip(actors, reversed(actors)):
            if s == t:
                continue
            small = book.path_graph(s, t, k=3)
            assert path_answer(small, s, t, k=3) == path_answer(whole, s, t, k=3)
