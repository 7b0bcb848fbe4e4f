"""Finding the cue words of the vocabularies (`schema.RELATION_CUES`, `CERTAINTY_CUES`,
`TYPE_CUES`) among a document's tokens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from actorgraph.schema import CERTAINTY_CUES, RELATION_CUES, TYPE_CUES
from actorgraph.suggest.names import Tokens, keys


@dataclass(frozen=True)
class Hit:
    """Cue words found at tokens [i, j), and the entries they are a cue for."""

    i: int
    j: int
    words: str
    entries: tuple[str, ...]


class Lexicon:
    """Cue phrases (tuples of token keys) to the vocabulary entries they are cues for."""

    def __init__(self, cues: dict[str, tuple[str, ...]]):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._entries: dict[tuple[str, ...], tuple[str, ...]] = {}
        for entry, phrases in cues.items():
            for phrase in phrases:
                parts = keys(phrase)
                if parts not in self._entries:
                    self._by_first.setdefault(parts[0], []).append(parts)
                self._entries[parts] = (*self._entries.get(parts, ()), entry)
        for phrases in self._by_first.values():
            phrases.sort(key=len, reverse=True)
        self.longest = max((len(p) for p in self._entries), default=0)

    def hits(self, tokens: Tokens, start: int, stop: int, skip=None,
             titled: bool = False, keep=None) -> list[Hit]:
        """The cues in tokens[start:stop], longest first, not overlapping; a token for which
        `skip(i)` is true (inside a name) is never part of one. A capitalised word that does
        not start the passage is part of a name, not a cue, unless the passage is `titled`
        (a heading) or capitals are allowed (`titled`); then, when `keep` is given, a
        capitalised cue next to another capitalised word outside a name is part of an
        unknown name ("Finance Minister"), except cues of the entries in `keep` (titles)."""
        found = []
        i = start
        by_first, token_keys, words = self._by_first, tokens.keys, tokens.words
        while i < stop:
            phrases = by_first.get(token_keys[i])
            hit = None
            if phrases and not (skip and skip(i)) and (
                    titled or i == start or not words[i][0].isupper()):
                for parts in phrases:
                    n = len(parts)
                    if (i + n <= stop and tuple(token_keys[i:i + n]) == parts
                            and not (skip and any(skip(k) for k in range(i, i + n)))
                            and all(tokens.joined(k, k + 1) for k in range(i, i + n - 1))):
                        hit = Hit(i, i + n, " ".join(words[i:i + n]), self._entries[parts])
                        if keep is not None and skip and words[i][0].isupper() and \
                                i > start and not set(hit.entries) & set(keep) and \
                                _in_compound(tokens, i, i + n, start, stop, skip):
                            hit = None
                        break
            if hit:
                found.append(hit)
                i = hit.j
            else:
                i += 1
        return found

    def entries_in(self, name: str) -> list[tuple[bool, str, str]]:
        """The entries the words of a name are cues for: (whether the cue ends the name,
        the entry, the cue's words)."""
        tokens = Tokens.of(name)
        return [(hit.j == len(tokens), entry, hit.words)
                for hit in self.hits(tokens, 0, len(tokens), titled=True)
                for entry in hit.entries]


def _in_compound(tokens: Tokens, i: int, j: int, start: int, stop: int, skip) -> bool:
    """Whether tokens [i, j) stand next to a capitalised word that no name holds."""
    for k, joined in ((i - 1, (i - 1, i)), (j, (j - 1, j))):
        if start <= k < stop and not skip(k) and tokens.words[k][0].isupper() and \
                tokens.joined(*joined):
            return True
    return False


@cache
def relations() -> Lexicon:
    return Lexicon(RELATION_CUES)


@cache
def certainties() -> Lexicon:
    return Lexicon(CERTAINTY_CUES)


@cache
def types() -> Lexicon:
    return Lexicon(TYPE_CUES)
