"""A small, safe HTML tree: the standard library's tokenizer, no scripts, no network, no entities beyond HTML's.

Saved pages are hostile input. Nothing here fetches, executes or resolves anything: <script>, <style>,
<iframe>, <object>, <embed>, <template>, <noscript> and <svg> content is dropped while parsing, and event
handler attributes are never kept. Only what text extraction needs is modelled: tags, classes, ids, text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

#: content that is never text a reader should see
DROPPED_ELEMENTS = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "canvas"})
VOID_ELEMENTS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
BLOCK_ELEMENTS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
        "ol", "p", "pre", "section", "table", "tr", "ul", "caption", "tbody", "thead", "tfoot", "body",
    }
)  # fmt: skip
#: elements kept in the tree for their attributes (links, meta) but never read as text
_NOT_TEXT = frozenset({"head", "title"})
#: an element closes these open elements when it starts (the few implied end tags pages rely on)
_IMPLIED_END = {"p": {"p"}, "li": {"li"}, "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"}}
#: a guard against pathological nesting in hostile files
MAX_DEPTH = 400
_KEPT_ATTRIBUTES = frozenset({"class", "id", "href", "rel", "content", "name", "property", "charset", "http-equiv"})


@dataclass
class Element:
    tag: str
    attributes: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attributes.get("class", "").split())

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, class_name: str | None = None) -> list[Element]:
        return [
            element
            for element in self.iter()
            if (tag is None or element.tag == tag) and (class_name is None or class_name in element.classes)
        ]

    def find(self, tag: str | None = None, class_name: str | None = None) -> Element | None:
        found = self.find_all(tag, class_name)
        return found[0] if found else None

    def text(self) -> str:
        """The element's text with block elements on their own lines and table cells separated by tabs."""
        parts: list[str] = []
        _collect_text(self, parts)
        lines = [
            "\t".join(" ".join(cell.split()) for cell in line.split("\t")).strip()
            for line in "".join(parts).split("\n")
        ]
        return "\n".join(lines).strip()


def _collect_text(element: Element, parts: list[str]) -> None:
    if element.tag in _NOT_TEXT:
        return
    if element.tag == "br":
        parts.append("\n")
        return
    block = element.tag in BLOCK_ELEMENTS
    if block:
        parts.append("\n")
    for child in element.children:
        if isinstance(child, str):
            parts.append(child)
        else:
            _collect_text(child, parts)
            if child.tag in {"td", "th"}:
                parts.append("\t")
    if block:
        parts.append("\n")


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document")
        self.current = self.root
        self.depth = 0
        self.dropping: str | None = None
        self.meta: list[dict[str, str]] = []
        self.title_parts: list[str] = []
        self.comments: list[str] = []
        self._in_title = False

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self.meta.append({name: value or "" for name, value in attrs})
        if tag == "title":
            self._in_title = True
        if self.dropping:
            return
        if tag in DROPPED_ELEMENTS:
            if tag not in VOID_ELEMENTS:
                self.dropping = tag
            return
        for closes in _IMPLIED_END.get(tag, ()):
            if self.current.tag == closes:
                self._close_current()
        attributes = {
            name: value or "" for name, value in attrs if name in _KEPT_ATTRIBUTES and not name.startswith("on")
        }
        element = Element(tag, attributes, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID_ELEMENTS and self.depth < MAX_DEPTH:
            self.current = element
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and not self.dropping and self.current.tag == tag:
            self._close_current()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self.dropping:
            if tag == self.dropping:
                self.dropping = None
            return
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is None:
            return  # a stray end tag
        while self.current is not node:
            self._close_current()
        self._close_current()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if not self.dropping:
            self.current.children.append(data)

    def _close_current(self) -> None:
        if self.current.parent is not None:
            self.current = self.current.parent
            self.depth -= 1


@dataclass
class HtmlPage:
    root: Element
    title: str
    meta: list[dict[str, str]]
    comments: list[str]

    def meta_content(self, *names: str) -> str | None:
        for entry in self.meta:
            key = entry.get("name") or entry.get("property") or ""
            if key.lower() in names and entry.get("content"):
                return entry["content"]
        return None


def parse_html(text: str) -> HtmlPage:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    title = " ".join("".join(builder.title_parts).split())
    return HtmlPage(builder.root, title, builder.meta, builder.comments)
