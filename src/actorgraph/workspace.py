"""Opening a casebook: the one way every command gets at one.

`open_casebook(folder)` returns a `Casebook`: from its store when the folder is unchanged
since the store was written, else read, validated and built afresh (the graph's parts made
while the quotes are searched), held in memory and asked as the store is (`held.Held`), and
then kept in the store when the casebook is closed, so that a first question is answered
before the store is written. A store found damaged, even halfway through a question, is set
aside and the question answered from the files: never a crash.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from actorgraph.casebook.read import Contents, Unreadable, display_path, read_bytes
from actorgraph.errors import Problem, ValidationError
from actorgraph.graph.names import Names
from actorgraph.progress import progress
from actorgraph.schema import TABLES
from actorgraph.store import location
from actorgraph.store.database import Damaged, Store
from actorgraph.store.fingerprint import Snapshot, recorded, snapshot, still
from actorgraph.store.layout import Layout, digest, measure
from actorgraph.store.reader import StoreReader
from actorgraph.util import gc_paused

if TYPE_CHECKING:
    from actorgraph.casebook.validate import Report
    from actorgraph.graph.build import Parts
    from actorgraph.store.held import Held
    from actorgraph.store.update import Update

log = logging.getLogger("actorgraph")
NOTICE_MB = 20  # a casebook from this size says so while it is read (100k claims: 49 MB)


@dataclass
class Fingerprint:
    """What the store keeps of a casebook's files beside their contents: each file's state
    as recorded and its digest, each table's layout, and the warnings about actors and
    documents in no claim (`check_unused`: the store redoes them after any edit)."""

    files: list[tuple[tuple, str | None]]
    layouts: dict[str, Layout]
    unused: set[Problem]


@dataclass
class Reading:
    """A casebook just read from its folder: the validation report (its contents, every
    quote's place, the warnings), its graph's parts held to be asked as the store is
    (`held.Held`; the quotes placed), and its fingerprint for the store (if asked for; None
    if a file could not be read again)."""

    report: Report
    held: Held
    fingerprint: Fingerprint | None = None

    @property
    def parts(self) -> Parts:
        return self.held.parts

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph (made now unless `read_and_build` was asked for it)."""
        return self.held.graph(str(self.report.contents.root))


@gc_paused()
def read_and_build(data_dir: Path | str, strict: bool = False,
                   step: Callable[[], object] | None = None,
                   before: Snapshot | None = None, whole: bool = True) -> Reading:
    """Read, validate and build the casebook at `data_dir`; ValidationError listing every
    problem if it has errors. The graph's parts, indexed to be asked as the store is
    (`held.Held`), and with `whole` the whole graph too, are made while the quotes are still
    being searched (on a large casebook by a second process: `validate.validate`), and so is
    the files' fingerprint when `before` (the files' state before reading) is given.
    `step()`, if given, is called after each document read, and once more when all is
    checked and built."""
    # Imported here: a question answered from the store needs none of them.
    from actorgraph.casebook.validate import validate_casebook
    from actorgraph.graph.build import casebook_parts, place_quotes
    from actorgraph.store.held import Held

    built = []

    def meanwhile(contents: Contents) -> None:
        held = Held(casebook_parts(contents))
        if whole:
            held.graph(str(contents.root))
        else:
            held.index  # noqa: B018 (made now, not at the first question)
        built.append(held)
        built.append(_fingerprint(before, contents) if before is not None else None)

    report = validate_casebook(data_dir, strict, meanwhile=meanwhile, step=step)
    held, fingerprint = built
    place_quotes(held.parts.claims, report.spans)
    if step is not None:
        step()
    return Reading(report, held, fingerprint)


def _fingerprint(before: Snapshot, contents: Contents) -> Fingerprint | None:
    """The casebook's files read again (none may have changed since `before`, which `_keep`
    checks before writing): each one's state and digest, each table's layout; None if one
    cannot be read, or has changed so that its layout cannot be measured (never a crash:
    a casebook not stored only costs the next command time)."""
    from actorgraph.casebook.validate import check_unused

    tables = dict(zip((t.filename for t in TABLES),
                      (contents.actors, contents.claims, contents.sources)))
    files, layouts = [], {}
    for i, file in enumerate(before.files):
        try:
            data = read_bytes(Path(file[0]))
            layout = None
            if i < len(TABLES):  # input_files lists the three tables first
                layout = measure(data, tables[TABLES[i].filename].lines)
                layouts[TABLES[i].filename] = layout
        except (OSError, Unreadable):
            return None
        except Exception as err:  # changed since it was read
            log.debug("the store will not be written: %r", err)
            return None
        files.append((recorded(before, file),
                      digest(data, layout.forward if layout is not None else None)))
    unused: list[Problem] = []
    check_unused(contents, unused)
    return Fingerprint(files, layouts, set(unused))


class Casebook(Names):
    """An opened casebook: its names (for `names.resolve`), its warnings, and graphs that
    answer questions (`graph()`, the whole casebook; `path_graph`, `around_graph` and
    `actor_graph`, just what one question needs). Close it (or use it in a `with` block) to
    keep a casebook just read in the store."""

    def __init__(self, root: Path, answers: StoreReader, warnings: list[Problem],
                 store: Store | None = None, keep: tuple | None = None,
                 updated: Update | None = None):
        self.root, self.warnings = root, warnings
        self._answers, self._store, self._keep = answers, store, keep
        self.from_store = store is not None
        self.updated = updated  # the store was brought up to date: committed on close

    # --- Questions -------------------------------------------------------------------------

    def _ask(self, method: str, *args, **kwargs):
        try:
            return getattr(self._answers, method)(*args, **kwargs)
        except sqlite3.Error:  # the store is damaged: answer from the files, store again
            self._set_aside()
            return getattr(self._answers, method)(*args, **kwargs)

    def graph(self) -> nx.MultiDiGraph:
        return self._ask("graph")

    def path_graph(self, *args, **kwargs) -> nx.MultiDiGraph:
        return self._ask("path_graph", *args, **kwargs)

    def around_graph(self, *args, **kwargs) -> nx.MultiDiGraph:
        return self._ask("around_graph", *args, **kwargs)

    def actor_graph(self, *args, **kwargs) -> nx.MultiDiGraph:
        return self._ask("actor_graph", *args, **kwargs)

    def nodes(self) -> Iterator[tuple[str, dict]]:
        """Every actor, (id, attributes) as `graph().nodes(data=True)` gives them, without
        building the graph when the casebook comes from its store."""
        return self._ask("nodes")

    def edges(self) -> Iterator[tuple[str, str, str, dict]]:
        """Every claim, (source, target, id, attributes) as `graph().edges(keys=True,
        data=True)` gives them but in edges.csv's order, without building the graph.
        (A damaged row met halfway raises sqlite3.DatabaseError: read the casebook again.)"""
        return self._ask("edges")

    def sources(self) -> dict[str, dict]:
        """The documents of sources.csv by id, as `graph().graph["sources"]`."""
        return self._ask("sources")

    def __contains__(self, actor: str) -> bool:
        return self._ask("__contains__", actor)

    def matching(self, key: str) -> set[str]:
        return self._ask("matching", key)

    def label(self, actor: str) -> str:
        return self._ask("label", actor)

    def spellings(self) -> dict[str, str]:
        return self._ask("spellings")

    # --- The store -------------------------------------------------------------------------

    def _set_aside(self) -> None:
        """Stop using a damaged store: remove it, read the casebook, keep it anew on close."""
        path = self._store.path if self._store else None
        self._close_store()
        if path is not None:
            location.remove(path)
        fresh = _read(self.root)
        self._answers, self._keep, self.warnings = fresh._answers, fresh._keep, fresh.warnings
        self.from_store = False

    def _close_store(self, commit: bool = False) -> None:
        if self._store is not None:
            try:
                if commit and self._store.db.in_transaction:
                    self._store.db.execute("COMMIT")
            except sqlite3.Error:
                pass  # not kept: the next command updates the store again
            try:
                self._store.close()
            except sqlite3.Error:
                pass
            self._store = None

    def close(self) -> None:
        """Keep a casebook just read, or the update of its store, in the store (if it may
        be kept) and let go of the store."""
        self._close_store(commit=self.updated is not None)
        keep, self._keep = self._keep, None
        self._kept = keep  # freed with the casebook (at a command's end, by the system)
        if keep is not None:
            try:
                _keep(self.root, *keep)
            except Exception as err:  # a store not kept only costs the next command time
                log.debug("the store was not written: %r", err)

    def __enter__(self) -> Casebook:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_casebook(data_dir: Path | str, strict: bool = False, whole: bool = False
                  ) -> Casebook:
    """The casebook at `data_dir`, from its store when it is unchanged, else read, validated
    and built (ValidationError if it has errors; with `strict`, warnings count as errors).
    With `whole` (the whole graph will be asked for, `graph()`), a casebook read has it made
    while its quotes are searched."""
    root = Path(data_dir)
    book = _from_store(root) or _read(root, whole)
    if strict and book.warnings:
        book.close()
        raise ValidationError([replace(p, severity="error") for p in book.warnings])
    return book


def _from_store(root: Path) -> Casebook | None:
    """The casebook from its store: as it is when no file changed; brought up to date when
    some did (`update.update`, its transaction committed when the casebook is closed, once
    the question is answered); None when it must be read whole."""
    path = location.store_path(root)
    if path is None or not root.is_dir():
        return None
    try:
        store = Store.open(path)
    except Damaged:
        return None
    updated = None
    try:
        store.db.execute("BEGIN")  # one snapshot for the whole question
        if store.meta().get("root") != str(root.resolve()):
            store.close()
            return None
        if not store.stamps_unchanged():
            store.db.execute("ROLLBACK")
            updated = _update(store, root)
            if updated is None:
                store.close()
                return None
        warnings = store.warnings(root, display_path)
        try:
            os.utime(path)  # used now: the last to be evicted
        except OSError:
            pass
    except sqlite3.Error:
        store.close()
        location.remove(path)
        return None
    return Casebook(root, StoreReader(store, str(root)), warnings, store=store,
                    updated=updated)


def _update(store: Store, root: Path) -> Update | None:
    """Bring the store up to date inside a write transaction left open; None (rolled back)
    when the casebook must be read whole. A store that cannot be written (another command
    is writing it, a read-only cache) is still used if the files' contents are unchanged."""
    from actorgraph.store.update import Update, update  # reads and checks: not on every call

    try:
        store.db.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError:
        store.db.execute("BEGIN")
        return Update() if store.holds(root) else None
    try:
        done = update(store, root)
    except sqlite3.DatabaseError:
        store.db.execute("ROLLBACK")
        raise  # damaged: set aside
    except Exception as err:  # Stale, or anything unforeseen: the full reading is right
        log.debug("reading the casebook whole: %s", err)
        store.db.execute("ROLLBACK")
        return None
    if done.tables or done.documents:
        log.debug("store brought up to date: %s", done)
    return done


def _read(root: Path, whole: bool = False) -> Casebook:
    path = location.store_path(root)
    before = snapshot(root) if path is not None else None
    size = before.megabytes if before is not None else 0
    if size >= NOTICE_MB or (path is None and _size(root) >= NOTICE_MB):
        then = ("new or changed since it was last read; the next commands on it start from "
                "the store" if path is not None else "the store is off")
        log.info("reading and checking the casebook (%s MB, %s)",
                 f"{max(size, _size(root)):,.0f}", then)
    documents = len(before.files) - len(TABLES) if before is not None else None
    with progress("reading, checking", documents and documents + 1,
                  show=size >= NOTICE_MB) as bar:
        reading = read_and_build(root, step=bar.advance if bar.shown else None,
                                 before=before, whole=whole)
    warnings = reading.report.warnings
    keep = None
    if before is not None:
        keep = (before, reading, size >= NOTICE_MB)
    return Casebook(root, StoreReader(reading.held, str(root)), warnings, keep=keep)


def _size(root: Path) -> float:
    total = 0
    for table in TABLES:
        try:
            total += (root / table.filename).stat().st_size
        except OSError:
            pass
    return total / 1e6


def _keep(root: Path, before: Snapshot, reading: Reading, say: bool) -> bool:
    """Write a casebook read after `before` was taken into its store; False when it may not
    be kept (a file changed meanwhile) or cannot be written."""
    path = location.store_path(root)
    found = reading.fingerprint
    if path is None or found is None:
        return False
    if not still(before):
        return False  # changed while being read
    if say:
        log.info("keeping the casebook in the store for the next commands")
    shown = {display_path(root / t.filename): t.filename for t in TABLES}
    try:
        store = Store.for_writing(path)
        try:
            with progress("storing", len(reading.parts.claims), show=say) as bar:
                store.write(root, found.files, reading.parts, reading.report.warnings,
                            lambda file: shown.get(file, file), found.layouts, found.unused,
                            counted=bar.through)
        finally:
            store.close()
    except (OSError, sqlite3.Error, Damaged):
        return False  # a store that cannot be written only costs time
    location.evict(path)
    return True


def store_state(data_dir: Path | str) -> tuple[Path | None, str]:
    """Where the casebook's store is, and whether it holds the casebook as it is now:
    "current", "out of date" (the next command reads the files and writes it again),
    "none yet", or "off" (`ACTORGRAPH_NO_CACHE`)."""
    root = Path(data_dir)
    path = location.store_path(root)
    if path is None:
        return None, "off"
    try:
        store = Store.open(path, check=True)
    except Damaged:
        return path, "none yet" if not path.exists() else "out of date"
    try:
        return path, "current" if store.holds(root) else "out of date"
    except sqlite3.Error:
        return path, "out of date"
    finally:
        store.close()
