"""Where the document names each actor, and what its pronouns and descriptions stand for.

Names are found by the registry's index, longest first ("Latin American" is not
"American"). A word that stands for an actor named before is resolved to the nearest actor
of a fitting type, in its sentence or the two before it (and the section's heading): a
possessive ("its readiness", "his regime"), a subject or object pronoun next to a relation's
cue ("it supplies", "armed him"), a definite description ("the regime" a state, "the group"
an armed group or organisation), "both regimes" the last two states. "its proxies" names a
group of its own, owned by the actor "its" stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.suggest import cues
from actorgraph.suggest.actors import Actor, Registry
from actorgraph.suggest.candidates import guess_type
from actorgraph.suggest.cues import Hit
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.words import (
    DESCRIPTIONS,
    FUNCTION_WORDS,
    GROUP_HEADS,
    PAIR_DESCRIPTIONS,
    PRONOUNS,
)
from actorgraph.text import name_key

WINDOW = 2  # sentences before the current one where an antecedent may be
EVENT_WINDOW = 3  # sentences before the current one where an event may be
EVENT_DETERMINERS = frozenset(("the", "this", "these", "those", "such"))
SUBJECTS = frozenset(("it", "he", "she"))
OBJECTS = frozenset(("him", "her", "itself", "himself", "herself"))
POSSESSIVES = frozenset(("its", "his", "her"))


@dataclass
class Mention:
    """One mention of an actor: tokens [i, j) of passage `passage`."""

    actor: str
    i: int
    j: int
    passage: int
    form: str  # how it was found: name, alias, place, found, pronoun, description, ...
    words: str  # as written
    via: str = ""  # for a pronoun or description: the actor's mention it stands for
    lead: int | None = None  # a group named from words apart: where its owner's words start
    holder: str | None = None  # a group named by a possessive pronoun: whose it is


def scan(reading: Reading, registry: Registry) -> list[Mention]:
    """Every name of the registry in the document's passages."""
    found = []
    for k, (first, after) in enumerate(reading.bounds):
        for i, j, entry in registry.index.scan(reading.tokens, first, after):
            found.append(Mention(entry.actor, i, j, k, entry.form, reading.words(i, j)))
    return found


def covering(reading: Reading, mentions: list[Mention]) -> list[str | None]:
    """For each token, the actor whose mention holds it (None if none)."""
    covered: list[str | None] = [None] * len(reading.tokens)
    for m in mentions:
        covered[m.i:m.j] = [m.actor] * (m.j - m.i)
    return covered


def references(reading: Reading, mentions: list[Mention], registry: Registry
               ) -> list[Mention]:
    """Mentions by pronoun or description, resolved to the actors they stand for."""
    tokens = reading.tokens
    keys, words = tokens.keys, tokens.words
    by_passage: dict[int, list[Mention]] = {}
    for m in mentions:
        by_passage.setdefault(m.passage, []).append(m)
    covered = covering(reading, mentions)
    hits = _cue_hits(reading, covered)
    relation_cue = {t for found in hits for hit in found for t in range(hit.i, hit.j)}
    found: list[Mention] = []
    for k in range(len(reading.passages)):
        first, after = reading.bounds[k]
        earlier = _window(reading, by_passage, k)
        here = sorted(by_passage.get(k, []), key=lambda m: m.i)
        resolved = []  # this passage's references, antecedents for later ones
        i = first
        while i < after:
            if covered[i] is not None:
                i += 1
                continue
            before = [m for m in here if m.j <= i] + resolved
            pool = earlier + sorted(before, key=lambda m: m.i)
            two = tuple(keys[i:i + 2])
            lowered = not words[i][0].isupper() or i == first
            plain = i + 1 < after and covered[i + 1] is None and words[i + 1].islower()
            if lowered and plain and two in PAIR_DESCRIPTIONS:
                for m in _last(pool, registry, PAIR_DESCRIPTIONS[two], 2):
                    resolved.append(Mention(m.actor, i, i + 2, k, "description",
                                            reading.words(i, i + 2), m.via or m.words))
                i += 2
                continue
            if lowered and plain and two in DESCRIPTIONS and _stands_alone(reading, i + 2, after,
                                                                  relation_cue):
                for m in _last(pool, registry, DESCRIPTIONS[two], 1):
                    resolved.append(Mention(m.actor, i, i + 2, k, "description",
                                            reading.words(i, i + 2), m.via or m.words))
                i += 2
                continue
            event = _event(reading, by_passage, hits, k, i, after) if lowered and \
                keys[i] in EVENT_DETERMINERS else None
            if event is not None:
                doer, n, cue = event
                resolved.append(Mention(doer.actor, i, n, k, "event", reading.words(i, n),
                                        f"{doer.words}, who did the {cue}"))
                i = n
                continue
            key = keys[i]
            if lowered and key in PRONOUNS and _pronoun_refers(key, i, first, after,
                                                               relation_cue):
                chosen = _subject(reading, by_passage, registry, k, PRONOUNS[key]) \
                    if i == first else []
                for m in chosen or _last(pool, registry, PRONOUNS[key], 1):
                    group = _owned_group(reading, registry, m, i, after, covered) \
                        if key in ("its", "their") else None
                    if group is not None:
                        resolved.append(group)
                        i = group.j - 1
                    else:
                        resolved.append(Mention(m.actor, i, i + 1, k, "pronoun", words[i],
                                                m.via or m.words))
            i += 1
        found += resolved
    return found


def _window(reading: Reading, by_passage, k: int) -> list[Mention]:
    """The mentions an antecedent may come from, before passage k: the sentences before it
    in its section and the section's heading."""
    passage = reading.passages[k]
    chosen: list[Mention] = []
    if passage.section >= 0 and passage.section != k:
        chosen += by_passage.get(passage.section, [])
    for back in range(max(0, k - WINDOW), k):
        if back != passage.section and reading.passages[back].section == passage.section:
            chosen += by_passage.get(back, [])
    return sorted(chosen, key=lambda m: m.i)


def _subject(reading: Reading, by_passage, registry: Registry, k: int, types
             ) -> list[Mention]:
    """The subject (first actor named) of the sentence before passage k, if it fits: a
    pronoun opening a sentence stands for it more often than for the nearest actor
    ("Calvera opposes the Front. Its army ...")."""
    if k == 0 or reading.passages[k - 1].heading or \
            reading.passages[k - 1].section != reading.passages[k].section:
        return []
    before = sorted(by_passage.get(k - 1, []), key=lambda m: m.i)
    if not before or before[0].i != reading.bounds[k - 1][0]:
        return []  # the sentence does not open with an actor
    return _last(before[:1], registry, types, 1)


def _last(pool: list[Mention], registry: Registry, types, count: int) -> list[Mention]:
    """The last `count` distinct actors of the pool of a fitting type (None: not a
    person), nearest first; none if fewer."""
    chosen: list[Mention] = []
    seen = set()
    for m in reversed(pool):
        actor = registry.actors[m.actor]
        fits = actor.type != "person" if types is None else actor.type in types
        if types is None and name_key(m.words.split()[-1]) in GROUP_HEADS:
            fits = False  # "it" is not "police officers"
        if fits and m.actor not in seen:
            chosen.append(m)
            seen.add(m.actor)
            if len(chosen) == count:
                return chosen
    return []


def _cue_hits(reading: Reading, covered) -> list[list[Hit]]:
    """The relation cues of each passage."""
    return [cues.relations().hits(reading.tokens, first, after, titled=True,
                                  skip=lambda t: covered[t] is not None,
                                  keep=None if passage.heading else ("official_of",))
            for passage, (first, after) in zip(reading.passages, reading.bounds)]


def _event(reading: Reading, by_passage, hits: list[list[Hit]], k: int, i: int, after: int):
    """ "the killings", "this designation": a determiner and a relation's cue that repeats a
    cue of the same relation in one of the sentences before (its section, no heading) stand
    for that event's doer: the actor after "by" there, else the nearest one before the cue.
    (the doer's mention, the token after the description, the cue's words) or None."""
    hit = next((h for h in hits[k] if h.i == i + 1), None)
    if hit is None or (hit.j < after and reading.tokens.keys[hit.j] in ("of", "s")):
        return None  # "the deployment of X" names a new event
    if reading.tokens.keys[hit.j - 1].endswith(("ed", "ing")):
        return None  # a verb or a participle, not the name of an event
    section = reading.passages[k].section
    for back in range(k - 1, max(-1, k - 1 - EVENT_WINDOW), -1):
        passage = reading.passages[back]
        if passage.heading or passage.section != section:
            break
        for earlier in hits[back]:
            if not set(earlier.entries) & set(hit.entries):
                continue
            doer = _doer(reading, sorted(by_passage.get(back, []), key=lambda m: m.i),
                         earlier)
            if doer is not None:
                return doer, hit.j, earlier.words
    return None


def _doer(reading: Reading, mentions: list[Mention], hit: Hit) -> Mention | None:
    keys = reading.tokens.keys
    for m in mentions:
        if m.i > 0 and keys[m.i - 1] == "by" or (m.i > 3 and tuple(keys[m.i - 4:m.i]) ==
                                                 ("on", "the", "part", "of")):
            return m
    before = [m for m in mentions if m.j <= hit.i]
    return before[-1] if before else None


def _pronoun_refers(key: str, i: int, first: int, after: int, relation_cue: set[int]) -> bool:
    """Possessives always refer; "it", "he", "she" when a relation's cue follows within two
    words ("it supplies", "it has armed"); "him", "itself" after one."""
    if key in POSSESSIVES or key == "their":
        return True
    if key in SUBJECTS:
        return any(t in relation_cue for t in range(i + 1, min(i + 3, after)))
    if key in OBJECTS:
        return i - 1 >= first and (i - 1) in relation_cue
    return False


def _stands_alone(reading: Reading, n: int, after: int, relation_cue: set[int]) -> bool:
    """Whether a description ends its noun phrase: "the regime supports", not "the state
    sponsor"."""
    if n >= after:
        return True
    word = reading.tokens.words[n]
    return (not word.isalpha() or not word.islower() or reading.tokens.keys[n] in
            FUNCTION_WORDS or n in relation_cue or reading.tokens.keys[n] == "s")


def _owned_group(reading: Reading, registry: Registry, owner: Mention, i: int, after: int,
                 covered) -> Mention | None:
    """ "its proxies": a group named by a collective noun after a possessive pronoun, as a
    group of the actor the pronoun stands for."""
    tokens = reading.tokens
    n = i + 1
    while n < after and n - i <= 3 and covered[n] is None and tokens.words[n].islower() \
            and tokens.words[n].isalpha() and tokens.keys[n] not in FUNCTION_WORDS:
        if tokens.keys[n] in GROUP_HEADS:
            break
        n += 1
    if n >= after or tokens.keys[n] not in GROUP_HEADS or covered[n] is not None:
        return None
    holder = registry.actors[owner.actor]
    words = reading.words(i + 1, n + 1)
    adjectives = [holder.adjective] if holder.adjective else []
    if holder.place:
        adjectives += registry.adjectives_of(holder.key)
    names = [f"{adjective} {words}" for adjective in adjectives] + [f"{holder.name}'s {words}"]
    name = next((n for n in names if registry.entry(n) is not None), names[0])
    kind, why = guess_type(name)
    actor = registry.add_candidate(Actor(
        f"found:{name}", name, kind, True, [], why=f"group owned by {holder.name} ('its'); {why}",
        owner=holder.key, owner_form="possessive"))
    return Mention(actor.key, i, n + 1, reading.passage_of(i), "possessive group",
                   reading.words(i, n + 1), owner.via or owner.words, holder=owner.actor)
