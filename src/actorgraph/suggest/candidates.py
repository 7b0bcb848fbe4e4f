"""New actors: names in the document that the casebook lacks.

Two rules a linguist would recognise, applied to sentences (a heading's capitals say
nothing):

- a proper name is a run of capitalised words, with the lower-case joints of names ("Cartel
  de los Soles") and initials ("Gerald R. Ford"); a run starting a sentence loses its
  function words ("The"), a single word starting a sentence counts only if the document
  also capitalises it elsewhere, a title splits a run ("Transport Minister Jane Roe": the
  name after it is a person), calendar words, heading words and the names of events ("the
  Cold War") are not actors, nor are common all-capital abbreviations ("GPS");
- a group is a plural collective noun with its modifiers ("dormant cells", "Iranian defense
  officials", "some allies"); a group named after a place belongs to it ("Venezuelan
  officials"), and one coordinated with it shares the place ("Venezuelan military and
  officials"). A name before a collective noun is the name itself ("Hezbollah operatives"
  mention Hezbollah), unless the noun is a splinter's ("FARC dissidents").

The type is guessed from the cue words of `schema.TYPE_CUES` in and just before the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from actorgraph.schema import TYPE_CUES
from actorgraph.suggest import cues
from actorgraph.suggest.actors import Actor
from actorgraph.suggest.places import adjective_places
from actorgraph.suggest.reading import Reading
from actorgraph.suggest.words import (
    ADJECTIVE_ENDINGS,
    EVENT_HEADS,
    FUNCTION_WORDS,
    GROUP_HEADS,
    IRREGULAR_VERBS,
    KIND_WORDS,
    NAME_CONNECTORS,
    NEVER_NAMES,
    NOT_ACTOR_ACRONYMS,
    PLURAL_MODIFIERS,
    QUANTIFIERS,
    SENTENCE_STARTERS,
    SPLINTER_HEADS,
)
from actorgraph.text import name_key

# Strongly marked types: one cue anywhere in the name decides ("National Liberation Army").
MARKED = ("armed_group", "criminal_network")
# Order among types a name's cues weigh equally.
PREFERENCE = ("armed_group", "criminal_network", "facility", "military_unit",
              "government_body", "bloc", "territory", "organisation", "state", "person")
PERSON_TITLES = frozenset(w for w in TYPE_CUES["person"] if " " not in w)
# Words after a single name that make it a person's ("the Assad regime").
RULED_BY = frozenset("regime administration government family clan dynasty".split())
MODIFIERS = 3  # lower-case words before a collective noun
DEFAULT_TYPE = "no cue word (organisation by default)"
PERSON_LIKE = "capitalised words like a personal name"


@dataclass
class Found:
    """A name found in the document: tokens [i, j) of one passage, or a group named from
    words apart (`name` given)."""

    i: int
    j: int
    name: str
    type: str
    why: str
    owner: str | None = None
    owner_form: str = ""
    lead: int | None = None  # a group named from words apart: where its owner's words start


def guess_type(name: str, before=(), after: str = "", apposition: str = "") -> tuple[str, str]:
    """The actor type a name's words suggest, and why: (type, reason). `before` are the
    words just before it (a title: "Minister"; "the port of"), `after` the word after it,
    `apposition` what an apposition says it is (", a militia that ...")."""
    before = [before] if isinstance(before, str) else list(before)
    if before and name_key(before[-1]) in PERSON_TITLES:
        return "person", f"after the title {before[-1]!r}"
    if apposition:
        hits = cues.types().entries_in(apposition)
        if hits:
            _last, kind, words = hits[0]
            return kind, f"apposition {apposition!r}"
    if len(before) == 2 and before[1] in ("of", ","):  # "the port of X", "the capital, X"
        hits = cues.types().entries_in(before[0])
        if hits:
            return hits[0][1], f"after {before[0]!r} {before[1]}".rstrip()
    hits = cues.types().entries_in(name)
    if hits:
        scores: dict[str, float] = {}
        for last, kind, _words in hits:
            scores[kind] = scores.get(kind, 0) + (3 if kind in MARKED else 2 if last else 1)
        best = max(scores, key=lambda k: (scores[k], -PREFERENCE.index(k)))
        words = [w for _last, kind, w in hits if kind == best]
        return best, f"cue word {words[-1]!r}"
    parts = name.split()
    if 2 <= len(parts) <= 4 and all(p[:1].isupper() and p[1:].islower() and p.isalpha()
                                    for p in parts if name_key(p) not in NAME_CONNECTORS):
        return "person", PERSON_LIKE
    if len(parts) == 1 and name_key(after) in RULED_BY and not \
            name_key(name).endswith(ADJECTIVE_ENDINGS):
        return "person", f"before {after!r}"
    return "organisation", DEFAULT_TYPE


def discover(reading: Reading, covered: list[str | None], actors: dict[str, Actor],
             place_named=lambda word: None) -> list[Found]:
    """The names and groups of the document's sentences that no known name covers.
    `covered[i]` is the key of the actor whose name holds token i, or None;
    `place_named(word)` the key of the place a word (an adjective) names, or None."""
    tokens = reading.tokens
    elsewhere = _capitalised_inside(reading, covered)
    found: list[Found] = []
    named = [False] * len(tokens)
    for k, passage in enumerate(reading.passages):
        if passage.heading:
            continue
        first, after = reading.bounds[k]
        i = first
        while i < after:
            if covered[i] or not _opens_run(tokens, i):
                i += 1
                continue
            j = _run_end(tokens, covered, i, after)
            for name in _name(reading, i, j, first, elsewhere):
                found.append(name)
                named[name.i:name.j] = [True] * (name.j - name.i)
            i = j
        found += _groups(reading, covered, named, actors, first, after)
        found += _known_coordinated(reading, covered, named, place_named, first, after)
    return found


def discover_groups(reading: Reading, covered: list[str | None], actors: dict[str, Actor],
                    place_named=lambda word: None) -> list[Found]:
    """The groups of the document's sentences (as `discover` finds them), once more names
    are known."""
    found: list[Found] = []
    named = [False] * len(reading.tokens)
    for k, passage in enumerate(reading.passages):
        if not passage.heading:
            first, after = reading.bounds[k]
            found += _groups(reading, covered, named, actors, first, after)
            found += _known_coordinated(reading, covered, named, place_named, first, after)
    return found


def _known_coordinated(reading: Reading, covered, named, place_named, first: int,
                       after: int) -> list[Found]:
    """ "Venezuelan military and officials" where "Venezuelan military" is already a name:
    "Venezuelan officials" too."""
    tokens = reading.tokens
    found = []
    for t in range(first, after - 2):
        holder = covered[t]
        if holder is None or covered[t + 1] == holder or tokens.keys[t] not in GROUP_HEADS:
            continue
        start = _mention_start(covered, t, first)
        owner = place_named(tokens.words[start]) if start < t else None
        if owner is not None:
            found += _coordinated(reading, covered, named, t, after, owner, "adjective",
                                  tokens.words[start], start)
    return found


def _capitalised_inside(reading: Reading, covered) -> set[str]:
    """Keys of words the document capitalises inside sentences (not at their start)."""
    seen = set()
    tokens = reading.tokens
    for k, passage in enumerate(reading.passages):
        if passage.heading:
            continue
        first, after = reading.bounds[k]
        for i in range(first + 1, after):
            if tokens.words[i][0].isupper() and not covered[i]:
                seen.add(tokens.keys[i])
    return seen


def _opens_run(tokens, i: int) -> bool:
    word = tokens.words[i]
    return word[0].isupper()


def _run_end(tokens, covered, i: int, after: int) -> int:
    j = i + 1
    while j < after and not covered[j] and tokens.joined(j - 1, j):
        word = tokens.words[j]
        if word[0].isupper():
            j += 1
        elif word.isdigit() and tokens.text[tokens.ends[j - 1]:tokens.starts[j]] == "-":
            j += 1  # "Mohajer-6"
        elif tokens.keys[j] in NAME_CONNECTORS:
            n = j  # "Cartel de los Soles", "Sons of the Delta": joints, then a capital
            while (n < after and (tokens.keys[n] in NAME_CONNECTORS or
                                  (n > j and tokens.keys[n] == "the"))
                   and not covered[n] and tokens.words[n].islower() and tokens.joined(n - 1, n)):
                n += 1
            if n < after and not covered[n] and tokens.words[n][0].isupper() \
                    and tokens.joined(n - 1, n):
                j = n + 1
            else:
                break
        else:
            break
    proper = [t for t in range(i, j) if tokens.keys[t] not in SENTENCE_STARTERS]
    if (proper and j < after and not covered[j] and tokens.keys[j] in KIND_WORDS
            and tokens.words[j].islower() and tokens.joined(j - 1, j)
            and not (len(proper) == 1 and tokens.keys[proper[0]].endswith(ADJECTIVE_ENDINGS))):
        j += 1  # "the Marrow cartel", "the Vessa refinery"; not "the Calveran government"
    return j


def _name(reading: Reading, i: int, j: int, first: int, elsewhere: set[str]) -> list[Found]:
    """The names a run of capitalised words [i, j) holds (none, one, or a person and the
    place after "of": "Minister Jane Roe of Ostenia")."""
    tokens = reading.tokens
    keys, words = tokens.keys, tokens.words
    at = list(range(i, j))
    while at and keys[at[0]] in SENTENCE_STARTERS and not tokens.acronym(at[0]):
        at.pop(0)
    while at and keys[at[-1]] in NAME_CONNECTORS:
        at.pop()
    if not at:
        return []
    before = [words[t] for t in range(max(first, at[0] - 2), at[0])]
    if at[0] > first and reading.text[tokens.ends[at[0] - 1]:tokens.starts[at[0]]].strip() \
            == ",":
        before = [words[at[0] - 1], ","]  # "the Calveran capital, Ostrel"
    titles = [t for t in at[:-1] if keys[t] in PERSON_TITLES]
    rest: list[Found] = []
    if titles:  # "Transport Minister Jane Roe": the person after the title
        before = [words[titles[-1]]]
        at = at[at.index(titles[-1]) + 1:]
        if "of" in (keys[t] for t in at):  # "Pavel Dorn of Norvania": the person, the place
            cut = next(n for n, t in enumerate(at) if keys[t] == "of")
            rest = _name(reading, at[cut] + 1, at[-1] + 1, first, elsewhere)
            at = at[:cut]
            if not at:
                return rest
    if keys[at[-1]] in EVENT_HEADS or keys[at[-1]] in PERSON_TITLES:
        return rest  # "the Cold War", a bare title ("Defense Secretary")
    if all(keys[t] in NEVER_NAMES or keys[t] in FUNCTION_WORDS for t in at):
        return rest
    if len(at) == 1:
        t = at[0]
        if len(keys[t]) < 2 or keys[t] in SENTENCE_STARTERS or keys[t] in PERSON_TITLES:
            return rest
        if tokens.acronym(t):
            if keys[t] in NOT_ACTOR_ACRONYMS:
                return rest
        elif t == first and keys[t] not in elsewhere and not _apposition(reading, t + 1):
            return rest  # a capital that only starts a sentence
    s, e = at[0], at[-1] + 1
    name = reading.words(s, e)
    after = words[e] if e < len(tokens) and reading.passage_of(e) == reading.passage_of(s) \
        else ""
    kind, why = guess_type(name, before, after, _apposition(reading, e))
    return [Found(s, e, name, kind, f"capitalised name; {why}"), *rest]


APPOSITION_WORDS = 6


def _apposition(reading: Reading, e: int) -> str:
    """The words of an apposition right after token e-1 (", a bloc of three states"), up to
    the next punctuation; "" if there is none."""
    tokens = reading.tokens
    k = reading.passage_of(e - 1) if e > 0 else -1
    if k < 0 or e >= reading.bounds[k][1]:
        return ""
    gap = reading.text[tokens.ends[e - 1]:tokens.starts[e]]
    if gap.strip() != "," or tokens.keys[e] not in ("a", "an", "the"):
        return ""
    end = e + 1
    while end < reading.bounds[k][1] and end - e <= APPOSITION_WORDS:
        if reading.text[tokens.ends[end - 1]:tokens.starts[end]].strip():
            break  # punctuation
        end += 1
    return reading.words(e, end)


def _groups(reading: Reading, covered, named, actors, first: int, after: int) -> list[Found]:
    """Groups named by a collective noun in tokens [first, after)."""
    tokens = reading.tokens
    keys, words = tokens.keys, tokens.words
    found = []
    for t in range(first, after):
        if keys[t] not in GROUP_HEADS or covered[t] or named[t] or words[t][0].isupper():
            continue
        if t + 1 < after and _noun(tokens, t + 1):
            continue  # a modifier: "military assets"
        start, owner, form, name_before = _modifiers(reading, covered, named, actors, t, first)
        modifiers = t - start
        if owner is None and name_before:
            if keys[t] not in SPLINTER_HEADS:
                continue  # "Hezbollah operatives" name Hezbollah
            start = _named_start(covered, named, t - 1, first)
        elif owner is None and modifiers == 0:
            if t == first or keys[t - 1] not in QUANTIFIERS:
                continue
            start = t - 1  # "some allies"
        name = reading.words(start, t + 1)
        kind, why = guess_type(name)
        reason = f"group named by the collective noun {words[t]!r}; {why}"
        found.append(Found(start, t + 1, name, kind, reason, owner, form))
        if owner is not None:
            found += _coordinated(reading, covered, named, t, after, owner, form,
                                  reading.words(start, _owner_end(reading, covered, start)),
                                  start)
    return found


NOUN_ENDINGS = ("s", "ion", "ence", "ance", "ment", "ity", "ship", "ism", "ure", "age",
                "ness", "ry", "cy")


def _noun(tokens, n: int) -> bool:
    """Whether token n looks like a noun a collective noun before it modifies ("military
    assets", "regime finances"): lower case, not a function word, with a noun's ending."""
    word = tokens.words[n]
    return (word.isalpha() and word.islower() and tokens.keys[n] not in FUNCTION_WORDS
            and word.endswith(NOUN_ENDINGS) and not word.endswith(("ss", "ous")))


def _named_start(covered, named, k: int, first: int) -> int:
    """The first token of the name (found or known) that ends at token k."""
    while k > first and ((covered[k] is not None and covered[k - 1] == covered[k])
                         or (covered[k] is None and named[k - 1] and named[k])):
        k -= 1
    return k


def _owner_end(reading: Reading, covered, start: int) -> int:
    """The end of the place name (or possessive) that a group's name starts with."""
    end = start
    while end < len(reading.tokens) and covered[end] == covered[start]:
        end += 1
    if end < len(reading.tokens) and reading.tokens.keys[end] == "s" and \
            reading.tokens.text[reading.tokens.ends[end - 1]] in "'’":
        end += 1
    return end


def _modifiers(reading: Reading, covered, named, actors, t: int, first: int):
    """Where the group whose collective noun is token t starts, and what owns it:
    (first token, owner key or None, "adjective"/"possessive", whether a name precedes)."""
    tokens = reading.tokens
    keys, words = tokens.keys, tokens.words
    k = t - 1
    start = t
    lower = 0
    while k >= first and tokens.joined(k, k + 1):
        if keys[k] == "s" and k > first and tokens.text[tokens.ends[k - 1]] in "'’":
            holder = covered[k - 1]
            if holder is not None and actors[holder].place:
                return _mention_start(covered, k - 1, first), holder, "possessive", False
            return start, None, "", bool(holder) or named[k - 1]
        if covered[k] is not None:
            holder = covered[k]
            if actors[holder].place:
                if not _adjective(tokens, k):
                    return start, None, "", True  # "Norvania ships diesel": a verb
                return _mention_start(covered, k, first), holder, "adjective", False
            return start, None, "", True
        if named[k]:
            return start, None, "", True
        word = words[k]
        if word[0].isupper() and k != first:
            break
        if keys[k] in FUNCTION_WORDS or keys[k] in QUANTIFIERS or keys[k] in IRREGULAR_VERBS \
                or not word.isalpha():
            break
        if word.endswith("s") and keys[k] not in PLURAL_MODIFIERS and not word.endswith(
                ("ss", "us", "is", "ous")):
            break  # a verb: "the term describes networks"
        if lower == MODIFIERS:
            break
        lower += 1
        start = k
        k -= 1
    return start, None, "", False


def _adjective(tokens, k: int) -> bool:
    """Whether token k, the end of a place's name, reads as an adjective: one of the
    gazetteer's, an adjective's ending ("Calveran"), or an abbreviation ("U.S. military")."""
    word = tokens.words[k]
    return (name_key(word) in adjective_places() or word.lower().endswith(ADJECTIVE_ENDINGS)
            or tokens.acronym(k))


def _mention_start(covered, k: int, first: int) -> int:
    while k > first and covered[k - 1] == covered[k]:
        k -= 1
    return k


def _coordinated(reading: Reading, covered, named, t: int, after: int, owner: str,
                 form: str, owner_words: str, lead: int) -> list[Found]:
    """A second collective noun sharing the first one's place: "Venezuelan military and
    officials" also names "Venezuelan officials"."""
    tokens = reading.tokens
    n = t + 2
    if (n < after and tokens.keys[t + 1] in ("and", "or") and tokens.keys[n] in GROUP_HEADS
            and not covered[n] and not named[n] and not tokens.words[n][0].isupper()
            and (n + 1 >= after or tokens.keys[n + 1] not in GROUP_HEADS)):
        name = f"{owner_words} {tokens.words[n]}"
        kind, why = guess_type(name)
        return [Found(n, n + 1, name, kind, f"group sharing the place of the group before it; "
                      f"{why}", owner, form, lead)]
    return []
