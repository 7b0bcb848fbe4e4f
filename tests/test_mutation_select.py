"""Selections, paths and filters on the `query` fixture (described at the top of
test_query.py): what the other tests left unpinned (found by mutation testing
with mutmut): the bounds and messages of every option, defaults, `-k` with `--directed`,
`around` deeper than one hop, the claim budget of `fitting`, documents and publishers."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from actorgraph.errors import ActorNotFound, InputError, NoPath
from actorgraph.graph.filters import Filters, filter_claims
from actorgraph.graph.paths import find_paths, hop_claims, k_searchable, shortest_paths
from actorgraph.graph.select import around, check_depth, fitting, selection, top
from helpers import FIXTURES, load_graph, run
from test_query import PAIRS


@pytest.fixture(scope="module")
def G():
    return load_graph(FIXTURES / "query")


def claims(H) -> list[str]:
    return sorted(k for _u, _v, k in H.edges(keys=True))


def message(call, *args, error=InputError, **kwargs) -> str:
    """The message of the `error` that `call(*args, **kwargs)` raises."""
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    return str(caught.value)


# --- select -------------------------------------------------------------------------------

def test_around_deeper_than_one_hop_and_by_default_one(G):
    # nunez -> gamma, epsilon (1) -> alpha, beta, delta (2); mara, mara-river, zeta further.
    chosen = selection(G, around_actor="nunez", depth=2)
    assert sorted(chosen) == ["alpha", "beta", "delta", "epsilon", "gamma", "nunez"]
    assert claims(chosen) == ["q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09",
                              "q12", "q13"]
    assert sorted(selection(G, around_actor="nunez")) == ["epsilon", "gamma", "nunez"]
    assert sorted(around(G, "nunez")) == ["epsilon", "gamma", "nunez"]


def test_export_around_an_actor_with_depth(tmp_path):
    out = tmp_path / "around.json"
    code, _out, err = run("export", "json", "--data", FIXTURES / "query", "--around", "nunez",
                          "--depth", "2", "-o", out)
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in data["nodes"]) == ["alpha", "beta", "delta", "epsilon",
                                                     "gamma", "nunez"]


def test_depth_bounds_and_messages(G):
    assert message(around, G, "alpha", -1) == "depth -1 is not 0 or more"
    assert message(check_depth, G, 0, least=1) == "depth 0 is not 1 or more"
    assert check_depth(G, 1, least=1) == 1
    assert check_depth(G, 10**20) == 9  # capped at the number of actors
    assert message(around, G, "zzz", error=ActorNotFound) == "Actor 'zzz' is not an actor"
    with pytest.raises(ActorNotFound) as caught:
        around(G, "zzz")
    assert caught.value.suggestions == []


def test_top_one_and_top_zero(G):
    assert sorted(top(G, 1)) == ["gamma"]
    assert message(top, G, 0) == "top_n 0 is not 1 or more"


def test_fitting_exactly_at_its_limits(G):
    # 9 actors and 13 claims fit in 9 and 13.
    assert fitting(G, 9, 13) is G
    assert fitting(G, 8, 13) is not G and fitting(G, 9, 12) is not G
    # gamma (7 claims), alpha (5) and beta (4) share 6 claims; delta (3) would bring 2 more.
    chosen = fitting(G, 10, 6)
    assert sorted(chosen) == ["alpha", "beta", "gamma"]
    assert claims(chosen) == ["q01", "q02", "q03", "q05", "q12", "q13"]
    assert sorted(fitting(G, 10, 8)) == ["alpha", "beta", "delta", "gamma"]


# --- paths ----------------------------------------------------------------------------------

def test_hop_claims_go_both_ways_unless_directed(G):
    assert [k for _u, _v, k, _d in hop_claims(G, "gamma", "alpha")] == [
        "q01", "q13", "q02", "q12"]  # confirmed, asserted, alleged, alleged (by id)
    assert [k for _u, _v, k, _d in hop_claims(G, "gamma", "alpha", directed=True)] == ["q12"]


def test_shortest_paths_are_undirected_by_default(G):
    assert shortest_paths(G, "alpha", "mara") == [["alpha", "beta", "mara"]]
    assert shortest_paths(G, "alpha", "mara", directed=True) == []  # mara -> beta only


def test_unknown_ends_are_named_by_role(G):
    assert message(find_paths, G, "zzz", "alpha", error=ActorNotFound) == (
        "Source 'zzz' is not an actor")
    assert message(find_paths, G, "alpha", "zzz", error=ActorNotFound) == (
        "Target 'zzz' is not an actor")
    with pytest.raises(ActorNotFound) as caught:
        find_paths(G, "alpha", "zzz")
    assert caught.value.suggestions == []


def test_k_best_with_directed_follows_the_arrows(G):
    # delta -> gamma (q04, both ways) -> alpha (q12), delta -> beta (q06) -> alpha (q05, both
    # ways), and delta -> gamma -> beta (q03) -> alpha: beta -> gamma goes against q03.
    result = find_paths(G, "delta", "alpha", directed=True, k=3)
    assert [p.actors for p in result.paths] == [["delta", "gamma", "alpha"],
                                                ["delta", "beta", "alpha"],
                                                ["delta", "gamma", "beta", "alpha"]]


def test_k_searchable_takes_what_find_paths_takes(G):
    def accepted(k, max_hops) -> bool:
        try:
            find_paths(G, "alpha", "nunez", k=k, max_hops=max_hops)
        except NoPath:  # accepted, and nothing found within max_hops
            pass
        except InputError:
            return False
        return True

    for k, max_hops in ((1, None), (1000, None), (3, 1), (0, None), (1001, None), (3, 0)):
        assert k_searchable(k, max_hops) == accepted(k, max_hops), (k, max_hops)
    assert [k_searchable(k, h) for k, h in ((1, 1), (1000, 1), (0, 1), (1001, 1), (1, 0))
            ] == [True, True, False, False, False]
    assert not k_searchable(None, None)  # no k: not a search for the k best


def test_k_best_counts_no_more_paths_and_allows_a_thousand(G):
    # Two paths of 3 hops tie for the third place: both are ranked, one is shown.
    assert find_paths(G, "alpha", "delta", k=3).more == 0
    every = list(nx.all_simple_paths(nx.Graph(PAIRS), "alpha", "delta"))
    result = find_paths(G, "alpha", "delta", k=1000)
    assert sorted(p.actors for p in result.paths) == sorted(every)
    assert result.more == 0


def test_paths_from_some_documents_or_publishers(G):
    def hop(**kw):
        return [[k for _u, _v, k, _d in h] for h in find_paths(G, "alpha", "gamma",
                                                                 **kw).paths[0].hops]

    assert hop(publishers=["Example Wire"]) == [["q01", "q02", "q12"]]  # report's claims
    assert hop(documents=["brief"]) == [["q13"]]
    with pytest.raises(NoPath) as caught:
        find_paths(G, "alpha", "delta", documents=["brief"])
    assert str(caught.value) == ("No path between 'Alpha' and 'Delta Cartel' under these "
                                 "options: documents brief")


# --- filters --------------------------------------------------------------------------------

def test_min_sources_one_keeps_every_claim_two_the_corroborated(G):
    assert claims(filter_claims(G, min_sources=1)) == claims(G)
    # alpha supplies arms to gamma: report (Example Wire) and brief (no publisher: its own).
    assert claims(filter_claims(G, min_sources=2)) == ["q01", "q13"]
    assert message(filter_claims, G, min_sources=0) == "min_sources 0 is not 1 or more"


def test_filter_messages_without_a_hint(G):
    assert message(filter_claims, G, avoid=["zzz"]) == "avoid 'zzz' is not an actor"
    assert message(filter_claims, G, documents=["zzzz"]) == (
        "documents 'zzzz' is not a source id (valid: report, brief)")
    assert message(filter_claims, G, publishers=["Nobody Press"]) == (
        "publishers 'Nobody Press' is the publisher of no source (the sources' publishers: "
        "Example Wire)")


def test_filters_on_a_graph_without_sources_or_publishers():
    H = nx.MultiDiGraph()
    H.add_edge("a", "b", key="c1", relation="supports", certainty="alleged", source_doc="",
               directed=True)
    assert message(filter_claims, H, documents=["memo"]) == (
        "documents 'memo' is not a source id (valid: none)")
    assert message(Filters.check, {"a": {"publisher": ""}}, publishers=["Wire"]) == (
        "publishers 'Wire' is the publisher of no source (the sources' publishers: none)")
    two = {"a": {"publisher": "Wire"}, "b": {"publisher": "Post"}, "c": {"publisher": "Wire"}}
    assert message(Filters.check, two, publishers=["Nobody Press"]) == (
        "publishers 'Nobody Press' is the publisher of no source (the sources' publishers: "
        "Post, Wire)")


def test_publishers_add_up_and_documents_narrow_them(G):
    sources = {"a": {"publisher": "Wire"}, "b": {"publisher": "Post"}, "c": {"publisher": ""}}
    assert Filters.check(sources, publishers=["wire", "POST"]).documents == {"a", "b"}
    assert Filters.check(sources, documents=["a", "c"], publishers=["Wire", "Post"]
                         ).documents == {"a"}
    # brief has no publisher: no claim is both from brief and from Example Wire.
    assert claims(filter_claims(G, documents=["brief"], publishers=["Example Wire"])) == []
