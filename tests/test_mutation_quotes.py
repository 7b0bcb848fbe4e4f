"""Finding quotes: what the other tests left unpinned (found by mutation testing
with mutmut): the closest passage at the edges of a document, widened, from fragments;
the end of a folded text."""

from __future__ import annotations

import random

from actorgraph.casebook.quotes import Document

WORDS = Document("Alpha beta gamma delta epsilon zeta eta theta iota kappa")


def test_the_closest_passage_at_the_start_and_at_the_end_of_the_document():
    doc = Document("The ministry says so.\nShips waited outside the port")
    assert doc.closest("The ministy says") == "The ministry says"
    assert doc.closest("waited outside the prt") == "waited outside the port"
    assert WORDS.closest("iota kapx") == "iota kappa"


def test_the_closest_passage_of_fragments_is_that_of_the_fragments_joined_by_a_space():
    assert WORDS.closest("gamma … delta epsilox") == "gamma delta epsilon"


def test_the_closest_passage_widened_by_some_characters_each_side_to_whole_words():
    doc = Document("aaaa bbbb cccc dddd eeee ffff gggg")
    assert doc.closest("dddd") == "dddd"
    # dddd stands at 15-19: 5 characters either side reach into cccc and eeee.
    assert doc.closest("dddd", width=5) == "cccc dddd eeee"


def test_a_quote_of_separators_only_has_no_closest_passage():
    assert WORDS.closest("…") == ""
    assert WORDS.closest(" ... ") == ""


def test_the_end_of_the_folded_text_stands_for_the_end_of_the_text():
    # Runs of spaces at the end fold to one: the folded end still maps to the text's end.
    rng = random.Random(5)
    for _ in range(2000):
        text = "".join(rng.choice("ab  \n\t’–") for _ in range(rng.randrange(1, 30)))
        doc = Document(text)
        assert doc.original_offset(len(doc.folded)) == len(text), repr(text)
    assert Document("a  b  ").original_offset(4) == 6
