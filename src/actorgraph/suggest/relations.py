"""Which relation the cue words give a pair of actors, and which way it reads.

For each pair of actors a passage mentions (their closest mentions), the relation is the one
whose cue words (`schema.RELATION_CUES`) weigh most: a cue between the two weighs 0.7 to 1,
the nearer the second actor the more, less with other actors between them; one outside
weighs less the farther it stands, half again in another clause; a relation's weaker cues
add a little to its strongest. Without a cue the pair is `associated_with`. A title ties
only a person and the body beside it. A directed relation reads from the actor before its
cue to the one after, unless the verb is passive ("equipped by X"), says its subject
receives ("bought arms from X"), the doer is a compound ("X-backed militias"), or the
actors' types settle it (a person is an official of a state, a group operates in a place).
"""

from __future__ import annotations

from actorgraph.schema import RELATIONS
from actorgraph.suggest.actors import PLACE_TYPES, Registry
from actorgraph.suggest.cues import Hit
from actorgraph.suggest.mentions import Mention
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.words import AGENT_MARKERS, RECEIVING_VERBS

DEFAULT = "associated_with"
MIN_WEIGHT = 0.2  # the least cue weight that names a relation
GENERIC = 0.8  # the weight of a cue of associated_with, against more telling ones
MORE = 0.3  # the share of a relation's weaker cues added to its strongest
APPOSITIVE = ("official_of",)  # a title relates only the person and the body beside it
# Relations that may hold between an actor and a territory (others read as operates_in).
PLACE_RELATIONS = frozenset(("operates_in", "military_presence_in", "part_of", "threatens",
                             "attacks", "targets", "provides_safe_haven", "logistics_link",
                             "associated_with", "armed_conflict_with", "hostile_to",
                             "sanctions", "detains", "condemns", "leads", "official_of",
                             "member_of", "allied_with", "cooperates_with", "supports",
                             "economic_support"))
# The relation a group has with the place (or actor) it is named after, by the group's type.
OWNER_RELATIONS = {
    "government_body": "part_of", "military_unit": "part_of", "facility": "part_of",
    "territory": "part_of", "person": "official_of", "armed_group": "operates_in",
    "criminal_network": "operates_in", "organisation": "operates_in",
}


def relation_of(reading: Reading, hits: list[Hit], ma: Mention, mb: Mention, weight_of,
              titled=None):
    """The relation the cues give a pair: (relation or None, its deciding cue, its weight,
    the mention that is the doer of a compound like "X-backed" or None)."""
    weights: dict[str, list[float]] = {}
    deciding: dict[str, tuple[float, Hit]] = {}
    compound = {}
    for hit in hits:
        weight, doer = weight_of(reading, hit, ma, mb)
        for relation in hit.entries:
            if relation == DEFAULT:
                weight *= GENERIC
            if relation in APPOSITIVE and not (titled and titled(hit)):
                continue
            weights.setdefault(relation, []).append(weight)
            if relation not in deciding or weight > deciding[relation][0]:
                deciding[relation] = (weight, hit)
                compound[relation] = doer
    if not weights:
        return None, None, 0.0, None
    # The strongest cue, and a little of the others: several weak cues do not outweigh it.
    totals = {r: max(w) + MORE * (sum(w) - max(w)) for r, w in weights.items()}
    best = max(totals, key=lambda r: (totals[r], deciding[r][0]))
    if totals[best] < MIN_WEIGHT:
        return None, None, 0.0, None
    return best, deciding[best][1], totals[best], compound[best]


def titled(reading: Reading, registry: Registry, hit: Hit, ma: Mention, mb: Mention
            ) -> bool:
    """Whether a title ties this pair: right before the person, with the body just before
    it ("Foreign Ministry spokesperson Jane Roe", "Ostenian Trade Minister Jane Roe") or
    after "of" right after the person ("Minister Jane Roe of Ostenia")."""
    if ma.passage != mb.passage:
        return False
    a, b = registry.actors[ma.actor], registry.actors[mb.actor]
    if (a.type == "person") == (b.type == "person"):
        return False
    person, other = (ma, mb) if a.type == "person" else (mb, ma)
    tokens = reading.tokens
    if person.i != hit.j:
        return False
    if other.j <= hit.i:
        between = range(other.j, hit.i)
        return len(between) <= 2 and all(tokens.words[t][0].isupper() for t in between) \
            and all(tokens.joined(t, t + 1) for t in range(other.j - 1, hit.i))
    return other.i > person.j and tuple(tokens.keys[person.j:other.i]) in (("of",),
                                                                          ("of", "the"))


def cue_weight(reading: Reading, hit: Hit, ma: Mention, mb: Mention, mentions: list[Mention]):
    """How much a cue says about a pair (ma before mb), and the mention that is the doer of
    a compound ("Iranian-backed militias": the militias right after it), or None.

    A cue between the two weighs from 0.7 to 1, the nearer the second actor the more (the
    word nearest the object names the relation: "supports alliances with X"); with other
    actors between the two, it weighs less, least when it is nearest none of the pair. A
    cue outside weighs 0.6 and less with distance, half again in another clause."""
    tokens = reading.tokens
    for m in mentions:
        if hit.i == m.j and "-" in reading.text[tokens.ends[m.j - 1]:tokens.starts[hit.i]]:
            # "X-backed": the cue is X's, and binds the noun right after it
            if m.actor not in (ma.actor, mb.actor):
                return 0.0, None
            other = mb if m.actor == ma.actor else ma
            if other.i == hit.j:
                return 1.0, m
    if ma.j <= hit.i and hit.j <= mb.i:
        weight = 0.7 + 0.3 / (1 + (mb.i - hit.j) / 3)
        others = [m for m in mentions if m.actor not in (ma.actor, mb.actor)
                  and ma.j <= m.i and m.j <= mb.i]
        if others:
            if not any(m.i >= hit.j for m in others):
                weight *= 0.6  # nearest the second actor
            elif not any(m.j <= hit.i for m in others):
                weight *= 0.4  # nearest the first
            else:
                weight *= 0.25
        return weight, None
    distance = ma.i - hit.j if hit.j <= ma.i else hit.i - mb.j
    weight = 0.6 / (1 + max(distance, 0) / 3)
    near = ma if hit.j <= ma.i else mb
    if not same_clause(reading, hit.i, near.i):
        weight *= 0.5
    return weight, None


def same_clause(reading: Reading, i: int, j: int) -> bool:
    k = reading.passage_of(i)
    if k < 0 or k != reading.passage_of(j):
        return False
    a, b = reading.tokens.starts[i], reading.tokens.starts[j]
    for clause in reading.clauses(k):
        if clause.start <= a < clause.end:
            return clause.start <= b < clause.end
    return False


def direction(reading: Reading, registry: Registry, relation: str, hit: Hit | None,
               compound: Mention | None, ma: Mention, mb: Mention):
    """(source, target, why) of a pair of mentions in text order."""
    if relation not in RELATIONS or not RELATIONS[relation].directed:
        return ma, mb, []
    if compound is not None:
        other = mb if compound is ma else ma
        return compound, other, [f"{compound.words!r} in a compound with the cue → source"]
    typed = _by_types(registry, relation, ma, mb)
    if typed is not None:
        return (*typed, ["the actors' types set the direction"])
    if hit is None:
        return ma, mb, []
    if ma.passage != mb.passage and reading.passage_of(hit.i) == mb.passage:
        # a heading's actor and a sentence's: the sentence says who does what
        if hit.i >= mb.j:
            return mb, ma, ["the sentence's actor comes before the cue → source"]
        return ma, mb, []
    tokens = reading.tokens
    if _agent_before(tokens.keys, mb.i, hit.j):
        return mb, ma, ["passive ('by …') → the actor after is the source"]
    if ma.passage == mb.passage and any(tokens.keys[t] in RECEIVING_VERBS
                                        for t in range(ma.j, mb.i)):
        return mb, ma, ["a verb of receiving → the actor after is the source"]
    return ma, mb, []


def _agent_before(keys: list[str], i: int, lowest: int) -> bool:
    """Whether an agent marker ("by", "on the part of") ends just before token i."""
    for marker in AGENT_MARKERS:
        n = len(marker)
        for start in range(max(lowest, i - n - 1), i - n + 1):
            if tuple(keys[start:start + n]) == marker and i - (start + n) <= 1:
                return True
    return False


def _by_types(registry: Registry, relation: str, ma: Mention, mb: Mention):
    """The direction the actors' types settle, or None."""
    a, b = registry.actors[ma.actor], registry.actors[mb.actor]
    if relation in ("official_of", "leads"):
        if (a.type == "person") != (b.type == "person"):
            return (ma, mb) if a.type == "person" else (mb, ma)
    if relation in ("operates_in", "military_presence_in", "part_of"):
        if (a.type in PLACE_TYPES) != (b.type in PLACE_TYPES):
            return (mb, ma) if a.type in PLACE_TYPES else (ma, mb)
    if relation == "provides_safe_haven":
        if (a.type in PLACE_TYPES) != (b.type in PLACE_TYPES):
            return (ma, mb) if a.type in PLACE_TYPES else (mb, ma)
    if relation in ("designates", "sanctions"):
        states = ("state", "government_body", "bloc")
        if (a.type in states) != (b.type in states):
            return (ma, mb) if a.type in states else (mb, ma)
    return None
