"""The store brought up to date after an edit (`store.update`) is the store a full reading
writes: random edits to every table and to the documents, each compared with a fresh store
of the same casebook."""

from __future__ import annotations

import csv
import io
import random
import shutil
from pathlib import Path

import pytest
from benchmarks.generate import generate

from actorgraph.errors import ValidationError
from actorgraph.store import layout, location
from actorgraph.store.database import Store
from actorgraph.workspace import open_casebook


def table(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


NEWLINE = {"ends": "\n"}  # how the casebook's CSV files end their lines


def write(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator=NEWLINE["ends"]).writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))


def stored(root: Path) -> dict:
    """Everything a store holds about a casebook, but the positions it chose and when."""
    store = Store.open(location.store_path(root))
    try:
        db = store.db
        held = {t: [row[1:-1] for row in db.execute(f"SELECT * FROM {t} ORDER BY position")]
                for t in ("actors", "claims", "sources")}
        held["names"] = sorted(db.execute("SELECT * FROM names"))
        held["warnings"] = [str(p) for p in store.warnings(root, str)]
        held["meta"] = dict(db.execute("SELECT key, value FROM meta WHERE key != 'built'"))
        held["files"] = [(state[0], state[1], digest) for state, digest in store.files()]
        for name in ("nodes.csv", "edges.csv", "sources.csv"):
            found = store.layout(name)
            held[name] = found and (found.size, list(found.offsets), list(found.lines),
                                    found.forward, found.backward)
        return held
    finally:
        store.close()


def outcome(root: Path):
    """What opening the casebook gives: its whole graph's size and warnings, or the
    errors; and whether the store was brought up to date by parts."""
    try:
        with open_casebook(root) as book:
            G = book.graph()
            return ("ok", len(G), G.number_of_edges(), [str(w) for w in book.warnings]), \
                book.updated
    except ValidationError as err:
        return ("errors", str(err)), None


# --- Edits -------------------------------------------------------------------------------


def edit_note(root, rng):
    rows = table(root / "edges.csv")
    row = rng.choice(rows[1:])
    row[9] = rng.choice(["", "edited", "two\nlines", 'a "quoted" note', row[9] + "!"])
    write(root / "edges.csv", rows)


def edit_relation(root, rng):
    rows = table(root / "edges.csv")
    row = rng.choice(rows[1:])
    row[3] = rng.choice(["allied_with", "funds", "hostile_to", "trains", "not_a_relation"])
    write(root / "edges.csv", rows)


def delete_claims(root, rng):
    rows = table(root / "edges.csv")
    for _ in range(rng.randint(1, 3)):
        del rows[rng.randrange(1, len(rows))]
    write(root / "edges.csv", rows)


def repeat_claim(root, rng):
    """A claim copied under a new id (a repeat), or with another date (dated twice)."""
    rows = table(root / "edges.csv")
    row = list(rng.choice(rows[1:]))
    row[0] = f"x{rng.randrange(10**6)}"
    if rng.random() < 0.5:
        row[8] = rng.choice(["1999", "2001-02", ""])
        row[4] = row[4].split()[0] + " " + row[4].split()[1] if len(row[4].split()) > 2 else row[4]
    rows.insert(rng.randrange(1, len(rows) + 1), row)
    write(root / "edges.csv", rows)


def move_claim(root, rng):
    rows = table(root / "edges.csv")
    row = rows.pop(rng.randrange(1, len(rows)))
    rows.insert(rng.randrange(1, len(rows) + 1), row)
    write(root / "edges.csv", rows)


def duplicate_id(root, rng):
    rows = table(root / "edges.csv")
    rng.choice(rows[1:])[0] = rng.choice(rows[1:])[0]
    write(root / "edges.csv", rows)


def rename_actor(root, rng):
    rows = table(root / "nodes.csv")
    row = rng.choice(rows[1:])
    other = rng.choice(rows[1:])
    row[1] = rng.choice([row[1] + " Group", other[1], other[1][:-1] + "x", row[1].upper(),
                         "Ministry of Kaka Affairs"])
    write(root / "nodes.csv", rows)


def alias_actor(root, rng):
    rows = table(root / "nodes.csv")
    row = rng.choice(rows[1:])
    row[3] = rng.choice(["", "the ministry", "an investigator", rng.choice(rows[1:])[1]])
    write(root / "nodes.csv", rows)


def add_actor(root, rng):
    rows = table(root / "nodes.csv")
    rows.insert(rng.randrange(1, len(rows) + 1),
                [f"new-{rng.randrange(10**6)}", rng.choice(["Kaka Front", "Leaked Memo"]),
                 rng.choice(["person", "organisation", "state"]), "", ""])
    write(root / "nodes.csv", rows)


def delete_actor(root, rng):
    rows = table(root / "nodes.csv")
    del rows[rng.randrange(1, len(rows))]
    write(root / "nodes.csv", rows)


def claim_new_actor(root, rng):
    """A new actor and a claim tying it to another, in both files."""
    actors = table(root / "nodes.csv")
    ident = f"fresh-{rng.randrange(10**6)}"
    actors.append([ident, f"Fresh {ident}", "organisation", "", ""])
    write(root / "nodes.csv", actors)
    claims = table(root / "edges.csv")
    row = list(rng.choice(claims[1:]))
    row[0], row[1] = f"y{rng.randrange(10**6)}", ident
    claims.append(row)
    write(root / "edges.csv", claims)


def edit_document(root, rng):
    """Words added at a document's start (every quote moves), or a quote cut out."""
    document = rng.choice(sorted((root / "sources").glob("*.txt")))
    text = document.read_text(encoding="utf-8")
    if rng.random() < 0.8:
        text = "An added first line.\n\n" + text
    else:
        words = text.split()
        text = text.replace(" ".join(words[10:14]), "(cut)", 1)
    document.write_text(text, encoding="utf-8")


def add_document(root, rng):
    """A new document in sources.csv, and claims quoting it."""
    n = rng.randrange(10**6)
    (root / "sources" / f"new-{n}.txt").write_text(
        "A new report.\n\nThe Kaka envoy met the Kari delegation twice last spring.\n",
        encoding="utf-8")
    sources = table(root / "sources.csv")
    sources.append([f"new-{n}", "New report", f"sources/new-{n}.txt", "", "2020", "Wire", ""])
    write(root / "sources.csv", sources)
    claims = table(root / "edges.csv")
    for i in range(rng.randint(0, 3)):
        row = list(rng.choice(claims[1:]))
        row[0], row[4], row[5] = f"z{n}-{i}", "met the Kari delegation twice", f"new-{n}"
        claims.append(row)
    write(root / "edges.csv", claims)


def rename_id(root, rng):
    """An actor's id changed in nodes.csv and in every claim (what `merge` writes)."""
    actors = table(root / "nodes.csv")
    row = rng.choice(actors[1:])
    old, row[0] = row[0], row[0] + "-renamed"
    write(root / "nodes.csv", actors)
    claims = table(root / "edges.csv")
    for claim in claims[1:]:
        claim[1:3] = [row[0] if end == old else end for end in claim[1:3]]
    write(root / "edges.csv", claims)


def retitle_source(root, rng):
    sources = table(root / "sources.csv")
    rng.choice(sources[1:])[1] = rng.choice(["Another title", "Report 1", ""])
    write(root / "sources.csv", sources)


EDITS = [edit_note, edit_note, edit_relation, delete_claims, repeat_claim, move_claim,
         duplicate_id, rename_actor, alias_actor, add_actor, delete_actor, claim_new_actor,
         edit_document, add_document, retitle_source, rename_id]


@pytest.fixture
def small_blocks(monkeypatch):
    """Blocks of 256 bytes: an edit in a small casebook is read again by parts, as one in
    a large casebook is with 64 kB blocks."""
    monkeypatch.setattr(layout, "BLOCK", 256)


@pytest.mark.parametrize("seed", range(6))
def test_updated_store_is_the_store_a_full_reading_writes(tmp_path, monkeypatch, small_blocks,
                                                        seed):
    rng = random.Random(seed)
    root = generate(tmp_path / "case", claims=600, seed=seed)
    monkeypatch.setitem(NEWLINE, "ends", "\r\n" if seed >= 4 else "\n")
    for name in ("nodes.csv", "edges.csv", "sources.csv"):
        write(root / name, table(root / name))
    ours, fresh = tmp_path / "cache", tmp_path / "fresh-cache"
    good = tmp_path / "good"  # the casebook as it last was without errors
    shutil.copytree(root, good)
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(ours))
    outcome(root)
    by_parts = 0
    for _step in range(16):
        for edit in rng.sample(EDITS, rng.choice((1, 1, 2))):
            edit(root, rng)
        monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(ours))
        got, updated = outcome(root)
        by_parts += updated is not None and bool(updated.tables or updated.documents)
        monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(fresh))
        shutil.rmtree(fresh, ignore_errors=True)
        expected, _ = outcome(root)
        assert got == expected
        if got[0] == "ok":
            written_whole = stored(root)
            monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(ours))
            assert stored(root) == written_whole
            shutil.rmtree(good)
            shutil.copytree(root, good)
        else:  # back to the last good casebook, which the store still holds
            shutil.rmtree(root)
            shutil.copytree(good, root)
    assert by_parts >= 5  # most edits were made by parts, not by reading everything
