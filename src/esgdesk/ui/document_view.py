"""The document list's view: the title takes the spare width, every other column stays compact.

Titles of one ministry start alike ("탄소중립 …", "'24년 …"), so a title loses its middle, never its ends, and
the full title is the cell's tooltip. Dates are short (24.09.02) and a ministry is elided (full in the tooltip);
in a narrow list the tag, region and note columns step aside one by one so the title keeps at least
TITLE_SYLLABLES Hangul syllables, and come back when there is room. The header's state (every column's width,
so also the title's share) is saved with the window's layout.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from esgdesk.library.browse import SortKey
from esgdesk.ui.document_table import COLUMNS, DocumentTableModel

#: the least a title shows on a 1024×700 laptop screen with the sidebar open, in Hangul syllables
TITLE_SYLLABLES = 14
#: optional columns come back only while the title keeps this many syllables (most titles whole)
COMFORTABLE_SYLLABLES = 26
#: a cell's text margins in the Fusion style (both sides together)
CELL_PADDING = 12
#: the columns that step aside, most worth keeping first
OPTIONAL = (SortKey.TAGS, SortKey.REGIONS, SortKey.ANNOTATIONS)


class DocumentTableView(QTableView):
    def __init__(self, model: DocumentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentTable")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setCornerButtonEnabled(False)
        # Rows drag onto a tag or a collection in the sidebar (Tag… and Add to collection… do it by keyboard).
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        vertical = self.verticalHeader()
        vertical.hide()
        # Fixed row heights: with 100,000 rows Qt must never measure rows to lay out the scroll bar.
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        header.setMinimumSectionSize(36)
        header.setSortIndicator(COLUMNS.index(SortKey.PUBLISHED), Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        for key, width in self._compact_widths().items():
            self.setColumnWidth(COLUMNS.index(key), width)
        #: an optional column's width while shown (a hidden column reports 0), kept as the analyst resizes it
        self._optional_widths = {COLUMNS.index(key): self.columnWidth(COLUMNS.index(key)) for key in OPTIONAL}
        #: the ministry column compact, and wide enough for the longest usual name (산업통상자원부) when the
        #: list has room; a width the analyst set by hand is neither, and fitting leaves it alone
        metrics = self.fontMetrics()
        self._ministry_widths = (
            self.columnWidth(COLUMNS.index(SortKey.MINISTRY)),
            metrics.horizontalAdvance("산업통상자원부") + CELL_PADDING,
        )
        header.sectionResized.connect(self._section_resized)

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if column in self._optional_widths and new > 0:
            self._optional_widths[column] = new

    def _compact_widths(self) -> dict[SortKey, int]:
        """Each column but the title as wide as its usual content, measured in the font in use."""
        metrics = self.fontMetrics()

        def fits(sample: str) -> int:
            return metrics.horizontalAdvance(sample) + CELL_PADDING

        return {
            SortKey.PUBLISHED: fits("24.09.02"),
            SortKey.MINISTRY: fits("산업통상부"),  # 고용노동부 whole; 산업통상자원부 elided, whole in its tooltip
            # Lists of names: an elided middle of "군산시, 당진시" ("군…시") says nothing, so these columns
            # are wide enough for two short names, or step aside (fit_columns).
            SortKey.TAGS: fits("정책/공정전환"),
            SortKey.REGIONS: fits("군산시, 당진시"),
            SortKey.ANNOTATIONS: fits("999"),
        }

    def title_min_width(self, syllables: int = TITLE_SYLLABLES) -> int:
        """This many Hangul syllables of a new (bold) title, with the cell's margins."""
        bold = QFont(self.font())
        bold.setBold(True)
        return QFontMetrics(bold).horizontalAdvance("가" * syllables) + CELL_PADDING

    def minimum_list_width(self) -> int:
        """The narrowest the list may be: a readable title beside the date and ministry, scroll bar and frame."""
        fixed = self.columnWidth(COLUMNS.index(SortKey.PUBLISHED)) + self._ministry_widths[0]
        scroll = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        return self.title_min_width() + fixed + scroll + 2 * self.frameWidth()

    def viewportEvent(self, event: QEvent) -> bool:
        # The viewport, not the view: it also narrows when the vertical scroll bar appears.
        if event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().viewportEvent(event)

    def fit_columns(self) -> None:
        """In a narrow list the note, region and tag columns step aside one by one (the reader's header and
        the side panel show the same), and come back when there is room; with room left over, the ministry
        column shows whole names (산업통상자원부) instead of eliding them."""
        optional = [COLUMNS.index(key) for key in OPTIONAL]
        ministry = COLUMNS.index(SortKey.MINISTRY)
        compact, whole = self._ministry_widths
        fitted = self.columnWidth(ministry) in (compact, whole)
        fixed = sum(self.columnWidth(i) for i in range(len(COLUMNS)) if i not in (0, ministry, *optional))
        room = self.viewport().width() - fixed - (compact if fitted else self.columnWidth(ministry))
        least = self.title_min_width(COMFORTABLE_SYLLABLES)
        for column in optional:
            width = self._optional_widths[column]
            if room - width >= least:
                self.setColumnHidden(column, False)
                room -= width
            else:
                self.setColumnHidden(column, True)
        if fitted:
            # Last: a whole ministry name is worth less than a tag or region column.
            self.setColumnWidth(ministry, whole if room - (whole - compact) >= least else compact)
