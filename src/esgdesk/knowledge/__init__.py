"""Gazetteers (regions, organisations, industries), entity extraction and regional facts — no database, no Qt.

The entry point is :func:`extract`; the gazetteer behind it is :func:`gazetteer`.
"""

from esgdesk.knowledge.amounts import parse_amount
from esgdesk.knowledge.extract import Extraction, Fact, Mention, extract
from esgdesk.knowledge.gazetteer import gazetteer

__all__ = ["Extraction", "Fact", "Mention", "extract", "gazetteer", "parse_amount"]
