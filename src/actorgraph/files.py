"""Writing results so that nothing is lost: a crash never leaves half a file, an output never
lands on a file the casebook reads, and a device, a FIFO or a symlink is never replaced.

- A regular file (or a new one) is written beside its destination under a temporary name
  holding this process's id, then renamed into place: the old file stays whole until then.
- A device or FIFO (`-o /dev/stdout`, `/dev/null`) is written directly: a rename would
  replace the device with a file.
- A symlink is followed: its target is written, the link stays.
- Temporary files and folders left by a process that was killed are removed by the next
  write beside them (their process id says whose they are).
Every failure to write (a full disk, no permission) becomes an OutputError naming the path.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from actorgraph.errors import OutputError

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+\.(?:tmp|old)$")


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def clean_leftovers(folder: Path, name: str) -> list[Path]:
    """Remove the temporary files and folders that an earlier write of `name` in `folder`
    left when its process was killed; return what was removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.match(entry.name)
        if not match or match["name"] != name or _pid_alive(int(match["pid"])):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


def temp_name(path: Path) -> str:
    """The prefix of a temporary sibling of `path`: hidden, with this process's id."""
    return f".{path.name}.{os.getpid()}."


def _failed(path: Path | str, err: OSError) -> OutputError:
    reason = err.strerror or str(err)
    return OutputError(f"cannot write {str(path)!r}: {reason}")


def special(path: Path) -> bool:
    """Whether `path` (symlinks followed) is something other than a regular file or a
    folder: a device, a FIFO, a socket."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def destination(path: Path | str) -> Path:
    """Where writing to `path` really lands: a symlink's target (followed to the end), else
    the path itself. An empty path is refused."""
    if str(path) in ("", "."):
        raise OutputError("no output path given; name a file")
    path = Path(path)
    if path.is_symlink():
        try:
            return path.resolve(strict=False)
        except (OSError, RuntimeError) as err:
            raise OutputError(f"cannot follow the symlink {str(path)!r}: {err}") from err
    return path


def refuse_inputs(path: Path | str, inputs: Iterable[Path]) -> None:
    """OutputError if writing `path` would overwrite a file the casebook is read from (or put
    a file inside one)."""
    try:
        target = Path(path).resolve()
    except (OSError, RuntimeError):
        return
    for source in inputs:
        if target == source or source in target.parents:
            raise OutputError(f"{str(path)!r} is a file the casebook is read from; write the "
                              "output somewhere else")


@contextmanager
def open_output(path: Path | str) -> Iterator[BinaryIO]:
    """A binary file to write the output at `path` to (see the module's rules). The file is
    complete at `path` only once the block ends without an error."""
    target = destination(path)
    if target.is_dir():
        raise OutputError(f"{str(path)!r} is a folder; give a file name")
    if special(target):
        try:
            with open(target, "wb") as handle:
                yield handle
        except OSError as err:
            raise _failed(path, err) from err
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(target.parent, target.name)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=temp_name(target), suffix=".tmp")
    except OSError as err:
        raise _failed(path, err) from err
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except OSError as err:
        _remove(tmp)
        raise _failed(path, err) from err
    except BaseException:
        _remove(tmp)
        raise


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def atomic_write(path: Path | str, content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` by `open_output`'s rules."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    with open_output(path) as handle:
        handle.write(data)


@contextmanager
def as_text(binary: BinaryIO) -> Iterator[io.TextIOWrapper]:
    """An open binary file written as UTF-8 text, newlines as written (CSV writes its own);
    the binary file stays open."""
    text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
    try:
        yield text
        text.flush()
    finally:
        text.detach()


@contextmanager
def text_output(path: Path | str) -> Iterator[io.TextIOWrapper]:
    """`open_output` as UTF-8 text (`as_text`)."""
    with open_output(path) as binary, as_text(binary) as text:
        yield text


@contextmanager
def output_folder(path: Path | str) -> Iterator[Path]:
    """An empty temporary folder beside `path` to fill; renamed to `path` when the block ends
    without an error (a folder already at `path` is replaced whole), removed otherwise."""
    dest = destination(path)
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        clean_leftovers(dest.parent, dest.name)
        tmp = Path(tempfile.mkdtemp(dir=dest.parent, prefix=temp_name(dest), suffix=".tmp"))
    except OSError as err:
        raise _failed(path, err) from err
    old = None
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        if dest.exists():
            old = Path(tempfile.mkdtemp(dir=dest.parent, prefix=temp_name(dest), suffix=".old"))
            os.replace(dest, old)  # an empty directory is replaced by the rename
        os.replace(tmp, dest)
    except BaseException as err:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and not dest.exists():
            os.replace(old, dest)
        if isinstance(err, OSError):
            raise _failed(path, err) from err
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def replace_together(contents: dict[Path, bytes]) -> None:
    """Write several files as one change: all of them, or (on any failure) none. Each new
    content is written beside its file first; only when all are written are they renamed
    into place, each old file kept under a temporary name until every rename is done and
    put back if one fails."""
    targets = {destination(path): data for path, data in contents.items()}
    written: dict[Path, str] = {}
    kept: dict[Path, str] = {}
    placed: list[Path] = []
    try:
        for target, data in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            clean_leftovers(target.parent, target.name)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=temp_name(target),
                                       suffix=".tmp")
            written[target] = tmp
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        for target in targets:
            if target.exists():
                fd, old = tempfile.mkstemp(dir=target.parent, prefix=temp_name(target),
                                           suffix=".old")
                os.close(fd)
                shutil.copy2(target, old)
                kept[target] = old
        for target, tmp in written.items():
            os.replace(tmp, target)
            placed.append(target)
    except BaseException as err:
        for target in placed:  # put the old files back
            if target in kept:
                os.replace(kept.pop(target), target)
            else:
                _remove(str(target))
        for tmp in [*written.values(), *kept.values()]:
            _remove(tmp)
        if isinstance(err, OSError):
            raise _failed(err.filename or next(iter(targets)), err) from err
        raise
    for old in kept.values():
        _remove(old)
