"""The memory a command and the processes it forks use together, as the largest sum of their
proportional set sizes (PSS: a page shared by n processes counts 1/n in each), sampled every
0.1 s from /proc (Linux). Adding each process's peak RSS counts shared pages twice: the
first load's quote-searching child shares the casebook just read with its parent.

    python -m benchmarks.pss [--store-dir DIR] -- actorgraph path A B --data benchmarks/data/c500000

With `--store-dir`, the folder is emptied first and the command's store goes there: a first
load. The command's output is discarded.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import time


def tree(pid: int) -> list[int]:
    """The process and all its descendants alive now."""
    found = [pid]
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                for child in handle.read().split():
                    found += tree(int(child))
    except OSError:  # it ended meanwhile
        pass
    return found


def pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: list[str], env: dict | None = None, every: float = 0.1) -> dict:
    """Run `command`; its wall time, and the largest PSS sum of its process tree (MB) with
    how many processes were alive then."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env=env)
    most, processes = 0, 0
    while child.poll() is None:
        pids = tree(child.pid)
        total = sum(map(pss_kb, pids))
        if total > most:
            most, processes = total, len(pids)
        time.sleep(every)
    return {"wall": time.perf_counter() - start, "pss_mb": most / 1024,
            "processes": processes, "code": child.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store-dir", help="empty this folder and keep the store there")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    env = dict(os.environ)
    if args.store_dir:
        shutil.rmtree(args.store_dir, ignore_errors=True)
        env["ACTORGRAPH_CACHE_DIR"] = args.store_dir
    found = measure(command, env)
    print(f"{found['wall']:.2f} s, largest PSS sum {found['pss_mb']:,.0f} MB over "
          f"{found['processes']} process(es), exit status {found['code']}")


if __name__ == "__main__":
    main()
