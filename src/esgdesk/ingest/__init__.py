"""Turning files from outside into documents: parsers, Korean press-release metadata, the import pipeline."""
