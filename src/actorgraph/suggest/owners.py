"""Claims a name holds: a group and the place or actor it is named after
("Venezuelan officials" are part of Venezuela, "its proxies" are supported by it), a body
named after a person ("the X regime" is led by X).
"""

from __future__ import annotations

from actorgraph.suggest.actors import Registry
from actorgraph.suggest.attribution import AUTHOR
from actorgraph.suggest.evidence import Claim, trimmed
from actorgraph.suggest.mentions import Mention
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.relations import DEFAULT, OWNER_RELATIONS
from actorgraph.suggest.score import INNER


def held_claims(reading: Reading, registry: Registry, mentions: list[Mention]) -> list[Claim]:
    """Claims a name holds: a group and the place it is named after ("Venezuelan
    officials", "its proxies"), a body named after a person ("the Maduro regime")."""
    claims = []
    done = set()
    for m in sorted(mentions, key=lambda m: m.i):
        actor = registry.actors[m.actor]
        for other, relation, forward, why in _held(reading, registry, m):
            pair = (actor.key, other, relation)
            if pair in done:
                continue
            done.add(pair)
            source, target = (actor.key, other) if forward else (other, actor.key)
            if m.lead is not None:
                quote = trimmed(reading.words(m.lead, m.j))
            elif m.via:
                quote = trimmed(_span_text(reading, m, mentions, other))
            else:
                quote = trimmed(m.words)
            if not quote:
                continue
            passage = reading.passages[m.passage]
            level = "asserted" if not m.via else "implied"
            claims.append(Claim(source, target, relation, quote, AUTHOR, level, "affirms",
                                "", INNER, [why], passage.start))
    return claims


def _held(reading: Reading, registry: Registry, m: Mention):
    """(other actor, relation, whether m's actor is the source, why) for each claim m's
    name holds."""
    actor = registry.actors[m.actor]
    if actor.owner and actor.owner_form in ("adjective", "possessive") and \
            actor.owner in registry.actors:
        relation = OWNER_RELATIONS.get(actor.type, DEFAULT)
        forward = True
        if actor.owner_form == "possessive" and actor.type == "armed_group":
            relation, forward = "supports", False
        yield actor.owner, relation, forward, (
            f"{actor.name!r} is named after {registry.actors[actor.owner].name!r} → {relation}")
        return
    if m.lead is not None:  # "Venezuelan military and officials": the officials
        owner = registry.place_named(reading.tokens.words[m.lead])
        relation = OWNER_RELATIONS.get(actor.type)
        if owner is not None and relation and not actor.place:
            yield owner, relation, True, (
                f"{actor.name!r} is named after {registry.actors[owner].name!r} → {relation}")
        return
    if m.form == "possessive group" and m.holder and not actor.place:  # "its proxies"
        relation, forward = OWNER_RELATIONS.get(actor.type, DEFAULT), True
        if actor.type == "armed_group":
            relation, forward = "supports", False
        yield m.holder, relation, forward, (
            f"{m.words!r}: {actor.name!r} belong to {registry.actors[m.holder].name!r} → "
            f"{relation}")
        return
    if m.form in ("pronoun", "description", "possessive group", "event") or m.j - m.i < 2:
        return
    for i, j, entry in registry.index.scan(reading.tokens, m.i, m.j, exclude=m.actor):
        inner = registry.actors[entry.actor]
        if inner.place and not actor.place:
            relation = OWNER_RELATIONS.get(actor.type)
            if relation:
                yield inner.key, relation, True, (
                    f"{m.words!r} holds the place name {reading.words(i, j)!r} → {relation}")
        elif inner.type == "person" and actor.type != "person":
            yield inner.key, "leads", False, (
                f"{m.words!r} holds the person's name {reading.words(i, j)!r} → leads")


def _span_text(reading: Reading, m: Mention, mentions: list[Mention], other: str) -> str:
    """The text from the owner's last mention before m to m, in m's passage; else m."""
    before = [o for o in mentions if o.actor == other and o.passage == m.passage
              and o.j <= m.i and not o.via]
    if not before:
        return m.words
    start = reading.tokens.starts[before[-1].i]
    return reading.text[start:reading.tokens.ends[m.j - 1]]
