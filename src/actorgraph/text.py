"""Rules for text, defined once: how quotes and names are folded for comparison, how a value
is shown on a terminal, how an id becomes a file name, which names look alike.

The explorer page folds names with the same tables (`page.render` hands them over, and the
page's tests run on cases made here), so a name found on the command line is found on the page.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Typography folded to ASCII before quotes and names are compared.
FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
        **dict.fromkeys("\t\n\r\v\f\xa0\u2007\u2009\u200a\u202f\u2028\u2029", " "),
    }
)
# str.translate looks every character up in FOLD; replacing only the few characters
# present is several times faster on long documents (profiled: translate was the top cost).
_FOLD_PAIRS = tuple((chr(k), v) for k, v in FOLD.items())
_ASCII_PAIRS = tuple((c, v) for c, v in _FOLD_PAIRS if c.isascii())
_RUNS = re.compile(" {2,}")


def translate(text: str) -> str:
    """`text.translate(FOLD)`, faster."""
    for char, folded in _ASCII_PAIRS if text.isascii() else _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return text


def squeeze(text: str) -> str:
    """Runs of spaces made one space."""
    return _RUNS.sub(" ", text) if "  " in text else text


def fold(text: str) -> str:
    """The form quotes are compared in: typography folded, whitespace runs made one space."""
    return squeeze(translate(text)).strip()


# Remembered: a load folds each actor's names four times (the checks, look-alike names,
# claimants, the store's names table), 2 us each, 0.5 s a time at 500k claims.
@lru_cache(maxsize=1 << 19)
def name_key(text: str) -> str:
    """The form names are matched in: `fold`, then no accents, no case, a hyphen read as a
    space and full stops dropped ("U.S." is "us", "Al—Quds" is "al quds")."""
    folded = fold(text)
    if folded.isascii():  # nothing to decompose, no accents to drop
        bare = folded
    else:
        decomposed = unicodedata.normalize("NFKD", folded)
        bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.casefold().replace("-", " ").replace(".", "").strip()


def closest(value: str, choices: list[str], limit: int = 3, cutoff: float = 60) -> list[str]:
    """The choices most like `value`, best first (for "did you mean" hints)."""
    from rapidfuzz import fuzz, process, utils

    hits = process.extract(value, choices, scorer=fuzz.WRatio, limit=limit,
                           processor=utils.default_process, score_cutoff=cutoff)
    return [choice for choice, _score, _index in hits]


def natural_key(value: str) -> list:
    """Ids in the order people count them: `c2` before `c10`."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", str(value))]


# --- Showing values on a terminal ---------------------------------------------------------

# Control characters (C0, DEL, C1) and the invisible format characters that reorder or hide
# text (bidirectional overrides, zero-width characters): a terminal would act on them.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep: str = "") -> str:
    """`text` with every control or invisible format character shown as an escape
    (`\\x1b`, `\\u202e`), except those in `keep` (say, newlines of a message)."""
    if text.isprintable() and text.isascii():
        return text
    return _UNSAFE.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)


def has_control(text: str) -> bool:
    """Whether `text` holds a control or invisible format character (`visible` escapes it)."""
    return bool(_UNSAFE.search(text))


# --- Ids as file names ---------------------------------------------------------------------

SLUG_MAX = 60
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(value: str, taken: set[str] | frozenset[str] = frozenset(), limit: int = SLUG_MAX
         ) -> str:
    """A safe file-name stem (or id) made from `value`: ASCII letters, digits and single
    hyphens, never empty, never starting with a dot, at most `limit` characters, and not in
    `taken` (a number is added: `report-2`)."""
    base = _NOT_SLUG.sub("-", name_key(value)).strip("-")[:limit].strip("-") or "item"
    found, n = base, 1
    while found in taken:
        n += 1
        tail = f"-{n}"
        found = base[: limit - len(tail)].rstrip("-") + tail
    return found


# --- Names that look alike -----------------------------------------------------------------

# Letters of other scripts drawn like Latin ones (the common homoglyphs of Unicode's
# confusables list for Cyrillic and Greek).
_LOOKALIKE = str.maketrans({
    **dict(zip("АВЕКМНОРСТХаеорсухіјѕԁһӏԛԝ", "ABEKMHOPCTXaeopcyxijsdhlqw")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ", "ABEZHIKMNOPTYXaiknoptux")),
})
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def skeleton(name: str) -> str:
    """`name_key` of the name with invisible characters dropped and look-alike letters of
    other scripts read as Latin: two names with one skeleton look the same on screen."""
    return name_key(_INVISIBLE.sub("", name).translate(_LOOKALIKE))


def deceptive(name: str) -> str | None:
    """Why a name may not be what it looks like (invisible characters, letters of several
    scripts mixed in a word), or None."""
    if _INVISIBLE.search(name):
        return "holds an invisible character (zero-width or a direction mark)"
    for word in name.split():
        if word.translate(_LOOKALIKE) != word and any(c.isascii() and c.isalpha()
                                                      for c in word):
            return f"mixes Latin letters with look-alike letters of another script in {word!r}"
    return None
