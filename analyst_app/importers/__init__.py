"""Importers: sniff a file's content, pick an importer, parse it into domain records.

Importers never touch the database; :mod:`analyst_app.services.imports` stores what they read.
"""
