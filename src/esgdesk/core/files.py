"""The content-addressed store of originals: files/ab/abcdef… by sha256.

Every original an analyst imports is kept byte for byte, once, however often it arrives. A file is written
to a temporary name and renamed into place, so a crash leaves either the whole file or none; an unreferenced
file left by a crashed import is harmless and `esgdesk check` reports it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path, PurePath

from esgdesk.core.errors import ArchiveError
from esgdesk.core.i18n import _

#: errors that mean the originals folder itself cannot be written (not this one file)
_FOLDER_UNUSABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


#: the folder under files/ where originals are written before they are renamed into place
INCOMING = "incoming"


class FileStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            # English only, not _(): digests come from esgdesk itself; a bad one is a programming error.
            raise ValueError(f"not a sha256 digest: {sha256!r}")
        return self.root / sha256[:2] / sha256

    @property
    def incoming(self) -> Path:
        """Where originals are written before they are renamed into place (same file system, so atomic)."""
        return self.root / INCOMING

    def clear_incoming(self) -> int:
        """Remove what interrupted writes left in `incoming/`; only the holder of the writer lock may call it."""
        removed = 0
        if self.incoming.is_dir():
            for leftover in self.incoming.iterdir():
                if leftover.is_file():
                    leftover.unlink(missing_ok=True)
                    removed += 1
        return removed

    def store(self, data: bytes) -> str:
        """Keep `data`; returns its sha256. Storing the same bytes again writes nothing."""
        digest = sha256_hex(data)
        target = self.path_for(digest)
        if target.exists() and target.stat().st_size == len(data):
            return digest
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            # Written in one folder of its own, then renamed into its bucket: what a killed writer leaves is all
            # in `incoming/`, which the next writer empties (library.opening) without walking the store.
            self.incoming.mkdir(parents=True, exist_ok=True)
            fd, temp_name = tempfile.mkstemp(dir=self.incoming, prefix=".incoming-")
        except OSError as exc:
            if exc.errno in _FOLDER_UNUSABLE:
                # The archive is the problem, not the file being imported: one error stops the batch (exit 2)
                # instead of the same failure reported for every file.
                raise ArchiveError(
                    _(
                        "The archive's originals folder {folder} cannot be written ({reason}); make it writable "
                        "and import again.",
                        folder=self.root,
                        reason=exc.strerror or exc,
                    )
                ) from exc
            raise
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, target)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
        return digest

    def read(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()


#: characters no file system accepts, or that steer paths: separators, Windows' reserved ones, controls
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
#: file systems count name length in bytes (255 on ext4, APFS, NTFS in UTF-16 units); Hangul takes 3 in UTF-8
MAX_NAME_BYTES = 200


def safe_file_name(name: str, fallback: str = "file") -> str:
    """A file name that is safe to store, show and write anywhere, made from one that came from outside.

    Names from e-mails, zips and the web may hold `../`, backslashes, control characters, shell syntax that
    is harmless as text but not as a path, 300 characters, or decomposed Hangul (macOS): the result is NFC,
    one path component, without controls or reserved names, and short enough for every file system, with its
    extension kept.
    """
    text = unicodedata.normalize("NFC", name)
    text = _UNSAFE_IN_NAMES.sub("_", text).strip().lstrip(".").strip()
    if not text or set(text) <= {"_", " "}:
        text = fallback
    if _WINDOWS_RESERVED.match(text):
        text = "_" + text
    suffix = PurePath(text).suffix if len(PurePath(text).suffix) <= 10 else ""
    stem = text[: len(text) - len(suffix)] if suffix else text
    while len((stem + suffix).encode("utf-8")) > MAX_NAME_BYTES and stem:
        stem = stem[:-1]
    return (stem.rstrip() or fallback) + suffix
