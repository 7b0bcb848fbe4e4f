"""A cache of built casebook graphs: repeated queries on an unchanged casebook skip reading,
validating and building it.

One cache file per casebook folder, in `$ACTORGRAPH_CACHE_DIR`, else
`$XDG_CACHE_HOME/actorgraph`, else `~/.cache/actorgraph` (never inside the casebook);
`ACTORGRAPH_NO_CACHE=1` turns it off. It holds, in sections read separately, the graph and
the validation warnings of a casebook that had no errors and its compact index (`index.py`),
with the state of every file the casebook is made of: nodes.csv, edges.csv, sources.csv and
each document sources.csv names. When the entries add up to more than `budget()` (4 GB, or
`$ACTORGRAPH_CACHE_MB`), those used longest ago are removed.

What it detects: the cache is keyed by the files' contents. The fast path: a file is
unchanged when its size, modification time, status-change time (ctime), inode and device are
all as recorded, and the same files make up the casebook. When any of those differ, the files'
contents are hashed (BLAKE2b) and compared with the digests recorded: a casebook touched,
copied or checked out again with the same contents is still served from the cache. Any
write to a file sets its ctime, which programs cannot set back (`touch -d`, `cp -p` or `rsync
-t` restore mtime, not ctime), so every change made through the file system is seen, as are
renames and replaced files. A write within the same clock tick as the reading could leave
every stamp equal, so files changed less than RACY_NS before the casebook was read are not
cached at all (git's "racy clean" rule). Not detected: changes made behind the file system's
back (a raw disk edit) or by resetting the system clock. The cache file itself carries a
checksum of each section: a truncated or corrupt file, or one written by another version of
actorgraph, networkx or Python, is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from actorgraph import __version__
from actorgraph.errors import Problem
from actorgraph.load import document_path, gc_paused, read_table
from actorgraph.schema import EDGES, NODES, SOURCES
from actorgraph.write import atomic_write

FORMAT = 3  # raise whenever what an entry holds changes shape (its sections, the index)
BUDGET_MB = 4096  # entries beyond this total are removed, least recently used first
MAGIC = b"actorgraph-cache\n"
RACY_NS = 2_000_000_000  # files changed this close to the reading are not cached


@dataclass
class Snapshot:
    """The state of a casebook's files, taken before they are read."""

    taken_ns: int
    files: list[list]  # [path, size, mtime_ns, ctime_ns, inode, device] (None: missing)


def cache_dir() -> Path | None:
    """Where cache files go, or None when caching is turned off."""
    if os.environ.get("ACTORGRAPH_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("ACTORGRAPH_CACHE_DIR"):
        return Path(os.environ["ACTORGRAPH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "actorgraph"


def entry_path(root: Path | str) -> Path | None:
    """The cache file of the casebook at `root`, or None when turned off. One per folder and
    working folder, as the graph and the warnings name files as given and relative to it."""
    folder = cache_dir()
    if folder is None:
        return None
    where = "\0".join((str(Path(root).resolve()), str(root), os.getcwd()))
    return folder / f"{hashlib.sha256(where.encode()).hexdigest()[:32]}.graph"


def casebook_files(root: Path) -> list[Path]:
    """Every file the casebook is read from: its three tables and the documents cited."""
    files = [root / t.filename for t in (NODES, EDGES, SOURCES)]
    sources = read_table(root, SOURCES, [])
    files += [document_path(root, s["path"]) for s in sources.records if s["id"] and s["path"]]
    return files


def _state(path: Path) -> list:
    try:
        st = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


def snapshot(root: Path | str) -> Snapshot:
    """Record the casebook's files as they are now (call it before reading them)."""
    taken = time.time_ns()
    return Snapshot(taken, [_state(p) for p in casebook_files(Path(root))])


def digests(files: list[list]) -> list[str | None]:
    """The BLAKE2b digest of each file's contents (None for a missing one)."""
    out = []
    for name, *_ in files:
        try:
            out.append(hashlib.blake2b(Path(name).read_bytes(), digest_size=20).hexdigest())
        except OSError:
            out.append(None)
    return out


def _stamp() -> dict:
    return {"format": FORMAT, "actorgraph": __version__, "networkx": nx.__version__,
            "python": sys.version}


class Entry:
    """A cache entry that matches the casebook as it is now: its sections, read on demand.

    The file stays open, so a newer entry written meanwhile (a rename over this one) does not
    change what is read. Each section carries its own CRC-32; `read` serves parts of one
    for callers that check their own parts (the records of `index.py`)."""

    def __init__(self, path: Path, handle, start: int, sections: dict):
        self.path, self._handle, self._start, self._sections = path, handle, start, sections

    def read(self, name: str, offset: int = 0, size: int | None = None) -> bytes:
        where, length, _crc = self._sections[name]
        size = length - offset if size is None else size
        self._handle.seek(self._start + where + offset)
        return self._handle.read(size)

    def section(self, name: str) -> bytes | None:
        """A whole section, or None when it is missing or does not match its checksum."""
        if name not in self._sections:
            return None
        data = self.read(name)
        return data if zlib.crc32(data) == self._sections[name][2] else None

    def unpickle(self, name: str):
        """A pickled section's object, or None when the section is missing or corrupt."""
        data = self.section(name)
        if data is None:
            return None
        with gc_paused():
            return pickle.loads(data)

    def discard(self) -> None:
        """Remove the entry (found corrupt): the next query reads the casebook again."""
        try:
            self.path.unlink()
        except OSError:
            pass


def open_entry(root: Path | str) -> Entry | None:
    """The cache entry of the casebook at `root`, or None if there is none or it is stale,
    foreign or from another version. Sections are checked when read."""
    path = entry_path(root)
    if path is None:
        return None
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        if handle.read(len(MAGIC)) != MAGIC:
            raise ValueError("not a cache file")
        size = int.from_bytes(handle.read(8), "big")
        header = json.loads(handle.read(size))
        if not isinstance(header, dict) or header.get("stamp") != _stamp():
            raise ValueError("another version's entry")
        now = [_state(p) for p in casebook_files(Path(root))]
        if header.get("files") != now and (
                [f[0] for f in header.get("files", [])] != [f[0] for f in now]
                or header.get("digests") != digests(now)):
            raise ValueError("stale")
        start = len(MAGIC) + 8 + size
        sections = header["sections"]
        end = max((where + length for where, length, _crc in sections.values()), default=0)
        if os.fstat(handle.fileno()).st_size != start + end:
            raise ValueError("truncated")
    except (OSError, ValueError, KeyError, TypeError):  # UnicodeError is a ValueError
        handle.close()
        return None
    try:
        os.utime(path)  # used now: the last to be evicted
    except OSError:
        pass
    return Entry(path, handle, start, sections)


def budget() -> int:
    """The cache's size limit in bytes: $ACTORGRAPH_CACHE_MB, else BUDGET_MB megabytes."""
    try:
        return int(float(os.environ.get("ACTORGRAPH_CACHE_MB") or BUDGET_MB) * 2**20)
    except ValueError:
        return BUDGET_MB * 2**20


def evict(keep: Path) -> list[Path]:
    """Remove the entries used longest ago until the cache fits `budget()`, never `keep`
    (the entry just written); the removed entries."""
    found = []
    for entry in keep.parent.glob("*.graph"):
        try:
            st = entry.stat()
        except OSError:
            continue
        found.append((st.st_mtime_ns, st.st_size, entry))
    total = sum(size for _, size, _ in found)
    removed = []
    for _, size, entry in sorted(found):
        if total <= budget():
            break
        if entry != keep:
            try:
                entry.unlink()
            except OSError:
                continue
            total -= size
            removed.append(entry)
    return removed


def load(root: Path | str) -> tuple[nx.MultiDiGraph, list[Problem]] | None:
    """The cached graph and warnings of the casebook at `root`, or None if there is no
    entry or it is stale, corrupt or from another version."""
    entry = open_entry(root)
    return None if entry is None else entry.unpickle("graph")


def store(root: Path | str, before: Snapshot, sections: dict[str, bytes]) -> bool:
    """Cache the sections (named bytes: the pickled graph and warnings, and the index) of a
    casebook read after `before` was taken and found without errors. Nothing is stored
    (False) when a file was changed too recently to be told apart from a later change, or
    changed while being read."""
    path = entry_path(root)
    if path is None:
        return False
    if any(len(f) < 6 or max(f[2], f[3]) >= before.taken_ns - RACY_NS for f in before.files):
        return False
    if [_state(Path(f[0])) for f in before.files] != before.files:
        return False
    contents = digests(before.files)
    if [_state(Path(f[0])) for f in before.files] != before.files:
        return False  # changed while being hashed
    table, where = {}, 0
    for name, data in sections.items():
        table[name] = [where, len(data), zlib.crc32(data)]
        where += len(data)
    header = json.dumps({"stamp": _stamp(), "root": str(Path(root).resolve()),
                         "files": before.files, "digests": contents,
                         "sections": table}).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(path, b"".join((MAGIC, len(header).to_bytes(8, "big"), header,
                                     *sections.values())))
    except OSError:
        return False  # a cache that cannot be written only costs time
    evict(path)
    return True
