"""Locating quotes in documents: folding, fragments, offsets and paragraphs, closest passage."""

from __future__ import annotations

import random
import re

import pytest

from actorgraph.casebook.quotes import Document, Span, fragments
from actorgraph.text import fold

TEXT = (
    "Field notes\n"
    "\n"
    "The minister said:  “We will   not yield” – and left.\n"
    "A second paragraph mentions the port’s cargo. Later the port closed.\n"
)


def test_fold_makes_typography_ascii_and_whitespace_single():
    assert fold("  “We’re\u00a0here”\t—\n\n‘now’  ") == "\"We're here\" - 'now'"


def test_fold_matches_the_plain_definition_on_random_text():
    # The definition in the module docstring, written out with str.translate.
    table = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'", "–": "-", "—": "-",
                           "\t": " ", "\n": " ", "\u00a0": " ", "\u2029": " "})
    rng = random.Random(5)
    alphabet = "ab .“”’‘–—\t\n\u00a0\u2029"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(25)))
        expected = " ".join(part for part in text.translate(table).split(" ") if part)
        assert fold(text) == expected, repr(text)


def test_plain_quote_matches_typographic_text_at_its_original_offsets():
    doc = Document(TEXT)
    span = doc.locate('said: "We will not yield" - and left')
    start = TEXT.index("said:")
    end = TEXT.index("and left") + len("and left")
    assert (span.start, span.end) == (start, end)
    assert TEXT[span.start:span.end] == "said:  “We will   not yield” – and left"
    assert span.paragraph == 2  # the blank line is not a paragraph


def test_apostrophes_fold_and_paragraph_is_counted_in_the_original():
    doc = Document(TEXT)
    span = doc.locate("the port's cargo")
    assert TEXT[span.start:span.end] == "the port’s cargo"
    assert span.paragraph == 3


def test_a_quote_may_run_across_a_line_break():
    doc = Document(TEXT)
    span = doc.locate("and left. A second paragraph")
    assert TEXT[span.start:span.end] == "and left.\nA second paragraph"
    assert span.paragraph == 2


def test_fragments_must_appear_in_order():
    doc = Document(TEXT)
    span = doc.locate("The minister said … the port’s cargo")
    assert span.pieces == (
        (TEXT.index("The minister"), TEXT.index("said:") + len("said")),
        (TEXT.index("the port’s"), TEXT.index(" cargo") + len(" cargo")),
    )
    assert (span.start, span.end) == (span.pieces[0][0], span.pieces[1][1])
    assert doc.locate("the port’s cargo ... The minister said") is None
    assert doc.locate("The minister said...the port closed") is not None


def test_fragments_split_on_both_separators_and_drop_empty_pieces():
    assert fragments("a … b ... c") == ["a", "b", "c"]
    assert fragments(" … ") == []
    assert Document(TEXT).locate(" … ") is None


def test_first_occurrence_is_reported():
    doc = Document("port here.\nAnd the port again.\n")
    span = doc.locate("port")
    assert (span.start, span.end, span.paragraph) == (0, 4, 1)


def test_missing_quote_is_none_and_the_closest_passage_is_offered():
    doc = Document(TEXT)
    assert doc.locate("the port's cargo was seized") is None
    assert "port's cargo" in doc.closest("the port's cargo was seized")


@pytest.mark.parametrize("alphabet", [
    "ab  .“’–\t\n\r\f\u00a0\u2028",
    "a    \n\n\t",  # long runs of spaces, odd and even, and blank lines
])
def test_document_folding_and_offsets_match_the_regex_definitions(alphabet):
    # The text folded as `fold` does inside (no strip); runs of spaces mapped back to the
    # original offsets; paragraphs as the matches of (?m)^[ \t]*\S; all written out here.
    table = str.maketrans({"“": '"', "’": "'", "–": "-", "\t": " ", "\n": " ", "\r": " ",
                           "\f": " ", "\u00a0": " ", "\u2028": " "})
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(30)))
        doc = Document(text)
        translated = text.translate(table)
        assert doc.folded == re.sub(" {2,}", " ", translated), repr(text)
        # Folded offset i stands for the original offset of the same character.
        original = [i for i, c in enumerate(translated)
                    if not (c == " " and i > 0 and translated[i - 1] == " ")]
        assert [doc.original_offset(i) for i in range(len(doc.folded))] == original
        starts = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", text)]
        assert [doc.paragraph_at(i) for i in range(len(text))] == [
            max(1, sum(s <= i for s in starts)) for i in range(len(text))], repr(text)


# --- many quotes at once ---------------------------------------------------------------

def test_locate_all_finds_each_quote_as_reasoned_from_the_text():
    doc = Document(TEXT)
    port = TEXT.index("the port’s")  # lower-case "the port" first stands before "’s cargo"
    closed = TEXT.index("port closed")
    said = TEXT.index("said:")
    will = TEXT.index("will")
    quotes = [
        "the port",
        'said: "We will',  # overlaps the next quote in the text
        "minister said",
        "will not",  # inside the quote before it
        "port … port",  # the second "port" must start after the first one's end
        "the port",  # repeated
        "the port closed ... Field notes",  # fragments out of order
        "absent words",
        "",
        "   ",
        " … ",
        "...",
    ]
    spans = doc.locate_all(quotes)
    assert [(s.start, s.end, s.paragraph) if s else None for s in spans] == [
        (port, port + len("the port"), 3),
        (said, TEXT.index("We will") + len("We will"), 2),
        (TEXT.index("minister"), said + len("said"), 2),
        (will, TEXT.index("not yield") + len("not"), 2),
        (port + 4, closed + len("port"), 3),
        (port, port + len("the port"), 3),
        None, None, None, None, None, None,
    ]
    assert spans[4].pieces == ((port + 4, port + 8), (closed, closed + 4))
    assert spans[0].pieces == ((port, port + 8),)
    assert TEXT[spans[1].start:spans[1].end] == "said:  “We will"
    assert TEXT[spans[3].start:spans[3].end] == "will   not"


def test_locate_all_with_a_quote_holding_the_character_that_joins_the_batch():
    doc = Document(TEXT)
    port = TEXT.index("the port’s")
    spans = doc.locate_all(["the port\x00", "the port", "port’s\x00cargo"])
    assert spans == [None, Span(port, port + 8, 3, ((port, port + 8),)), None]
    text = "a\x00b and the port\x00 here\n"
    assert Document(text).locate_all(["port\x00 here", "a\x00b", "b and"]) == [
        Span(12, 22, 1, ((12, 22),)), Span(0, 3, 1, ((0, 3),)), Span(2, 7, 1, ((2, 7),))]


def test_locate_and_locate_all_share_what_they_found():
    doc = Document(TEXT)
    first = doc.locate("the port")
    assert doc.locate_all(["x", "the port"])[1] is first
    assert doc.locate_all(["the port", "the port"]) == [first, first]
    assert doc.locate("x") is None


def test_a_span_reads_as_attributes_and_as_a_tuple():
    span = Document(TEXT).locate("the port")
    assert span == (span.start, span.end, span.paragraph, span.pieces)
    assert isinstance(span.pieces, tuple) and isinstance(span.pieces[0], tuple)


# An independent statement of what `locate` means, to compare the fast code with.
_TABLE = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'", "–": "-", "—": "-",
                        "\t": " ", "\n": " ", "\r": " ", "\u00a0": " ", "\u2029": " "})


def _reference_locate(text: str, quote: str):
    translated = text.translate(_TABLE)
    kept = [i for i, c in enumerate(translated)
            if not (c == " " and i > 0 and translated[i - 1] == " ")]
    folded = "".join(translated[i] for i in kept)
    pieces = [re.sub(" +", " ", p.translate(_TABLE)).strip()
              for p in re.split("…|\\.\\.\\.", quote)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    found, at = [], 0
    for piece in pieces:
        start = folded.find(piece, at)
        if start < 0:
            return None
        at = start + len(piece)
        found.append((kept[start], kept[at - 1] + 1))
    starts = [m.start() for m in re.finditer(r"(?m)^[ \t]*\S", text)]
    paragraph = max(1, sum(s <= found[0][0] for s in starts))
    return Span(found[0][0], found[-1][1], paragraph, tuple(found))


def _random_quotes(rng: random.Random, text: str, alphabet: str) -> list[str]:
    quotes = []
    for _ in range(rng.randrange(1, 12)):
        kind = rng.randrange(7)
        cuts = sorted(rng.randrange(len(text) + 1) for _ in range(2 * rng.randrange(1, 4)))
        parts = [text[a:b] for a, b in zip(cuts[::2], cuts[1::2])]
        if kind == 0:  # fragments out of order
            rng.shuffle(parts)
        elif kind == 1:  # probably not in the text
            parts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 6)))]
        elif kind == 2:  # nothing but separators and spaces
            parts = ["", " ", ""][: rng.randrange(1, 4)]
        elif kind == 3 and quotes:  # a piece of a quote already in the list
            quote = rng.choice(quotes)
            a = rng.randrange(len(quote) + 1)
            parts = [quote[a:rng.randrange(a, len(quote) + 1)]]
        elif kind == 4:  # the character that joins a batch
            parts = [p + "\x00" for p in parts]
        separators = [rng.choice([" … ", "…", "...", " ... "]) for _ in parts]
        quotes.append("".join(s + p for s, p in zip(separators, parts))[len(separators[0]):])
    return quotes + [rng.choice(quotes) for _ in range(rng.randrange(3))]


def test_locate_all_equals_locate_one_by_one_and_the_definition_on_random_texts():
    rng = random.Random(11)
    alphabet = "ab é中😀 ..…“”’‘–—\t\n\r\u00a0\u2029"
    batches_with_joint = 0
    for _ in range(1500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60)))
        quotes = _random_quotes(rng, text, alphabet)
        batches_with_joint += any("\x00" in q for q in quotes)
        expected = [_reference_locate(text, q) for q in quotes]
        one_by_one = Document(text)
        assert [one_by_one.locate(q) for q in quotes] == expected, (text, quotes)
        doc = Document(text)
        assert doc.locate_all(quotes) == expected, (text, quotes)
        assert doc.locate_all(quotes[::-1]) == expected[::-1]  # now from what it remembers
    assert batches_with_joint > 100  # both ways of folding a batch were exercised

