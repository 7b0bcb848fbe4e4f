"""Words of a document, and the names found among them.

A document is read as a list of tokens: words, numbers and dotted abbreviations ("U.S."),
each with its offsets and its key, the word folded as `text.name_key` folds names (no case,
no accents, no full stops; "U.S." is "us"). A name is the tuple of its tokens' keys, so a
name matches the document wherever `name_key` would call the two the same, and a hyphen or
an apostrophe between words is read as a space ("Al-Quds" is "al quds"; "Iran's" holds the
name "Iran" and a trailing "s").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actorgraph.text import name_key

TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|\w+")
# What may stand between two words of one name: spaces, hyphens, apostrophes.
_GAP = re.compile(r"[ \t\u00a0\u2009\u202f'’\-‐‑–]*")
_DOT_GAP = re.compile(r"\.[ \t\u00a0]*")


def key(word: str) -> str:
    """A token's key: `name_key` of it, faster for plain ASCII words."""
    if word.isascii():
        return word.lower().replace(".", "")
    return name_key(word).replace(" ", "")


def keys(name: str) -> tuple[str, ...]:
    """A name as the keys of its tokens."""
    return tuple(key(word) for word in TOKEN.findall(name))


@dataclass
class Tokens:
    """The tokens of a text: offsets, the words as written, and their keys."""

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]
    keys: list[str]

    @classmethod
    def of(cls, text: str) -> Tokens:
        starts, ends, words = [], [], []
        for match in TOKEN.finditer(text):
            starts.append(match.start())
            ends.append(match.end())
            words.append(match.group())
        return cls(text, starts, ends, words, [key(w) for w in words])

    def __len__(self) -> int:
        return len(self.starts)

    def joined(self, i: int, j: int) -> bool:
        """Whether token j follows token i (j = i + 1) as part of one name: only spaces,
        hyphens or apostrophes between them, or the full stop of an initial ("R. Ford")."""
        gap_start, gap_end = self.ends[i], self.starts[j]
        if _GAP.fullmatch(self.text, gap_start, gap_end):
            return True
        word = self.words[i]
        return (len(word) == 1 and word.isupper()
                and bool(_DOT_GAP.fullmatch(self.text, gap_start, gap_end)))

    def index_at(self, offset: int) -> int:
        """The index of the first token starting at or after `offset`."""
        from bisect import bisect_left

        return bisect_left(self.starts, offset)

    def capitalised(self, i: int) -> bool:
        word = self.words[i]
        return word[0].isupper()

    def acronym(self, i: int) -> bool:
        """An all-capital word of two letters or more ("IRGC", "U.S.")."""
        letters = [c for c in self.words[i] if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Entry:
    """What a name in the index stands for."""

    actor: str
    form: str  # how the name was made: name, alias, demonym, capital, initials, surname, ...
    priority: int  # where two actors share a name, the higher priority keeps it
    exact_case: bool = False  # acronyms: match only where written in capitals
    capitalised: bool = False  # gazetteer names: match only where written with a capital
    after_the: bool = False  # a short name: match only after "the" ("the security apparatus")


@dataclass
class NameIndex:
    """Names (as tuples of token keys) and the actors they stand for; a lookup finds the
    longest name starting at a token."""

    _by_first: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    _entries: dict[tuple[str, ...], Entry | None] = field(default_factory=dict)

    def add(self, name: str, entry: Entry) -> None:
        """Index `name` for `entry`; a name two actors share at one priority is dropped."""
        parts = keys(name)
        if not parts:
            return
        old = self._entries.get(parts, ...)
        if old is ...:
            self._by_first.setdefault(parts[0], []).append(parts)
            self._entries[parts] = entry
        elif old is None or old.actor == entry.actor:
            if old is not None and entry.priority > old.priority:
                self._entries[parts] = entry
        elif entry.priority > old.priority:
            self._entries[parts] = entry
        elif entry.priority == old.priority:
            self._entries[parts] = None  # ambiguous

    def __contains__(self, name: str) -> bool:
        return self._entries.get(keys(name)) is not None

    def get(self, name: str) -> Entry | None:
        return self._entries.get(keys(name))

    def match(self, tokens: Tokens, i: int, stop: int, exclude: str | None = None
              ) -> tuple[int, Entry] | None:
        """The longest name starting at token i and ending before token `stop`: (the index
        after its last token, its entry), or None; names of the actor `exclude` are not
        looked for."""
        candidates = self._by_first.get(tokens.keys[i])
        if not candidates:
            return None
        best = None
        for parts in candidates:
            n = len(parts)
            if i + n > stop or (best and n <= best[0] - i):
                continue
            if tuple(tokens.keys[i:i + n]) != parts:
                continue
            if not all(tokens.joined(k, k + 1) for k in range(i, i + n - 1)):
                continue
            entry = self._entries[parts]
            if entry is None or entry.actor == exclude or not _case_fits(tokens, i, i + n,
                                                                         entry):
                continue
            best = (i + n, entry)
        return best

    def scan(self, tokens: Tokens, start: int = 0, stop: int | None = None,
             exclude: str | None = None):
        """Every name found in tokens[start:stop], left to right, longest first, never
        overlapping: (first token, index after the last, entry); names of the actor
        `exclude` are not looked for."""
        stop = len(tokens) if stop is None else stop
        i = start
        by_first = self._by_first
        while i < stop:
            if tokens.keys[i] in by_first:
                found = self.match(tokens, i, stop, exclude)
                if found:
                    yield i, found[0], found[1]
                    i = found[0]
                    continue
            i += 1


def _case_fits(tokens: Tokens, i: int, j: int, entry: Entry) -> bool:
    if entry.after_the and (i == 0 or tokens.keys[i - 1] != "the"):
        return False
    if entry.exact_case:
        return all(not c.islower() for k in range(i, j) for c in tokens.words[k])
    if entry.capitalised:
        return tokens.words[i][0].isupper()
    return True


def initials(name: str, skip: frozenset[str]) -> str:
    """The initials of a name's words, leaving out `skip` (connectors): "National
    Liberation Army" -> "NLA"."""
    return "".join(word[0].upper() for word in TOKEN.findall(name)
                   if key(word) not in skip and word[0].isalpha())
