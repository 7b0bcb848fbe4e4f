"""Telling whether a casebook changed since its store was written.

The store records every file the casebook is read from (its three tables and each document
sources.csv names) with its size, modification time, status-change time (ctime), inode and
device, and a BLAKE2b digest of its contents. The fast path: every file's stamps are as
recorded. When a stamp differs, the contents are hashed and compared with the digests: a
casebook touched, copied or checked out again with the same contents is still unchanged. Any
write to a file sets its ctime, which programs cannot set back (`touch -d`, `cp -p` or
`rsync -t` restore mtime, not ctime), so every change made through the file system is seen,
as are renames and replaced files. A write within the same clock tick as the reading could
leave every stamp equal, so a file changed less than RACY_NS before the casebook was read
has its stamps recorded as unknown (git's "racy clean" rule): the next command hashes it.
Not detected: changes made behind the file system's back (a raw disk edit) or by resetting
the system clock.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from actorgraph.casebook.read import Unreadable, input_files, read_bytes, read_table
from actorgraph.schema import SOURCES
from actorgraph.store.layout import digest as digest_of

RACY_NS = 2_000_000_000  # files changed this close to the reading are hashed next time
UNKNOWN = -1  # the modification time recorded for such a file: it matches none

State = tuple  # (path, size, mtime_ns, ctime_ns, inode, device); (path, None...) if missing


@dataclass
class Snapshot:
    """The state of a casebook's files, taken before they are read."""

    taken_ns: int
    files: list[State]

    @property
    def megabytes(self) -> float:
        return sum(f[1] or 0 for f in self.files) / 1e6


def state(path: Path | str) -> State:
    try:
        st = Path(path).stat()
    except OSError:
        return (str(path), None, None, None, None, None)
    return (str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def snapshot(root: Path | str) -> Snapshot:
    """Record the casebook's files as they are now (call it before reading them)."""
    root = Path(root)
    taken = time.time_ns()
    sources = read_table(root, SOURCES, [])
    return Snapshot(taken, [state(p) for p in input_files(root, sources.records)])


def digest(path: Path | str) -> str | None:
    """The digest of a regular file's contents (`layout.digest`; None if it cannot be
    read)."""
    try:
        return digest_of(read_bytes(Path(path)))
    except (OSError, Unreadable):
        return None


def still(before: Snapshot) -> bool:
    """Whether every file is as `before` found it (none missing, none changed since)."""
    return (all(f[1] is not None for f in before.files)
            and [state(f[0]) for f in before.files] == before.files)


def recorded(before: Snapshot, file: State) -> State:
    """A file's state as the store records it: its modification time unknown if it changed
    too recently to be told apart from a later change."""
    if max(file[2], file[3]) >= before.taken_ns - RACY_NS:
        return (file[0], file[1], UNKNOWN, *file[3:])
    return file


def unchanged(recorded: list[tuple[State, str | None]]) -> bool:
    """Whether the files recorded (state, digest) are as they were: same stamps, or else the
    same contents."""
    now = [state(f[0]) for f, _digest in recorded]
    if now == [f for f, _digest in recorded]:
        return True
    return all(now_state == f or (now_state[1] is not None and digest(f[0]) == known)
               for now_state, (f, known) in zip(now, recorded))
