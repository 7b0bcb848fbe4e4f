"""The CSV export: what the other tests left unpinned (found by mutation testing
with mutmut): claims in natural order (ties in the graph's), each column once with the
computed ones last, claims with different attributes, empty and dict-valued cells, betweenness
on chains, the stages of the progress bar, measures from a second process, documents named and
suffixed, the limit on a document's size, graphs without sources or a casebook folder."""

from __future__ import annotations

import csv
import operator
from contextlib import contextmanager

import networkx as nx
import pytest

from actorgraph.errors import InputError
from actorgraph.export import export_graph, table
from actorgraph.export.records import Records
from actorgraph.graph.metrics import centrality
from actorgraph.progress import Bar
from helpers import load_graph, quick_store, run


def read_rows(path) -> list[list[str]]:
    """A CSV file's rows, header first, as csv.reader gives them (DictReader would hide a
    column named twice)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def actor(G, ident, **attrs):
    """An actor as a graph made by hand holds it: no `id` attribute."""
    G.add_node(ident, name=ident.title(), type="state", aliases=[], description="", **attrs)


def claim(G, u, v, key, **attrs):
    """A claim as a graph made by hand holds it: no `id`, `directed` or `claimed_by_actor`."""
    G.add_edge(u, v, key=key, relation="supports", source_text="a quote", source_doc="",
               claimed_by="", certainty="alleged", date="", notes="", stance="affirms",
               paragraph=1, start=0, end=0, **attrs)


def chain(n: int) -> nx.MultiDiGraph:
    """Actors a, b, c, ... in a row, each claim tying one to the next."""
    G = nx.MultiDiGraph()
    names = "abcdefgh"[:n]
    for ident in names:
        actor(G, ident)
    for i, (u, v) in enumerate(zip(names, names[1:]), start=1):
        claim(G, u, v, f"c{i}")
    return G


def test_claims_come_in_natural_order(casebook, tmp_path):
    root = casebook()
    renamed = {"c1": "c10", "c2": "c9", "c3": "c1", "c4": "c2", "c5": "c11"}
    lines = (root / "edges.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines[1:], start=1):
        ident, rest = line.split(",", 1)
        lines[i] = f"{renamed[ident]},{rest}"
    (root / "edges.csv").write_text("".join(lines), encoding="utf-8")
    folder = export_graph(load_graph(root), "csv", tmp_path / "out")
    assert [row[0] for row in read_rows(folder / "edges.csv")[1:]] == [
        "c1", "c2", "c9", "c10", "c11"]


def test_ids_that_count_the_same_keep_the_graphs_order(casebook, tmp_path, monkeypatch):
    # c1 (brenn -> front, line 4) and c01 (front -> corvin, line 6) count as 1: the graph lists
    # front's claims before brenn's (nodes.csv's order), and so does the export streamed from
    # the store, which holds c1 first.
    quick_store(monkeypatch)
    root = casebook()
    renamed = {"c1": "c9", "c3": "c1", "c5": "c01"}
    lines = (root / "edges.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines[1:], start=1):
        ident, rest = line.split(",", 1)
        lines[i] = f"{renamed.get(ident, ident)},{rest}"
    (root / "edges.csv").write_text("".join(lines), encoding="utf-8")
    assert run("export", "csv", "--data", root, "-o", tmp_path / "first")[0] == 0  # stored
    code, _out, err = run("export", "csv", "--data", root, "-o", tmp_path / "streamed")
    assert code == 0, err
    streamed = read_rows(tmp_path / "streamed" / "edges.csv")
    assert [row[0] for row in streamed[1:]] == ["c01", "c1", "c2", "c4", "c9"]
    whole = export_graph(load_graph(root), "csv", tmp_path / "whole")
    assert read_rows(whole / "edges.csv") == streamed


def test_the_graphs_files_are_those_the_export_writes(casebook, tmp_path):
    G = load_graph(casebook(base="export"))
    folder = export_graph(G, "csv", tmp_path / "out")
    assert table.nodes_csv(G) == (folder / "nodes.csv").read_bytes().decode("utf-8")
    assert table.edges_csv(G) == (folder / "edges.csv").read_bytes().decode("utf-8")
    assert table.edges_csv(G).count("\r\n") == len(read_rows(folder / "edges.csv"))


def test_claims_with_different_attributes(tmp_path):
    G = chain(3)
    claim(G, "a", "c", "c9", topic="arms")  # the graph lists a's claims first: c1, c9
    claim(G, "c", "a", "c0", region="north")
    rows = read_rows_of(table.edges_csv(G))
    # Other columns in the order met in id order (c0 before c9), each claim's own cells.
    assert rows[0][11:] == ["region", "topic", "paragraph", "start", "end"]
    assert [[row[0], *row[11:13]] for row in rows[1:]] == [
        ["c0", "north", ""], ["c1", "", ""], ["c2", "", ""], ["c9", "", "arms"]]


def test_each_stage_is_named_with_its_count(casebook, tmp_path, monkeypatch):
    stages = []

    @contextmanager
    def recorded(self, label, items=None):
        stages.append((label, items if isinstance(items, int)
                       else operator.length_hint(items, -1)))
        yield Bar()

    monkeypatch.setattr(Records, "stage", recorded)
    export_graph(load_graph(casebook()), "csv", tmp_path / "out")
    assert stages == [("csv: reading claims", 5), ("csv: writing claims", 5),
                      ("csv: writing actors", 5)]


def test_measures_computed_by_a_second_process_are_the_same(casebook, tmp_path, monkeypatch):
    G = load_graph(casebook())
    alone = export_graph(G, "csv", tmp_path / "alone")
    monkeypatch.setattr(table, "EXACT_BETWEENNESS", 2)  # 5 actors are many
    forked = export_graph(G, "csv", tmp_path / "forked")
    assert read_rows(forked / "nodes.csv") == read_rows(alone / "nodes.csv")


def test_each_column_once_ours_then_the_casebooks_then_the_computed(casebook, tmp_path):
    # A casebook exported before, then given more columns: the old computed values go.
    root = casebook()
    for name, added, values in (("nodes.csv", "degree,region", "99,north"),
                                ("edges.csv", "paragraph,topic", "9,arms")):
        lines = (root / name).read_text(encoding="utf-8").splitlines()
        lines = [f"{lines[0]},{added}"] + [f"{line},{values}" for line in lines[1:]]
        (root / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = export_graph(load_graph(root), "csv", tmp_path / "out")
    nodes = read_rows(folder / "nodes.csv")
    assert nodes[0] == ["id", "name", "type", "aliases", "description", "region", "degree",
                        "ties", "betweenness", "component"]
    # claims: aldovian-army c1 c2, front c1 c3 c4 c5, brenn c3 c4, aldovia c2, corvin c5
    assert {row[0]: (row[5], row[6]) for row in nodes[1:]} == {
        "aldovia": ("north", "1"), "aldovian-army": ("north", "2"), "front": ("north", "4"),
        "brenn": ("north", "2"), "corvin": ("north", "1")}
    edges = read_rows(folder / "edges.csv")
    assert edges[0] == [
        "id", "source", "target", "relation", "source_text", "source_doc", "claimed_by",
        "certainty", "date", "notes", "stance", "topic", "paragraph", "start", "end"]
    # c1 quotes the document's second line.
    assert edges[1][0] == "c1" and edges[1][11:13] == ["arms", "2"]
    assert read_rows(folder / "sources.csv")[0] == [
        "id", "title", "path", "url", "published", "publisher", "reliability"]


@pytest.mark.parametrize("name, column", [
    ("nodes.csv", "source"), ("nodes.csv", "target"), ("nodes.csv", "directed"),
    ("sources.csv", "source"), ("sources.csv", "target"), ("sources.csv", "directed")])
def test_a_column_named_like_a_claims_own_is_kept_in_other_files(casebook, tmp_path, name,
                                                                  column):
    root = casebook()
    lines = (root / name).read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + f",{column}"] + [line + ",by hand" for line in lines[1:]]
    (root / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    G = load_graph(root)
    held = G.nodes["front"] if name == "nodes.csv" else G.graph["sources"]["report"]
    assert held[column] == "by hand"
    folder = export_graph(G, "csv", tmp_path / "out")
    rows = read_rows(folder / name)
    assert column in rows[0]
    assert {row[rows[0].index(column)] for row in rows[1:]} == {"by hand"}


def test_empty_and_dict_valued_cells():
    G = chain(2)
    G.nodes["a"]["meta"] = {"seen": 2, "by": "Wire"}
    G.nodes["a"]["note"] = None
    rows = read_rows_of(table.nodes_csv(G))
    assert [row[0] for row in rows] == ["id", "a", "b"]
    assert rows[0][5:7] == ["meta", "note"]
    assert rows[1][5:7] == ['{"by": "Wire", "seen": 2}', ""]
    assert rows[2][5:7] == ["", ""]  # b has neither


def read_rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(text.splitlines()))


def test_betweenness_on_chains():
    # a-b-c: b is on the one path between a and c: 1 of 1 pair. a-b-c-d: b is on 2 of the 3
    # pairs without it (a-c, a-d), c likewise.
    assert {a: s["betweenness"] for a, s in centrality(chain(3)).items()} == {
        "a": 0.0, "b": 1.0, "c": 0.0}
    rows = read_rows_of(table.nodes_csv(chain(4)))
    column = rows[0].index("betweenness")
    assert [row[column] for row in rows[1:]] == ["0.0", "0.666667", "0.666667", "0.0"]


def test_documents_named_after_their_source_ids_with_a_safe_suffix(casebook, tmp_path):
    root = casebook()
    (root / "sources" / "memo").write_text("A memo with no suffix.\n", encoding="utf-8")
    (root / "sources" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    with (root / "sources.csv").open("a", encoding="utf-8") as f:
        f.write("Memo,A memo,sources/memo,,,\nmemo,Notes,sources/notes.md,,,\n")
    folder = export_graph(load_graph(root), "csv", tmp_path / "out")
    assert [(row[0], row[2]) for row in read_rows(folder / "sources.csv")[1:]] == [
        ("report", "sources/report.txt"), ("Memo", "sources/memo.txt"),
        ("memo", "sources/memo-2.md")]
    assert sorted(p.name for p in (folder / "sources").iterdir()) == [
        "memo-2.md", "memo.txt", "report.txt"]
    assert (folder / "sources" / "memo.txt").read_text(encoding="utf-8") == (
        "A memo with no suffix.\n")
    assert (folder / "sources" / "memo-2.md").read_text(encoding="utf-8") == "# Notes\n"


def test_a_document_over_the_size_limit_is_not_copied(casebook, tmp_path, monkeypatch):
    G = load_graph(casebook())
    monkeypatch.setattr(table, "MAX_DOCUMENT_MB", 0.0001)  # report.txt holds 288 bytes
    with pytest.raises(InputError) as caught:
        export_graph(G, "csv", tmp_path / "out")
    assert str(caught.value) == ("document 'sources/report.txt' of source 'report' is 0 MB; "
                                 "a document may be at most 0.0001 MB")


def test_a_graph_without_sources_or_without_its_casebook_folder(tmp_path):
    G = chain(2)
    table.write_csv(G, tmp_path)
    assert read_rows(tmp_path / "sources.csv") == [
        ["id", "title", "path", "url", "published", "publisher", "reliability"]]
    assert list((tmp_path / "sources").iterdir()) == []
    G.graph["sources"] = {"memo": {"id": "memo", "path": "sources/memo.txt"}}
    with pytest.raises(InputError) as caught:
        table.write_csv(G, tmp_path / "again")
    assert str(caught.value) == ("the graph does not say which casebook folder it came from "
                                 "(G.graph['casebook']), so its documents cannot be copied")
