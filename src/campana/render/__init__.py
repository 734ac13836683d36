"""Renderers: turn the core's result objects into text, JSON, CSV, Markdown or rich views."""
