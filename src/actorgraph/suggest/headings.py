"""Candidate claims between an actor of a heading and one of a sentence under it.

A heading naming one actor is the topic of the sentences under it; one naming several says
how they are tied itself, and is the topic only of a sentence naming one actor. A heading
naming a group of a place ("Colombian Rebel Groups") takes the sentence's actors of that
type as its members.
"""

from __future__ import annotations

from actorgraph.suggest.actors import Registry
from actorgraph.suggest.candidates import DEFAULT_TYPE, guess_type
from actorgraph.suggest.evidence import Claim, Said, make_claim
from actorgraph.suggest.mentions import Mention
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.relations import OWNER_RELATIONS, relation_of

HEADING_WEIGHT = 0.25  # a heading's cue, for a pair of the heading and a sentence


def across(reading: Reading, registry: Registry, heading: Said, here: Said
            ) -> list[Claim]:
    """Pairs of an actor of the heading and one of a sentence under it that does not name
    the heading's actor."""
    claims = []
    named_here = {m.actor for m in here.mentions}
    # A heading naming one actor is the topic of the sentences under it; one naming several
    # says how they are tied itself, and is the topic only of a sentence naming one actor.
    topic = len({h.actor for h in heading.mentions}) == 1 or len(named_here) == 1
    seen = set()
    for h in heading.mentions:
        if h.actor in named_here:
            continue
        for m in here.mentions:
            if m.actor == h.actor or (h.actor, m.actor) in seen:
                continue
            member = _heading_group(reading, registry, heading, h, m)
            if not topic and not member:
                continue
            seen.add((h.actor, m.actor))

            def weight_of(reading, hit, ma, mb, m=m):
                if reading.passage_of(hit.i) != here.k:
                    return HEADING_WEIGHT, None
                distance = abs(hit.i - m.i)
                return 0.6 / (1 + distance / 3), None

            if member:
                relation, hit = member[0], None
                reason = f"the heading's {member[1]!r} names a group {m.words!r} is one of " \
                         f"→ {relation}"
            else:
                relation, hit, _weight_total, _doer = relation_of(
                    reading, heading.hits + here.hits, h, m, weight_of)
                reason = ""
            claim = make_claim(reading, registry, here, h, m, relation, hit, None, heading,
                           reason)
            if claim is not None:
                claim.why.insert(0, f"heading {reading.passages[heading.k].text!r} names "
                                    f"{h.words!r}")
                claims.append(claim)
    return claims


def _heading_group(reading: Reading, registry: Registry, heading: Said, h: Mention,
                   m: Mention) -> tuple[str, str] | None:
    """ "Colombian Rebel Groups" over a sentence naming an armed group: the group is one of
    them, so it stands to the place as a group named after it does. (relation, the
    heading's words), or None."""
    place = registry.actors[h.actor]
    member = registry.actors[m.actor]
    if not place.place or member.place:
        return None
    tokens = reading.tokens
    _first, after = reading.bounds[heading.k]
    end = h.j
    while end < after and end - h.j < 3 and tokens.words[end][0].isupper() \
            and tokens.joined(end - 1, end) and not any(o.i == end for o in heading.mentions):
        end += 1
    if end == h.j:
        return None
    words = reading.words(h.j, end)
    kind, why = guess_type(words)
    if kind != member.type or why == DEFAULT_TYPE or kind not in OWNER_RELATIONS:
        return None
    return OWNER_RELATIONS[kind], words
