"""Time campana as whole processes next to its peers, and check the performance targets.

    python benchmarks/run.py            # everything (about six minutes)
    python benchmarks/run.py --quick    # fewer runs, no 4,000-campaign plan
    python benchmarks/run.py --cold     # the shipped plan's cold path only, more runs
    python benchmarks/floor.py PLAN     # validation against the parser's floor, in one process

Every command runs in a fresh process, started by a small wrapper process that times it and reads
its peak memory (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``). Commands are interleaved
round by round, after one warm-up round, so that a busy moment weighs on all of them alike; the
table shows the median, the spread (fastest-slowest), the peak resident memory and the median
CPU time (user + system, from the same ``getrusage``), which a loaded machine blurs less.

Everything runs with this interpreter's environment (``sys.executable``): ``campana`` and
``check-jsonschema`` are taken from its ``bin`` folder. check-jsonschema is a benchmark-only
dependency: ``pip install -e '.[bench]'``. The children write bytecode (``.pyc``) as an installed
package has it, use a cache folder of their own (``benchmarks/out/cache``), and write to a pipe.

The rows of ``agenda``, ``veda`` and ``export svg|html`` are skipped with a note (their targets
SKIP) only where an installed campana lacks those commands. After the timed rounds,
``benchmarks/floor.py`` measures whole validation against libyaml's events plus
``model_validate`` in one process (CPU time) at 200 x 50 and 2,000 x 10.

The large plans come from ``benchmarks/generate.py`` (written if missing). Exit status: 0 when
every target holds, 1 when one does not, 2 when the benchmark cannot run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

# Runs a command once and reports its wall time and peak memory: a process of its own, so that
# RUSAGE_CHILDREN holds this one command only.
WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(json.dumps({"wall": wall, "peak_kb": usage.ru_maxrss, "cpu": cpu, "code": code}))
"""

FLOOR_IMPORTS = "import typer, pydantic, ruamel.yaml, rich, dateutil.parser"
# The least a typer command with an option costs: what bounds every campana command that takes
# arguments (typer >= 0.2x coerces each parameter through a pydantic TypeAdapter).
BARE_TYPER = """
import os, sys
os.environ.setdefault("TYPER_USE_RICH", "0")
import typer
app = typer.Typer(add_completion=False)
@app.command()
def schedule(month: str = typer.Option("", "--month")) -> None:
    sys.stdout.write(month)
@app.command()
def other() -> None:
    pass
app()
"""
INSTALL_HINT = (
    "check-jsonschema is not installed in this environment ({bin}).\n"
    "  Install the benchmark extra:  {python} -m pip install -e '.[bench]'\n"
    "  (or just the tool:            {python} -m pip install 'check-jsonschema>=0.39')"
)


@dataclass
class Case:
    name: str
    argv: list[str]
    env: dict[str, str] = field(default_factory=dict)
    large: bool = False
    walls: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    codes: set[int] = field(default_factory=set)
    #: run before each measurement (not timed): an edit that makes the plan cache miss
    prepare: Callable[[], None] | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.walls)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def peak_mb(self) -> float:
        return max(self.peaks) / 1024


@dataclass
class Target:
    what: str
    value: float | None
    limit: float
    unit: str = "x"
    strict: bool = False  # below the limit, not at most

    @property
    def verdict(self) -> str:
        if self.value is None:
            return "SKIP"
        ok = self.value < self.limit if self.strict else self.value <= self.limit
        return "PASS" if ok else "FAIL"


def measure(case: Case, base_env: dict[str, str]) -> None:
    env = {**base_env, **case.env}
    if case.prepare is not None:
        case.prepare()
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, *case.argv],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(done.stdout)
    case.walls.append(result["wall"])
    case.peaks.append(result["peak_kb"])
    case.cpus.append(result["cpu"])
    case.codes.add(result["code"])


def command_exists(campana: list[str], words: list[str], env: dict[str, str]) -> bool:
    """Whether ``campana <words> --help`` knows the command (commands written in parallel)."""
    done = subprocess.run(
        [*campana, *words, "--help"], env=env, cwd=ROOT, capture_output=True, check=False
    )
    return done.returncode == 0


def parser_floor(plan: Path, runs: int, env: dict[str, str]) -> dict[str, float] | None:
    """``benchmarks/floor.py`` on a plan, in a process of its own: libyaml's events alone,
    ``model_validate``, and whole validation, in seconds of CPU time (None if it failed)."""
    done = subprocess.run(
        [sys.executable, str(HERE / "floor.py"), str(plan), "--runs", str(runs)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        print(f"error: floor.py {plan.parent.name}: {done.stderr.strip()}", file=sys.stderr)
        return None
    result: dict[str, float] = json.loads(done.stdout)
    return result


def heavy_imports(argv: list[str], env: dict[str, str]) -> list[str]:
    """Which of pydantic, ruamel.yaml, rich a command imports (``python -X importtime``)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    return sorted(n for n in ("pydantic", "ruamel.yaml", "rich") if n in names)


EDITED = "schedule, shipped, plan edited"


def edited_schedule(schedule: Callable[[str | None], list[str]]) -> Case:
    """The cold path as a planner meets it: ``schedule`` right after an edit of the plan. A
    copy of the shipped plan gets a different last comment before every run, so the plan
    cache always misses, while the rest-day memo kept in the cache folder (written by the
    warm-up) is read as usual; unlike ``CAMPANA_NO_CACHE=1``, which reads and writes nothing
    and so imports ``holidays`` on every run. A cache folder of its own, so that these misses
    never push the other rows' entries out."""
    folder = OUT / "edited"
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "campaigns.yaml"
    shutil.copy(ROOT / "data" / "audience.yaml", folder / "audience.yaml")
    text = (ROOT / "data" / "campaigns.yaml").read_text(encoding="utf-8")
    runs = iter(range(1_000_000))

    def edit() -> None:
        plan.write_text(f"{text}# edit {next(runs)}\n", encoding="utf-8")

    return Case(
        EDITED,
        schedule(str(plan)),
        {"CAMPANA_CACHE_DIR": str(OUT / "cache-edited")},
        prepare=edit,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--runs", type=int, help="timed runs of the quick commands (21; --quick 7, --cold 31)"
    )
    parser.add_argument("--large-runs", type=int, default=5, help="timed runs on large plans")
    parser.add_argument("--quick", action="store_true", help="7 and 3 runs; no 4,000x10 plan")
    parser.add_argument(
        "--cold",
        action="store_true",
        help="only the shipped plan's cold path (validate, schedule with no cache) and the floor",
    )
    parser.add_argument("--json", type=Path, help="also write the measurements to this file")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.large_runs = args.runs or 7, 3
    if args.cold:
        args.runs, args.large_runs = args.runs or 31, 0
    args.runs = args.runs or 21

    python = sys.executable
    bin_dir = Path(python).parent
    campana_script = bin_dir / "campana"
    campana = [str(campana_script)] if campana_script.exists() else [python, "-m", "campana"]
    checker = shutil.which("check-jsonschema", path=str(bin_dir))
    if checker is None:
        print(INSTALL_HINT.format(bin=bin_dir, python=python), file=sys.stderr)

    sizes = [(n, m, p) for n, m, p in generate.DEFAULT_SIZES if not (args.quick and n == 4000)]
    plans = {} if args.cold else {f"{n}x{m}": generate.write(n, m, period=p) for n, m, p in sizes}
    # the 2,000 x 10 plan with a catalogue 8,000 touchpoints longer: no lookup may scan it
    grown = "2000x10+8000tp"
    if not args.cold:
        plans[grown] = generate.write(2000, 10, extra=generate.EXTRA_TOUCHPOINTS)
    schema = str(ROOT / "schema" / "campaigns.schema.json")

    base_env = {k: v for k, v in os.environ.items() if not k.startswith("CAMPANA_")}
    base_env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its .pyc files
    base_env.update({"CAMPANA_CACHE_DIR": str(OUT / "cache"), "NO_COLOR": "1", "COLUMNS": "80"})
    cold = {"CAMPANA_NO_CACHE": "1"}

    def schedule(plan: str | None) -> list[str]:
        return [*campana, "schedule", "--month", "marzo", *(["--plan", plan] if plan else [])]

    cases = [
        Case("python -c pass", [python, "-c", "pass"]),
        Case("import floor", [python, "-c", FLOOR_IMPORTS]),
        Case(
            "bare typer command, 1 option", [python, "-c", BARE_TYPER, "schedule", "--month", "m"]
        ),
        Case("campana --help", [*campana, "--help"]),
        Case("campana --version", [*campana, "--version"]),
        Case("schedule, shipped", schedule(None)),
        Case("schedule, shipped, no cache", schedule(None), cold),
        edited_schedule(schedule),
        Case("validate, shipped", [*campana, "validate"]),
    ]
    if args.cold:
        keep = {"import floor", "schedule, shipped", "schedule, shipped, no cache", EDITED}
        cases = [c for c in cases if c.name in keep or c.name.startswith("validate")]
    # Commands written in parallel with these benchmarks: a row once they exist. Warm cache.
    new_commands = {
        "agenda, shipped": ["agenda"],
        "veda, shipped": ["veda"],
        "export svg, shipped": ["export", "svg"],
        "export html, shipped": ["export", "html"],
    }
    if args.cold:
        new_commands = {}
    # an edit of the shipped plan (a copy: the benchmark never writes data/), all of its work
    # but the rename: read, edit, validate before and after, the semantic diff
    if not args.cold and command_exists(campana, ["ine"], base_env):
        copy = OUT / "edit"
        copy.mkdir(parents=True, exist_ok=True)
        for name in ("campaigns.yaml", "audience.yaml"):
            shutil.copy(ROOT / "data" / name, copy / name)
        edit_args = ["ine", "aprobada", "atencion", "medios-masivos", "--date", "2024-02-20"]
        edit_args += ["--dry-run", "--plan", str(copy / "campaigns.yaml")]
        cases.append(Case("edit (ine --dry-run), shipped", [*campana, *edit_args]))
    for name, words in new_commands.items():
        if command_exists(campana, words, base_env):
            cases.append(Case(name, [*campana, *words]))
        else:
            print(f"note: «campana {' '.join(words)}» does not exist yet; its row is skipped")
    for size, path in plans.items():
        if size == grown:
            cases.append(Case(f"validate {size}", [*campana, "validate", str(path)], large=True))
            cases.append(Case(f"schedule {size}", schedule(str(path)), large=True))
            continue
        cases.append(Case(f"validate {size}", [*campana, "validate", str(path)], large=True))
        if checker and size != "4000x10":
            cases.append(
                Case(
                    f"check-jsonschema {size}",
                    [checker, "--schemafile", schema, str(path)],
                    large=True,
                )
            )
        if size != "200x50":
            cases.append(Case(f"schedule {size}", schedule(str(path)), large=True))
            cases.append(Case(f"schedule {size}, no cache", schedule(str(path)), cold, large=True))
    by_name = {c.name: c for c in cases}

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    cpus = os.cpu_count() or 1
    print(f"python {sys.version.split()[0]} at {python}; {cpus} CPUs, load {load:.2f}")
    if load > 0.5 * cpus:
        print("warning: the machine is busy; medians will be high and noisy", file=sys.stderr)

    # warm-up: bytecode, the query cache, the page cache
    for case in cases:
        measure(case, base_env)
        case.walls.clear()
        case.peaks.clear()
        case.cpus.clear()
    rounds = max(args.runs, args.large_runs)
    for r in range(rounds):
        print(f"\rround {r + 1}/{rounds}", end="", file=sys.stderr, flush=True)
        for case in cases:
            if r < (args.large_runs if case.large else args.runs):
                measure(case, base_env)
    print(file=sys.stderr)

    floor = by_name["import floor"].median
    floor_cpu = by_name["import floor"].cpu
    print()
    print(
        f"{'command':34} {'median':>9} {'spread':>17} {'peak':>8} {'/ floor':>8} "
        f"{'CPU':>8} {'/ floor':>8} {'exit':>5}"
    )
    for c in cases:
        spread = f"{min(c.walls) * 1000:.0f}-{max(c.walls) * 1000:.0f} ms"
        code = ",".join(str(x) for x in sorted(c.codes))
        print(
            f"{c.name:34} {c.median * 1000:7.0f}ms {spread:>17} {c.peak_mb:6.0f}MB "
            f"{c.median / floor:7.2f}x {c.cpu * 1000:6.0f}ms {c.cpu / floor_cpu:7.2f}x {code:>5}"
        )

    def ratio(a: str, b: str) -> float | None:
        if a not in by_name or b not in by_name:
            return None
        return by_name[a].median / by_name[b].median

    def mem_ratio(a: str, b: str) -> float | None:
        if a not in by_name or b not in by_name:
            return None
        return by_name[a].peak_mb / by_name[b].peak_mb

    help_heavy = [] if args.cold else heavy_imports([*campana, "--help"], base_env)
    version_heavy = [] if args.cold else heavy_imports([*campana, "--version"], base_env)
    targets = [
        Target(
            "schedule --month marzo (shipped) / import floor",
            ratio("schedule, shipped", "import floor"),
            1.1,
        ),
        Target(
            "campana --help / import floor",
            ratio("campana --help", "import floor"),
            1.0,
            strict=True,
        ),
        Target(
            "campana --version / import floor",
            ratio("campana --version", "import floor"),
            1.0,
            strict=True,
        ),
        Target(
            f"--help imports pydantic/ruamel ({', '.join(help_heavy) or 'none'})",
            float(len([m for m in help_heavy if m != "rich"])),
            0,
            unit="",
        ),
        Target(
            f"--version imports pydantic/ruamel ({', '.join(version_heavy) or 'none'})",
            float(len([m for m in version_heavy if m != "rich"])),
            0,
            unit="",
        ),
        Target(
            "validate 200x50 / check-jsonschema, time",
            ratio("validate 200x50", "check-jsonschema 200x50"),
            0.8,
        ),
        Target(
            "validate 200x50 / check-jsonschema, peak memory",
            mem_ratio("validate 200x50", "check-jsonschema 200x50"),
            1.0,
        ),
        Target(
            "schedule 2000x10 / validate 2000x10",
            ratio("schedule 2000x10", "validate 2000x10"),
            2.0,
            strict=True,
        ),
        Target(
            "schedule 2000x10 no cache / validate 2000x10",
            ratio("schedule 2000x10, no cache", "validate 2000x10"),
            2.0,
            strict=True,
        ),
        Target(
            "schedule 4000x10 / schedule 2000x10",
            ratio("schedule 4000x10", "schedule 2000x10"),
            2.0,
        ),
        Target(
            "schedule 4000x10 / 2000x10, no cache",
            ratio("schedule 4000x10, no cache", "schedule 2000x10, no cache"),
            2.0,
        ),
        Target(
            "validate 4000x10 / validate 2000x10",
            ratio("validate 4000x10", "validate 2000x10"),
            2.0,
        ),
        # the cold path: the pre-commit hook and CI, and the first query after an edit
        Target(
            "validate (shipped) / import floor",
            ratio("validate, shipped", "import floor"),
            1.3,
        ),
        Target(
            "schedule --month marzo, no cache (shipped) / floor",
            ratio("schedule, shipped, no cache", "import floor"),
            1.3,
        ),
        Target(
            "schedule --month marzo, plan edited (shipped) / floor",
            ratio(EDITED, "import floor"),
            1.3,
        ),
        # no quadratic term: 8,000 more touchpoints in the catalogue cost little
        Target(
            "validate 2000x10+8000tp / validate 2000x10",
            ratio(f"validate {grown}", "validate 2000x10"),
            1.2,
        ),
        Target(
            "schedule 2000x10+8000tp / schedule 2000x10 (warm)",
            ratio(f"schedule {grown}", "schedule 2000x10"),
            1.2,
        ),
        Target(
            "validate 200x50 / check-jsonschema, peak memory (tight)",
            mem_ratio("validate 200x50", "check-jsonschema 200x50"),
            0.7,
        ),
    ]
    targets.append(
        Target(
            "edit on the shipped plan / validate (shipped)",
            ratio("edit (ine --dry-run), shipped", "validate, shipped"),
            1.3,
        )
    )
    for name in new_commands:  # SKIP while the command does not exist
        what = f"{name.split(',')[0]} (shipped, warm) / import floor"
        targets.append(Target(what, ratio(name, "import floor"), 1.1))

    # closer to the parser's floor: in one process, CPU time
    floors = {
        size: parser_floor(plans[size], 3, base_env)
        for size in ("200x50", "2000x10")
        if not args.cold
    }
    if floors:
        print()
        print(f"{'in one process (CPU)':34} {'events':>9} {'model':>9} {'whole':>9} {'ratio':>7}")
    for size, f in floors.items():
        if f is not None:
            print(
                f"{'validation ' + size:34} {f['events'] * 1000:7.0f}ms "
                f"{f['model_validate'] * 1000:7.0f}ms {f['whole'] * 1000:7.0f}ms "
                f"{f['ratio']:6.2f}x"
            )
        targets.append(
            Target(
                f"validation {size} / (libyaml events + model_validate)",
                None if f is None else f["ratio"],
                2.5,
            )
        )
    if args.cold:  # the shipped plan's targets only
        targets = [t for t in targets if t.value is not None and "shipped" in t.what]
    print()
    print(f"{'target':58} {'measured':>9} {'limit':>8}  verdict")
    for t in targets:
        measured = "-" if t.value is None else f"{t.value:.2f}{t.unit}"
        limit = f"{'<' if t.strict else '<='}{t.limit:g}{t.unit}"
        print(f"{t.what:58} {measured:>9} {limit:>8}  {t.verdict}")

    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "python": sys.version,
                    "load": load,
                    "cases": {
                        c.name: {"walls": c.walls, "peaks_kb": c.peaks, "cpus": c.cpus}
                        for c in cases
                    },
                    "parser_floor": floors,
                    "targets": {t.what: [t.value, t.limit, t.verdict] for t in targets},
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    if any(c.codes - {0, 1} for c in cases):
        print("error: a command failed (exit code above 1); see the table", file=sys.stderr)
        return 2
    return 1 if any(t.verdict == "FAIL" for t in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
