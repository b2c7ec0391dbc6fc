"""Dialogs: workspace files and institution settings."""
