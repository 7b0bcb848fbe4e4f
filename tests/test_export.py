"""The export API: formats, destinations, stdout, atomic folders, the input left alone."""

from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pytest

from actorgraph.cells import neutralise
from actorgraph.errors import InputError
from actorgraph.export import FORMATS, export_graph, table
from helpers import load_graph


@pytest.fixture
def graph(casebook):
    return load_graph(casebook(base="export"))


@pytest.fixture
def out(tmp_path):
    """An empty folder for exports, apart from the casebook."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


def test_formats_describe_themselves():
    assert list(FORMATS) == ["csv", "graphml", "gexf", "json", "cytoscape", "neo4j"]
    assert {name for name, f in FORMATS.items() if f.folder} == {"csv", "neo4j"}
    for name, fmt in FORMATS.items():
        assert fmt.name == name and fmt.description and fmt.default_name
    assert FORMATS["gexf"].default_name.endswith(".gexf")
    assert FORMATS["graphml"].default_name.endswith(".graphml")


def test_unknown_format_names_the_valid_ones(graph):
    with pytest.raises(InputError) as err:
        export_graph(graph, "gefx", "-")
    assert str(err.value) == ("fmt 'gefx' is not an export format (valid: csv, graphml, gexf, "
                              "json, cytoscape, neo4j)")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "cytoscape"])
def test_single_file_formats_go_to_stdout(graph, tmp_path, capsys, fmt):
    assert export_graph(graph, fmt, "-") is None
    printed = capsys.readouterr().out
    written = export_graph(graph, fmt, tmp_path / "file").read_text(encoding="utf-8")
    assert printed == written
    assert "Nicolás Maduro" in printed  # UTF-8, not escaped


@pytest.mark.parametrize("fmt", ["csv", "neo4j"])
def test_folder_formats_refuse_stdout(graph, fmt):
    with pytest.raises(InputError) as err:
        export_graph(graph, fmt, "-")
    assert str(err.value) == (f"the {fmt} export is a folder of files and cannot go to "
                              f"stdout; give a folder, e.g. -o actorgraph-{fmt}")


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_the_input_graph_is_not_changed(graph, tmp_path, fmt):
    before = (copy.deepcopy(dict(graph.nodes(data=True))),
              copy.deepcopy(list(graph.edges(keys=True, data=True))),
              copy.deepcopy(graph.graph))
    export_graph(graph, fmt, tmp_path / "out")
    assert (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)),
            graph.graph) == before


def test_a_selection_view_exports(graph, tmp_path):
    view = graph.subgraph(["tehran", "caracas"])
    H = nx.read_graphml(export_graph(view, "graphml", tmp_path / "x.graphml"))
    assert sorted(H.edges(keys=True)) == [("caracas", "tehran", "e4"),
                                          ("tehran", "caracas", "e1"),
                                          ("tehran", "caracas", "e2"),
                                          ("tehran", "caracas", "e3")]


def test_formula_cells_are_neutralised():
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert neutralise(f"{start}cmd") == f"'{start}cmd"
    assert neutralise("Tehran") == "Tehran"
    assert neutralise("a=b") == "a=b"
    assert neutralise("") == ""


def test_a_folder_export_replaces_a_previous_one_whole(graph, out):
    dest = out / "out"
    export_graph(graph, "csv", dest)
    (dest / "sources" / "stale.txt").write_text("old", encoding="utf-8")
    export_graph(graph, "csv", dest)
    assert sorted(p.name for p in (dest / "sources").iterdir()) == ["brief.txt", "dossier.txt"]
    assert sorted(p.name for p in out.iterdir()) == ["out"]  # no temporary left


def test_a_folder_export_will_not_overwrite_other_files(graph, tmp_path):
    dest = tmp_path / "notes"
    dest.mkdir()
    (dest / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError) as err:
        export_graph(graph, "neo4j", dest)
    assert str(err.value) == (f"folder {str(dest)!r} already holds files that are not part of "
                              "a neo4j export (mine.txt); give a new or empty folder")
    assert (dest / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_a_folder_export_will_not_overwrite_its_casebook(casebook):
    root = casebook(base="export")
    with pytest.raises(InputError, match="holds the casebook being exported"):
        export_graph(load_graph(root), "csv", root)


def test_a_failed_folder_export_leaves_nothing_behind(graph, out, monkeypatch):
    dest = out / "out"
    export_graph(graph, "csv", dest)
    before = (dest / "edges.csv").read_bytes()

    def broken(values):  # a failure halfway through the claims
        if values and str(values[0]) == "e4":
            raise RuntimeError("disk full")
        return cells(values)

    cells = table.row_cells
    monkeypatch.setattr(table, "row_cells", lambda values: broken(list(values)))
    with pytest.raises(RuntimeError):
        export_graph(graph, "csv", dest)
    assert (dest / "edges.csv").read_bytes() == before  # the previous export is intact
    with pytest.raises(RuntimeError):
        export_graph(graph, "csv", out / "new")
    assert sorted(p.name for p in out.iterdir()) == ["out"]


def test_a_single_file_export_into_a_folder_is_refused(graph, tmp_path):
    with pytest.raises(InputError) as err:
        export_graph(graph, "gexf", tmp_path)
    assert str(err.value) == (f"{str(tmp_path)!r} is a folder; give a file name for the gexf "
                              f"export, e.g. {tmp_path / 'actorgraph.gexf'}")


def test_a_missing_document_is_named(graph, tmp_path):
    root = Path(graph.graph["casebook"])
    (root / "sources" / "brief.txt").unlink()
    with pytest.raises(InputError, match="source 'brief': document file 'sources/brief.txt' "
                                         "not found"):
        export_graph(graph, "csv", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_the_real_casebook_exports_in_every_format(article_casebook, tmp_path):
    from actorgraph.errors import ValidationError

    try:
        G = load_graph(article_casebook)
    except ValidationError:
        pytest.skip("data/ does not validate yet")
    H = load_graph(export_graph(G, "csv", tmp_path / "csv"))
    assert set(H.edges(keys=True)) == set(G.edges(keys=True))
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = read(export_graph(G, fmt, tmp_path / fmt))
        assert set(back.edges(keys=True)) == set(G.edges(keys=True))
