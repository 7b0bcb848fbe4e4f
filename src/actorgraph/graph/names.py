"""Finding actors by what people type: ids, names and aliases, forgiving case, accents and
typography (`text.name_key`)."""

from __future__ import annotations

from actorgraph.errors import ActorNotFound, AmbiguousActor
from actorgraph.text import name_key

LIKE = 70  # the least rapidfuzz WRatio score of a suggestion ('mara' ~ 'Syria' scores 60)
CLOSE = 10  # suggestions within this many points of the best one


def actor_names(nodes) -> dict[str, set[str]]:
    """Every name an actor answers to (id, name, aliases), as name keys -> actor ids, from
    the actors' (id, attributes), as `G.nodes(data=True)` gives them."""
    index: dict[str, set[str]] = {}
    for actor, attrs in nodes:
        for name in (actor, attrs.get("name") or "", *attrs.get("aliases", ())):
            if name:
                index.setdefault(name_key(name), set()).add(actor)
    return index


def spellings(nodes) -> dict[str, str]:
    """Every way of writing an actor (name, id, aliases) -> its display name, from the
    actors' (id, attributes)."""
    found: dict[str, str] = {}
    for actor, attrs in nodes:
        shown = attrs.get("name") or actor
        for name in (shown, actor, *attrs.get("aliases", ())):
            found.setdefault(name, shown)
    return found


class Names:
    """The actors of a casebook as `resolve` asks about them. `GraphNames` reads a graph;
    `index.Index` answers from the cache without loading the graph."""

    def __contains__(self, actor: str) -> bool:
        raise NotImplementedError

    def matching(self, key: str) -> set[str]:
        """The ids of the actors with a name, alias or id whose `name_key` is `key`."""
        raise NotImplementedError

    def label(self, actor: str) -> str:
        """The actor's display name."""
        raise NotImplementedError

    def spellings(self) -> dict[str, str]:
        """As `spellings(G.nodes(data=True))`."""
        raise NotImplementedError


class GraphNames(Names):
    def __init__(self, G):
        self.G = G
        self._keys: dict[str, set[str]] | None = None

    def __contains__(self, actor: str) -> bool:
        return actor in self.G

    def matching(self, key: str) -> set[str]:
        if self._keys is None:
            self._keys = actor_names(self.G.nodes(data=True))
        return self._keys.get(key, set())

    def label(self, actor: str) -> str:
        return self.G.nodes[actor].get("name") or actor

    def spellings(self) -> dict[str, str]:
        return spellings(self.G.nodes(data=True))


def resolve(G, text: str, role: str = "Actor") -> str:
    """The id of the actor `text` names: its id, its name or an alias, matched by `name_key`.
    `G` is a casebook graph, or any `Names`.

    Raises ActorNotFound with up to three "did you mean" names, or AmbiguousActor listing the
    candidates as `id (name)`.
    """
    names = G if isinstance(G, Names) else GraphNames(G)
    if text in names:
        return text
    found = names.matching(name_key(text))
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise AmbiguousActor(text, [f"{a} ({names.label(a)})" for a in sorted(found)])
    raise ActorNotFound(text, suggest(names.spellings(), text), role)


def suggest(spelled: dict[str, str], text: str, limit: int = 3) -> list[str]:
    """The display names whose spellings (`spellings`) are most like `text`, best first."""
    from rapidfuzz import fuzz, process, utils

    hits = process.extract(text, list(spelled), scorer=fuzz.WRatio, limit=limit * 3,
                           processor=utils.default_process, score_cutoff=LIKE)
    names: list[str] = []
    for hit, score, _index in hits:
        # Far behind the best guess is noise ('zetta': Zeta 89, Beta 67).
        if score >= hits[0][1] - CLOSE and spelled[hit] not in names:
            names.append(spelled[hit])
    return names[:limit]
