"""Who makes a claim, how firmly, and whether it is denied.

- `claimant`: "according to X", "X said" (or "…," said X), "documents showing that", "X's
  report"; otherwise the author.
- `certainty`: a question is implied; a denial reported is on record (confirmed: what is
  claimed is the denial); a hedge of `schema.CERTAINTY_CUES` gives its level (the weakest
  when several); a claim put in someone else's mouth is alleged; a marker of record
  ("officially", "announced") confirmed; a plain statement asserted.
- `stance`: "denies" when a verb of denial governs the sentence ("denied", "rejected
  claims that") or a negation stands just before the relation's cue ("never funded").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actorgraph.suggest.cues import Hit
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.words import (
    ATTRIBUTION_VERBS,
    CLAIMANT_STOPS,
    DENIALS,
    NEGATIONS,
    PARENTHESIS_OPENERS,
    STATEMENT_NOUNS,
)

AUTHOR = "the author"
CLAIMANT_WORDS = 8
_PUNCTUATION = re.compile(r"[,;:.!?()\"“”]")


@dataclass(frozen=True)
class Claimant:
    name: str
    i: int  # the claimant's tokens [i, j)
    j: int
    cue: str  # the words that attribute: "said", "according to"


def claimant(reading: Reading, k: int, covered) -> Claimant | None:
    """Who the sentence attributes what it says to, if anyone but the author."""
    tokens = reading.tokens
    keys, words = tokens.keys, tokens.words
    first, after = reading.bounds[k]
    for t in range(first, after):
        key = keys[t]
        if key == "according" and t + 1 < after and keys[t + 1] == "to":
            end = _forward(reading, t + 2, after)
            if end > t + 2:
                return Claimant(reading.words(t + 2, end), t + 2, end, "according to")
        elif (key in ATTRIBUTION_VERBS or key in DENIALS) and key != "according" and \
                words[t].islower():
            subject_end = _skip_parenthesis(reading, t, first)
            start = _backward(reading, subject_end, first, covered, subject_end != t)
            if start < subject_end:
                return Claimant(reading.words(start, subject_end), start, subject_end,
                                words[t])
            if t > first and any(q in _gap(reading, t - 1, t) for q in "\u201d\"'"):
                end = _forward(reading, t + 1, after)  # "“…,” said the minister"
                if end > t + 1:
                    return Claimant(reading.words(t + 1, end), t + 1, end, words[t])
        elif key in STATEMENT_NOUNS and t - 2 >= first and keys[t - 1] == "s" \
                and _gap(reading, t - 2, t - 1) in ("'", "’"):
            start = _backward(reading, t - 1, first, covered)
            if start < t - 1:
                return Claimant(reading.words(start, t + 1), start, t + 1, words[t])
    return None


def _gap(reading: Reading, i: int, j: int) -> str:
    return reading.text[reading.tokens.ends[i]:reading.tokens.starts[j]]


def _skip_parenthesis(reading: Reading, t: int, first: int) -> int:
    """Where a subject ends before the verb at token t, past a clause set off by commas
    ("An officer, who spoke on condition of anonymity, said": before the first comma)."""
    if t <= first or "," not in _gap(reading, t - 1, t):
        return t
    for k in range(t - 1, max(first, t - 14), -1):
        if "," in _gap(reading, k - 1, k) and reading.tokens.keys[k] in PARENTHESIS_OPENERS:
            return k
    return t


def _forward(reading: Reading, t: int, after: int) -> int:
    """The end of a claimant's name starting at token t: up to punctuation, a clause word
    or CLAIMANT_WORDS words."""
    end = t
    while end < after and end - t < CLAIMANT_WORDS:
        if end > t and _PUNCTUATION.search(_gap(reading, end - 1, end)):
            break
        if reading.tokens.keys[end] in ("that", "who", "which", "when", "as", "in", "on"):
            break
        end += 1
    return end


def _backward(reading: Reading, t: int, first: int, covered, past_comma: bool = False) -> int:
    """The start of the claimant's name ending before token t (`t` itself when none);
    `past_comma`: token t opens a clause set off by a comma, which ends the name."""
    tokens = reading.tokens
    start = t
    while start > first and t - start < CLAIMANT_WORDS:
        prev = start - 1
        if _PUNCTUATION.search(_gap(reading, prev, start)) and not (past_comma and start == t):
            break
        if tokens.keys[prev] in CLAIMANT_STOPS and covered[prev] is None:
            break
        if tokens.keys[prev] in ATTRIBUTION_VERBS and covered[prev] is None:
            break
        start = prev
    if start < t and tokens.keys[start] == "s":
        start += 1
    if first < start < t and tokens.keys[start - 1] in ("a", "an", "the") and \
            not _PUNCTUATION.search(_gap(reading, start - 1, start)):
        start -= 1  # "An officer said": the article belongs to the name
    return start


def certainty(reading: Reading, k: int, hedges: list[Hit], who: Claimant | None
              ) -> tuple[str, list[str]]:
    """The certainty of claims in passage k, and why."""
    if reading.passages[k].question:
        return "implied", ["a question → implied"]
    found = {level: hit for hit in hedges for level in hit.entries}
    if who is not None and who.cue.lower() in DENIALS:
        return "confirmed", [f"{who.name!r} {who.cue} it: the denial is on record → confirmed"]
    for level in ("implied", "suspected", "alleged"):  # weakest first
        if level in found:
            return level, [f"hedge {found[level].words!r} → {level}"]
    if who is not None:
        return "alleged", [f"attributed to {who.name!r} → alleged"]
    if "confirmed" in found:
        return "confirmed", [f"marker {found['confirmed'].words!r} → confirmed"]
    return "asserted", []


def stance(reading: Reading, k: int, cue: Hit | None) -> tuple[str, list[str]]:
    """ "denies" or "affirms", and why."""
    tokens = reading.tokens
    first, after = reading.bounds[k]
    for t in range(first, after):
        if tokens.keys[t] in DENIALS:
            return "denies", [f"denial {tokens.words[t]!r} → denies"]
    if cue is not None:
        for t in range(max(first, cue.i - 3), cue.i):
            if tokens.keys[t] in NEGATIONS or tokens.words[t].lower().endswith("n't"):
                return "denies", [f"negation {tokens.words[t]!r} before the cue → denies"]
    return "affirms", []
