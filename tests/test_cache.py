"""The graph cache: served when nothing changed, rebuilt when anything did, never trusted
when corrupt, never written for a casebook with errors."""

from __future__ import annotations

import time

import networkx as nx
import pytest

from actorgraph import build, cache
from actorgraph.build import load_casebook, load_graph
from actorgraph.errors import ValidationError


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(folder))
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE", raising=False)
    # Files count as settled 50 ms after their last change (2 s in real use).
    monkeypatch.setattr(cache, "RACY_NS", 50_000_000)
    return folder


def settle():
    time.sleep(0.06)


def no_rebuild(monkeypatch):
    """Make any read of the casebook fail: what loads now comes from the cache."""
    def refuse(*args, **kwargs):
        raise AssertionError("the casebook was read again")
    monkeypatch.setattr(build, "open_casebook", refuse)


def entries(folder):
    return sorted(folder.glob("*.graph")) if folder.exists() else []


def test_unchanged_casebook_is_served_from_the_cache(casebook, cache_dir, monkeypatch):
    root = casebook()
    settle()
    first = load_graph(root)
    assert len(entries(cache_dir)) == 1
    assert not any(root.rglob("*.graph"))  # stored outside the casebook
    no_rebuild(monkeypatch)
    again = load_graph(root)
    assert nx.utils.graphs_equal(first, again)
    assert again.edges["brenn", "front", "c4"]["claimed_by"] == "officials in Brenn"
    assert again.graph["sources"]["report"]["title"] == "A Field Report"


def test_a_changed_table_is_read_again(casebook, cache_dir):
    root = casebook()
    settle()
    assert load_graph(root).edges["aldovian-army", "front", "c1"]["notes"] == "rifles"
    edges = root / "edges.csv"
    # Same size, same name: only the content (and the file's ctime) differs.
    edges.write_text(edges.read_text(encoding="utf-8").replace(",rifles\n", ",pistol\n"),
                     encoding="utf-8")
    assert load_graph(root).edges["aldovian-army", "front", "c1"]["notes"] == "pistol"


def test_a_changed_document_is_checked_again(casebook, cache_dir):
    root = casebook()
    settle()
    load_graph(root)
    document = root / "sources" / "report.txt"
    document.write_text(document.read_text(encoding="utf-8").replace("rifles", "pistol"),
                        encoding="utf-8")
    with pytest.raises(ValidationError, match="source_text not found in 'report'"):
        load_graph(root)


def test_a_corrupt_cache_is_ignored_and_rewritten(casebook, cache_dir, monkeypatch):
    root = casebook()
    settle()
    expected = load_graph(root)
    [entry] = entries(cache_dir)
    data = bytearray(entry.read_bytes())
    data[-10] ^= 0xFF  # one flipped byte in the pickled graph
    entry.write_bytes(bytes(data))
    assert cache.load(root) is None
    assert nx.utils.graphs_equal(load_graph(root), expected)
    entry.write_bytes(data[: len(data) // 2])  # truncated
    assert cache.load(root) is None
    entry.write_bytes(b"not a cache")
    assert cache.load(root) is None
    assert nx.utils.graphs_equal(load_graph(root), expected)
    no_rebuild(monkeypatch)  # the rebuilt entry is good again
    assert nx.utils.graphs_equal(load_graph(root), expected)


def test_a_casebook_with_errors_is_never_cached(casebook, cache_dir):
    root = casebook("quote-not-found")
    settle()
    with pytest.raises(ValidationError):
        load_graph(root)
    assert entries(cache_dir) == []


def test_warnings_come_back_from_the_cache_and_strict_still_fails(casebook, cache_dir,
                                                                  monkeypatch):
    root = casebook("unused-actor")
    settle()
    first = load_casebook(root)
    assert [str(w) for w in first.warnings] == [
        "case/nodes.csv:7: warning: actor 'ghost' has no claims"]
    no_rebuild(monkeypatch)
    assert [str(w) for w in load_casebook(root).warnings] == [str(w) for w in first.warnings]
    with pytest.raises(ValidationError) as err:
        load_casebook(root, strict=True)
    assert str(err.value) == ("case/nodes.csv:7: actor 'ghost' has no claims\n"
                              "1 error in the casebook.")


def test_files_changed_just_before_reading_are_not_cached(casebook, cache_dir, monkeypatch):
    monkeypatch.setattr(cache, "RACY_NS", 2_000_000_000)
    root = casebook()  # just copied: a same-second change could not be told apart
    load_graph(root)
    assert entries(cache_dir) == []


def test_no_cache_when_turned_off(casebook, cache_dir, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    root = casebook()
    settle()
    load_graph(root)
    assert entries(cache_dir) == []


def test_cache_location_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("ACTORGRAPH_NO_CACHE", raising=False)
    monkeypatch.delenv("ACTORGRAPH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "actorgraph"
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("ACTORGRAPH_NO_CACHE", "1")
    assert cache.cache_dir() is None


def test_same_contents_with_new_timestamps_are_served_from_the_cache(casebook, cache_dir,
                                                                     monkeypatch):
    root = casebook()
    settle()
    first = load_graph(root)
    edges = root / "edges.csv"
    edges.write_bytes(edges.read_bytes())  # rewritten: new mtime and ctime, same contents
    (root / "sources" / "report.txt").touch()
    no_rebuild(monkeypatch)
    assert nx.utils.graphs_equal(first, load_graph(root))



def test_entries_used_longest_ago_are_evicted_beyond_the_budget(casebook, cache_dir,
                                                                monkeypatch):
    import os
    import shutil

    first = casebook()
    second, third = (shutil.copytree(first, first.parent / name) for name in ("two", "three"))
    settle()
    load_graph(first)
    [old] = entries(cache_dir)
    size = old.stat().st_size
    monkeypatch.setenv("ACTORGRAPH_CACHE_MB", str(2.5 * size / 2**20))  # room for two
    load_graph(second)
    assert len(entries(cache_dir)) == 2
    os.utime(old, ns=(0, 0))  # as if long unused ...
    load_graph(first)  # ... until served again now
    assert old.stat().st_mtime_ns > 0
    load_graph(third)  # the third entry pushes out the second, used longest ago
    assert len(entries(cache_dir)) == 2
    assert old in entries(cache_dir)
    assert cache.entry_path(second) not in entries(cache_dir)
    assert cache.entry_path(third) in entries(cache_dir)
