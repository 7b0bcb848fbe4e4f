"""The tables the explorer page folds names with, made from Python's own definitions.

`actorgraph.text.name_key` is the one definition of how names are matched. JavaScript has no
`str.casefold`, no combining classes and a `trim()` that strips other characters than
`str.strip`, and its Unicode may be newer than Python's; so the page (js/10-names.js) folds
with these tables, made here from the Python that builds the page:

- `fold`: `text.FOLD`, character to replacement;
- `spaces`: the characters `str.strip` strips (`str.isspace`);
- `combining`: the characters `unicodedata.combining` gives a non-zero class (dropped after
  NFKD);
- `unassigned`: the code points Python's Unicode has not assigned (general category Cn):
  Python leaves them as they are, so the page neither decomposes nor lowercases them even
  where the browser's newer Unicode would;
- `casefold`: each character whose `casefold()` differs from its `lower()` (the browser's
  `toLowerCase` of one character), with its `casefold()`.

A set of code points travels as its runs, `[gap, span, gap, span, ...]`: a run starts `gap`
after the end of the one before (the first after 0) and ends `span` after its start. The
tables add about 8.5 kB to a page; making them takes about 0.25 s, once per process.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import cache
from itertools import groupby, repeat
from operator import eq

from actorgraph.text import FOLD

# Every code point, surrogates included (Python gives them category Cs, no case, no class).
_CODE_POINTS = range(0x110000)


def runs(flags: Iterable[bool]) -> list[int]:
    """The runs of code points whose flag is true, one flag per code point from 0, as
    `[gap, span, ...]`."""
    found: list[int] = []
    at = end = 0
    for flag, run in groupby(flags):
        n = len(list(run))
        if flag:
            found += [at - end, n - 1]
            end = at + n - 1
        at += n
    return found


def members(encoded: list[int]) -> set[int]:
    """The code points `runs` encoded (for tests and for reading a page's tables)."""
    found: set[int] = set()
    end = 0
    for gap, span in zip(encoded[::2], encoded[1::2]):
        start = end + gap
        end = start + span
        found.update(range(start, end + 1))
    return found


@cache
def folding_tables() -> dict:
    """The page's tables for folding names as `text.name_key` does (see the module's doc)."""
    every = "".join(map(chr, _CODE_POINTS))
    casefold = {}
    for i in range(0, len(every), 512):  # most blocks have nothing to look at twice
        block = every[i:i + 512]
        if block.casefold() != block.lower():
            casefold.update((c, c.casefold()) for c in block if c.casefold() != c.lower())
    return {
        "fold": {chr(k): v for k, v in sorted(FOLD.items())},
        "spaces": runs(map(str.isspace, every)),
        "combining": runs(map(bool, map(unicodedata.combining, every))),
        "unassigned": runs(map(eq, map(unicodedata.category, every), repeat("Cn"))),
        "casefold": casefold,
    }
