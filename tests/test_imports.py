"""The layers of the code import one way (as click's tests hold its import list): a module
never imports one above it, not even inside a function, and no modules import each other in
a circle."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx

from helpers import REPO

PACKAGE = REPO / "src" / "actorgraph"

# Lowest first. A module may import its own layer's modules and any lower layer's.
LAYERS = [
    {"actorgraph", "actorgraph.schema", "actorgraph.text", "actorgraph.errors",
     "actorgraph.util", "actorgraph.files", "actorgraph.cells"},
    {"actorgraph.casebook"},
    {"actorgraph.graph"},
    {"actorgraph.store"},
    {"actorgraph.workspace", "actorgraph.edits"},
    {"actorgraph.answers", "actorgraph.present", "actorgraph.page", "actorgraph.export",
     "actorgraph.suggest", "actorgraph.reference"},
    {"actorgraph.cli", "actorgraph.__main__"},
]
# The results layer's packages stand side by side: none imports another.
SIDE_BY_SIDE = 5


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def unit(module: str) -> str:
    """The entry of LAYERS a module belongs to: itself or its package."""
    for layer in LAYERS:
        for name in sorted(layer, key=len, reverse=True):
            if module == name or module.startswith(name + "."):
                return name
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def layer_of(module: str) -> int:
    name = unit(module)
    return next(i for i, layer in enumerate(LAYERS) if name in layer)


def imports(path: Path) -> set[str]:
    """The actorgraph modules a file imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("actorgraph")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("actorgraph"):
            for alias in node.names:  # `from actorgraph.graph import paths` is a module
                candidate = f"{node.module}.{alias.name}"
                exists = (PACKAGE.parent / Path(*candidate.split("."))).with_suffix(".py")
                found.add(candidate if exists.exists() or exists.with_suffix("").is_dir()
                          else node.module)
    return found


def import_graph() -> nx.DiGraph:
    G = nx.DiGraph()
    for path in PACKAGE.rglob("*.py"):
        me = module_name(path)
        G.add_node(me)
        for other in imports(path):
            if other != me:
                G.add_edge(me, other)
    return G


def test_every_import_points_down_or_sideways_within_a_layer():
    wrong = []
    for me, other in import_graph().edges:
        mine, theirs = layer_of(me), layer_of(other)
        if theirs > mine:
            wrong.append(f"{me} (layer {mine}) imports {other} (layer {theirs})")
        elif mine == theirs == SIDE_BY_SIDE and unit(me) != unit(other):
            wrong.append(f"{me} imports its neighbour {other}")
    assert wrong == []


def test_no_modules_import_each_other_in_a_circle():
    assert list(nx.simple_cycles(import_graph())) == []


def test_the_layers_hold_every_module():
    for module in import_graph():
        layer_of(module)  # raises for a module in no layer


def test_the_readme_lists_every_module_of_the_tree():
    """README's "How the code is laid out" names each module under its folder, one line a
    module (a few short ones share a line), and nothing that is not in the tree."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1].split("\n## ", 1)[0]
    tree = section.split("```", 2)[1]
    listed, folder = set(), ""
    for line in tree.splitlines():
        indent = len(line) - len(line.lstrip(" "))
        first = line.split()[0] if line.strip() else ""
        if indent == 2:
            folder = first if first.endswith("/") else ""
        names = re.findall(r"(?<![\w/.])([\w]+\.py)\b", line)
        prefix = folder if indent == 4 else ""
        listed |= {prefix + name for name in names}
        if indent == 2 and first.endswith("/"):
            listed.add(first + "__init__.py")
    actual = {p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")}
    assert actual == listed


def test_plain_pytest_and_python_m_pytest_collect_the_same_tests():
    counts = []
    for command in ([str(Path(sys.executable).with_name("pytest"))],
                    [sys.executable, "-m", "pytest"]):
        result = subprocess.run([*command, "--collect-only", "-q", "-p", "no:cacheprovider"],
                                cwd=REPO, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
        counts.append(re.search(r"(\d+) tests? collected", result.stdout).group(1))
    assert counts[0] == counts[1] and int(counts[0]) > 400
