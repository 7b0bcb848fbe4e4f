"""The exceptions actorgraph raises: one root, subclassed by meaning.

The library names its own parameters (`min_certainty`), never a command-line flag: an error
about a parameter says which in `.param`, and `describe(flag)` writes the message with each
parameter as the caller calls it (the CLI passes its option names: `--min-certainty`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the casebook, where it is and how bad."""

    file: str
    line: int | None
    message: str
    severity: str = "error"  # or "warning"
    see: int | None = None  # the line of another record the message names, as "(line N)"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"


def _same(param: str) -> str:
    return param


class ActorGraphError(Exception):
    """Anything actorgraph reports to the user instead of a traceback."""

    def describe(self, flag: Callable[[str], str] = _same) -> str:
        """The message, each parameter named by `flag(param)`."""
        return str(self)


class InputError(ActorGraphError):
    """An option, a file or a value given to a command cannot be used."""


class BadValue(InputError):
    """A value given for a parameter cannot be used; `.param` names the parameter."""

    def __init__(self, param: str, value, why: str):
        self.param, self.value, self.why = param, value, why
        super().__init__(self.describe())

    def describe(self, flag: Callable[[str], str] = _same) -> str:
        return f"{flag(self.param)} {self.value!r} {self.why}"


class OutputError(ActorGraphError):
    """A result cannot be written where it was asked to go (a full disk, no permission)."""


class ValidationError(ActorGraphError):
    """The casebook has problems; `.problems` lists every one of them."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = sum(p.severity == "error" for p in problems)
        lines = [str(p) for p in problems]
        lines.append(f"{errors} error{'s' if errors != 1 else ''} in the casebook.")
        super().__init__("\n".join(lines))


class ActorNotFound(ActorGraphError):
    """A name matches no actor; `.suggestions` holds the closest ones."""

    def __init__(self, name: str, suggestions: list[str], role: str = "Actor"):
        self.name = name
        self.suggestions = suggestions
        hint = f" (did you mean {', '.join(repr(s) for s in suggestions)}?)" if suggestions else ""
        super().__init__(f"{role} {name!r} is not an actor{hint}")


class AmbiguousActor(ActorGraphError):
    """A name matches several actors; `.candidates` lists them."""

    def __init__(self, name: str, candidates: list[str]):
        self.name = name
        self.candidates = candidates
        super().__init__(
            f"{name!r} could be any of: {', '.join(candidates)}; use the actor's id"
        )


class NoPath(ActorGraphError):
    """Two actors exist but nothing in the casebook connects them under the given options;
    `.options` holds the options that narrowed the search (parameter -> value)."""

    def __init__(self, source: str, target: str, options: dict):
        self.source, self.target = source, target
        self.options = {k: v for k, v in options.items() if v not in (None, False, (), [])}
        super().__init__(self.describe())

    def describe(self, flag: Callable[[str], str] = _same) -> str:
        shown = []
        for param, value in self.options.items():
            if value is True:
                shown.append(flag(param))
            elif isinstance(value, (tuple, list, set, frozenset)):
                shown += [f"{flag(param)} {v}" for v in value]
            else:
                shown.append(f"{flag(param)} {value}")
        why = (f" under these options: {', '.join(shown)}" if shown
               else ": no chain of claims connects them")
        return f"No path between {self.source!r} and {self.target!r}{why}"
