"""The shared mutation fuzzer (``fuzz_plans.py``, issue 21) over a few dozen mutants of the
shipped plan, with a fixed seed: no traceback, no exit code outside {0, 1, 2}, no run over 5 s,
no cached answer that differs from an uncached one, no finding outside its file.

Slow (a few minutes): deselected by default, run with ``pytest -m slow``. ``.ci/run`` runs the
fuzzer itself over a few hundred mutants. The fuzzer is not part of this repository: it is
looked for as ``shared/tools/fuzz_plans.py`` beside the checkout (``../shared/tools`` from the
checkout root, or from a folder above it), and the test is skipped when it is not there.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA, ROOT

SEED = 7
MUTANTS = 40
FUZZER = Path("shared") / "tools" / "fuzz_plans.py"


def fuzzer() -> Path | None:
    """The shared fuzzer beside the checkout, or None."""
    return next((folder / FUZZER for folder in ROOT.parents if (folder / FUZZER).is_file()), None)


def counts(report: str) -> dict[str, int]:
    """The fuzzer's counts from its report: each kind of problem, and the runs over 5 s."""
    found = {k: int(n) for k, n in re.findall(r"; ([a-z-]+) (\d+)", report)}
    slow = re.search(r"^runs over 5 s: .*\((\d+) in all\)$", report, re.MULTILINE)
    assert slow is not None and found, report
    found["over-5-s"] = int(slow.group(1))
    return found


def test_counts_reads_the_fuzzer_report() -> None:
    report = (
        'exit codes per command: {"diff": {"0": 3}}\n'
        "runs over 5 s: [(4, 'show:cached', 5.2)] (1 in all)\n"
        "mutants 3 (cache entry present after priming: 3); hang 0; exit 2; traceback 1; "
        "line-outside 0; cache-differs 0; bad-json 0; mutants with a problem kept in /tmp/x\n"
    )
    assert counts(report) == {
        "hang": 0,
        "exit": 2,
        "traceback": 1,
        "line-outside": 0,
        "cache-differs": 0,
        "bad-json": 0,
        "over-5-s": 1,
    }


@pytest.mark.slow
def test_the_fuzzer_finds_nothing(tmp_path: Path) -> None:
    script = fuzzer()
    if script is None:
        pytest.skip(f"no {FUZZER} beside the checkout ({ROOT}): the fuzzer is shared, not here")
    campana = Path(sys.executable).parent / "campana"
    done = subprocess.run(
        [
            sys.executable,
            str(script),
            str(campana),
            str(MUTANTS),
            "--seed",
            str(SEED),
            "--workers",
            "2",
            "--data",
            str(DATA),
            "--keep",
            str(tmp_path / "failures"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=1800,
    )
    report = done.stdout
    found = counts(report)
    assert found == dict.fromkeys(found, 0), report
    assert done.returncode == 0, report + done.stderr
    assert f"mutants {MUTANTS} " in report
