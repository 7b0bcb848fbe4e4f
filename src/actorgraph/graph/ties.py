"""Ties: what several claims say together about two actors.

A tie is one relation between two actors, whoever claims it: (source, relation, target), its
ends unordered for an undirected relation. Its claims may come from several documents, and
some may deny it. For each tie: how many claims, affirming and denying; the documents,
publishers and claimants that affirm it (a denial supports nothing; documents of one
publisher count once as publishers, a document without a publisher counts as its own); and
the strongest certainty among the affirming claims (among all, if none affirms).

A claimant that names an actor (`claimed_by` is its id, name or alias) is one claimant
across documents; any other claimant is one per document ("the author" of two articles are
two authors). A tie is *corroborated* when at least two publishers affirm it,
*single-source* when one document alone affirms it, *disputed* when it is both affirmed
and denied. The graph's ties
are computed here once, for every command and the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import networkx as nx

from actorgraph.schema import CERTAINTIES, CERTAINTY_RANK, DENIES, RELATIONS
from actorgraph.text import name_key

TIE_FIELDS = ("source", "relation", "target", "claims", "documents", "publishers",
              "claimants", "affirming", "denying", "strongest_certainty")

Key = tuple[str, str, str]  # (source, relation, target); undirected: ends in sorted order


def tie_key(source: str, target: str, relation: str) -> Key:
    if relation in RELATIONS and not RELATIONS[relation].directed and target < source:
        source, target = target, source
    return (source, relation, target)


@dataclass
class Tie:
    source: str
    relation: str
    target: str
    claim_ids: list[str] = field(default_factory=list)
    affirming: int = 0
    denying: int = 0
    _documents: set = field(default_factory=set)
    _publishers: set = field(default_factory=set)
    _claimants: set = field(default_factory=set)
    _ranks: list[int] = field(default_factory=list)
    _denial_ranks: list[int] = field(default_factory=list)

    @property
    def claims(self) -> int:
        return len(self.claim_ids)

    @property
    def documents(self) -> int:
        return len(self._documents)

    @property
    def publishers(self) -> int:
        return len(self._publishers)

    @property
    def claimants(self) -> int:
        return len(self._claimants)

    @property
    def strongest_certainty(self) -> str:
        return list(CERTAINTIES)[min(self._ranks or self._denial_ranks)]

    @property
    def corroborated(self) -> bool:
        return self.publishers >= 2

    @property
    def single_source(self) -> bool:
        return self.documents == 1

    @property
    def disputed(self) -> bool:
        return self.affirming > 0 and self.denying > 0

    def record(self) -> dict:
        """The tie as a flat record: exactly TIE_FIELDS."""
        return {name: getattr(self, name) for name in TIE_FIELDS}

    def support(self) -> str:
        """How the tie stands, in words: "1 document", "2 documents (1 publisher)",
        "disputed: 1 document; 1 claim denies it"."""
        documents = f"{self.documents} document{'s' if self.documents != 1 else ''}"
        publishers = (f" ({self.publishers} publisher{'s' if self.publishers != 1 else ''})"
                      if self.documents > 1 else "")
        said = f"{documents}{publishers}" if self.documents else "no document affirms it"
        if self.denying:
            denials = f"{self.denying} claim{'s' if self.denying != 1 else ''} den" + (
                "y it" if self.denying != 1 else "ies it")
            return f"disputed: {said}; {denials}" if self.affirming else f"{said}; {denials}"
        return said


def gather(claims: Iterable[tuple], publisher: Callable[[str], str]) -> dict[Key, Tie]:
    """The ties of these claims: each `(source, target, claim id, attrs)` as a graph's
    edges give them; `publisher(doc)` names a document's publisher ("" if none)."""
    found: dict[Key, Tie] = {}
    for u, v, key, attrs in claims:
        relation = attrs["relation"]
        tie_id = tie_key(u, v, relation)
        tie = found.get(tie_id)
        if tie is None:
            tie = found[tie_id] = Tie(*tie_id)
        tie.claim_ids.append(key)
        rank = CERTAINTY_RANK[attrs["certainty"]]
        if attrs.get("stance") == DENIES:
            tie.denying += 1
            tie._denial_ranks.append(rank)
            continue
        tie.affirming += 1
        tie._ranks.append(rank)
        doc = attrs.get("source_doc", "")
        tie._documents.add(doc)
        tie._publishers.add(publisher(doc) or f"document:{doc}")
        # A claimant that names an actor is one claimant across documents; any other is
        # one per document ("the author" of two articles are two authors).
        actor = attrs.get("claimed_by_actor")
        tie._claimants.add(f"actor:{actor}" if actor else
                           f"{doc}|{name_key(attrs.get('claimed_by', ''))}")
    return found


def ties(G: nx.MultiDiGraph) -> dict[Key, Tie]:
    """Every tie of the casebook graph `G`."""
    sources = G.graph.get("sources", {})
    return gather(G.edges(keys=True, data=True),
                  lambda doc: (sources.get(doc) or {}).get("publisher", ""))


def pair_ties(G: nx.MultiDiGraph, a: str, b: str) -> dict[Key, Tie]:
    """The ties between actors `a` and `b` (either way): a tie's claims all join its two
    actors, so these are as `ties(G)` has them, found without walking the whole graph."""
    sources = G.graph.get("sources", {})
    between = [(a, b, k, d) for k, d in G.get_edge_data(a, b, default={}).items()]
    if a != b:
        between += [(b, a, k, d) for k, d in G.get_edge_data(b, a, default={}).items()]
    return gather(between, lambda doc: (sources.get(doc) or {}).get("publisher", ""))


def claim_ties(all_ties: dict[Key, Tie]) -> dict[str, Tie]:
    """Each claim's tie, by claim id."""
    return {claim: tie for tie in all_ties.values() for claim in tie.claim_ids}
