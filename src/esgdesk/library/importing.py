"""Importing, as the CLI and the GUI do it: the pipeline with the application's subscribers installed, so
entities, tag rules and the index follow each committed document through the change queue."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from esgdesk.core.archive import Archive
from esgdesk.ingest.pipeline import ImportPipeline, ImportReport, run_import
from esgdesk.library import derived


def import_pipeline(archive: Archive, **options: Any) -> ImportPipeline:
    """A pipeline whose progress the caller drives (the GUI runs it on a worker thread)."""
    derived.install()
    return ImportPipeline(archive, **options)


def import_paths(archive: Archive, paths: Sequence[str | Path], **options: Any) -> ImportReport:
    derived.install()
    return run_import(archive, paths, **options)
