"""Paths between two actors, each hop with the claims that support it.

The rules (shared with the explorer page, whose tests run on cases made from these
functions): claims link their actors both ways unless `directed`, where a claim of a directed
relation links its source to its target only; a hop's strength is its strongest claim, a
path's strength its weakest hop; a hop's corroboration is the most publishers that affirm one
of its claims' ties (`ties.py`), a path's its least corroborated hop; paths rank by hops, then
strength, then corroboration (most first), then actor ids.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import networkx as nx

from actorgraph.errors import ActorNotFound, BadValue, InputError, NoPath
from actorgraph.graph.filters import filter_claims
from actorgraph.graph.ties import claim_ties, pair_ties
from actorgraph.schema import CERTAINTIES, CERTAINTY_RANK

MAX_SHORTEST = 10  # shortest paths listed by default
MAX_K = 1000  # -k: more best paths than this are not worth the wait (1,000,000 took minutes)


def links(G: nx.MultiDiGraph, directed: bool = False) -> nx.Graph:
    """The simple projection: one link per pair of actors that any claim ties.

    Undirected by default. With `directed`, a DiGraph where a claim of a directed relation
    links source to target only and any other claim links both ways.
    """
    H = nx.DiGraph() if directed else nx.Graph()
    H.add_nodes_from(G)
    for u, v, claim_directed in G.edges(data="directed"):
        H.add_edge(u, v)
        if directed and not claim_directed:
            H.add_edge(v, u)
    return H


def hop_claims(G: nx.MultiDiGraph, a: str, b: str, directed: bool = False) -> list[tuple]:
    """The claims `(u, v, key, attrs)` that let a path step from `a` to `b`, strongest first,
    then by claim id."""
    found = [(a, b, k, d) for k, d in G.get_edge_data(a, b, default={}).items()]
    if a != b:
        found += [(b, a, k, d) for k, d in G.get_edge_data(b, a, default={}).items()
                  if not directed or not d["directed"]]
    return sorted(found, key=lambda c: (CERTAINTY_RANK[c[3]["certainty"]], c[2]))


@dataclass
class Path:
    """A path: its actors in order and, per hop, the claims that support it and how many
    publishers affirm the best-supported of their ties."""

    actors: list[str]
    hops: list[list[tuple]] = field(default_factory=list)
    support: list[int] = field(default_factory=list)

    @property
    def weakest(self) -> str:
        """The path's strength: the certainty of its weakest hop's strongest claim."""
        ranks = [CERTAINTY_RANK[hop[0][3]["certainty"]] for hop in self.hops]
        return list(CERTAINTIES)[max(ranks)]

    @property
    def corroboration(self) -> int:
        """The publishers affirming its least corroborated hop."""
        return min(self.support, default=0)

    def rank_key(self) -> tuple:
        return (len(self.actors) - 1, CERTAINTY_RANK[self.weakest], -self.corroboration,
                tuple(self.actors))


@dataclass
class PathResult:
    """The ranked paths found, and how many more there were (default mode only)."""

    paths: list[Path]
    more: int = 0


def _label(G, actor: str) -> str:
    return G.nodes[actor].get("name") or actor


def find_paths(G: nx.MultiDiGraph, source: str, target: str, *, directed: bool = False,
               k: int | None = None, max_hops: int | None = None,
               relations: Iterable[str] = (), exclude_relations: Iterable[str] = (),
               min_certainty: str | None = None, avoid: Iterable[str] = (),
               documents: Iterable[str] = (), publishers: Iterable[str] = (),
               min_sources: int | None = None) -> PathResult:
    """The best paths from `source` to `target`, each hop with its claims.

    Default: every shortest path, ranked, at most MAX_SHORTEST (`.more` counts the rest).
    `k`: the k best simple paths of any length up to `max_hops` (at most MAX_K). The filters
    are those of `filters.filter_claims`. Raises NoPath if none exists under these options.
    """
    avoid = tuple(avoid)
    for role, actor in (("Source", source), ("Target", target)):
        if actor not in G:
            raise ActorNotFound(actor, [], role)
    if source == target:
        raise InputError(f"a path needs two different actors; both ends are {source!r}")
    if k is not None and not 1 <= k <= MAX_K:
        raise BadValue("k", k, f"is not a number of paths from 1 to {MAX_K:,}")
    if max_hops is not None and max_hops < 1:
        raise BadValue("max_hops", max_hops, "is not 1 or more")
    for end in (source, target):
        if end in avoid:
            raise BadValue("avoid", end, "is an end of the path")
    filters = dict(relations=tuple(relations), exclude_relations=tuple(exclude_relations),
                   min_certainty=min_certainty, documents=tuple(documents),
                   publishers=tuple(publishers), min_sources=min_sources)
    view = filter_claims(G, avoid=avoid, **filters)
    candidates = _candidates(view, source, target, directed, k, max_hops)
    paths = []
    for p in candidates:
        hops = [hop_claims(view, a, b, directed) for a, b in zip(p, p[1:])]
        support = []
        for (a, b), hop in zip(zip(p, p[1:]), hops):
            tie_of = claim_ties(pair_ties(G, a, b))
            support.append(max(tie_of[c[2]].publishers for c in hop))
        paths.append(Path(p, hops, support))
    paths.sort(key=Path.rank_key)
    if not paths:
        raise NoPath(_label(G, source), _label(G, target), dict(
            directed=directed, max_hops=max_hops, **filters, avoid=avoid))
    limit = k or MAX_SHORTEST
    return PathResult(paths[:limit], 0 if k else max(0, len(paths) - limit))


def _candidates(G: nx.MultiDiGraph, source: str, target: str, directed: bool, k: int | None,
                max_hops: int | None) -> list[list[str]]:
    """Paths to rank: all shortest ones, or (with k) every simple path no longer than the
    k-th shortest (`k_best`)."""
    if not k:
        return [p for p in shortest_paths(G, source, target, directed)
                if max_hops is None or len(p) - 1 <= max_hops]
    try:
        return k_best(nx.shortest_simple_paths(links(G, directed), source, target), k,
                      max_hops)
    except nx.NetworkXNoPath:
        return []


def k_best(paths: Iterable[list], k: int, max_hops: int | None = None) -> list[list]:
    """From simple paths listed shortest first, every one no longer than the k-th (so that
    ties at that length are ranked, not cut arbitrarily) nor than `max_hops`: the same
    paths whatever order paths of one length come in."""
    found: list[list] = []
    for p in paths:
        if max_hops is not None and len(p) - 1 > max_hops:
            break
        if len(found) >= k and len(p) > len(found[k - 1]):
            break
        found.append(p)
    return found


def k_searchable(k: int | None, max_hops: int | None) -> bool:
    """Whether `find_paths` accepts these `k` and `max_hops` (it says why not)."""
    return k is not None and 1 <= k <= MAX_K and (max_hops is None or max_hops >= 1)


def simple_paths(source, target, forward, backward, directed: bool = False) -> Iterator[list]:
    """Every simple path from `source` to `target`, shortest first (Yen's algorithm), where
    `forward(u)` is the set of actors one step on from u and `backward(u)` the set one step
    back (as for `meet_halfway`); with `directed` false, a step is a link both ways, and a
    link set aside for a search is set aside both ways, as `nx.shortest_simple_paths` does
    on an undirected graph. Paths of one length come in no particular order: `k_best`
    makes them a set. The store walks its tables with it (`path -k`)."""
    first = _one_shortest(source, target, forward, backward, set(), set(), directed)
    if first is None:
        return
    listed = [first]
    yield first
    waiting: list[tuple[int, int, list]] = []
    known = {tuple(first)}
    while True:
        last = listed[-1]
        for i in range(len(last) - 1):
            root = last[:i + 1]
            cut = {(p[i], p[i + 1]) for p in listed if len(p) > i + 1 and p[:i + 1] == root}
            spur = _one_shortest(root[-1], target, forward, backward, set(root[:-1]), cut,
                                 directed)
            if spur is not None:
                path = root[:-1] + spur
                if tuple(path) not in known:
                    known.add(tuple(path))
                    heapq.heappush(waiting, (len(path), len(known), path))
        if not waiting:
            return
        path = heapq.heappop(waiting)[2]
        listed.append(path)
        yield path


def _one_shortest(source, target, forward, backward, banned: set, cut: set,
                  directed: bool) -> list | None:
    """One shortest path from `source` to `target` through no actor of `banned` and along no
    link of `cut` (a pair (a, b): the step from a to b; both ways unless `directed`), by a
    breadth-first search from both ends, widening the smaller fringe; None if there is none."""
    if source == target:
        return [source]
    onward: dict = {}  # actor -> the actors a link of `cut` keeps it from stepping to
    inward: dict = {}  # actor -> the actors a link of `cut` keeps from stepping to it
    for a, b in cut:
        for one, other in ((a, b), (b, a)) if not directed else ((a, b),):
            onward.setdefault(one, set()).add(other)
            inward.setdefault(other, set()).add(one)
    none: frozenset = frozenset()
    before = {source: None}  # actor -> the one before it, from the source
    after = {target: None}  # actor -> the one after it, towards the target
    ahead, behind = [source], [target]
    while ahead and behind:
        if len(ahead) <= len(behind):
            level = []
            for u in ahead:
                kept = onward.get(u, none)
                for v in forward(u):
                    if v in before or v in banned or v in kept:
                        continue
                    before[v] = u
                    if v in after:
                        return _joined(before, after, v)
                    level.append(v)
            ahead = level
        else:
            level = []
            for u in behind:
                kept = inward.get(u, none)
                for v in backward(u):
                    if v in after or v in banned or v in kept:
                        continue
                    after[v] = u
                    if v in before:
                        return _joined(before, after, v)
                    level.append(v)
            behind = level
    return None


def _joined(before: dict, after: dict, middle) -> list:
    head, node = [], middle
    while node is not None:
        head.append(node)
        node = before[node]
    head.reverse()
    node = after[middle]
    while node is not None:
        head.append(node)
        node = after[node]
    return head


def steps_along(claims_of: Callable[[str], Iterable[tuple]], directed: bool
                ) -> tuple[Callable, Callable]:
    """The actors one claim away from an actor, going forward and going backward, where
    `claims_of(u)` gives `(source, target, directed)` for each claim u is in that counts:
    a claim links both ways, or with `directed` a directed relation's claim links its source
    to its target only. The one definition, for graphs (`steps`) and for the store."""
    def both(u):
        return {t if s == u else s for s, t, _d in claims_of(u)}

    if not directed:
        return both, both

    def forward(u):
        return {t if s == u else s for s, t, d in claims_of(u) if s == u or not d}

    def backward(u):
        return {s if t == u else t for s, t, d in claims_of(u) if t == u or not d}

    return forward, backward


def steps(G: nx.MultiDiGraph, directed: bool) -> tuple[Callable, Callable]:
    """`steps_along` the claims of the graph `G` (a filtered view counts its own claims)."""
    succ, pred = G.succ, G.pred

    def claims_of(u):
        for v, keyed in succ[u].items():
            for attrs in keyed.values():
                yield u, v, attrs["directed"]
        for v, keyed in pred[u].items():
            if v != u:
                for attrs in keyed.values():
                    yield v, u, attrs["directed"]

    return steps_along(claims_of, directed)


def _chains(parents: dict, node: str) -> list[list[str]]:
    """Every chain from the search's root to `node` through the recorded parents."""
    if not parents[node]:
        return [[node]]
    return [chain + [node] for parent in parents[node] for chain in _chains(parents, parent)]


def shortest_paths(G: nx.MultiDiGraph, source: str, target: str,
                   directed: bool = False) -> list[list[str]]:
    """Every shortest path from `source` to `target` (actor lists), by a breadth-first search
    from both ends that stops when they meet: on a large casebook it visits a small part of
    the graph, where `nx.all_shortest_paths` on the simple projection visits all of it.
    Claims link both ways, or with `directed` as `links` says."""
    return meet_halfway(source, target, *steps(G, directed))


@dataclass
class Rings:
    """The actors within some hops of one (`rings`): each with its `distance`; the ring left
    out for the limit (`cut`, its distance; None if none) and the actors of it found before
    the walk stopped, each with the actor it was reached from (`beyond`)."""

    distance: dict
    cut: int | None = None
    beyond: dict = field(default_factory=dict)


def rings(start, neighbours_of: Callable[[object], Iterable], depth: int,
          limit: int | None = None) -> Rings:
    """The actors within `depth` hops of `start`, found ring by ring (`neighbours_of(u)`:
    the actors one hop from u). With `limit`, a ring past the first that would bring the
    actors found past `limit` is left out whole, and the walk stops there. Which actors are
    left out does not depend on the order the neighbours come in."""
    distance, fringe = {start: 0}, [start]
    for d in range(1, depth + 1):
        ring = {}  # actor -> the actor it was reached from
        for u in fringe:
            for v in neighbours_of(u):
                if v not in distance and v not in ring:
                    ring[v] = u
                    if limit is not None and d > 1 and len(distance) - 1 + len(ring) > limit:
                        return Rings(distance, d, ring)
        distance.update(dict.fromkeys(ring, d))
        fringe = list(ring)
        if not fringe:
            break
    return Rings(distance)


def meet_halfway(source, target, forward, backward) -> list[list]:
    """Every shortest path from `source` to `target`, where `forward(u)` is the set of
    actors one step on from u and `backward(u)` the set one step back: a breadth-first
    search from both ends, widening the smaller fringe, until the two meet. The one path
    search of actorgraph: the store walks its tables with it too."""
    depth = ({source: 0}, {target: 0})
    parents = ({source: []}, {target: []})
    fringe = [[source], [target]]
    moves = (forward, backward)
    while fringe[0] and fringe[1]:
        side = 0 if len(fringe[0]) <= len(fringe[1]) else 1
        seen, mine = depth[side], parents[side]
        level: dict[str, None] = {}
        for u in fringe[side]:
            for v in moves[side](u):
                if v not in seen:
                    seen[v] = seen[u] + 1
                    mine[v] = [u]
                    level[v] = None
                elif v in level:
                    mine[v].append(u)
        fringe[side] = list(level)
        meet = [v for v in level if v in depth[1 - side]]
        if meet:
            best = min(depth[0][v] + depth[1][v] for v in meet)
            return [head + tail[::-1][1:]
                    for v in meet if depth[0][v] + depth[1][v] == best
                    for head in _chains(parents[0], v) for tail in _chains(parents[1], v)]
    return []


def path_subgraph(G: nx.MultiDiGraph, source: str, target: str, **options) -> nx.MultiDiGraph:
    """The actors on the paths `find_paths` returns, and only the claims along them."""
    result = find_paths(G, source, target, **options)
    claims = {(u, v, key) for path in result.paths for hop in path.hops
              for u, v, key, _attrs in hop}
    return G.edge_subgraph(claims)
