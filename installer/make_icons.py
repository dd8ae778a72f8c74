"""Make esgdesk's icons: one source PNG, and from it the Windows .ico and the macOS .icns.

Why generated rather than drawn by hand in three tools: the three files must stay the same picture, and the
build machines (Linux CI, windows-2022, macos-14) all have Pillow, so each build can make them again from the
one source. When `resources/icons/esgdesk.png` exists it is the source (replace it with a designer's icon and
rerun); when it does not, a simple, clean icon is drawn: a white page with a folded corner and text lines, and
a green leaf, on a rounded dark-green square.

    python installer/make_icons.py            # makes what is missing or older than the source PNG
    python installer/make_icons.py --force    # redraws the default source PNG, then every icon
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "esgdesk.png"
#: what a window or a Qt dialog shows; small enough to load at start without cost
WINDOW_ICON = ICONS / "esgdesk-256.png"
ICO = ICONS / "esgdesk.ico"
ICNS = ICONS / "esgdesk.icns"
SIZE = 1024
#: Windows picks one of these per view (taskbar, Explorer, Start menu, high-DPI)
ICO_SIZES = [(16, 16), (20, 20), (24, 24), (32, 32), (40, 40), (48, 48), (64, 64), (128, 128), (256, 256)]

GREEN = (23, 99, 72, 255)
GREEN_DARK = (14, 70, 51, 255)
LEAF = (76, 175, 80, 255)
LEAF_VEIN = (232, 245, 233, 255)
PAGE = (255, 255, 255, 255)
FOLD = (205, 222, 214, 255)
LINE = (160, 186, 175, 255)


def draw_source(size: int = SIZE) -> Image.Image:
    """The icon drawn at 4x and scaled down, which anti-aliases every edge without a vector library."""
    scale = 4
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        return (round(x0 * big), round(y0 * big), round(x1 * big), round(y1 * big))

    # macOS's grid leaves ~10% margin around the rounded square; Windows tolerates the same margin.
    draw.rounded_rectangle(box(0.08, 0.08, 0.92, 0.92), radius=round(0.18 * big), fill=GREEN_DARK)
    draw.rounded_rectangle(box(0.08, 0.06, 0.92, 0.90), radius=round(0.18 * big), fill=GREEN)

    # The page, with its top-right corner folded.
    left, top, right, bottom, fold = 0.27, 0.20, 0.70, 0.80, 0.12
    page = [
        (left * big, top * big),
        ((right - fold) * big, top * big),
        (right * big, (top + fold) * big),
        (right * big, bottom * big),
        (left * big, bottom * big),
    ]
    draw.polygon(page, fill=PAGE)
    draw.polygon(
        [
            ((right - fold) * big, top * big),
            ((right - fold) * big, (top + fold) * big),
            (right * big, (top + fold) * big),
        ],
        fill=FOLD,
    )
    # Text lines: the first one short, like a headline.
    line_height = 0.028
    for index, (start, end) in enumerate([(0.33, 0.52), (0.33, 0.64), (0.33, 0.64), (0.33, 0.58), (0.33, 0.50)]):
        y = 0.38 + index * 0.075
        draw.rounded_rectangle(box(start, y, end, y + line_height), radius=round(line_height * big / 2), fill=LINE)

    # The leaf, overlapping the page's lower-right corner: two arcs' intersection, as a lens.
    leaf = Image.new("L", (big, big), 0)
    leaf_draw = ImageDraw.Draw(leaf)
    cx, cy, r = 0.66, 0.70, 0.20
    leaf_draw.ellipse(box(cx - r + 0.07, cy - r - 0.07, cx + r + 0.07, cy + r - 0.07), fill=255)
    cut = Image.new("L", (big, big), 0)
    ImageDraw.Draw(cut).ellipse(box(cx - r - 0.07, cy - r + 0.07, cx + r - 0.07, cy + r + 0.07), fill=255)
    lens = Image.composite(leaf, Image.new("L", (big, big), 0), cut)
    image.paste(Image.new("RGBA", (big, big), LEAF), (0, 0), lens)
    # The lens's tips lie at (0.537, 0.577) and (0.783, 0.823): the vein runs between them, the stem beyond.
    draw.line([(0.57 * big, 0.61 * big), (0.765 * big, 0.805 * big)], fill=LEAF_VEIN, width=round(0.014 * big))
    draw.line([(0.775 * big, 0.815 * big), (0.83 * big, 0.87 * big)], fill=LEAF, width=round(0.02 * big))
    return image.resize((size, size), Image.Resampling.LANCZOS)


def make_icons(force: bool = False) -> list[Path]:
    """Draw the source PNG if it is missing (or with force); remake each icon that is missing or older than it."""
    ICONS.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if force or not SOURCE.exists():
        draw_source().save(SOURCE, optimize=True)
        written.append(SOURCE)
    source = Image.open(SOURCE).convert("RGBA")
    if source.size[0] < 512 or source.size[0] != source.size[1]:
        raise SystemExit(f"{SOURCE} must be square and at least 512 px (it is {source.size[0]}x{source.size[1]})")

    def stale(target: Path) -> bool:
        return SOURCE in written or not target.exists() or target.stat().st_mtime < SOURCE.stat().st_mtime

    if stale(WINDOW_ICON):
        source.resize((256, 256), Image.Resampling.LANCZOS).save(WINDOW_ICON, optimize=True)
        written.append(WINDOW_ICON)
    if stale(ICO):
        source.save(ICO, sizes=ICO_SIZES)
        written.append(ICO)
    if stale(ICNS):
        # Pillow's ICNS writer makes the 16…1024 px representations macOS asks for from this one image.
        source.resize((1024, 1024), Image.Resampling.LANCZOS).save(ICNS)
        written.append(ICNS)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="redraw the default source PNG and every icon")
    args = parser.parse_args(argv)
    for path in make_icons(force=args.force):
        print(f"wrote {path.relative_to(ICONS.parent.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
