"""Selections, paths and answers on the small `query` fixture casebook.

The fixture (tests/fixtures/query) in brief; `->` a directed relation, `--` an undirected one:
  q01 alpha -> gamma supplies_arms_to confirmed     q08 nunez -- epsilon met_with implied
  q02 alpha -> gamma supports alleged               q09 epsilon -> delta finances suspected
  q03 gamma -> beta operates_in asserted            q10 mara -> beta official_of confirmed
  q04 gamma -- delta traffics_with alleged          q11 mara-river -> zeta part_of confirmed
  q05 alpha -- beta allied_with confirmed           q12 gamma -> alpha requests_from alleged
  q06 delta -> beta operates_in suspected           q13 alpha -> gamma supplies_arms_to asserted
  q07 nunez -> gamma leads asserted                 (q09, q11, q13 from `brief`, the rest `report`)
"""

from __future__ import annotations

import networkx as nx
import pytest

from actorgraph import answers as query
from actorgraph.errors import InputError, NoPath
from actorgraph.graph.filters import filter_claims
from actorgraph.graph.paths import find_paths, path_subgraph
from actorgraph.graph.select import around, fitting, selection, top
from helpers import FIXTURES, load_graph

# The fixture's actor pairs, listed by hand: the independent check of the simple projection.
PAIRS = [("alpha", "gamma"), ("gamma", "beta"), ("gamma", "delta"), ("alpha", "beta"),
         ("delta", "beta"), ("nunez", "gamma"), ("nunez", "epsilon"), ("epsilon", "delta"),
         ("mara", "beta"), ("mara-river", "zeta")]


@pytest.fixture(scope="module")
def G():
    return load_graph(FIXTURES / "query")


def actors(result):
    return [p.actors for p in result.paths]


def claim_ids(path):
    return [[key for _u, _v, key, _attrs in hop] for hop in path.hops]


def test_shortest_paths_rank_by_weakest_claim_before_actor_ids(G):
    result = find_paths(G, "alpha", "delta")
    # via gamma: weakest hop is q04 (alleged); via beta: q06 (suspected). "beta" < "gamma",
    # so only the strength ranking puts the gamma route first.
    assert actors(result) == [["alpha", "gamma", "delta"], ["alpha", "beta", "delta"]]
    assert [p.weakest for p in result.paths] == ["alleged", "suspected"]
    assert result.more == 0


def test_hop_lists_parallel_claims_both_directions_strongest_first(G):
    first = find_paths(G, "alpha", "delta").paths[0]
    assert claim_ids(first) == [["q01", "q13", "q02", "q12"], ["q04"]]


def test_directed_follows_arrows_and_keeps_undirected_both_ways(G):
    result = find_paths(G, "delta", "alpha", directed=True)
    assert actors(result) == [["delta", "gamma", "alpha"], ["delta", "beta", "alpha"]]
    # gamma -> alpha: only q12 (gamma requests_from alpha) goes that way.
    assert claim_ids(result.paths[0]) == [["q04"], ["q12"]]
    undirected = find_paths(G, "delta", "alpha")
    assert claim_ids(undirected.paths[0]) == [["q04"], ["q01", "q13", "q02", "q12"]]


def test_directed_can_leave_no_path(G):
    with pytest.raises(NoPath) as caught:
        find_paths(G, "alpha", "mara", directed=True)
    assert str(caught.value) == ("No path between 'Alpha' and 'Mara' under these options: "
                                 "directed")
    assert caught.value.describe(lambda p: "--" + p) == (
        "No path between 'Alpha' and 'Mara' under these options: --directed")
    assert actors(find_paths(G, "alpha", "mara")) == [["alpha", "beta", "mara"]]


def test_unconnected_actors(G):
    with pytest.raises(NoPath) as caught:
        find_paths(G, "alpha", "zeta")
    assert str(caught.value) == ("No path between 'Alpha' and 'Zeta': no chain of claims "
                                 "connects them")


def test_k_best_ranks_every_path_of_the_last_length(G):
    result = find_paths(G, "alpha", "delta", k=3)
    # Of the two 3-hop paths, alpha-beta-gamma-delta (weakest q04, alleged) beats
    # alpha-gamma-beta-delta (weakest q06, suspected).
    assert actors(result) == [["alpha", "gamma", "delta"], ["alpha", "beta", "delta"],
                              ["alpha", "beta", "gamma", "delta"]]
    assert actors(find_paths(G, "alpha", "delta", k=4))[3] == ["alpha", "gamma", "beta", "delta"]
    assert len(find_paths(G, "alpha", "delta", k=4, max_hops=2).paths) == 2


def test_filters_change_the_paths(G):
    assert actors(find_paths(G, "alpha", "delta", avoid=["gamma"])) == [
        ["alpha", "beta", "delta"]]
    assert actors(find_paths(G, "alpha", "delta", min_certainty="alleged")) == [
        ["alpha", "gamma", "delta"]]
    assert actors(find_paths(G, "alpha", "delta", exclude_relations=["traffics_with"])) == [
        ["alpha", "beta", "delta"]]
    only = find_paths(G, "alpha", "delta", relations=["supports", "traffics_with"])
    assert claim_ids(only.paths[0]) == [["q02"], ["q04"]]


def test_no_path_names_the_options_that_restricted_it(G):
    with pytest.raises(NoPath) as caught:
        find_paths(G, "alpha", "delta", max_hops=1, relations=["traffics_with"],
                   avoid=["beta"], min_certainty="confirmed")
    assert str(caught.value) == (
        "No path between 'Alpha' and 'Delta Cartel' under these options: max_hops 1, "
        "relations traffics_with, min_certainty confirmed, avoid beta")


@pytest.mark.parametrize("kwargs, message", [
    (dict(target="alpha"), "a path needs two different actors; both ends are 'alpha'"),
    (dict(avoid=["delta"]), "avoid 'delta' is an end of the path"),
    (dict(k=0), "k 0 is not a number of paths from 1 to 1,000"),
    (dict(k=1001), "k 1001 is not a number of paths from 1 to 1,000"),
    (dict(max_hops=0), "max_hops 0 is not 1 or more"),
    (dict(min_certainty="likely"), "min_certainty 'likely' is not a certainty level (did you "
     "mean 'suspected'? valid, strongest first: confirmed, asserted, alleged, suspected, "
     "implied)"),
])
def test_bad_path_options(G, kwargs, message):
    options = {"target": "delta", **kwargs}
    with pytest.raises(InputError) as caught:
        find_paths(G, "alpha", options.pop("target"), **options)
    assert str(caught.value) == message


def test_the_smallest_allowed_values_are_allowed(G):
    assert actors(find_paths(G, "alpha", "delta", k=1)) == [["alpha", "gamma", "delta"]]
    assert actors(find_paths(G, "alpha", "delta", max_hops=2)) == actors(
        find_paths(G, "alpha", "delta"))
    with pytest.raises(NoPath):
        find_paths(G, "alpha", "delta", max_hops=1)
    assert sorted(around(G, "delta", depth=0)) == ["delta"]


def test_bad_relation_lists_the_valid_ones(G):
    with pytest.raises(InputError) as caught:
        filter_claims(G, exclude_relations=["funds"])
    assert caught.value.param == "exclude_relations"
    assert str(caught.value).startswith("exclude_relations 'funds' is not a relation type "
                                        "(did you mean 'finances'? valid: allied_with, "
                                        "cooperates_with, met_with,")


def test_filter_claims_is_a_view_that_leaves_G_alone(G):
    view = filter_claims(G, min_certainty="asserted", avoid=["mara"])
    assert sorted(k for _u, _v, k in view.edges(keys=True)) == ["q01", "q03", "q05", "q07",
                                                                 "q11", "q13"]
    assert "mara" not in view and "epsilon" in view
    assert G.number_of_edges() == 13 and "mara" in G
    assert filter_claims(G) is G


def test_around_takes_every_claim_among_the_actors_within_depth(G):
    sub = around(G, "nunez", 1)
    assert sorted(sub) == ["epsilon", "gamma", "nunez"]
    assert sorted(k for _u, _v, k in sub.edges(keys=True)) == ["q07", "q08"]
    assert sorted(around(G, "mara-river", 5)) == ["mara-river", "zeta"]


def test_path_subgraph_keeps_only_the_claims_along_the_paths(G):
    sub = path_subgraph(G, "nunez", "delta", min_certainty="alleged")
    assert sorted(sub) == ["delta", "gamma", "nunez"]
    assert sorted(k for _u, _v, k in sub.edges(keys=True)) == ["q04", "q07"]


def test_top_by_degree(G):
    # degrees (claims): gamma 7, alpha 5, beta 4, delta 3
    sub = top(G, 3)
    assert sorted(sub) == ["alpha", "beta", "gamma"]
    assert sorted(k for _u, _v, k in sub.edges(keys=True)) == ["q01", "q02", "q03", "q05",
                                                                 "q12", "q13"]


def test_fitting_keeps_the_busiest_actors_that_fit(G):
    # degrees: gamma 7, alpha 5, beta 4, delta 3; the top three share 6 claims
    assert fitting(G, 10, 100) is G
    assert sorted(fitting(G, 3, 100)) == ["alpha", "beta", "gamma"]
    assert fitting(G, 3, 100).number_of_edges() == 6
    assert sorted(fitting(G, 10, 5)) == ["alpha", "gamma"]  # a third actor brings 6 claims
    assert sorted(fitting(G, 1, 100)) == ["gamma"]


def test_selection_combines_filters_and_around_and_copies(G):
    chosen = selection(G, around_actor="alpha", depth=1, relations=["supplies_arms_to"])
    assert sorted(chosen) == ["alpha", "gamma"]
    assert sorted(k for _u, _v, k in chosen.edges(keys=True)) == ["q01", "q13"]
    chosen.add_node("new")  # a copy, not a frozen view
    assert "new" not in G
    assert selection(G) is G


def test_neighbours_with_distance_via_and_relations(G):
    rows = query.neighbours(G, "alpha", 2)
    assert [(r["id"], r["distance"], r["via"], r["relations"]) for r in rows] == [
        ("beta", 1, ["alpha"], ["allied_with"]),
        ("gamma", 1, ["alpha"], ["requests_from", "supplies_arms_to", "supports"]),
        ("nunez", 2, ["gamma"], ["leads"]),             # Álvaro Núñez sorts as "alvaro"
        ("delta", 2, ["beta", "gamma"], ["operates_in", "traffics_with"]),
        ("mara", 2, ["beta"], ["official_of"]),
    ]
    assert [r["id"] for r in query.neighbours(G, "alpha", 2, avoid=("beta",))] == [
        "gamma", "nunez", "delta"]


def test_actor_rows_degree_ties_betweenness(G):
    rows = {r["id"]: r for r in query.actor_rows(G)}
    assert {a: (r["degree"], r["ties"]) for a, r in rows.items()} == {
        "alpha": (5, 2), "beta": (4, 4), "gamma": (7, 4), "delta": (3, 3), "nunez": (2, 2),
        "epsilon": (2, 2), "mara": (1, 1), "mara-river": (1, 1), "zeta": (1, 1)}
    expected = nx.betweenness_centrality(nx.Graph(PAIRS), normalized=True)
    assert {a: r["betweenness"] for a, r in rows.items()} == pytest.approx(expected)
    by_degree = [r["id"] for r in query.actor_rows(G, sort="degree")]
    assert by_degree == ["gamma", "alpha", "beta", "delta", "nunez", "epsilon", "mara",
                         "mara-river", "zeta"]
    assert [r["id"] for r in query.actor_rows(G, types=["person", "territory"])] == [
        "nunez", "mara", "mara-river"]


def test_claim_rows_filters(G):
    def ids(**kw):
        return [r["id"] for r in query.claim_rows(G, **kw)]

    assert ids(actors=["gamma"]) == ["q01", "q02", "q03", "q04", "q07", "q12", "q13"]
    assert ids(actors=["alpha", "gamma"]) == ["q01", "q02", "q12", "q13"]
    assert ids(certainties=["suspected", "implied"]) == ["q06", "q08", "q09"]
    assert ids(claimed_by="DIPLOMAT") == ["q02"]
    assert ids(text="nunez") == ["q07", "q08"]
    assert ids(text="capitán", relations=["leads"]) == ["q07"]
    with pytest.raises(InputError, match="certainties 'sure' is not a certainty level"):
        ids(certainties=["sure"])


def test_claim_record_fields(G):
    from actorgraph.graph.ties import claim_ties, ties

    record = query.claim_record(G, "delta", "beta", "q06", claim_ties(ties(G))["q06"])
    assert record == {
        "id": "q06", "source": "delta", "source_name": "Delta Cartel", "target": "beta",
        "target_name": "Beta", "relation": "operates_in", "relation_label": "operates in",
        "directed": True, "certainty": "suspected", "stance": "affirms",
        "claimed_by": "analysts", "claimed_by_actor": "", "date": "", "document": "report",
        "document_title": "Alpha and its Friends", "publisher": "Example Wire",
        "paragraph": 3, "quote": "The Delta Cartel may be operating in Beta.",
        "notes": "@analysts: unconfirmed", "tie_documents": 1, "tie_publishers": 1,
        "tie_disputed": False}
    assert tuple(record) == query.CLAIM_FIELDS


def test_actor_details_group_claims_by_relation_in_schema_order(G):
    details = query.actor_details(G, "gamma")
    assert details["aliases"] == ["the Brigade"]
    assert [(rel, [(c["id"], c["arrow"], c["other"]) for c in cs])
            for rel, cs in details["claims"].items()] == [
        ("requests_from", [("q12", "→", "alpha")]),
        ("supports", [("q02", "←", "alpha")]),
        ("supplies_arms_to", [("q01", "←", "alpha"), ("q13", "←", "alpha")]),
        ("operates_in", [("q03", "→", "beta")]),
        ("traffics_with", [("q04", "—", "delta")]),
        ("leads", [("q07", "←", "nunez")]),
    ]


def test_stats(G):
    s = query.stats(G)
    assert (s["actors"], s["claims"], s["documents"], s["pairs"]) == (9, 13, 2, 10)
    assert s["actor_types"] == {"state": 3, "territory": 1, "armed_group": 1,
                                "criminal_network": 1, "organisation": 1, "person": 2}
    assert s["certainties"] == {"confirmed": 4, "asserted": 3, "alleged": 3, "suspected": 2,
                                "implied": 1}
    assert s["relations"]["supplies_arms_to"] == 2 and s["relations"]["operates_in"] == 2
    assert sum(s["relations"].values()) == 13
    assert (s["components"], s["component_sizes"]) == (2, [7, 2])
    assert [r["id"] for r in s["top_degree"]] == ["gamma", "alpha", "beta", "delta", "nunez"]
    expected = nx.betweenness_centrality(nx.Graph(PAIRS), normalized=True)
    brokers = sorted(expected, key=lambda a: -expected[a])[:5]
    assert [r["id"] for r in s["top_betweenness"]] == brokers
    # 12 ties: alpha supplies arms to gamma rests on report (Example Wire) and brief (no
    # publisher: its own), q01 and q13; every other tie on one claim of one document.
    assert s["ties"] == 12
    assert s["corroborated"] == {"ties": 1, "claims": 2}
    assert s["single_source"] == {"ties": 11, "claims": 11}
    assert s["disputed"] == {"ties": 0, "claims": 0}
    # delta-beta (q06), nunez-epsilon (q08), epsilon-delta (q09)
    assert s["suspicion_only"] == {"ties": 3, "claims": 3}


def test_the_actor_asked_about_cannot_be_avoided(G):
    with pytest.raises(InputError, match=r"^avoid 'beta' is the actor asked about$"):
        query.neighbours(G, "beta", 1, avoid=("beta",))
    with pytest.raises(InputError, match=r"^avoid 'beta' is the actor the selection is around$"):
        selection(G, around_actor="beta", avoid=("beta",))


def test_rings_past_the_limit_are_left_out_whole_whatever_the_order_of_neighbours():
    import random

    import networkx as nx

    from actorgraph.graph.paths import rings

    for seed in range(30):
        rng = random.Random(seed)
        G = nx.gnm_random_graph(40, rng.randrange(20, 120), seed=seed)
        start, depth, limit = 0, rng.randrange(1, 5), rng.choice((None, 0, 1, 3, 8, 20))
        full = nx.single_source_shortest_path_length(G, start, cutoff=depth)
        within = {d: sum(1 for x in full.values() if 0 < x <= d) for d in range(depth + 1)}
        cut = next((d for d in range(2, depth + 1) if limit is not None and within[d] > limit),
                   None)
        expected = {v: d for v, d in full.items() if cut is None or d < cut}

        def shuffled(u, G=G, rng=rng):
            around = list(G[u])
            rng.shuffle(around)
            return around

        found = rings(start, shuffled, depth, limit)
        assert (found.distance, found.cut) == (expected, cut), seed
        if cut is not None:  # what of the ring left out was found: past the limit, no more
            assert len(expected) - 1 + len(found.beyond) == max(limit + 1, len(expected))
            assert all(full[v] == cut and full[u] == cut - 1 and G.has_edge(u, v)
                       for v, u in found.beyond.items())
