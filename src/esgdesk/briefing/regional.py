"""From facts and annotations to one row per 시·도 with its 시·군·구 beneath: the regional summary's data.

The analyst's words beat the machine's: a region with annotations shows the notes in its 주요 내용 cell, and
only a region without any falls back to the sentences the knowledge module extracted.
An annotation belongs to the regions named inside it; failing that, to the regions of the sentences it
overlaps; failing that, to the region its paragraph is about (the first one the paragraph names).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from esgdesk.briefing.regions import PROVINCES, Province, is_province_code, province_by_code, province_by_name
from esgdesk.briefing.sources import FactRow, NoteRow, SourceDoc, Sources
from esgdesk.knowledge.facts import amount_label

OTHER = "기타"


@dataclass
class RegionSummary:
    name: str
    province: Province | None
    #: province | municipality
    level: str
    years: set[int] = field(default_factory=set)
    industries: list[str] = field(default_factory=list)
    amounts: list[str] = field(default_factory=list)
    #: (document id, sentence, the sentence is about this region) in archive order
    sentences: list[tuple[int, str, bool]] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)
    documents: list[int] = field(default_factory=list)
    children: dict[str, RegionSummary] = field(default_factory=dict)
    #: facts name this region itself (a province row can exist only for its 시·군·구)
    direct: bool = False

    def all_documents(self) -> list[int]:
        ids = list(self.documents)
        for child in self.children.values():
            ids.extend(child.documents)
        return list(dict.fromkeys(ids))

    def label(self) -> str:
        """경상북도·구미시: the province with the 시·군·구 that took part under it."""
        return "·".join([self.name, *self.children]) if self.children else self.name


@dataclass
class RegionalData:
    regions: list[RegionSummary]
    #: notes that touch no region (shown in their own section)
    unplaced: list[NoteRow]

    def covered(self) -> list[RegionSummary]:
        return self.regions

    def municipalities(self) -> list[RegionSummary]:
        return [child for region in self.regions for child in region.children.values()]


def summarise_regions(sources: Sources) -> RegionalData:
    tree: dict[str, RegionSummary] = {}
    by_fact: dict[int, RegionSummary] = {}
    documents = sources.by_id()
    for fact in sources.facts:
        node = _node_for(tree, fact)
        by_fact[fact.id] = node
        _add_fact(node, fact)
    unplaced = []
    facts_by_doc: dict[int, list[FactRow]] = defaultdict(list)
    for fact in sources.facts:
        facts_by_doc[fact.document_id].append(fact)
    for note in sources.notes:
        document = documents.get(note.document_id)
        owners = _note_regions(note, facts_by_doc.get(note.document_id, []), document.body if document else "")
        nodes = list(dict.fromkeys(id(by_fact[f.id]) for f in owners))
        placed = {id(by_fact[f.id]): by_fact[f.id] for f in owners}
        for key in nodes:
            placed[key].notes.append(note)
            _remember(placed[key].documents, note.document_id)
        if not owners:
            unplaced.append(note)
    _fallback_years(tree.values(), documents)
    order = {province.name: province.order for province in PROVINCES}
    regions = sorted(tree.values(), key=lambda r: (order.get(r.name, len(order)), r.name))
    return RegionalData(regions, unplaced)


# -- placing facts ---------------------------------------------------------------------------------------------


def _node_for(tree: dict[str, RegionSummary], fact: FactRow) -> RegionSummary:
    province = _province_of(fact)
    is_province = province is not None and (
        is_province_code(fact.region_code) or province_by_name(fact.region) is province
    )
    if province is None:
        return tree.setdefault(fact.region, RegionSummary(fact.region, None, "province"))
    parent = tree.setdefault(province.name, RegionSummary(province.name, province, "province"))
    if is_province:
        parent.direct = True
        return parent
    return parent.children.setdefault(fact.region, RegionSummary(fact.region, province, "municipality", direct=True))


def _province_of(fact: FactRow) -> Province | None:
    return (
        province_by_code(fact.region_code)
        or province_by_code(fact.parent_code)
        or province_by_name(fact.region)
        or (province_by_name(fact.parent_name) if fact.parent_name else None)
        or _province_from_map(fact.region)
    )


@cache
def _municipality_provinces() -> dict[str, set[str]]:
    """시·군·구 name → the SGIS province codes that have one of that name (중구 is in six)."""
    from esgdesk.briefing.maps import MUNICIPALITIES_FILE, load_areas

    names: dict[str, set[str]] = defaultdict(set)
    for area in load_areas(MUNICIPALITIES_FILE):
        names[area.name].add(area.code[:2])
    return names


def _province_from_map(name: str) -> Province | None:
    from esgdesk.briefing.regions import province_by_map_code

    codes = _municipality_provinces().get(name, set())
    return province_by_map_code(next(iter(codes))) if len(codes) == 1 else None


def _add_fact(node: RegionSummary, fact: FactRow) -> None:
    node.years.update(fact.years)
    for industry in fact.industries:
        _remember(node.industries, industry)
    for amount in fact.amounts:
        # '24년 사업 전체 25억원 (the programme's budget) or 창원시 5억원 (this region's share)
        _remember(node.amounts, amount_label(amount, fact.region))
    if fact.sentence:
        topic = fact.sentence.lstrip().startswith(fact.region)
        if all(s[1] != fact.sentence for s in node.sentences):
            node.sentences.append((fact.document_id, fact.sentence, topic))
    _remember(node.documents, fact.document_id)


def _fallback_years(nodes: Iterable[RegionSummary], documents: dict[int, SourceDoc]) -> None:
    """A region no fact dates gets the years its documents came out (better than an empty 연도 cell)."""
    for node in nodes:
        if node.direct and not node.years:
            dates = [documents[d].published for d in node.documents if d in documents]
            node.years.update(published.year for published in dates if published is not None)
        _fallback_years(node.children.values(), documents)


def _remember(items: list, value: object) -> None:
    if value not in items:
        items.append(value)


# -- placing annotations ---------------------------------------------------------------------------------------


def _note_regions(note: NoteRow, facts: list[FactRow], body: str) -> list[FactRow]:
    inside = [f for f in facts if note.start <= f.start and f.end <= note.end]
    if inside:
        return inside
    overlapping = [f for f in facts if _overlaps(_sentence_span(f, body), (note.start, note.end))]
    if overlapping:
        return overlapping
    paragraph = _paragraph_span(body, note.start)
    in_paragraph = sorted((f for f in facts if paragraph[0] <= f.start < paragraph[1]), key=lambda f: f.start)
    return in_paragraph[:1]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_span(fact: FactRow, body: str) -> tuple[int, int]:
    """Where the fact's sentence sits in the body (the fact stores the text and the region's own offsets)."""
    if fact.sentence and body:
        begin = max(0, fact.end - len(fact.sentence))
        found = body.find(fact.sentence, begin, fact.start + len(fact.sentence) + 1)
        if 0 <= found <= fact.start:
            return found, found + len(fact.sentence)
    return fact.start, fact.end


_BLANK_LINE = re.compile(r"\n\s*\n")


def _paragraph_span(body: str, offset: int) -> tuple[int, int]:
    start = 0
    for match in _BLANK_LINE.finditer(body):
        if match.start() >= offset:
            return start, match.start()
        start = match.end()
    return start, len(body)
