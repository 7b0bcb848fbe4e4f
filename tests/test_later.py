"""Work put off until a command has answered (`later.py`)."""

from __future__ import annotations

import pytest

from actorgraph import later


def test_without_a_block_a_job_runs_at_once():
    done = []
    later.do(lambda: done.append(1))
    assert done == [1]


def test_in_a_block_jobs_wait_for_its_end_and_run_in_order():
    done = []
    with later.after():
        later.do(lambda: done.append("first"))
        later.do(lambda: done.append("second"))
        done.append("answer")
    assert done == ["answer", "first", "second"]


def test_an_inner_block_hands_its_jobs_to_the_outer_one():
    done = []
    with later.after():
        with later.after():
            later.do(lambda: done.append("job"))
        done.append("inner over")
    assert done == ["inner over", "job"]


def test_jobs_run_when_the_block_ends_in_an_error_but_not_after_ctrl_c():
    done = []
    with pytest.raises(LookupError), later.after():
        later.do(lambda: done.append("after an error"))
        raise LookupError
    with pytest.raises(KeyboardInterrupt), later.after():
        later.do(lambda: done.append("after ctrl-c"))
        raise KeyboardInterrupt
    assert done == ["after an error"]
    later.do(lambda: done.append("no block open"))
    assert done == ["after an error", "no block open"]
