"""Programme names: 「…」 and 『…』 titles, and noun phrases ending in 사업.

The same programme must become one entity across releases, so names are normalised: brackets and quotes
dropped, whitespace collapsed, a leading year ('23년, 2023년도) removed; the key also drops spaces, because
releases write 공정전환 지원사업 and 공정전환지원사업 alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_BRACKETED = re.compile(r"[「『]([^」』\n]{2,80})[」』]")
_LAW_ENDINGS = ("법", "법률", "시행령", "시행규칙", "령", "규칙", "규정", "조례", "고시", "훈령", "지침")
_LEADING_YEAR = re.compile(r"^(?:[’'`‘]?\d{2,4}\s?년도?|제\s?\d+\s?차)\s*")
_WORD = re.compile(r"\S+")
_STOP_WORD_LIST = """올해 작년 내년 지난해 금년 작년도 올해도 이번 해당 본 동 이 그 각 관련 등 신규 기존
    전체 주요 총 모든 연간 같은 이러한 위한 통한 대한 및 등의 또한 이에 이를 특히 한편
    새 새로운 기타 함께 통해 따라"""
_STOP_WORDS = frozenset(_STOP_WORD_LIST.split())
_STOP_ENDINGS = (
    "는",
    "를",
    "에",
    "에서",
    "으로",
    "로",
    "로서",
    "부터",
    "까지",
    "에는",
    "의",
    "은",
    "을",
    "와",
    "과",
    "한",
    "된",
    "할",
    "될",
    "인",
)
_PUNCTUATION = re.compile(r"[^\w\s-]")
_PARTICLE_TAIL = re.compile(r"사업(?:[은는이가을를의에도와과]|에는|에서|으로|이다|이며|으로는)?$")
MAX_WORDS = 6


@dataclass(frozen=True)
class ProgrammeMatch:
    start: int
    end: int
    surface: str
    name: str
    key: str


def normalise(name: str) -> tuple[str, str]:
    """Display name and key of a programme name as written."""
    name = re.sub(r"[「」『』“”\"‘’']", " ", name)
    name = _LEADING_YEAR.sub("", " ".join(name.split()))
    name = " ".join(name.split())
    return name, name.replace(" ", "")


def _bracketed(text: str) -> list[ProgrammeMatch]:
    found = []
    for match in _BRACKETED.finditer(text):
        inner = match.group(1).strip()
        if inner.endswith(_LAW_ENDINGS) or not re.search(r"[\uac00-\ud7a3]{2}", inner):
            continue
        name, key = normalise(inner)
        if key:
            found.append(ProgrammeMatch(match.start(), match.end(), match.group(0), name, key))
    return found


def _stops(word: str) -> bool:
    return (
        word in _STOP_WORDS
        or bool(_PUNCTUATION.search(word))
        or any(ch.isdigit() for ch in word)
        or word.endswith(_STOP_ENDINGS)
        or (len(word) >= 3 and word.endswith(("이", "가")))
    )


def _phrases(text: str, taken: list[tuple[int, int]]) -> list[ProgrammeMatch]:
    words = list(_WORD.finditer(text))
    found = []
    for index, word in enumerate(words):
        tail = _PARTICLE_TAIL.search(word.group(0))
        if not tail or any(s <= word.start() < e for s, e in taken):
            continue
        head = word.group(0)[: tail.start() + 2]
        if _PUNCTUATION.search(head):
            continue
        parts = [head]
        start = word.start()
        for previous in reversed(words[max(0, index - MAX_WORDS + 1) : index]):
            if _stops(previous.group(0)) or "\n" in text[previous.end() : start]:
                break
            parts.insert(0, previous.group(0))
            start = previous.start()
        name = " ".join(parts)
        if (len(parts) < 2 and len(head) < 7) or len(name.replace(" ", "")) < 6:
            continue
        name, key = normalise(name)
        found.append(ProgrammeMatch(start, word.start() + len(head), text[start : word.start() + len(head)], name, key))
    return found


def find_programmes(text: str) -> list[ProgrammeMatch]:
    bracketed = _bracketed(text)
    spans = [(m.start, m.end) for m in bracketed]
    return sorted(bracketed + _phrases(text, spans), key=lambda m: m.start)
