"""Candidate claims between two actors of one passage.

Actors only listed together ("Brazil, Paraguay, and Argentina") are paired only by a
relation with no direction ("Tehran and Caracas have cemented their axis"). A claimant is
not a party to what it reports ("said Jane Roe"), unless it is a state's officials. A place
right before a name qualifies it ("the Ostenian port of Lissa": part of Ostenia); a relation
said of an actor and a territory reads as operating there.
"""

from __future__ import annotations

import re
from itertools import combinations

from actorgraph.schema import RELATIONS
from actorgraph.suggest.actors import Registry
from actorgraph.suggest.cues import Hit
from actorgraph.suggest.evidence import Claim, Said, make_claim
from actorgraph.suggest.mentions import Mention
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.relations import (
    OWNER_RELATIONS,
    PLACE_RELATIONS,
    cue_weight,
    relation_of,
    titled,
)
from actorgraph.suggest.words import GROUP_HEADS, STATEMENT_NOUNS

_LISTED = re.compile(r"(?:[\s,]|and|or|&|the|a|an)*", re.IGNORECASE)


def _closest_pairs(mentions: list[Mention]):
    """For each pair of distinct actors, their two closest mentions, in text order."""
    best: dict[frozenset, tuple[int, Mention, Mention]] = {}
    for a, b in combinations(mentions, 2):
        if a.actor == b.actor:
            continue
        first, second = (a, b) if a.i <= b.i else (b, a)
        if first.j > second.i:  # overlapping: a name and a pronoun of one span
            continue
        gap = second.i - first.j
        pair = frozenset((a.actor, b.actor))
        if pair not in best or gap < best[pair][0]:
            best[pair] = (gap, first, second)
    return [(first, second) for _gap, first, second in best.values()]


def within(reading: Reading, registry: Registry, here: Said) -> list[Claim]:
    """A candidate claim for each pair of actors the passage names."""
    claims = []
    who = here.who
    mentions = here.mentions
    if who is not None:
        # "internal U.S. documents revealing that": the state only qualifies the claimant;
        # "Local officials say": the speakers are not in what they say (but "US officials
        # announced operations against X" are the state's)
        statement = reading.tokens.keys[who.j - 1] in STATEMENT_NOUNS
        mentions = [m for m in mentions if not (
            who.i <= m.i and m.j <= who.j and (statement or _generic(registry, m)))]
    for ma, mb in _closest_pairs(mentions):
        if who is not None and _speaker_and_subject(reading, registry, who, ma, mb):
            continue  # "said Jane Roe", "Calvera denied that X ...": not a party to it
        listed = _listed(reading, ma, mb, mentions)

        def weight_of(reading, hit, ma, mb, mentions=mentions):
            return cue_weight(reading, hit, ma, mb, mentions)

        relation, hit, weight, compound = relation_of(
            reading, here.hits, ma, mb, weight_of,
            lambda hit, ma=ma, mb=mb: titled(reading, registry, hit, ma, mb))
        if listed and (relation is None or RELATIONS[relation].directed):
            continue
        reason = ""
        modifier = _modifier(reading, registry, ma, mb)
        if modifier:
            relation, hit, compound, reason = modifier, None, None, (
                f"{ma.words!r} qualifies {mb.words!r} → {modifier}")
        elif relation is not None:
            relation, reason = _in_place(registry, relation, hit, ma, mb)
        claim = make_claim(reading, registry, here, ma, mb, relation, hit, compound,
                       reason=reason)
        if claim is not None:
            claims.append(claim)
    return claims


def _speaker_and_subject(reading: Reading, registry: Registry, who, ma: Mention,
                         mb: Mention) -> bool:
    """Whether one of the pair is in the claimant's name and the other is not: the speaker
    reports a relation, and is not a party to it, unless the speaker is a state's officials
    ("US officials announced operations against X": the state's own statement)."""
    inside = [who.i <= m.i and m.j <= who.j for m in (ma, mb)]
    if inside[0] == inside[1]:
        return False
    speaker = ma if inside[0] else mb
    actor = registry.actors[speaker.actor]
    owner = registry.actors.get(actor.owner) if actor.owner else None
    if owner is not None and owner.place:
        return False  # "US officials": a group of a state
    return not (actor.place and speaker.j < who.j
                and reading.tokens.keys[speaker.j] in GROUP_HEADS)


def _generic(registry: Registry, m: Mention) -> bool:
    """A proposed group named by a collective noun alone, belonging to no one ("local
    officials", "analysts")."""
    actor = registry.actors[m.actor]
    return actor.new and actor.owner is None and "collective noun" in actor.why


def _modifier(reading: Reading, registry: Registry, ma: Mention, mb: Mention) -> str | None:
    """The relation of a place's adjective or name right before another actor's name ("the
    Ostenian port of Lissa": part of Ostenia), by that actor's type; or None."""
    place, other = registry.actors[ma.actor], registry.actors[mb.actor]
    if ma.j != mb.i or not place.place or other.place or not reading.tokens.joined(ma.j - 1,
                                                                                    mb.i):
        return None
    return OWNER_RELATIONS.get(other.type)


def _in_place(registry: Registry, relation: str, hit: Hit | None, ma: Mention, mb: Mention):
    """A relation between two actors said of an actor and a territory reads as operating
    there: trafficking "through the Kessel Valley" is operating in it. (relation, reason)"""
    a, b = registry.actors[ma.actor], registry.actors[mb.actor]
    if relation in PLACE_RELATIONS or (a.type == "territory") == (b.type == "territory"):
        return relation, ""
    return "operates_in", (f"cue {hit.words!r} → {relation}, said of a territory → "
                           "operates_in")


def _listed(reading: Reading, ma: Mention, mb: Mention, mentions: list[Mention]) -> bool:
    """Whether only commas, "and", "or" and other actors stand between two mentions (at
    least one of them: a name right after another qualifies it)."""
    text = reading.text
    start, end = reading.tokens.ends[ma.j - 1], reading.tokens.starts[mb.i]
    between = []
    at = start
    for m in mentions:
        m_start, m_end = reading.tokens.starts[m.i], reading.tokens.ends[m.j - 1]
        if m_start >= start and m_end <= end:
            between.append(text[at:m_start])
            at = m_end
    between.append(text[at:end])
    return all(_LISTED.fullmatch(part) for part in between) and any(
        part.strip() for part in between)
