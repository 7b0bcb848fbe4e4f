"""Candidate claims of a document: every pair of actors in a passage (`pairs`), of a
heading and a sentence under it (`headings`), and those a name holds (`owners`), one per
pair, relation and quote.
"""

from __future__ import annotations

from actorgraph.suggest import cues, dates
from actorgraph.suggest.actors import Registry
from actorgraph.suggest.attribution import claimant
from actorgraph.suggest.evidence import Claim, Said
from actorgraph.suggest.headings import across
from actorgraph.suggest.mentions import Mention, covering
from actorgraph.suggest.owners import held_claims
from actorgraph.suggest.pairs import within
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.relations import APPOSITIVE


def propose(reading: Reading, mentions: list[Mention], registry: Registry) -> list[Claim]:
    """Every candidate claim of the document."""
    covered = covering(reading, mentions)
    by_passage: dict[int, list[Mention]] = {}
    for m in mentions:
        by_passage.setdefault(m.passage, []).append(m)
    read: dict[int, Said] = {}
    for k, passage in enumerate(reading.passages):
        first, after = reading.bounds[k]
        skip = (lambda t: covered[t] is not None)
        titled = passage.heading
        read[k] = Said(
            k, sorted(by_passage.get(k, []), key=lambda m: m.i),
            cues.relations().hits(reading.tokens, first, after, skip=skip, titled=True,
                                  keep=None if titled else APPOSITIVE),
            cues.certainties().hits(reading.tokens, first, after, skip=skip, titled=titled),
            claimant(reading, k, covered), dates.first_date(passage.text))
    found: list[Claim] = []
    for k, here in read.items():
        found += within(reading, registry, here)
        section = reading.passages[k].section
        if section >= 0 and section != k:
            found += across(reading, registry, read[section], here)
    found += held_claims(reading, registry, mentions)
    return _best(found)


def _best(claims: list[Claim]) -> list[Claim]:
    """One claim per pair, relation and quote: the best scored."""
    kept: dict[tuple, Claim] = {}
    for claim in claims:
        key = (frozenset((claim.source, claim.target)), claim.relation, claim.source_text)
        if key not in kept or claim.score > kept[key].score:
            kept[key] = claim
    return list(kept.values())
