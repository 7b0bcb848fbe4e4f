"""Where stores live, and keeping that folder within its budget.

One SQLite file per casebook folder, in `$ACTORGRAPH_CACHE_DIR`, else
`$XDG_CACHE_HOME/actorgraph`, else `~/.cache/actorgraph` (never inside the casebook, which
commands only read); `ACTORGRAPH_NO_CACHE=1` turns the store off. When the stores add up to
more than `budget()` (4 GB, or `$ACTORGRAPH_CACHE_MB`), those used longest ago are removed.
Only files the store can prove are its own are ever removed: a name of its pattern *and* a
SQLite header carrying actorgraph's application id (or an older actorgraph cache's header).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

APPLICATION_ID = 0x61677068  # "agph", in every store's SQLite header (offset 68)
BUDGET_MB = 4096  # stores beyond this total are removed, least recently used first
SUFFIX = ".sqlite"
_OURS = re.compile(r"^actorgraph-[0-9a-f]{32}\.sqlite$")
_OLD_CACHE = re.compile(r"^[0-9a-f]{32}\.graph$")  # the pickled cache of earlier versions
_OLD_MAGIC = b"actorgraph-cache\n"
_SQLITE = b"SQLite format 3\x00"


def cache_dir() -> Path | None:
    """Where stores go, or None when the store is turned off."""
    if os.environ.get("ACTORGRAPH_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("ACTORGRAPH_CACHE_DIR"):
        return Path(os.environ["ACTORGRAPH_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "actorgraph"


def store_path(root: Path | str) -> Path | None:
    """The store of the casebook folder at `root` (resolved: one store per folder), or None
    when the store is turned off."""
    folder = cache_dir()
    if folder is None:
        return None
    key = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:32]
    return folder / f"actorgraph-{key}{SUFFIX}"


def companions(path: Path) -> list[Path]:
    """A store file and the files SQLite keeps beside it (write-ahead log, shared memory)."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"),
            path.with_name(path.name + "-journal")]


def remove(path: Path) -> None:
    """Remove a store and its companions (a damaged store, before it is built again)."""
    for part in companions(path):
        try:
            part.unlink()
        except FileNotFoundError:
            pass


def is_ours(path: Path) -> bool:
    """Whether `path` is a store (or an old cache file) that actorgraph wrote: its name has
    our pattern and its header says so."""
    name = path.name
    if not (_OURS.match(name) or _OLD_CACHE.match(name)):
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError:
        return False
    if _OLD_CACHE.match(name):
        return head.startswith(_OLD_MAGIC)
    return head.startswith(_SQLITE) and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def budget() -> int:
    """The stores' size limit in bytes: $ACTORGRAPH_CACHE_MB, else BUDGET_MB megabytes."""
    try:
        return int(float(os.environ.get("ACTORGRAPH_CACHE_MB") or BUDGET_MB) * 2**20)
    except ValueError:
        return BUDGET_MB * 2**20


def evict(keep: Path) -> list[Path]:
    """Remove old-format cache files, then the stores used longest ago until the folder fits
    `budget()`, never `keep` (the store just written) nor anything not provably ours; return
    what was removed."""
    found, removed = [], []
    try:
        entries = list(keep.parent.iterdir())
    except OSError:
        return removed
    for entry in entries:
        if entry == keep or not is_ours(entry):
            continue
        if _OLD_CACHE.match(entry.name):
            remove(entry)
            removed.append(entry)
            continue
        try:
            size = sum(p.stat().st_size for p in companions(entry) if p.exists())
            found.append((entry.stat().st_mtime_ns, size, entry))
        except OSError:
            continue
    total = sum(size for _, size, _ in found)
    try:
        total += sum(p.stat().st_size for p in companions(keep) if p.exists())
    except OSError:
        pass
    for _, size, entry in sorted(found):
        if total <= budget():
            break
        try:
            remove(entry)
        except OSError:
            continue
        total -= size
        removed.append(entry)
    return removed
