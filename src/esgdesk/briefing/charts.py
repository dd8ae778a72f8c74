"""A grouped bar chart (documents per region and year) as a format-free Graphic.

Drawn from shapes rather than reportlab's VerticalBarChart so the DOCX gets the identical picture as a PNG.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from esgdesk.briefing.graphics import Graphic, Label, Line, Rect

#: ten distinguishable colours: a packet spanning 2021–2028 must not paint two years the same blue
PALETTE = (
    "#1f5fa8", "#f08c00", "#2b8a3e", "#c92a2a", "#7048e8",
    "#495057", "#0c8599", "#e64980", "#94d82d", "#a9746e",
)  # fmt: skip
VALUE_SIZE = 6.0


def grouped_bars(
    categories: list[str],
    series: Mapping[str, Sequence[float]],
    width: float = 440.0,
    height: float = 210.0,
    unit: str = "건",
) -> Graphic:
    """One group of bars per category, one bar per series (a year), an integer axis and a legend on top."""
    graphic = Graphic(width, height, description="지역·연도별 문서 수")
    left, right, bottom, top = 30.0, 8.0, 34.0, 26.0
    plot_w, plot_h = width - left - right, height - bottom - top
    peak = max((value for values in series.values() for value in values), default=0) or 1
    step = _tick_step(peak)
    axis_max = step * math.ceil(peak / step)
    _axis(graphic, left, bottom, plot_w, plot_h, axis_max, step, unit)
    group_w = plot_w / max(1, len(categories))
    bar_w = min(18.0, group_w * 0.8 / max(1, len(series)))
    for index, category in enumerate(categories):
        group_left = left + index * group_w + (group_w - bar_w * len(series)) / 2
        for offset, values in enumerate(series.values()):
            value = values[index]
            if value:
                bar_h = plot_h * value / axis_max
                x = group_left + offset * bar_w
                graphic.add(Rect(x, bottom, bar_w - 1, bar_h, PALETTE[offset % len(PALETTE)]))
                text = _number(value)
                # over bars narrower than their number the labels ran together ("282828"); the gridlines remain
                if bar_w - 1 >= len(text) * VALUE_SIZE * 0.56:
                    graphic.add(Label(x + (bar_w - 1) / 2, bottom + bar_h + 2, text, VALUE_SIZE, "#343a40", "middle"))
        graphic.add(Label(left + (index + 0.5) * group_w, bottom - 11, category, 7.0, "#212529", "middle"))
    _legend(graphic, list(series), left, height - 14)
    return graphic


def _axis(
    graphic: Graphic, left: float, bottom: float, plot_w: float, plot_h: float, top: float, step: float, unit: str
) -> None:
    value = 0.0
    while value <= top + 1e-9:
        y = bottom + plot_h * value / top
        graphic.add(Line(left, y, left + plot_w, y, "#dee2e6" if value else "#495057", 0.5))
        graphic.add(Label(left - 4, y - 2.5, _number(value), 6.5, "#495057", "end"))
        value += step
    graphic.add(Label(left - 4, bottom + plot_h + 8, f"({unit})", 6.5, "#495057", "end"))


def _legend(graphic: Graphic, names: list[str], x: float, y: float) -> None:
    for offset, name in enumerate(names):
        graphic.add(Rect(x, y, 9, 7, PALETTE[offset % len(PALETTE)]))
        graphic.add(Label(x + 12, y + 0.5, name, 7.0))
        x += 22 + len(name) * 4.5


def _tick_step(peak: float) -> float:
    """1, 2 or 5 times a power of ten, giving four to eight gridlines."""
    raw = peak / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return max(1.0, factor * magnitude)
    return max(1.0, 10 * magnitude)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
