"""The suggestions as an analyst receives them: JSON, and the CSV review file.

The review file has edges.csv's columns (`id` blank, to be given on acceptance), then
`stance`, `score`, `why`, the name and type of each end that is a proposed actor
(`source_name`, `source_type`, `target_name`, `target_type`: blank for an actor the
casebook has), the `document` read when it is not a source of the casebook yet (then
`source_doc` is blank: `actorgraph accept` registers it) and an empty `accept` column to
fill in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.schema import EDGES

ACTOR_FIELDS = ("id", "name", "type", "mentions", "new")
CLAIM_FIELDS = ("source", "target", "relation", "source_text", "claimed_by", "certainty",
                "stance", "date", "score", "why")
_EXTRA = ("stance", "score", "why", "source_name", "source_type", "target_name",
          "target_type", "document", "accept")
REVIEW_FIELDS = EDGES.column_names + tuple(f for f in _EXTRA if f not in EDGES.column_names)


@dataclass
class SuggestedActor:
    id: str
    name: str
    type: str
    mentions: int
    new: bool
    passage: str = ""  # the passage of its first mention
    why: str = ""  # how a proposed actor was found and typed
    score: float = 1.0


@dataclass
class SuggestedClaim:
    source: str
    target: str
    relation: str
    source_text: str
    claimed_by: str
    certainty: str
    stance: str
    date: str
    score: float
    why: str


@dataclass
class Suggestions:
    """Candidate actors and claims for one document, best first."""

    doc_id: str | None
    actors: list[SuggestedActor] = field(default_factory=list)
    claims: list[SuggestedClaim] = field(default_factory=list)

    def actor(self, ident: str) -> SuggestedActor:
        return next(a for a in self.actors if a.id == ident)

    def as_json(self) -> dict:
        return {"actors": [{f: getattr(a, f) for f in ACTOR_FIELDS} for a in self.actors],
                "claims": [{f: getattr(c, f) for f in CLAIM_FIELDS} for c in self.claims]}

    def review_rows(self, document: str = "") -> list[dict]:
        """One row of the review file per claim (`REVIEW_FIELDS`); `document` is the path of
        the document read, said when it is not a source of the casebook yet."""
        actors = {a.id: a for a in self.actors}
        rows = []
        for claim in self.claims:
            row = dict.fromkeys(REVIEW_FIELDS, "")
            row.update({f: getattr(claim, f) for f in CLAIM_FIELDS})
            row["source_doc"] = self.doc_id or ""
            row["document"] = "" if self.doc_id else document
            for end in ("source", "target"):
                actor = actors[getattr(claim, end)]
                if actor.new:
                    row[f"{end}_name"] = actor.name
                    row[f"{end}_type"] = actor.type
            rows.append(row)
        return rows
