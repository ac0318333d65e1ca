"""Layers look down only: importing extract and store never pulls in Textual or Rich."""

from __future__ import annotations

import pkgutil
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
    result = subprocess.run([sys.executable, "-c", "import rich.text, sys; print('rich' in sys.modules)"],
                            capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "True"
