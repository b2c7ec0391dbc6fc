"""Reusable widgets: task progress, message bar, chart view."""
