"""Finding a claim's quote in its source document.

A quote matches when it appears verbatim after folding runs of whitespace to one space and
typographic quotes, apostrophes and dashes to their ASCII forms; `…` or `...` joins fragments
that must appear in that order. Positions are reported in the original, unfolded text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from itertools import islice
from typing import NamedTuple

from actorgraph.schema import FRAGMENT_SEPARATORS
from actorgraph.text import squeeze, translate

_FIRST_LINE = re.compile(r"[ \t]*\S")
_LINE_AFTER_NEWLINE = re.compile(r"\n[ \t]*\S")
_FRAGMENTS = re.compile("|".join(re.escape(s) for s in FRAGMENT_SEPARATORS))
_JOINT = "\x00"  # joins a batch of quotes to fold them at once: folding leaves it alone


def fragments(quote: str) -> list[str]:
    """The folded pieces of a quote that must appear in order."""
    return _pieces(squeeze(translate(quote)))


def _pieces(squeezed: str) -> list[str]:
    """`fragments` of a quote already translated and squeezed: neither touches a separator
    nor makes one, and no run of spaces spans one, so folding before splitting is the same."""
    for separator in FRAGMENT_SEPARATORS:
        if separator in squeezed:
            return [f for f in map(str.strip, _FRAGMENTS.split(squeezed)) if f]
    piece = squeezed.strip()
    return [piece] if piece else []


def _fragments_each(quotes: list[str]) -> list[list[str]]:
    """`[fragments(q) for q in quotes]`, folding them all as one string: 0.96 s against 1.30 s
    one by one for the 500,000 quotes of the 500k-claim casebook, grouped by document."""
    joined = _JOINT.join(quotes)
    if joined.count(_JOINT) == len(quotes) - 1:  # no quote holds the joint
        return list(map(_pieces, squeeze(translate(joined)).split(_JOINT)))
    return list(map(fragments, quotes))


def _collapse(text: str) -> tuple[str, list[int], list[int]]:
    """`squeeze(text)`, and for each run of spaces made one: the first offset after it
    in the result and the total shift so far. Splitting on two spaces and walking the parts
    takes 0.35 s over the 2,000 documents (120 MB) of the 500k-claim casebook, against 0.45 s
    for `find("  ")` plus a regex match per run, and 1.5 s for a regex substitution alone."""
    parts = text.split("  ")
    if len(parts) == 1:
        return text, [0], [0]
    # No part holds two spaces: a part after a separator starts with at most one (a run of
    # odd length), and an empty part means the run goes on.
    kept, breaks, shifts = [parts[0]], [0], [0]
    at = len(parts[0])  # length of the result so far
    run = shift = 0
    for part in islice(parts, 1, None):
        run += 2
        if not part:
            continue
        if part[0] == " ":  # its own space stands for the run
            run += 1
            kept.append(part)
        else:
            kept.append(" ")
            kept.append(part)
        shift += run - 1
        breaks.append(at + 1)
        shifts.append(shift)
        at += 1 + len(part) - (part[0] == " ")
        run = 0
    if run:  # the text ends in a run
        kept.append(" ")
        breaks.append(at + 1)
        shifts.append(shift + run - 1)
    return "".join(kept), breaks, shifts


def _paragraph_starts(text: str) -> list[int]:
    """Where the document's non-empty lines start: the matches of `(?m)^[ \\t]*\\S`, found
    from the newlines (the regex engine skips to each; `^` is tried at every character):
    0.10 s against 0.24 s for a loop over the lines of the 2,000 documents at 500k claims."""
    starts = [m.start() + 1 for m in _LINE_AFTER_NEWLINE.finditer(text)]
    if _FIRST_LINE.match(text):
        starts.insert(0, 0)
    return starts


_UNSEARCHED = object()


class Span(NamedTuple):
    """Where a quote stands in a document: character offsets and 1-based paragraph."""

    start: int
    end: int
    paragraph: int
    pieces: tuple[tuple[int, int], ...]


class Document:
    """A source document's text, folded once, when a quote is first looked for in it (on a
    large casebook, by the process that searches it: `validate._locate`), to locate any
    number of quotes in it."""

    def __init__(self, text: str):
        self.text = text
        self._located: dict[str, Span | None] = {}

    @cached_property
    def _folding(self) -> tuple[str, list[int], list[int]]:
        # Each collapsed run shifts later offsets: (first folded offset after it, total shift).
        return _collapse(translate(self.text))

    @property
    def folded(self) -> str:
        return self._folding[0]

    @property
    def _breaks(self) -> list[int]:
        return self._folding[1]

    @property
    def _shifts(self) -> list[int]:
        return self._folding[2]

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return _paragraph_starts(self.text)

    def original_offset(self, folded_offset: int) -> int:
        i = bisect_right(self._breaks, folded_offset) - 1
        return folded_offset + self._shifts[i]

    def paragraph_at(self, offset: int) -> int:
        return max(1, bisect_right(self._paragraph_starts, offset))

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]

    def locate(self, quote: str) -> Span | None:
        """The span of the quote's first occurrence, or None if it is not in the text."""
        span = self._located.get(quote, _UNSEARCHED)
        if span is _UNSEARCHED:
            span = self._located[quote] = self._spans([fragments(quote)])[0]
        return span

    def locate_all(self, quotes: list[str]) -> list[Span | None]:
        """`[self.locate(q) for q in quotes]`, searching each distinct quote once."""
        # Parallel claims often cite the same passage: each is searched for once per document.
        located = self._located
        new = [q for q in dict.fromkeys(quotes) if q not in located]
        if new:
            located.update(zip(new, self._spans(_fragments_each(new))))
        return list(map(located.__getitem__, quotes))

    def _spans(self, fragment_lists: list[list[str]]) -> list[Span | None]:
        """For each list of fragments, where they stand in this order, each found first after
        the end of the one before; None if one is missing or there are none."""
        spans: list[Span | None] = []
        find, breaks, shifts = self.folded.find, self._breaks, self._shifts
        paragraphs, shifted = self._paragraph_starts, len(breaks) > 1
        for pieces in fragment_lists:
            found = []
            at = 0
            for piece in pieces:
                start = find(piece, at)
                if start < 0:
                    found = None
                    break
                at = start + len(piece)
                if shifted:  # runs were collapsed: offsets after them move on in the text
                    # original_offset(start), original_offset(at - 1) + 1, inlined
                    found.append((start + shifts[bisect_right(breaks, start) - 1],
                                  at + shifts[bisect_right(breaks, at - 1) - 1]))
                else:
                    found.append((start, at))
            if found:
                start = found[0][0]
                spans.append(Span(start, found[-1][1], bisect_right(paragraphs, start) or 1,
                                  tuple(found)))
            else:
                spans.append(None)
        return spans

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
