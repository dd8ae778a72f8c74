"""EmailParser over messages built here: a press release mailed with its HWP and PDF, in UTF-8 and CP949."""

from __future__ import annotations

import base64
import datetime as dt
import unicodedata
from email import policy
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from parser_fuzzing import mutated, parse_or_refuse

import esgdesk.ingest.parsers.email as email_module
from esgdesk.core.models import DocumentKind
from esgdesk.ingest.parsers.base import ParseError, SourceInput
from esgdesk.ingest.parsers.email import EmailParser, decode_header_value

parser = EmailParser()

SUBJECT = "[보도자료] 탄소중립에 따른 위기, 지역 주도 준비 지원"
BODY = (
    "담당부서 : 산업통상부 지역경제진흥과\n"
    "탄소중립은 기존 산업에 위기이자 기회입니다.\n"
    "똠방각하 쌰롱 (CP949에만 있는 글자)"
)
HWP_BYTES = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"HWP Document File" + bytes(64)
PDF_BYTES = b"%PDF-1.4\n%fake\n%%EOF\n"


def make_message(body_charset: str = "utf-8") -> bytes:
    message = EmailMessage()
    message["From"] = "산업통상부 대변인실 <press@motie.go.kr>"
    message["To"] = "analyst@example.org"
    message["Subject"] = SUBJECT
    message["Date"] = "Fri, 28 Apr 2023 08:00:00 +0900"
    message["Message-ID"] = "<release-156565174@motie.go.kr>"
    if body_charset == "utf-8":
        message.set_content(BODY, charset="utf-8")
    else:
        message.set_content(
            BODY.encode("cp949"), maintype="text", subtype="plain", cte="base64", params={"charset": body_charset}
        )
    message.add_attachment(HWP_BYTES, maintype="application", subtype="x-hwp", filename="230428 보도자료.hwp")
    message.add_attachment(PDF_BYTES, maintype="application", subtype="pdf", filename="230428 보도자료.pdf")
    return message.as_bytes(policy=policy.SMTP)


def parse_one(data: bytes, name: str = "release.eml"):
    documents = parser.parse(SourceInput(name, data))
    assert len(documents) == 1
    return documents[0]


def test_score() -> None:
    assert parser.score(SourceInput("mail.txt", make_message())) == 80
    relayed = b"Delivered-To: a@b.kr\r\nReceived: by 10.0.0.1 " + b"x" * 3000 + b"\r\n" + make_message()
    assert parser.score(SourceInput("mail", relayed)) == 80
    assert parse_one(relayed).title == SUBJECT
    assert parser.score(SourceInput("x.eml", b"just some text")) == 20
    assert parser.score(SourceInput("x.txt", b"just some text\nSubject: x\nDate: y\n")) is None
    assert parser.score(SourceInput("x.txt", "제목: 보도자료\n날짜: 2023".encode())) is None


def test_release_mailed_with_hwp_and_pdf() -> None:
    document = parse_one(make_message())
    assert document.kind == DocumentKind.EMAIL
    assert document.title == SUBJECT
    assert document.body == BODY
    assert document.published == dt.date(2023, 4, 28)
    assert document.metadata["from"] == "산업통상부 대변인실 <press@motie.go.kr>"
    assert document.metadata["to"] == "analyst@example.org"
    assert [(a.name, a.data) for a in document.attachments] == [
        ("230428 보도자료.hwp", HWP_BYTES),
        ("230428 보도자료.pdf", PDF_BYTES),
    ]
    assert unicodedata.is_normalized("NFC", document.body)


@pytest.mark.parametrize("label", ["ks_c_5601-1987", "euc-kr"])
def test_cp949_body_under_its_korean_labels(label: str) -> None:
    # 똠 and 쌰 are not in EUC-KR: Python's euc_kr codec (which ks_c_5601-1987 maps to) fails on them
    assert parse_one(make_message(label)).body == BODY


def _b64_word(text: str, charset: str = "ks_c_5601-1987", encoding: str = "cp949") -> str:
    return f"=?{charset}?B?{base64.b64encode(text.encode(encoding)).decode()}?="


def test_outlook_style_cp949_message() -> None:
    """Headers and file names as Korean Outlook/webmail send them: encoded words in CP949, even in quotes."""
    subject = _b64_word("똠방 보도자료")
    hwp_name = _b64_word("공정전환 보도자료.hwp")
    raw = (
        "From: =?ks_c_5601-1987?B?" + base64.b64encode("홍길동".encode("cp949")).decode() + "?= <hong@example.kr>\r\n"
        f"Subject: {subject}\r\n"
        "Date: Thu, 27 Apr 2023 23:10:00 +0900\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="BOUNDARY"\r\n\r\n'
        "--BOUNDARY\r\n"
        "Content-Type: text/html; charset=ks_c_5601-1987\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode("<html><body><p>첫 문단 똠</p><p>둘째&nbsp;문단</p></body></html>".encode("cp949")).decode()
        + "\r\n--BOUNDARY\r\n"
        f'Content-Type: application/octet-stream; name="{hwp_name}"\r\n'
        f'Content-Disposition: attachment; filename="{hwp_name}"\r\n'
        "Content-Transfer-Encoding: base64\r\n\r\n" + base64.b64encode(HWP_BYTES).decode() + "\r\n--BOUNDARY\r\n"
        "Content-Type: application/pdf\r\n"
        "Content-Disposition: attachment; filename*=UTF-8''%EB%B3%B4%EB%8F%84%EC%9E%90%EB%A3%8C.pdf\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" + base64.b64encode(PDF_BYTES).decode() + "\r\n--BOUNDARY--\r\n"
    ).encode("ascii")
    document = parse_one(raw)
    assert document.title == "똠방 보도자료"
    assert document.metadata["from"] == "홍길동 <hong@example.kr>"
    assert document.body == "첫 문단 똠\n\n둘째 문단"
    assert document.published == dt.date(2023, 4, 27)
    assert [(a.name, a.data) for a in document.attachments] == [
        ("공정전환 보도자료.hwp", HWP_BYTES),
        ("보도자료.pdf", PDF_BYTES),
    ]


def test_raw_8bit_headers() -> None:
    raw = "Subject: 날것의 제목\r\nFrom: a@b.kr\r\n\r\n본문".encode() + b"\r\n"
    document = parse_one(raw)
    assert (document.title, document.body) == ("날것의 제목", "본문")
    raw_cp949 = "Subject: 날것의 제목\r\nFrom: a@b.kr\r\n\r\n본문\r\n".encode("cp949")
    assert parse_one(raw_cp949).title == "날것의 제목"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\Windows\\system32\\evil.dll", "evil.dll"),
        ("C:\\Users\\x\\보도자료.hwp", "보도자료.hwp"),
        ("..", "attachment-1.pdf"),
        ("a<b>:c?.hwp", "a_b__c_.hwp"),
        (unicodedata.normalize("NFD", "보도자료.hwp"), "보도자료.hwp"),
    ],
)
def test_attachment_names_never_climb_out(name: str, expected: str) -> None:
    message = EmailMessage()
    message["From"] = "a@b.kr"
    message["Subject"] = "x"
    message.set_content("본문")
    message.add_attachment(PDF_BYTES, maintype="application", subtype="pdf", filename=name)
    (attachment,) = parse_one(message.as_bytes()).attachments
    assert attachment.name == expected


def test_duplicate_names_are_made_unique_and_forwarded_mail_is_kept_whole() -> None:
    inner = EmailMessage()
    inner["From"] = "c@d.kr"
    inner["Subject"] = "원래 보도자료"
    inner.set_content("전달된 본문")
    message = EmailMessage()
    message["From"] = "a@b.kr"
    message["Subject"] = "FW: 원래 보도자료"
    message.set_content("아래 메일을 전달합니다.")
    message.add_attachment(PDF_BYTES, maintype="application", subtype="pdf", filename="a.pdf")
    message.add_attachment(PDF_BYTES, maintype="application", subtype="pdf", filename="a.pdf")
    message.add_attachment(inner)
    document = parse_one(message.as_bytes())
    assert document.body == "아래 메일을 전달합니다."
    names = [attachment.name for attachment in document.attachments]
    assert names == ["a.pdf", "a (2).pdf", "원래 보도자료.eml"]
    forwarded = parse_one(document.attachments[2].data)
    assert (forwarded.title, forwarded.body) == ("원래 보도자료", "전달된 본문")


def test_attachment_limit_keeps_the_first_and_warns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(email_module, "MAX_ATTACHMENTS", 1)
    document = parse_one(make_message())
    assert [attachment.name for attachment in document.attachments] == ["230428 보도자료.hwp"]
    assert any("not kept" in warning for warning in document.warnings)


def test_decode_header_value() -> None:
    assert decode_header_value(_b64_word("똠", "euc-kr")) == "똠"
    assert decode_header_value("=?UTF-8?Q?=ED=83=84=EC=86=8C?= 중립") == "탄소 중립"


@pytest.mark.parametrize("data", [b"", b"\x00\x01\x02binary", b"just a line of text", "한글 문서입니다".encode()])
def test_not_an_email_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        parser.parse(SourceInput("x.eml", data))


_BASE = make_message("ks_c_5601-1987")


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(_BASE, [b"\r\n--", b"=?x?B?", b"*0*=", b"; filename*=utf-8''%ff", b"\r\n\r\n"]))
def test_mutated_messages_raise_only_parse_error(data: bytes) -> None:
    for document in parse_or_refuse(parser, "fuzz.eml", data):
        assert all("/" not in a.name and "\\" not in a.name for a in document.attachments)
