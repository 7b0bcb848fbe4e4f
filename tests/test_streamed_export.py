"""Exports streamed from the store are, byte for byte, the exports of the whole graph: every
value, column, escape, neutralised cell and measure, in the same order; and the optimised
pieces they are made of agree with plain references on random inputs."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

import networkx as nx
import pytest
from benchmarks.generate import generate

from actorgraph.cells import text
from actorgraph.export import FORMATS, export_casebook, export_graph, table
from actorgraph.export.flat import EDGE_RENAMED, SCALARS, Columns, flat_attrs, xml_safe
from actorgraph.export.spool import Spool, graph_order, id_order
from actorgraph.graph import metrics
from actorgraph.store.database import Store
from actorgraph.text import natural_key
from actorgraph.workspace import open_casebook
from helpers import FIXTURES, quick_store, random_claims_graph, run


def contents(path: Path) -> dict[str, bytes]:
    """A file's bytes, or every file of a folder by its relative path."""
    if path.is_file():
        return {"": path.read_bytes()}
    return {p.relative_to(path).as_posix(): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file()}


def shuffled(root: Path, seed: int) -> Path:
    """The casebook with edges.csv's rows shuffled and some claim ids made to count alike
    (`c05` beside `c000005`): edges.csv's order is then neither the graph's nor the ids'."""
    with (root / "edges.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    rng = random.Random(seed)
    rng.shuffle(body)
    for row in body[::7]:
        number = int(row[0].lstrip("c"))
        row[0] = f"c{number:02d}"  # c000123 -> c123: counted as c000123 is, spelled apart
    with (root / "edges.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *body])
    return root


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    return generate(tmp_path_factory.mktemp("gen") / "case", claims=1500, actors=400, seed=5)


def casebooks(tmp_path: Path, generated: Path) -> list[Path]:
    found = []
    for name in ("export", "good", "hostile", "query", "ties"):
        found.append(Path(shutil.copytree(FIXTURES / name, tmp_path / name)))
    found.append(Path(shutil.copytree(generated, tmp_path / "generated")))
    found.append(shuffled(Path(shutil.copytree(generated, tmp_path / "shuffled")), 1))
    return found


def test_streamed_exports_are_those_of_the_whole_graph(tmp_path, generated, monkeypatch):
    """The casebook just read (its graph in memory) and then from its store, every format
    against `export_graph` of its whole graph. Betweenness is estimated from sampled
    sources here (EXACT_BETWEENNESS lowered), by a second process as on large casebooks."""
    monkeypatch.setattr(metrics, "EXACT_BETWEENNESS", 150)
    monkeypatch.setattr(table, "EXACT_BETWEENNESS", 150)
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    quick_store(monkeypatch)
    out = tmp_path / "out"
    for root in casebooks(tmp_path, generated):
        for reading in ("read", "stored"):
            with open_casebook(root) as book:
                assert book.from_store == (reading == "stored"), root
                whole = book.graph()
                for fmt in FORMATS:
                    ours = export_casebook(book, fmt, out / f"{root.name}-{reading}-{fmt}")
                    theirs = export_graph(whole, fmt, out / f"{root.name}-whole-{fmt}")
                    assert contents(ours) == contents(theirs), (root.name, reading, fmt)
    ids = [row["id"] for row in read(out / "shuffled-stored-csv" / "edges.csv")]
    assert ids == sorted(ids, key=natural_key) != [
        row["id"] for row in read(tmp_path / "shuffled" / "edges.csv")]


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_streamed_exports_never_build_the_graph(casebook, tmp_path, monkeypatch):
    root = casebook(base="export")
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    quick_store(monkeypatch)
    expected = {fmt: run("export", fmt, "--data", root, "-o", tmp_path / f"read-{fmt}")
                for fmt in FORMATS}  # reads the casebook, then stores it

    def whole(self, *args):
        raise AssertionError("the whole graph was built")

    monkeypatch.setattr(Store, "graph", whole)
    for fmt in FORMATS:
        code, _out, err = run("export", fmt, "--data", root, "-o", tmp_path / f"stored-{fmt}")
        assert expected[fmt][0] == 0
        assert code == 0, err
        assert contents(tmp_path / f"stored-{fmt}") == contents(tmp_path / f"read-{fmt}")


def networkx_json(G: nx.MultiDiGraph, fmt: str) -> bytes:
    """The json and cytoscape exports as they were written before they were streamed: by
    networkx's own serialisers, from the whole graph."""
    import json

    from actorgraph.export.flat import graph_data

    if fmt == "json":
        H = nx.relabel_nodes(G, str, copy=True) if any(not isinstance(n, str) for n in G) else G
        data = nx.node_link_data(H, edges="edges")
        data["graph"] = graph_data(G.graph)
    else:
        data = nx.cytoscape_data(G)
        data["data"] = graph_data(G.graph)
        for element in data["elements"]["nodes"]:
            element["data"]["id"] = str(element["data"]["value"])
            element["data"]["value"] = str(element["data"]["value"])
        for element in data["elements"]["edges"]:
            edge = element["data"]
            edge.update(id=str(edge["key"]), key=str(edge["key"]),
                        source=str(edge["source"]), target=str(edge["target"]))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode()


@pytest.mark.parametrize("fmt", ["json", "cytoscape"])
def test_streamed_json_is_what_networkx_writes_from_the_whole_graph(tmp_path, generated, fmt,
                                                                    monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    quick_store(monkeypatch)
    graphs = [random_claims_graph(seed) for seed in range(3)]
    graphs.append(nx.MultiDiGraph(casebook="empty"))  # lists written as []
    lone = nx.MultiDiGraph()
    lone.add_node(7, name="Seven", aliases=["7"])  # an id that is not a string, no casebook
    graphs.append(lone)
    for i, G in enumerate(graphs):
        written = export_graph(G, fmt, tmp_path / f"g{i}.{fmt}")
        assert written.read_bytes() == networkx_json(G, fmt), i
    for root in casebooks(tmp_path, generated):
        for reading in ("read", "stored"):
            with open_casebook(root) as book:
                assert book.from_store == (reading == "stored"), root
                ours = export_casebook(book, fmt, tmp_path / f"{root.name}-{reading}.{fmt}")
                assert ours.read_bytes() == networkx_json(book.graph(), fmt), (root, reading)


def test_a_selection_is_exported_from_its_graph_as_before(casebook, tmp_path):
    root = casebook(base="export")
    code, _out, err = run("export", "graphml", "--data", root, "--around", "tehran",
                          "-o", tmp_path / "x.graphml")
    assert code == 0, err
    # Tehran's claims: e1-e4 with Caracas, e5 with the Quds Force (export_expected.py).
    assert err.startswith("selected 3 of 6 actors, 5 of 7 claims\n")
    H = nx.read_graphml(tmp_path / "x.graphml", force_multigraph=True)
    assert sorted(H) == ["caracas", "quds", "tehran"]
    assert sorted(k for *_, k in H.edges(keys=True)) == ["e1", "e2", "e3", "e4", "e5"]


# --- The pieces, against plain references -------------------------------------------------

def reference_flat_attrs(data: dict, rename: dict | None = None) -> dict:
    """flat_attrs as it was first written: value by value through flat_value and xml_safe."""
    rename = rename or {}
    flat = {}
    for key, value in data.items():
        if key == "id" and key not in rename:
            continue
        if value is None or value == "" or value == []:
            continue
        value = value if isinstance(value, SCALARS) else text(value)
        flat[xml_safe(str(rename.get(key, key)))] = (xml_safe(value) if type(value) is str
                                                     else value)
    return flat


VALUES = ["", "plain", "form\x0cfeed", "tab\tand\nnewline", "=1+1", "\x01", "\ufffe", 0, 1,
          -3, 2.5, 0.0, True, False, None, [], ["a", "b\x02"], (), ("x",), {"k": 1}, {}]


@pytest.mark.parametrize("seed", range(20))
def test_flat_attrs_is_the_plain_flattening(seed):
    rng = random.Random(seed)
    for rename in (None, EDGE_RENAMED):
        names: dict = {}  # kept from one record to the next, as Flattener keeps them
        for _ in range(50):
            keys = rng.sample(["id", "name", "start", "end", "notes", "x\x0by", "label"],
                              rng.randint(0, 7))
            data = {key: rng.choice(VALUES) for key in keys}
            assert flat_attrs(data, rename, names) == reference_flat_attrs(data, rename)
            assert list(flat_attrs(data, rename)) == list(reference_flat_attrs(data, rename))


def reference_types(records: list[dict]) -> dict[str, type]:
    """Each column's one type, in first-seen order, as the first writers found them."""
    types: dict[str, set[type]] = {}
    for record in records:
        for key, value in record.items():
            types.setdefault(key, set()).add(type(value))
    return {key: str if len(seen) > 1 else next(iter(seen)) for key, seen in types.items()}


@pytest.mark.parametrize("seed", range(20))
def test_columns_in_first_seen_order_with_one_type_each(seed):
    rng = random.Random(seed)
    records = [{key: rng.choice([1, "a", 2.0, True]) for key in
                rng.sample("abcdefgh", rng.randint(1, 5))} for _ in range(30)]
    columns = Columns()
    shapes = [columns.see(record) for record in records]
    order = list(range(len(records)))
    rng.shuffle(order)
    expected = reference_types([records[i] for i in order])
    assert columns.order(shapes[i] for i in order) == list(expected)
    assert {k: columns.types()[k] for k in expected} == expected
    assert columns.mixed() == {k for k in expected if len({type(r[k]) for r in records
                                                            if k in r}) > 1}


@pytest.mark.parametrize("seed", range(20))
def test_graph_order_is_networkx_edge_order(seed):
    """Claims added in any order come out of `G.edges()` in the order graph_order says."""
    rng = random.Random(seed)
    G = random_claims_graph(seed, actors=15, claims=60)
    claims = list(G.edges(keys=True))
    rng.shuffle(claims)
    H = nx.MultiDiGraph()
    H.add_nodes_from(G)  # the actors in their order
    H.add_edges_from(claims)
    number = {node: i for i, node in enumerate(H)}
    order = graph_order([(number[u], number[v]) for u, v, _k in claims])
    assert [claims[i] for i in (order or range(len(claims)))] == list(H.edges(keys=True))
    assert graph_order([(number[u], number[v]) for u, v, _k in H.edges(keys=True)]) is None


@pytest.mark.parametrize("seed", range(20))
def test_id_order_is_a_stable_sort_by_natural_key(seed):
    rng = random.Random(seed)
    ids = [f"{rng.choice('ce')}{rng.choice(['', '0', '00'])}{rng.randint(0, 30)}"
           for _ in range(40)]
    then = list(range(len(ids)))
    rng.shuffle(then)
    order = id_order(ids, lambda: then)
    expected = sorted(then, key=lambda i: natural_key(ids[i]))  # stable: `then` breaks ties
    assert (order or list(range(len(ids)))) == expected
    assert id_order(["c1", "c2", "c10", "e01"]) is None
    assert id_order(["c1", "c10", "c2"]) == [0, 2, 1]
    assert id_order(["c01", "c1"], lambda: [1, 0]) == [1, 0]  # counted alike: as `then`


def test_a_spool_gives_its_records_back_in_any_order():
    records = [(i, "x" * (i * 37 % 5000), i % 3 == 0, 1.5 * i, None) for i in range(3000)]
    with Spool() as spool:
        for record in records:
            spool.add(record)
        assert len(spool) == 3000
        assert list(spool.records()) == records
        order = list(range(3000))
        random.Random(1).shuffle(order)
        assert list(spool.records(order)) == [records[i] for i in order]


@pytest.mark.parametrize("seed", range(8))
def test_link_metrics_are_centralitys_measures(seed):
    """From the claims' ends alone, in the order edges.csv lists them, as the graph counts."""
    G = random_claims_graph(seed, actors=60, claims=rng_claims(seed))
    scores = metrics.centrality(G)
    found = table.actor_metrics(G)
    components = sorted(nx.weakly_connected_components(G), key=lambda c: (-len(c), min(c)))
    for actor in G:
        assert found[actor] == {
            "degree": scores[actor]["degree"], "ties": scores[actor]["ties"],
            "betweenness": round(scores[actor]["betweenness"], 6),
            "component": next(i for i, c in enumerate(components, 1) if actor in c)}
    claims = sorted(G.edges(keys=True), key=lambda e: e[2])  # the order they were added
    number = {node: i for i, node in enumerate(G)}
    assert table.link_metrics(list(G), [(number[u], number[v]) for u, v, _k in claims]) \
        == found


def rng_claims(seed: int) -> int:
    return random.Random(seed).choice((20, 50, 150))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_a_row_damaged_halfway_is_read_from_the_files(casebook, tmp_path, monkeypatch, fmt):
    """A claim's row that fails its checksum while it is streamed: the export is still the
    casebook's, whole, with no traceback, and the damaged store is set aside."""
    import sqlite3

    root = casebook(base="export")
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "cache"))
    quick_store(monkeypatch)
    assert run("export", fmt, "--data", root, "-o", tmp_path / "expected")[0] == 0  # stored
    store = next((tmp_path / "cache").glob("*.sqlite"))
    db = sqlite3.connect(store)
    db.execute("UPDATE claims SET notes = 'tampered' WHERE id = 'e6'")  # e6: the sixth
    db.commit()
    db.close()
    code, out, err = run("export", fmt, "--data", root, "-o", tmp_path / "got")
    assert (code, out, err) == (0, "", f"wrote {tmp_path / 'got'}\n")
    assert contents(tmp_path / "got") == contents(tmp_path / "expected")


def test_a_json_item_is_what_json_dumps_writes_indented():
    import json

    from actorgraph.export.jsonstream import item

    rng = random.Random(3)
    scalars = ["", "plain", "é “curly” \\ \"quoted\"", "\x00\x1f\n\t\u2028", 0, -7, 10**20,
               1.5, -0.0, 1e300, float("inf"), float("nan"), True, False, None]

    def value(depth: int):
        kind = rng.randrange(5 if depth < 3 else 1)
        if kind == 0:
            return rng.choice(scalars)
        if kind in (1, 2):
            return [value(depth + 1) for _ in range(rng.randrange(4))]
        if kind == 3:
            return tuple(value(depth + 1) for _ in range(rng.randrange(3)))
        keys = [rng.choice(["id", "name", "é", "a b", "", "\x00"]) for _ in range(4)]
        if rng.random() < 0.2:
            keys.append(rng.choice([1, 2.5, None, True]))  # json writes them as strings
        return {key: value(depth + 1) for key in keys}

    for _ in range(500):
        found = value(0)
        expected = json.dumps(found, ensure_ascii=False, indent=2)
        assert item(found) == expected
        assert item(found, "    ") == expected.replace("\n", "\n    ")
