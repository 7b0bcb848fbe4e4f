"""Choosing part of the casebook: claims that pass filters, the actors around one actor, the
paths between two, the most central actors.

Every function takes the casebook graph `G` (a MultiDiGraph, one edge per claim) and returns a
subgraph of it, or paths through it; none of them changes `G`. Path semantics (shared with
the HTML page's path finder): claims link their actors both ways unless `directed`; a hop's
strength is its strongest claim, a path's strength its weakest hop; paths rank by hops, then
strength, then actor ids.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice, takewhile

import networkx as nx

from actorgraph.errors import InputError, NoPath
from actorgraph.lookup import name_key
from actorgraph.parallel import in_child
from actorgraph.schema import CERTAINTIES, CERTAINTY_RANK, RELATIONS

MAX_SHORTEST = 10  # shortest paths listed by default
EXACT_BETWEENNESS = 5_000  # actors; above this, betweenness is estimated from a sample
SAMPLE_SOURCES = 200


def check_relations(names: Iterable[str], option: str = "--relation") -> tuple[str, ...]:
    """The names, if each is a relation type; InputError naming the first that is not."""
    for name in names:
        if name not in RELATIONS:
            raise InputError(f"{option} {name!r} is not a relation type "
                             f"(valid: {', '.join(RELATIONS)})")
    return tuple(names)


def check_certainty(level: str | None, option: str = "--min-certainty") -> str | None:
    if level is not None and level not in CERTAINTIES:
        raise InputError(f"{option} {level!r} is not a certainty level "
                         f"(valid, strongest first: {', '.join(CERTAINTIES)})")
    return level


def filter_claims(G: nx.MultiDiGraph, relations: Iterable[str] = (),
                  exclude_relations: Iterable[str] = (), min_certainty: str | None = None,
                  avoid: Iterable[str] = ()) -> nx.MultiDiGraph:
    """A read-only view of `G` without the avoided actors and the claims the filters drop.

    `relations` keeps only claims of those types; `exclude_relations` drops those types;
    `min_certainty` keeps claims at least that firm (`alleged` keeps confirmed, asserted and
    alleged). Actors left without claims stay in the view.
    """
    keep = set(check_relations(relations))
    drop = set(check_relations(exclude_relations, "--exclude-relation"))
    floor = CERTAINTY_RANK[check_certainty(min_certainty)] if min_certainty else None
    gone = set(avoid)
    for actor in gone:
        if actor not in G:
            raise InputError(f"--avoid {actor!r} is not an actor")

    def claim_passes(u, v, key) -> bool:
        claim = G.edges[u, v, key]
        return ((not keep or claim["relation"] in keep)
                and claim["relation"] not in drop
                and (floor is None or CERTAINTY_RANK[claim["certainty"]] <= floor))

    if not (keep or drop or floor is not None or gone):
        return G
    return nx.subgraph_view(G, filter_node=lambda n: n not in gone, filter_edge=claim_passes)


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
    """A path: its actors in order and, per hop, the claims that support it."""

    actors: list[str]
    hops: list[list[tuple]] = field(default_factory=list)

    @property
    def weakest(self) -> str:
        """The path's strength: the certainty of its weakest hop's strongest claim."""
        ranks = [CERTAINTY_RANK[hop[0][3]["certainty"]] for hop in self.hops]
        return list(CERTAINTIES)[max(ranks)]

    def rank_key(self) -> tuple:
        return (len(self.actors) - 1, CERTAINTY_RANK[self.weakest], tuple(self.actors))


@dataclass
class PathResult:
    """The ranked paths found, and how many more there were (default mode only)."""

    paths: list[Path]
    more: int = 0


def _describe(options: dict) -> list[str]:
    shown = []
    for name, value in options.items():
        flag = "--" + name.replace("_", "-")
        if value is True:
            shown.append(flag)
        elif isinstance(value, (tuple, list, set, frozenset)):
            shown += [f"{flag} {v}" for v in value]
        elif value not in (None, False):
            shown.append(f"{flag} {value}")
    return shown


def _label(G, actor: str) -> str:
    return G.nodes[actor].get("name") or actor


def find_paths(G: nx.MultiDiGraph, source: str, target: str, *, directed: bool = False,
               k: int | None = None, max_hops: int | None = None,
               relations: Iterable[str] = (), exclude_relations: Iterable[str] = (),
               min_certainty: str | None = None, avoid: Iterable[str] = ()) -> PathResult:
    """The best paths from `source` to `target`, each hop with its claims.

    Default: every shortest path, ranked, at most MAX_SHORTEST (`.more` counts the rest).
    `k`: the k best simple paths of any length up to `max_hops`. The filters are those of
    `filter_claims`. Raises NoPath if none exists under these options.
    """
    avoid = tuple(avoid)
    for actor in (source, target):
        if actor not in G:
            raise InputError(f"{actor!r} is not an actor")
    if source == target:
        raise InputError(f"a path needs two different actors; both ends are {source!r}")
    if k is not None and k < 1:
        raise InputError(f"-k must be 1 or more, not {k}")
    if max_hops is not None and max_hops < 1:
        raise InputError(f"--max-hops must be 1 or more, not {max_hops}")
    for end in (source, target):
        if end in avoid:
            raise InputError(f"--avoid {end!r} is an end of the path")
    relations, exclude_relations = tuple(relations), tuple(exclude_relations)
    view = filter_claims(G, relations, exclude_relations, min_certainty, avoid)
    candidates = _candidates(view, source, target, directed, k, max_hops)
    paths = sorted((Path(p, [hop_claims(view, a, b, directed) for a, b in zip(p, p[1:])])
                    for p in candidates), key=Path.rank_key)
    if not paths:
        options = _describe(dict(directed=directed, max_hops=max_hops, relation=relations,
                                 exclude_relation=exclude_relations,
                                 min_certainty=min_certainty, avoid=avoid))
        why = (f" under these options: {', '.join(options)}" if options
               else ": no chain of claims connects them")
        raise NoPath(f"No path between {_label(G, source)!r} and {_label(G, target)!r}{why}")
    limit = k or MAX_SHORTEST
    return PathResult(paths[:limit], 0 if k else max(0, len(paths) - limit))


def _candidates(G: nx.MultiDiGraph, source: str, target: str, directed: bool, k: int | None,
                max_hops: int | None) -> list[list[str]]:
    """Paths to rank: all shortest ones, or (with k) every simple path no longer than the
    k-th shortest, so that ties at that length are ranked, not cut arbitrarily."""
    within = (lambda p: max_hops is None or len(p) - 1 <= max_hops)
    if not k:
        return [p for p in shortest_paths(G, source, target, directed) if within(p)]
    found: list[list[str]] = []
    try:
        paths = nx.shortest_simple_paths(links(G, directed), source, target)
        for p in takewhile(within, paths):
            if len(found) >= k and len(p) > len(found[k - 1]):
                break
            found.append(p)
    except nx.NetworkXNoPath:
        pass
    return found


def _steps(G: nx.MultiDiGraph, directed: bool):
    """The actors one claim away from an actor, going forward and going backward."""
    succ, pred = G.succ, G.pred
    if not directed:
        def both(u):
            return set(succ[u]).union(pred[u])
        return both, both

    def undirected(claims) -> bool:
        return any(not attrs["directed"] for attrs in claims.values())

    def forward(u):
        return set(succ[u]).union(v for v, claims in pred[u].items() if undirected(claims))

    def backward(u):
        return set(pred[u]).union(v for v, claims in succ[u].items() if undirected(claims))

    return forward, backward


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
    return meet_halfway(source, target, *_steps(G, directed))


def meet_halfway(source, target, forward, backward) -> list[list]:
    """Every shortest path from `source` to `target`, where `forward(u)` is the set of
    actors one step on from u and `backward(u)` the set one step back: a breadth-first
    search from both ends, widening the smaller fringe, until the two meet."""
    depth = ({source: 0}, {target: 0})
    parents = ({source: []}, {target: []})
    fringe = [[source], [target]]
    steps = (forward, backward)
    while fringe[0] and fringe[1]:
        side = 0 if len(fringe[0]) <= len(fringe[1]) else 1
        seen, mine = depth[side], parents[side]
        level: dict[str, None] = {}
        for u in fringe[side]:
            for v in steps[side](u):
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


def around(G: nx.MultiDiGraph, actor: str, depth: int = 1) -> nx.MultiDiGraph:
    """The actors within `depth` hops of `actor` (either direction) and every claim among
    them."""
    if actor not in G:
        raise InputError(f"{actor!r} is not an actor")
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")
    distances = nx.single_source_shortest_path_length(G.to_undirected(as_view=True), actor,
                                                      cutoff=depth)
    return G.subgraph(distances)


def betweenness(H: nx.Graph, seed: int = 0) -> dict[str, float]:
    """Normalised betweenness of the undirected simple graph `H` (networkx's definition),
    computed by python-igraph: exact up to EXACT_BETWEENNESS actors; above that, estimated
    from SAMPLE_SOURCES sources drawn with `seed` and scaled up, as networkx's `k=` does."""
    nodes = list(H)
    index = {node: i for i, node in enumerate(nodes)}
    return dict(zip(nodes, _betweenness(len(nodes), [(index[u], index[v])
                                                     for u, v in H.edges()], seed)))


def _betweenness(n: int, links: list[tuple[int, int]], seed: int = 0) -> list[float]:
    """`betweenness` of the actors 0..n-1 of the undirected graph of `links`. An estimate's
    sources are split between this process and a forked one (`parallel.in_child`): a
    source's share adds up, and at 100k actors the 200 sources take igraph 8 s."""
    import igraph

    if n < 3:
        return [0.0] * n
    g = igraph.Graph(n=n, edges=links)
    scale = 2 / ((n - 1) * (n - 2))
    if n <= EXACT_BETWEENNESS:
        raw = g.betweenness(directed=False)
    else:
        sources = random.Random(seed).sample(range(n), SAMPLE_SOURCES)
        half = len(sources) // 2
        theirs = in_child(lambda: g.betweenness(directed=False, sources=sources[:half]))
        ours = g.betweenness(directed=False, sources=sources[half:])
        raw = [a + b for a, b in zip(theirs(), ours)]
        scale *= n / SAMPLE_SOURCES
    return [value * scale for value in raw]


def centrality(G: nx.MultiDiGraph) -> dict[str, dict[str, float]]:
    """Per actor: `degree` (claims it is in, as networkx counts a multigraph's degree),
    `ties` (actors it is linked to) and `betweenness` (normalised, on the undirected simple
    projection; estimated above EXACT_BETWEENNESS actors, see `betweenness`)."""
    nodes = list(G)
    index = {node: i for i, node in enumerate(nodes)}
    degree, ties = [0] * len(nodes), [0] * len(nodes)
    pairs = set()  # the undirected simple projection, as `links(G)`, by position
    for u, out in G.succ.items():  # each pair's claims at once: no edge view per claim
        u = index[u]
        for v, claims in out.items():
            v = index[v]
            degree[u] += len(claims)
            degree[v] += len(claims)
            pairs.add((u, v) if u <= v else (v, u))
    for u, v in pairs:
        ties[u] += 1
        ties[v] += 1  # a claim tying an actor to itself counts twice, as in networkx
    between = _betweenness(len(nodes), list(pairs))
    return {node: {"degree": d, "ties": t, "betweenness": b}
            for node, d, t, b in zip(nodes, degree, ties, between)}


def top(G: nx.MultiDiGraph, n: int) -> nx.MultiDiGraph:
    """The `n` actors in the most claims (`ranked` by degree), with the claims among them."""
    if n < 1:
        raise InputError(f"--top must be 1 or more, not {n}")
    return G.subgraph(islice(by_degree(G), n))


def by_degree(G: nx.MultiDiGraph) -> list[str]:
    """Actor ids by claims, most first: `ranked(G, centrality(G), "degree")` without
    computing the other measures."""
    return ranked(G, {a: {"degree": d} for a, d in G.degree()}, "degree")


def fitting(G: nx.MultiDiGraph, max_actors: int, max_claims: int) -> nx.MultiDiGraph:
    """`G` if it has at most `max_actors` actors and `max_claims` claims; else the actors in
    the most claims (`by_degree`), as many as fit with the claims among them."""
    if len(G) <= max_actors and G.number_of_edges() <= max_claims:
        return G
    chosen: set[str] = set()
    claims = 0
    for actor in by_degree(G):
        more = (sum(1 for _u, v in G.out_edges(actor) if v in chosen)
                + sum(1 for u, _v in G.in_edges(actor) if u in chosen))
        if len(chosen) == max_actors or claims + more > max_claims:
            break
        chosen.add(actor)
        claims += more
    return G.subgraph(chosen)


def ranked(G: nx.MultiDiGraph, scores: dict, measure: str, first: int | None = None
           ) -> list[str]:
    """Actor ids by `measure` of `centrality`, highest first; ties in name order, then id.
    Only the `first` ones if given: only actors scoring at least the first's lowest score
    are then put in order (their names are the costly part of the key)."""
    actors = list(G)
    if first is not None and len(actors) > first > 0:
        floor = heapq.nlargest(first, (scores[a][measure] for a in actors))[-1]
        actors = [a for a in actors if scores[a][measure] >= floor]
    ordered = sorted(actors, key=lambda a: (-scores[a][measure],
                                            name_key(G.nodes[a].get("name") or a), a))
    return ordered if first is None else ordered[:max(first, 0)]


def selection(G: nx.MultiDiGraph, *, around_actor: str | None = None, depth: int = 1,
              path: tuple[str, str] | None = None, top_n: int | None = None,
              **filters) -> nx.MultiDiGraph:
    """The part of `G` the export and build commands were asked for: the filters of
    `filter_claims` first, then the actors around one actor, then the shortest paths between
    two, then the `top_n` actors by degree. A copy, `G` itself when nothing is asked."""
    if around_actor is not None and around_actor in filters.get("avoid", ()):
        raise InputError(f"--avoid {around_actor!r} is the --around actor")
    chosen = filter_claims(G, **filters)
    if around_actor is not None:
        chosen = around(chosen, around_actor, depth)
    if path is not None:
        chosen = path_subgraph(chosen, *path)
    if top_n is not None:
        chosen = top(chosen, top_n)
    return G if chosen is G else chosen.copy()
