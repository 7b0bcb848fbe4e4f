"""The gazetteer shipped with actorgraph (`places.csv`): states, territories, regions and blocs
with their other names, capitals, adjectives ("Iranian") and words for their people
("Iranians"), written from general knowledge. It is data: a place is found in a document
by these names, and a state of the casebook is also mentioned by its adjective and capital.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from actorgraph.schema import ALIAS_SEPARATOR
from actorgraph.text import name_key


@dataclass(frozen=True)
class Place:
    name: str
    type: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]
    adjectives: tuple[str, ...]
    people: tuple[str, ...]  # plural words for its people: "Venezuelans"

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the place itself goes by: its name, aliases and capitals."""
        return (self.name, *self.aliases, *self.capitals)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(ALIAS_SEPARATOR) if part.strip())


def _people(adjectives: tuple[str, ...], given: tuple[str, ...]) -> tuple[str, ...]:
    """The plural words for a place's people: as given, else each adjective ending as a
    noun does ("Iranian" -> "Iranians", "Israeli" -> "Israelis")."""
    if given:
        return given
    return tuple(a + "s" for a in adjectives if a[-1] in "naio" and " " not in a and
                 not a.isupper())


@cache
def gazetteer() -> tuple[Place, ...]:
    text = files("actorgraph.suggest").joinpath("places.csv").read_text(encoding="utf-8")
    places = []
    for row in csv.DictReader(io.StringIO(text)):
        adjectives = _split(row["adjectives"])
        places.append(Place(row["name"], row["type"], _split(row["aliases"]),
                            _split(row["capitals"]), adjectives,
                            _people(adjectives, _split(row["people"]))))
    return tuple(places)


@cache
def by_name() -> dict[str, Place]:
    """Places by the `name_key` of each of their names (name, alias, capital)."""
    found: dict[str, Place] = {}
    for place in gazetteer():
        for name in place.names:
            found.setdefault(name_key(name), place)
    return found


def place_of(names) -> Place | None:
    """The place one of `names` (an actor's name and aliases) names, or None."""
    index = by_name()
    for name in names:
        place = index.get(name_key(name))
        if place is not None:
            return place
    return None


@cache
def adjective_places() -> dict[str, Place]:
    """Places by the `name_key` of each of their adjectives ("iranian" -> Iran)."""
    found: dict[str, Place] = {}
    for place in gazetteer():
        for adjective in place.adjectives:
            found.setdefault(name_key(adjective), place)
    return found


def derived_adjectives(name: str) -> tuple[str, ...]:
    """The adjectives English forms from a place's name, for a place the gazetteer lacks:
    Norvania -> Norvanian, Brazil -> Brazilian, Sudan -> Sudanese, Israel -> Israeli,
    Chile -> Chilean, Mexico -> Mexican. Several are guessed; only those the text uses
    will match."""
    if " " in name.strip() or len(name) < 3:
        return ()
    stem = name[:-1]
    forms = [name + "n", name + "an", name + "ian", name + "ese", name + "i",
             stem + "an", stem + "ian", stem + "ean", stem + "ese", stem + "i"]
    if name.endswith("y"):
        forms.append(stem + "ian")
    return tuple(dict.fromkeys(f for f in forms if f.lower() != name.lower()))
