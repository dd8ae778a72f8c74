"""Opening an original with the system's viewer without letting the file's sender choose the program.

An original's name comes from outside (an e-mail attachment, a zip member, a download): `2023 보도자료.hta`
is HTML that Windows runs as a program, and `보도자료_\u202etxt.js` shows as `…sj.txt` while Windows Script
Host runs it. Viewers are chosen by extension, so the copy handed to the viewer:

- gets its extension from the bytes (what the content is), never from the name it arrived with;
- only from an allow-list of document types a viewer opens without running anything (PDF, HWP, HWPX, DOCX,
  XLSX, PPTX, text, HTML — which a browser shows in its sandbox, unlike `.hta` —, e-mail, XML, images), and
  is checked once more against a deny-list of executable and shortcut types; content of any other kind is
  not handed out at all;
- has a name without control or bidirectional-override characters (U+202E and its kin), which are also
  removed from every name shown (`shown_name`) or printed in a report.

The stored original in `files/` is only read: the copy goes to a folder of the caller's choosing.
"""

from __future__ import annotations

import shutil
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from esgdesk.core.archive import Archive
from esgdesk.core.errors import EsgdeskError, NotFoundError
from esgdesk.core.files import safe_file_name
from esgdesk.core.i18n import _

#: the only extensions a copy for the system viewer may have: documents and images that open without running
VIEWER_EXTENSIONS = frozenset(
    {".pdf", ".hwp", ".hwpx", ".docx", ".xlsx", ".pptx", ".txt", ".html", ".eml", ".xml", ".png", ".jpg", ".gif"}
)
#: types that run code or point at something that does, on Windows, macOS or Linux; never given to a viewer
# fmt: off
EXECUTABLE_EXTENSIONS = frozenset({
    # Windows programs, installers, libraries and control-panel items
    ".exe", ".com", ".scr", ".pif", ".cpl", ".msi", ".msp", ".mst", ".msc", ".dll", ".sys", ".drv", ".ocx",
    ".msix", ".appx", ".appinstaller", ".appref-ms", ".application", ".gadget",
    # scripts Windows runs on a double click, and HTML applications
    ".bat", ".cmd", ".hta", ".js", ".jse", ".vbs", ".vbe", ".vb", ".wsf", ".wsh", ".ws", ".wsc", ".sct", ".ps1",
    ".ps1xml", ".ps2", ".psc1", ".psm1", ".psd1", ".reg", ".inf", ".ins", ".isp", ".chm", ".hlp", ".mht", ".mhtml",
    # shortcuts and links that point at a program
    ".lnk", ".url", ".website", ".scf", ".settingcontent-ms", ".library-ms", ".search-ms", ".desktop",
    # documents that carry macros, and disk images that mount with programs inside
    ".xll", ".xlam", ".xlsm", ".docm", ".dotm", ".pptm", ".potm", ".ppam", ".sldm",
    ".iso", ".img", ".vhd", ".vhdx", ".dmg", ".pkg",
    # macOS and Unix programs and scripts; Java; scriptable images and pages
    ".app", ".command", ".tool", ".workflow", ".terminal", ".sh", ".bash", ".zsh", ".csh", ".ksh", ".run",
    ".bin", ".elf", ".so", ".dylib", ".py", ".pyw", ".pl", ".rb", ".php", ".jar", ".jnlp", ".apk", ".deb", ".rpm",
    ".svg", ".xhtml", ".xht", ".swf",
})
# fmt: on

#: Unicode categories never kept in a name: controls (Cc: newline, escape), format characters (Cf: the
#: bidirectional overrides and isolates U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C, zero-width ones),
#: line and paragraph separators, surrogates and unassigned or private code points
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})


def shown_name(name: str) -> str:
    """`name` as it may be shown or printed: NFC, every control and direction-changing character removed.

    A newline in a file name would forge a line of a report, U+202E would turn `txt.js` into `sj.txt` on
    screen: white space (a newline, a tab) becomes one space, every other such character nothing.
    """
    text = unicodedata.normalize("NFC", name)
    kept = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char) not in _INVISIBLE
    )
    return " ".join(kept.split())


@dataclass(frozen=True)
class ViewerCopy:
    """The copy to hand to the system viewer and the name to show for it."""

    path: Path
    shown: str
    #: what the content was found to be (the extension follows from it)
    content: str


def viewer_extension(data: bytes) -> str | None:
    """The extension the content itself calls for, or None when it is nothing a viewer may be given."""
    head = data[:4096]
    if head.startswith(b"%PDF-"):
        return ".pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # An OLE compound file: HWP 5 names itself in its FileHeader stream; Word 97 and Excel 97 files (which
        # may carry macros) are not documents esgdesk reads, so they are not handed out.
        return ".hwp" if b"H\x00W\x00P\x00" in data[:65536] or b"HWP Document File" in data[:65536] else None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return ".gif"
    if head.startswith(b"PK\x03\x04"):
        return _package_extension(data)
    text = _as_text(data)
    if text is None:
        return None
    sample = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if sample.startswith(("<!doctype html", "<html")) or any(tag in sample for tag in ("<head", "<body", "<script")):
        return ".html"
    if sample.startswith("<?xml") or sample.startswith(("<rss", "<feed")):
        return ".xml"
    if _looks_like_email(sample):
        return ".eml"
    return ".txt"


def copy_for_viewer(archive: Archive, sha256: str, name: str, folder: Path) -> ViewerCopy:
    """A copy of a stored original in `folder`, named and typed by its content (module doc).

    Raises NotFoundError when the original is missing and EsgdeskError when its content is nothing a viewer
    may be given; the stored file is only read.
    """
    source = archive.files.path_for(sha256)
    if not source.is_file():
        raise NotFoundError(
            _("The original file {name} is missing from the archive's files folder.", name=shown_name(name))
        )
    with source.open("rb") as handle:
        head = handle.read(65536)
    # A zip's directory sits at its end, so a package is read whole (originals are bounded by the import).
    extension = viewer_extension(source.read_bytes() if head.startswith(b"PK\x03\x04") else head)
    if extension is None or extension not in VIEWER_EXTENSIONS or extension in EXECUTABLE_EXTENSIONS:
        raise EsgdeskError(
            _(
                "“{name}” is not a document type esgdesk hands to another program (it could run as one); "
                "its text is in the reader.",
                name=shown_name(name),
            )
        )
    file_name = viewer_file_name(name, extension, fallback=sha256[:12])
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / file_name
    shutil.copyfile(source, target)
    return ViewerCopy(target, file_name, extension.lstrip("."))


def viewer_file_name(name: str, extension: str, fallback: str = "original") -> str:
    """`name` made safe to write, with the sender's extension replaced by `extension`.

    Every suffix that names an executable type is dropped too (`report.exe.pdf` becomes `report.pdf`), so
    no viewer or file manager that looks past the last dot finds one.
    """
    if extension not in VIEWER_EXTENSIONS or extension in EXECUTABLE_EXTENSIONS:
        # English only, not _(): callers pass an extension from VIEWER_EXTENSIONS only: a programming error.
        raise ValueError(f"not a viewer extension: {extension}")
    clean = safe_file_name(shown_name(name), fallback=fallback)
    stem = clean
    while True:
        suffix = Path(stem).suffix.lower()
        if not suffix or not (suffix in EXECUTABLE_EXTENSIONS or suffix in VIEWER_EXTENSIONS or suffix == extension):
            break
        stem = stem[: -len(suffix)]
    stem = stem.rstrip(" .") or fallback
    return safe_file_name(stem + extension, fallback=fallback + extension)


def _package_extension(data: bytes) -> str | None:
    """A zip by what it holds: HWPX declares its mimetype; OOXML has its main part; a plain zip is refused."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            names = set(package.namelist())
            if "mimetype" in names:
                declared = package.read("mimetype")[:64]
                if b"hwp" in declared:
                    return ".hwpx"
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, KeyError, EOFError):
        return None
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        return None  # macros: whatever the package is, it is not handed out
    if "word/document.xml" in names:
        return ".docx"
    if "xl/workbook.xml" in names:
        return ".xlsx"
    if "ppt/presentation.xml" in names:
        return ".pptx"
    return None


def _as_text(data: bytes) -> str | None:
    """The bytes as text when they are text (UTF-8/16 with or without BOM, CP949); None for binary data."""
    sample = data[:65536]
    text: str | None = None
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = sample[: len(sample) // 2 * 2].decode("utf-16", errors="replace")
    elif b"\x00" not in sample:
        for encoding in ("utf-8", "cp949"):
            try:
                text = sample.decode(encoding)
                break
            except UnicodeDecodeError as exc:
                if exc.start >= len(sample) - 4:  # a character cut off by the sample's end
                    text = sample[: exc.start].decode(encoding)
                    break
    if text is None:
        return None
    controls = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\t\r\n\f")
    return text if controls <= len(text) // 100 else None


def _looks_like_email(sample: str) -> bool:
    headers = {line.split(":", 1)[0].strip().lower() for line in sample.splitlines()[:40] if ":" in line}
    return {"from", "subject"} <= headers and ("date" in headers or "message-id" in headers)
