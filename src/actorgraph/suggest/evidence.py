"""One candidate claim assembled from a pair of mentions: its direction, claimant,
certainty, stance, date, quote and score, and why.

The quote is the passage's clauses from the first actor (or the cue) to the second (or the
cue), exactly as written; a heading's pair quotes the heading, `…`, then the clauses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.suggest.actors import Registry
from actorgraph.suggest.attribution import AUTHOR, certainty, stance
from actorgraph.suggest.cues import Hit
from actorgraph.suggest.mentions import Mention
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.relations import DEFAULT, direction, same_clause
from actorgraph.suggest.score import Evidence, claim_score

_TRIM = ".,;:" + " \t\n"
_FORMULA = "=+-@\t\r"


@dataclass
class Claim:
    source: str
    target: str
    relation: str
    source_text: str
    claimed_by: str
    certainty: str
    stance: str
    date: str
    score: float
    why: list[str] = field(default_factory=list)
    at: int = 0  # where the passage starts, for ordering


@dataclass
class Said:
    """What one passage says, read once for all its pairs."""

    k: int
    mentions: list[Mention]
    hits: list[Hit]
    hedges: list[Hit]
    who: object
    date: tuple[str, str] | None


def make_claim(reading: Reading, registry: Registry, here: Said, ma: Mention, mb: Mention,
           relation: str | None, hit: Hit | None, compound: Mention | None,
           heading: Said | None = None, reason: str = "") -> Claim | None:
    why: list[str] = []
    if reason:
        why.append(reason)
    elif relation is None:
        relation = DEFAULT
        why.append("no cue word → associated_with")
    else:
        place = "between them" if hit and ma.j <= hit.i and hit.j <= mb.i else "near them"
        why.append(f"cue {hit.words!r} {place} → {relation}")
    source, target, turned = direction(reading, registry, relation, hit, compound, ma, mb)
    why += turned
    for m in (ma, mb):
        if m.via:
            why.append(f"{m.words!r} taken for {m.via!r}")
    who = here.who
    if who is not None and all(who.i <= m.i and m.j <= who.j for m in (ma, mb)
                               if m.passage == here.k):
        who = None  # both actors are in the claimant's own name: the author's apposition
    level, said = certainty(reading, here.k, here.hedges, who)
    if heading is not None and hit is None:
        level, said = "implied", ["read from the heading above → implied"]
    why += said
    claimed_by = AUTHOR
    if who is not None:
        claimed_by = _claimant_name(registry, who, here.mentions)
        why.append(f"{who.cue!r} → claimed by {claimed_by!r}")
    sense, denied = stance(reading, here.k, hit if hit and reading.passage_of(hit.i) ==
                           here.k else None)
    why += denied
    date = ""
    if here.date:
        date = here.date[0]
        why.append(f"date {here.date[1]!r}")
    quote = quote_for(reading, here.k, ma, mb, hit, heading)
    if not quote:
        return None
    evidence = Evidence(
        cue=hit is not None or bool(reason),
        between=hit is not None and ma.j <= hit.i and hit.j <= mb.i,
        same_clause=heading is None and same_clause(reading, ma.i, mb.i),
        named=not (ma.via or mb.via), distance=mb.i - ma.j, across=heading is not None,
        new_actors=sum(registry.actors[m.actor].new for m in (ma, mb)))
    return Claim(source.actor, target.actor, relation, quote, claimed_by, level, sense, date,
                 claim_score(evidence), why, reading.passages[here.k].start)


def _claimant_name(registry: Registry, who, mentions: list[Mention]) -> str:
    """The claimant as the text names it, or the actor's name when the claimant is one of
    the actors ("The airline denies" → "Blue Heron Air")."""
    for m in mentions:
        if who.i <= m.i and m.j == who.j and m.i - who.i <= 1:
            return registry.actors[m.actor].name
    return who.name


def quote_for(reading: Reading, k: int, ma: Mention, mb: Mention, hit: Hit | None,
           heading: Said | None) -> str:
    """The clauses of passage k from the first of the mentions and cue to the last, as
    written; with a heading, the heading, `…`, then the clauses."""
    tokens = reading.tokens
    inside = [m for m in (ma, mb) if m.passage == k]
    points = [t for m in inside for t in (tokens.starts[m.i], tokens.ends[m.j - 1])]
    if hit is not None and reading.passage_of(hit.i) == k:
        points += [tokens.starts[hit.i], tokens.ends[hit.j - 1]]
    passage = reading.passages[k]
    lo, hi = min(points), max(points)
    start, end = passage.start, passage.end
    for clause in reading.clauses(k):
        if clause.start <= lo < clause.end:
            start = clause.start
        if clause.start < hi <= clause.end:
            end = clause.end
    text = trimmed(reading.text[start:end])
    if heading is not None:
        head = trimmed(reading.passages[heading.k].text)
        return f"{head} … {text}" if head and text else ""
    return text


def trimmed(text: str) -> str:
    text = text.strip(_TRIM)
    return text.lstrip(_FORMULA + " ")
