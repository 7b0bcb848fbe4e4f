"""Dates in a passage, as ISO 8601 (partial allowed: `2024`, `2022-06`, `2025-11-03`)."""

from __future__ import annotations

import re

from actorgraph.suggest.words import MONTH_ABBREVIATIONS, MONTHS

_MONTH_NUMBERS = {name: n for n, name in enumerate(MONTHS, 1)}
_MONTH_NUMBERS |= {abbr: _MONTH_NUMBERS[next(m for m in MONTHS if m.startswith(abbr[:3]))]
                   for abbr in MONTH_ABBREVIATIONS}
_MONTH = "|".join(sorted((m.capitalize() for m in _MONTH_NUMBERS), key=len, reverse=True))
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"

_PATTERNS = [
    re.compile(r"(?<![\d-])(?P<year>(?:1[89]|20)\d{2})-(?P<month>[01]\d)(?:-(?P<day>[0-3]\d))?"
               r"(?![\d-])"),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b"),
    re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(rf"\b(?P<month>{_MONTH})\.?,?\s+(?:of\s+)?{_YEAR}\b"),
    re.compile(rf"(?<![\d,.$£€])\b{_YEAR}\b(?!\s*(?:km|kg|m\b|%|,\d|\.\d))"),
]


def first_date(text: str) -> tuple[str, str] | None:
    """The first date the text gives, as (ISO 8601, the words it was read from); a day or
    month without a year gives none."""
    best = None
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso(match)
            if iso is None:
                continue
            if best is None or match.start() < best[2] or (
                    match.start() == best[2] and len(iso) > len(best[0])):
                best = (iso, match.group(), match.start())
            break
    return (best[0], best[1]) if best else None


def _iso(match: re.Match) -> str | None:
    parts = match.groupdict()
    year = parts["year"]
    month = parts.get("month")
    if month is None:
        return year
    number = int(month) if month.isdigit() else _MONTH_NUMBERS[month.lower().rstrip(".")]
    if not 1 <= number <= 12:
        return None
    day = parts.get("day")
    if day is None:
        return f"{year}-{number:02d}"
    if not 1 <= int(day) <= 31:
        return None
    return f"{year}-{number:02d}-{int(day):02d}"
