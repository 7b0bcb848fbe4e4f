"""A cache of built casebook graphs: repeated queries on an unchanged casebook skip reading,
validating and building it.

One cache file per casebook folder, in `$ACTORGRAPH_CACHE_DIR`, else
`$XDG_CACHE_HOME/actorgraph`, else `~/.cache/actorgraph` (never inside the casebook);
`ACTORGRAPH_NO_CACHE=1` turns it off. It holds the graph and the validation warnings of a
casebook that had no errors, with the state of every file the casebook is made of: nodes.csv,
edges.csv, sources.csv and each document sources.csv names.

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
checksum of its contents: a truncated or corrupt file, or one written by another version of
actorgraph, networkx or Python, is ignored and rewritten, never trusted.
"""

from __future__ import annotations

import gc
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
from actorgraph.load import document_path, read_table
from actorgraph.schema import EDGES, NODES, SOURCES
from actorgraph.write import atomic_write

FORMAT = 1
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


def load(root: Path | str) -> tuple[nx.MultiDiGraph, list[Problem]] | None:
    """The cached graph and warnings of the casebook at `root`, or None if there is no
    entry or it is stale, corrupt or from another version."""
    path = entry_path(root)
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            if handle.read(len(MAGIC)) != MAGIC:
                return None
            size = int.from_bytes(handle.read(8), "big")
            header = json.loads(handle.read(size))
            if not isinstance(header, dict) or header.get("stamp") != _stamp():
                return None
            now = [_state(p) for p in casebook_files(Path(root))]
            if header.get("files") != now and (
                    [f[0] for f in header.get("files", [])] != [f[0] for f in now]
                    or header.get("digests") != digests(now)):
                return None
            payload = handle.read()
    except (OSError, ValueError):  # unreadable, or not our JSON header (UnicodeError is one)
        return None
    if len(payload) != header.get("size") or zlib.crc32(payload) != header.get("crc32"):
        return None
    enabled = gc.isenabled()
    gc.disable()  # the collector would walk the growing graph again and again while loading
    try:
        G, warnings = pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()
    return G, warnings


def store(root: Path | str, before: Snapshot, G: nx.MultiDiGraph,
          warnings: list[Problem]) -> bool:
    """Cache the graph and warnings of a casebook read after `before` was taken and found
    without errors. Nothing is stored (False) when a file was changed too recently to be
    told apart from a later change, or changed while being read."""
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
    payload = pickle.dumps((G, warnings), protocol=pickle.HIGHEST_PROTOCOL)
    header = json.dumps({"stamp": _stamp(), "root": str(Path(root).resolve()),
                         "files": before.files, "digests": contents, "size": len(payload),
                         "crc32": zlib.crc32(payload)}).encode()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        atomic_write(path, b"".join((MAGIC, len(header).to_bytes(8, "big"), header, payload)))
    except OSError:
        return False  # a cache that cannot be written only costs time
    return True
