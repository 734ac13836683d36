"""Change the plan through campana: minimal text edits, validated in memory, previewed, written
safely. No typer or rich here: the commands (``campana.cli.edit_cmd``) and any other caller
(a spreadsheet import, a next-year roll-forward) use this API.

The flow of every edit::

    from campana.edit import EditSession, ops

    session = EditSession(path)                 # reads the plan once (bytes + sha256),
                                                # validates it; refuses a plan with errors
    ops.move(session, "atencion", by="+7d")     # plan-level edit, or editor primitives:
    session.editor.set(("campaigns", 1, "end"), datetime.date(2024, 7, 21))
    outcome = session.outcome()                 # new text validated in memory (validate_text)
    outcome.diff                                # campana.diff.PlanDiff (render.diff renders it)
    outcome.new_errors, outcome.new_warnings    # findings not there before (by identity)
    session.write(outcome)                      # EditRefused if it adds errors; ChangedOnDisk
                                                # if the file changed since it was read

``Editor`` (``campana.edit.editor``): the text and its node tree (character offsets from the
parser's events). Primitives, each a splice into the original text, never a re-dump:

- ``set(path, value)``: a scalar, in its quoting style (plain, ``'``, ``"``; a folded block
  stays folded) where that style can hold the value;
- ``insert_key(path, key, value, after=[...])``: a new key in a mapping, after the last of
  ``after`` it has (the model's field order: ``ops.fields_before``), block or flow as the
  mapping is, a list or mapping value laid out with the document's indentation;
- ``append(path, value, index=None)``: a list item, block or flow as its siblings (a flow
  mapping item among flow mapping items), blank lines between items kept;
- ``remove(path)``: a list item with its own comments (those right above it and those indented
  under it); a comment that belongs to the next item stays; the last item leaves ``[]``;
- ``remove_key(path, key)``;
- ``empty(path)``: every item of a list removed, leaving ``key: []``;
- ``comment_above(path, key, lines)`` and ``replace_comment(start, end, new)``: comments
  only (the data does not change; ``roll-forward``'s note on the blackouts, its schema link).

Paths are tuples of keys and indexes into the original text (``("campaigns", 1, "execution",
0)``). ``editor.result()`` is the new text (the very same text without edits: a no-op is
byte-identical); ``editor.expected(data)`` the plain data it must read back as, which
``outcome()`` checks (an edit that would change anything else raises InternalError).
CRLF, the BOM (kept by ``PlanFile.encode``), comments and blank lines are never touched.

``ops``: the planner's edits on an ``EditSession``: ``ine_answer``, ``move`` (with ``period_text``
rewritten in the document's words by ``campana.edit.period.rewrite``, or refused),
``set_owner``, ``add_milestone``, ``remove_milestone``, ``add_blackout``, ``referrers``,
and the ``add_*``/``remove_*`` of campaigns, components, rows and touchpoints. Bad input
raises ``UsageError`` in Spanish before anything is edited.

``session.write`` goes through ``campana.files.write_plan``: a temporary file in the plan's
folder, fsynced, renamed over the target (a link is followed, the mode kept), after checking
right before the rename that the file still has the hash read. The query cache keys on the
text read, so the next query sees the new plan. Undo is git.
"""

from __future__ import annotations

from campana.edit.editor import EditConflict, Editor
from campana.edit.session import (
    ChangedOnDisk,
    EditRefused,
    EditSession,
    Outcome,
    PlanFile,
    check_text,
    numstat,
    read_plan_file,
)

__all__ = [
    "ChangedOnDisk",
    "EditConflict",
    "EditRefused",
    "EditSession",
    "Editor",
    "Outcome",
    "PlanFile",
    "check_text",
    "numstat",
    "read_plan_file",
]
