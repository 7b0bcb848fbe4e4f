"""A progress bar on stderr while long work runs: the stage, how far it is and the time left.

    from actorgraph.progress import progress

    with progress("exporting claims", total=claims, show=large) as bar:
        for claim in bar.through(rows):        # counts each item as it is taken
            ...
        bar.advance(n)                         # or count n steps done another way

The bar is drawn by `click.progressbar` (the label, the bar, the percentage and, once a
second of work has shown the pace, the time left) and only when all of these hold: the
caller says the work is worth one (`show`: say, a casebook of `workspace.NOTICE_MB` or more),
stderr is a terminal, the command was not given --quiet, and `total` is known. Otherwise
nothing at all is written (click would print the label once on a pipe or a file: a log
gains nothing from it) and the bar costs next to nothing: `through` gives the items back as
they are. Each stage of a job is its own `with progress(...)`; its line stays on screen
when the stage ends.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

T = TypeVar("T")
REDRAWS = 500  # at most this many redraws of a bar, however many steps it counts


class Bar:
    """Counts the steps of one stage; draws them if it was given a click progress bar."""

    def __init__(self, drawn=None, every: int = 1):
        self._drawn, self._every = drawn, every

    @property
    def shown(self) -> bool:
        """Whether the bar is drawn (stderr is a terminal, and so on)."""
        return self._drawn is not None

    def advance(self, steps: int = 1) -> None:
        """Count `steps` more steps done."""
        if self._drawn is not None:
            self._drawn.update(steps)

    def through(self, items: Iterable[T]) -> Iterable[T]:
        """`items`, counting a step for each one taken."""
        if self._drawn is None:
            return items
        return self._counted(items)

    def _counted(self, items: Iterable[T]) -> Iterator[T]:
        every, done, update = self._every, 0, self._drawn.update
        for item in items:
            yield item
            done += 1
            if done == every:
                update(done)
                done = 0
        if done:
            update(done)


def _quiet() -> bool:
    """Whether the command running was given --quiet (as `cli.Notices` tells)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.params.get("quiet"))


def _terminal() -> bool:
    stderr = sys.stderr
    try:
        return stderr is not None and not stderr.closed and stderr.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress(label: str, total: int | None, *, show: bool = True) -> Iterator[Bar]:
    """A `Bar` counting the `total` steps of the stage called `label`, drawn on stderr when
    `show` holds, stderr is a terminal, the command is not --quiet and `total` is known
    (see the module's description)."""
    if not (show and total and _terminal() and not _quiet()):
        yield Bar()
        return
    every = max(1, total // REDRAWS)
    with click.progressbar(length=total, label=label, file=sys.stderr, show_eta=True,
                           show_percent=True, update_min_steps=every) as drawn:
        yield Bar(drawn, every)
