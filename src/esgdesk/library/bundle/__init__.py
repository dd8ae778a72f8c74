"""Portable bundles: an archive, or part of it, as one `.esgd` file to carry to another machine or colleague.

A bundle is a zip holding `manifest.json` and every original under `files/<sha256>`:

    {"format": "esgdesk-bundle", "version": 1, "created": ..., "generator": "esgdesk 0.1", "schema": "0001",
     "selection": {"query": null | "...", "method": "all" | "search"},
     "tables": {"documents": [{...every column...}], "files": [...], "document_files": [...], "tags": [...], ...}}

Why flat tables with the archive's own column names and ids: every field round-trips without a hand-written
mapping per feature, a later column is one more key, and ids inside the bundle are only labels that import
remaps. The manifest's `version` changes only when an older esgdesk could not read the bundle correctly; an
unknown version is refused rather than half understood.

Import merges into the open archive and is all or nothing:
1. the zip is checked before anything is decompressed (member names, member count, declared sizes and ratios),
   then the manifest is read with a size cap and validated row by row (types, ids, references);
2. every original is read (with caps on the bytes actually produced, never the sizes the zip declares) and its
   sha256 and size compared with the manifest — a single mismatch refuses the whole bundle;
3. only then, under the writer lock and in one transaction, rows are merged: documents recognised by content
   hash, tags by name within their parent (the hierarchy kept), organisations by key, entities by kind and key,
   rule/collection/category/saved search by name, annotations and links by what they say; new ids are remapped.
   Originals are written (verified again) before the commit; if anything fails the transaction rolls back and the
   originals written by this import are removed, so nothing stays referenced or half there.
Importing the same bundle twice therefore adds nothing.

Documents that are already in the archive (same text) keep their own originals, entities and revisions — as an
ordinary import of the same text would — but gain the bundle's tags, annotations, links and collection places.
"""

from esgdesk.library.bundle.export import ExportReport, export_bundle
from esgdesk.library.bundle.manifest import BundleError, BundleLimits
from esgdesk.library.bundle.merge import ImportReport, describe, import_bundle, read_bundle

__all__ = [
    "BundleError",
    "BundleLimits",
    "ExportReport",
    "ImportReport",
    "describe",
    "export_bundle",
    "import_bundle",
    "read_bundle",
]
