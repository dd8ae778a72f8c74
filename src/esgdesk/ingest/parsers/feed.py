"""RSS 2.0, RSS 1.0 (RDF) and Atom files: korea.kr's `pressrelease.xml` and per-ministry `dept_*.xml` feeds.

Every item becomes its own document (kind "feed item") with its title, link, date and description as text.
korea.kr items look like

    <item><title>…</title>
      <link>https://www.korea.kr/briefing/pressReleaseView.do?newsId=156565174</link>
      <description><![CDATA[…html…]]></description>
      <pubDate>Fri, 28 Apr 2023 11:00:00 +0900</pubDate><author>산업통상자원부</author></item>

Format quirks handled here:
- feedparser is given a file object, never bytes or a string: given a string it fetches URLs and opens
  local file names, and a hostile "feed" could name either.
- Entity declarations (billion laughs) are refused before feedparser sees the bytes; a plain DOCTYPE naming
  the RSS 0.91 DTD is allowed (feedparser never downloads it).
- feedparser converts dates to UTC, which moves an 08:00 KST release to the day before; the date is read
  from the raw string, in the publisher's own time zone.
- The release's identity is korea.kr's `newsId` (the same number as on its page and in its HWPX), else the
  guid/id.
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import email.utils
import io
import re
from typing import Any

import feedparser

from esgdesk.core.i18n import _
from esgdesk.core.models import DocumentKind
from esgdesk.core.text import normalize_line, normalize_text
from esgdesk.ingest.html_tree import parse_html
from esgdesk.ingest.parsers.base import ParsedDocument, ParseError, SourceInput
from esgdesk.ingest.press_release import news_id_from_url, parse_korean_date

__all__ = ["FeedParser"]

#: a feed with more items than this is read up to here (korea.kr's feeds hold 10–100)
MAX_ITEMS = 10_000

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: the first element of the document, after the XML declaration, comments, PIs and a DOCTYPE
_ROOT = re.compile(
    r"^\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>\s*)*<(?:[\w.\-]+:)?(rss|feed|RDF)[\s>/]",
    re.S | re.I,
)
_ENTITY = re.compile(rb"<!\s*ENTITY", re.I)
#: a DOCTYPE with an internal subset (`[ … ]`) is where entities are declared
_DOCTYPE_SUBSET = re.compile(rb"<!\s*DOCTYPE[^>\[]*\[", re.I)
_MINISTRY = re.compile(r"^\S{2,20}(?:부|처|청|위원회|실|원|본부)$")
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml", "html", "xhtml"})


class FeedParser:
    name = "feed"
    media_types = ("application/rss+xml",)

    def score(self, source: SourceInput) -> int | None:
        """A feed is XML whose root is `rss`, `feed` (Atom) or `rdf:RDF`; `.rss`/`.atom` alone score 10."""
        if _ROOT.match(_sniff_text(source.head)):
            return 60
        if source.suffix in {".rss", ".atom"}:
            return 10
        return None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        _refuse_entities(source.data)
        try:
            parsed = feedparser.parse(
                io.BytesIO(source.data), resolve_relative_uris=False, sanitize_html=True, response_headers={}
            )
            return _documents(parsed)
        except ParseError:
            raise
        except RecursionError as exc:
            raise ParseError(_("the feed is nested too deeply to read safely")) from exc
        except Exception as exc:
            raise ParseError(_("the feed is damaged and cannot be read ({kind})", kind=type(exc).__name__)) from exc


def _sniff_text(head: bytes) -> str:
    """The head as text for sniffing: UTF-16 feeds exist (Windows tools), everything else is ASCII-compatible."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore")
    if head[:2] == b"<\x00":
        return head.decode("utf-16-le", errors="ignore")
    if head[:2] == b"\x00<":
        return head.decode("utf-16-be", errors="ignore")
    return head.decode("latin-1")


def _refuse_entities(data: bytes) -> None:
    text = data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
        text = _sniff_text(data).encode("utf-8")
    if _ENTITY.search(text) or _DOCTYPE_SUBSET.search(text):
        raise ParseError(_("the feed declares XML entities, which esgdesk refuses for safety"))


def _documents(parsed: Any) -> list[ParsedDocument]:
    entries = list(parsed.get("entries") or [])
    version = parsed.get("version") or ""
    if not entries:
        if parsed.get("bozo") and not version:
            raise ParseError(_("the file is not a readable feed (its XML is broken)"))
        raise ParseError(_("the feed holds no items"))
    feed = parsed.get("feed") or {}
    feed_title = _line(feed.get("title"))
    feed_ministry = _ministry_from_feed_title(feed_title)
    warnings: list[str] = []
    if parsed.get("bozo"):
        warnings.append(_("the feed is not well-formed XML; its items were read leniently"))
    if len(entries) > MAX_ITEMS:
        warnings.append(_("only the first {limit:,} of {count:,} items were read", limit=MAX_ITEMS, count=len(entries)))
        entries = entries[:MAX_ITEMS]
    documents = []
    for entry in entries:
        document = _item(entry)
        if feed_title:
            document.metadata["feed_title"] = feed_title
        if feed_ministry:
            document.metadata.setdefault("ministry", feed_ministry)
        if version:
            document.metadata["feed_format"] = version
        document.warnings.extend(warnings)
        documents.append(document)
    return documents


def _item(entry: Any) -> ParsedDocument:
    title_detail = entry.get("title_detail") or {}
    title = _html_line(entry.get("title")) if title_detail.get("type") in _HTML_TYPES else _line(entry.get("title"))
    document = ParsedDocument(body=_entry_body(entry), title=title or None, kind=DocumentKind.FEED_ITEM)
    document.published = _entry_date(entry)
    metadata = document.metadata
    link = _line(entry.get("link"))
    if link:
        metadata["source_url"] = link
    source_id = (news_id_from_url(link) if link else None) or _line(entry.get("id"))
    if source_id:
        metadata["source_id"] = source_id
    author = _line(entry.get("author"))
    if author:
        if _MINISTRY.match(author):
            metadata["ministry"] = author
        else:
            metadata["author"] = author
    categories = [_line(tag.get("term")) for tag in entry.get("tags") or [] if tag.get("term")]
    if categories:
        metadata["categories"] = categories
    return document


def _entry_body(entry: Any) -> str:
    """The fullest text the item carries: `content` (Atom, content:encoded), else summary/description."""
    candidates = list(entry.get("content") or [])
    if entry.get("summary_detail"):
        candidates.append(entry["summary_detail"])
    elif entry.get("summary"):
        candidates.append({"value": entry["summary"], "type": "text/html"})
    for candidate in candidates:
        value = candidate.get("value") or ""
        text = _html_text(value) if candidate.get("type", "text/html") in _HTML_TYPES else _clean(value)
        if text:
            return text
    return ""


def _entry_date(entry: Any) -> dt.date | None:
    """The item's date as its publisher wrote it (RFC 822 in RSS, RFC 3339 in Atom, Korean forms elsewhere).

    Read with dict.get: FeedParserDict.get maps `updated` to `published` with a DeprecationWarning.
    """
    for key in ("published", "updated", "created", "dc_date"):
        raw = dict.get(entry, key)
        if isinstance(raw, str) and raw.strip():
            date = _parse_date(raw.strip())
            if date:
                return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = dict.get(entry, key)
        if parsed:
            try:
                return dt.datetime.fromtimestamp(calendar.timegm(parsed), dt.UTC).date()
            except (OverflowError, ValueError, TypeError, OSError):
                continue
    return None


def _parse_date(raw: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    try:
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        pass
    return parse_korean_date(raw)


def _ministry_from_feed_title(title: str) -> str | None:
    """`dept_*.xml` feeds are titled after their ministry ("산업통상자원부 보도자료")."""
    first = title.split()[0] if title.split() else ""
    return first if _MINISTRY.match(first) and not first.startswith("보도") else None


def _html_text(value: str) -> str:
    return _clean(parse_html(value).root.text())


def _html_line(value: object) -> str:
    return normalize_line(_CONTROLS.sub("", parse_html(value).root.text())) if isinstance(value, str) else ""


def _line(value: object) -> str:
    return normalize_line(_CONTROLS.sub(" ", value)) if isinstance(value, str) else ""


def _clean(text: str) -> str:
    return normalize_text(_CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))
