"""The actors a document may mention, and every name each goes by.

The casebook's actors come first, under their names and aliases, and under the names a
reader would also recognise: a state's adjective and capital from the gazetteer ("Iranian",
"Tehran"), the initials of a body's name ("IRGC"), a person's surname. Places of the
gazetteer that the casebook lacks, and the words for a place's people ("Venezuelans"), are
actors in waiting: they become candidates once the document names them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.schema import ALIAS_SEPARATOR
from actorgraph.suggest.names import Entry, NameIndex, initials, keys
from actorgraph.suggest.places import (
    adjective_places,
    derived_adjectives,
    gazetteer,
    place_of,
)
from actorgraph.suggest.words import FUNCTION_WORDS, NAME_CONNECTORS
from actorgraph.text import name_key

# Where two actors go by one name, the higher keeps it.
KNOWN = 40  # a casebook actor's own name or alias
FOUND = 30  # a name found in the document
PLACE = 20  # a casebook state's adjective, capital or other name in the gazetteer
DERIVED = 10  # initials, a surname
WAITING = 5  # a gazetteer place or people the casebook lacks

PLACE_TYPES = ("state", "territory", "bloc")
# The last word of a territory's name that the text may leave out ("the tri-border area").
TERRITORY_HEADS = frozenset(("area", "region", "zone", "district", "belt", "corridor"))


@dataclass
class Actor:
    """An actor of the suggestions: one of the casebook's (`new` false) or a candidate."""

    key: str  # the id of a casebook actor; a provisional key for a candidate
    name: str
    type: str
    new: bool
    aliases: list[str] = field(default_factory=list)
    why: str = ""  # how a candidate was found and typed
    owner: str | None = None  # the actor a group belongs to ("Venezuelan officials")
    owner_form: str = ""  # "adjective" or "possessive"
    adjective: str = ""  # a place's adjective ("Norvanian"), when known
    mentions: int = 0
    first: int = -1  # offset of the first mention
    passage: str = ""  # the passage of the first mention
    id: str = ""  # the final id (a slug for a candidate)
    score: float = 0.0

    @property
    def place(self) -> bool:
        return self.type in PLACE_TYPES


def _exact(name: str) -> bool:
    """An acronym, matched only where written in capitals: "IRGC", "U.S.", "FANB"."""
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 8 and all(c.isupper() for c in letters)


def _bare(name: str) -> str:
    """A name without a leading "the" (found on its own in the text)."""
    parts = name.split(None, 1)
    return parts[1] if len(parts) == 2 and parts[0].lower() == "the" else name


class Registry:
    """Every actor the document may mention, by key, with the index of their names."""

    def __init__(self, actors: list[dict]):
        self.actors: dict[str, Actor] = {}
        self.index = NameIndex()
        self._known_places: dict[str, str] = {}  # gazetteer place name -> casebook actor id
        for row in actors:
            aliases = row.get("aliases") or []
            if isinstance(aliases, str):  # as nodes.csv writes them: "Tehran|Persia"
                aliases = aliases.split(ALIAS_SEPARATOR)
            aliases = [a.strip() for a in aliases if a and a.strip()]
            actor = Actor(row["id"], row["name"], row["type"], False, aliases)
            self.actors[actor.key] = actor
            for name in (actor.name, *aliases):
                self._add(name, actor.key, "alias" if name != actor.name else "name", KNOWN)
        for actor in list(self.actors.values()):
            self._derive(actor)
        self._waiting()

    def _add(self, name: str, key: str, form: str, priority: int, capitalised=False,
             after_the=False) -> None:
        name = _bare(name.strip())
        if not keys(name):
            return
        self.index.add(name, Entry(key, form, priority, _exact(name), capitalised, after_the))

    def _derive(self, actor: Actor) -> None:
        """The names a reader recognises besides those the casebook lists."""
        names = (actor.name, *actor.aliases)
        if actor.type in PLACE_TYPES:
            place = place_of(names)
            if place is not None:
                self._known_places[place.name] = actor.key
                actor.adjective = next(iter(place.adjectives), "")
                for name in (*place.names, *place.adjectives):
                    self._add(name, actor.key, "place", PLACE)
            elif actor.type != "bloc":
                for adjective in derived_adjectives(actor.name):
                    self._add(adjective, actor.key, "adjective", DERIVED, capitalised=True)
            words = actor.name.split()
            if actor.type == "territory" and len(words) >= 2 and name_key(words[-1]) in \
                    TERRITORY_HEADS and len(keys(" ".join(words[:-1]))) >= 2:
                # "the tri-border area" is also "tri-border" ("tri-border smuggling")
                self._add(" ".join(words[:-1]), actor.key, "short", DERIVED)
        else:
            self._short(actor)
        if actor.type == "person":
            words = actor.name.split()
            if len(words) >= 2 and name_key(words[-1]) not in FUNCTION_WORDS:
                self._add(words[-1], actor.key, "surname", DERIVED)
            return
        for name in names:
            if len(keys(name)) < 2:
                continue
            letters = initials(name, NAME_CONNECTORS | {"the", "and"})
            if len(letters) >= 3 or (len(letters) == 2 and name == actor.name
                                     and actor.type in ("state", "bloc")):
                self._add(letters, actor.key, "initials", DERIVED)
                self._add(".".join(letters) + ".", actor.key, "initials", DERIVED)

    def _short(self, actor: Actor) -> None:
        """A body named after a place, by the rest of its name after "the": "the security
        apparatus" for "Venezuelan security apparatus" (two words at least)."""
        words = actor.name.split()
        for n in (1, 2):
            head, rest = " ".join(words[:n]), words[n:]
            if len(rest) >= 2 and (name_key(head) in adjective_places() or
                                   place_of([head]) is not None):
                self._add(" ".join(rest), actor.key, "short", DERIVED, after_the=True)
                return


    def adjectives_of(self, key: str) -> list[str]:
        """The adjectives a place actor may go by: the gazetteer's, or derived from its
        name."""
        actor = self.actors[key]
        place = place_of((actor.name, *actor.aliases))
        if place is not None:
            return list(place.adjectives)
        return list(derived_adjectives(actor.name))

    def place_named(self, word: str) -> str | None:
        """The key of the place actor a word (a name or an adjective) names, or None."""
        entry = self.index.get(word)
        if entry is not None and self.actors[entry.actor].place:
            return entry.actor
        return None

    def _waiting(self) -> None:
        """Gazetteer places the casebook lacks, and words for the people of every place."""
        for place in gazetteer():
            key = self._known_places.get(place.name)
            if key is None:
                key = f"place:{place.name}"
                self.actors[key] = Actor(key, place.name, place.type, True, [],
                                         why="a place in the gazetteer",
                                         adjective=next(iter(place.adjectives), ""))
                for name in (*place.names, *place.adjectives):
                    self._add(name, key, "place", WAITING, capitalised=True)
            for people in place.people:
                pkey = f"people:{people}"
                self.actors.setdefault(pkey, Actor(
                    pkey, people, "organisation", True, [], owner=key, owner_form="people",
                    why=f"the people of {place.name}"))
                self._add(people, pkey, "people", WAITING, capitalised=True)

    def add_candidate(self, actor: Actor) -> Actor:
        """A candidate found in the document; one already known by that name is returned
        instead."""
        entry = self.index.get(actor.name)
        if entry is not None and entry.priority >= FOUND:
            return self.actors[entry.actor]
        self.actors[actor.key] = actor
        for name in (actor.name, *actor.aliases):
            self._add(name, actor.key, "found", FOUND)
        return actor

    def add_name(self, key: str, name: str, form: str = "found") -> None:
        """Another name for an actor of the registry."""
        self._add(name, key, form, FOUND)

    def entry(self, name: str) -> Entry | None:
        return self.index.get(name)

    def known(self) -> list[Actor]:
        return [a for a in self.actors.values() if not a.new]
