"""Who issued a document, from what its form prints, in the order a reader trusts it.

1. the header's name beside the form label (`문화체육관광부 보도자료`) or a letter's sender line;
2. an organisation printed in the 담당 부서 table (`(총괄) 금융위원회 금융정책과`);
3. the headline's opening name (`농식품부, 2027년 펫푸드 …` — how releases name their issuer);
4. the lead sentence's subject with its head (`농림축산식품부(장관 송미령, …)`,
   `윤석대 한국수자원공사(K-water) 사장은`);
5. a 실·국 of the table that belongs to one ministry only (`대외경제국` → 기획재정부), for forms whose
   header carries the ministry only as a logo.
Names resolve through the organisation gazetteer to the name in force on the document's date; a body the
gazetteer does not know is kept as printed.
"""

from __future__ import annotations

import datetime as dt
import re

from esgdesk.core.text import normalize_line
from esgdesk.knowledge.organizations import issuer_name, ministry_of_unit, organizations_in

_HEADLINE_ISSUER = re.compile(r"^([^\s,，·]{2,20})\s*[,，]")
#: `농림축산식품부(장관 송미령` / `한국수자원공사(K-water) 사장은` / `환경부 장관은`
_HEAD_TITLES = (
    "장관|차관|청장|처장|위원장|부위원장|사장|이사장|원장|회장|본부장|시장|도지사|지사|군수|구청장|교육감|총장|대표"
)
_LEAD_SUBJECT = re.compile(rf"^(?:\([^)]{{0,20}}\))?\s*\(?\s*(?:{_HEAD_TITLES})")


def resolve(written: str | None, on: dt.date | None) -> str | None:
    if not written:
        return None
    return issuer_name(normalize_line(written), on)


def from_header(lines: list[str], on: dt.date | None) -> str | None:
    """An organisation named on a header line of its own or beside the form label."""
    for line in lines:
        for cell in line.split("\t"):
            cell = normalize_line(cell)
            words = cell.split()
            if not words:
                continue
            for candidate in (cell, words[0], cell.replace(" ", "")):
                name = resolve(candidate, on)
                if name:
                    return name
    return None


def from_headline(headline: str | None, on: dt.date | None) -> str | None:
    match = _HEADLINE_ISSUER.match(headline or "")
    return resolve(match.group(1), on) if match else None


def from_lead(paragraphs: list[str], on: dt.date | None) -> str | None:
    """The subject of the first sentences: an organisation followed by its head's title."""
    for paragraph in paragraphs[:3]:
        for match_name in organizations_in(paragraph[:300]):
            index = paragraph.find(match_name)
            if _LEAD_SUBJECT.match(paragraph[index + len(match_name) : index + len(match_name) + 30]):
                name = resolve(match_name, on)
                if name:
                    return name
    return None


def from_units(units: list[str], on: dt.date | None) -> str | None:
    for unit in units:
        name = ministry_of_unit(normalize_line(unit).replace(" ", ""), on)
        if name:
            return name
    return None
