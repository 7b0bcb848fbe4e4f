"""What a casebook holds twice: actors under one name or nearly one, claims repeated word for
word, and one document dating one tie twice. All warnings: the analyst decides (`merge`)."""

from __future__ import annotations

import re
from collections import Counter

from actorgraph.casebook.read import Contents, Rows, split_aliases
from actorgraph.errors import Problem
from actorgraph.schema import RELATIONS
from actorgraph.text import fold, name_key

WINDOW = 4  # names compared with their neighbours in sorted order, each way
TYPO_LENGTH = 6  # words this long or longer, one typo apart (`Hezbollah`, `Hezbolah`)
_DIGITS = re.compile(r"\d+")


def alike_actors(rows: Rows, problems: list[Problem]) -> None:
    """Warn about two actors of one type whose names or aliases fold to one (`Hezbollah`,
    `hezbollah`) or are one typo apart (`Hezbollah`, `Hezbolla`: in one word of
    TYPO_LENGTH letters or more, a letter added, dropped, changed or two swapped; `Riga` and
    `Riha`, `Brigade 17` and `Brigade 18` are told apart), with the `merge` command to run.
    Names are compared with their neighbours in sorted order (of the folded name, and of
    its reversal), so a large casebook is not compared pair by pair."""
    names: list[tuple[str, str, int, str]] = []  # (folded, actor id, line, as written)
    columns = rows.columns
    kind = dict(zip(columns["id"], columns["type"]))
    aliases_of: set[str] = set()  # an alias naming two actors is an error already
    for line, ident, name, aliases in zip(rows.lines, columns["id"], columns["name"],
                                          columns["aliases"]):
        for written in (name, *split_aliases(aliases)):
            key = name_key(written) if written else ""
            if len(key) >= 3:
                names.append((key, ident, line, written))
                if written != name:
                    aliases_of.add(key)
    if len(names) < 2:
        return
    from rapidfuzz.distance import OSA
    from rapidfuzz.fuzz import ratio

    distance = OSA.distance
    seen: set[tuple[str, str]] = set()
    for order in (sorted(names), sorted(names, key=lambda n: n[0][::-1])):
        for i, (key, ident, line, written) in enumerate(order):
            for other_key, other, other_line, other_written in order[i + 1:i + 1 + WINDOW]:
                same = key == other_key
                if other == ident or not same and distance(key, other_key,
                                                           score_cutoff=1) > 1:
                    continue  # one typo apart in a word is one apart in the whole name
                pair = (min(ident, other), max(ident, other))
                if pair in seen or kind[ident] != kind[other]:
                    continue  # a person and a river may share a name
                if same and key in aliases_of or not (
                        same or _one_typo(key, other_key, distance)):
                    continue
                seen.add(pair)
                first, second = sorted(((line, ident, written), (other_line, other,
                                                                  other_written)))
                how = ("have the same name" if same else
                       f"have names one letter apart ({ratio(key, other_key):.0f}% alike)")
                problems.append(Problem(rows.path, second[0], (
                    f"actors {first[1]!r} ({first[2]!r}, line {first[0]}) and {second[1]!r} "
                    f"({second[2]!r}) {how}; if they are one, run `actorgraph merge "
                    f"{first[1]} {second[1]}`"), "warning"))


def _one_typo(a: str, b: str, distance) -> bool:
    """Whether two folded names are one word apart, that word long enough to tell a typo
    (TYPO_LENGTH letters) and one edit away (`osa.distance`), their numbers equal."""
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    left, right = a.split(), b.split()
    if len(left) != len(right):
        return False
    differ = [(x, y) for x, y in zip(left, right) if x != y]
    return (len(differ) == 1 and min(map(len, differ[0])) >= TYPO_LENGTH
            and distance(*differ[0], score_cutoff=1) <= 1)


def document_tie(source: str, target: str, relation: str, doc: str) -> tuple[str, ...]:
    """One tie as one document gives it: its ends (in order when the relation is
    undirected), relation and document. Claims repeat one another, or date one tie twice,
    only within one document tie (the store finds a claim's by its `doc_tie`)."""
    ends = (source, target)
    if relation in RELATIONS and not RELATIONS[relation].directed:
        ends = tuple(sorted(ends))
    return (*ends, relation, doc)


def repeated_claims(contents: Contents, problems: list[Problem]) -> None:
    """Warn about a claim repeating another's ends, relation, document and quote, and about
    one document giving one tie two dates that cannot both hold. A claim's warnings depend
    only on the claims of its `document_tie` before it."""
    rows = contents.claims
    c = rows.columns
    ties = list(map(document_tie, c["source"], c["target"], c["relation"], c["source_doc"]))
    # Only a claim whose tie another claim shares can repeat or date it: most claims are
    # passed over before their quotes are folded (1.2 s -> 0.3 s at 500k claims).
    count = Counter(ties)
    if len(count) == len(ties):
        return
    first: dict[tuple, tuple[str, int]] = {}
    dated: dict[tuple, tuple[str, str, int]] = {}
    for i in (i for i, tie in enumerate(ties) if count[tie] > 1):
        tie, line, ident, doc = ties[i], rows.lines[i], c["id"][i], c["source_doc"][i]
        quote, date = c["source_text"][i], c["date"][i]
        key = (*tie, fold(quote).casefold())
        if key in first:
            other, other_line = first[key]
            problems.append(Problem(rows.path, line, f"claim {ident!r} repeats claim {other!r} "
                                    f"(line {other_line}): the same actors, relation, "
                                    "document and quote", "warning", see=other_line))
            continue
        first[key] = (ident, line)
        if not date:
            continue
        earlier = dated.setdefault(tie, (date, ident, line))
        if not (earlier[0].startswith(date) or date.startswith(earlier[0])):
            problems.append(Problem(rows.path, line, f"claim {ident!r} dates this tie {date!r} "
                                    f"in {doc!r}, where claim {earlier[1]!r} (line "
                                    f"{earlier[2]}) dates it {earlier[0]!r}; if both are "
                                    "right, say why in notes", "warning", see=earlier[2]))
