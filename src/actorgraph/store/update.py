"""Bringing a casebook's store up to date after an edit: only what changed is read again and
checked again, and only the rows it touches are rewritten.

`update(store, root)` finds the files that changed since the store was written (stamps, then
contents), and in each changed table the records the edit replaced (`layout.change`: block
digests from both ends, so a few hundred records around an edit in a file of any size). It
reads those records, checks them as a full reading would, and checks through the store's
indexes what other rows depend on:

- a claim: its values (`check_claims`), its quote in its document, its id unique and its ends
  actors (the tables' unique ids, the actors' index), its claimant's actor, and the repeats
  and dates of its document tie (every claim of the tie, by the `doc_tie` index);
- a changed document: every claim citing it is searched again (the `source_doc` index);
- nodes.csv: the actor checks run on the whole file (a near-duplicate or look-alike name is
  found among all names, not near the edit), and the claims whose claimant a changed actor
  names are linked again (the `claimed_by` index);
- sources.csv, small: read and checked whole;
- then the actors and documents in no claim (the actors' `degree`, the claims' index).

An edit a full reading would report as an error, a changed header, a change to more than
MAX_SHARE of a table, or no room between two positions for the rows added: `Stale` is
raised, and the caller reads the casebook whole (which also lists every problem). The
result is the store a full reading writes: tests apply random edits and compare the two.
"""

from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.casebook.duplicates import alike_actors, repeated_claims
from actorgraph.casebook.quotes import Document
from actorgraph.casebook.read import (
    MAX_DOCUMENT_MB,
    Contents,
    Rows,
    Unreadable,
    decode,
    display_path,
    document_place,
    header_columns,
    input_files,
    read_bytes,
    read_documents,
    read_region,
    read_table,
    read_text,
    split_aliases,
)
from actorgraph.casebook.validate import check_actors, check_claims, check_sources
from actorgraph.errors import Problem
from actorgraph.graph.build import _claim_edges
from actorgraph.schema import EDGES, NODES, SOURCES, TABLES
from actorgraph.store import fingerprint
from actorgraph.store.database import (
    ROWS,
    Store,
    _checked,
    _sealed,
    actor_row,
    claim_row,
    names_of,
)
from actorgraph.store.layout import Change, Layout, blocks, change, digest, measure, patched
from actorgraph.text import name_key
from actorgraph.util import gc_paused

MAX_SHARE = 0.25  # of a table's records: a change to more is read whole, as fast


class Stale(Exception):
    """The store cannot be brought up to date by parts: read the casebook whole."""


@dataclass
class Edit:
    """A changed table file: its new bytes, its layout before, what changed, and (once
    read) its layout after."""

    data: bytes
    before: Layout
    change: Change
    after: Layout | None = None


@dataclass
class Update:
    """What one update found and did (for the caller's message and the tests)."""

    tables: dict[str, tuple[int, int]] = field(default_factory=dict)  # name: (out, in)
    documents: set[str] = field(default_factory=set)  # source ids searched again


def _problems(problems: Iterable[Problem]) -> list[Problem]:
    """The warnings among `problems`; Stale if any is an error."""
    found = list(problems)
    if any(p.severity == "error" for p in found):
        raise Stale("an error: the full reading reports it")
    return found


class _Updater:
    def __init__(self, store: Store, root: Path):
        self.store, self.db, self.root = store, store.db, root
        self.done = Update()
        self.sources_rows: Rows | None = None
        self.places: dict[str, str] | None = None  # source id -> its document's path
        self.documents: dict[str, Document] = {}
        self.layouts: dict[str, Layout] = {}
        self.actor_warnings: list[Problem] = []
        self.source_warnings: list[Problem] = []

    # --- What changed ------------------------------------------------------------------------

    def changes(self) -> None:
        """Read the files whose stamps moved; keep those whose contents changed."""
        root = self.root
        self.recorded = self.store.files()
        paths = [Path(state[0]) for state, _digest in self.recorded]
        tables = [(root / t.filename).resolve() for t in TABLES]
        if paths[:len(tables)] != tables:
            raise Stale("the store holds another folder's files")
        self.before = fingerprint.Snapshot(time.time_ns(), [fingerprint.state(p)
                                                            for p in paths])
        self.digests = {}  # path -> the digest of its contents now
        self.edits: dict[str, Edit] = {}
        self.new_documents: set[Path] = set()
        for (old, known), now, path in zip(self.recorded, self.before.files, paths):
            self.digests[path] = known
            if now == old:
                continue
            if now[1] is None:
                raise Stale(f"{path} is gone")
            try:
                data = read_bytes(path, None)
            except (OSError, Unreadable) as err:
                raise Stale(str(err)) from err
            forward = blocks(data)
            self.digests[path] = digest(data, forward)
            if self.digests[path] == known:
                continue
            if path in tables:
                name = TABLES[tables.index(path)].filename
                layout = self.store.layout(name)
                edit = change(layout, data, forward) if layout is not None else None
                if edit is None:
                    raise Stale(f"{name}: its header changed, or it has no layout")
                if not edit.same:
                    self.edits[name] = Edit(data, layout, edit)
            else:
                self.new_documents.add(path)

    # --- Sources and documents --------------------------------------------------------------

    def sources(self) -> None:
        """Read sources.csv whole if it or a document changed; the documents to search
        again: new ones, moved ones, changed ones."""
        edit = self.edits.get(SOURCES.filename)
        if edit is None and not self.new_documents:
            return
        problems: list[Problem] = []
        pending = {SOURCES.filename: edit.data} if edit else None
        rows = read_table(self.root, SOURCES, problems, pending)
        _, places = read_documents(self.root, rows, problems, only=set())
        old = self.store.sources()
        again = {ident for ident, place in places.items()
                 if (old.get(ident) or {}).get("path") != place
                 or (self.root / place).resolve() in self.new_documents}
        self.documents, _ = read_documents(self.root, rows, scratch := [], only=again)
        _problems(scratch)
        self.sources_rows, self.places = rows, places
        self.done.documents = set(again)
        if edit is None:
            return
        check_sources(rows, problems)
        self.source_warnings = _problems(problems)
        self.layouts[SOURCES.filename] = measure(edit.data, rows.lines) or _stale("layout")
        if len(self.layouts[SOURCES.filename]) != len(rows):
            raise Stale("sources.csv: records and lines disagree")
        records = [{**s, "path": places.get(s["id"], s["path"])} for s in rows.records]
        self.store.set_sources(records, self.layouts[SOURCES.filename].positions)
        out = edit.change.stop - edit.change.first
        self.done.tables[SOURCES.filename] = (out, len(rows) - len(edit.before) + out)

    def document(self, ident: str) -> Document | None:
        """The text of the document source `ident` names (read once)."""
        if ident not in self.documents:
            if self.places is None:
                self.places = {i: row["path"] for i, row in self.store.sources().items()}
            place = document_place(self.root, self.places.get(ident, ""))
            if place.path is None:
                raise Stale(f"the document of {ident!r} cannot be found")
            try:
                self.documents[ident] = Document(read_text(place.path, MAX_DOCUMENT_MB))
            except (OSError, Unreadable) as err:
                raise Stale(str(err)) from err
        return self.documents.get(ident)

    # --- Actors ------------------------------------------------------------------------------

    def actors(self) -> None:
        """Put nodes.csv's changed records in place of the old, check every actor."""
        self.gone_actors: set[str] = set()
        self.new_actors: set[str] = set()
        self.changed_keys: set[str] = set()
        edit = self.edits.get(NODES.filename)
        if edit is None:
            return
        problems: list[Problem] = []
        rows = read_table(self.root, NODES, problems, {NODES.filename: edit.data})
        _problems(problems)
        check_actors(rows, problems)
        alike_actors(rows, problems)
        self.actor_warnings = _problems(problems)
        first, stop = edit.change.first, edit.change.stop
        count = len(rows) - (len(edit.before) - (stop - first))
        added = range(first, first + count)
        edit.after = patched(edit.before, edit.change, [rows.lines[i] for i in added],
                             edit.data) or _stale("no room")
        if list(edit.after.lines) != rows.lines:
            raise Stale("nodes.csv: records and lines disagree")
        self.layouts[NODES.filename] = edit.after
        old = self._take("actors", edit.before, first, stop)
        for row in old:
            self.gone_actors.add(row[1])
            keys = _keys(row[1], row[2], split_aliases(row[4]))
            self.changed_keys.update(keys)
            self.db.executemany("DELETE FROM names WHERE key = ? AND actor = ?",
                                ((key, row[1]) for key in keys))
        records = rows.records
        nodes = [(records[i]["id"], {**records[i],
                                     "aliases": split_aliases(records[i]["aliases"])})
                 for i in added]
        self._insert("actors", (actor_row(edit.after.positions[i], ident, attrs, 0)
                                for i, (ident, attrs) in zip(added, nodes)))
        self.db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", names_of(nodes))
        for ident, attrs in nodes:
            self.new_actors.add(ident)
            self.changed_keys.update(_keys(ident, attrs.get("name", ""), attrs["aliases"]))
        self.done.tables[NODES.filename] = (len(old), len(nodes))

    # --- Claims ------------------------------------------------------------------------------

    def claims(self) -> None:
        """Put edges.csv's changed records in place of the old ones."""
        self.gone_claims: list[tuple] = []
        self.new_claims: list[tuple] = []
        edit = self.edits.get(EDGES.filename)
        if edit is None:
            return
        before, change_ = edit.before, edit.change
        if (change_.stop - change_.first) > MAX_SHARE * len(before):
            raise Stale("most of edges.csv changed")
        shown = display_path(self.root / EDGES.filename)
        try:
            header = next(csv.reader([decode(edit.data[:before.offsets[0]],
                                             self.root / EDGES.filename).rstrip("\r\n")]))
            text = change_.region.decode("utf-8")
        except (Unreadable, UnicodeDecodeError, StopIteration) as err:
            raise Stale("edges.csv cannot be decoded") from err
        problems: list[Problem] = []
        rows = read_region(text, header_columns(header, EDGES), EDGES, change_.line, shown,
                           problems)
        _problems(problems)
        if len(rows) > MAX_SHARE * len(before) + 1:
            raise Stale("most of edges.csv changed")
        edit.after = patched(before, change_, rows.lines, edit.data) or _stale("no room")
        self.layouts[EDGES.filename] = edit.after
        self.gone_claims = self._take("claims", before, change_.first, change_.stop)
        self.region = rows
        self.region_positions = edit.after.positions[change_.first:
                                                     change_.first + len(rows)]
        self.done.tables[EDGES.filename] = (len(self.gone_claims), len(rows))

    def place_claims(self) -> None:
        """Insert the new claims (their ends, claimant and quote found), once the actors
        are in place."""
        if not hasattr(self, "region"):
            return
        rows = self.region
        columns = rows.columns
        ends = set(columns["source"]) | set(columns["target"])
        present = self._present(ends)
        problems: list[Problem] = []
        check_claims(Contents(self.root, Rows.unreadable("", NODES), rows,
                              Rows.unreadable("", SOURCES), {}, []),
                     dict.fromkeys(present, 0), problems)
        _problems(problems)
        named = {who: self._claimant(who) for who in set(columns["claimed_by"])}
        edges = _claim_edges(rows, {end: end for end in present}, named)
        for (*_, attrs), quote, doc in zip(edges, columns["source_text"],
                                           columns["source_doc"]):
            self._place(attrs, doc, quote)
        self.new_claims = [claim_row(position, u, v, key, attrs)
                           for position, (u, v, key, attrs)
                           in zip(self.region_positions, edges)]
        self._insert("claims", self.new_claims)

    def _place(self, attrs: dict, doc: str, quote: str) -> None:
        document = self.document(doc) if self._known_source(doc) else None
        span = document.locate(quote) if document is not None and quote else None
        if span is None:
            raise Stale("a quote is not found, or its document is not")
        attrs["paragraph"], attrs["start"], attrs["end"] = span.paragraph, span.start, span.end

    def _known_source(self, doc: str) -> bool:
        if self.sources_rows is not None and SOURCES.filename in self.layouts:
            return doc in set(self.sources_rows.columns["id"])
        return self.db.execute("SELECT 1 FROM sources WHERE id = ?", (doc,)).fetchone() \
            is not None

    def documents_again(self) -> None:
        """Search again every claim citing a document that changed or moved."""
        new = {row[0] for row in self.new_claims}
        columns = ROWS["claims"]
        at = {c: columns.index(c) for c in ("source_doc", "source_text", "paragraph",
                                             "start", "end")}
        for ident in sorted(self.done.documents):
            rows = [row for row in _checked(self.db.execute(
                f"SELECT {_select('claims')} FROM claims WHERE source_doc = ?", (ident,)))
                if row[0] not in new]
            if any(row[at["source_doc"]] != ident for row in rows):
                raise sqlite3.DatabaseError("an index points at the wrong row")
            document = self.document(ident)
            changed = []
            for row in rows:
                span = document.locate(row[at["source_text"]]) if document else None
                if span is None:
                    raise Stale("a quote is no longer in its document")
                place = (span.paragraph, span.start, span.end)
                if place != (row[at["paragraph"]], row[at["start"]], row[at["end"]]):
                    row = list(row)
                    row[at["paragraph"]], row[at["start"]], row[at["end"]] = place
                    changed.append(tuple(row))
            self._rewrite("claims", changed)

    # --- What other rows depend on ----------------------------------------------------------

    def links(self) -> None:
        """No claim left naming a removed actor or document; claimants linked again where
        a changed actor names them; degrees counted again."""
        for actor in self.gone_actors - self.new_actors:
            if self.db.execute("SELECT 1 FROM claims WHERE source = ?1 OR target = ?1 LIMIT 1",
                               (actor,)).fetchone():
                raise Stale(f"a claim names the removed actor {actor!r}")
        if self.sources_rows is not None and SOURCES.filename in self.layouts:
            known = set(self.sources_rows.columns["id"])
            for (doc,) in self.db.execute("SELECT DISTINCT source_doc FROM claims"):
                if doc not in known:
                    raise Stale(f"a claim cites the removed source {doc!r}")
        if self.changed_keys:
            columns = ROWS["claims"]
            who = columns.index("claimed_by_actor")
            for (claimant,) in self.db.execute(
                    "SELECT DISTINCT claimed_by FROM claims WHERE claimed_by != ''").fetchall():
                if name_key(claimant) not in self.changed_keys:
                    continue
                actor = self._claimant(claimant)
                rows = list(_checked(self.db.execute(
                    f"SELECT {_select('claims')} FROM claims WHERE claimed_by = ?",
                    (claimant,))))
                self._rewrite("claims", [(*row[:who], actor, *row[who + 1:]) for row in rows
                                         if row[who] != actor])
        touched = set(self.new_actors)
        for row in (*self.gone_claims, *self.new_claims):
            touched.update(row[2:4])
        degree = ROWS["actors"].index("degree")
        for actor in sorted(touched):
            rows = list(_checked(self.db.execute(
                f"SELECT {_select('actors')} FROM actors WHERE id = ?", (actor,))))
            if not rows:
                continue
            count = self.db.execute(
                "SELECT (SELECT count(*) FROM claims WHERE source = ?1) + "
                "(SELECT count(*) FROM claims WHERE target = ?1 AND source != ?1)",
                (actor,)).fetchone()[0]
            if rows[0][degree] != count:
                self._rewrite("actors", [(*rows[0][:degree], count)])

    def _claimant(self, claimant: str) -> str:
        found = [row[0] for row in self.db.execute("SELECT actor FROM names WHERE key = ?",
                                                   (name_key(claimant),))]
        return found[0] if len(found) == 1 else ""

    def _present(self, actors: set[str]) -> set[str]:
        present = set()
        for chunk in _chunks(sorted(actors)):
            present.update(row[0] for row in self.db.execute(
                f"SELECT id FROM actors WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        return present

    # --- Warnings ----------------------------------------------------------------------------

    def warnings(self) -> None:
        """Check again the claims of every document tie an edit touched, the tables read
        whole, and the actors and documents in no claim."""
        claims = self._layout(EDGES.filename)
        ties = {row[-1] for row in (*self.gone_claims, *self.new_claims)}
        again = []
        for chunk in _chunks(sorted(ties)):
            again += _checked(self.db.execute(
                f"SELECT {_select('claims')} FROM claims WHERE doc_tie IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        again.sort()
        gone = [row[0] for row in self.gone_claims]
        for chunk in _chunks(gone + [row[0] for row in again]):
            self.db.execute(f"DELETE FROM warnings WHERE record IN "
                            f"({', '.join('?' * len(chunk))})", chunk)
        problems: list[Problem] = []
        if again:
            rows = _claim_rows(again, claims, EDGES.filename)
            ends = set(rows.columns["source"]) | set(rows.columns["target"])
            book = Contents(self.root, Rows.unreadable("", NODES), rows,
                            Rows.unreadable("", SOURCES), {}, [])
            check_claims(book, dict.fromkeys(self._present(ends), 0), problems)
            repeated_claims(book, problems)
        if NODES.filename in self.layouts:
            self.db.execute("DELETE FROM warnings WHERE file = ? AND unused = 0",
                            (NODES.filename,))
            problems = [*self.actor_warnings, *problems]
        if SOURCES.filename in self.layouts:
            self.db.execute("DELETE FROM warnings WHERE file = ? AND unused = 0",
                            (SOURCES.filename,))
            problems += self.source_warnings
        self.db.execute("DELETE FROM warnings WHERE unused = 1")
        unused = self.unused()
        files = {display_path(self.root / t.filename): t.filename for t in TABLES}
        self.store.add_warnings([*_problems(problems), *unused],
                                lambda file: files.get(file, file), claims, set(unused))

    def unused(self) -> list[Problem]:
        """`validate.check_unused`, from the store: actors of degree 0 that no claimant
        names, sources no claim cites."""
        nodes, sources = self._layout(NODES.filename), self._layout(SOURCES.filename)
        claimants = {name_key(c) for (c,) in self.db.execute(
            "SELECT DISTINCT claimed_by FROM claims WHERE claimed_by != ''")}
        found = []
        shown = display_path(self.root / NODES.filename)
        for row in _checked(self.db.execute(
                f"SELECT {_select('actors')} FROM actors WHERE degree = 0 ORDER BY position")):
            if row[-1] != 0:
                raise sqlite3.DatabaseError("an index points at the wrong row")
            if not claimants.intersection(_keys(row[1], row[2], split_aliases(row[4]))):
                found.append(Problem(shown, nodes.line_of(row[0]),
                                     f"actor {row[1]!r} has no claims", "warning"))
        shown = display_path(self.root / SOURCES.filename)
        for position, ident in self.db.execute("SELECT position, id FROM sources "
                                               "ORDER BY position").fetchall():
            if ident and not self.db.execute("SELECT 1 FROM claims WHERE source_doc = ? "
                                             "LIMIT 1", (ident,)).fetchone():
                found.append(Problem(shown, sources.line_of(position),
                                     f"source {ident!r} is cited by no claim", "warning"))
        return found

    # --- Files, layouts, counts -------------------------------------------------------------

    def finish(self) -> None:
        for name, layout in self.layouts.items():
            self.store.set_layout(name, layout)
        if self.sources_rows is not None and SOURCES.filename in self.layouts:
            paths = input_files(self.root, self.sources_rows.records)
        else:
            paths = [Path(state[0]) for state, _digest in self.recorded]
        known = dict(self.digests)
        files = []
        before = fingerprint.Snapshot(self.before.taken_ns, [])
        for path in paths:
            now = fingerprint.state(path)
            if path not in known:
                try:
                    known[path] = digest(read_bytes(path, None))
                except (OSError, Unreadable) as err:
                    raise Stale(str(err)) from err
            before.files.append(now)
            files.append((fingerprint.recorded(self.before, now), known[path]))
        self.store.set_files(files)
        counts = {table: self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("actors", "claims")}
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                            [(table, str(count)) for table, count in counts.items()])
        # Unchanged since their stamps were taken: else the next command looks again.
        for state_now, path in zip(before.files, paths):
            if fingerprint.state(path) != state_now:
                raise Stale(f"{path} changed while it was read")

    # --- Rows ------------------------------------------------------------------------------

    def _layout(self, name: str) -> Layout:
        """A table's layout: as this update made it, else as stored."""
        found = self.layouts[name] if name in self.layouts else self.store.layout(name)
        if found is None:
            raise Stale(f"{name} has no layout")
        return found

    def _take(self, table: str, layout: Layout, first: int, stop: int) -> list[tuple]:
        """Remove the rows of records [first, stop) of a table; return them."""
        if stop <= first:
            return []
        low, high = layout.positions[first], layout.positions[stop - 1]
        rows = list(_checked(self.db.execute(
            f"SELECT {_select(table)} FROM {table} WHERE position BETWEEN ? AND ? "
            "ORDER BY position", (low, high))))
        if [row[0] for row in rows] != list(layout.positions[first:stop]):
            raise sqlite3.DatabaseError("the store's rows do not match its layout")
        self.db.execute(f"DELETE FROM {table} WHERE position BETWEEN ? AND ?", (low, high))
        return rows

    def _insert(self, table: str, rows: Iterable[tuple]) -> None:
        marks = ", ".join("?" * (len(ROWS[table]) + 1))
        try:
            self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", _sealed(rows))
        except sqlite3.IntegrityError as err:  # an id twice: the full reading says where
            raise Stale(str(err)) from err

    def _rewrite(self, table: str, rows: list[tuple]) -> None:
        if rows:
            self.db.executemany(f"DELETE FROM {table} WHERE position = ?",
                                ((row[0],) for row in rows))
            self._insert(table, rows)


def _stale(why: str):
    raise Stale(why)


def _select(table: str) -> str:
    return ", ".join(f'"{c}"' for c in ROWS[table]) + ", crc"


def _chunks(values: list, size: int = 500) -> Iterable[list]:
    for first in range(0, len(values), size):
        yield values[first:first + size]


def _keys(ident: str, name: str, aliases: Iterable[str]) -> set[str]:
    return {name_key(n) for n in (ident, name, *aliases) if n}


def _claim_rows(rows: list[tuple], layout: Layout, filename: str) -> Rows:
    """Stored claim rows as `Rows` (the columns checks read), on their lines now."""
    columns = ROWS["claims"]
    wanted = [c for c in EDGES.column_names if c in columns]
    at = [columns.index(c) for c in wanted]
    values = {c: [row[i] for row in rows] for c, i in zip(wanted, at)}
    lines = [layout.line_of(row[0]) for row in rows]
    if None in lines:
        raise sqlite3.DatabaseError("the store's rows do not match its layout")
    blank = [""] * len(rows)
    return Rows(filename, {c: values.get(c, blank) for c in EDGES.column_names}, lines)


@gc_paused()
def update(store: Store, root: Path) -> Update:
    """Bring `store`, in an open write transaction, up to date with the casebook folder
    `root`; Stale when it cannot be done by parts (the transaction is then the caller's to
    roll back)."""
    updater = _Updater(store, Path(root))
    updater.changes()
    updater.sources()
    updater.actors()
    updater.claims()
    updater.place_claims()
    updater.documents_again()
    updater.links()
    updater.warnings()
    updater.finish()
    return updater.done
