"""FeedParser over korea.kr-like RSS, Atom and RSS 1.0 written here, and over hostile XML."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parser_fuzzing import mutated, parse_or_refuse

from esgdesk.core.models import DocumentKind
from esgdesk.ingest.parsers.base import ParseError, SourceInput
from esgdesk.ingest.parsers.feed import FeedParser

parser = FeedParser()

KOREA_KR_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>산업통상자원부 보도자료</title>
<link>https://www.korea.kr/briefing/pressReleaseList.do</link>
<description>정책브리핑 보도자료</description>
<item>
<title>탄소중립에 따른 위기, 지역 주도 준비 지원</title>
<link>https://www.korea.kr/briefing/pressReleaseView.do?newsId=156565174</link>
<description><![CDATA[<p>탄소중립은 기존 산업에 <b>위기</b>이자 기회입니다.</p>
<p>담당부서 : 산업통상부 지역경제진흥과</p><table><tr><td>충북</td><td>자동차</td></tr></table>]]></description>
<pubDate>Fri, 28 Apr 2023 08:00:00 +0900</pubDate>
<author>산업통상자원부</author>
<guid>https://www.korea.kr/briefing/pressReleaseView.do?newsId=156565174</guid>
</item>
<item>
<title>2023년 공정전환 지원사업 공고</title>
<link>https://example.go.kr/notice/123</link>
<description>지원 대상 &amp; 일정 안내</description>
<pubDate>Thu, 27 Apr 2023 17:30:00 +0900</pubDate>
<dc:creator>지역경제진흥과 홍길동</dc:creator>
<guid isPermaLink="false">notice-123</guid>
</item>
</channel>
</rss>
""".encode()

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>환경부 소식</title><id>urn:example:feed</id><updated>2023-04-28T08:00:00+09:00</updated>
<entry>
<title type="html">기후대응 &lt;b&gt;기금&lt;/b&gt; 확대</title>
<id>urn:uuid:6f6c2b3e-1</id>
<link href="https://www.korea.kr/news/policyNewsView.do?newsId=148915000"/>
<published>2023-04-28T07:30:00+09:00</published>
<updated>2023-04-29T10:00:00+09:00</updated>
<author><name>환경부</name></author>
<summary>요약만 있음</summary>
<content type="html">&lt;p&gt;기후대응기금을 확대합니다.&lt;/p&gt;&lt;p&gt;둘째 문단&lt;/p&gt;</content>
</entry>
</feed>
""".encode()

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.org/"><title>t</title><link>https://example.org/</link>
<description>d</description></channel>
<item rdf:about="https://example.org/1"><title>one</title><link>https://example.org/1</link>
<description>body one</description></item>
</rdf:RDF>
"""


def test_score_by_root_element() -> None:
    assert parser.score(SourceInput("pressrelease.xml", KOREA_KR_RSS)) == 60
    assert parser.score(SourceInput("x.bin", ATOM)) == 60
    assert parser.score(SourceInput("x.xml", RDF)) == 60
    assert parser.score(SourceInput("x.xml", "\ufeff".encode() + KOREA_KR_RSS)) == 60
    utf16 = KOREA_KR_RSS.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert parser.score(SourceInput("x.xml", utf16)) == 60
    assert parser.score(SourceInput("x.xml", b"<?xml version='1.0'?><svg/>")) is None
    assert parser.score(SourceInput("x.html", b"<html><body>rss</body></html>")) is None
    assert parser.score(SourceInput("x.rss", b"whatever")) == 10


def test_korea_kr_rss_items() -> None:
    first, second = parser.parse(SourceInput("dept_motie.xml", KOREA_KR_RSS))
    assert first.kind == DocumentKind.FEED_ITEM
    assert first.title == "탄소중립에 따른 위기, 지역 주도 준비 지원"
    assert first.body == (
        "탄소중립은 기존 산업에 위기이자 기회입니다.\n\n담당부서 : 산업통상부 지역경제진흥과\n\n충북\t자동차"
    )
    assert first.metadata["source_url"] == "https://www.korea.kr/briefing/pressReleaseView.do?newsId=156565174"
    assert first.metadata["source_id"] == "156565174"
    assert first.metadata["ministry"] == "산업통상자원부"
    # 08:00 in Seoul is the day before in UTC: the date stays as the publisher wrote it
    assert first.published == dt.date(2023, 4, 28)
    assert unicodedata.is_normalized("NFC", first.body)

    assert second.title == "2023년 공정전환 지원사업 공고"
    assert second.body == "지원 대상 & 일정 안내"
    assert second.metadata["source_id"] == "notice-123"
    assert second.metadata["author"] == "지역경제진흥과 홍길동"
    # the feed is the ministry's own (dept_*.xml): its title names the ministry
    assert second.metadata["ministry"] == "산업통상자원부"
    assert second.published == dt.date(2023, 4, 27)


def test_atom_entry() -> None:
    (entry,) = parser.parse(SourceInput("feed.atom", ATOM))
    assert entry.title == "기후대응 기금 확대"
    assert entry.body == "기후대응기금을 확대합니다.\n\n둘째 문단"
    assert entry.published == dt.date(2023, 4, 28)
    assert entry.metadata["source_id"] == "148915000"
    assert entry.metadata["ministry"] == "환경부"


def test_rss_1_0_items() -> None:
    (item,) = parser.parse(SourceInput("feed.rdf", RDF))
    assert (item.title, item.body, item.metadata["source_url"]) == ("one", "body one", "https://example.org/1")


def test_entities_are_refused() -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<rss version='2.0'><channel><item><title>&b;</title></item></channel></rss>"
    )
    with pytest.raises(ParseError, match="entities"):
        parser.parse(SourceInput("bomb.xml", laughs))
    external = b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss/>'
    with pytest.raises(ParseError, match="entities"):
        parser.parse(SourceInput("xxe.xml", external))


def test_plain_rss_091_doctype_is_allowed() -> None:
    data = KOREA_KR_RSS.replace(
        b"<rss ",
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss ',
        1,
    )
    assert len(parser.parse(SourceInput("old.xml", data))) == 2


def test_bytes_that_look_like_a_path_or_url_are_never_opened() -> None:
    for data in (b"/etc/passwd", b"https://www.korea.kr/rss/pressrelease.xml"):
        with pytest.raises(ParseError):
            parser.parse(SourceInput("x.xml", data))


def test_empty_feed_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="no items"):
        parser.parse(SourceInput("empty.xml", b"<rss version='2.0'><channel><title>t</title></channel></rss>"))


def test_broken_feed_items_are_read_leniently_with_a_warning() -> None:
    cut = KOREA_KR_RSS[: KOREA_KR_RSS.index(b"</item>") + 7]
    documents = parser.parse(SourceInput("cut.xml", cut))
    assert documents[0].metadata["source_id"] == "156565174"
    assert any("well-formed" in warning for warning in documents[0].warnings)


_FEED_SNIPPETS = [b"<", b"]]>", b"&#0;", b"&amp"]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated(KOREA_KR_RSS, _FEED_SNIPPETS), mutated(ATOM, _FEED_SNIPPETS)))
def test_mutated_feeds_raise_only_parse_error(data: bytes) -> None:
    parse_or_refuse(parser, "fuzz.xml", data)
