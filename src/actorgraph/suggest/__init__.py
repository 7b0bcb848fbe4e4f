"""Suggestions: candidate actors and claims read from a new document, offline, for an analyst
to accept or reject.

Rules a linguist would recognise, and the casebook's own names; no model, no download.
The document is cut into headings and sentences (`passages`); the casebook's actors are
found under their names, aliases, a state's adjective and capital, initials and surnames
(`actors`, `names`, the gazetteer `places.csv`); names the casebook lacks are proposed as
new actors (`candidates`), with a type from cue words; pronouns and descriptions are read
as the actor they stand for (`mentions`); each pair of actors in a passage, or in a heading
and a sentence under it, is a candidate claim whose relation, direction, claimant,
certainty, stance and date come from cue words and rules (`claims`, `attribution`,
`dates`), scored for review (`score`). Every quote is a span of the document that
`Document.locate` finds, so an accepted suggestion validates.
"""

from __future__ import annotations

from bisect import bisect_right

from actorgraph.casebook.quotes import Document
from actorgraph.errors import BadValue
from actorgraph.suggest import ner as tagging
from actorgraph.suggest.actors import Actor, Registry
from actorgraph.suggest.candidates import (
    DEFAULT_TYPE,
    PERSON_LIKE,
    Found,
    discover,
    discover_groups,
)
from actorgraph.suggest.claims import Claim, propose
from actorgraph.suggest.mentions import Mention, covering, references, scan
from actorgraph.suggest.names import initials
from actorgraph.suggest.places import derived_adjectives
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.review import (
    ACTOR_FIELDS,
    CLAIM_FIELDS,
    REVIEW_FIELDS,
    SuggestedActor,
    SuggestedClaim,
    Suggestions,
)
from actorgraph.suggest.score import actor_score
from actorgraph.suggest.words import ADJECTIVE_ENDINGS, NAME_CONNECTORS
from actorgraph.text import name_key, slug

__all__ = ["ACTOR_FIELDS", "CLAIM_FIELDS", "REVIEW_FIELDS", "SuggestedActor",
           "SuggestedClaim", "Suggestions", "suggest"]


def suggest(text: str, actors: list[dict], *, doc_id: str | None = None,
            min_score: float = 0.0, ner=None) -> Suggestions:
    """Candidate actors and claims of the document `text`.

    `actors` are the casebook's actors (dicts with id, name, type, aliases as a list); the
    document's mentions of them are found, and names it holds that none of them has are
    proposed as new actors. Claims scoring under `min_score` (0 to 1) are left out, and so
    are proposed actors that score under it and are in no claim kept. `ner` adds a tagger's
    entities as candidates ("spacy:MODEL", or a tagger object).
    """
    if not 0.0 <= min_score <= 1.0:
        raise BadValue("min_score", min_score, "is not a score; give a number from 0 to 1")
    tagger = tagging.recogniser(ner)
    reading = Reading.of(text)
    registry = Registry(actors)
    first = scan(reading, registry)
    for m in first:  # the adjective a state goes by here ("Calveran"), for its groups' names
        if m.form in ("adjective", "place") and m.words[0].isupper() and \
                not registry.actors[m.actor].adjective and " " not in m.words and \
                name_key(m.words) != name_key(registry.actors[m.actor].name) and \
                m.words.lower().endswith(ADJECTIVE_ENDINGS):
            registry.actors[m.actor].adjective = m.words
    covered = covering(reading, first)
    found = discover(reading, covered, registry.actors, registry.place_named)
    if tagger is not None:
        found += _entities(reading, tagger, covered)
    apart = _register(reading, registry, found)
    # Groups named after a place found just now ("Calveran customs officers").
    covered = covering(reading, _without_overlaps(scan(reading, registry) + apart))
    apart += _register(reading, registry, discover_groups(reading, covered, registry.actors,
                                                          registry.place_named))
    mentions = _without_overlaps(scan(reading, registry) + apart)
    mentions += references(reading, mentions, registry)
    claims = propose(reading, mentions, registry)
    return _suggestions(reading, registry, mentions, claims, doc_id, min_score)


def _entities(reading: Reading, tagger, covered) -> list[Found]:
    """The tagger's entities that no known name covers, as found names."""
    found = []
    tokens = reading.tokens
    for entity in tagging.entities(tagger, reading.text):
        i, j = tokens.index_at(entity.start), tokens.index_at(entity.end)
        if i < j and not any(covered[i:j]):
            found.append(Found(i, j, entity.name, entity.type,
                               f"named entity ({entity.label}) of the tagger"))
    return found


def _register(reading: Reading, registry: Registry, found: list[Found]) -> list[Mention]:
    """Add the found names to the registry, once each. A single word that is another found
    name's acronym, surname, last word ("the Front" for "Red Ridge Front") or adjective
    ("Norvanian" for "Norvania", which is then a place) becomes its alias. Return the
    mentions of groups named from words apart ("Venezuelan military and officials")."""
    hosts: dict[str, list[Found]] = {}  # name_key of a short form -> the names it may stand for
    for f in found:
        words = f.name.split()
        forms = set()
        if len(words) >= 2:
            forms.add(initials(f.name, NAME_CONNECTORS | {"the", "and"}))
            forms.add(words[-1])  # a surname, or the head of a name
        elif not reading.tokens.acronym(f.i):
            forms.update(derived_adjectives(f.name))
        for form in forms:
            hosts.setdefault(name_key(form), []).append(f)
    aliases: dict[str, list[str]] = {}
    adjectives: dict[str, str] = {}
    names: dict[str, Found] = {}
    for f in found:
        key = name_key(f.name)
        candidates = {name_key(h.name): h for h in hosts.get(key, ()) if h is not f} \
            if len(f.name.split()) == 1 else {}
        if len(candidates) == 1:
            host = next(iter(candidates.values()))
            aliases.setdefault(name_key(host.name), []).append(f.name)
            if len(host.name.split()) == 1:
                adjectives[name_key(host.name)] = f.name
        elif key not in names or (names[key].why.endswith(DEFAULT_TYPE)
                                  and not f.why.endswith(DEFAULT_TYPE)):
            names[key] = f  # the first, or the first typed by a cue
    for key, f in names.items():
        kind, why = f.type, f.why
        if key in adjectives and (why.endswith(DEFAULT_TYPE) or why.endswith(PERSON_LIKE)):
            kind, why = "state", f"capitalised name with an adjective ({adjectives[key]!r})"
        actor = registry.add_candidate(Actor(
            f"found:{key}", f.name, kind, True, sorted(set(aliases.get(key, []))), why=why,
            owner=f.owner, owner_form=f.owner_form, adjective=adjectives.get(key, "")))
        for alias in aliases.get(key, ()):
            registry.add_name(actor.key, alias)
    apart = []
    for f in found:
        written = reading.words(f.i, f.j)
        if name_key(written) != name_key(f.name):
            entry = registry.entry(f.name)
            if entry is not None:
                apart.append(Mention(entry.actor, f.i, f.j, reading.passage_of(f.i), "found",
                                     written, lead=f.lead))
    return apart


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    """The mentions in text order, a later one overlapping an earlier one dropped."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.i, -(m.j - m.i))):
        if kept and m.i < kept[-1].j:
            continue
        kept.append(m)
    return kept


def _suggestions(reading: Reading, registry: Registry, mentions: list[Mention],
                 claims: list[Claim], doc_id: str | None, min_score: float) -> Suggestions:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}  # actor -> index of the passage of its first mention
    for m in mentions:
        counts[m.actor] = counts.get(m.actor, 0) + 1
        first.setdefault(m.actor, m.passage)
    claims = [c for c in claims if c.score >= min_score and c.source != c.target]
    starts = [p.start for p in reading.passages]
    for c in claims:  # an owner named only inside its group's name ("Norvania's army")
        for end in (c.source, c.target):
            if end not in counts:
                counts[end] = 1
                first[end] = bisect_right(starts, c.at) - 1
    in_claims = {end for c in claims for end in (c.source, c.target)}
    taken = {a.key for a in registry.known()}
    ids: dict[str, str] = {}
    chosen: list[SuggestedActor] = []
    for key in sorted(counts, key=lambda k: first[k]):
        actor = registry.actors[key]
        typed = not actor.why.endswith(DEFAULT_TYPE)
        score = actor_score(counts[key], typed, key in in_claims, actor.new)
        if actor.new and key not in in_claims and score < min_score:
            continue
        ident = actor.key if not actor.new else slug(actor.name, taken)
        taken.add(ident)
        ids[key] = ident
        passage = reading.passages[first[key]].text
        chosen.append(SuggestedActor(ident, actor.name, actor.type, counts[key], actor.new,
                                     passage, actor.why, score))
    document = Document(reading.text)
    kept = []
    for c in claims:
        if c.source not in ids or c.target not in ids:
            continue
        if document.locate(c.source_text) is None:  # never expected: quotes are spans
            continue
        kept.append(SuggestedClaim(ids[c.source], ids[c.target], c.relation, c.source_text,
                                   c.claimed_by, c.certainty, c.stance, c.date, c.score,
                                   "; ".join(c.why)))
    kept.sort(key=lambda c: -c.score)
    chosen.sort(key=lambda a: (a.new, -a.mentions))
    return Suggestions(doc_id, chosen, kept)
