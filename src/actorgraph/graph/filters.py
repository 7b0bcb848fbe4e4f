"""Which claims count: the filters every question takes, defined once for the graph
(`filter_claims`) and for the store (`Filters.passes`).

- `relations` keeps only claims of those relation types, `exclude_relations` drops those;
- `min_certainty` keeps claims at least that firm (`alleged` keeps confirmed, asserted and
  alleged);
- `documents` keeps claims from those documents (source ids), `publishers` claims from
  documents of those publishers;
- `min_sources` keeps claims whose tie (`ties.py`) at least that many publishers affirm;
- `avoid` leaves those actors out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from actorgraph.errors import BadValue
from actorgraph.graph.ties import Tie, claim_ties, ties
from actorgraph.schema import (
    CERTAINTIES,
    CERTAINTY_RANK,
    RELATIONS,
    check_certainty,
    check_relations,
)
from actorgraph.text import closest, name_key

FILTERS = ("relations", "exclude_relations", "min_certainty", "documents", "publishers",
           "min_sources", "avoid")


def kept(relations: Iterable[str] = (), exclude_relations: Iterable[str] = (),
         min_certainty: str | None = None) -> Callable[[str, str], bool] | None:
    """Whether a claim of this relation and certainty counts under those filters, or None
    when every claim does."""
    keep = set(check_relations(relations, "relations"))
    drop = set(check_relations(exclude_relations, "exclude_relations"))
    floor = (CERTAINTY_RANK[check_certainty(min_certainty, "min_certainty")]
             if min_certainty else None)
    if not (keep or drop or floor is not None):
        return None
    allowed = {(r, c) for r in RELATIONS for c in CERTAINTIES
               if (not keep or r in keep) and r not in drop
               and (floor is None or CERTAINTY_RANK[c] <= floor)}
    return lambda relation, certainty: (relation, certainty) in allowed


def check_min_sources(min_sources: int | None) -> int | None:
    if min_sources is not None and min_sources < 1:
        raise BadValue("min_sources", min_sources, "is not 1 or more")
    return min_sources


@dataclass
class Filters:
    """The filters, checked against a casebook's sources (`sources`: source id -> its
    sources.csv row). `passes(relation, certainty, doc, tie)` says whether a claim counts."""

    relation_ok: Callable[[str, str], bool] | None
    documents: frozenset[str]
    min_sources: int | None

    @classmethod
    def check(cls, sources: dict[str, dict], relations: Iterable[str] = (),
              exclude_relations: Iterable[str] = (), min_certainty: str | None = None,
              documents: Iterable[str] = (), publishers: Iterable[str] = (),
              min_sources: int | None = None) -> Filters:
        chosen = set()
        for doc in documents:
            if doc not in sources:
                hint = closest(doc, list(sources), limit=1)
                raise BadValue("documents", doc, "is not a source id" + (
                    f" (did you mean {hint[0]!r}?)" if hint else f" (valid: "
                    f"{', '.join(sources) or 'none'})"))
            chosen.add(doc)
        if publishers:
            by_publisher: dict[str, set[str]] = {}
            for doc, row in sources.items():
                if row.get("publisher"):
                    by_publisher.setdefault(name_key(row["publisher"]), set()).add(doc)
            wanted = set()
            for publisher in publishers:
                found = by_publisher.get(name_key(publisher))
                if not found:
                    names = sorted({row["publisher"] for row in sources.values()
                                    if row.get("publisher")})
                    hint = closest(publisher, names, limit=1)
                    raise BadValue("publishers", publisher, "is the publisher of no source" + (
                        f" (did you mean {hint[0]!r}?)" if hint else
                        f" (the sources' publishers: {', '.join(names) or 'none'})"))
                wanted |= found
            chosen = wanted if not chosen else chosen & wanted
            if not chosen:
                chosen = {""}  # no document is both: no claim passes
        return cls(kept(relations, exclude_relations, min_certainty), frozenset(chosen),
                   check_min_sources(min_sources))

    @property
    def everything(self) -> bool:
        return self.relation_ok is None and not self.documents and self.min_sources is None

    def passes(self, relation: str, certainty: str, doc: str, tie: Tie | None) -> bool:
        return ((self.relation_ok is None or self.relation_ok(relation, certainty))
                and (not self.documents or doc in self.documents)
                and (self.min_sources is None
                     or tie is not None and tie.publishers >= self.min_sources))


def filter_claims(G: nx.MultiDiGraph, relations: Iterable[str] = (),
                  exclude_relations: Iterable[str] = (), min_certainty: str | None = None,
                  avoid: Iterable[str] = (), documents: Iterable[str] = (),
                  publishers: Iterable[str] = (), min_sources: int | None = None
                  ) -> nx.MultiDiGraph:
    """A read-only view of `G` without the avoided actors and the claims the filters drop
    (see the module's description). Actors left without claims stay in the view."""
    chosen = Filters.check(G.graph.get("sources", {}), relations, exclude_relations,
                           min_certainty, documents, publishers, min_sources)
    gone = set(avoid)
    for actor in gone:
        if actor not in G:
            raise BadValue("avoid", actor, "is not an actor")
    if chosen.everything and not gone:
        return G
    tie_of = claim_ties(ties(G)) if chosen.min_sources is not None else {}

    def claim_passes(u, v, key) -> bool:
        claim = G.edges[u, v, key]
        return chosen.passes(claim["relation"], claim["certainty"], claim["source_doc"],
                             tie_of.get(key))

    return nx.subgraph_view(G, filter_node=lambda n: n not in gone, filter_edge=claim_passes)
