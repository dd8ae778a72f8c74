"""Reading zip files from outside without trusting them.

A hostile zip can declare small sizes and inflate to gigabytes, name members `../../.bashrc` or `C:\\x`, or
hold a million members. Every read here is checked against the declared sizes *and* while inflating, member
names are checked before use, and nothing is ever extracted to disk by name.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from esgdesk.core.i18n import _
from esgdesk.ingest.limits import ImportLimits
from esgdesk.ingest.parsers.base import ParseError

_READ_CHUNK = 64 * 1024
#: below this size a high ratio is harmless (a run of spaces compresses 1000:1)
_RATIO_FLOOR = 1024 * 1024


def is_zip(data: bytes) -> bool:
    return data[:4] in (b"PK\x03\x04", b"PK\x05\x06")


class ZipLimitError(ParseError):
    """A member exceeds the unpacking limits (size, ratio, total): a possible zip bomb, never tolerated,
    unlike a merely damaged member that a format may be able to do without."""


@dataclass(frozen=True)
class ZipMember:
    name: str
    data: bytes | None
    #: why the member was not read (unsafe name, too large, encrypted, damaged); None when `data` is set
    error: str | None = None


def safe_member_name(name: str) -> str | None:
    """The member's path if it stays inside the archive, else None (absolute, `..`, drive letters)."""
    normalized = name.replace("\\", "/")
    if normalized.startswith("/") or (len(normalized) > 1 and normalized[1] == ":"):
        return None
    parts = PurePosixPath(normalized).parts
    if not parts or any(part in ("..", "") for part in parts):
        return None
    return "/".join(parts)


_END_RECORD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_END_RECORD = struct.Struct("<4sQ2H2L4Q")


def central_directory(handle: BinaryIO) -> tuple[int, int] | None:
    """(members, directory bytes) as the zip's end record declares them, read before `zipfile` loads every
    entry of a directory into memory; None when there is no end record (not a zip)."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    tail_start = max(0, size - _END_RECORD.size - 0xFFFF)
    handle.seek(tail_start)
    tail = handle.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END_RECORD.size > len(tail):
        return None
    _sig, _disk, _disk_cd, _here, entries, directory_size, _offset, _comment = _END_RECORD.unpack_from(tail, at)
    if entries == 0xFFFF or directory_size == 0xFFFFFFFF:  # zip64: the real figures are in the zip64 record
        locator_at = tail_start + at - _ZIP64_LOCATOR.size
        if locator_at < 0:
            return None
        handle.seek(locator_at)
        signature, _disk, record_offset, _disks = _ZIP64_LOCATOR.unpack(handle.read(_ZIP64_LOCATOR.size))
        if signature != b"PK\x06\x07":
            return None
        handle.seek(record_offset)
        record = handle.read(_ZIP64_END_RECORD.size)
        if len(record) < _ZIP64_END_RECORD.size or record[:4] != b"PK\x06\x06":
            return None
        fields = _ZIP64_END_RECORD.unpack(record)
        entries, directory_size = fields[7], fields[8]
    return entries, directory_size


class SafeZip:
    """The members of a zip, each read at most once under per-member, ratio, total and count limits.

    `source` is the zip's bytes, or the path of a zip too large to hold in memory (a bundle)."""

    def __init__(self, source: bytes | Path, limits: ImportLimits | None = None) -> None:
        self.limits = limits or ImportLimits()
        try:
            self._zip = zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source))
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ParseError(_("the zip file is damaged ({exc})", exc=exc)) from exc
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise ParseError(
                _(
                    "the zip file holds {count:,} members, more than the {limit:,} allowed",
                    count=len(infos),
                    limit=self.limits.max_members,
                )
            )
        self.infos = infos
        self._total = 0

    def members(self) -> Iterator[ZipMember]:
        """Every file member in order; unsafe or unreadable ones carry an error instead of data."""
        for info in self.infos:
            if info.is_dir():
                continue
            safe_name = safe_member_name(info.filename)
            if safe_name is None:
                yield ZipMember(info.filename, None, _("its path climbs out of the zip file; it was not read"))
                continue
            try:
                yield ZipMember(safe_name, self.read(info))
            except ParseError as exc:
                yield ZipMember(safe_name, None, str(exc))
                if self._total >= self.limits.max_unpacked_bytes:
                    return

    @property
    def names(self) -> frozenset[str]:
        return frozenset(info.filename for info in self.infos)

    def getinfo(self, name: str) -> zipfile.ZipInfo:
        return self._zip.getinfo(name)

    def check_declared(self, info: zipfile.ZipInfo, limit: int | None = None) -> None:
        """Refuse a member by what its header declares (password, size, ratio), before inflating anything —
        a cheap first screen over every member; `read` checks the bytes actually produced again."""
        limit = self.limits.max_file_bytes if limit is None else limit
        if info.flag_bits & 0x1:
            raise ParseError(_("the member is encrypted with a password"))
        if info.file_size > limit:
            raise ZipLimitError(
                _("the member declares {size:,} bytes, more than the import limit", size=info.file_size)
            )
        ratio_limit = self.limits.max_compression_ratio * max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and info.file_size > ratio_limit:
            raise ZipLimitError(_("the member is compressed suspiciously well (a zip bomb?); it was not unpacked"))

    def read(self, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
        """The member's bytes, checked against its declared sizes and again while inflating.

        Raises ZipLimitError for a limit (size, ratio, total) and ParseError for damage or a password."""
        limit = self.limits.max_file_bytes if limit is None else limit
        self.check_declared(info, limit)
        ratio_limit = self.limits.max_compression_ratio * max(info.compress_size, 1)
        remaining = self.limits.max_unpacked_bytes - self._total
        if info.file_size > remaining:
            raise ZipLimitError(_("the zip file unpacks to more than the total limit; the rest was not unpacked"))
        out = bytearray()
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_READ_CHUNK):
                    out += chunk
                    if len(out) > limit or len(out) > remaining:
                        raise ZipLimitError(
                            _("the member inflates beyond what it declares (a zip bomb?); it was not unpacked")
                        )
                    if len(out) > _RATIO_FLOOR and len(out) > ratio_limit:
                        raise ZipLimitError(
                            _("the member is compressed suspiciously well (a zip bomb?); it was not unpacked")
                        )
        except ParseError:
            raise
        except NotImplementedError as exc:
            raise ParseError(_("the member uses a compression method esgdesk cannot read")) from exc
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
            raise ParseError(_("the member is damaged ({exc})", exc=exc)) from exc
        self._total += len(out)
        return bytes(out)

    def close(self) -> None:
        self._zip.close()
