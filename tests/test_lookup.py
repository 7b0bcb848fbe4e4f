"""Finding actors by what people type."""

from __future__ import annotations

import click
import pytest

from actorgraph.cli.options import complete_actor
from actorgraph.errors import ActorNotFound, AmbiguousActor
from actorgraph.graph.names import resolve, spellings, suggest
from conftest import FIXTURES
from helpers import load_graph

QUERY = FIXTURES / "query"


@pytest.fixture(scope="module")
def G():
    return load_graph(QUERY)


@pytest.mark.parametrize("typed, actor", [
    ("gamma", "gamma"),                  # id
    ("Gamma Brigade", "gamma"),          # name
    ("gamma brigade", "gamma"),          # any case
    ("GAMMA-BRIGADE", "gamma"),          # hyphen for space
    ("the brigade", "gamma"),            # alias
    ("alvaro nunez", "nunez"),           # accents dropped
    ("Álvaro  Núñez", "nunez"),          # runs of spaces
    ("el capitan", "nunez"),             # accented alias typed plainly
    ("Cartel Delta", "delta"),           # alias "Cártel Delta"
    ("republic of alpha", "alpha"),
    ("mara", "mara"),                    # an exact id wins over the other actor named Mara
    ("mara-river", "mara-river"),
])
def test_resolve_by_id_name_or_alias(G, typed, actor):
    assert resolve(G, typed) == actor


def test_ambiguous_name_lists_candidates_as_id_and_name(G):
    with pytest.raises(AmbiguousActor) as caught:
        resolve(G, "MARA")
    assert caught.value.candidates == ["mara (Mara)", "mara-river (Mara)"]
    assert str(caught.value) == ("'MARA' could be any of: mara (Mara), mara-river (Mara); "
                                 "use the actor's id")


def test_unknown_name_suggests_actor_names(G):
    with pytest.raises(ActorNotFound) as caught:
        resolve(G, "Epsilon Trade", "--avoid")
    assert caught.value.suggestions[0] == "Epsilon Trading"
    assert str(caught.value).startswith("--avoid 'Epsilon Trade' is not an actor (did you mean "
                                        "'Epsilon Trading'")


def test_suggestions_are_names_even_when_an_alias_matched(G):
    assert suggest(spellings(G.nodes(data=True)), "el capitn")[0] == "Álvaro Núñez"
    assert len(suggest(spellings(G.nodes(data=True)), "a")) <= 3


def test_nothing_alike_gives_no_suggestion(G):
    with pytest.raises(ActorNotFound) as caught:
        resolve(G, "qqqqqqqq")
    assert caught.value.suggestions == []
    assert str(caught.value) == "Actor 'qqqqqqqq' is not an actor"


def _complete(incomplete: str, data_dir=None) -> list[tuple[str, str]]:
    ctx = click.Context(click.Command("x"))
    if data_dir is not None:
        ctx.params["data_dir"] = data_dir
    return [(item.value, item.help) for item in complete_actor(ctx, None, incomplete)]


def test_completion_matches_ids_names_and_aliases_from_data_option():
    assert _complete("gam", QUERY) == [("gamma", "Gamma Brigade")]
    assert _complete("the b", QUERY) == [("gamma", "Gamma Brigade")]
    assert _complete("alv", QUERY) == [("nunez", "Álvaro Núñez")]
    assert _complete("mar", QUERY) == [("mara", "Mara"), ("mara-river", "Mara")]


def test_completion_reads_data_by_default_and_fails_silently(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _complete("a") == []  # no data/ here
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "nodes.csv").write_bytes(b"\xff\xfe not text")
    assert _complete("a") == []
    (tmp_path / "data" / "nodes.csv").write_text("id,name,type\nzed,Zed,state\n")
    assert _complete("z") == [("zed", "Zed")]


def test_article_names_as_people_type_them(article_casebook):
    if not (article_casebook / "nodes.csv").exists():
        pytest.skip("the article casebook is not there yet")
    G = load_graph(article_casebook)
    assert resolve(G, "tehran") == "iran"
    assert resolve(G, "Nicolas Maduro") == "nicolas-maduro"
    assert resolve(G, "cartel de los soles") == "cartel-de-los-soles"
    assert resolve(G, "CURACAO") == "curacao"
