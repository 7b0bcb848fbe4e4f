"""The store: served when nothing changed, rebuilt when anything did, never trusted when
damaged, never written for a casebook with errors, removing only what it wrote."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys

import pytest

from actorgraph import workspace
from actorgraph.errors import ValidationError
from actorgraph.store import location
from actorgraph.workspace import open_casebook
from helpers import FIXTURES, load_graph, quick_store, run, same_graph


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(folder))
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE", raising=False)
    return folder


def no_rebuild(monkeypatch):
    """Make any read of the casebook fail: what opens now comes from the store."""
    def refuse(*args, **kwargs):
        raise AssertionError("the casebook was read again")
    monkeypatch.setattr(workspace, "read_and_build", refuse)


def stores(folder):
    return sorted(folder.glob("*.sqlite")) if folder.exists() else []


def test_unchanged_casebook_is_served_from_the_store(casebook, cache_dir, monkeypatch):
    root = casebook()
    quick_store(monkeypatch)
    first = load_graph(root)
    assert len(stores(cache_dir)) == 1
    assert not any(p.suffix == ".sqlite" for p in root.rglob("*"))  # outside the casebook
    no_rebuild(monkeypatch)
    with open_casebook(root) as book:
        assert book.from_store
        again = book.graph()
    assert same_graph(first, again)
    assert again.edges["brenn", "front", "c4"]["claimed_by"] == "officials in Brenn"
    assert again.graph["sources"]["report"]["title"] == "A Field Report"


def test_the_store_is_a_database_analysts_can_query(casebook, cache_dir, monkeypatch):
    root = casebook()
    quick_store(monkeypatch)
    G = load_graph(root)
    [path] = stores(cache_dir)
    db = sqlite3.connect(path)
    assert db.execute("select count(*) from claims").fetchone()[0] == G.number_of_edges()
    assert db.execute("select count(*) from actors").fetchone()[0] == len(G)
    assert db.execute("select source, target, relation from claims where id = 'c4'"
                      ).fetchone() == ("brenn", "front", "hostile_to")
    assert [row[0] for row in db.execute("select id from claims order by position")] == [
        f"c{i}" for i in range(1, 6)]  # edges.csv's order
    assert db.execute("select actor from names where key = 'the front'").fetchall() == [
        ("front",)]
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma page_size").fetchone()[0] == 16384  # written faster than 4096


def test_a_store_is_filled_in_a_rollback_journal_then_turned_to_wal(casebook, cache_dir,
                                                                     monkeypatch):
    from actorgraph.store.database import Store

    root = casebook()
    quick_store(monkeypatch)
    path = location.store_path(root)
    Store.create(path).close()  # as a first write left it that failed halfway
    db = sqlite3.connect(path)
    assert db.execute("pragma journal_mode").fetchone()[0] == "delete"
    db.close()
    with open_casebook(root) as book:
        assert not book.from_store
    db = sqlite3.connect(path)
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("select count(*) from claims").fetchone()[0] == 5
    db.close()
    with open_casebook(root) as book:
        assert book.from_store


def test_a_changed_table_is_read_again(casebook, cache_dir, monkeypatch):
    root = casebook()
    quick_store(monkeypatch)
    assert load_graph(root).edges["aldovian-army", "front", "c1"]["notes"] == "rifles"
    edges = root / "edges.csv"
    # Same size, same name: only the content (and the file's ctime) differs.
    edges.write_text(edges.read_text(encoding="utf-8").replace(",rifles\n", ",pistol\n"),
                     encoding="utf-8")
    assert load_graph(root).edges["aldovian-army", "front", "c1"]["notes"] == "pistol"


def test_a_changed_document_is_checked_again(casebook, cache_dir, monkeypatch):
    root = casebook()
    quick_store(monkeypatch)
    load_graph(root)
    document = root / "sources" / "report.txt"
    document.write_text(document.read_text(encoding="utf-8").replace("rifles", "pistol"),
                        encoding="utf-8")
    with pytest.raises(ValidationError, match="source_text not found in 'report'"):
        load_graph(root)


def test_a_casebook_with_errors_is_never_stored(casebook, cache_dir, monkeypatch):
    root = casebook("quote-not-found")
    quick_store(monkeypatch)
    with pytest.raises(ValidationError):
        load_graph(root)
    assert stores(cache_dir) == []


def test_warnings_come_back_from_the_store_and_strict_still_fails(casebook, cache_dir,
                                                                  monkeypatch):
    root = casebook("unused-actor")
    quick_store(monkeypatch)
    with open_casebook(root) as first:
        assert [str(w) for w in first.warnings] == [
            "case/nodes.csv:7: warning: actor 'ghost' has no claims"]
    no_rebuild(monkeypatch)
    with open_casebook(root) as again:
        assert again.from_store
        assert [str(w) for w in again.warnings] == [str(w) for w in first.warnings]
    with pytest.raises(ValidationError) as err:
        open_casebook(root, strict=True)
    assert str(err.value) == ("case/nodes.csv:7: actor 'ghost' has no claims\n"
                              "1 error in the casebook.")


def test_queries_say_the_stored_warnings_once_unless_quiet(casebook, cache_dir, monkeypatch):
    casebook("unused-actor")
    quick_store(monkeypatch)
    for _ in range(2):  # read, then from the store
        code, out, err = run("show", "aldovia", "--data", "case")
        assert code == 0 and "Aldovia" in out
        assert err == "case/nodes.csv:7: warning: actor 'ghost' has no claims\n"
    assert run("show", "aldovia", "--data", "case", "--quiet")[2] == ""


def test_files_changed_just_before_reading_are_hashed_next_time(casebook, cache_dir):
    root = casebook()  # just copied: a same-second change could not be told apart
    load_graph(root)
    [path] = stores(cache_dir)
    times = [row[0] for row in sqlite3.connect(path).execute("select mtime_ns from files")]
    assert times and set(times) == {-1}  # matches no file: its contents are compared
    with open_casebook(root) as book:
        assert book.from_store  # the same contents


def test_no_store_when_turned_off(casebook, cache_dir, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    root = casebook()
    quick_store(monkeypatch)
    load_graph(root)
    assert stores(cache_dir) == []


def test_store_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE", raising=False)
    monkeypatch.delenv("ACTORGRAPH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert location.cache_dir() == tmp_path / "xdg" / "actorgraph"
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "mine"))
    assert location.cache_dir() == tmp_path / "mine"
    assert location.store_path("data").parent == tmp_path / "mine"
    assert location.store_path("data") == location.store_path("./data/../data")
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    assert location.cache_dir() is None


def test_same_contents_with_new_timestamps_are_served_from_the_store(casebook, cache_dir,
                                                                     monkeypatch):
    root = casebook()
    quick_store(monkeypatch)
    first = load_graph(root)
    edges = root / "edges.csv"
    edges.write_bytes(edges.read_bytes())  # rewritten: new mtime and ctime, same contents
    (root / "sources" / "report.txt").touch()
    no_rebuild(monkeypatch)
    assert same_graph(first, load_graph(root))


def test_stores_used_longest_ago_are_evicted_beyond_the_budget(casebook, cache_dir,
                                                               monkeypatch):
    first = casebook()
    second, third = (shutil.copytree(first, first.parent / name) for name in ("two", "three"))
    quick_store(monkeypatch)
    load_graph(first)
    [old] = stores(cache_dir)
    size = sum(p.stat().st_size for p in location.companions(old) if p.exists())
    monkeypatch.setenv("ACTORGRAPH_CACHE_MB", str(2.5 * size / 2**20))  # room for two
    load_graph(second)
    assert len(stores(cache_dir)) == 2
    os.utime(old, ns=(0, 0))  # as if long unused ...
    load_graph(first)  # ... until served again now
    assert old.stat().st_mtime_ns > 0
    load_graph(third)  # the third store pushes out the second, used longest ago
    assert len(stores(cache_dir)) == 2
    assert old in stores(cache_dir)
    assert location.store_path(second) not in stores(cache_dir)
    assert location.store_path(third) in stores(cache_dir)


def test_eviction_removes_only_what_the_store_wrote(casebook, cache_dir, monkeypatch):
    """A user's files in the folder, even named like stores, are never removed; an old
    cache file (its header proves it) is."""
    cache_dir.mkdir()
    theirs = {
        "project.graph": b"a user's file",
        "0123456789abcdef0123456789abcdef.graph": b"not our header",
        "actorgraph-0123456789abcdef0123456789abcdef.sqlite": b"SQLite format 3\x00" + bytes(84),
        "notes.sqlite": b"SQLite format 3\x00" + bytes(84),
    }
    for name, data in theirs.items():
        (cache_dir / name).write_bytes(data)
    old_cache = cache_dir / "fedcba9876543210fedcba9876543210.graph"
    old_cache.write_bytes(b"actorgraph-cache\n" + bytes(1000))
    monkeypatch.setenv("ACTORGRAPH_CACHE_MB", "0")  # nothing fits: evict all that may go
    root = casebook()
    quick_store(monkeypatch)
    load_graph(root)
    for name, data in theirs.items():
        assert (cache_dir / name).read_bytes() == data
    assert not old_cache.exists()
    assert len(stores(cache_dir)) == 3  # ours (kept: just written) and the two of theirs


def test_a_store_folder_that_does_not_exist_yet_is_made(casebook, tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "deep" / "er" / "cache"))
    root = casebook()
    quick_store(monkeypatch)
    load_graph(root)
    assert len(list((tmp_path / "deep" / "er" / "cache").glob("*.sqlite"))) == 1


QUESTIONS = [("path", "iran", "cartel-de-los-soles"), ("show", "hezbollah"),
             ("neighbors", "eln", "--depth", "2"), ("claims", "--actor", "iran", "--format", "csv"),
             ("stats",)]


def test_a_damaged_store_is_rebuilt_never_a_crash(tmp_path, cache_dir, monkeypatch):
    """Flip each of the store's first 64 bytes, and bytes further in: every question still
    gets the answer the files give, and the store is whole again afterwards."""
    root = tmp_path / "data"
    shutil.copytree(FIXTURES.parent.parent / "data", root)
    quick_store(monkeypatch)
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    expected = [run(*q, "--data", root) for q in QUESTIONS]
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE")
    assert [run(*q, "--data", root) for q in QUESTIONS] == expected
    [path] = stores(cache_dir)
    good = path.read_bytes()
    rng = random.Random(5)
    offsets = list(range(64)) + sorted(rng.sample(range(64, len(good)), 60))
    for at in offsets:
        damaged = bytearray(good)
        damaged[at] ^= 1 << rng.randrange(8)
        location.remove(path)
        path.write_bytes(bytes(damaged))
        question = QUESTIONS[at % len(QUESTIONS)]
        assert run(*question, "--data", root) == expected[at % len(QUESTIONS)], at
    for q, answer in zip(QUESTIONS, expected):
        assert run(*q, "--data", root) == answer


def test_a_store_missing_an_actor_its_claims_name_is_read_again(casebook, cache_dir,
                                                                monkeypatch):
    """Every row intact but an actor's gone, its claims still there (the actors counted
    anew would match `meta`): the whole graph comes from the files, never with an actor
    that has no name or type."""
    root = casebook()
    quick_store(monkeypatch)
    expected = load_graph(root)
    [path] = stores(cache_dir)
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM actors WHERE id = 'front'")
    db.close()
    with open_casebook(root, whole=True) as book:
        G = book.graph()
    assert G.nodes["front"]["name"] == expected.nodes["front"]["name"]
    assert same_graph(expected, G)


def test_readers_and_writers_at_once(tmp_path, cache_dir):
    """Eight commands started together on a casebook the store does not hold yet (all read
    it, all write it), then on the one it holds, then after a change to a claim no answer
    shows: each gives the answer of the files, and one store is left, matching them."""
    import time

    root = tmp_path / "case"
    shutil.copytree(FIXTURES / "query", root)
    env = {**os.environ, "ACTORGRAPH_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-m", "actorgraph", "path", "alpha", "delta", "--data",
               str(root)]
    expected = subprocess.run(command, capture_output=True, text=True,
                              env={**env, "ACTORGRAPH_NO_CACHE": "1"}).stdout
    assert "Delta Cartel" in expected

    def together():
        time.sleep(2.1)  # the files settle (fingerprint.RACY_NS in the children)
        children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=env) for _ in range(8)]
        results = [child.communicate(timeout=120) for child in children]
        assert [child.returncode for child in children] == [0] * 8, results
        assert {out for out, _err in results} == {expected}

    together()
    together()
    nodes = root / "nodes.csv"
    nodes.write_text(nodes.read_text(encoding="utf-8").replace("A distant state.",
                                                               "A far state."), "utf-8")
    together()
    assert len(stores(cache_dir)) == 1
    with open_casebook(root) as book:
        assert book.from_store
        assert book.graph().nodes["zeta"]["description"] == "A far state."
