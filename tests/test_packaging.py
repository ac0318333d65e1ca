"""What a regular install (`pip install .`, a wheel, pipx, uv tool) gets: every package, its data
files, and dependencies with lower bounds that .ci/lowest can install and test."""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path

from setuptools import find_packages

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
ROOTS = ("extract", "store", "tui", "seeds")


def _source_packages() -> set[str]:
    """Every folder of the project that holds Python modules, as a dotted name."""
    found = set()
    for root in ROOTS:
        for path in (REPO / root).rglob("*.py"):
            if "__pycache__" not in path.parts:
                found.add(".".join(path.parent.relative_to(REPO).parts))
    return found


def test_setuptools_finds_every_package_with_modules():
    setuptools = PYPROJECT["tool"]["setuptools"]
    assert "packages" not in setuptools or "find" in setuptools["packages"], "no hand-written package list"
    include = setuptools["packages"]["find"]["include"]
    discovered = set(find_packages(where=str(REPO), include=include))
    assert "extract.lexicon" in discovered  # the one a hand-written list once missed
    assert _source_packages() <= discovered, "a folder of modules without __init__.py is left out of the wheel"
    assert {p.split(".")[0] for p in discovered} == set(ROOTS)  # nor tests/ or bench/


def test_package_data_names_files_that_exist():
    for package, patterns in PYPROJECT["tool"]["setuptools"]["package-data"].items():
        folder = REPO / package.replace(".", "/")
        assert (folder / "__init__.py").exists(), f"{package}: not a package"
        assert any(list(folder.glob(pattern)) for pattern in patterns), f"{package}: no file matches {patterns}"
        for pattern in patterns:
            if "/" in pattern:  # a data folder (once `extract = ["data/*"]`, a folder that never existed)
                assert (folder / pattern.rsplit("/", 1)[0]).is_dir(), f"{package}: {pattern}: no such folder"


def test_every_dependency_has_a_lower_bound_that_ci_installs():
    spec = importlib.util.spec_from_file_location("lower_bounds", REPO / ".ci" / "lower_bounds.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    bounds = module.lower_bounds()
    project = PYPROJECT["project"]
    assert len(bounds) == len(project["dependencies"]) + len(project["optional-dependencies"]["test"])
    assert bounds["textual"] == "8.0"  # Select.NULL, textual.content, keymaps
    assert module._release("3.6") == module._release("3.6.0") != module._release("3.6.1")


def test_the_console_script_is_the_cli():
    assert PYPROJECT["project"]["scripts"] == {"sitrep": "tui.cli:main"}
