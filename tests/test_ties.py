"""Ties and what stands behind them, on tests/fixtures/ties (four documents of ours, three
publishers and one without):

  t1 aldovia -> front supplies_arms_to   wire-arms (Example Wire)      two border officials
  t2 aldovia -> front supplies_arms_to   monitor (Border Monitor)      the author
  t3 front -> brenn operates_in          wire-arms (Example Wire)      the officials
  t4 front -> brenn operates_in          wire-follow (Example Wire)    residents
  t5 brenn -> front supports             monitor                       a defector
  t6 brenn -> front supports, DENIED     monitor                       Marek Vos (an actor)
  t7 corvin -> front finances            blog (no publisher)           a local blogger
  t8 aldovia -- brenn allied_with        wire-arms                     the author
  t9 brenn -- aldovia allied_with        monitor                       the author
  t10 front -> harrow attacks            monitor
  t11 western-bloc -> aldovia sanctions  wire-arms
"""

from __future__ import annotations

import json

import pytest

from actorgraph.graph.ties import tie_key, ties
from helpers import FIXTURES, load_graph, random_claims_graph, run

TIES = FIXTURES / "ties"


@pytest.fixture(scope="module")
def G():
    return load_graph(TIES)


def test_the_fixture_validates_strictly():
    code, out, err = run("validate", "--strict", "--data", TIES)
    assert (code, err) == (0, ""), err
    assert out.startswith("ok: 7 actors, 11 claims, 4 sources")


def test_ties_counted_by_hand(G):
    found = {key: tie.record() for key, tie in ties(G).items()}
    assert len(found) == 7
    assert found["aldovia", "supplies_arms_to", "front"] == {
        "source": "aldovia", "relation": "supplies_arms_to", "target": "front", "claims": 2,
        "documents": 2, "publishers": 2, "claimants": 2, "affirming": 2, "denying": 0,
        "strongest_certainty": "asserted"}
    # Two documents of one publisher: one independent source.
    operates = found["front", "operates_in", "brenn"]
    assert (operates["documents"], operates["publishers"]) == (2, 1)
    # Affirmed by a defector, denied by Marek Vos: disputed; the denial supports nothing.
    supports = found["brenn", "supports", "front"]
    assert (supports["affirming"], supports["denying"], supports["documents"],
            supports["strongest_certainty"]) == (1, 1, 1, "alleged")
    # An undirected relation claimed both ways is one tie.
    allied = found["aldovia", "allied_with", "brenn"]
    assert (allied["claims"], allied["publishers"], allied["strongest_certainty"]) == (
        2, 2, "confirmed")
    # A document without a publisher counts as its own.
    assert found["corvin", "finances", "front"]["publishers"] == 1


def test_the_ties_command_and_its_filters():
    def ties_json(*options):
        code, out, err = run("ties", "--data", TIES, "--format", "json", *options)
        assert code == 0, err
        return [(t["source"], t["relation"], t["target"]) for t in json.loads(out)]

    assert ties_json("--corroborated") == [("aldovia", "allied_with", "brenn"),
                                           ("aldovia", "supplies_arms_to", "front")]
    assert ties_json("--disputed") == [("brenn", "supports", "front")]
    assert set(ties_json("--single-source")) == {
        ("brenn", "supports", "front"), ("corvin", "finances", "front"),
        ("front", "attacks", "harrow"), ("western-bloc", "sanctions", "aldovia")}
    assert ties_json("--min-sources", "2", "--actor", "Brenn") == [
        ("aldovia", "allied_with", "brenn")]
    code, out, _ = run("ties", "--data", TIES, "--format", "json")
    assert list(json.loads(out)[0]) == ["source", "relation", "target", "claims", "documents",
                                        "publishers", "claimants", "affirming", "denying",
                                        "strongest_certainty"]


def naive_ties(G):
    """The definition, written out plainly: one tie per (source, relation, target), ends
    sorted for undirected relations; counts over the affirming claims."""
    found = {}
    for u, v, key, d in G.edges(keys=True, data=True):
        ends = (u, v) if d["directed"] else tuple(sorted((u, v)))
        tie = found.setdefault((ends[0], d["relation"], ends[1]), {
            "claims": [], "docs": set(), "publishers": set(), "claimants": set(),
            "affirming": 0, "denying": 0})
        tie["claims"].append(key)
        if d["stance"] == "denies":
            tie["denying"] += 1
            continue
        tie["affirming"] += 1
        tie["docs"].add(d["source_doc"])
        publisher = G.graph["sources"].get(d["source_doc"], {}).get("publisher")
        tie["publishers"].add(publisher or "doc " + d["source_doc"])
        tie["claimants"].add(d["claimed_by_actor"] or (d["source_doc"], d["claimed_by"]))
    return found


@pytest.mark.parametrize("seed", range(10))
def test_ties_equal_the_plain_definition_on_random_casebooks(seed):
    G = random_claims_graph(seed, claims=200)
    expected = naive_ties(G)
    found = ties(G)
    assert set(found) == set(expected)
    for key, tie in found.items():
        want = expected[key]
        assert (sorted(tie.claim_ids), tie.documents, tie.publishers, tie.claimants,
                tie.affirming, tie.denying) == (
            sorted(want["claims"]), len(want["docs"]), len(want["publishers"]),
            len(want["claimants"]), want["affirming"], want["denying"])


def test_tie_keys_ignore_the_order_of_an_undirected_relation():
    assert tie_key("b", "a", "allied_with") == ("a", "allied_with", "b")
    assert tie_key("b", "a", "supports") == ("b", "supports", "a")


def test_show_and_path_say_how_each_tie_stands():
    code, out, _ = run("path", "aldovia", "harrow", "--data", TIES)
    assert code == 0
    assert ("Aldovia → Northern Front: supplies arms to — 2 documents (2 publishers)"
            in out.replace("\n    ", " "))
    code, out, _ = run("show", "front", "--data", TIES)
    assert "Northern Front ← Brenn: supports — disputed: 1 document; 1 claim denies it" in \
        " ".join(out.split())


def test_show_lists_what_an_actor_alleges_and_claims_by_claimant():
    code, out, _ = run("show", "President Vos", "--data", TIES)
    assert "alleges, as the claimant (1)" in out and "(t6)" in out
    code, out, _ = run("claims", "--claimed-by", "marek vos", "--data", TIES, "--format",
                       "json")
    assert [c["id"] for c in json.loads(out)] == ["t6"]
    code, out, _ = run("claims", "--claimed-by", "officials", "--data", TIES, "--format",
                       "json")  # names no actor: any claimant containing the words
    assert [c["id"] for c in json.loads(out)] == ["t1", "t3"]


def test_claims_by_document_and_publisher():
    def ids(*options):
        code, out, err = run("claims", "--data", TIES, "--format", "json", *options)
        assert code == 0, err
        return [c["id"] for c in json.loads(out)]

    assert ids("--doc", "wire-follow") == ["t4"]
    assert ids("--publisher", "example wire") == ["t1", "t3", "t4", "t8", "t11"]
    assert ids("--publisher", "Example Wire", "--doc", "wire-follow") == ["t4"]
    code, _, err = run("claims", "--data", TIES, "--doc", "wire")
    assert code == 1 and err.startswith("error: --doc 'wire' is not a source id (did you "
                                        "mean 'wire-arms'?)")
    code, _, err = run("claims", "--data", TIES, "--publisher", "Exemple Wire")
    assert code == 1 and "--publisher 'Exemple Wire' is the publisher of no source (did " \
                         "you mean 'Example Wire'?)" in err


def test_path_min_sources_and_ranking_prefers_corroborated_hops():
    code, out, _ = run("path", "western-bloc", "front", "--data", TIES, "--format", "json")
    paths = json.loads(out)
    # Both two-hop paths have an asserted weakest hop; through Aldovia the hops are
    # corroborated... by one publisher at the sanctions hop: equal; then actor ids decide.
    assert [p["actors"] for p in paths] == [["western-bloc", "aldovia", "front"]]
    code, out, err = run("path", "aldovia", "front", "--data", TIES, "--min-sources", "2",
                         "--format", "json")
    assert json.loads(out)[0]["actors"] == ["aldovia", "front"]
    code, _, err = run("path", "corvin", "front", "--data", TIES, "--min-sources", "2")
    assert code == 1 and err == ("error: No path between 'Corvin Holdings' and 'Northern "
                                 "Front' under these options: --min-sources 2\n")


def test_ranking_among_equal_paths_prefers_the_more_corroborated():
    """s-x-t comes first by ids; s-y-t, as firm, is affirmed by two publishers at each hop."""
    import networkx as nx

    from actorgraph.graph.paths import find_paths

    G = nx.MultiDiGraph(sources={"a": {"publisher": "A"}, "b": {"publisher": "B"}})

    def claim(key, u, v, doc):
        G.add_edge(u, v, key=key, relation="supports", certainty="alleged", directed=True,
                   source_doc=doc, stance="affirms", claimed_by_actor="", claimed_by="x")

    claim("1", "s", "x", "a"), claim("2", "x", "t", "a")
    claim("3", "s", "y", "a"), claim("4", "s", "y", "b")
    claim("5", "y", "t", "a"), claim("6", "y", "t", "b")
    result = find_paths(G, "s", "t")
    assert [(p.actors, p.support) for p in result.paths] == [
        (["s", "y", "t"], [2, 2]), (["s", "x", "t"], [1, 1])]
    claim("7", "s", "x", "b")  # one hop corroborated is not enough: the least counts
    assert find_paths(G, "s", "t").paths[0].actors == ["s", "y", "t"]
    claim("8", "x", "t", "b")
    assert find_paths(G, "s", "t").paths[0].actors == ["s", "x", "t"]  # even: ids decide


def test_stats_counts_single_source_ties_not_actor_pairs():
    code, out, _ = run("stats", "--data", TIES, "--format", "json")
    s = json.loads(out)
    assert s["ties"] == 7
    assert s["corroborated"] == {"ties": 2, "claims": 4}
    assert s["single_source"] == {"ties": 4, "claims": 5}
    assert s["disputed"] == {"ties": 1, "claims": 2}
