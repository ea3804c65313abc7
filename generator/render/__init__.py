"""Rendering briefings into Markdown pages and PDF briefs through the Jinja templates."""
