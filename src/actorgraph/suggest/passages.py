"""A document cut into passages: its headings and its sentences, with character offsets.

A heading is a short line that does not end a sentence ("3. Arms for the Coast Guard"), above
more text; its numbering is left out of the passage. Sentences end at `.`, `!` or `?`
followed by a space and a capital, a digit or a quotation mark, except after an initial
("R."), a title ("Gen.") or an abbreviation ("U.S.") followed by a word that does not start
sentences. Every passage is a span of the document: `document[start:end] == passage.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actorgraph.suggest.words import ABBREVIATIONS, SENTENCE_STARTERS
from actorgraph.text import name_key


@dataclass(frozen=True)
class Passage:
    """One heading or sentence of a document."""

    index: int
    start: int
    end: int
    text: str
    kind: str  # "heading" or "sentence"
    section: int  # index of the heading above it, -1 before the first heading
    paragraph: int  # 0-based line of the document holding it (blank lines not counted)

    @property
    def heading(self) -> bool:
        return self.kind == "heading"

    @property
    def question(self) -> bool:
        return self.text.rstrip("\"”’')]").endswith("?")


@dataclass(frozen=True)
class Clause:
    """A part of a sentence between strong punctuation (`;`, `:`, a spaced dash)."""

    start: int
    end: int


_LINE = re.compile(r"[^\n]+")
_NUMBERING = re.compile(r"\s*(?:(?:\d{1,3}|[IVXLC]{1,6}|[A-Za-z])[.)]|#{1,6}|\d{1,3}\s*[-–—])\s+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_ENDS = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s)")
_NEXT = re.compile(r"\s+([\"“‘'(\[]?)(\w[\w.'’\-]*)")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}$")
_STRONG = re.compile(r"\s*[;:]\s+|\s+[—–-]{1,2}\s+|\s*—\s*")
HEADING_WORDS = 14


def passages(text: str) -> list[Passage]:
    """The document's headings and sentences, in order."""
    found: list[Passage] = []
    lines = [m for m in _LINE.finditer(text) if m.group().strip()]
    section = -1
    for number, line in enumerate(lines):
        start, end = _trimmed(text, line.start(), line.end())
        if _is_heading(text[start:end], number, len(lines)):
            numbering = _NUMBERING.match(text, start, end)
            if numbering and numbering.end() < end:
                start = numbering.end()
            section = len(found)
            found.append(Passage(len(found), start, end, text[start:end], "heading", section,
                                 number))
            continue
        for s, e in sentence_spans(text, start, end):
            found.append(Passage(len(found), s, e, text[s:e], "sentence", section, number))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(line: str, number: int, lines: int) -> bool:
    """A short line, not the last, that ends without a sentence's punctuation and is either
    numbered or written in title case."""
    if number == lines - 1 or line[-1] in ".!?;:,\"”’')…":
        return False
    words = _WORD.findall(_NUMBERING.sub("", line, count=1))
    if not words or len(words) > HEADING_WORDS:
        return False
    if _NUMBERING.match(line):
        return True
    long_words = [w for w in words if len(w) > 3]
    capitals = sum(w[0].isupper() for w in long_words)
    return bool(long_words) and capitals >= 0.6 * len(long_words)


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of `text[start:end]` (one line) as (start, end) offsets."""
    spans = []
    at = start
    for match in _ENDS.finditer(text, start, end):
        if _boundary(text, at, match, end):
            s, e = _trimmed(text, at, match.end())
            if e > s:
                spans.append((s, e))
            at = match.end()
    s, e = _trimmed(text, at, end)
    if e > s:
        spans.append((s, e))
    return spans


def _boundary(text: str, at: int, match: re.Match, end: int) -> bool:
    following = _NEXT.match(text, match.end(), end)
    if not following:
        return False
    word = following.group(2)
    if not (word[0].isupper() or word[0].isdigit() or following.group(1)):
        return False
    if match.group()[0] != ".":
        return True
    before = text[at:match.start() + 1].split()
    last = before[-1] if before else ""
    bare = last.rstrip(".").lstrip("\"“‘'([")
    if len(bare) == 1 and bare.isalpha() and bare.isupper():
        return False  # an initial: "Gerald R. Ford"
    if name_key(bare) in ABBREVIATIONS:
        return False
    if _DOTTED.search(last.lstrip("\"“‘'([")):  # "U.S." ends a sentence only before a starter
        return name_key(word) in SENTENCE_STARTERS
    return True


def clauses(text: str, start: int, end: int) -> list[Clause]:
    """The clauses of the sentence `text[start:end]`, split at `;`, `:` and spaced dashes."""
    found = []
    at = start
    for match in _STRONG.finditer(text, start, end):
        if match.start() > at:
            found.append(Clause(at, match.start()))
        at = match.end()
    if end > at:
        found.append(Clause(at, end))
    return found or [Clause(start, end)]
