"""What the `fixtures/export/` casebook holds, written by hand from its CSV files.

Shared by the export tests: every exported format must give these back.
"""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "export"

ACTORS = {
    "tehran": {"name": "Tehran", "type": "state", "aliases": ["Islamic Republic", "Irán"],
               "description": "The Iranian state, named by its capital."},
    "caracas": {"name": "Caracas", "type": "state", "aliases": ["Venezuela"],
                "description": ""},
    "quds": {"name": "Quds Force", "type": "military_unit", "aliases": ["Fuerza Quds"],
             "description": "An arm of the IRGC."},
    "maduro": {"name": "Nicolás Maduro", "type": "person", "aliases": [], "description": ""},
    "soles": {"name": "Cártel de los Soles", "type": "criminal_network", "aliases": [],
              "description": 'Alleged network; "cartel" is the press\'s word.'},
    "aruba": {"name": "Aruba", "type": "territory", "aliases": [], "description": ""},
}

E1_QUOTE = "Tehran shipped drones,\nrifles and ammunition to Caracas"

# claim id -> (source, target, relation, quote, document, claimed_by, certainty, date, notes,
#              directed, paragraph)
_CLAIMS = {
    "e1": ("tehran", "caracas", "supplies_arms_to", E1_QUOTE, "dossier", "U.S. officials",
           "alleged", "2022-06", "drones, rifles, ammunition", True, 2),
    "e2": ("tehran", "caracas", "supplies_arms_to", "Tehran has sent arms to Caracas again",
           "dossier", "the author", "asserted", "", "", True, 4),
    "e3": ("tehran", "caracas", "allied_with",
           "Tehran and Caracas signed a twenty-year strategic partnership", "dossier",
           "the author", "confirmed", "", "", False, 5),
    "e4": ("caracas", "tehran", "requests_from", "Caracas may have asked Tehran for more help",
           "dossier", "the author", "suspected", "", "", True, 6),
    "e5": ("quds", "tehran", "part_of",
           "The Quds Force, an arm of the Revolutionary Guard, answers to Tehran", "dossier",
           "the author", "implied", "", "=1+1", True, 7),
    "e6": ("maduro", "caracas", "leads", "Nicolás Maduro leads the government in Caracas",
           "dossier", "the author", "confirmed", "", "", True, 8),
    "e7": ("soles", "aruba", "operates_in",
           "The Cártel de los Soles is said to operate through Aruba", "brief",
           "unnamed sources", "alleged", "2023", "", True, 2),
}

DOCUMENTS = {"dossier": "sources/dossier.txt", "brief": "sources/brief.txt"}

SOURCES = {
    "dossier": {"id": "dossier", "title": "Dossier: Tehran, Caracas",
                "path": "sources/dossier.txt", "url": "https://example.org/dossier",
                "published": "2024-05", "publisher": "Ejemplo Noticias", "reliability": ""},
    "brief": {"id": "brief", "title": "Brief", "path": "sources/brief.txt", "url": "",
              "published": "", "publisher": "", "reliability": ""},
}

RELATION_LABELS = {"supplies_arms_to": "supplies arms to", "allied_with": "is allied with",
                   "requests_from": "requests from", "part_of": "is part of",
                   "leads": "leads", "operates_in": "operates in"}

# Claims touching each actor; betweenness on quds - tehran - caracas - maduro, soles - aruba
# (6 actors: normalised by (6-1)(6-2)/2 = 10 pairs); components by size, largest first.
# Distinct actors each is linked to.
TIES = {"tehran": 2, "caracas": 2, "quds": 1, "maduro": 1, "soles": 1, "aruba": 1}
DEGREE = {"tehran": 5, "caracas": 5, "quds": 1, "maduro": 1, "soles": 1, "aruba": 1}
BETWEENNESS = {"tehran": 0.2, "caracas": 0.2, "quds": 0.0, "maduro": 0.0, "soles": 0.0,
               "aruba": 0.0}
COMPONENT = {"tehran": 1, "caracas": 1, "quds": 1, "maduro": 1, "soles": 2, "aruba": 2}


def claims() -> dict[str, tuple[str, str, dict]]:
    """claim id -> (source, target, the graph's edge attributes)."""
    result = {}
    for cid, (u, v, rel, quote, doc, by, cert, date, notes, directed, para) in _CLAIMS.items():
        text = (FIXTURE / DOCUMENTS[doc]).read_text(encoding="utf-8")
        start = text.index(quote)
        result[cid] = (u, v, {
            "id": cid, "relation": rel, "source_text": quote, "source_doc": doc,
            "claimed_by": by, "certainty": cert, "date": date, "notes": notes,
            "stance": "affirms",  # blank in the fixture: affirms
            "directed": directed, "claimed_by_actor": "",  # no claimant names an actor
            "paragraph": para, "start": start, "end": start + len(quote),
        })
    return result


def flat_actor(actor_id: str) -> dict:
    """An actor as GraphML and GEXF carry it: no empty values, aliases joined, a label."""
    actor = ACTORS[actor_id]
    flat = {k: v for k, v in actor.items() if v and k != "aliases"}
    if actor["aliases"]:
        flat["aliases"] = "|".join(actor["aliases"])
    return flat | {"label": actor["name"]}


def flat_claim(attrs: dict) -> dict:
    """A claim as GraphML and GEXF carry it."""
    renamed = {"id": "claim_id", "start": "quote_start", "end": "quote_end"}
    flat = {renamed.get(k, k): v for k, v in attrs.items() if v != ""}
    return flat | {"label": RELATION_LABELS[attrs["relation"]]}
