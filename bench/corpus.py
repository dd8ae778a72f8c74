"""A synthetic corpus of press-release-like Korean text, for the search benchmark.

Vocabulary comes from real words of the domain — regions, ministries, industries, policy terms — glued with
particles and the terse endings Korean releases use, so the text has what makes Korean search hard: particles on
nouns (충청북도는), compounds (탄소중립이행계획), two-syllable words hiding inside longer ones, numbers with units
(2030년, 21.5억원), Latin abbreviations (ESG, CO2) and the same syllables recurring across word boundaries.
Deterministic for a given seed, so runs are comparable.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

REGIONS = [
    "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시",
    "경기도", "강원특별자치도", "충청북도", "충청남도", "전북특별자치도", "전라남도", "경상북도", "경상남도",
    "제주특별자치도", "충북", "충남", "경북", "경남", "전남", "강원", "구미시", "원주시", "당진시", "여수시",
    "광양시", "포항시", "창원시", "태안군", "보령시", "삼척시", "동해시", "울주군", "서산시", "평택시", "청주시",
]  # fmt: skip
MINISTRIES = [
    ("motie", "산업통상자원부"), ("me", "환경부"), ("molab", "고용노동부"), ("mois", "행정안전부"),
    ("moef", "기획재정부"), ("msit", "과학기술정보통신부"), ("molit", "국토교통부"), ("mafra", "농림축산식품부"),
    ("mof", "해양수산부"), ("mss", "중소벤처기업부"), ("fsc", "금융위원회"), ("2050cnc", "2050 탄소중립녹색성장위원회"),
]  # fmt: skip
DEPARTMENTS = [
    "산업정책과", "에너지전환정책과", "기후변화대응과", "지역산업과", "공정전환지원과", "녹색산업과",
    "고용정책총괄과", "탄소중립정책과", "수소경제정책과", "재생에너지정책과", "지역경제지원과",
]  # fmt: skip
INDUSTRIES = [
    "석탄화력발전", "철강", "석유화학", "시멘트", "자동차부품", "내연기관차", "반도체", "정유", "조선", "섬유",
    "수소", "이차전지", "태양광", "해상풍력", "원자력", "전기차", "바이오", "디스플레이", "항만물류", "탄소포집",
]  # fmt: skip
POLICY = [
    "탄소중립", "공정전환", "정의로운 전환", "온실가스 감축", "녹색성장", "재생에너지", "에너지 전환", "산업전환",
    "일자리 전환", "직업훈련", "고용안정", "지역경제", "산업단지", "그린산단", "기후위기", "배출권거래제",
    "탄소국경조정제도", "ESG 경영", "RE100", "CF100", "녹색금융", "기후테크", "탄소중립 이행계획", "전환지원센터",
    "사업재편", "컨설팅", "실증사업", "규제특례", "기술개발", "인력양성", "협의체", "업무협약", "예산",
]  # fmt: skip
ACTORS = [
    "지자체", "근로자", "중소기업", "협력업체", "소상공인", "지역주민", "전문가", "노사", "공공기관", "연구기관",
    "대학", "시민사회", "산업계", "관계부처", "지방자치단체", "기업",
]  # fmt: skip
VERBS = [
    "지원한다", "추진한다", "강화한다", "확대한다", "발표했다", "논의했다", "점검했다", "구축했다", "마련했다",
    "시행한다", "개최했다", "선정했다", "협력하기로 했다", "밝혔다", "계획이다", "전망이다", "필요하다",
]  # fmt: skip
PARTICLE_SUBJECT = ["은", "는", "이", "가"]
PARTICLE_OBJECT = ["을", "를"]
CONNECTORS = ["또한,", "특히,", "이에 따라", "아울러", "한편,", "이를 위해", "이와 함께", "그 결과"]
KINDS = ["press release"] * 6 + ["news"] * 2 + ["notice", "bill"]
TAGS = ["공정전환", "탄소중립", "지역", "고용", "수소경제", "재생에너지", "산업단지", "ESG"]


def _josa(word: str, pair: tuple[str, str]) -> str:
    """The particle that fits the last syllable (은/는, 이/가, 을/를): batchim or not."""
    last = word[-1]
    if "가" <= last <= "힣":
        has_batchim = (ord(last) - 0xAC00) % 28 != 0
        return word + (pair[0] if has_batchim else pair[1])
    return word + pair[0]


@dataclass
class SyntheticDocument:
    title: str
    body: str
    published: dt.date
    kind: str
    ministry: int
    department: str
    tags: list[str] = field(default_factory=list)


class CorpusGenerator:
    def __init__(self, seed: int = 2023) -> None:
        self.random = random.Random(seed)

    def documents(self, count: int) -> Iterator[SyntheticDocument]:
        for _ in range(count):
            yield self.document()

    def document(self) -> SyntheticDocument:
        rng = self.random
        region = rng.choice(REGIONS)
        policy = rng.choice(POLICY)
        industry = rng.choice(INDUSTRIES)
        title = rng.choice(
            [
                f"{region}, {policy} {industry} 지원 본격 추진",
                f"{_josa(policy, ('을', '를'))} 위한 {industry} {rng.choice(['협의체', '업무협약', '간담회'])} 개최",
                f"{rng.choice(ACTORS)} 대상 {policy} 지원사업 공모",
                f"{industry} 산업 {policy} 로드맵 발표",
            ]
        )
        target = rng.randint(2000, 6000)
        paragraphs: list[str] = []
        size = len(title.encode())
        while size < target:
            paragraph = self.paragraph(region, policy, industry)
            paragraphs.append(paragraph)
            size += len(paragraph.encode()) + 2
        published = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 7))
        return SyntheticDocument(
            title=title,
            body="\n\n".join(paragraphs),
            published=published,
            kind=rng.choice(KINDS),
            ministry=rng.randrange(len(MINISTRIES)),
            department=rng.choice(DEPARTMENTS),
            tags=rng.sample(TAGS, rng.randint(0, 2)),
        )

    def paragraph(self, region: str, policy: str, industry: str) -> str:
        return " ".join(self.sentence(region, policy, industry) for _ in range(self.random.randint(2, 5)))

    def sentence(self, region: str, policy: str, industry: str) -> str:
        rng = self.random
        if rng.random() < 0.3:
            region = rng.choice(REGIONS)
        if rng.random() < 0.4:
            policy = rng.choice(POLICY)
        if rng.random() < 0.4:
            industry = rng.choice(INDUSTRIES)
        actor = rng.choice(ACTORS)
        year = rng.randint(2020, 2050)
        amount = f"{rng.randint(1, 999)}.{rng.randint(0, 9)}억원"
        parts = [
            rng.choice(CONNECTORS) if rng.random() < 0.4 else "",
            _josa(region, ("은", "는")),
            f"{year}년까지" if rng.random() < 0.5 else "",
            f"{industry} {_josa(actor, ('을', '를'))} 위해" if rng.random() < 0.5 else "",
            f"총 {amount}의 예산을 투입해" if rng.random() < 0.3 else "",
            f"{rng.choice(['CO2', 'ESG', 'RE100', 'R&D'])} 관련" if rng.random() < 0.15 else "",
            _josa(policy, ("을", "를")),
            rng.choice(VERBS) + ".",
        ]
        return " ".join(part for part in parts if part)


#: Queries of each class the benchmark times (all from the vocabulary above, so they have hits).
QUERIES: dict[str, list[str]] = {
    "2-syllable": ["탄소", "지역", "충북", "수소", "고용", "예산", "철강", "노사", "대학", "조선"],
    "4-syllable": ["탄소중립", "공정전환", "충청북도", "산업단지", "고용안정", "녹색금융", "직업훈련", "해상풍력"],
    "multi-word": ["탄소중립 충청북도", "수소 산업단지 지원", "공정전환 근로자", "철강 포항시 예산"],
    "phrase": ['"산업 탄소중립"', '"에너지 전환"', '"온실가스 감축"', '"정의로운 전환"'],
    "filtered": ["탄소 date:2023", "수소 kind:notice", "공정전환 date:2021-01..2021-06", "지역 tag:고용"],
    "particle": ["충청북도가", "탄소중립을", "근로자는"],
}
