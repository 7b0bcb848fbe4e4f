"""Commands that change the casebook's files: add and merge."""

from __future__ import annotations

COMMANDS = ()
