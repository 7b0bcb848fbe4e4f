"""The graph and `actorgraph build`."""

from __future__ import annotations

import os

from actorgraph.build import load_graph
from actorgraph.cli import cli


def test_graph_keeps_every_claim_with_its_columns_and_place(casebook):
    G = load_graph(casebook())
    assert sorted(G.nodes) == ["aldovia", "aldovian-army", "brenn", "corvin", "front"]
    assert G.nodes["front"]["aliases"] == ["the Front", "NF"]
    # Two claims between Brenn and the Front stay separate, keyed by claim id.
    assert sorted(G["brenn"]["front"]) == ["c3", "c4"]
    c4 = G.edges["brenn", "front", "c4"]
    assert c4["relation"] == "hostile_to"
    assert c4["claimed_by"] == "officials in Brenn"
    assert c4["notes"] == "a denial, recorded as stated"
    assert c4["directed"] is True
    assert G.edges["brenn", "front", "c3"]["directed"] is False


def test_quote_offsets_point_at_the_original_text(casebook):
    root = casebook()
    G = load_graph(root)
    text = (root / "sources" / "report.txt").read_text(encoding="utf-8")
    c4 = G.edges["brenn", "front", "c4"]
    # Three spaces in "Brenn   deny" and curly quotes in the document; folded in the CSV.
    assert text[c4["start"]:c4["end"]] == (
        "Officials in Brenn   deny any “arrangement” with the Front")
    assert c4["paragraph"] == 3
    c5 = G.edges["front", "corvin", "c5"]
    assert text[c5["start"]:c5["end"]] == (
        "Analysts suspect that the Front may be laundering money through Corvin Holdings")
    assert c5["paragraph"] == 4


def test_build_writes_the_page_and_says_where(runner, casebook):
    casebook()
    result = runner.invoke(cli, ["build", "--data", "case", "-o", "out/page.html"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["5 actors, 5 claims, 1 source", "wrote out/page.html"]
    page = open("out/page.html", encoding="utf-8").read()
    assert page.startswith("<!DOCTYPE html>")


def test_build_on_invalid_data_writes_nothing(runner, casebook):
    casebook("quote-not-found")
    result = runner.invoke(cli, ["build", "--data", "case", "-o", "out/page.html"])
    assert result.exit_code == 1
    assert "source_text not found" in result.stderr
    assert not os.path.exists("out")


def test_build_keeps_an_older_page_when_data_turns_invalid(runner, casebook):
    root = casebook()
    assert runner.invoke(cli, ["build", "--data", "case", "-o", "page.html"]).exit_code == 0
    before = open("page.html", encoding="utf-8").read()
    (root / "edges.csv").write_text("id,source\n", encoding="utf-8")
    assert runner.invoke(cli, ["build", "--data", "case", "-o", "page.html"]).exit_code == 1
    assert open("page.html", encoding="utf-8").read() == before
