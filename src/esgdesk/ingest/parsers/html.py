"""Saved web pages: korea.kr press-release pages and generic pages.

korea.kr marks its parts with stable classes: `div.article_head h1` (headline), `div.info` (date, ministry),
`div.view_cont` (body) and `div.file` (attachment names). Other pages give their <title>/<h1> and main content.
Nothing is fetched and nothing runs: see esgdesk.ingest.html_tree.
"""

from __future__ import annotations

import re
from pathlib import PurePath

from esgdesk.core.models import DocumentKind
from esgdesk.core.text import normalize_line, normalize_text
from esgdesk.ingest.decoding import decode_text
from esgdesk.ingest.html_tree import Element, HtmlPage, parse_html
from esgdesk.ingest.parsers.base import ParsedDocument, SourceInput
from esgdesk.ingest.press_release import news_id_from_url, parse_korean_date
from esgdesk.ingest.release_text import complete_release_metadata, documents_from_text

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_ANYWHERE = re.compile(rb"<(?:html|body|div|p|table|h1)\b[^>]*>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_SAVED_FROM = re.compile(r"saved from url=\(\d+\)(\S+)")
_PLACEHOLDER = re.compile(r"보도자료를\s*전재하여\s*제공")
_MINISTRY_NAME = re.compile(r"^\S{2,20}(?:부|처|청|위원회)$")
#: elements of a generic page that are navigation, not content
_CHROME = frozenset({"nav", "header", "footer", "aside", "form", "button", "select"})


class HtmlParser:
    name = "html"
    media_types = ("text/html",)

    def score(self, source: SourceInput) -> int | None:
        head = source.head
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = source.data[:8192].decode("utf-16", errors="ignore").encode("utf-8")
        if _HTML_START.match(head):
            return 50
        if source.suffix in {".html", ".htm", ".xhtml"}:
            return 20
        if _HTML_ANYWHERE.search(head) and b"\x00" not in head:
            return 5
        return None

    def parse(self, source: SourceInput) -> list[ParsedDocument]:
        declared = _META_CHARSET.search(source.data[:4096])
        text, encoding = decode_text(source.data, declared.group(1).decode("ascii") if declared else None)
        page = parse_html(text)
        article = page.root.find("div", "view_cont")
        document = _korea_kr_document(page, article) if article else _generic_document(page, source)
        document.metadata.setdefault("encoding", encoding)
        saved_from = _saved_from_url(page)
        if saved_from and "source_url" not in document.metadata:
            document.metadata["source_url"] = saved_from
        complete_release_metadata(document)
        return [document]


def _korea_kr_document(page: HtmlPage, article: Element) -> ParsedDocument:
    head = page.root.find("div", "article_head")
    heading = head.find("h1") if head else None
    title = normalize_line(heading.text()) if heading else _page_title(page)
    document = ParsedDocument(body=normalize_text(article.text()), title=title or None)
    if _PLACEHOLDER.search(document.body) and len(document.body) < 300:
        # korea.kr reprints many releases as "이 자료는 ○○부의 보도자료를 전재하여 제공함을 알려드립니다" and
        # attaches the real text; the importer replaces this notice when the attachment arrives.
        document.metadata["text_is_placeholder"] = True
    info = page.root.find("div", "info")
    if info:
        for piece in _text_pieces(info):
            date = parse_korean_date(piece)
            if date and document.published is None:
                document.published = date
            elif _MINISTRY_NAME.match(piece):
                document.metadata.setdefault("ministry", piece)
    attachments = [
        normalize_line(element.text())
        for box in page.root.find_all("div", "file")
        for element in box.find_all("a")
        if element.text().strip()
    ]
    if attachments:
        document.metadata["attachment_names"] = attachments
    url = _canonical_url(page)
    if url:
        document.metadata["source_url"] = url
        news_id = news_id_from_url(url)
        if news_id:
            document.metadata["source_id"] = news_id
    return document


def _generic_document(page: HtmlPage, source: SourceInput) -> ParsedDocument:
    content = page.root.find("main") or page.root.find("article") or page.root.find("body") or page.root
    _drop_chrome(content)
    # A page that is a pasted release (or a board page) reads like the plain-text form.
    documents = documents_from_text(content.text(), fallback_title=_page_title(page) or PurePath(source.name).stem)
    document = documents[0] if documents else ParsedDocument(body="", title=_page_title(page))
    heading = content.find("h1")
    if heading and heading.text().strip() and not document.metadata.get("department"):
        document.title = normalize_line(heading.text())
    if document.kind == DocumentKind.PRESS_RELEASE and not _looks_like_release(document):
        document.kind = DocumentKind.WEB_PAGE
    url = _canonical_url(page)
    if url:
        document.metadata["source_url"] = url
    return document


def _looks_like_release(document: ParsedDocument) -> bool:
    return bool(document.metadata.get("department") or document.metadata.get("ministry"))


def _drop_chrome(element: Element) -> None:
    element.children = [
        child for child in element.children if not (isinstance(child, Element) and child.tag in _CHROME)
    ]
    for child in element.children:
        if isinstance(child, Element):
            _drop_chrome(child)


def _text_pieces(element: Element) -> list[str]:
    pieces = [normalize_line(child.text()) for child in element.iter() if child.tag in {"span", "li", "em", "dd"}]
    pieces = [piece for piece in pieces if piece]
    return pieces or [normalize_line(part) for part in element.text().split("\n") if part.strip()]


def _page_title(page: HtmlPage) -> str:
    return normalize_line(page.meta_content("og:title") or page.title)


def _canonical_url(page: HtmlPage) -> str | None:
    for link in page.root.find_all("link"):
        if "canonical" in link.attributes.get("rel", "").split() and link.attributes.get("href"):
            return link.attributes["href"]
    return page.meta_content("og:url")


def _saved_from_url(page: HtmlPage) -> str | None:
    for comment in page.comments:
        match = _SAVED_FROM.search(comment)
        if match:
            return match.group(1)
    return None
