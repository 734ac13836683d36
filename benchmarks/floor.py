"""In one process, how far whole validation is from the parser's floor.

    python benchmarks/floor.py benchmarks/out/plan-200x50/campaigns.yaml [--runs 3]

Times, each after a warm-up run and taking the fastest of ``--runs`` (CPU time of this process,
so that other work on the machine weighs less):

- events: libyaml's C parser alone, every event of the plan pulled and dropped;
- model_validate: ``Plan.model_validate`` on the plan's data (the schema already built);
- whole: ``campana.loading.validate_files`` on the plan (read, events to data with positions,
  the models, every check, with the audience beside it), as ``campana validate`` does.

Prints one JSON object: the three times in seconds and ``ratio`` = whole / (events + model).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path
from typing import Any


def _best(fn: Any, runs: int) -> float:
    fn()  # warm-up: imports, the schema, the page cache
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("plan", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    from ruamel.yaml.cyaml import CParser

    from campana.loading import validate_files
    from campana.models import Plan
    from campana.reading import parse, read_once
    from campana.yamlsrc import gc_paused

    text = args.plan.read_text(encoding="utf-8")

    def events() -> None:
        p = CParser(text)
        try:
            while p.check_event():
                p.get_event()
        finally:
            p.dispose()

    data = parse(read_once(args.plan, str(args.plan))).data

    def model() -> None:
        with gc_paused():
            Plan.model_validate(data)

    def whole() -> None:
        result = validate_files([args.plan])
        assert result.plan is not None or result.findings  # it ran to the end

    t_events = _best(events, args.runs)
    t_model = _best(model, args.runs)
    t_whole = _best(whole, args.runs)
    print(
        json.dumps(
            {
                "events": t_events,
                "model_validate": t_model,
                "whole": t_whole,
                "ratio": t_whole / (t_events + t_model),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
