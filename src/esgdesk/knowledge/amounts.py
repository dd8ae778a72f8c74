"""Money and percentages as Korean releases write them: 21.5억원, 3조 2천억 원, 1억 2,000만원, 이천만 원, 60%."""

from __future__ import annotations

import re
from dataclasses import dataclass

from esgdesk.core.i18n import _

_DIGITS = r"\d[\d,]*(?:\.\d+)?"
_NUMERAL = "[일이삼사오육칠팔구]"
_UNITS = "[십백천만억조]"
_TERM = rf"(?:{_DIGITS}|{_NUMERAL})\s?{_UNITS}+"
# A number glued to a word (동일 …) is no amount, hence the look-behind; 원 must end the word (not 원주시).
AMOUNT_RE = re.compile(
    rf"(?<![\w.])(?:{_TERM}(?:\s?{_TERM})*(?:\s?{_DIGITS})?|{_DIGITS})\s?원(?![\uac00-\ud7a3])"
    rf"|(?<![\w.])(?:{_TERM}(?:\s?{_TERM})*(?:\s?{_DIGITS})?|{_DIGITS})\s?원(?=(?:을|은|이|의|에|으로|씩|과|가|도|이다|이며|이고|입니다|규모|상당|수준|이상|이하|내외|정도|대)(?![\uac00-\ud7a3]))"
)
PERCENT_RE = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:%|％|퍼센트)(?!p)")

_NUMERAL_VALUES = dict(zip("일이삼사오육칠팔구", range(1, 10), strict=True))
_SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
_BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}
_TOKEN = re.compile(rf"{_DIGITS}|[일이삼사오육칠팔구십백천만억조]")


@dataclass(frozen=True)
class Amount:
    """An amount of won found in the text; ``krw`` is exact for whole won."""

    text: str
    krw: int
    start: int
    end: int

    def to_json(self) -> dict[str, object]:
        return {"text": self.text, "krw": self.krw}


@dataclass(frozen=True)
class Percentage:
    text: str
    value: float
    start: int
    end: int


def parse_amount(text: str) -> int:
    """Won in ``text``: ``parse_amount("21.5억원") == 2_150_000_000``; ``"3조 2천억 원"`` → 3.2 trillion.

    Korean groups digits by 10⁴: small units (십 백 천) build a number below 만, which a big unit (만 억 조)
    then multiplies. Raises ValueError when there is no number at all.
    """
    total = 0.0
    section = 0.0
    number: float | None = None
    seen = False
    for token in _TOKEN.findall(text.replace(" ", "")):
        seen = True
        if token in _NUMERAL_VALUES:
            number = _NUMERAL_VALUES[token]
        elif token in _SMALL_UNITS:
            section += (number if number is not None else 1) * _SMALL_UNITS[token]
            number = None
        elif token in _BIG_UNITS:
            group = section + (number or 0)
            total += (group or 1) * _BIG_UNITS[token]
            section, number = 0.0, None
        else:
            number = float(token.replace(",", ""))
    if not seen:
        raise ValueError(_("no amount in {text!r}", text=text))
    return round(total + section + (number or 0))


def find_amounts(text: str) -> list[Amount]:
    """Every amount of won in ``text``, with offsets."""
    found = []
    for match in AMOUNT_RE.finditer(text):
        try:
            found.append(Amount(match.group(0), parse_amount(match.group(0)), match.start(), match.end()))
        except ValueError:
            continue
    return found


def find_percentages(text: str) -> list[Percentage]:
    return [Percentage(m.group(0), float(m.group(1)), m.start(), m.end()) for m in PERCENT_RE.finditer(text)]
