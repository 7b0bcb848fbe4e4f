"""Work that can wait until a command has answered: filling the cache.

`later.do(job)` runs `job()` at once, unless a `later.after()` block is open: the job then
runs when the block is left. The CLI runs each command in such a block, so a query on a
casebook the cache does not hold yet prints its answer first and fills the cache afterwards
(at 500k claims, the 9.5 s of pickling, indexing and writing no longer delay the answer).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

_waiting: list[Callable[[], object]] | None = None  # the open block's jobs, if one is open


def do(job: Callable[[], object]) -> None:
    """Run `job()` now, or when the open `after()` block is left."""
    if _waiting is None:
        job()
    else:
        _waiting.append(job)


@contextmanager
def after() -> Iterator[None]:
    """Jobs given to `do` inside the block run, in order, when it is left, also when it is
    left by an error (the casebook was still read well); not after Ctrl-C."""
    global _waiting
    outer, _waiting = _waiting, []
    interrupted = False
    try:
        yield
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        jobs, _waiting = _waiting, outer
        if not interrupted:
            for job in jobs:
                do(job)  # an outer block, if any, takes them over
