"""Sum up a finished mutmut run: mutants killed per module, and survivors that cannot change behaviour.

    .venv/bin/mutmut run          # (not in CI: the better part of an hour on two cores)
    .venv/bin/python bench/mutation_report.py [--list]

Run from the folder mutmut ran in. Prints, per mutated module and in all: mutants, killed (timeouts
count as killed, as mutmut counts them), survived, not reached by any test; then the share killed,
both of all mutants and of those left when the survivors that are equivalent by construction are set
aside. Equivalent by construction (read off each survivor's diff, ``mutmut show``):

- the case of an SQL string changed ("SELECT id FROM articles" -> "select id from articles"): SQL
  keywords and names are case-insensitive in SQLite;
- ``deterministic=True`` of ``create_function`` changed: only a hint to SQLite's planner;
- ``ensure_ascii=False`` of ``json.dumps`` made ``None``: falsy, the same output.

``--list`` also prints the survivors that are not set aside, by function (the work left).
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict

_SQL = re.compile(r"\b(?:select|from|where|join|like|escape|coalesce|insert|update|order by|group by)\b", re.I)


def results() -> dict[str, str]:
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    return dict(line.strip().rsplit(": ", 1) for line in out.splitlines() if ": " in line)


def equivalent(name: str) -> str | None:
    """Why the survivor ``name`` cannot change behaviour, or None."""
    diff = subprocess.run([sys.executable, "-m", "mutmut", "show", name], capture_output=True, text=True).stdout
    removed = [line[1:].strip() for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    added = [line[1:].strip() for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    if not removed or len(removed) != len(added):
        return None
    pairs = list(zip(removed, added))
    if all(a.lower() == b.lower() and a != b for a, b in pairs) and any(_SQL.search(a) for a, _ in pairs):
        return "SQL case"
    if all("deterministic=" in a for a, _ in pairs):
        return "create_function hint"
    if all(a.replace("ensure_ascii=False", "ensure_ascii=None") == b for a, b in pairs):
        return "ensure_ascii falsy"
    return None


def main(argv: list[str]) -> int:
    statuses = results()
    modules: dict[str, Counter] = defaultdict(Counter)
    reasons: Counter = Counter()
    left: Counter = Counter()
    unchecked = sum(status == "not checked" for status in statuses.values())
    if unchecked:
        print(f"the run is not finished: {unchecked} mutants not checked (left out below)")
    for name, status in statuses.items():
        if status == "not checked":
            continue
        module = name.split(".x")[0].split(".xǁ")[0]
        state = "killed" if status in ("killed", "timeout") else "survived" if status == "survived" else "no tests"
        modules[module][state] += 1
        if state == "survived":
            why = equivalent(name)
            if why:
                reasons[why] += 1
                modules[module]["equivalent"] += 1
            else:
                left[name.rsplit("__mutmut_", 1)[0]] += 1
    total = Counter()
    for module in sorted(modules):
        c = modules[module]
        total.update(c)
        print(_line(module, c))
    print(_line("all", total))
    print("set aside as equivalent: " + ", ".join(f"{why} {n}" for why, n in reasons.most_common()))
    if "--list" in argv:
        for name, n in left.most_common():
            print(f"  {n:4}  {name}")
    return 0


def _line(name: str, c: Counter) -> str:
    n = c["killed"] + c["survived"] + c["no tests"]
    kept = n - c["equivalent"]
    if not n:
        return f"{name:32} no mutant checked"
    return (
        f"{name:32} {n:5} mutants, killed {c['killed']:5} ({c['killed'] / n:.1%}), survived {c['survived']:4} "
        f"({c['equivalent']} equivalent), no test {c['no tests']:3}; killed of the rest {c['killed'] / kept:.1%}"
    )


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
