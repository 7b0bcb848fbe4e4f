"""A casebook just read, held in memory and asked as its store is asked.

`StoreReader` answers each question on a small graph of the rows it needs. `Held` gives it
those rows from the parts of a casebook just read (`build.Parts`), so the first question on
a casebook is answered as every later one is, from the store: without building the whole
graph (2.5 s of networkx at 500k claims), which is made only for a question that needs it
(`graph`). The answers are those of the whole graph (tests compare the two on random
casebooks).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import NamedTuple

import networkx as nx

from actorgraph.graph.build import Parts, assemble
from actorgraph.graph.names import actor_names, spellings


class Index(NamedTuple):
    """Where `Held` finds rows: each actor's claims as source and as target (positions in
    edges.csv's order), each claim's position by id, each actor's by id."""

    out: dict[str, list[int]]
    into: dict[str, list[int]]
    claim: dict[str, int]
    actor: dict[str, int]


class Held:
    """The parts of a casebook's graph (the quotes' places may be added after), and the
    index that `StoreReader`'s questions read by."""

    def __init__(self, parts: Parts):
        self.parts = parts
        self._whole: nx.MultiDiGraph | None = None

    @cached_property
    def index(self) -> Index:
        """The index, made when first asked for (0.5 s at 500k claims: a casebook read for
        a question has it made while the quotes are searched, `workspace.read_and_build`)."""
        out: dict[str, list[int]] = {}
        into: dict[str, list[int]] = {}
        for i, (source, target, _key, _attrs) in enumerate(self.parts.claims):
            out.setdefault(source, []).append(i)
            if target != source:
                into.setdefault(target, []).append(i)
        return Index(out, into, {key: i for i, (_s, _t, key, _a) in enumerate(self.parts.claims)},
                     {actor: i for i, actor in enumerate(self.parts.nodes)})

    # --- Actors ----------------------------------------------------------------------------

    def has_actor(self, actor: str) -> bool:
        return actor in self.parts.nodes

    def label(self, actor: str) -> str:
        attrs = self.parts.nodes.get(actor)
        return (attrs.get("name") if attrs else "") or actor

    def matching(self, key: str) -> set[str]:
        return set(self._names.get(key, ()))

    @cached_property
    def _names(self) -> dict[str, set[str]]:
        return actor_names(self.parts.nodes.items())

    def spellings(self) -> dict[str, str]:
        return spellings(self.parts.nodes.items())

    # --- Claims ----------------------------------------------------------------------------

    def ends(self, actor: str) -> list[tuple[str, str, str, str, int, str, str, str]]:
        """As `Store.ends`: the claims `actor` is in, (source, target, relation, certainty,
        directed, id, source_doc, stance) each."""
        claims, index = self.parts.claims, self.index
        return [(s, t, a["relation"], a["certainty"], int(a["directed"]), key,
                 a["source_doc"], a["stance"])
                for i in (*index.out.get(actor, ()), *index.into.get(actor, ()))
                for s, t, key, a in (claims[i],)]

    def alleged_by(self, actor: str) -> list[tuple[str, str, str]]:
        """As `Store.alleged_by`: the claims `actor` makes as their claimant."""
        return [(s, t, key) for s, t, key, a in self.parts.claims
                if a["claimed_by_actor"] == actor]

    # --- Graphs ----------------------------------------------------------------------------

    def graph_of(self, actors: Iterable[str], claims: Iterable[str],
                 casebook: str) -> nx.MultiDiGraph:
        """As `Store.graph_of`: a graph of these actors and claims (ids), in the files'
        order, each with attributes of its own."""
        nodes, every, index = self.parts.nodes, self.parts.claims, self.index
        G = nx.MultiDiGraph(casebook=casebook)
        G.graph["sources"] = self.parts.sources
        G.add_nodes_from((a, nodes[a]) for a in sorted(set(actors), key=index.actor.__getitem__))
        G.add_edges_from(every[i] for i in sorted({index.claim[c] for c in claims}))
        return G

    def graph(self, casebook: str) -> nx.MultiDiGraph:
        """The whole casebook graph, made once (its edges' attributes are the claims')."""
        if self._whole is None:
            self._whole = assemble(casebook, self.parts)
        return self._whole

    def nodes(self) -> Iterator[tuple[str, dict]]:
        return iter(self.parts.nodes.items())

    def edges(self) -> Iterator[tuple[str, str, str, dict]]:
        return iter(self.parts.claims)

    def sources(self) -> dict[str, dict]:
        return self.parts.sources

    def meta(self) -> dict[str, str]:
        return {"actors": str(len(self.parts.nodes)), "claims": str(len(self.parts.claims))}
