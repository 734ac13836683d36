"""One module per rule: its finding codes in ``CODES`` and a ``check(ctx)`` generator.

Plan rules take a ``PlanContext``, audience rules (``SCOPE = "audience"``) an
``AudienceContext``. The registry (``campana.checks.registry``) lists them in the order they run.
"""
