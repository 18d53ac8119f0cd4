"""Extraction stage: time expressions (and, later, quotes, figures and asks) as spans."""
