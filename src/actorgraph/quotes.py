"""Finding a claim's quote in its source document.

A quote matches when it appears verbatim after folding runs of whitespace to one space and
typographic quotes, apostrophes and dashes to their ASCII forms; `…` or `...` joins fragments
that must appear in that order. Positions are reported in the original, unfolded text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from actorgraph.schema import FRAGMENT_SEPARATORS

_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\t\n\r\v\f\xa0\u2007\u2009\u200a\u202f\u2028\u2029", " "),
    }
)
# str.translate looks every character up in _FOLD; replacing only the few characters
# present is several times faster on long documents (profiled: translate was the top cost).
_FOLD_PAIRS = tuple((chr(k), v) for k, v in _FOLD.items())
_ASCII_PAIRS = tuple((c, v) for c, v in _FOLD_PAIRS if c.isascii())
_RUNS = re.compile(" {2,}")
_RUN_AT = re.compile(" +")
_FRAGMENTS = re.compile("|".join(re.escape(s) for s in FRAGMENT_SEPARATORS))


def _translate(text: str) -> str:
    """`text.translate(_FOLD)`, faster."""
    for char, folded in _ASCII_PAIRS if text.isascii() else _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return text


def fold(text: str) -> str:
    """The form quotes are compared in: typography folded, whitespace runs made one space."""
    text = _translate(text)
    return (_RUNS.sub(" ", text) if "  " in text else text).strip()


def fragments(quote: str) -> list[str]:
    """The folded pieces of a quote that must appear in order."""
    for separator in FRAGMENT_SEPARATORS:
        if separator in quote:
            break
    else:
        piece = fold(quote)
        return [piece] if piece else []
    return [f for f in (fold(p) for p in _FRAGMENTS.split(quote)) if f]


def _collapse(text: str) -> tuple[str, list[int], list[int]]:
    """`_RUNS.sub(" ", text)`, and for each run of spaces made one: the first offset after it
    in the result and the total shift so far. str.find of "  " skips the text faster than
    the regex engine scans it: 0.13 s against 0.55 s for `_RUNS.sub` plus a `finditer` loop
    over the 400 documents (24 MB) of the 100k-claim casebook."""
    parts, breaks, shifts = [], [0], [0]
    shift = at = 0
    run_at, find = _RUN_AT.match, text.find
    start = find("  ")
    while start >= 0:
        end = run_at(text, start).end()
        parts.append(text[at : start + 1])
        shift += end - start - 1
        breaks.append(end - shift)
        shifts.append(shift)
        at = end
        start = find("  ", end)
    if not parts:
        return text, breaks, shifts
    parts.append(text[at:])
    return "".join(parts), breaks, shifts


def _paragraph_starts(text: str) -> list[int]:
    """Where the document's non-empty lines start: the matches of `(?m)^[ \\t]*\\S`."""
    starts = []
    at = 0
    for line in text.split("\n"):
        rest = line.lstrip(" \t")
        if rest and not rest[0].isspace():
            starts.append(at)
        at += len(line) + 1
    return starts


_UNSEARCHED = object()


@dataclass(frozen=True)
class Span:
    """Where a quote stands in a document: character offsets and 1-based paragraph."""

    start: int
    end: int
    paragraph: int
    pieces: tuple[tuple[int, int], ...]


class Document:
    """A source document's text, folded once, to locate any number of quotes in it."""

    def __init__(self, text: str):
        self.text = text
        # Each collapsed run shifts later offsets: (first folded offset after it, total shift).
        self.folded, self._breaks, self._shifts = _collapse(_translate(text))
        self._paragraph_starts = _paragraph_starts(text)
        self._located: dict[str, Span | None] = {}

    def original_offset(self, folded_offset: int) -> int:
        i = bisect_right(self._breaks, folded_offset) - 1
        return folded_offset + self._shifts[i]

    def paragraph_at(self, offset: int) -> int:
        return max(1, bisect_right(self._paragraph_starts, offset))

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    def locate(self, quote: str) -> Span | None:
        """The span of the quote's first occurrence, or None if it is not in the text."""
        # Parallel claims often cite the same passage: search the document once for it.
        span = self._located.get(quote, _UNSEARCHED)
        if span is _UNSEARCHED:
            span = self._located[quote] = self._search(quote)
        return span

    def _search(self, quote: str) -> Span | None:
        pieces = []
        at = 0
        find, breaks, shifts = self.folded.find, self._breaks, self._shifts
        for piece in fragments(quote):
            found = find(piece, at)
            if found < 0:
                return None
            at = found + len(piece)
            # original_offset(found), original_offset(at - 1) + 1, inlined (called per quote)
            pieces.append((found + shifts[bisect_right(breaks, found) - 1],
                           at + shifts[bisect_right(breaks, at - 1) - 1]))
        if not pieces:
            return None
        start, end = pieces[0][0], pieces[-1][1]
        return Span(start, end, max(1, bisect_right(self._paragraph_starts, start)),
                    tuple(pieces))

    def closest(self, quote: str, width: int = 0) -> str:
        """The passage of the document that best resembles a quote that is not in it."""
        from rapidfuzz import fuzz

        needle = " ".join(fragments(quote))
        if not needle:
            return ""
        hit = fuzz.partial_ratio_alignment(needle, self.folded)
        start = max(0, hit.dest_start - width)
        end = min(len(self.folded), hit.dest_end + width)
        # Widen to whole words.
        start = self.folded.rfind(" ", 0, start) + 1 if start else 0
        stop = self.folded.find(" ", end)
        end = len(self.folded) if stop < 0 else stop
        return self.folded[start:end].strip()
