"""Finding actors by name: what the other tests left unpinned (found by mutation testing
with mutmut): actors without a name or aliases, the "far behind the best" filter of
did-you-mean, spellings crowding one another, typing in capitals, dotted initials."""

from __future__ import annotations

import networkx as nx
import pytest
from rapidfuzz import fuzz, utils

from actorgraph.errors import ActorNotFound
from actorgraph.graph.names import actor_names, resolve, spellings, suggest


def score(typed: str, spelled: str) -> float:
    return fuzz.WRatio(typed, spelled, processor=utils.default_process)


@pytest.fixture
def G():
    H = nx.MultiDiGraph()
    H.add_node("zeta", name="Zeta", aliases=["Republic of Zeta"])
    H.add_node("x7")  # no name, no aliases
    H.add_node("ust", name="U.S. Treasury", aliases=[])
    return H


def test_an_actor_without_name_or_aliases_answers_to_its_id_only(G):
    nodes = G.nodes(data=True)
    assert actor_names(nodes) == {"zeta": {"zeta"}, "republic of zeta": {"zeta"}, "x7": {"x7"},
                                  "us treasury": {"ust"}, "ust": {"ust"}}
    assert spellings(nodes) == {"Zeta": "Zeta", "zeta": "Zeta", "Republic of Zeta": "Zeta",
                                "x7": "x7", "U.S. Treasury": "U.S. Treasury",
                                "ust": "U.S. Treasury"}
    assert resolve(G, "X7") == "x7"


def test_us_treasury_finds_the_us_treasury(G):
    assert resolve(G, "US Treasury") == "ust"
    assert resolve(G, "u.s. treasury") == "ust"


def test_suggestions_far_behind_the_best_are_left_out():
    spelled = {name: name for name in ("Beta", "Zeta Group", "Zetta", "Zeta")}
    # rapidfuzz's scores: Zeta Group exactly 10 behind the best, Zetta and Beta further.
    assert [score("zeta", s) for s in spelled] == [75.0, 90.0, pytest.approx(88.89, abs=0.01),
                                                   100.0]
    assert suggest(spelled, "zeta") == ["Zeta", "Zeta Group"]
    with pytest.raises(ActorNotFound) as caught:  # Beta scores 67 here, under LIKE
        resolve(nx.MultiDiGraph([("Zeta", "Beta")]), "zetta")
    assert str(caught.value) == "Actor 'zetta' is not an actor (did you mean 'Zeta'?)"


def test_many_spellings_of_one_actor_leave_room_for_another():
    # Five spellings of Zeta score 100, ahead of Zeta Group's 90.
    spelled = {name: "Zeta" for name in ("Zeta", "zeta", "ZETA", "Zeta.", "Zeta!")}
    spelled["Zeta Group"] = "Zeta Group"
    assert suggest(spelled, "zeta") == ["Zeta", "Zeta Group"]


def test_typed_in_capitals():
    spelled = {"Epsilon Trading": "Epsilon Trading", "Delta Cartel": "Delta Cartel"}
    assert suggest(spelled, "EPSILON TRADNG") == ["Epsilon Trading"]
