"""A casebook's store: one SQLite database holding what reading, validating and building it
found, so that later commands on the unchanged casebook start from there.

The tables (documented in the README; open a store with `sqlite3` or Datasette):

- `actors`: one row per actor, in nodes.csv's order (`position`, with gaps for records
  added later), with the number of claims it is in (`degree`); `aliases` as in the CSV
  (`|`-separated), other columns as a JSON object in `extra`.
- `names`: every name an actor answers to, folded as `text.name_key` folds it (`key`) ->
  the actor's id (`actor`).
- `claims`: one row per claim, in edges.csv's order, with `directed` (from the relation),
  `claimed_by_actor` (the actor its claimant names, if any), where its quote stands in its
  document (`paragraph`, `start`, `end`) and its `doc_tie` (`duplicates.document_tie`);
  indexed by `source`, `target`, `source_doc`, `claimed_by` and `doc_tie`.
- `sources`: one row per document of sources.csv.
- `warnings`: what validation warned about (`file` relative to the casebook folder); a
  warning about a claim names its `record` (and the claim it mentions, `see`) by position,
  its line being the record's.
- `layout`: for each CSV file, where its records stand (`layout.Layout`): the lines of
  actors and claims, and what lets an edit be re-read record by record.
- `files`: every file the casebook is read from, with its stamps and BLAKE2b digest (a
  file changed just before it was read has its `mtime_ns` recorded as -1: always hashed).
- `meta`: the casebook folder (`root`), the number of actors and claims, when it was built.

`PRAGMA user_version` holds FORMAT and `PRAGMA application_id` says the file is ours. The
database runs in write-ahead-log mode (a new one from the end of its first write): any
number of commands read while one writes, and a write is one transaction, so a reader sees
the old casebook or the new one, never a mix.

Nothing read is trusted: SQLite checks each page it reads (`cell_size_check`) and the whole
file's structure when a store under QUICK_CHECK_MB is opened, before one is written anew and
when `actorgraph store` reports on it (a large store's full check would cost more than the
question), every
row carries a CRC-32 of its values (`crc`) checked when it is read, and so does each layout;
a lookup by index is checked against the rows it finds (an actor's claims against its
`degree`, a name against the actor's own names), and the whole tables against the counts
in `meta`. A store that
fails any check raises `Damaged` (or `sqlite3.DatabaseError` halfway through a question):
the caller answers from the files and writes the store again.
"""

from __future__ import annotations

import json
import marshal
import sqlite3
import time
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import compress
from operator import eq, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from actorgraph.casebook.duplicates import document_tie
from actorgraph.casebook.read import split_aliases
from actorgraph.errors import Problem
from actorgraph.schema import ALIAS_SEPARATOR, EDGES, NODES, SOURCES, TABLES
from actorgraph.store.fingerprint import state, unchanged
from actorgraph.store.layout import GAP, Layout
from actorgraph.store.location import APPLICATION_ID, remove
from actorgraph.text import name_key
from actorgraph.util import gc_paused

if TYPE_CHECKING:
    from actorgraph.graph.build import Parts

FORMAT = 2  # raise whenever the tables change shape
BUSY_MS = 30_000  # how long a command waits for another one's write to finish
QUICK_CHECK_MB = 16  # stores smaller than this are checked whole when opened (~0.1 s)
PAGE_BYTES = 16384  # SQLite's default is 4096: a 500k-claim store written 0.6 s (10 %) faster

CLAIM_COLUMNS = tuple(c for c in EDGES.column_names if c not in ("source", "target"))
PLACE = ("paragraph", "start", "end")
# Each table's columns but `crc`, in the order rows are written and read.
ROWS = {
    "actors": ("position", "id", *NODES.column_names[1:], "extra", "degree"),
    "claims": ("position", "id", "source", "target", *CLAIM_COLUMNS[1:], "directed",
               "claimed_by_actor", *PLACE, "extra", "doc_tie"),
    "sources": ("position", "id", *SOURCES.column_names[1:], "extra"),
    "warnings": ("position", "file", "line", "record", "see", "unused", "message"),
}
_INTEGER = {"position", "line", "degree", "directed", "record", "see", "unused", *PLACE}
SEE = "(line \x00)"  # in a stored warning's message: where the line of `see` goes


def _columns(table: str) -> str:
    return ", ".join(f'"{c}" {"INTEGER" if c in _INTEGER else "TEXT"}'
                     + (" PRIMARY KEY" if c == "position" else "")
                     + (" NOT NULL UNIQUE" if c == "id" else "") for c in ROWS[table])


SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, ctime_ns INTEGER,
                    inode INTEGER, device INTEGER, digest TEXT);
CREATE TABLE sources ({_columns("sources")}, crc INTEGER);
CREATE TABLE actors ({_columns("actors")}, crc INTEGER);
CREATE TABLE names (key TEXT NOT NULL, actor TEXT NOT NULL, PRIMARY KEY (key, actor))
    WITHOUT ROWID;
CREATE TABLE claims ({_columns("claims")}, crc INTEGER);
CREATE TABLE warnings ({_columns("warnings")}, crc INTEGER);
CREATE TABLE layout (name TEXT PRIMARY KEY, data BLOB NOT NULL);
PRAGMA application_id = {APPLICATION_ID};
PRAGMA user_version = {FORMAT};
"""
# Made after the rows when a store is written whole: 3.5 s faster at 500k claims than
# keeping each up to date row by row.
INDEXES = {
    "claims_source": "claims (source)",
    "claims_target": "claims (target)",
    "claims_claimant": "claims (claimed_by_actor) WHERE claimed_by_actor != ''",
    "claims_claimed_by": "claims (claimed_by) WHERE claimed_by != ''",
    "claims_document": "claims (source_doc)",
    "claims_doc_tie": "claims (doc_tie)",
    "actors_unused": "actors (position) WHERE degree = 0",
    "warnings_record": "warnings (record) WHERE record IS NOT NULL",
}
SCHEMA += "".join(f"CREATE INDEX {name} ON {on};\n" for name, on in INDEXES.items())
_SELECT = {table: ", ".join(f'"{c}"' for c in columns) + ", crc"
           for table, columns in ROWS.items()}


class Damaged(Exception):
    """A store cannot be used (damaged, another format, another casebook's)."""


def _crc(row: tuple) -> int:
    # marshal's version 2 writes equal values as equal bytes (later versions share repeated
    # objects, by reference count), twice as fast as repr.
    return zlib.crc32(marshal.dumps(row, 2))


def _sealed(rows: Iterable[tuple]) -> Iterator[tuple]:
    """Rows to write, each with its CRC-32 last."""
    for row in rows:
        yield (*row, _crc(row))


def _checked(rows: Iterable[tuple]) -> Iterator[tuple]:
    """Rows read (their CRC-32 last), without it; DatabaseError at the first that does not
    match."""
    for row in rows:
        values = row[:-1]
        if _crc(values) != row[-1]:
            raise sqlite3.DatabaseError("a stored row does not match its checksum")
        yield values


def _extra(record: dict, known: set[str]) -> str | None:
    if record.keys() <= known:  # the usual case, without a loop in Python
        return None
    rest = {k: v for k, v in record.items() if k not in known}
    return json.dumps(rest, ensure_ascii=False) if rest else None


class Store:
    """One casebook's SQLite database (see the module's description)."""

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path, self.db = path, connection

    # --- Opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, check: bool | None = None) -> Store:
        """The store at `path`, ready to read; Damaged if it is missing, not a store, of
        another format or damaged. With `check`, SQLite checks the whole file's structure
        first (`PRAGMA quick_check`); by default only a store under QUICK_CHECK_MB, since
        the check reads every page (1 to 2 s for the 300 MB store of 500k claims, more than
        the question); a larger one has each page checked as it is read, each row by its
        checksum."""
        if not path.is_file():
            raise Damaged("no store yet")
        if check is None:
            check = path.stat().st_size < QUICK_CHECK_MB * 2**20
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=BUSY_MS / 1000,
                                 isolation_level=None, check_same_thread=False)
        except sqlite3.Error as err:
            raise Damaged(str(err)) from err
        try:
            db.execute("PRAGMA cell_size_check = ON")
            db.execute("PRAGMA synchronous = NORMAL")
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise Damaged("not a store")
            if db.execute("PRAGMA user_version").fetchone()[0] != FORMAT:
                raise Damaged("another format")
            if check and db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise Damaged("damaged")
        except Damaged:
            db.close()
            raise
        except sqlite3.Error as err:
            db.close()
            raise Damaged(str(err)) from err
        return cls(path, db)

    @classmethod
    def create(cls, path: Path) -> Store:
        """A new, empty store at `path` (anything there before is removed)."""
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        remove(path)
        db = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None,
                             check_same_thread=False)
        db.execute(f"PRAGMA page_size = {PAGE_BYTES}")  # before the first table
        # A new store is filled in a rollback journal, which holds next to nothing for pages
        # that were not there before, and turned to WAL mode after (`write`): in WAL mode
        # each page was written twice, to the log and then to the file (0.7 s of 6 s for
        # 500k claims).
        db.execute("PRAGMA synchronous = NORMAL")  # in WAL mode: never corrupt, at worst
        # the last write lost at a power cut (a store damaged by one is written again)
        db.executescript(SCHEMA)
        return cls(path, db)

    @classmethod
    def for_writing(cls, path: Path) -> Store:
        """The store at `path` to write into, or a new one if there is none or it is damaged
        (a store in use by readers is written in a transaction, not replaced)."""
        try:
            return cls.open(path, check=True)
        except Damaged:
            return cls.create(path)

    def close(self) -> None:
        self.db.close()

    # --- Reading ---------------------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT key, value FROM meta"))

    def holds(self, root: Path) -> bool:
        """Whether the store holds the casebook folder `root` as it is now (its files
        unchanged: `fingerprint.unchanged`)."""
        return self.meta().get("root") == str(root.resolve()) and unchanged(self.files())

    def stamps_unchanged(self) -> bool:
        """Whether every file recorded has the stamps recorded (the fast path of `holds`)."""
        recorded = [state for state, _digest in self.files()]
        return bool(recorded) and [state(f[0]) for f in recorded] == recorded

    def files(self) -> list[tuple[tuple, str | None]]:
        """The files recorded: (state, digest) each, as `fingerprint.unchanged` takes them."""
        return [((path, size, mtime, ctime, inode, device), digest)
                for path, size, mtime, ctime, inode, device, digest in self.db.execute(
                    "SELECT path, size, mtime_ns, ctime_ns, inode, device, digest FROM files "
                    "ORDER BY rowid")]

    def _all(self, table: str) -> Iterator[tuple]:
        return _checked(self.db.execute(f"SELECT {_SELECT[table]} FROM {table} "
                                        "ORDER BY position"))

    def _where(self, table: str, column: str, values: Iterable[str], every: bool = True
               ) -> list[tuple]:
        """The rows whose `column` is one of `values`, in the CSV's order, each checked
        against its checksum and against the value it was looked up by; with `every`, one
        for each value (the values come from the store itself)."""
        values = sorted(set(values))
        at = ROWS[table].index(column)
        rows: list[tuple] = []
        for first in range(0, len(values), 500):
            chunk = values[first:first + 500]
            rows += _checked(self.db.execute(
                f"SELECT {_SELECT[table]} FROM {table} WHERE \"{column}\" IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        wanted = set(values)
        if any(row[at] not in wanted for row in rows) or (every and len(rows) < len(wanted)):
            raise sqlite3.DatabaseError("an index points at the wrong row")
        return sorted(rows)  # by position: the CSV's order

    def layout(self, name: str) -> Layout | None:
        """The layout of the table file `name` (`edges.csv`), None if there is none;
        DatabaseError if it is damaged."""
        row = self.db.execute("SELECT data FROM layout WHERE name = ?", (name,)).fetchone()
        if row is None:
            return None
        found = Layout.load(row[0])
        if found is None:
            raise sqlite3.DatabaseError("a stored layout does not match its checksum")
        return found

    def warnings(self, root: Path, shown) -> list[Problem]:
        """The validation warnings in the order validation gives them, each file named by
        `shown(root / file)`."""
        rows = list(self._all("warnings"))
        claims = self.layout(EDGES.filename) if any(r[3] is not None for r in rows) else None
        order = {table.filename: i for i, table in enumerate(TABLES)}
        named: dict[str, str] = {}  # file -> as shown
        found = []
        for position, file, line, record, see, unused, message in rows:
            if record is not None:
                line = claims.line_of(record) if claims else None
                if line is None:
                    raise sqlite3.DatabaseError("a warning names a claim the store lacks")
            if see is not None:
                see = claims.line_of(see) if claims else None
                if see is None or SEE not in message:
                    raise sqlite3.DatabaseError("a warning names a claim the store lacks")
                message = message.replace(SEE, f"(line {see})")
            found.append(((order.get(file, -1), line or 0, unused, position),
                          Problem(named.get(file) or named.setdefault(file, shown(root / file)),
                                  line, message, "warning", see)))
        return [problem for _key, problem in sorted(found, key=lambda pair: pair[0])]

    def actor(self, actor: str) -> tuple | None:
        rows = self._where("actors", "id", [actor], every=False)
        return rows[0] if rows else None

    def has_actor(self, actor: str) -> bool:
        return self.actor(actor) is not None

    def label(self, actor: str) -> str:
        row = self.actor(actor)
        return (row[2] if row else "") or actor

    def matching(self, key: str) -> set[str]:
        """The actors with a name, alias or id whose `name_key` is `key` (each checked
        against the actor's own names)."""
        found = {row[0] for row in self.db.execute("SELECT actor FROM names WHERE key = ?",
                                                   (key,))}
        if not found:  # a name missing from the table: as rare as a question worth a scan
            if any(name_key(n) == key for n in self.spellings()):
                raise sqlite3.DatabaseError("the names table does not match the actors")
        for row in self._where("actors", "id", found):
            if key not in {name_key(n) for n in (row[1], row[2], *split_aliases(row[4]))
                           if n}:
                raise sqlite3.DatabaseError("the names table does not match the actors")
        return found

    def spellings(self) -> dict[str, str]:
        """Every way of writing an actor (name, id, aliases) -> its display name."""
        found: dict[str, str] = {}
        for row in self._all("actors"):
            ident, name, aliases = row[1], row[2], row[4]
            shown = name or ident
            for spelled in (shown, ident, *split_aliases(aliases or "")):
                found.setdefault(spelled, shown)
        return found

    _END_COLUMNS = ("source", "target", "relation", "certainty", "directed", "id",
                    "source_doc", "stance")
    _ENDS = [ROWS["claims"].index(c) for c in _END_COLUMNS]

    def ends(self, actor: str) -> list[tuple[str, str, str, str, int, str, str, str]]:
        """The claims `actor` is in: (source, target, relation, certainty, directed, id,
        source_doc, stance), each row checked against its checksum, and all of them against
        the actor's `degree`."""
        rows = _checked(self.db.execute(
            f"SELECT {_SELECT['claims']} FROM claims WHERE source = ?1 UNION ALL "
            f"SELECT {_SELECT['claims']} FROM claims WHERE target = ?1 AND source != ?1",
            (actor,)))
        found = [tuple(row[i] for i in self._ENDS) for row in rows]
        row = self.actor(actor)
        if (row[-1] if row else 0) != len(found) or any(actor not in c[:2] for c in found):
            raise sqlite3.DatabaseError("an actor's claims do not match its degree")
        return found

    def alleged_by(self, actor: str) -> list[tuple[str, str, str]]:
        """The claims `actor` makes as their claimant: (source, target, id) each."""
        found = list(_checked(self.db.execute(
            f"SELECT {_SELECT['claims']} FROM claims WHERE claimed_by_actor = ?", (actor,))))
        columns = ROWS["claims"]
        who, source, target, ident = (columns.index(c) for c in ("claimed_by_actor", "source",
                                                                 "target", "id"))
        if any(row[who] != actor for row in found):
            raise sqlite3.DatabaseError("an index points at the wrong row")
        return [(row[source], row[target], row[ident]) for row in found]

    def graph_of(self, actors: Iterable[str], claims: Iterable[str],
                 casebook: str) -> nx.MultiDiGraph:
        """A graph of these actors and claims (ids), as `build_graph` made them."""
        return self._graph(self._where("actors", "id", actors),
                           self._where("claims", "id", claims), casebook)

    @gc_paused()
    def graph(self, casebook: str) -> nx.MultiDiGraph:
        """The whole casebook graph, as `build_graph` made it (each claim's attributes
        the edge's own: `build.assemble`, 1.5 s faster at 500k claims than add_edges_from).
        """
        from actorgraph.graph.build import Parts, assemble  # a question never needs them

        nodes = dict(_nodes(self._all("actors")))
        claims = list(_edges(self._all("claims")))
        if any(u not in nodes or v not in nodes for u, v, _key, _attrs in claims):
            raise sqlite3.DatabaseError("a claim names an actor the store lacks")
        G = assemble(casebook, Parts(self.sources(), nodes, claims))
        meta = self.meta()
        if (str(G.number_of_nodes()), str(G.number_of_edges())) != (meta.get("actors"),
                                                                    meta.get("claims")):
            raise sqlite3.DatabaseError("the store holds fewer rows than it wrote")
        return G

    def _graph(self, actors: Iterable[tuple], claims: Iterable[tuple],
               casebook: str) -> nx.MultiDiGraph:
        G = nx.MultiDiGraph(casebook=casebook)
        G.graph["sources"] = self.sources()
        G.add_nodes_from(_nodes(actors))
        G.add_edges_from(list(_edges(claims)))
        return G

    def nodes(self) -> Iterator[tuple[str, dict]]:
        """Every actor as `G.nodes(data=True)` gives it, in nodes.csv's order, read row by
        row (each checked against its checksum): for writing a large casebook out without
        holding its graph."""
        return _nodes(self._all("actors"))

    def edges(self) -> Iterator[tuple[str, str, str, dict]]:
        """Every claim as `G.edges(keys=True, data=True)` gives it, in edges.csv's order,
        read row by row (each checked against its checksum)."""
        return _edges(self._all("claims"))

    def sources(self) -> dict[str, dict]:
        loads = json.loads
        columns = SOURCES.column_names
        return {row[1]: {**dict(zip(columns, row[1:-1])), **(loads(row[-1]) if row[-1] else {})}
                for row in self._all("sources")}

    # --- Writing ---------------------------------------------------------------------------

    @gc_paused()
    def write(self, root: Path, files: list[tuple[tuple, str | None]], parts: Parts,
              warnings: list[Problem], relative, layouts: dict[str, Layout | None],
              unused: set[Problem] = frozenset(), counted=iter) -> None:
        """Replace what the store holds with the casebook read from the folder `root`: the
        `parts` of its graph (`build.Parts`: its documents, actors and claims in its files'
        order, the quotes placed), its `warnings` (each file named by
        `relative(problem.file)`; those in `unused` are about actors and documents in no
        claim), its `files` ((state, digest) each) and the `layouts` of its table files (by
        file name; None if a file has none), in one transaction. `counted(rows)` gives the
        claims' rows back as they are written (a progress bar's `through`)."""
        sources, nodes, claims = parts
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for name in INDEXES:
                db.execute(f"DROP INDEX IF EXISTS {name}")
            for table in ("meta", "files", "sources", "actors", "names", "claims", "warnings",
                          "layout"):
                db.execute(f"DELETE FROM {table}")
            self.set_files(files)
            places = {name: (layout.positions if layout is not None else None)
                      for name, layout in layouts.items()}
            self.set_sources(sources.values(), places.get(SOURCES.filename))
            self._insert("actors", _actor_rows(nodes, claims, places.get(NODES.filename)))
            db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", _names(nodes.items()))
            self._insert("claims", counted(map(
                claim_row, _positions(len(claims), places.get(EDGES.filename)),
                *(zip(*claims) if claims else ((),) * 4))))
            self.add_warnings(warnings, relative, layouts.get(EDGES.filename), unused)
            for name, layout in layouts.items():
                if layout is not None:
                    self.set_layout(name, layout)
            db.executemany("INSERT INTO meta VALUES (?, ?)", (
                ("root", str(root.resolve())), ("actors", str(len(nodes))),
                ("claims", str(len(claims))), ("built", _now())))
            for name, on in INDEXES.items():
                db.execute(f"CREATE INDEX {name} ON {on}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":  # a new store (`create`)
            db.execute("PRAGMA journal_mode = WAL")  # stays as it is while another reads it

    def set_files(self, files: list[tuple[tuple, str | None]]) -> None:
        self.db.execute("DELETE FROM files")
        self.db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (tuple(state) + (known,) for state, known in files))

    def set_sources(self, sources: Iterable[dict], positions=None) -> None:
        """Replace the sources table with these sources.csv rows (each document's path as
        the casebook folder sees it), at these positions (their layout's)."""
        self.db.execute("DELETE FROM sources")
        columns, plain = SOURCES.column_names, set(SOURCES.column_names)
        sources = list(sources)
        self._insert("sources", ((i, *(row.get(c, "") for c in columns), _extra(row, plain))
                                 for i, row in zip(_positions(len(sources), positions),
                                                   sources)))

    def set_layout(self, name: str, layout: Layout) -> None:
        self.db.execute("INSERT OR REPLACE INTO layout VALUES (?, ?)", (name, layout.dump()))

    def add_warnings(self, warnings: Iterable[Problem], relative, claims: Layout | None,
                     unused: set[Problem] = frozenset()) -> None:
        """Add warnings after those stored (`write` says how they are named); a warning
        about a claim names it by its position in `claims`, the layout of edges.csv."""
        at = self.db.execute("SELECT coalesce(max(position), -1) + 1 FROM warnings"
                             ).fetchone()[0]
        position = dict(zip(claims.lines, claims.positions)) if claims else {}
        rows = []
        for i, problem in enumerate(warnings, start=at):
            file, line, message = relative(problem.file), problem.line, problem.message
            record = see = None
            if file == EDGES.filename and line in position:
                record, line = position[line], None
                if problem.see in position:
                    cut = message.rfind(f"(line {problem.see})")
                    see = position[problem.see]
                    message = (message[:cut] + SEE
                               + message[cut + len(f"(line {problem.see})"):])
            rows.append((i, file, line, record, see, int(problem in unused), message))
        self._insert("warnings", rows)

    def _insert(self, table: str, rows: Iterable[tuple]) -> None:
        marks = ", ".join("?" * (len(ROWS[table]) + 1))
        self.db.executemany(f"INSERT INTO {table} VALUES ({marks})", _sealed(rows))


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _nodes(actors: Iterable[tuple]) -> Iterator[tuple[str, dict]]:
    loads = json.loads
    for _pos, ident, name, kind, aliases, description, extra, _degree in actors:
        yield ident, {"id": ident, "name": name, "type": kind, "aliases": split_aliases(aliases),
                      "description": description, **(loads(extra) if extra else {})}


def _edges(claims: Iterable[tuple]) -> Iterator[tuple[str, str, str, dict]]:
    loads = json.loads
    names = CLAIM_COLUMNS[1:]
    width = len(names)
    for row in claims:
        attrs = {"id": row[1], **dict(zip(names, row[4:4 + width]))}
        directed, claimant, paragraph, start, end, extra = row[4 + width:10 + width]
        if extra:
            attrs.update(loads(extra))
        attrs["directed"] = bool(directed)
        attrs["claimed_by_actor"] = claimant
        attrs["paragraph"], attrs["start"], attrs["end"] = paragraph, start, end
        yield row[2], row[3], row[1], attrs


def _positions(count: int, positions) -> Iterable[int]:
    return positions if positions is not None else range(GAP, GAP * (count + 1), GAP)


def actor_row(position: int, ident: str, attrs: dict, degree: int) -> tuple:
    """An actor's row (but its checksum), from its node's attributes."""
    return (position, ident, attrs.get("name", ""), attrs.get("type", ""),
            ALIAS_SEPARATOR.join(attrs.get("aliases", ())), attrs.get("description", ""),
            _extra(attrs, _PLAIN_ACTOR), degree)


_PLAIN_ACTOR = set(NODES.column_names)


def _actor_rows(nodes: dict[str, dict], claims: list[tuple], positions) -> Iterator[tuple]:
    """The actors' rows (`nodes`: attributes by id), each with its `degree`: the claims it
    is in (once for a claim tying it to itself)."""
    sources, targets = list(map(itemgetter(0), claims)), list(map(itemgetter(1), claims))
    degree = Counter(sources)  # in loops run by C: 0.7 s -> 0.2 s for 500k claims
    degree.update(targets)
    degree.subtract(compress(sources, map(eq, sources, targets)))
    for position, (ident, attrs) in zip(_positions(len(nodes), positions), nodes.items()):
        yield actor_row(position, ident, attrs, degree[ident])


def names_of(nodes: Iterable[tuple[str, dict]]) -> Iterator[tuple[str, str]]:
    """(key, actor) for every name an actor answers to (`names` table rows)."""
    for actor, attrs in nodes:
        for name in (actor, attrs.get("name") or "", *attrs.get("aliases", ())):
            if name:
                yield name_key(name), actor


_names = names_of
_PLAIN_CLAIM = {*CLAIM_COLUMNS, "directed", "claimed_by_actor", *PLACE}


_VALUES = itemgetter(*CLAIM_COLUMNS[1:], "directed", "claimed_by_actor", *PLACE)


def claim_row(position: int, source: str, target: str, key: str, attrs: dict) -> tuple:
    """A claim's row (but its checksum), from its edge's attributes."""
    try:  # every attribute there, as the graph is built: in one call
        values = _VALUES(attrs)
    except KeyError:
        values = (*(attrs.get(c, "") for c in CLAIM_COLUMNS[1:]), attrs["directed"],
                  attrs.get("claimed_by_actor", ""), *(attrs.get(c) for c in PLACE))
    relation, doc = values[_RELATION], values[_DOCUMENT]
    return (position, key, source, target, *values[:_DIRECTED], int(values[_DIRECTED]),
            *values[_DIRECTED + 1:], _extra(attrs, _PLAIN_CLAIM),
            "\x1f".join(document_tie(source, target, relation, doc)))


_RELATION, _DOCUMENT = CLAIM_COLUMNS.index("relation") - 1, CLAIM_COLUMNS.index("source_doc") - 1
_DIRECTED = len(CLAIM_COLUMNS) - 1
