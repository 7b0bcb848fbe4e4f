"""Finding actors by what people type: ids, names and aliases, forgiving case, accents and
typography."""

from __future__ import annotations

import unicodedata

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
