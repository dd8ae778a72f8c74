"""Typed walks over Qt item views: Qt hands back ``item | None`` for an index, and every caller would check it.

An index inside ``range(count)`` always names an item, so the walks below drop the impossible ``None`` once
here instead of at each caller (and give mypy the narrowed type).
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTreeWidget, QTreeWidgetItem


def top_level_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The tree's top-level items, in order."""
    found = (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
    return [item for item in found if item is not None]


def child_items(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    """An item's direct children, in order."""
    found = (item.child(i) for i in range(item.childCount()))
    return [child for child in found if child is not None]


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    """A table cell's text, "" for a cell never filled."""
    item = table.item(row, column)
    return item.text() if item is not None else ""
