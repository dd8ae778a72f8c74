"""The four packet templates: regional-summary, digest, annotations, timeline.

A template turns `Sources` (what the archive holds about the selected documents) into a `Packet`; it knows
nothing of DOCX or PDF. Korean packets are written 개조식 — numbered headings, □/ㅇ/-/※ bullets, terse noun
endings, `2026. 11. 29.` dates, a one-page summary up front, appendices as 붙임 — because that is how the
readers' own documents look.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from esgdesk.briefing.charts import grouped_bars
from esgdesk.briefing.graphics import Graphic
from esgdesk.briefing.labels import Labels
from esgdesk.briefing.maps import MAP_ATTRIBUTION, MapSelection, korea_map
from esgdesk.briefing.packet import (
    Bullet,
    Cell,
    Column,
    Cover,
    Figure,
    Packet,
    PacketBuilder,
    Quote,
    Run,
    SummaryBox,
    Table,
    TableOfContents,
    TableRow,
    korean_date,
)
from esgdesk.briefing.regional import RegionalData, RegionSummary, summarise_regions
from esgdesk.briefing.sources import NoteRow, SourceDoc, Sources
from esgdesk.core.errors import EsgdeskError
from esgdesk.core.i18n import _
from esgdesk.knowledge.facts import amount_label

#: how much of a machine-extracted sentence fits a table cell before it is cut with …
CELL_SENTENCE_CHARS = 90


class UnknownTemplateError(EsgdeskError):
    pass


@dataclass
class PacketOptions:
    title: str | None = None
    author: str = ""
    organisation: str = ""
    #: the date printed on the cover; today when not given
    date: dt.date | None = None
    classification: str = ""
    language: str = "ko"
    #: gaejosik (Korean report style) or memo; None picks gaejosik for Korean, memo for English
    style: str | None = None
    #: annotations template: group by "category" or "tag"
    group_by: str = "category"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def resolved_style(self) -> str:
        return self.style or ("memo" if self.language == "en" else "gaejosik")


@dataclass(frozen=True)
class Template:
    name: str
    title_key: str
    description: str
    build: Callable[[Sources, PacketOptions], Packet]


# -- shared parts -------------------------------------------------------------------------------------------------


def _start(sources: Sources, options: PacketOptions, title_key: str) -> tuple[PacketBuilder, Labels]:
    """Numbers each document for 붙임 1, then a packet with its cover and table of contents."""
    labels = Labels(options.language)
    for number, document in enumerate(sources.documents, start=1):
        document.ref = number
    title = options.title or labels(title_key)
    cover = Cover(
        title=title,
        subtitle=labels("subtitle", count=len(sources.documents)),
        date_text=_date(options.date or dt.date.today(), labels),
        author=options.author,
        organisation=options.organisation,
        classification=options.classification,
    )
    packet = Packet(
        title=title,
        cover=cover,
        author=options.author,
        subject=labels(title_key),
        language=options.language,
        classification=options.classification,
        keywords=["esgdesk", labels(title_key)],
    )
    builder = PacketBuilder(packet, options.resolved_style)
    builder.add(TableOfContents(labels("toc"), labels("toc.note")))
    builder.page_break()
    return builder, labels


def _date(value: dt.date | None, labels: Labels) -> str:
    if value is None:
        return labels("date.unknown")
    return korean_date(value) if labels.language != "en" else value.isoformat()


def _period(documents: list[SourceDoc], labels: Labels) -> str:
    dates = sorted(doc.published for doc in documents if doc.published)
    if not dates:
        return labels("date.unknown")
    first, last = _date(dates[0], labels), _date(dates[-1], labels)
    return first if first == last else f"{first} ~ {last}"


def cite(document: SourceDoc) -> Run:
    """[1]: a link to the document's entry in 붙임 1."""
    return Run(f"[{document.ref}]", link=f"#src-{document.ref}")


def _citation(document: SourceDoc, labels: Labels) -> list[Run]:
    return [cite(document), Run(f" {document.title}, {document.ministry or '-'}, {_date(document.published, labels)}")]


def _ministries(documents: list[SourceDoc], labels: Labels) -> str:
    counts = Counter(doc.ministry or labels("ministry.unknown") for doc in documents)
    unit = "" if labels.language == "en" else "건"
    return ", ".join(f"{name} {count}{unit}" for name, count in counts.most_common())


def _sources_appendix(builder: PacketBuilder, documents: list[SourceDoc], labels: Labels) -> None:
    """붙임 1: every source with ministry, date, kind, archive id and a clickable address."""
    builder.appendix(labels("sources"), labels("appendix"))
    for document in documents:
        paragraph = builder.paragraph(Run(f"[{document.ref}] ", bold=True), Run(document.title, bold=True))
        paragraph.anchor = f"src-{document.ref}"
        # as a reader cites a release: ministry, date, kind; a part the archive does not know is left out
        parts = (
            document.ministry,
            _date(document.published, labels) if document.published else "",
            labels.kind(document.kind),
        )
        meta = ", ".join(part for part in parts if part)
        builder.detail(meta)
        if document.url:
            builder.detail(Run(document.url, link=document.url))
        else:
            builder.detail(labels("source.no_url"))


def _note_quote(note: NoteRow, document: SourceDoc | None, labels: Labels) -> Quote:
    citation = _citation(document, labels) if document else [Run(f"#{note.document_id}")]
    return Quote(note.exact, citation, note.note, labels("note"), note.category)


def _short(sentence: str, limit: int = CELL_SENTENCE_CHARS) -> str:
    sentence = " ".join(sentence.split())
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


#: plain-style endings and their 개조식 noun endings (분석됐다 → 분석됨), longest first
TERSE_ENDINGS = (
    ("하였다.", "함"),
    ("되었다.", "됨"),
    ("했다.", "함"),
    ("됐다.", "됨"),
    ("한다.", "함"),
    ("된다.", "됨"),
    ("있다.", "있음"),
    ("없다.", "없음"),
    ("밝혔다.", "밝힘"),
    ("중이다.", "중"),
    ("이다.", "임"),
    ("필요하다.", "필요"),
)


def terse(sentence: str) -> str:
    """A release's sentence with a 개조식 ending; sentences with other endings stay as they are."""
    text = " ".join(sentence.split())
    for ending, replacement in sorted(TERSE_ENDINGS, key=lambda pair: -len(pair[0])):
        if text.endswith(ending):
            return text[: -len(ending)] + replacement
    return text


def _years(years: set[int] | list[int]) -> str:
    return ", ".join(str(year) for year in sorted(years))


# -- regional-summary ---------------------------------------------------------------------------------------------


def build_regional_summary(sources: Sources, options: PacketOptions) -> Packet:
    builder, labels = _start(sources, options, "regional.title")
    data = summarise_regions(sources)
    documents = sources.by_id()
    _regional_summary_box(builder, sources, data, labels)
    builder.page_break()
    _regional_overview(builder, sources, data, labels)
    builder.heading(1, labels("status"), page_break=True)
    builder.heading(2, labels("table"))
    builder.add(_summary_table(data, documents, labels))
    if data.regions:
        builder.heading(2, labels("map"))
        builder.add(Figure(korea_map(_map_selection(data)), labels("map.caption"), MAP_ATTRIBUTION, width_mm=108))
        builder.heading(2, labels("chart"))
        builder.add(Figure(_region_chart(data, documents), labels("chart.caption"), width_mm=150))
    builder.heading(1, labels("details"), page_break=True)
    for region in data.regions:
        builder.heading(2, region.name)
        _region_details(builder, region, documents, labels)
        for child in region.children.values():
            builder.heading(3, child.name)
            _region_details(builder, child, documents, labels)
    if data.unplaced:
        builder.heading(1, labels("unplaced"))
        for note in data.unplaced:
            builder.add(_note_quote(note, documents.get(note.document_id), labels))
    _sources_appendix(builder, sources.documents, labels)
    return builder.packet


def _regional_summary_box(builder: PacketBuilder, sources: Sources, data: RegionalData, labels: Labels) -> None:
    make = builder.make_paragraph
    paragraphs = [
        make(
            labels("documents", count=len(sources.documents), period=_period(sources.documents, labels)),
            bullet=Bullet.POINT,
        ),
        make(_regions_line(data, labels), bullet=Bullet.POINT),
    ]
    for region in data.regions:
        paragraphs.append(make(_region_gist(region), bullet=Bullet.SUB))
    if sources.notes:
        paragraphs.append(make(labels("notes_count", count=len(sources.notes)), bullet=Bullet.POINT))
    builder.add(SummaryBox(labels("summary"), paragraphs))


def _regions_line(data: RegionalData, labels: Labels) -> str:
    if not data.regions:
        return labels("no_regions")
    return labels("regions", provinces=len(data.regions), municipalities=len(data.municipalities()))


def _region_gist(region: RegionSummary) -> str:
    """충청북도('22·'23): 시멘트·반도체 — one terse line per 시·도 for the summary page."""
    years = set(region.years)
    industries = list(region.industries)
    for child in region.children.values():
        years |= child.years
        industries += [i for i in child.industries if i not in industries]
    head = region.label()
    if years:
        head += "(" + "·".join(f"'{year % 100:02d}" for year in sorted(years)) + ")"
    return f"{head}: {'·'.join(industries)}" if industries else head


def _regional_overview(builder: PacketBuilder, sources: Sources, data: RegionalData, labels: Labels) -> None:
    builder.heading(1, labels("overview"))
    # the count, period and regions are on the summary page; the overview adds who issued what and the money
    builder.point(labels("by_ministry", items=_ministries(sources.documents, labels)))
    # the regions are listed on the summary page and in the table; the overview says what those do not
    budgets = _budget_lines(sources.documents, labels)
    if budgets:
        builder.point(labels("budgets"))
        for line, document in budgets:
            builder.sub(line + " ", cite(document))
    builder.point(labels("basis"))
    builder.detail(labels("basis.facts"))
    builder.remark(labels("basis.notes"))


def _budget_lines(documents: list[SourceDoc], labels: Labels) -> list[tuple[str, SourceDoc]]:
    """취약지역 공정전환 지원사업: '24년 사업 전체 25억원 — each budget once, with its document."""
    lines = []
    for document in documents:
        for amount in document.programme_amounts:
            programme = amount.get("programme") or labels("budget.unnamed")
            lines.append((labels("budget.item", programme=programme, amount=amount_label(amount)), document))
    return lines


def _summary_table(data: RegionalData, documents: dict[int, SourceDoc], labels: Labels) -> Table:
    columns = [
        Column(labels("col.region"), 17),
        Column(labels("col.year"), 10),
        Column(labels("col.industry"), 16),
        Column(labels("col.content"), 45),
        Column(labels("col.source"), 9),
    ]
    rows = []
    for region in data.regions:
        if region.direct or not region.children:
            rows.append(TableRow(_region_cells(region, region.name, documents, labels), "group"))
        else:  # a 시·도 present only through its 시·군·구: one merged label row
            rows.append(TableRow([Cell([[Run(region.name, bold=True)]], colspan=len(columns))], "group"))
        for child in region.children.values():
            rows.append(TableRow(_region_cells(child, f"└ {child.name}", documents, labels), "sub"))
    return Table(columns, rows, labels("table.caption"))


def _region_cells(region: RegionSummary, name: str, documents: dict[int, SourceDoc], labels: Labels) -> list[Cell]:
    if region.notes:  # the analyst's words beat the machine's
        content = [[Run(f"{labels('note')}: ", bold=True), Run(note.note or note.exact)] for note in region.notes]
    else:
        topical = [s for s in region.sentences if s[2]] or region.sentences[:1]
        content = [[Run(_short(terse(sentence)))] for _, sentence, _ in topical[:2]]
    if region.amounts:
        content.append([Run(labels("detail.amounts", amounts=", ".join(region.amounts)))])
    cited = [documents[doc_id] for doc_id in region.documents if doc_id in documents]
    source_runs: list[Run] = []
    for document in cited:
        if source_runs:
            source_runs.append(Run(" "))
        source_runs.append(cite(document))
    return [
        Cell([[Run(name, bold=region.level == "province")]]),
        Cell.of(_years(region.years), align="center"),
        Cell.of(", ".join(region.industries)),
        Cell(content),
        Cell([source_runs] if source_runs else [], align="center"),
    ]


def _map_selection(data: RegionalData) -> MapSelection:
    provinces = {region.province.map_code for region in data.regions if region.province}
    municipalities = {
        (child.province.map_code, child.name) for child in data.municipalities() if child.province is not None
    }
    return MapSelection(provinces, municipalities)


def _region_chart(data: RegionalData, documents: dict[int, SourceDoc]) -> Graphic:
    categories, series = chart_counts(data, documents)
    return grouped_bars(categories, series)


def chart_counts(data: RegionalData, documents: dict[int, SourceDoc]) -> tuple[list[str], dict[str, list[int]]]:
    """Documents per 시·도 and year: each document once, in the year it came out.

    The years a release speaks of (`22년 사업 …) would count one release in several years; a chart of
    documents answers "how many releases, when".
    """
    counts: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for region in data.regions:
        short = region.province.short if region.province else region.name
        for doc_id in region.all_documents():
            year = _document_year(documents.get(doc_id), region)
            if year is not None:
                counts[year][short].add(doc_id)
    categories = [region.province.short if region.province else region.name for region in data.regions]
    series = {str(year): [len(counts[year].get(c, set())) for c in categories] for year in sorted(counts)}
    return categories, series


def _document_year(document: SourceDoc | None, region: RegionSummary) -> int | None:
    if document is not None and document.published is not None:
        return document.published.year
    years = sorted(region.years)  # an undated document: the first year its facts name
    return years[0] if years else None


def _region_details(
    builder: PacketBuilder, region: RegionSummary, documents: dict[int, SourceDoc], labels: Labels
) -> None:
    if region.years:
        builder.point(labels("detail.years", years=_years(region.years)))
    if region.industries:
        builder.point(labels("detail.industries", industries=", ".join(region.industries)))
    if region.amounts:
        builder.point(labels("detail.amounts", amounts=", ".join(region.amounts)))
    if region.children and region.level == "province":
        builder.point(labels("detail.children", names=", ".join(region.children)))
    if region.notes:
        builder.point(labels("detail.notes"))
        for note in region.notes:
            builder.add(_note_quote(note, documents.get(note.document_id), labels))
    if region.sentences:
        builder.point(labels("detail.sentences"))
        for doc_id, sentence, _ in region.sentences:
            document = documents.get(doc_id)
            builder.sub(terse(sentence) + " ", *([cite(document)] if document else []))


# -- digest ---------------------------------------------------------------------------------------------


def build_digest(sources: Sources, options: PacketOptions) -> Packet:
    builder, labels = _start(sources, options, "digest.title")
    notes_by_doc: dict[int, list[NoteRow]] = defaultdict(list)
    for note in sources.notes:
        notes_by_doc[note.document_id].append(note)
    builder.heading(1, labels("overview"))
    # the count, period and regions are on the summary page; the overview adds who issued what and the money
    builder.point(labels("by_ministry", items=_ministries(sources.documents, labels)))
    if sources.notes:
        builder.point(labels("notes_count", count=len(sources.notes)))
    builder.heading(1, labels("digest.docs"))
    for document in sources.documents:
        builder.heading(2, document.title)
        builder.add(_metadata_table(document, labels))
        _gist(builder, document, labels)
        notes = notes_by_doc.get(document.id, [])
        if notes:
            builder.point(labels("digest.annotations", count=len(notes)))
            for note in notes:
                builder.add(_note_quote(note, document, labels))
        links = [link for link in sources.links if link.source_id == document.id]
        if links:
            builder.point(labels("digest.links"))
            for link in links:
                builder.sub(f"{_relation(link.relation, labels)}: {link.other_title} (#{link.target_id})")
    _sources_appendix(builder, sources.documents, labels)
    return builder.packet


def _metadata_table(document: SourceDoc, labels: Labels) -> Table:
    url_cell = Cell([[Run(document.url, link=document.url)]]) if document.url else Cell.of("-")
    rows = [
        (labels("meta.ministry"), Cell.of(document.ministry or "-")),
        (labels("meta.department"), Cell.of(document.department or "-")),
        (labels("meta.published"), Cell.of(_date(document.published, labels))),
        (labels("meta.kind"), Cell.of(labels.kind(document.kind))),
        (labels("meta.tags"), Cell.of(", ".join(document.tags) or "-")),
        (labels("meta.url"), url_cell),
        (labels("meta.id"), Cell([[cite(document)]])),
    ]
    return Table(
        [Column(labels("meta.item"), 18), Column(labels("meta.value"), 82)],
        [TableRow([Cell.of(name, bold=True), value]) for name, value in rows],
        compact=True,
    )


def _gist(builder: PacketBuilder, document: SourceDoc, labels: Labels) -> None:
    """The analyst's summary note when there is one; else the release's first paragraph."""
    if document.note.strip():
        builder.point(f"{labels('digest.gist')} ({labels('digest.gist.note')})")
        for line in document.note.strip().splitlines():
            if line.strip():
                builder.sub(line.strip().lstrip("-*• ").strip())
        return
    lead = _lead(document.body)
    if lead:
        builder.point(f"{labels('digest.gist')} ({labels('digest.gist.lead')})")
        builder.sub(_short(lead, 400))


#: marks a release's notices (※ 보도시점, ※ 가상의 보도자료 …), which sit above the lead but are not it
NOTICE_MARKS = ("※", "*")
#: the release's form fields (담당부서 : …, 보도시점 …), which are not what it says either
FORM_FIELD = re.compile(r"^(담당\s?부서|보도\s?시점|배포|문의|연락처|보도자료)\b")


def _lead(body: str) -> str:
    """The first paragraph that is not a notice; a notice only when the body has nothing else.

    Printed under an ㅇ bullet, a ※ notice read "ㅇ ※ 이 자료는 …" and stood in for what the release says.
    """
    paragraphs = [part.strip() for part in body.split("\n\n") if part.strip()]
    content = [part for part in paragraphs if not part.startswith(NOTICE_MARKS) and not FORM_FIELD.match(part)]
    # a heading ("1 2025년 7월중 동향") is not the lead either: prefer the first paragraph that reads as prose
    prose = (part for part in content if len(part) >= 40 and re.search(r"[다음함됨]\.|[다음함됨.。]\s*$", part))
    return next(prose, content[0] if content else paragraphs[0] if paragraphs else "")


def _relation(relation: str, labels: Labels) -> str:
    inverse = relation.startswith("~")
    name = labels(f"relation.{relation.lstrip('~')}")
    if name.startswith("relation."):
        name = relation.lstrip("~")
    return (labels("relation.inverse") if inverse else "") + name


# -- annotations ---------------------------------------------------------------------------------------------


def build_annotations(sources: Sources, options: PacketOptions) -> Packet:
    builder, labels = _start(sources, options, "annotations.title")
    documents = sources.by_id()
    groups: dict[str, list[NoteRow]] = defaultdict(list)
    for note in sources.notes:
        if options.group_by == "tag":
            tags = documents[note.document_id].tags if note.document_id in documents else []
            for tag in tags or [labels("annotations.uncategorised")]:
                groups[tag].append(note)
        else:
            groups[note.category or labels("annotations.uncategorised")].append(note)
    uncategorised = labels("annotations.uncategorised")  # listed last: the analyst did not sort these yet
    builder.heading(1, labels("overview"))
    builder.point(labels("documents", count=len(sources.documents), period=_period(sources.documents, labels)))
    builder.point(labels("annotations.count", count=len(sources.notes), groups=len(groups)))
    builder.heading(1, labels("annotations.by_tag" if options.group_by == "tag" else "annotations.groups"))
    if not groups:
        builder.point(labels("digest.none"))
    for name, notes in sorted(groups.items(), key=lambda item: (item[0] == uncategorised, -len(item[1]), item[0])):
        builder.heading(2, labels("annotations.group", name=name, count=len(notes)))
        for note in notes:
            builder.add(_note_quote(note, documents.get(note.document_id), labels))
    _sources_appendix(builder, sources.documents, labels)
    return builder.packet


# -- timeline ---------------------------------------------------------------------------------------------


def build_timeline(sources: Sources, options: PacketOptions) -> Packet:
    builder, labels = _start(sources, options, "timeline.title")
    entries = _timeline_entries(sources, labels)
    builder.heading(1, labels("overview"))
    builder.point(labels("documents", count=len(sources.documents), period=_period(sources.documents, labels)))
    years = sorted({key[0] for key, *_ in entries})
    if years:
        builder.point(labels("timeline.period", period=f"{years[0]} ~ {years[-1]}"))
    builder.heading(1, labels("timeline.section"))
    columns = [
        Column(labels("col.when"), 16),
        Column(labels("col.kind"), 13),
        Column(labels("col.content"), 61),
        Column(labels("col.source"), 10),
    ]
    rows = [
        TableRow(
            [
                Cell.of(when, align="center"),
                Cell.of(kind, align="center"),
                Cell(content),
                Cell([[cite(doc)]], align="center"),
            ]
        )
        for _, when, kind, content, doc in entries
    ]
    builder.add(Table(columns, rows, labels("timeline.caption")))
    _sources_appendix(builder, sources.documents, labels)
    return builder.packet


def _timeline_entries(
    sources: Sources, labels: Labels
) -> list[tuple[tuple[int, int, int, int], str, str, list[list[Run]], SourceDoc]]:
    """Releases on their dates and facts in their years; a year-only entry sorts before that year's dates."""
    entries = []
    for document in sources.documents:
        if document.published:
            key = (document.published.year, document.published.month, document.published.day, 1)
            entries.append(
                (
                    key,
                    _date(document.published, labels),
                    labels("timeline.published"),
                    [[Run(document.title, bold=True)]],
                    document,
                )
            )
    documents = sources.by_id()
    grouped: dict[tuple[int, int, str], list[str]] = defaultdict(list)
    for fact in sources.facts:
        for year in fact.years:
            regions = grouped[(fact.document_id, year, fact.sentence)]
            if fact.region not in regions:
                regions.append(fact.region)
    for (doc_id, year, sentence), regions in grouped.items():
        source = documents.get(doc_id)
        if source is None:
            continue
        content = [[Run(", ".join(regions), bold=True)], [Run(_short(sentence, 140))]]
        entries.append(((year, 0, 0, 0), labels("timeline.year", year=year), labels("timeline.fact"), content, source))
    entries.sort(key=lambda entry: (entry[0], entry[4].ref))
    return entries


TEMPLATES: dict[str, Template] = {
    template.name: template
    for template in (
        Template(
            "regional-summary",
            "regional.title",
            "지역별 공정전환 지원 현황: 요약표, 지도, 차트, 지역별 세부, 출처",
            build_regional_summary,
        ),
        Template("digest", "digest.title", "문서 요약집: 문서별 메타데이터, 요지, 주석, 관련 문서", build_digest),
        Template("annotations", "annotations.title", "주석 모음: 분류(또는 태그)별 발췌와 인용", build_annotations),
        Template("timeline", "timeline.title", "연대표: 문서 발표와 사업 연도 순", build_timeline),
    )
}


def get_template(name: str) -> Template:
    template = TEMPLATES.get(name)
    if template is None:
        raise UnknownTemplateError(
            _("no briefing template named {name!r}; choose one of: {choices}", name=name, choices=", ".join(TEMPLATES))
        )
    return template
