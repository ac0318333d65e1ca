"""The lowest versions pyproject.toml allows, as pip constraints; and a check that they are what
got installed.

    python3 .ci/lower_bounds.py > lower.txt      # name==bound for every dependency and test tool
    python .ci/lower_bounds.py --check           # in the venv: each installed version is its bound

Every dependency must be written ``name>=version`` (a lower bound this check can prove); anything
else is refused, so a new dependency cannot slip in without one.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
BOUND = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*>=\s*([0-9][^,;\s]*)\s*")


def lower_bounds(path: Path = PYPROJECT) -> dict[str, str]:
    project = tomllib.loads(path.read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    bounds: dict[str, str] = {}
    for requirement in requirements:
        match = BOUND.fullmatch(requirement)
        if match is None:
            raise SystemExit(f"lower_bounds: {requirement!r}: write every dependency as NAME>=VERSION")
        bounds[match[1]] = match[2]
    return bounds


def _release(version: str) -> tuple[int, ...]:
    """'3.6' and '3.6.0' are the same release."""
    parts = [int(p) for p in re.match(r"[0-9]+(?:\.[0-9]+)*", version)[0].split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def check() -> int:
    from importlib import metadata

    wrong = []
    for name, bound in lower_bounds().items():
        installed = metadata.version(name)
        if _release(installed) != _release(bound):
            wrong.append(f"{name} {installed} (bound {bound})")
    if wrong:
        print("lower_bounds: not the lowest versions: " + ", ".join(wrong), file=sys.stderr)
        return 1
    print(f"lower_bounds: {len(lower_bounds())} dependencies at their lower bounds")
    return 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    for name, bound in lower_bounds().items():
        print(f"{name}=={bound}")
