"""A synthetic casebook of any size, for benchmarks: deterministic for a given seed.

    python -m benchmarks.generate --claims 100000 --out benchmarks/data/100k --seed 1

Actors get claims by preferential attachment (each new claim picks an end with probability
proportional to the claims it already has), so a few hubs hold many claims and most actors
hold one or two. Every quote is a real passage of its document: a whole sentence, a clause of
one, or two pieces joined by `…`, with the document using typographic apostrophes and quotes
and irregular spacing where the quote uses plain ones. The vocabularies come from schema.py.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from actorgraph.schema import (
    ACTOR_TYPES,
    ALIAS_SEPARATOR,
    CERTAINTIES,
    EDGES,
    NODES,
    RELATIONS,
    SOURCES,
)

CLAIMS_PER_ACTOR = 5
CLAIMS_PER_DOCUMENT = 250
PARALLEL_SHARE = 0.1  # claims that repeat an earlier pair of actors
FILLER_SHARE = 0.3  # sentences of a document that no claim quotes

SYLLABLES = tuple(dict.fromkeys((
    "ka ri mo sa ve lo dan tor mi ra bel gor an vi su en ta ro ly nes dor al ba cer "
    "qua ze fin hol mar tes ul ov ik pra sul bre nak ost lem jor ha ga fel dru "
    "tan wes yor zan pel cor"
).split()))

WORDS = (
    "the of and to in a that for on with as by was were is said report officials according "
    "documents analysts government ministry forces network group company port route flights "
    "cargo weapons fuel shipments money accounts border region capital security intelligence "
    "agreement meeting talks cooperation support pressure sanctions smuggling trade deal "
    "investigation sources witnesses records contracts agents advisers operations convoy "
    "vessel aircraft airport warehouse bank transfers payments loans officers commanders "
    "minister envoy embassy delegation council committee election protest crisis conflict "
    "alleged reportedly apparently quietly openly recently later earlier during after before "
    "since while although despite through across between among within without against "
    "several many few some most dozens hundreds thousands millions tons barrels million "
    "billion last first new former senior local foreign regional national private public "
    "secret covert official unofficial direct indirect major minor key central northern "
    "southern eastern western coastal rural urban remote large small old young "
    "confirmed denied claimed suggested described revealed showed signed arranged received "
    "delivered moved paid hid used built expanded reduced organised financed protected"
).split()

ROLE_WORDS = {
    "state": ("Republic of", ""),
    "territory": ("", "Province"),
    "government_body": ("Ministry of", "Affairs"),
    "military_unit": ("", "Brigade"),
    "armed_group": ("", "Front"),
    "criminal_network": ("", "Cartel"),
    "organisation": ("", "Holdings"),
    "person": ("", ""),
}
CLAIMANTS = ("the author", "analysts", "internal documents", "officials", "a former official",
             "court records", "the ministry", "witnesses", "a leaked memo", "investigators")
NOTES = ("", "", "", "figures disputed", "as reported; not independently verified",
         "a denial, recorded as stated", "role: envoy", "several shipments")


def pseudo_word(n: int) -> str:
    """A pronounceable word for the number n (its digits in base len(SYLLABLES))."""
    digits = []
    while True:
        n, d = divmod(n, len(SYLLABLES))
        digits.append(SYLLABLES[d])
        if n == 0:
            break
        n -= 1
    return "".join(reversed(digits)).capitalize()


def make_actors(count: int, rng: random.Random) -> list[dict[str, str]]:
    types = list(ACTOR_TYPES)
    actors = []
    taken: set[str] = set()
    n = len(SYLLABLES)  # words of at least two syllables
    for i in range(count):
        kind = types[i] if i < len(types) else rng.choice(types)
        word = pseudo_word(n)
        while word in taken:  # two syllable sequences can spell the same word
            n += 1
            word = pseudo_word(n)
        taken.add(word)
        n += 1
        if kind == "person":
            name = f"{pseudo_word(rng.randrange(900))} {word}"
        else:
            before, after = ROLE_WORDS.get(kind, ("", ""))
            name = " ".join(p for p in (before, word, after) if p)
        aliases = []
        if rng.random() < 0.3:
            aliases.append(f"{word} Group" if kind != "person" else f"Mr {word}")
        if rng.random() < 0.1:
            aliases.append(f"the {word} network")
        actors.append({
            "id": f"{word.lower()}-{i}",
            "name": name,
            "type": kind,
            "aliases": ALIAS_SEPARATOR.join(aliases),
            "description": f"A {ACTOR_TYPES[kind].label.lower()} named in the reports.",
        })
    return actors


def make_pairs(actors: int, claims: int, rng: random.Random) -> list[tuple[int, int]]:
    """Pairs of actor indexes by preferential attachment; every actor has at least one claim."""
    ends: list[int] = [0, 1]  # every claim's two ends: choosing from it favours busy actors
    pairs = [(0, 1)] if actors > 1 and claims else []
    for i in range(2, min(actors, claims)):
        other = rng.choice(ends)
        pairs.append((i, other) if rng.random() < 0.5 else (other, i))
        ends += (i, other)
    while len(pairs) < claims:
        if pairs and rng.random() < PARALLEL_SHARE:
            pairs.append(rng.choice(pairs))
            continue
        a = rng.choice(ends) if rng.random() < 0.8 else rng.randrange(actors)
        b = rng.choice(ends) if rng.random() < 0.5 else rng.randrange(actors)
        if a != b:
            pairs.append((a, b))
            ends += (a, b)
    return pairs


def sentence(rng: random.Random, names: tuple[str, ...] = ()) -> str:
    """A sentence of 60-250 characters that mentions the given names."""
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 30))]
    for name in names:
        words.insert(rng.randrange(len(words) + 1), name)
    if rng.random() < 0.3:
        at = rng.randrange(1, len(words))
        words[at] = f"“{words[at]}”"
    if rng.random() < 0.3:
        at = rng.randrange(len(words))
        words[at] = f"{words[at]}’s"
    text = " ".join(words)
    text = text[0].upper() + text[1:]
    while len(text) < 60:
        text += " " + rng.choice(WORDS)
    return text[:249].rstrip() + "."


def plain(text: str) -> str:
    """How an analyst might type a passage: ASCII quotes and apostrophes."""
    return text.replace("“", '"').replace("”", '"').replace("’", "'")


def quote_of(text: str, rng: random.Random) -> str:
    """A passage of the sentence: all of it, a clause, or two fragments joined by `…`."""
    words = text.split(" ")
    roll = rng.random()
    if roll < 0.4 or len(words) < 10:
        chosen = text
    elif roll < 0.8:
        start = rng.randrange(0, len(words) // 3)
        chosen = " ".join(words[start:start + max(6, len(words) // 2)])
    else:
        third = len(words) // 3
        chosen = (" ".join(words[:third]) + rng.choice((" … ", " ... "))
                  + " ".join(words[2 * third:]))
    return plain(chosen) if rng.random() < 0.5 else chosen


def date(rng: random.Random) -> str:
    roll = rng.random()
    year = rng.randint(1995, 2025)
    if roll < 0.2:
        return ""
    if roll < 0.4:
        return str(year)
    if roll < 0.7:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def write_csv(path: Path, columns: tuple[str, ...], rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([row.get(c, "") for c in columns] for row in rows)


def generate(out: Path | str, claims: int, actors: int | None = None, seed: int = 1,
             documents: int | None = None) -> Path:
    """Write a casebook of `claims` claims (and `actors` actors, claims/5 by default)."""
    out = Path(out)
    rng = random.Random(seed)
    actors = actors or max(len(ACTOR_TYPES), claims // CLAIMS_PER_ACTOR)
    documents = documents or max(2, claims // CLAIMS_PER_DOCUMENT)
    people = make_actors(actors, rng)
    pairs = make_pairs(actors, claims, rng)
    relations, certainties = list(RELATIONS), list(CERTAINTIES)

    texts: list[list[str]] = [[] for _ in range(documents)]
    edges = []
    dated: dict[tuple, str] = {}
    for n, (a, b) in enumerate(pairs):
        doc = n % documents
        source, target = people[a], people[b]
        text = sentence(rng, (source["name"], target["name"]))
        texts[doc].append(text)
        while rng.random() < FILLER_SHARE:
            texts[doc].append(sentence(rng))
        edges.append({
            "id": f"c{n + 1:06d}",
            "source": source["id"],
            "target": target["id"],
            "relation": relations[n] if n < len(relations) else rng.choice(relations),
            "source_text": quote_of(text, rng),
            "source_doc": f"doc-{doc + 1:05d}",
            "claimed_by": rng.choice(CLAIMANTS),
            "certainty": certainties[n] if n < len(certainties) else rng.choice(certainties),
            # One date for a tie's claims in one document (validation warns of two).
            "date": dated.setdefault((*sorted((source["id"], target["id"])), doc), date(rng)),
            "notes": rng.choice(NOTES),
            "stance": "denies" if rng.random() < 0.05 else "",
        })

    (out / "sources").mkdir(parents=True, exist_ok=True)
    sources = []
    for doc, sentences in enumerate(texts):
        doc_id = f"doc-{doc + 1:05d}"
        paragraphs, i = [], 0
        while i < len(sentences):
            size = rng.randint(2, 6)
            spacer = "  " if rng.random() < 0.2 else " "
            paragraphs.append(spacer.join(sentences[i:i + size]))
            i += size
        body = f"Report {doc + 1}\n\n" + "\n\n".join(paragraphs) + "\n"
        (out / "sources" / f"{doc_id}.txt").write_text(body, encoding="utf-8")
        sources.append({"id": doc_id, "title": f"Report {doc + 1}",
                        "path": f"sources/{doc_id}.txt",
                        "url": f"https://example.org/reports/{doc + 1}",
                        "published": date(rng) or "2024", "publisher": "Example Wire"})

    write_csv(out / NODES.filename, NODES.column_names, people)
    write_csv(out / EDGES.filename, EDGES.column_names, edges)
    write_csv(out / SOURCES.filename, SOURCES.column_names, sources)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, required=True)
    parser.add_argument("--actors", type=int, help="default: claims / 5")
    parser.add_argument("--documents", type=int, help="default: one per 250 claims")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    out = generate(args.out, args.claims, args.actors, args.seed, args.documents)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
