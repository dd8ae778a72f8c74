"""Format-free drawings (the map, the chart) and their two outputs: reportlab vectors and a Pillow PNG.

One description feeds both renderers, so the picture in the DOCX is the picture in the PDF. Coordinates are
points with the origin at the bottom left, as in PDF; the PNG renderer flips them.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used, so that a briefing-free command does not load reportlab or Pillow
    from PIL.Image import Image
    from PIL.ImageFont import FreeTypeFont
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.colors import Color

Point = tuple[float, float]

FONT_REGULAR = "NanumGothic"
FONT_BOLD = "NanumGothic-Bold"


@dataclass(frozen=True)
class Polygon:
    """A filled area; the first ring is the outline, later rings are holes (광주 inside 전라남도)."""

    rings: list[list[Point]]
    fill: str | None = None
    stroke: str | None = "#ffffff"
    stroke_width: float = 0.5


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    fill: str | None = None
    stroke: str | None = None
    stroke_width: float = 0.5


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    stroke: str = "#000000"
    stroke_width: float = 0.5


@dataclass(frozen=True)
class Label:
    x: float
    y: float
    text: str
    size: float = 7.0
    color: str = "#000000"
    #: start | middle | end
    anchor: str = "start"
    bold: bool = False


Shape = Polygon | Rect | Line | Label


@dataclass
class Graphic:
    width: float
    height: float
    shapes: list[Shape] = field(default_factory=list)
    #: a description for readers who cannot see the picture (alt text in DOCX)
    description: str = ""

    def add(self, shape: Shape) -> None:
        self.shapes.append(shape)

    def labels(self) -> list[str]:
        return [shape.text for shape in self.shapes if isinstance(shape, Label)]


# -- reportlab ----------------------------------------------------------------------------------------------


def register_fonts() -> None:
    """Register the bundled NanumGothic (TrueType outlines) so reportlab embeds a subset in every PDF."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from esgdesk.core.paths import korean_font_paths

    # Each name is checked on its own: other code in the process (the PDF importer's tests, a plug-in) may
    # have registered the regular face alone, and the bold face and the family mapping must exist regardless.
    registered = set(pdfmetrics.getRegisteredFontNames())
    paths = korean_font_paths()
    if FONT_REGULAR not in registered:
        pdfmetrics.registerFont(TTFont(FONT_REGULAR, str(paths["regular"])))
    if FONT_BOLD not in registered:
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(paths["bold"])))
    # <b> and <i> inside Paragraph markup pick these; Hangul has no italic, so italic stays upright.
    addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
    addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
    addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)


def to_drawing(graphic: Graphic, scale: float = 1.0) -> Drawing:
    """The graphic as reportlab vector shapes, scaled to the width it gets on the page."""
    from reportlab.graphics import shapes as rl
    from reportlab.lib.colors import HexColor

    register_fonts()

    def color(value: str | None) -> Color | None:
        return HexColor(value) if value else None

    drawing = rl.Drawing(graphic.width * scale, graphic.height * scale)
    # otherwise the renderer selects Helvetica first, and pdffonts lists a font the PDF does not embed
    drawing.initialFontName = FONT_REGULAR
    group = rl.Group()
    group.scale(scale, scale)
    for shape in graphic.shapes:
        if isinstance(shape, Polygon):
            path = rl.Path(
                fillColor=color(shape.fill),
                strokeColor=color(shape.stroke),
                strokeWidth=shape.stroke_width,
                fillMode=rl.FILL_EVEN_ODD,
            )
            for ring in shape.rings:
                path.moveTo(*ring[0])
                for point in ring[1:]:
                    path.lineTo(*point)
                path.closePath()
            group.add(path)
        elif isinstance(shape, Rect):
            group.add(
                rl.Rect(
                    shape.x,
                    shape.y,
                    shape.width,
                    shape.height,
                    fillColor=color(shape.fill),
                    strokeColor=color(shape.stroke),
                    strokeWidth=shape.stroke_width,
                )
            )
        elif isinstance(shape, Line):
            group.add(
                rl.Line(
                    shape.x1,
                    shape.y1,
                    shape.x2,
                    shape.y2,
                    strokeColor=color(shape.stroke),
                    strokeWidth=shape.stroke_width,
                )
            )
        else:
            group.add(
                rl.String(
                    shape.x,
                    shape.y,
                    shape.text,
                    fontName=FONT_BOLD if shape.bold else FONT_REGULAR,
                    fontSize=shape.size,
                    fillColor=color(shape.color),
                    textAnchor=shape.anchor,
                )
            )
    drawing.add(group)
    return drawing


# -- Pillow ---------------------------------------------------------------------------------------------------


@cache
def _pil_font(bold: bool, pixels: int) -> FreeTypeFont:
    from PIL import ImageFont

    from esgdesk.core.paths import korean_font_paths

    return ImageFont.truetype(str(korean_font_paths()["bold" if bold else "regular"]), pixels)


def to_png(graphic: Graphic, dpi: int = 200) -> bytes:
    """The graphic as a PNG at `dpi` (a point is 1/72 inch), for the DOCX renderer."""
    from PIL import Image, ImageDraw

    factor = dpi / 72.0
    width, height = round(graphic.width * factor), round(graphic.height * factor)
    image = Image.new("RGB", (width, height), "#ffffff")
    draw = ImageDraw.Draw(image)

    def xy(point: Point) -> tuple[float, float]:
        return point[0] * factor, height - point[1] * factor

    for shape in graphic.shapes:
        if isinstance(shape, Polygon):
            _fill_polygon(image, shape, xy)
            if shape.stroke:
                line_width = max(1, round(shape.stroke_width * factor))
                for ring in shape.rings:
                    draw.line([xy(p) for p in [*ring, ring[0]]], fill=shape.stroke, width=line_width, joint="curve")
        elif isinstance(shape, Rect):
            x0, y1 = xy((shape.x, shape.y))
            x1, y0 = xy((shape.x + shape.width, shape.y + shape.height))
            outline_width = max(1, round(shape.stroke_width * factor)) if shape.stroke else 0
            draw.rectangle([x0, y0, x1, y1], fill=shape.fill, outline=shape.stroke, width=outline_width)
        elif isinstance(shape, Line):
            draw.line(
                [xy((shape.x1, shape.y1)), xy((shape.x2, shape.y2))],
                fill=shape.stroke,
                width=max(1, round(shape.stroke_width * factor)),
            )
        else:
            font = _pil_font(shape.bold, max(6, round(shape.size * factor)))
            anchor = {"start": "ls", "middle": "ms", "end": "rs"}[shape.anchor]
            draw.text(xy((shape.x, shape.y)), shape.text, fill=shape.color, font=font, anchor=anchor)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _fill_polygon(image: Image, shape: Polygon, xy: Callable[[Point], tuple[float, float]]) -> None:
    """Even-odd fill through a mask, because ImageDraw.polygon cannot leave holes.

    A page-sized mask per polygon cost half a second for a map of 500 areas, so only polygons that have holes
    (전라남도 around 광주) take that path; the rest are filled directly.
    """
    if not shape.fill:
        return
    from PIL import Image, ImageDraw

    if len(shape.rings) == 1:
        if len(shape.rings[0]) >= 3:
            ImageDraw.Draw(image).polygon([xy(p) for p in shape.rings[0]], fill=shape.fill)
        return
    mask = Image.new("1", image.size, 0)
    mask_draw = ImageDraw.Draw(mask)
    for index, ring in enumerate(shape.rings):
        if len(ring) >= 3:
            mask_draw.polygon([xy(p) for p in ring], fill=1 if index == 0 else 0)
    image.paste(shape.fill, mask=mask)
