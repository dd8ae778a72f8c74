"""A map of Korea shading the regions a packet covers, drawn from the bundled SGIS TopoJSON.

TopoJSON stores shared borders once as quantised, delta-encoded arcs; a ring lists arc indices (~i is arc i
reversed). Decoding it here takes forty lines and spares a GIS dependency. Longitude is scaled by cos(36°) —
a plain equirectangular projection that looks right at Korea's size and needs no projection library.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from esgdesk.briefing.graphics import Graphic, Label, Point, Polygon, Rect
from esgdesk.briefing.regions import province_by_map_code

PROVINCES_FILE = "skorea-provinces-2018-topo-simple.json"
MUNICIPALITIES_FILE = "skorea-municipalities-2018-topo-simple.json"
#: KOGL type 1 requires this line wherever the boundaries are shown (resources/data/maps/README.md)
MAP_ATTRIBUTION = "행정구역 경계: 통계청 SGIS (공공누리 제1유형)"

LAT_CENTER = 36.0
BASE_FILL = "#e9ecef"
PROVINCE_FILL = "#9ec5e8"
MUNICIPALITY_FILL = "#1f5fa8"
BORDER = "#ffffff"


@dataclass(frozen=True)
class Area:
    """One 시·도 or 시·군·구: its SGIS code, name, and outline parts in lon/lat (each part: rings)."""

    code: str
    name: str
    parts: list[list[list[Point]]]


@cache
def load_areas(file_name: str) -> tuple[Area, ...]:
    from esgdesk.core.paths import resource_path

    with resource_path("data", "maps", file_name).open(encoding="utf-8") as handle:
        topology = json.load(handle)
    return tuple(decode_topology(topology))


def decode_topology(topology: dict[str, Any]) -> Iterable[Area]:
    arcs = _decode_arcs(topology["arcs"], topology.get("transform"))
    for collection in topology["objects"].values():
        for geometry in collection.get("geometries", []):
            properties = geometry.get("properties", {})
            if geometry["type"] == "Polygon":
                polygons = [geometry["arcs"]]
            elif geometry["type"] == "MultiPolygon":
                polygons = geometry["arcs"]
            else:
                continue
            parts = [[_ring(ring, arcs) for ring in polygon] for polygon in polygons]
            yield Area(str(properties.get("code", "")), str(properties.get("name", "")), parts)


def _decode_arcs(raw_arcs: list[list[list[float]]], transform: dict[str, Any] | None) -> list[list[Point]]:
    if not transform:
        return [[(p[0], p[1]) for p in arc] for arc in raw_arcs]
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    decoded = []
    for arc in raw_arcs:
        x = y = 0.0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


def _ring(indices: list[int], arcs: list[list[Point]]) -> list[Point]:
    ring: list[Point] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(arc if not ring else arc[1:])
    return ring


# -- drawing ---------------------------------------------------------------------------------------------------


@dataclass
class MapSelection:
    """What to shade: 시·도 by SGIS code, and 시·군·구 by (SGIS province code, name)."""

    provinces: set[str]
    municipalities: set[tuple[str, str]]


class _Projection:
    def __init__(self, areas: Iterable[Area], width: float, margin: float) -> None:
        points = [p for area in areas for part in area.parts for p in part[0]]
        self.kx = math.cos(math.radians(LAT_CENTER))
        self.min_lon = min(p[0] for p in points)
        self.min_lat = min(p[1] for p in points)
        span_x = (max(p[0] for p in points) - self.min_lon) * self.kx
        span_y = max(p[1] for p in points) - self.min_lat
        self.margin = margin
        self.scale = (width - 2 * margin) / span_x
        self.height = span_y * self.scale + 2 * margin

    def __call__(self, point: Point) -> Point:
        return (
            self.margin + (point[0] - self.min_lon) * self.kx * self.scale,
            self.margin + (point[1] - self.min_lat) * self.scale,
        )


def korea_map(
    selection: MapSelection, width: float = 380.0, legend: tuple[str, str] = ("시·도", "시·군·구")
) -> Graphic:
    """Every 시·도 in grey, covered ones in light blue, covered 시·군·구 in dark blue, with names."""
    provinces = load_areas(PROVINCES_FILE)
    project = _Projection(provinces, width, margin=6.0)
    graphic = Graphic(width, project.height, description="대상 지역 지도")
    placer = _LabelPlacer()
    covered_provinces = [area for area in provinces if area.code in selection.provinces]
    for area in provinces:
        fill = PROVINCE_FILL if area in covered_provinces else BASE_FILL
        _add_area(graphic, area, project, fill, BORDER, 0.6)
    if selection.municipalities:
        for area in load_areas(MUNICIPALITIES_FILE):
            if (area.code[:2], area.name) in selection.municipalities:
                _add_area(graphic, area, project, MUNICIPALITY_FILL, BORDER, 0.3)
                for part in area.parts:
                    placer.block(_bbox([project(p) for p in part[0]]))
                # beside the mainland part: a box around 태안군's outlying islands put its name far out at sea
                mainland = max((part[0] for part in area.parts), key=lambda ring: abs(_area(ring)))
                placer.place_beside(area.name, _bbox([project(p) for p in mainland]), 6.5)
    for area in covered_provinces:
        province = province_by_map_code(area.code)
        x, y = project(_label_point(area))
        placer.place_at(province.short if province else area.name, x, y, 7.5)
    for shape in placer.shapes():
        graphic.add(shape)
    _add_legend(graphic, width, legend)
    return graphic


Box = tuple[float, float, float, float]


def _bbox(points: list[Point]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


class _LabelPlacer:
    """Greedy label placement: try a few spots, take the first that covers no label or highlighted area.

    Without it 경북 lands on 구미시 and 의성군; a map where names overprint each other reads as broken.
    """

    def __init__(self) -> None:
        self._taken: list[Box] = []
        self._labels: list[tuple[Label, Box, bool]] = []

    def block(self, box: Box) -> None:
        self._taken.append(box)

    def place_beside(self, text: str, area: Box, size: float) -> None:
        """A 시·군·구 name on a white tab to the right, left, above or below its area."""
        width, height = _text_width(text, size) + 4, size + 3
        cx = (area[0] + area[2]) / 2
        cy = (area[1] + area[3]) / 2
        candidates = [
            (area[2] + 2, cy - height / 2),
            (area[0] - width - 2, cy - height / 2),
            (cx - width / 2, area[3] + 2),
            (cx - width / 2, area[1] - height - 2),
            (area[2] + 2, area[3]),
            (area[2] + 2, area[1] - height),
        ]
        self._place(text, size, width, height, candidates, boxed=True)

    def place_at(self, text: str, x: float, y: float, size: float) -> None:
        """A 시·도 name at its centroid, nudged up or down when something is already there."""
        width, height = _text_width(text, size) + 2, size + 2
        nudges = [(0, 0), (0, 14), (0, -14), (0, 28), (0, -28), (20, 0), (-20, 0)]
        candidates = [(x - width / 2 + dx, y - height / 2 + dy) for dx, dy in nudges]
        self._place(text, size, width, height, candidates, boxed=False)

    def _place(self, text: str, size: float, width: float, height: float, candidates: list[Point], boxed: bool) -> None:
        chosen = candidates[0]
        for left, bottom in candidates:
            box = (left, bottom, left + width, bottom + height)
            if not any(_overlaps(box, taken) for taken in self._taken):
                chosen = (left, bottom)
                break
        box = (chosen[0], chosen[1], chosen[0] + width, chosen[1] + height)
        self._taken.append(box)
        label = Label(
            chosen[0] + width / 2, chosen[1] + (height - size) / 2 + size * 0.18, text, size, "#0b2545", "middle", True
        )
        self._labels.append((label, box, boxed))

    def shapes(self) -> list:
        shapes: list = []
        for label, box, boxed in self._labels:
            if boxed:
                shapes.append(Rect(box[0], box[1], box[2] - box[0], box[3] - box[1], "#ffffff", MUNICIPALITY_FILL, 0.4))
            shapes.append(label)
        return shapes


def _text_width(text: str, size: float) -> float:
    """Hangul glyphs are about one em wide, Latin and digits about half."""
    return sum(size * (0.92 if ord(ch) > 0x2E80 else 0.55) for ch in text)


#: points closer than this (in map units, ~0.15 mm on the page) to the last kept one are dropped
SIMPLIFY_TOLERANCE = 0.5


def _add_area(graphic: Graphic, area: Area, project: _Projection, fill: str, stroke: str, stroke_width: float) -> None:
    for part in area.parts:
        rings = [_simplified([project(p) for p in ring]) for ring in part if len(ring) >= 3]
        rings = [ring for ring in rings if len(ring) >= 3]
        if rings:
            graphic.add(Polygon(rings, fill, stroke, stroke_width))


def _simplified(ring: list[Point], tolerance: float = SIMPLIFY_TOLERANCE) -> list[Point]:
    """Drop points nearer than `tolerance` to the previous kept point (radial-distance simplification).

    The boundary files carry detail far below what a 10 cm map can show; every point costs a PDF path
    operator formatted in Python and a vertex in the PNG, so the full outlines made the map most of the
    PDF export's time and size. An island that shrinks below three points is too small to see and is dropped.
    """
    if len(ring) < 3:
        return ring
    limit = tolerance * tolerance
    kept = [ring[0]]
    last_x, last_y = ring[0]
    for x, y in ring[1:]:
        if (x - last_x) ** 2 + (y - last_y) ** 2 >= limit:
            kept.append((x, y))
            last_x, last_y = x, y
    return kept


def _label_point(area: Area) -> Point:
    """The centroid of the largest part's outline (a label belongs on the mainland, not on an island)."""
    outline = max((part[0] for part in area.parts), key=lambda ring: abs(_area(ring)))
    area_sum = _area(outline)
    if abs(area_sum) < 1e-12:
        return outline[0]
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(outline, outline[1:] + outline[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area_sum), cy / (6 * area_sum)


def _area(ring: list[Point]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def _add_legend(graphic: Graphic, width: float, legend: tuple[str, str]) -> None:
    """Bottom right, over the sea east of 제주 where no land is drawn."""
    x, y = width - 92, 14
    for offset, (fill, text) in enumerate(((PROVINCE_FILL, legend[0]), (MUNICIPALITY_FILL, legend[1]))):
        row_y = y + (1 - offset) * 13
        graphic.add(Rect(x, row_y, 10, 8, fill, "#6c757d", 0.3))
        graphic.add(Label(x + 14, row_y + 1, text, 7.0))
