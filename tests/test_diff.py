"""`campana diff`: what moved between two versions of the plan, keyed by id, never by line."""

from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campana.diff import Side, compare
from campana.loading import validate_files
from campana.models import Audience, Plan
from campana.render.diff import message
from conftest import AUDIENCE, PLAN, Invoke
from helpers import edit

BRIGADAS_END = "        end: 2024-06-30\n        period_text: 22 de enero a 30 de junio 2024"
BRIGADAS_END_LATER = "        end: 2024-07-30\n        period_text: 22 de enero a 30 de julio 2024"


def git(repo: Path, *args: str) -> str:
    proc = subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Planeación",
            "-c",
            "user.email=plan@example.org",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
            *args,
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    return proc.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository with the shipped plan committed once under data/."""
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    shutil.copy(PLAN, root / "data" / "campaigns.yaml")
    shutil.copy(AUDIENCE, root / "data" / "audience.yaml")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "plan 2024")
    monkeypatch.chdir(root)  # file names in the report are relative to here, as users see them
    return root


def commit(repo: Path, message: str = "cambio") -> None:
    git(repo, "commit", "-qam", message)


def plan_of(repo: Path) -> Path:
    return repo / "data" / "campaigns.yaml"


def diff(cli: Invoke, repo: Path, *args: str) -> Any:
    r = cli("diff", *args, "--plan", str(plan_of(repo)))
    assert "Traceback" not in r.stdout + r.stderr
    return r


# --- the report ------------------------------------------------------------------------------


def test_moved_end_shows_the_shift_of_each_end_in_days(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    edit(plan, BRIGADAS_END, BRIGADAS_END_LATER)
    # the grid's Cambaceo component: 31 may -> 30 jun
    edit(
        plan,
        "end: 2024-05-31\n        touchpoint: brigadas\n        tactic: Cambaceo",
        "end: 2024-06-30\n        touchpoint: brigadas\n        tactic: Cambaceo",
    )
    commit(repo)
    r = diff(cli, repo, "HEAD~1")
    assert r.exit_code == 1
    assert r.stderr == ""
    out = r.stdout
    assert out.startswith("Cambios de HEAD~1:data/campaigns.yaml a ")
    assert "Campaña «Infonavit, estés en donde estés» (atencion)" in out
    lines = out.splitlines()
    row = lines.index("  Brigadas de promoción y servicio (ejecución)")
    assert lines[row + 1] == "    ~ fin: 30 jun -> 30 jul, +30 días"
    component = lines.index("  Componente «Cambaceo»")
    assert lines[component + 1] == "    ~ fin: 31 may -> 30 jun, +30 días"
    # nothing else moved: only those two entries, and the period text of the row
    report = out.split("Efecto en")[0]
    changes = [line for line in report.splitlines() if line[:6] in ("    ~ ", "    + ", "    - ")]
    assert len(changes) == 3, changes
    assert "texto del periodo" in changes[2]
    # the row now ends after its campaign: validate gains exactly that warning
    effect = out.split("Efecto en «campana validate»\n")[1].split("\n\n")[0]
    entries = [line for line in effect.splitlines() if not line.startswith("    ")]
    assert len(entries) == 1
    assert entries[0].startswith("  + aviso nuevo, ")
    flat = " ".join(effect.split())
    assert "16 días después que su campaña" in flat and "[outside-campaign]" in flat


def test_both_ends_moved_says_moved_or_stretched(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    edit(plan, "start: 2024-09-17\n    end: 2024-12-15", "start: 2024-09-24\n    end: 2024-12-22")
    edit(plan, "start: 2024-10-21\n    end: 2024-12-31", "start: 2024-10-01\n    end: 2024-12-31")
    commit(repo)
    out = diff(cli, repo, "HEAD~1").stdout
    credito = out.split("Campaña «Crédito» (credito)\n")[1].split("\n\n")[0]
    assert credito.splitlines() == [
        "  ~ inicio: 17 sep -> 24 sep, +7 días",
        "  ~ fin: 15 dic -> 22 dic, +7 días",
        "  ~ el periodo se mueve +7 días, misma duración",
    ]
    rc = out.split("Campaña «Responsabilidad Compartida» (responsabilidad-compartida)\n")[1]
    assert rc.splitlines()[0] == "  ~ inicio: 21 oct -> 1 oct, -20 días"


def test_tactics_added_and_removed_and_what_that_does_to_validate(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    edit(
        plan,
        "          - Cambaceo\n        start: 2024-01-22",
        "          - Volanteo\n        start: 2024-01-22",
    )
    commit(repo)
    r = diff(cli, repo, "HEAD~1")
    assert r.exit_code == 1
    entry = r.stdout.split("  Brigadas de promoción y servicio (ejecución)\n")[1]
    assert entry.splitlines()[:2] == [
        "    + táctico agregado: «Volanteo»",
        "    - táctico quitado: «Cambaceo»",
    ]
    # the Cambaceo component names a tactic that no longer exists in its row
    effect = r.stdout.split("Efecto en «campana validate»\n")[1]
    assert "+ error nuevo, data/campaigns.yaml:" in effect
    assert "el táctico «Cambaceo» no existe" in effect
    assert "[unknown-reference]" in effect


def test_reordering_and_comments_are_not_changes(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    text = plan.read_text(encoding="utf-8")
    # two campaigns swapped, tactics reordered, a flow list reordered, comments changed
    credito = "  - id: credito\n    name: Crédito\n    start: 2024-09-17\n    end: 2024-12-15\n"
    rc = (
        "  - id: responsabilidad-compartida\n    name: Responsabilidad Compartida\n"
        "    start: 2024-10-21\n    end: 2024-12-31\n"
    )
    assert text.endswith(credito + "\n" + rc)
    text = text.removesuffix(credito + "\n" + rc) + rc + "\n" + credito
    text = text.replace(
        "          - Infomóviles\n          - Cambaceo\n",
        "          - Cambaceo\n          - Infomóviles\n",
    )
    text = text.replace(
        "restricts: [medios-masivos, digital, comunicacion-social]",
        "restricts: [comunicacion-social, digital, medios-masivos]  # orden libre",
    )
    text = text.replace("# The contact points", "# Los puntos de contacto")
    plan.write_text(text, encoding="utf-8")
    audience = repo / "data" / "audience.yaml"
    edit(audience, "# Audience figures", "# Cifras de audiencia")
    commit(repo, "reordenar")
    assert git(repo, "diff", "--stat", "HEAD~1").strip()  # git does see a change
    r = diff(cli, repo, "HEAD~1")
    assert r.exit_code == 0
    assert r.stderr == ""
    assert r.stdout == "Sin diferencias entre HEAD~1:data/campaigns.yaml y data/campaigns.yaml.\n"
    j = json.loads(diff(cli, repo, "HEAD~1", "--format", "json").stdout)
    assert j["changed"] is False and j["changes"] == []


def test_no_argument_compares_the_working_plan_with_head(
    cli: Invoke, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo)
    r = cli("diff")
    assert (r.exit_code, r.stdout) == (
        0,
        "Sin diferencias entre HEAD:data/campaigns.yaml y data/campaigns.yaml.\n",
    )
    edit(plan_of(repo), BRIGADAS_END, BRIGADAS_END_LATER)  # not committed
    r = cli("diff")
    assert r.exit_code == 1
    assert r.stdout.startswith("Cambios de HEAD:data/campaigns.yaml a data/campaigns.yaml\n")
    assert "fin: 30 jun -> 30 jul, +30 días" in r.stdout
    # one argument: that revision against the working plan
    commit(repo)
    assert cli("diff", "HEAD").exit_code == 0
    assert cli("diff", "HEAD~1").exit_code == 1
    # two revisions
    both = cli("diff", "HEAD~1", "HEAD")
    assert both.exit_code == 1
    assert both.stdout.startswith(
        "Cambios de HEAD~1:data/campaigns.yaml a HEAD:data/campaigns.yaml\n"
    )
    # a branch name and a commit hash are revisions too
    first = git(repo, "rev-parse", "--short", "HEAD~1").strip()
    assert cli("diff", first).exit_code == 1
    assert cli("diff", "main", "HEAD").exit_code == 0


def test_two_files_outside_any_repository(cli: Invoke, plan_dir: Path, tmp_path: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(plan_dir, old)
    edit(plan_dir / "audience.yaml", "count: 5488535", "count: 5500000")
    r = cli("diff", str(old / "campaigns.yaml"), str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 1
    assert r.stderr == ""
    audience = r.stdout.split("Audiencia\n")[1]
    assert audience.splitlines()[:2] == [
        "  Segmento «Personas con un crédito activo»",
        "    ~ cifra: 5,488,535 -> 5,500,000 (+11,465, +0.2 %)",
    ]
    # 7.18 % of the whole no longer holds
    assert "[audience-share]" in r.stdout and "+ error nuevo" in r.stdout
    # a folder with a campaigns.yaml is a plan too
    assert cli("diff", str(old), str(plan_dir)).exit_code == 1
    assert cli("diff", str(old), str(old)).exit_code == 0


def test_a_side_without_an_audience_file_leaves_the_audience_out(
    cli: Invoke, plan_dir: Path, tmp_path: Path
) -> None:
    """A copy of the plan alone (no audience.yaml beside it) against the plan: the segments
    are not all «nuevo»; the audience is not compared, and stderr says why."""
    import json

    alone = tmp_path / "copia.yaml"
    shutil.copy(plan_dir / "campaigns.yaml", alone)
    r = cli("diff", str(alone), str(plan_dir / "campaigns.yaml"))
    assert "Audiencia" not in r.stdout and "segmento nuevo" not in r.stdout
    assert r.exit_code == 0 and r.stdout.startswith("Sin diferencias")
    said = " ".join(r.stderr.split())
    assert "copia.yaml» no tiene audience.yaml a su lado: la audiencia no se comparó" in said
    data = json.loads(
        cli("diff", str(alone), str(plan_dir / "campaigns.yaml"), "-f", "json").stdout
    )
    assert data["audience_compared"] is False
    assert not any(c["target"]["kind"] == "segment" for c in data["changes"])
    both = cli(
        "diff", str(plan_dir / "campaigns.yaml"), str(plan_dir / "campaigns.yaml"), "-f", "json"
    )
    assert json.loads(both.stdout)["audience_compared"] is True and both.stderr == ""


def test_ine_exception_blackout_and_campaign_changes(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    # the mass media of "Trabajadores independientes": exception approved
    text = plan.read_text(encoding="utf-8")
    marker = "          - Spoteo nacional radio\n          - Spoteo local radio\n"
    head, tail = text.split("  - id: trabajadores-independientes", 1)
    tail = tail.replace("        ine_exception: pending\n", "        ine_exception: approved\n", 1)
    assert marker in tail
    text = head + "  - id: trabajadores-independientes" + tail
    # the blackout ends a week later; a new campaign runs digital inside it
    text = text.replace("    end: 2024-06-02\n", "    end: 2024-06-09\n")
    text += (
        "\n  - id: vivienda-joven\n    name: Vivienda joven\n    start: 2024-05-20\n"
        "    end: 2024-06-30\n    execution:\n      - touchpoint: digital\n"
        "        tactics: [Display]\n        start: 2024-05-20\n        end: 2024-06-30\n"
    )
    text = text.replace(
        "  - id: logros-laborales\n    name: Logros en materia laboral (digital)\n"
        "    start: 2024-01-15\n    end: 2024-02-29\n\n",
        "",
    )
    plan.write_text(text, encoding="utf-8")
    commit(repo)
    r = diff(cli, repo, "HEAD~1")
    assert r.exit_code == 1
    out = r.stdout
    assert "Vedas\n  Veda «Veda electoral federal 2024»\n    ~ fin: 2 jun -> 9 jun, +7 días" in out
    ti = out.split("Campaña «Trabajadores independientes» (trabajadores-independientes)\n")[1]
    assert ti.splitlines()[:2] == [
        "  Medios masivos (ejecución)",
        "    ~ excepción INE: pendiente -> aprobada",
    ]
    assert (
        "Campaña «Vivienda joven» (vivienda-joven)\n  + campaña nueva: 20 may – 30 jun 2024"
    ) in out
    assert "Campaña «Logros en materia laboral (digital)» (logros-laborales)\n" in out
    assert "  - campaña quitada: 15 ene – 29 feb 2024" in out
    effect = out.split("Efecto en «campana validate»\n")[1].split("\n\n")[0]
    assert "+ error nuevo" in effect and "[blackout-conflict]" in effect
    assert "- aviso resuelto" in effect and "[blackout-pending]" in effect
    cross = " ".join(out.split("Cruces con la veda electoral\n")[1].split())
    assert (
        "+ Digital (ejecución) de «Vivienda joven» ahora coincide 21 días con «Veda electoral "
        "federal 2024» (20 may – 9 jun 2024); excepción INE: no solicitada"
    ) in cross
    assert "de «Infonavit, estés en donde estés» coincide 101 días" in cross
    assert "antes 94 días" in cross


def test_objectives_and_creative_lines(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    edit(plan, "Incentivar la aceptación de la alta", "Incentivar el registro de la alta")
    edit(
        plan,
        "{text: Primero los trabajadores, kind: slogan}",
        "{text: Primero las personas trabajadoras, kind: slogan}",
    )
    commit(repo)
    out = diff(cli, repo, "HEAD~1").stdout
    section = out.split("(trabajadores-independientes)\n")[1].split("\n\n")[0]
    assert "  Objetivo «Incentivar el registro de la alta ante…»" in section
    # a long text shows the words that changed, with a few either side
    assert (
        "~ texto: «Incentivar la aceptación de la alta…» -> «Incentivar el registro de la alta…»"
    ) in " ".join(section.split())
    assert "+ línea creativa agregada: eslogan «Primero las personas trabajadoras»" in section
    assert "- línea creativa quitada: eslogan «Primero los trabajadores»" in section


def test_json_is_keyed_by_campaign_and_touchpoint(cli: Invoke, repo: Path) -> None:
    edit(plan_of(repo), BRIGADAS_END, BRIGADAS_END_LATER)
    commit(repo)
    r = diff(cli, repo, "HEAD~1", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["changed"] is True
    assert data["old"] == "HEAD~1:data/campaigns.yaml"
    assert data["campaigns"] == ["atencion"]
    end = next(c for c in data["changes"] if c["field"] == "end")
    assert end == {
        "campaign": "atencion",
        "target": {
            "kind": "execution",
            "id": "brigadas",
            "label": "Brigadas de promoción y servicio (ejecución)",
        },
        "change": "date",
        "field": "end",
        "old": "2024-06-30",
        "new": "2024-07-30",
        "delta": 30,
        "message": "fin: 30 jun -> 30 jul, +30 días",
    }
    [introduced] = data["findings"]["introduced"]
    assert introduced["code"] == "outside-campaign"
    assert (introduced["file"], introduced["campaign"]) == ("data/campaigns.yaml", "atencion")
    assert data["findings"]["resolved"] == []


def test_markdown_is_a_review_comment(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    edit(plan, BRIGADAS_END, BRIGADAS_END_LATER)
    edit(plan, "          - Infomóviles\n", "          - Infomóviles\n          - <Volanteo*_>\n")
    commit(repo)
    r = diff(cli, repo, "HEAD~1", "-f", "markdown")
    assert r.exit_code == 1
    md = r.stdout
    assert md.startswith("### Cambios en el plan\n\n`HEAD~1:data/campaigns.yaml` → `")
    assert "#### Campaña «Infonavit, estés en donde estés» (`atencion`)\n\n" in md
    assert (
        "- **Brigadas de promoción y servicio (ejecución)**\n  - fin: 30 jun → 30 jul, +30 días\n"
    ) in md
    # user text cannot open HTML tags or emphasis in the comment
    assert "táctico agregado: «\\<Volanteo\\*\\_\\>»" in md
    assert "#### Efecto en `campana validate`" in md
    assert "- **aviso nuevo** `outside-campaign` en `" in md


# --- errors: exit 2, Spanish, on stderr ----------------------------------------------------


def _error(r: Any) -> str:
    assert r.exit_code == 2
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    return str(r.stderr)


def test_no_repository(cli: Invoke, plan_dir: Path) -> None:
    err = _error(cli("diff", "HEAD~1", "--plan", str(plan_dir / "campaigns.yaml")))
    assert err.startswith(
        "error: «HEAD~1» no es un archivo, y el plan no está en un repositorio git"
    )
    assert "sugerencia: compara dos archivos" in err


def test_no_such_revision(cli: Invoke, repo: Path) -> None:
    err = _error(diff(cli, repo, "HEAD~3"))
    assert err.startswith("error: «HEAD~3» no es un archivo ni una revisión del repositorio ")
    assert "git log --oneline" in err
    err = _error(diff(cli, repo, "rama-que-no-existe"))
    assert "«rama-que-no-existe» no es un archivo ni una revisión" in err


def test_repository_without_commits(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "vacio"
    (root / "data").mkdir(parents=True)
    shutil.copy(PLAN, root / "data" / "campaigns.yaml")
    git(root, "init", "-q")
    err = _error(cli("diff", "--plan", str(root / "data" / "campaigns.yaml")))
    assert "«HEAD» no es un archivo ni una revisión" in err
    assert "el repositorio aún no tiene commits" in err


def test_no_plan_at_that_revision(cli: Invoke, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README").write_text("plan pronto\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "inicio")
    (root / "data").mkdir()
    shutil.copy(PLAN, root / "data" / "campaigns.yaml")
    shutil.copy(AUDIENCE, root / "data" / "audience.yaml")
    err = _error(cli("diff", "--plan", str(root / "data" / "campaigns.yaml")))
    assert err.startswith("error: en la revisión «HEAD» no existe el plan data/campaigns.yaml\n")
    # REV:path reads the plan from another place at that revision
    git(root, "add", ".")
    git(root, "commit", "-qm", "plan")
    r = cli("diff", "HEAD:data/campaigns.yaml", "--plan", str(root / "data" / "campaigns.yaml"))
    assert r.exit_code == 0


def test_structural_errors_at_a_revision(cli: Invoke, repo: Path) -> None:
    plan = plan_of(repo)
    edit(plan, "  year: 2024", '  year: "dos mil"')
    commit(repo, "roto")
    edit(plan, '  year: "dos mil"', "  year: 2024")
    commit(repo, "arreglado")
    err = _error(diff(cli, repo, "HEAD~1"))
    assert err.startswith(
        "error: HEAD~1:data/campaigns.yaml tiene errores de estructura y no se puede comparar:\n"
        "  HEAD~1:data/campaigns.yaml:12:9: plan.year: se esperaba un número entero"
    )
    assert "sugerencia: compara con otra revisión" in err
    assert diff(cli, repo, "HEAD~2").exit_code == 0  # before it broke: the same plan
    # an unreadable working plan: its position, not a traceback
    plan.write_text("plan: [\n", encoding="utf-8")
    err = _error(diff(cli, repo))
    # at the bracket left open (issue 12), not on the empty line past the end
    assert err.startswith("data/campaigns.yaml:1:7: error: error de sintaxis YAML")


def test_bad_format_and_dash_revision(cli: Invoke, repo: Path) -> None:
    err = _error(diff(cli, repo, "HEAD", "--format", "xml"))
    assert "error: --format: «xml» no es un valor válido" in err
    assert "text, json, markdown" in err
    err = _error(cli("diff", "--plan", str(plan_of(repo)), "--", "-p"))
    assert "«-p» no es una revisión válida" in err


# --- the core: order never matters, every field does -----------------------------------------


def _shipped() -> tuple[dict[str, Any], dict[str, Any]]:
    v = validate_files([PLAN])
    assert v.plan is not None and v.audience is not None
    return v.plan.model_dump(), v.audience.model_dump()


def _side(plan: dict[str, Any], audience: dict[str, Any], label: str = "x") -> Side:
    return Side(label, Plan.model_validate(plan), Audience.model_validate(audience))


def _shuffle(value: Any, rnd: random.Random) -> Any:
    if isinstance(value, dict):
        items = list(value.items())
        rnd.shuffle(items)
        return {k: _shuffle(v, rnd) for k, v in items}
    if isinstance(value, list):
        out = [_shuffle(v, rnd) for v in value]
        rnd.shuffle(out)
        return out
    return value


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_any_reordering_is_no_change(rnd: random.Random) -> None:
    plan, audience = _shipped()
    before = _side(plan, audience)
    after = _side(_shuffle(plan, rnd), _shuffle(audience, rnd))
    result = compare(before, after)
    assert result.changes == []
    assert not result.changed


def _leaves(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, (*path, i))]
    return [(path, value)]


def _mutated(value: Any) -> Any:
    literals = {
        "pending": "denied",
        "approved": "pending",
        "denied": "approved",
        "slogan": "headline",
        "headline": "slogan",
        "url": "phone",
        "phone": "url",
        "brand": "caption",
        "caption": "brand",
        "web": "portal",
        "portal": "web",
        "exact": "approx",
        "approx": "up-to",
        "up-to": "exact",
    }
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value + 0.5
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, str):
        return literals.get(value, value + "-x")
    return "x"


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    import copy

    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return data


def test_every_field_of_the_plan_and_audience_is_seen() -> None:
    """Change any single value of the shipped files: the diff is never empty."""
    plan, audience = _shipped()
    base = _side(plan, audience)
    checked = 0
    for which, data in (("plan", plan), ("audience", audience)):
        for path, value in _leaves(data):
            changed = _set(data, path, _mutated(value))
            try:
                side = _side(changed, audience) if which == "plan" else _side(plan, changed)
            except ValueError:  # the mutation broke the schema: not a plan to compare
                continue
            result = compare(base, side)
            assert result.changed, f"{which}: {path} = {value!r} -> {_mutated(value)!r}"
            assert all(message(c) for c in result.changes)
            checked += 1
    assert checked >= 240  # of 229 values and the empty optional ones


def test_compare_is_symmetric_in_what_it_finds() -> None:
    plan, audience = _shipped()
    changed = _set(plan, ("campaigns", 1, "execution", 3, "end"), dt.date(2024, 7, 30))
    a, b = _side(plan, audience, "viejo"), _side(changed, audience, "nuevo")
    forward, backward = compare(a, b), compare(b, a)
    assert [c.delta for c in forward.changes] == [30]
    assert [c.delta for c in backward.changes] == [-30]
    assert message(forward.changes[0]) == "fin: 30 jun -> 30 jul, +30 días"
    assert message(backward.changes[0]) == "fin: 30 jul -> 30 jun, -30 días"


def test_creative_kinds_read_as_in_show() -> None:
    """One vocabulary: «sitio web», not «URL» (issue 10)."""
    plan, audience = _shipped()
    changed = _set(plan, ("campaigns", 1, "creative", 0, "lines", 2, "text"), "infonavit.mx")
    result = compare(_side(plan, audience), _side(changed, audience))
    texts = [message(c) for c in result.changes]
    assert "línea creativa agregada: sitio web «infonavit.mx»" in texts, texts


def test_markdown_arrows_are_written_not_patched() -> None:
    from campana.render.diff import markdown, text

    plan, audience = _shipped()
    changed = _set(plan, ("campaigns", 1, "execution", 3, "end"), dt.date(2024, 7, 30))
    result = compare(_side(plan, audience), _side(changed, audience))
    assert "fin: 30 jun → 30 jul, +30 días" in markdown(result)
    assert "fin: 30 jun -> 30 jul, +30 días" in text(result, color=False)
    assert message(result.changes[0], "→") == "fin: 30 jun → 30 jul, +30 días"


def test_a_warning_that_became_an_error_is_counted_in_the_summary() -> None:
    """Not «0 hallazgos nuevos, 0 resueltos» alone: the change of severity is counted, in text,
    Markdown and JSON alike (issue 17)."""
    from dataclasses import replace

    from campana.errors import Finding
    from campana.render.diff import as_json, markdown, summary, text

    plan, audience = _shipped()
    changed = _set(plan, ("campaigns", 1, "execution", 3, "end"), dt.date(2024, 7, 30))
    was = Finding(
        "data/campaigns.yaml", 170, 14, "warning", "period-mismatch", "difieren", None, "atencion"
    )
    now = replace(was, severity="error")
    result = compare(
        replace(_side(plan, audience, "viejo"), findings=[was]),
        replace(_side(changed, audience, "nuevo"), findings=[now]),
    )
    assert [f.status for f in result.findings] == ["severity"]
    said = "0 hallazgos nuevos, 0 resueltos, 1 hallazgo cambió de gravedad"
    assert said in summary(result)
    assert said in " ".join(text(result, color=False, width=80).split())
    assert said in markdown(result)
    assert said in json.loads(as_json(result))["summary"]


def test_two_files_compared_outside_a_project_say_nothing_of_the_example_plan(
    cli: Invoke, plan_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note «se usa el plan de ejemplo» is for a command that reads the example plan; a
    diff of two files reads neither (issue 17)."""
    old = tmp_path / "old"
    shutil.copytree(plan_dir, old)
    edit(plan_dir / "audience.yaml", "count: 5488535", "count: 5500000")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("CAMPANA_PLAN", raising=False)
    r = cli("diff", str(old / "campaigns.yaml"), str(plan_dir / "campaigns.yaml"))
    assert r.exit_code == 1
    assert "plan de ejemplo" not in r.stderr
    assert r.stderr == ""
    # one side read from the plan in use: the note says which plan that is
    r = cli("diff", str(old / "campaigns.yaml"))
    assert "se usa el plan de ejemplo incluido con campana" in r.stderr
