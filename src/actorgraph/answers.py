"""Answers to the questions analysts ask of a casebook, as plain records with stable fields.

Each function takes a casebook graph `G` (`Casebook.graph()`, or the part of it a question
needs) and returns lists of dicts (or one dict) that `present` writes as text, JSON or CSV.
Actors are ids here: turn what people type into ids with `names.resolve` first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from actorgraph.errors import BadValue
from actorgraph.graph.filters import check_min_sources, filter_claims
from actorgraph.graph.metrics import centrality
from actorgraph.graph.paths import PathResult, rings
from actorgraph.graph.select import check_depth, ranked
from actorgraph.graph.ties import Tie, claim_ties, pair_ties, ties
from actorgraph.schema import ACTOR_TYPES, AFFIRMS, CERTAINTIES, CERTAINTY_RANK, RELATIONS, check
from actorgraph.text import name_key, natural_key

CLAIM_FIELDS = ("id", "source", "source_name", "target", "target_name", "relation",
                "relation_label", "directed", "certainty", "stance", "claimed_by",
                "claimed_by_actor", "date", "document", "document_title", "publisher",
                "paragraph", "quote", "notes", "tie_documents", "tie_publishers",
                "tie_disputed")
PATH_FIELDS = ("path", "hops", "weakest", "step", "from", "to", "arrow", *CLAIM_FIELDS)
SHOW_FIELDS = ("actor", "arrow", "other", "other_name", *CLAIM_FIELDS)
NEIGHBOR_FIELDS = ("id", "name", "type", "distance", "via", "relations")
ACTOR_FIELDS = ("id", "name", "type", "degree", "ties", "betweenness")
SORTS = ("name", "degree", "betweenness")
TOP = 5


def name(G: nx.MultiDiGraph, actor: str) -> str:
    return G.nodes[actor].get("name") or actor


def claim_record(G: nx.MultiDiGraph, u: str, v: str, key: str, tie: Tie) -> dict:
    """One claim as a flat record (the CLAIM_FIELDS), with how its tie stands."""
    c = G.edges[u, v, key]
    doc = c.get("source_doc", "")
    source = G.graph.get("sources", {}).get(doc, {})
    return {
        "id": key, "source": u, "source_name": name(G, u), "target": v,
        "target_name": name(G, v), "relation": c["relation"],
        "relation_label": RELATIONS[c["relation"]].label, "directed": c["directed"],
        "certainty": c["certainty"], "stance": c.get("stance") or AFFIRMS,
        "claimed_by": c.get("claimed_by", ""),
        "claimed_by_actor": c.get("claimed_by_actor", ""), "date": c.get("date", ""),
        "document": doc, "document_title": source.get("title", ""),
        "publisher": source.get("publisher", ""), "paragraph": c.get("paragraph"),
        "quote": c.get("source_text", ""), "notes": c.get("notes", ""),
        "tie_documents": tie.documents, "tie_publishers": tie.publishers,
        "tie_disputed": tie.disputed,
    }


def tie_record(tie: Tie, claims: list[dict]) -> dict:
    """A tie (TIE_FIELDS), in words (`support`), with the claims of it an answer shows."""
    return {**tie.record(), "support": tie.support(), "claim_ids": [c["id"] for c in claims]}


def _by_tie(claims: list[dict], tie_of: dict[str, Tie]) -> list[dict]:
    """Claims grouped by tie, in the order their first claim comes."""
    groups: dict[int, tuple[Tie, list[dict]]] = {}
    for c in claims:
        tie = tie_of[c["id"]]
        groups.setdefault(id(tie), (tie, []))[1].append(c)
    return [tie_record(tie, listed) for tie, listed in groups.values()]


def arrow(claim: dict, earlier: str) -> str:
    """A claim's direction seen from `earlier`: → it is the source, ← the target, —
    undirected."""
    if not claim["directed"]:
        return "—"
    return "→" if claim["source"] == earlier else "←"


def path_records(G: nx.MultiDiGraph, result: PathResult) -> list[dict]:
    """The paths of `paths.find_paths`, each hop with its claims (and their arrows) and
    their ties."""
    records = []
    for rank, path in enumerate(result.paths, 1):
        steps = []
        for (a, b), hop in zip(zip(path.actors, path.actors[1:]), path.hops):
            tie_of = claim_ties(pair_ties(G, a, b))
            claims = [{"arrow": "", **claim_record(G, u, v, key, tie_of[key])}
                      for u, v, key, _ in hop]
            for c in claims:
                c["arrow"] = arrow(c, a)
            steps.append({"from": a, "from_name": name(G, a), "to": b,
                          "to_name": name(G, b), "claims": claims,
                          "ties": _by_tie(claims, tie_of)})
        records.append({"path": rank, "actors": path.actors,
                        "names": [name(G, a) for a in path.actors],
                        "hops": len(path.hops), "weakest": path.weakest,
                        "corroboration": path.corroboration, "steps": steps})
    return records


def path_rows(records: list[dict]) -> list[dict]:
    """Path records flattened to one row per claim (the PATH_FIELDS)."""
    return [{"path": p["path"], "hops": p["hops"], "weakest": p["weakest"], "step": i,
             "from": s["from"], "to": s["to"], **c}
            for p in records for i, s in enumerate(p["steps"], 1) for c in s["claims"]]


def actor_details(G: nx.MultiDiGraph, actor: str) -> dict:
    """Everything on one actor: its claims grouped by relation (strongest first) with
    their ties, and the claims it makes (as the claimant)."""
    attrs = G.nodes[actor]
    tie_of = claim_ties(ties(G))
    claims = [claim_record(G, u, v, k, tie_of[k])
              for u, v, k in G.in_edges(actor, keys=True)]
    claims += [claim_record(G, u, v, k, tie_of[k])
               for u, v, k in G.out_edges(actor, keys=True) if v != actor]
    order = list(RELATIONS)
    claims.sort(key=lambda c: (order.index(c["relation"]), CERTAINTY_RANK[c["certainty"]],
                               c["id"]))
    grouped: dict[str, list[dict]] = {}
    for c in claims:
        other = c["target"] if c["source"] == actor else c["source"]
        grouped.setdefault(c["relation"], []).append(
            {"actor": actor, "arrow": arrow(c, actor), "other": other,
             "other_name": name(G, other), **c})
    alleges = sorted((claim_record(G, u, v, k, tie_of[k])
                      for u, v, k, who in G.edges(keys=True, data="claimed_by_actor")
                      if who == actor), key=lambda c: natural_key(c["id"]))
    return {"id": actor, "name": name(G, actor), "type": attrs.get("type", ""),
            "aliases": list(attrs.get("aliases", [])),
            "description": attrs.get("description", ""), "claims": grouped,
            "ties": {relation: _by_tie(listed, tie_of) for relation, listed in grouped.items()},
            "alleges": alleges}


@dataclass
class Neighbourhood:
    """`neighbours`' rows, and the ring left out for `limit` (its distance; None if none)."""

    rows: list[dict]
    cut: int | None = None


def neighbours(G: nx.MultiDiGraph, actor: str, depth: int = 1, **filters) -> list[dict]:
    """The actors within `depth` hops of `actor` (direction ignored), nearest first, each
    with the actors one hop nearer that link it (`via`) and the relations of those claims.
    `filters` are those of `filters.filter_claims`."""
    return neighbourhood(G, actor, depth, **filters).rows


def neighbourhood(G: nx.MultiDiGraph, actor: str, depth: int = 1, limit: int | None = None,
                  **filters) -> Neighbourhood:
    """`neighbours`, with at most `limit` actors past the first ring: the first ring that
    would bring them past it is left out, and those beyond (`paths.rings`)."""
    depth = check_depth(G, depth, least=1)
    if limit is not None and limit < 0:
        raise BadValue("limit", limit, "must be 0 or more")
    if actor in filters.get("avoid", ()):
        raise BadValue("avoid", actor, "is the actor asked about")
    if actor not in G:
        raise nx.NodeNotFound(f"Source {actor} is not in G")
    view = filter_claims(G, **filters)
    H = view.to_undirected(as_view=True)  # visits only what lies within `depth`
    found = rings(actor, H.__getitem__, depth, limit)
    distance = found.distance
    rows = []
    for other, d in distance.items():
        if other == actor:
            continue
        via = sorted(n for n in H[other] if distance.get(n) == d - 1)
        relations = sorted({c["relation"] for n in via for x, y in ((other, n), (n, other))
                            for c in view.get_edge_data(x, y, default={}).values()})
        rows.append({"id": other, "name": name(G, other), "type": G.nodes[other].get("type"),
                     "distance": d, "via": via, "relations": relations})
    rows.sort(key=lambda r: (r["distance"], name_key(r["name"]), r["id"]))
    return Neighbourhood(rows, found.cut)


def actor_rows(G: nx.MultiDiGraph, types: Iterable[str] = (), sort: str = "name") -> list[dict]:
    """Actors with their degree (claims), ties (actors linked) and betweenness (see
    `metrics.centrality`)."""
    types = check("type", types, "types")
    scores = centrality(G)
    rows = [{"id": a, "name": name(G, a), "type": G.nodes[a].get("type", ""), **scores[a]}
            for a in G if not types or G.nodes[a].get("type") in types]
    by_name = (lambda r: (name_key(r["name"]), r["id"]))
    rows.sort(key=by_name)
    if sort != "name":
        rows.sort(key=lambda r: -r[sort])  # stable: ties stay in name order
    return rows


def claim_rows(G: nx.MultiDiGraph, actors: Iterable[str] = (), certainties: Iterable[str] = (),
               claimed_by: str | None = None, text: str | None = None,
               claimant: str | None = None, **filters) -> list[dict]:
    """Claims in natural id order (c2 before c10) that involve every one of `actors`, have
    one of `certainties`, are made by the actor `claimant` (`claimed_by_actor`) or else
    whose claimant contains `claimed_by`, and whose quote contains `text` (compared by
    `name_key`); `filters` as for `filters.filter_claims`."""
    actors, certainties = set(actors), tuple(certainties)
    check("certainty", certainties, "certainties")
    view = filter_claims(G, **filters)
    who = name_key(claimed_by) if claimed_by and not claimant else None
    word = name_key(text) if text else None
    chosen = []
    for u, v, key, c in view.edges(keys=True, data=True):
        if ((actors <= {u, v}) and (not certainties or c["certainty"] in certainties)
                and (claimant is None or c.get("claimed_by_actor") == claimant)
                and (who is None or who in name_key(c.get("claimed_by", "")))
                and (word is None or word in name_key(c.get("source_text", "")))):
            chosen.append((u, v, key))
    tie_of = claim_ties(ties(G))
    rows = [claim_record(G, u, v, key, tie_of[key]) for u, v, key in chosen]
    return sorted(rows, key=lambda r: natural_key(r["id"]))


def tie_rows(G: nx.MultiDiGraph, *, corroborated: bool = False, single_source: bool = False,
             disputed: bool = False, min_sources: int | None = None,
             actor: str | None = None) -> list[dict]:
    """The casebook's ties (`ties.TIE_FIELDS`), most affirming publishers first, then most
    claims, then by source, relation and target; only those that match every option:
    `corroborated` (two publishers or more affirm it), `single_source` (one document
    affirms it), `disputed` (affirmed and denied), `min_sources` (at least that many
    publishers affirm it), `actor` (one of its ends)."""
    check_min_sources(min_sources)
    rows = []
    for tie in ties(G).values():
        if ((not corroborated or tie.corroborated) and (not single_source or tie.single_source)
                and (not disputed or tie.disputed)
                and (min_sources is None or tie.publishers >= min_sources)
                and (actor is None or actor in (tie.source, tie.target))):
            rows.append(tie.record())
    rows.sort(key=lambda t: (-t["publishers"], -t["claims"], name_key(name(G, t["source"])),
                             t["relation"], name_key(name(G, t["target"]))))
    return rows


def _ranked(G, scores, measure: str) -> list[dict]:
    return [{"id": a, "name": name(G, a), measure: scores[a][measure]}
            for a in ranked(G, scores, measure, TOP)]


def stats(G: nx.MultiDiGraph) -> dict:
    """Counts, components, brokers and how much rests on a single source or on suspicion,
    counted by tie (one relation between two actors, `ties.py`)."""
    pairs = set()  # linked actor pairs, either way
    for u, out in G.succ.items():  # one pass over the adjacency: no edge view per claim
        for v in out:
            pairs.add((u, v) if u <= v else (v, u))
    claims = [c for _u, _v, c in G.edges(data=True)]
    all_ties = list(ties(G).values())
    single = [t for t in all_ties if t.single_source]
    weak = CERTAINTY_RANK["suspected"]
    suspicion = [t for t in all_ties
                 if t.affirming and CERTAINTY_RANK[t.strongest_certainty] >= weak]
    types = Counter(t for _, t in G.nodes(data="type"))
    relations = Counter(c["relation"] for c in claims)
    certainties = Counter(c["certainty"] for c in claims)
    components = sorted((len(c) for c in nx.weakly_connected_components(G)), reverse=True)
    scores = centrality(G)
    return {
        "actors": G.number_of_nodes(), "claims": len(claims),
        "documents": len({c["source_doc"] for c in claims}),
        "actor_types": {t: types[t] for t in ACTOR_TYPES if types[t]},
        "relations": {r: relations[r] for r in RELATIONS if relations[r]},
        "certainties": {c: certainties[c] for c in CERTAINTIES},
        "components": len(components), "component_sizes": components,
        "top_degree": _ranked(G, scores, "degree"),
        "top_betweenness": _ranked(G, scores, "betweenness"),
        "ties": len(all_ties),
        "corroborated": {"ties": sum(t.corroborated for t in all_ties),
                         "claims": sum(t.claims for t in all_ties if t.corroborated)},
        "single_source": {"ties": len(single), "claims": sum(t.claims for t in single)},
        "disputed": {"ties": sum(t.disputed for t in all_ties),
                     "claims": sum(t.claims for t in all_ties if t.disputed)},
        "suspicion_only": {"ties": len(suspicion), "claims": sum(t.claims for t in suspicion)},
        "pairs": len(pairs),
    }


def stats_rows(summary: dict) -> list[dict]:
    """The stats flattened to (section, key, value) rows for CSV."""
    rows = [{"section": "total", "key": k, "value": summary[k]}
            for k in ("actors", "claims", "documents", "pairs", "ties", "components")]
    for section in ("actor_types", "relations", "certainties"):
        rows += [{"section": section, "key": k, "value": v} for k, v in summary[section].items()]
    for section, measure in (("top_degree", "degree"), ("top_betweenness", "betweenness")):
        rows += [{"section": section, "key": r["id"], "value": r[measure]}
                 for r in summary[section]]
    for section in ("corroborated", "single_source", "disputed", "suspicion_only"):
        rows += [{"section": section, "key": k, "value": v} for k, v in summary[section].items()]
    return rows
