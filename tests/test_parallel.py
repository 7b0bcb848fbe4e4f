"""A job run in a forked child gives the answer it would give here, or runs here instead."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from benchmarks.generate import generate

from actorgraph import util as parallel

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
        from actorgraph.util import in_child
        result = in_child(lambda: (os.getpid(), [("a", 1), None, {"b": 2.5}]))
        pid, value = result()
        print(pid != os.getpid(), value)
    """)
    assert out == "True [('a', 1), None, {'b': 2.5}]\n"


@pytest.mark.parametrize("failure", ["raise RuntimeError('in the child only')", "os._exit(3)"])
def test_a_child_that_fails_or_dies_leaves_the_job_to_this_process(failure):
    out = run_alone(f"""
        import os
        from actorgraph.util import in_child
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
def generated(tmp_path_factory):
    """A generated casebook of 3,000 claims."""
    return generate(tmp_path_factory.mktemp("cases") / "c3000", claims=3_000, seed=11)


@pytest.fixture(scope="module")
def broken_casebook(generated, tmp_path_factory):
    """The generated casebook, some quotes altered so they are not found, and three claims
    repeated under new ids (warned about by the process that searches the quotes)."""
    root = tmp_path_factory.mktemp("cases") / "broken"
    shutil.copytree(generated, root)
    edges = (root / "edges.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    for i in range(5, len(edges), 401):  # a word no document holds, inside the quote
        fields = edges[i].split(",")
        fields[4] = fields[4].replace(" ", " zqxw ", 1)
        edges[i] = ",".join(fields)
    for n, i in enumerate((10, 20, 30)):
        edges.append(f"repeat{n}," + edges[i].split(",", 1)[1])
    (root / "edges.csv").write_text("".join(edges), encoding="utf-8")
    return root


def test_quotes_searched_in_two_processes_give_the_same_spans_and_problems(broken_casebook):
    out = run_alone(f"""
        import os
        from actorgraph import util as parallel
        from actorgraph.casebook import validate
        from actorgraph.casebook.read import read_casebook
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
        repeats = [p for p in together[1] if "repeats claim" in p.message]
        print(forked, together == alone, len(found), len(together[0]), len(repeats))
    """)
    # Forked once; 8 of 3,000 quotes altered; 2,992 + 3 repeated claims placed and warned of.
    assert out == "[True] True 8 2995 3\n"


def test_the_graph_built_while_a_child_searches_quotes_is_the_graph(generated, broken_casebook):
    out = run_alone(f"""
        import os, pickle
        from actorgraph import util as parallel, workspace
        from actorgraph.casebook import validate
        from actorgraph.errors import ValidationError
        from actorgraph.graph.build import build_graph
        forked = []
        def marked(job):
            forked.append(True)
            return parallel.in_child(job)
        def one_by_one(root):
            report = validate.validate_casebook(root)
            return report, build_graph(report)
        def errors(how, root):
            try:
                how(root)
            except ValidationError as err:
                return err.problems
        alone = one_by_one({str(generated)!r})
        alone_errors = errors(one_by_one, {str(broken_casebook)!r})
        validate.APART, validate.in_child = 100, marked
        reading = workspace.read_and_build({str(generated)!r})
        report, G = reading.report, reading.graph
        same = (report.spans == alone[0].spans and report.warnings == alone[0].warnings
                and pickle.dumps(G) == pickle.dumps(alone[1]))
        twice = errors(workspace.read_and_build, {str(broken_casebook)!r})
        print(forked, same, twice == alone_errors,
              sum(p.severity == "error" for p in alone_errors))
    """)
    assert out == "[True, True] True True 8\n"  # forked for each; 8 quotes altered


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="Linux /proc only")
def test_memory_shared_by_a_forked_child_counts_once_in_the_pss_benchmark():
    from benchmarks.pss import measure

    # 80 MB written by the parent, then a child that only reads it, both alive a while.
    script = textwrap.dedent("""
        import os, time
        block = bytearray(80_000_000)
        for i in range(0, len(block), 4096):
            block[i] = 1
        if os.fork() == 0:
            total = sum(block[::4096]); time.sleep(1.0); os._exit(0)
        time.sleep(1.0); os.wait()
    """)
    found = measure([sys.executable, "-c", script], every=0.05)
    assert found["code"] == 0 and found["processes"] == 2
    assert 70 < found["pss_mb"] < 130  # once (RSS added up would be about 160 MB)


def test_a_pause_that_made_many_objects_leaves_them_out_of_the_collectors_sight():
    out = run_alone("""
        import gc
        from actorgraph import util
        util.FREEZE_OBJECTS = 50_000
        with util.gc_paused():
            few = [[i] for i in range(1_000)]
        after_few = gc.get_freeze_count()
        with util.gc_paused():
            many = [[i] for i in range(100_000)]
        print(gc.isenabled(), after_few, gc.get_freeze_count() >= 100_000)
        gc.disable()
        with util.gc_paused():  # a pause inside a pause leaves the collector off, unfrozen
            more = [[i] for i in range(100_000)]
        print(gc.isenabled(), gc.get_freeze_count() < 200_000)
    """)
    assert out == "True 0 True\nFalse True\n"
