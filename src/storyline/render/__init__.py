"""Render dossiers for people and programs: the versioned JSON contract and Markdown."""
