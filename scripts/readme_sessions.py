"""Re-run every ```console block of README.md on a copy of data/ and print or write the result.

    python scripts/readme_sessions.py          # show what differs
    python scripts/readme_sessions.py --write  # rewrite README.md with fresh output

Each block's lines starting with `$ ` are commands, run with bash in a temporary folder holding
a copy of data/ and docs/examples/ (a fresh one for each block), with COLUMNS=100 and the
project's venv first on PATH; the lines after a
command are its output (stdout and stderr together). tests/test_readme.py uses the same code.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def commands(block: str) -> list[str]:
    return [line[2:] for line in block.splitlines() if line.startswith("$ ")]


def run_block(block: str, workdir: Path) -> str:
    venv = Path(sys.executable).parent
    env = dict(os.environ, COLUMNS="100", PATH=f"{venv}:{os.environ['PATH']}")
    env.pop("ACTORGRAPH_DATA", None)
    out = []
    for command in commands(block):
        result = subprocess.run(["bash", "-c", command], cwd=workdir, env=env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out.append(f"$ {command}\n{result.stdout}")
    return "".join(out)


def prepare(work: Path) -> Path:
    """A folder as a fresh clone's root looks to the README's commands: data/ and the
    example documents of docs/examples/."""
    shutil.copytree(REPO / "data", work / "data")
    shutil.copytree(REPO / "docs" / "examples", work / "docs" / "examples")
    return work


def refreshed(readme: str) -> str:
    def fresh(match: re.Match) -> str:  # each block on its own copy, as the test runs it
        with tempfile.TemporaryDirectory() as tmp:
            return f"```console\n{run_block(match.group(1), prepare(Path(tmp)))}```"

    return BLOCK.sub(fresh, readme)


if __name__ == "__main__":
    path = REPO / "README.md"
    old = path.read_text(encoding="utf-8")
    new = refreshed(old)
    if "--write" in sys.argv:
        path.write_text(new, encoding="utf-8")
    else:
        import difflib

        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True)))
