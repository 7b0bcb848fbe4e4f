"""Locating quotes in documents: folding, fragments, offsets and paragraphs, closest passage."""

from __future__ import annotations

import random

from actorgraph.quotes import Document, fold, fragments

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


def test_document_folding_and_offsets_match_the_regex_definitions():
    # The text folded as `fold` does inside (no strip); runs of spaces mapped back to the
    # original offsets; paragraphs as the matches of (?m)^[ \t]*\S; all written out here.
    import re

    table = str.maketrans({"“": '"', "’": "'", "–": "-", "\t": " ", "\n": " ", "\r": " ",
                           "\f": " ", "\u00a0": " ", "\u2028": " "})
    rng = random.Random(7)
    alphabet = "ab  .“’–\t\n\r\f\u00a0\u2028"
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
