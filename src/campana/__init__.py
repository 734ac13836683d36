"""campana: a yearly campaign plan kept as validated YAML, and the questions it answers."""

__version__ = "0.1.0"
