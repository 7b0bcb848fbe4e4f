"""Helpers for long jobs: the cycle collector paused while millions of objects are made, and
one part of a job run in a second process, on the machine's other core.

`in_child(job)` forks this process; the copy runs `job()` and pipes its result back, while
this process goes on with its own part. Nothing is pickled on the way out: the child has a
copy of everything. Where there is no fork (Windows), where other threads run (a fork copies
their locks), or when the child fails in any way, `job()` simply runs here when its result is
asked for: the answer is the same, only slower.
"""

from __future__ import annotations

import gc
import os
import pickle
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
_FAILED = object()  # what `result` got when the child gave nothing usable


FREEZE_OBJECTS = 1_000_000  # objects made during a pause from which they are frozen after it


@contextmanager
def gc_paused():
    """Python's cycle collector off while a casebook is read, validated or built (also as a
    decorator: `@gc_paused()`). Loading makes millions of dicts, lists and strings that
    form no cycles, and the collector walked all of them again and again as they grew.

    A pause that leaves more than FREEZE_OBJECTS new objects (a large casebook loaded) moves
    everything out of the collector's sight (`gc.freeze`) before it resumes: its first pass
    would otherwise walk all of them to free nothing (1.0 s at 500k claims). They are still
    freed as soon as nothing uses them; only a cycle among them would outlive its use."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            if gc.get_count()[0] > FREEZE_OBJECTS:
                gc.freeze()
            gc.enable()


def in_child(job: Callable[[], T]) -> Callable[[], T]:
    """Start `job()` in a forked child; return a function that waits for its result."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return job
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return job
    if pid == 0:  # the child: run the job, pipe back its result, never return
        status = 1
        try:
            os.close(read_end)
            # Pickled whole before it is sent: pickling into the pipe would wait for the
            # parent to read each 64 kB, so that pickling would start when it asks (the
            # spans of 500k quotes: 0.5 s of the parent's wait, against 0.01 s to send).
            result = pickle.dumps(job(), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(result)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> T:
        try:
            with os.fdopen(read_end, "rb") as pipe:
                value = pickle.load(pipe)
        except (EOFError, OSError, pickle.UnpicklingError):
            value = _FAILED
        finally:
            _, status = os.waitpid(pid, 0)
        if value is _FAILED or status != 0:
            return job()
        return value

    return result
