"""Finding actors by what people type: ids, names and aliases, forgiving case, accents and
typography."""

from __future__ import annotations

import unicodedata

from actorgraph.errors import ActorNotFound, AmbiguousActor
from actorgraph.quotes import fold


def name_key(text: str) -> str:
    """The form names are matched in: no accents, no case, typography and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().replace("-", " ").replace(".", "").strip()


def closest(value: str, choices: list[str], limit: int = 3) -> list[str]:
    """The choices most like `value`, best first (for "did you mean" hints)."""
    from rapidfuzz import fuzz, process, utils

    hits = process.extract(value, choices, scorer=fuzz.WRatio, limit=limit,
                           processor=utils.default_process, score_cutoff=60)
    return [choice for choice, _score, _index in hits]


LIKE = 70  # the least rapidfuzz WRatio score of a suggestion ('mara' ~ 'Syria' scores 60)
CLOSE = 10  # suggestions within this many points of the best one


def actor_names(G) -> dict[str, set[str]]:
    """Every name an actor answers to (id, name, aliases), as name keys -> actor ids."""
    index: dict[str, set[str]] = {}
    for actor, attrs in G.nodes(data=True):
        for name in (actor, attrs.get("name") or "", *attrs.get("aliases", ())):
            if name:
                index.setdefault(name_key(name), set()).add(actor)
    return index


def resolve(G, text: str, role: str = "Actor") -> str:
    """The id of the actor `text` names: its id, its name or an alias, matched by `name_key`.

    Raises ActorNotFound with up to three "did you mean" names, or AmbiguousActor listing the
    candidates as `id (name)`.
    """
    if text in G:
        return text
    found = actor_names(G).get(name_key(text), set())
    if len(found) == 1:
        return next(iter(found))
    if found:
        raise AmbiguousActor(text, [f"{a} ({G.nodes[a].get('name') or a})" for a in sorted(found)])
    raise ActorNotFound(text, suggest(G, text), role)


def suggest(G, text: str, limit: int = 3) -> list[str]:
    """The names of the actors whose id, name or alias is most like `text`, best first."""
    spellings: dict[str, str] = {}  # a way of writing an actor -> its display name
    for actor, attrs in G.nodes(data=True):
        shown = attrs.get("name") or actor
        for name in (shown, actor, *attrs.get("aliases", ())):
            spellings.setdefault(name, shown)
    from rapidfuzz import fuzz, process, utils

    hits = process.extract(text, list(spellings), scorer=fuzz.WRatio, limit=limit * 3,
                           processor=utils.default_process, score_cutoff=LIKE)
    names: list[str] = []
    for hit, score, _index in hits:
        # Far behind the best guess is noise ('zetta': Zeta 89, Beta 67).
        if score >= hits[0][1] - CLOSE and spellings[hit] not in names:
            names.append(spellings[hit])
    return names[:limit]


def complete_actor(ctx, param, incomplete: str):
    """Click shell completion for actor arguments: ids whose id, name or alias starts with
    what was typed, read from the casebook named by --data (or data/); silent on failure."""
    from pathlib import Path

    from click.shell_completion import CompletionItem

    from actorgraph.build import split_aliases
    from actorgraph.load import read_table
    from actorgraph.schema import NODES

    root = Path(ctx.params.get("data_dir") or "data")
    rows = read_table(root, NODES, [])  # problems are ignored: completion never complains
    typed = name_key(incomplete)
    items = []
    for actor in rows.records:
        names = (actor["id"], actor["name"], *split_aliases(actor["aliases"]))
        if actor["id"] and any(name_key(n).startswith(typed) for n in names if n):
            items.append(CompletionItem(actor["id"], help=actor["name"]))
    return items
