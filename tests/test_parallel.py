"""A job run in a forked child gives the answer it would give here, or runs here instead."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from benchmarks.generate import generate

from actorgraph import parallel

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def run_alone(code: str) -> str:
    """Run Python code in a fresh interpreter, where no other thread runs (pytest's may)."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_job_runs_in_another_process_and_its_result_comes_back():
    out = run_alone("""
        import os
        from actorgraph.parallel import in_child
        result = in_child(lambda: (os.getpid(), [("a", 1), None, {"b": 2.5}]))
        pid, value = result()
        print(pid != os.getpid(), value)
    """)
    assert out == "True [('a', 1), None, {'b': 2.5}]\n"


@pytest.mark.parametrize("failure", ["raise RuntimeError('in the child only')", "os._exit(3)"])
def test_a_child_that_fails_or_dies_leaves_the_job_to_this_process(failure):
    out = run_alone(f"""
        import os
        from actorgraph.parallel import in_child
        here, ran = os.getpid(), []
        def job():
            ran.append(os.getpid())  # seen only by the process that runs it
            if os.getpid() != here:
                {failure}
            return "done"
        print(in_child(job)(), ran == [here])
    """)
    assert out == "done True\n"


def test_no_fork_while_other_threads_run():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        here = os.getpid()
        job = parallel.in_child(os.getpid)  # the job itself is handed back, to run here
        assert job() == here
    finally:
        stop.set()
        thread.join()


@pytest.fixture(scope="module")
def broken_casebook(tmp_path_factory):
    """A generated casebook of 3,000 claims, some quotes altered so they are not found."""
    root = generate(tmp_path_factory.mktemp("cases") / "c3000", claims=3_000, seed=11)
    edges = (root / "edges.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(5, len(edges), 401):  # a word no document holds, inside the quote
        fields = edges[i].split(",")
        fields[4] = fields[4].replace(" ", " zqxw ", 1)
        edges[i] = ",".join(fields)
    (root / "edges.csv").write_text("".join(edges), encoding="utf-8")
    return root


def test_quotes_searched_in_two_processes_give_the_same_spans_and_problems(broken_casebook):
    out = run_alone(f"""
        import os
        from actorgraph import parallel, validate
        from actorgraph.load import read_casebook
        alone = validate.validate(read_casebook({str(broken_casebook)!r}))
        here, forked = os.getpid(), []
        def marked(job):  # the child's part, with the process that ran it
            result = parallel.in_child(lambda: (os.getpid(), job()))
            def value():
                pid, found = result()
                forked.append(pid != here)
                return found
            return value
        validate.APART, validate.in_child = 100, marked
        together = validate.validate(read_casebook({str(broken_casebook)!r}))
        found = [p for p in together[1] if "source_text not found" in p.message]
        print(forked, together == alone, len(found), len(together[0]))
    """)
    assert out == "[True] True 8 2992\n"  # forked once; 8 of 3,000 quotes altered
