"""The 담당 부서 table of a release, wherever it stands (usually last): departments, contacts and phones.

Printed as a table whose cells come out of HWP, HWPX, PDF and DOCX either tab-separated on a row's line or one
cell per line (when a cell holds several paragraphs). Both read the same once split into cells:

    담당 부서 | (총괄) 금융위원회 금융정책과 | 책임자 | 과  장 | 권유이 | (02-2100-2830)
              |                           | 담당자 | 서기관 | 윤덕기 | (02-2100-1690)
              | 기획재정부                 | 책임자 | 과  장 | 이희곤 | (044-215-2750)
              | 자금시장과                 | 담당자 | 사무관 | 이은우 | (044-215-2752)

A block is the unit cells before and between its 책임자 and 담당자 rows; a unit cell after a 담당자 row
starts the next block. The first block is the release's own department ((총괄) when several bodies share
a release); the others are kept as co-issuers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from esgdesk.core.text import normalize_line

TABLE_LABEL = re.compile(
    r"(?:^|\s)(?:담\s*당\s*부\s*서|담\s*당\s*기\s*관|문\s*의\s*처|담당\s*부서\s*및\s*연락처)\s*[:：]?"
)
_ROLE = re.compile(r"^(?:책\s*임\s*자|담\s*당\s*자|실\s*무\s*자|문\s*의)$")
_POSITION = re.compile(
    r"^(?:\S{0,8}(?:과장|팀장|국장|실장|부장|차장|본부장|처장|센터장|단장|소장|원장|관장|반장|대리|주임|"
    r"사무관|서기관|주무관|연구관|연구사|연구원|연구위원|행정관|전문관|전문위원|기술서기관|기술사무관|"
    r"담당관|정책관|심의관|조정관|부이사관|이사관|선임|책임|수석|매니저|위원|계장|주사|대변인))$"
)
_PHONE = re.compile(r"(\(?0\d{1,2}\)?[-.\s]?\d{3,4}[-.\s]?\d{4}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_NAME = re.compile(r"^[가-힣]{2,4}$")
_LEAD = re.compile(r"^\(\s*(?:총\s*괄|공\s*동|주\s*관|협\s*조)\s*\)\s*")
_SPACED_POSITION = re.compile(r"(?<![가-힣])(과|부|차|국|실|팀|소|원|처|계|반)\s+장(?![가-힣])")
#: what follows the table on the same page: an attachment, a reference sheet, a remark
_AFTER_TABLE = re.compile(r"^\s*(?:붙\s*임|참\s*고|별\s*첨|※|\[)")
#: how many 담당 부서 labels, from the last, are tried as the table's start
MAX_TABLE_TRIES = 8
#: a cell longer than this is prose, not a table cell: the table has ended
_MAX_CELL = 40


@dataclass
class Contact:
    role: str
    position: str | None = None
    name: str | None = None
    phone: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"role": self.role, "position": self.position, "name": self.name, "phone": self.phone}


@dataclass
class DepartmentBlock:
    units: list[str] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)
    lead: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"units": self.units, "lead": self.lead, "contacts": [c.as_json() for c in self.contacts]}


def find_department_table(lines: list[str]) -> list[DepartmentBlock]:
    """The blocks of the last 담당 부서 table in `lines` (the release's own; an earlier one may be quoted)."""
    starts = [index for index, line in enumerate(lines) if ("담" in line or "문" in line) and TABLE_LABEL.search(line)]
    # the last few only: a long text mentioning 담당부서 on every page must not cost a table read each time
    for start in reversed(starts[-MAX_TABLE_TRIES:]):
        blocks = _read_blocks(_cells(lines, start))
        if blocks and any(block.contacts for block in blocks):
            return blocks
    return []


def _cells(lines: list[str], start: int) -> list[str]:
    label = TABLE_LABEL.search(lines[start])
    assert label is not None, "find_department_table starts a table only on a line with its label"
    first = lines[start][label.end() :]
    cells: list[str] = []
    for line in [first, *lines[start + 1 : start + 80]]:
        if _AFTER_TABLE.match(line):
            break
        pieces = [normalize_line(piece) for piece in _split_cells(line)]
        pieces = [piece for piece in pieces if piece]
        if not pieces:
            if cells and len(line.strip()) == 0 and _ends_table(cells):
                break
            continue
        if any(len(piece) > _MAX_CELL and not _PHONE.search(piece) for piece in pieces):
            break
        cells.extend(pieces)
    return cells


def _split_cells(line: str) -> list[str]:
    """Tab-separated cells; a PDF's text layer has only spaces, so its words are the cells (with `과 장`
    written together again)."""
    if "\t" in line:
        return line.split("\t")
    return _SPACED_POSITION.sub(r"\1장", line).split()


def _ends_table(cells: list[str]) -> bool:
    return bool(_PHONE.search(cells[-1]))


def _read_blocks(cells: list[str]) -> list[DepartmentBlock]:
    blocks: list[DepartmentBlock] = []
    block = DepartmentBlock()
    contact: Contact | None = None
    seen_staff = False  # a 담당자 row was read in this block: a unit cell now starts the next block
    for cell in cells:
        compact = cell.replace(" ", "")
        if _ROLE.match(compact):
            contact = Contact(role=compact)
            block.contacts.append(contact)
            seen_staff = seen_staff or compact != "책임자"
        elif _POSITION.match(compact) and contact is not None:
            if contact.position is not None:  # a second contact of the same role (사무관 이은진 …)
                contact = Contact(role=contact.role)
                block.contacts.append(contact)
            contact.position = compact
        elif (phone := _PHONE.search(cell)) and contact is not None:
            contact.phone = phone.group(1).strip("()")
        elif _NAME.match(compact) and contact is not None and contact.name is None and contact.position:
            contact.name = compact
        else:
            if seen_staff:
                blocks.append(block)
                block, contact, seen_staff = DepartmentBlock(), None, False
            lead = _LEAD.match(cell)
            if lead:
                block.lead = normalize_line(lead.group(0)).strip("() ")
                cell = cell[lead.end() :].strip()
            if cell:
                block.units.append(cell)
    if block.units or block.contacts:
        blocks.append(block)
    return [block for block in blocks if block.units]
