"""The compact index gives the answers the whole graph gives, and reads only what they need."""

from __future__ import annotations

import random

import networkx as nx
import pytest
from click.testing import CliRunner

from actorgraph import cache, index, query
from actorgraph.build import load_graph
from actorgraph.cli import cli
from actorgraph.errors import ActorGraphError, ActorNotFound, AmbiguousActor, NoPath
from actorgraph.lookup import resolve
from actorgraph.schema import CERTAINTIES, RELATIONS
from actorgraph.select import find_paths


def random_casebook(seed: int, actors: int = 40, claims: int = 90) -> nx.MultiDiGraph:
    """A graph shaped as `build.build_graph` makes them: parallel claims, every relation
    (so directed and undirected ones), every certainty, names that collide."""
    rng = random.Random(seed)
    G = nx.MultiDiGraph(casebook="case", sources={"doc": {"id": "doc", "title": "A Doc"}})
    for i in range(actors):
        G.add_node(f"a{i:02d}", id=f"a{i:02d}", name=f"Actor {i % 35}", type="state",
                   aliases=[f"alias {i}"] if i % 3 == 0 else [], description="")
    ids = sorted(G)
    for i in range(claims):
        u, v = rng.sample(ids[: rng.choice((10, 25, actors))], 2)  # hubs among the first
        relation = rng.choice(list(RELATIONS))
        G.add_edge(u, v, key=f"c{i:03d}", id=f"c{i:03d}", relation=relation,
                   directed=RELATIONS[relation].directed, certainty=rng.choice(list(CERTAINTIES)),
                   source_text=f"quote {i}", source_doc="doc", claimed_by="someone",
                   date="", notes="", paragraph=1, start=0, end=7)
    return G


def in_memory(G: nx.MultiDiGraph) -> index.Index:
    return index.Index.from_sections(index.sections(G, []), lambda: (G, []))


def answer(G, source, target, **options):
    try:
        return query.path_records(G, find_paths(G, source, target, **options))
    except NoPath as err:
        return str(err)


FILTERS = [{}, {"min_certainty": "alleged"}, {"exclude_relations": ("finances", "allied_with")},
           {"relations": ("finances", "supplies_arms_to", "allied_with", "member_of")},
           {"avoid": ("a00", "a01")}]


@pytest.mark.parametrize("seed", range(12))
def test_paths_from_the_index_are_those_of_the_whole_graph(seed):
    G = random_casebook(seed)
    ix = in_memory(G)
    rng = random.Random(seed)
    for _ in range(15):
        s, t = rng.sample(sorted(G), 2)
        for directed in (False, True):
            for filters in FILTERS:
                options = dict(directed=directed, max_hops=rng.choice((None, 2)), **filters)
                small = ix.path_graph(s, t, directed=directed, **filters)
                assert small.number_of_edges() < G.number_of_edges()
                try:
                    expected = answer(G, s, t, **options)
                except ActorGraphError as err:  # the same error must come back
                    with pytest.raises(type(err), match=str(err)):
                        answer(small, s, t, **options)
                    continue
                assert answer(small, s, t, **options) == expected, (s, t, options)


@pytest.mark.parametrize("seed", range(8))
def test_neighbours_and_details_from_the_index_are_those_of_the_whole_graph(seed):
    G = random_casebook(seed)
    ix = in_memory(G)
    for actor in sorted(G)[::3]:
        assert query.actor_details(ix.actor_graph(actor), actor) == query.actor_details(G, actor)
        for depth in (1, 2, 3):
            for filters in FILTERS:
                if actor in filters.get("avoid", ()):
                    continue
                small = ix.around_graph(actor, depth, **filters)
                assert (query.neighbours(small, actor, depth, **filters)
                        == query.neighbours(G, actor, depth, **filters)), (actor, depth, filters)


def test_names_resolve_as_in_the_whole_graph():
    G = random_casebook(0)
    ix = in_memory(G)
    for text in ("a07", "ACTOR 7", "alias 9", "Actor 34"):
        assert resolve(ix, text) == resolve(G, text)
    with pytest.raises(AmbiguousActor) as err:  # names repeat every 35: a01 and a36
        resolve(ix, "actor 1")
    assert "a01 (Actor 1)" in str(err.value) and "a36 (Actor 1)" in str(err.value)
    with pytest.raises(ActorNotFound) as err:
        resolve(ix, "Actr 12")
    assert "Actor 12" in str(err.value)


@pytest.fixture
def cached(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "RACY_NS", 50_000_000)
    return tmp_path / "cache"


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


QUESTIONS = [("path", "iran", "cartel-de-los-soles"),
             ("path", "hezbollah", "nicolas-maduro", "--directed", "--min-certainty", "alleged"),
             ("path", "iran", "eln", "-k", "3"),
             ("path", "iran", "nicolas-maduro", "--avoid", "venezuela", "--format", "json"),
             ("neighbors", "hezbollah", "--depth", "2"),
             ("show", "Nicolás Maduro"),
             ("claims", "--actor", "iran", "--actor", "venezuela", "--format", "csv"),
             ("path", "nobody", "iran")]


def test_the_cli_answers_the_same_from_the_cache(cached, monkeypatch):
    import time

    time.sleep(0.06)  # the casebook's files count as settled (cache.RACY_NS)
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    uncached = [run(*q, "--data", "data") for q in QUESTIONS]
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE")
    first = [run(*q, "--data", "data") for q in QUESTIONS]  # builds the cache
    assert len(list(cached.glob("*.graph"))) == 1

    monkeypatch.setattr(cache.Entry, "unpickle", _only_index(cache.Entry.unpickle))
    served = [run(*q, "--data", "data") for q in QUESTIONS if "-k" not in q]
    assert first == uncached
    assert served == [a for q, a in zip(QUESTIONS, uncached) if "-k" not in q]
    assert [code for code, _ in uncached] == [0, 0, 0, 0, 0, 0, 0, 1]


def _only_index(unpickle):
    def guarded(self, name):
        assert name != "graph", "the whole graph was loaded"
        return unpickle(self, name)
    return guarded


def test_a_corrupt_block_is_never_trusted(cached):
    import time

    time.sleep(0.06)
    expected = run("show", "iran", "--data", "data")
    [entry] = cached.glob("*.graph")
    opened = cache.open_entry("data")
    where = opened._start + opened._sections["records"][0]
    opened._handle.close()
    data = bytearray(entry.read_bytes())
    for at in range(where + 10, where + opened._sections["records"][1], 4000):
        data[at] ^= 0xFF  # damage every block
    entry.write_bytes(bytes(data))
    assert run("show", "iran", "--data", "data") == expected
    assert run("path", "iran", "eln", "--data", "data")[0] == 0
    assert load_graph("data").number_of_nodes() > 40
