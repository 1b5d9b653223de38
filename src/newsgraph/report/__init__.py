"""The static HTML dossier: stories with their timeline, actors, statements, numbers, claims and evidence."""

from newsgraph.report.render import render_report, write_report

__all__ = ["render_report", "write_report"]
