"""The curated gazetteers (regions, organisations, industries) behind entity extraction.

The data lives in ``resources/data`` as CSV so that analysts can read and correct it without touching code.
Every entity has a stable ``id`` and one row per *version*: a name (and code, and parent) with the dates it was
in force. A renamed place or ministry keeps its id, so a 2023 release naming 산업통상자원부 and a 2026 release
naming 산업통상부 land on one entity, while ``name_at(date)`` still gives the name a reader of that release
expects. Old names and short forms stay matchable after they lapse because releases keep using them.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from esgdesk.core.paths import resource_path

REGION_KINDS = ("sido", "si", "gun", "gu", "ilban_gu", "admin_si")
#: Organisation kinds that are central government bodies (부·처·청·위원회).
GOVERNMENT_KINDS = frozenset({"ministry", "office", "agency", "commission"})


@dataclass(frozen=True)
class Version:
    """One period of an entity's life: what it was called, coded and under whom, from when to when."""

    name: str
    code: str | None
    parent_id: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    map_codes: tuple[str, ...] = ()

    def covers(self, on: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= on) and (self.valid_to is None or on <= self.valid_to)


def _version_at(versions: tuple[Version, ...], on: dt.date | None) -> Version:
    """The version in force on ``on``; before the first or after the last, the nearest one.

    A date outside every version still answers (with the nearest), because a release may name a place
    just before it was created or an agency after it was renamed, and the reader still wants a name.
    """
    if on is None:
        return versions[-1]
    for version in versions:
        if version.covers(on):
            return version
    first = versions[0]
    if first.valid_from is not None and on < first.valid_from:
        return first
    return versions[-1]


@dataclass(frozen=True)
class Region:
    """A 시·도 or 시·군·구 (including 자치구, 일반구 and 제주's 행정시), with its name history."""

    id: str
    kind: str
    versions: tuple[Version, ...]
    short_forms: frozenset[str] = frozenset()
    context_forms: frozenset[str] = frozenset()

    def at(self, on: dt.date | None = None) -> Version:
        return _version_at(self.versions, on)

    def name_at(self, on: dt.date | None = None) -> str:
        return self.at(on).name

    @property
    def names(self) -> frozenset[str]:
        return frozenset(v.name for v in self.versions)


@dataclass(frozen=True)
class Organization:
    """A ministry, agency, committee or public body; renamings are versions of one id."""

    id: str
    kind: str
    versions: tuple[Version, ...]
    abbreviations: frozenset[str] = frozenset()

    def at(self, on: dt.date | None = None) -> Version:
        return _version_at(self.versions, on)

    def name_at(self, on: dt.date | None = None) -> str:
        return self.at(on).name

    @property
    def is_government(self) -> bool:
        return self.kind in GOVERNMENT_KINDS


@dataclass(frozen=True)
class Industry:
    """An industry and the words releases use for it.

    A synonym written ``=조선`` must stand as a word of its own (조선 is also the Joseon dynasty); ``^석화``
    must start a word. Plain synonyms match inside compounds (시스템반도체 is about 반도체).
    """

    id: str
    name: str
    synonyms: tuple[str, ...]


@dataclass(frozen=True)
class EntityRef:
    """What a lookup answers: the entity and how it is called and placed on a given date."""

    kind: str  # "region" | "organization" | "industry"
    id: str
    name: str
    subkind: str
    code: str | None = None
    parent_id: str | None = None
    parent_name: str | None = None


@dataclass(eq=False)
class Gazetteer:
    """All curated entities with indexes from every written form to the entities it may mean."""

    regions: dict[str, Region]
    organizations: dict[str, Organization]
    industries: dict[str, Industry]
    region_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    region_context_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    organization_forms: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        forms: dict[str, set[str]] = defaultdict(set)
        context: dict[str, set[str]] = defaultdict(set)
        for region in self.regions.values():
            for name in region.names | region.short_forms:
                forms[name].add(region.id)
            for name in region.context_forms:
                context[name].add(region.id)
        self.region_forms = {k: frozenset(v) for k, v in forms.items()}
        self.region_context_forms = {k: frozenset(v) for k, v in context.items()}
        org_forms: dict[str, set[str]] = defaultdict(set)
        for org in self.organizations.values():
            for name in {v.name for v in org.versions} | org.abbreviations:
                org_forms[name].add(org.id)
        self.organization_forms = {k: frozenset(v) for k, v in org_forms.items()}

    # -- regions ---------------------------------------------------------------------------------------
    def region_candidates(self, form: str) -> frozenset[str]:
        """Ids of every region a written form may mean, context-only forms included."""
        return self.region_forms.get(form, frozenset()) | self.region_context_forms.get(form, frozenset())

    def parent(self, region_id: str, on: dt.date | None = None) -> Region | None:
        parent_id = self.regions[region_id].at(on).parent_id
        return self.regions.get(parent_id) if parent_id else None

    def ancestors(self, region_id: str, on: dt.date | None = None) -> list[str]:
        """Parent, grandparent … at ``on``; 군위군 has 경상북도 before 2023-07-01 and 대구광역시 after."""
        chain: list[str] = []
        current = self.parent(region_id, on)
        while current is not None:
            chain.append(current.id)
            current = self.parent(current.id, on)
        return chain

    def is_ancestor(self, ancestor_id: str, region_id: str, on: dt.date | None = None) -> bool:
        """True if ``ancestor_id`` contains ``region_id`` at ``on`` or at any time.

        A 2024 release may still write 경북 군위군; history counts as containment so that it resolves.
        """
        if ancestor_id in self.ancestors(region_id, on):
            return True
        return any(
            v.parent_id == ancestor_id or (v.parent_id and self.is_ancestor(ancestor_id, v.parent_id, on))
            for v in self.regions[region_id].versions
        )

    def is_shared_name(self, region_id: str) -> bool:
        """Whether another region carries one of this region's names (중구, 고성군, 광주시 …)."""
        region = self.regions[region_id]
        return any(len(self.region_forms.get(n, ())) > 1 for n in region.names)

    def display_name(self, region_id: str, on: dt.date | None = None) -> str:
        """The name in force, prefixed by the parent's where the bare name is shared (부산광역시 중구)."""
        name = self.regions[region_id].name_at(on)
        if not self.is_shared_name(region_id):
            return name
        parent = self.parent(region_id, on)
        return f"{parent.name_at(on)} {name}" if parent else name

    def region_ref(self, region_id: str, on: dt.date | None = None) -> EntityRef:
        region = self.regions[region_id]
        version = region.at(on)
        parent = self.regions.get(version.parent_id) if version.parent_id else None
        return EntityRef(
            kind="region",
            id=region.id,
            name=version.name,
            subkind=region.kind,
            code=version.code,
            parent_id=parent.id if parent else None,
            parent_name=parent.name_at(on) if parent else None,
        )

    def find_region(self, path: str, on: dt.date | None = None) -> Region:
        """Resolve a written-out path such as ``경기도 부천시 오정구`` or ``강원도 고성군`` to one region.

        Raises KeyError (with the reason) when the path names nothing or several regions: a caller
        handing a path wants exactly one answer.
        """
        parts = path.split()
        candidates: set[str] | None = None
        for part in parts:
            ids = set(self.region_candidates(part))
            if candidates is not None:
                ids = {i for i in ids if any(self.is_ancestor(c, i, on) for c in candidates)}
            if not ids:
                # English only, not _(): find_region serves the developers' evaluation only.
                raise KeyError(f"no region called {part!r} in {path!r}")
            candidates = ids
        if not candidates or len(candidates) > 1:
            # English only, not _(): find_region serves the developers' evaluation only.
            raise KeyError(f"{path!r} names {len(candidates or ())} regions: {sorted(candidates or ())}")
        return self.regions[candidates.pop()]

    # -- organisations ---------------------------------------------------------------------------------
    def organization_ref(self, org_id: str, on: dt.date | None = None) -> EntityRef:
        org = self.organizations[org_id]
        return EntityRef(kind="organization", id=org.id, name=org.name_at(on), subkind=org.kind)

    # -- everything ------------------------------------------------------------------------------------
    def lookup(self, form: str, on: dt.date | None = None, kind: str | None = None) -> list[EntityRef]:
        """Every entity a written form may mean, named as in force on ``on``.

        More than one answer means the form is ambiguous (중구, 광주); the caller decides from context.
        """
        form = form.strip()
        refs: list[EntityRef] = []
        if kind in (None, "region"):
            refs += [self.region_ref(i, on) for i in sorted(self.region_candidates(form))]
        if kind in (None, "organization"):
            refs += [self.organization_ref(i, on) for i in sorted(self.organization_forms.get(form, ()))]
        if kind in (None, "industry"):
            refs += [
                EntityRef(kind="industry", id=ind.id, name=ind.name, subkind="industry")
                for ind in self.industries.values()
                if form == ind.name or form in (s.lstrip("=^") for s in ind.synonyms)
            ]
        return refs


# -- loading ---------------------------------------------------------------------------------------------
def _data_file(name: str) -> Path:
    return resource_path("data", name)


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _split(value: str) -> list[str]:
    return [part for part in value.split("|") if part]


def _read(name: str) -> list[dict[str, str]]:
    with _data_file(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _sorted_versions(rows: Iterable[dict[str, str]]) -> tuple[Version, ...]:
    versions = [
        Version(
            name=row["name"],
            code=row.get("code") or None,
            parent_id=row.get("parent_id") or None,
            valid_from=_date(row["valid_from"]),
            valid_to=_date(row["valid_to"]),
            map_codes=tuple(_split(row.get("map_code", ""))),
        )
        for row in rows
    ]
    return tuple(sorted(versions, key=lambda v: (v.valid_from or dt.date.min, v.valid_to or dt.date.max)))


def _latest(rows: list[dict[str, str]]) -> dict[str, str]:
    """The row of the version in force today (or the last one), whose kind the entity has now."""
    return max(rows, key=lambda r: (not r["valid_to"], r["valid_from"] or "", r["valid_to"] or ""))


def _group(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        grouped[row["id"]].append(row)
    return grouped


def load_regions() -> dict[str, Region]:
    regions = {}
    for region_id, rows in _group(_read("regions.csv")).items():
        regions[region_id] = Region(
            id=region_id,
            kind=_latest(rows)["kind"],
            versions=_sorted_versions(rows),
            short_forms=frozenset(f for row in rows for f in _split(row["short_forms"])),
            context_forms=frozenset(f for row in rows for f in _split(row["context_forms"])),
        )
    return regions


def load_organizations() -> dict[str, Organization]:
    orgs = {}
    for org_id, rows in _group(_read("organizations.csv")).items():
        orgs[org_id] = Organization(
            id=org_id,
            kind=_latest(rows)["kind"],
            versions=_sorted_versions(rows),
            abbreviations=frozenset(f for row in rows for f in _split(row["abbreviations"])),
        )
    return orgs


def load_industries() -> dict[str, Industry]:
    return {
        row["id"]: Industry(id=row["id"], name=row["name"], synonyms=tuple(_split(row["synonyms"])))
        for row in _read("industries.csv")
    }


@cache
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once per process (the files are a few hundred rows)."""
    return Gazetteer(regions=load_regions(), organizations=load_organizations(), industries=load_industries())
