"""Answers from the store, read row by row, are those of the whole graph."""

from __future__ import annotations

import random

import pytest

from actorgraph import answers as query
from actorgraph.errors import ActorNotFound, AmbiguousActor
from actorgraph.graph.names import resolve
from actorgraph.store.database import Store
from helpers import assert_same_paths, random_casebook, random_claims_graph, run

FILTERS = [{}, {"min_certainty": "alleged"}, {"exclude_relations": ("finances", "allied_with")},
           {"relations": ("finances", "supplies_arms_to", "allied_with", "member_of")},
           {"avoid": ("a00", "a01")}, {"min_sources": 2}, {"documents": ("doc", "y")},
           {"publishers": ("wire",), "min_certainty": "suspected"},
           {"min_sources": 2, "min_certainty": "asserted"}]


@pytest.mark.parametrize("seed", range(12))
def test_paths_from_the_store_are_those_of_the_whole_graph(seed, stored):
    G = random_casebook(seed)
    ix = stored(G)
    rng = random.Random(seed)
    for _ in range(15):
        s, t = rng.sample(sorted(G), 2)
        for directed in (False, True):
            for filters in FILTERS:
                options = dict(directed=directed, max_hops=rng.choice((None, 2)), **filters)
                small = ix.path_graph(s, t, directed=directed, **filters)
                assert small.number_of_edges() < G.number_of_edges()
                assert_same_paths(G, small, s, t, **options)


@pytest.mark.parametrize("seed", range(8))
def test_neighbours_and_details_from_the_store_are_those_of_the_whole_graph(seed, stored):
    G = random_casebook(seed)
    ix = stored(G)
    for actor in sorted(G)[::3]:
        assert query.actor_details(ix.actor_graph(actor), actor) == query.actor_details(G, actor)
        for depth in (1, 2, 3):
            for filters in FILTERS:
                if actor in filters.get("avoid", ()):
                    continue
                small = ix.around_graph(actor, depth, **filters)
                assert (query.neighbours(small, actor, depth, **filters)
                        == query.neighbours(G, actor, depth, **filters)), (actor, depth, filters)
                for limit in (1, 5, 20):  # a farther ring left out: read no further
                    small = ix.around_graph(actor, depth, limit=limit, **filters)
                    assert (query.neighbourhood(small, actor, depth, limit, **filters)
                            == query.neighbourhood(G, actor, depth, limit, **filters))


def test_names_resolve_as_in_the_whole_graph(stored):
    G = random_casebook(0)
    ix = stored(G)
    for text in ("a07", "ACTOR 7", "alias 9", "Actor 34"):
        assert resolve(ix, text) == resolve(G, text)
    with pytest.raises(AmbiguousActor) as err:  # names repeat every 35: a01 and a36
        resolve(ix, "actor 1")
    assert "a01 (Actor 1)" in str(err.value) and "a36 (Actor 1)" in str(err.value)
    with pytest.raises(ActorNotFound) as err:
        resolve(ix, "Actr 12")
    assert "Actor 12" in str(err.value)


def test_the_whole_graph_from_the_store_is_the_graph_written(stored):
    from helpers import same_graph

    for seed in range(5):
        G = random_claims_graph(seed)
        assert same_graph(stored(G).graph(), G)


QUESTIONS = [("path", "iran", "cartel-de-los-soles"),
             ("path", "hezbollah", "nicolas-maduro", "--directed", "--min-certainty", "alleged"),
             ("path", "iran", "eln", "-k", "3"),
             ("path", "iran", "nicolas-maduro", "--avoid", "venezuela", "--format", "json"),
             ("neighbors", "hezbollah", "--depth", "2"),
             ("show", "Nicolás Maduro"),
             ("claims", "--actor", "iran", "--actor", "venezuela", "--format", "csv"),
             ("path", "nobody", "iran")]


def test_the_cli_answers_the_same_from_the_store_reading_only_what_it_needs(
        tmp_path, monkeypatch):
    from helpers import quick_store

    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    quick_store(monkeypatch)
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    uncached = [run(*q, "--data", "data") for q in QUESTIONS]
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE")
    first = [run(*q, "--data", "data") for q in QUESTIONS]  # writes the store
    assert len(list((tmp_path / "cache").glob("*.sqlite"))) == 1

    def whole(self):
        raise AssertionError("the whole graph was loaded")

    monkeypatch.setattr(Store, "graph", whole)
    served = [run(*q, "--data", "data") for q in QUESTIONS]
    assert first == uncached
    assert served == uncached
    assert [code for code, *_ in uncached] == [0, 0, 0, 0, 0, 0, 0, 1]


def test_a_limited_neighbourhood_stops_reading_at_the_ring_it_leaves_out(stored):
    G = random_casebook(3)
    ix = stored(G)
    hub = max(G, key=G.degree)
    real, read = ix.store.ends, []
    ix.store.ends = lambda actor: read.append(actor) or real(actor)
    ix.around_graph(hub, 3)
    everything = len(read)
    read.clear()
    small = ix.around_graph(hub, 3, limit=3)
    found = query.neighbourhood(small, hub, 3, 3)
    assert found.cut == 2 and {r["distance"] for r in found.rows} == {1}
    # The hub's claims, then its neighbours' until a fourth actor two hops away turns up
    # (each read twice at most: the walk, and the claims of the ties it keeps).
    assert len(set(read)) < everything / 3


def test_a_casebook_just_read_answers_without_its_whole_graph_unless_asked(
        tmp_path, monkeypatch):
    """A question on a casebook just read is answered as from the store, on a small graph
    (`held.Held`); a command that asks for the whole graph has it made once."""
    from actorgraph.store import held

    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    made, real = [], held.assemble
    monkeypatch.setattr(held, "assemble", lambda *a: made.append(1) or real(*a))
    for question in QUESTIONS[:4]:
        assert run(*question, "--data", "data")[0] == 0
    assert made == []
    assert run("claims", "--actor", "iran", "--data", "data")[0] == 0
    assert made == []
    for command in (["stats"], ["actors"], ["claims"], ["ties"]):
        made.clear()
        assert run(*command, "--data", "data")[0] == 0
        assert made == [1], command
