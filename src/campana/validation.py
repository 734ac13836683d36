"""What validating a plan gives: ``Validation`` (models, documents, findings) and
``LoadedPlan`` (a plan ready for queries). Plain data: the checks read it, the cache stores it,
the loader fills it; this module imports none of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from campana.errors import Finding

if TYPE_CHECKING:
    from campana.models import Audience, Plan
    from campana.yamlsrc import YamlDoc


@dataclass
class Validation:
    """What validating a set of files found: models where they could be built, and findings."""

    plan: Plan | None = None
    audience: Audience | None = None
    plan_doc: YamlDoc | None = None
    audience_doc: YamlDoc | None = None
    findings: list[Finding] = field(default_factory=list)
    unreadable: list[Finding] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    #: the text of every file read (by display name), for showing the line of a finding
    texts: dict[str, str] = field(default_factory=dict, repr=False)
    _lines: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @property
    def all_findings(self) -> list[Finding]:
        return sorted([*self.unreadable, *self.findings], key=lambda f: f.sort_key)

    def line_text(self, name: str, line: int) -> str:
        """Line ``line`` (1-based) of the file shown as ``name``, or "" if it is not known."""
        lines = self._lines.get(name)
        if lines is None:
            from campana.yamlsrc.positions import split_lines

            # lines as editors count them (and as positions are given): NEL, LS and PS do
            # not end a line, as str.splitlines() would have it
            lines = self._lines[name] = split_lines(self.texts.get(name, ""))
        return lines[line - 1] if 0 < line <= len(lines) else ""


@dataclass
class LoadedPlan:
    """A plan ready for queries: its models and the findings `validate` would report."""

    plan: Plan
    audience: Audience | None
    validation: Validation

    @property
    def findings(self) -> list[Finding]:
        return self.validation.findings

    def findings_for(self, campaign_id: str) -> Iterator[Finding]:
        return (f for f in self.validation.findings if f.campaign == campaign_id)
