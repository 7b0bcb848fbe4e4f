"""A document read once for suggestions: its tokens, its passages, which passage holds each
token."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from actorgraph.suggest.names import Tokens
from actorgraph.suggest.passages import Clause, Passage, clauses, passages


@dataclass
class Reading:
    text: str
    tokens: Tokens
    passages: list[Passage]
    bounds: list[tuple[int, int]]  # each passage's tokens: [first, after last)

    firsts: list[int] = field(default_factory=list)  # each passage's first token
    _clauses: dict[int, list[Clause]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> Reading:
        tokens = Tokens.of(text)
        found = passages(text)
        bounds = [(tokens.index_at(p.start), tokens.index_at(p.end)) for p in found]
        return cls(text, tokens, found, bounds, [first for first, _ in bounds])

    def passage_of(self, token: int) -> int:
        """The index of the passage holding a token (-1 if none does)."""
        k = bisect_right(self.firsts, token) - 1
        if k >= 0 and token < self.bounds[k][1]:
            return k
        return -1

    def clauses(self, k: int) -> list[Clause]:
        """The clauses of passage k (cut once)."""
        if k not in self._clauses:
            passage = self.passages[k]
            self._clauses[k] = clauses(self.text, passage.start, passage.end)
        return self._clauses[k]

    def passage_index(self) -> list[int]:
        """For every token, the index of its passage (-1 outside any)."""
        index = [-1] * len(self.tokens)
        for k, (first, after) in enumerate(self.bounds):
            index[first:after] = [k] * (after - first)
        return index

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Character offsets of tokens [i, j)."""
        return self.tokens.starts[i], self.tokens.ends[j - 1]

    def words(self, i: int, j: int) -> str:
        """The text of tokens [i, j) as written."""
        start, end = self.span(i, j)
        return self.text[start:end]

    def opens_sentence(self, i: int, passage: int) -> bool:
        """Whether token i is the first word of its passage (after any quotation mark)."""
        first, _ = self.bounds[passage]
        return i == first
