"""How much a suggestion is worth an analyst's look, in [0, 1].

The figures are a plain sum of the evidence, not a probability: a claim whose relation has
a cue word between its two actors, in one clause, both already in the casebook, scores
high; one read across sentences (from a heading, through a pronoun) or between actors far
apart, with no cue, scores low. The weights are round numbers chosen by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE = 0.35
CUE = 0.25  # the relation comes from a cue word, not the default
BETWEEN = 0.10  # the cue stands between the two actors
CLAUSE = 0.10  # both actors in one clause
NAMED = 0.10  # both actors named, not reached through a pronoun or a description
FAR = 0.10  # taken off when the two actors are more than FAR_TOKENS words apart
FAR_TOKENS = 25
ACROSS = 0.15  # taken off a pair read across sentences (a heading and a sentence below)
NEW = 0.05  # taken off for each proposed actor (not yet in the casebook)
INNER = 0.55  # a claim read inside one name ("Venezuelan officials": part of Venezuela)


@dataclass
class Evidence:
    cue: bool = False
    between: bool = False
    same_clause: bool = False
    named: bool = True
    distance: int = 0
    across: bool = False
    new_actors: int = 0


def claim_score(e: Evidence) -> float:
    score = BASE + CUE * e.cue + BETWEEN * e.between + CLAUSE * e.same_clause
    score += NAMED * e.named - FAR * (e.distance > FAR_TOKENS) - ACROSS * e.across
    score -= NEW * e.new_actors
    return round(min(1.0, max(0.0, score)), 2)


def actor_score(mentions: int, typed: bool, in_claims: bool, new: bool) -> float:
    """A proposed actor: mentioned more than once, typed by a cue word, in a claim."""
    if not new:
        return 1.0
    score = 0.3 + 0.1 * min(mentions - 1, 3) + 0.2 * typed + 0.2 * in_claims
    return round(min(1.0, score), 2)
