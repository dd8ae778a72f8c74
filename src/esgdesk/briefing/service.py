"""Exporting a briefing packet: the one service the CLI and the GUI call.

`export_steps` is a generator of progress steps (the GUI runs it on a worker thread and re-emits each step as
a signal); `export_packet` runs it to the end for callers that need no progress.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from esgdesk.briefing.packet import Packet
from esgdesk.briefing.sources import EmptySelectionError, load_sources, resolve_selection
from esgdesk.briefing.templates import PacketOptions, get_template
from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import _

FORMATS = ("docx", "pdf")


class UnknownFormatError(EsgdeskError):
    pass


@dataclass(frozen=True)
class Selection:
    ids: list[int] | None = None
    collection: str | None = None
    query: str | None = None


@dataclass(frozen=True)
class ExportStep:
    done: int
    total: int
    message: str
    output: Path | None = None


def build_packet(archive: Archive, template: str, selection: Selection, options: PacketOptions | None = None) -> Packet:
    chosen = get_template(template)
    ids = resolve_selection(archive, selection.ids, selection.collection, selection.query)
    if not ids:
        raise EmptySelectionError(_("the selection matches no documents; nothing to put in a packet"))
    return chosen.build(load_sources(archive, ids), options or PacketOptions())


def render(packet: Packet, fmt: str, output: Path) -> Path:
    """Render into a temporary file beside `output`, then move it into place (no half-written packet)."""
    if fmt not in FORMATS:
        raise UnknownFormatError(_("unknown format {fmt!r}; choose docx or pdf", fmt=fmt))
    output = output.expanduser().resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".esgdesk-", suffix=f".{fmt}", dir=output.parent)
    os.close(handle)
    try:
        if fmt == "pdf":
            from esgdesk.briefing.render_pdf import render_pdf

            render_pdf(packet, Path(temporary))
        else:
            from esgdesk.briefing.render_docx import render_docx

            render_docx(packet, Path(temporary))
        _readable_like_any_new_file(Path(temporary))
        os.replace(temporary, output)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return output


def _readable_like_any_new_file(path: Path) -> None:
    """mkstemp makes files only their owner may read; a packet is for sharing, so honour the umask instead."""
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o666 & ~umask)


def export_steps(
    archive: Archive,
    template: str,
    fmt: str,
    output: Path,
    selection: Selection,
    options: PacketOptions | None = None,
) -> Iterator[ExportStep]:
    if fmt not in FORMATS:
        raise UnknownFormatError(_("unknown format {fmt!r}; choose docx or pdf", fmt=fmt))
    get_template(template)  # fail before any work on a misspelt name
    yield ExportStep(0, 3, _("reading the selected documents"))
    packet = build_packet(archive, template, selection, options)
    yield ExportStep(1, 3, _("writing {format}", format=fmt.upper()))
    written = render(packet, fmt, output)
    yield ExportStep(2, 3, _("done"))
    yield ExportStep(3, 3, _("wrote {path}", path=written), written)


def export_packet(
    archive: Archive,
    template: str,
    fmt: str,
    output: Path,
    selection: Selection,
    options: PacketOptions | None = None,
) -> Path:
    written = output
    for step in export_steps(archive, template, fmt, output, selection, options):
        written = step.output or written
    return written
