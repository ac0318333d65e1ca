"""Layers look down only: importing extract and store never pulls in Textual or Rich."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import extract
import store

REPO = Path(__file__).resolve().parent.parent


def _modules(package) -> list[str]:
    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def test_extract_and_store_do_not_import_textual_or_rich():
    modules = _modules(extract) + _modules(store) + ["tui.cli"]
    assert "store.db" in modules and "store.ingest" in modules and "store.export" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_the_check_would_catch_a_leak():
    result = subprocess.run(
        [sys.executable, "-c", "import rich.text, sys; print('rich' in sys.modules)"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "True"


# --- imports only look down ----------------------------------------------------------------------

PACKAGES = ("extract", "store", "tui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_imports(path: Path, known: set[str]) -> set[str]:
    """Every project module ``path`` imports, at the top or inside a function (``import x`` inside
    a function still makes a loop; it only hides it until that function runs)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known and name.split(".")[0] in PACKAGES)
    return found


def import_graph() -> dict[str, set[str]]:
    paths = {_module_name(p): p for package in PACKAGES for p in (REPO / package).rglob("*.py")}
    known = set(paths)
    return {name: _project_imports(path, known) - {name} for name, path in paths.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import loop of ``graph`` (a list of modules, the first repeated at the end), else None.
    A package's ``__init__`` imported by its own modules is not counted (Python runs it first)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for target in sorted(graph.get(name, ())):
            if name.startswith(target + "."):
                continue  # a module importing its own package
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[name] = 2
        return None

    for name in sorted(graph):
        if name not in state and (cycle := visit(name)):
            return cycle
    return None


def test_no_import_loops_in_the_project():
    graph = import_graph()
    assert "tui.screens.help" in graph and "tui.app" in graph["tui.cli"]
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph))


def test_layers_import_downwards_only():
    graph = import_graph()
    rank = {"extract": 0, "store": 1, "tui": 2}
    upward = [
        (name, target)
        for name, targets in graph.items()
        for target in targets
        if rank[target.split(".")[0]] > rank[name.split(".")[0]]
    ]
    assert upward == []

    # in tui: the command line on the app, the app on the main screen, the main screen on the
    # other screens, and they on the shared modules and widgets; never the reverse
    def level(name: str) -> int:
        return {"tui.cli": 5, "tui.app": 4, "tui.screens.main": 3}.get(
            name, 2 if name.startswith("tui.screens.") else 1
        )

    upward = [
        (name, target)
        for name, targets in graph.items()
        for target in targets
        if name.startswith("tui.") and target.startswith("tui.") and level(target) > level(name)
    ]
    assert upward == []


def test_the_loop_check_finds_a_loop():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_private_name_is_imported_from_another_module():
    """``from x import _name`` reaches into another module's internals: what two modules share
    is public (word lists live in extract/lexicon/)."""
    import ast

    found = []
    for package in PACKAGES + ("tests", "bench"):
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PACKAGES:
                    found += [
                        f"{path.relative_to(REPO)}: {node.module}.{a.name}"
                        for a in node.names
                        if a.name.startswith("_") and not a.name.startswith("__")
                    ]
    assert found == []


def test_store_has_one_connection_type():
    """Every function of store/ takes a sqlite3.Connection (CONTRIBUTING.md says why): no module
    there wraps it in sqlite_utils.Database or accepts either."""
    offenders = [
        str(p.relative_to(REPO))
        for p in (REPO / "store").rglob("*.py")
        if re.search(r"^\s*(import|from) sqlite_utils\b", p.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []


def test_bench_scripts_name_no_machine_specific_path():
    """Benchmarks run anywhere: paths are relative to the project, given as arguments, or in
    the user's temporary or data folders; none names this machine's folders."""
    pattern = re.compile(r"""["'`(\s](/work|/tmp|/home|/root|/Users|[A-Z]:\\\\)[/\\\\]|\.\./shared""")
    offenders = [
        f"{p.name}:{n}"
        for p in sorted((REPO / "bench").glob("*.py"))
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert offenders == []
