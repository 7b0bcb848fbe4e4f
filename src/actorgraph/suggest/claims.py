"""Candidate claims: two actors of one passage, or of a heading and a sentence under it.

For each pair of actors a passage mentions (their closest mentions), the relation is the one
whose cue words (`schema.RELATION_CUES`) weigh most: a cue between the two weighs 1, one
outside weighs less the farther it stands, half again in another clause; without a cue the
pair is `associated_with`. Actors only listed together ("Brazil, Paraguay, and Argentina")
are paired only by a relation with no direction ("Tehran and Caracas have cemented their
axis"). A directed relation reads from the actor before its cue to the one after, unless
the verb is passive ("equipped by X"), says its subject receives ("bought arms from X"),
the doer is a compound ("X-backed"), or the actors' types settle it (a person is an
official of a state, a group operates in a place).

The quote is the passage's clauses from the first actor (or the cue) to the second (or the
cue), exactly as written; a heading's pair quotes the heading, `…`, then the clause.
A name can hold a claim of its own: "Venezuelan officials" are part of Venezuela, "the X
regime" is led by X.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations

from actorgraph.schema import RELATIONS
from actorgraph.suggest import cues, dates
from actorgraph.suggest.actors import PLACE_TYPES, Registry
from actorgraph.suggest.attribution import AUTHOR, certainty, claimant, stance
from actorgraph.suggest.candidates import DEFAULT_TYPE, guess_type
from actorgraph.suggest.cues import Hit
from actorgraph.suggest.mentions import Mention, covering
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.score import INNER, Evidence, claim_score
from actorgraph.suggest.words import (
    AGENT_MARKERS,
    GROUP_HEADS,
    RECEIVING_VERBS,
    STATEMENT_NOUNS,
)

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
HEADING_WEIGHT = 0.25  # a heading's cue, for a pair of the heading and a sentence
_LISTED = re.compile(r"(?:[\s,]|and|or|&|the|a|an)*", re.IGNORECASE)
_TRIM = ".,;:" + " \t\n"
_FORMULA = "=+-@\t\r"

# The relation a group has with the place (or actor) it is named after, by the group's type.
OWNER_RELATIONS = {
    "government_body": "part_of", "military_unit": "part_of", "facility": "part_of",
    "territory": "part_of", "person": "official_of", "armed_group": "operates_in",
    "criminal_network": "operates_in", "organisation": "operates_in",
}


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
class _Passage:
    """What one passage says, read once for all its pairs."""

    k: int
    mentions: list[Mention]
    hits: list[Hit]
    hedges: list[Hit]
    who: object
    date: tuple[str, str] | None


def propose(reading: Reading, mentions: list[Mention], registry: Registry) -> list[Claim]:
    """Every candidate claim of the document."""
    covered = covering(reading, mentions)
    by_passage: dict[int, list[Mention]] = {}
    for m in mentions:
        by_passage.setdefault(m.passage, []).append(m)
    read: dict[int, _Passage] = {}
    for k, passage in enumerate(reading.passages):
        first, after = reading.bounds[k]
        skip = (lambda t: covered[t] is not None)
        titled = passage.heading
        read[k] = _Passage(
            k, sorted(by_passage.get(k, []), key=lambda m: m.i),
            cues.relations().hits(reading.tokens, first, after, skip=skip, titled=True,
                                  keep=None if titled else APPOSITIVE),
            cues.certainties().hits(reading.tokens, first, after, skip=skip, titled=titled),
            claimant(reading, k, covered), dates.first_date(passage.text))
    found: list[Claim] = []
    for k, here in read.items():
        found += _within(reading, registry, here)
        section = reading.passages[k].section
        if section >= 0 and section != k:
            found += _across(reading, registry, read[section], here)
    found += _inner(reading, registry, mentions)
    return _best(found)


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


def _within(reading: Reading, registry: Registry, here: _Passage) -> list[Claim]:
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
            return _weight(reading, hit, ma, mb, mentions)

        relation, hit, weight, compound = _relation(
            reading, here.hits, ma, mb, weight_of,
            lambda hit, ma=ma, mb=mb: _titled(reading, registry, hit, ma, mb))
        if listed and (relation is None or RELATIONS[relation].directed):
            continue
        reason = ""
        modifier = _modifier(reading, registry, ma, mb)
        if modifier:
            relation, hit, compound, reason = modifier, None, None, (
                f"{ma.words!r} qualifies {mb.words!r} → {modifier}")
        elif relation is not None:
            relation, reason = _in_place(registry, relation, hit, ma, mb)
        claim = _claim(reading, registry, here, ma, mb, relation, hit, compound,
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


def _relation(reading: Reading, hits: list[Hit], ma: Mention, mb: Mention, weight_of,
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


def _titled(reading: Reading, registry: Registry, hit: Hit, ma: Mention, mb: Mention
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


def _weight(reading: Reading, hit: Hit, ma: Mention, mb: Mention, mentions: list[Mention]):
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
    if not _same_clause(reading, hit.i, near.i):
        weight *= 0.5
    return weight, None


def _same_clause(reading: Reading, i: int, j: int) -> bool:
    k = reading.passage_of(i)
    if k < 0 or k != reading.passage_of(j):
        return False
    a, b = reading.tokens.starts[i], reading.tokens.starts[j]
    for clause in reading.clauses(k):
        if clause.start <= a < clause.end:
            return clause.start <= b < clause.end
    return False


def _direction(reading: Reading, registry: Registry, relation: str, hit: Hit | None,
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


def _claim(reading: Reading, registry: Registry, here: _Passage, ma: Mention, mb: Mention,
           relation: str | None, hit: Hit | None, compound: Mention | None,
           heading: _Passage | None = None, reason: str = "") -> Claim | None:
    why: list[str] = []
    if reason:
        why.append(reason)
    elif relation is None:
        relation = DEFAULT
        why.append("no cue word → associated_with")
    else:
        place = "between them" if hit and ma.j <= hit.i and hit.j <= mb.i else "near them"
        why.append(f"cue {hit.words!r} {place} → {relation}")
    source, target, turned = _direction(reading, registry, relation, hit, compound, ma, mb)
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
    quote = _quote(reading, here.k, ma, mb, hit, heading)
    if not quote:
        return None
    evidence = Evidence(
        cue=hit is not None or bool(reason),
        between=hit is not None and ma.j <= hit.i and hit.j <= mb.i,
        same_clause=heading is None and _same_clause(reading, ma.i, mb.i),
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


def _quote(reading: Reading, k: int, ma: Mention, mb: Mention, hit: Hit | None,
           heading: _Passage | None) -> str:
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
    text = _trimmed(reading.text[start:end])
    if heading is not None:
        head = _trimmed(reading.passages[heading.k].text)
        return f"{head} … {text}" if head and text else ""
    return text


def _trimmed(text: str) -> str:
    text = text.strip(_TRIM)
    return text.lstrip(_FORMULA + " ")


def _across(reading: Reading, registry: Registry, heading: _Passage, here: _Passage
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
                relation, hit, _weight_total, _doer = _relation(
                    reading, heading.hits + here.hits, h, m, weight_of)
                reason = ""
            claim = _claim(reading, registry, here, h, m, relation, hit, None, heading,
                           reason)
            if claim is not None:
                claim.why.insert(0, f"heading {reading.passages[heading.k].text!r} names "
                                    f"{h.words!r}")
                claims.append(claim)
    return claims


def _heading_group(reading: Reading, registry: Registry, heading: _Passage, h: Mention,
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


def _inner(reading: Reading, registry: Registry, mentions: list[Mention]) -> list[Claim]:
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
                quote = _trimmed(reading.words(m.lead, m.j))
            elif m.via:
                quote = _trimmed(_span_text(reading, m, mentions, other))
            else:
                quote = _trimmed(m.words)
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


def _best(claims: list[Claim]) -> list[Claim]:
    """One claim per pair, relation and quote: the best scored."""
    kept: dict[tuple, Claim] = {}
    for claim in claims:
        key = (frozenset((claim.source, claim.target)), claim.relation, claim.source_text)
        if key not in kept or claim.score > kept[key].score:
            kept[key] = claim
    return list(kept.values())
