"""The exceptions actorgraph raises: one root, subclassed by meaning."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the casebook, where it is and how bad."""

    file: str
    line: int | None
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}: {prefix}{self.message}"


class ActorGraphError(Exception):
    """Anything actorgraph reports to the user instead of a traceback."""


class InputError(ActorGraphError):
    """An option, a file or a value given to a command cannot be used."""


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
    """Two actors exist but nothing in the casebook connects them under the given options."""
