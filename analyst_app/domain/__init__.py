"""Domain records, identifiers and normalisation shared by importers, services and reports."""
