<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name></name>
    <message>
        <location filename="../../src/esgdesk/ui/about.py" line="71"/>
        <source>This file is missing from the installation: %1</source>
        <extracomment>the name people see (window titles, installers, the Start menu, the Dock); `esgdesk` stays the command&apos;s name who makes it, as pyproject.toml&apos;s authors says; shown here, in the Windows version info and the installers the macOS bundle identifier and the Windows AppUserModelID stem; must match installer/ (one identity) (tab title, resource path parts, shown as Markdown?) for each licence text</extracomment>
        <translation>설치본에 이 파일이 없습니다: %1</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/about.py" line="76"/>
        <source> (installed app)</source>
        <translation> (설치된 앱)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/about.py" line="97"/>
        <source>About %1</source>
        <translation>%1 정보</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/about.py" line="119"/>
        <source>An offline archive of Korean government press releases on carbon neutrality, just transition and ESG: Korean search, annotations, links and briefing packets in DOCX and PDF.</source>
        <translation>탄소중립·공정전환·ESG 관련 정부 보도자료를 오프라인으로 보관하는 아카이브: 한국어 검색, 주석, 문서 연결, DOCX·PDF 브리핑 자료.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/about.py" line="127"/>
        <source>Qt for Python is used under the LGPL-3.0; the NanumGothic font under the SIL Open Font License 1.1; the map boundaries are 통계청 SGIS data under KOGL type 1. See the tabs below.</source>
        <translation>Qt for Python은 LGPL-3.0, 나눔고딕 글꼴은 SIL Open Font License 1.1, 지도 경계는 공공누리 제1유형의 통계청 SGIS 자료를 따릅니다. 아래 탭을 보십시오.</translation>
    </message>
</context>
<context>
    <name>Activity</name>
    <message>
        <source>imported</source>
        <translation type="vanished">가져옴</translation>
    </message>
    <message>
        <source>revised</source>
        <translation type="vanished">개정함</translation>
    </message>
    <message>
        <source>annotated</source>
        <translation type="vanished">주석을 닮</translation>
    </message>
    <message>
        <source>edited an annotation</source>
        <translation type="vanished">주석을 고침</translation>
    </message>
    <message>
        <source>re-attached an annotation</source>
        <translation type="vanished">주석을 다시 붙임</translation>
    </message>
    <message>
        <source>deleted an annotation</source>
        <translation type="vanished">주석을 지움</translation>
    </message>
    <message>
        <source>edited a category</source>
        <translation type="vanished">분류를 고침</translation>
    </message>
    <message>
        <source>edited the note</source>
        <translation type="vanished">메모를 고침</translation>
    </message>
    <message>
        <source>linked</source>
        <translation type="vanished">연결함</translation>
    </message>
    <message>
        <source>edited a link note</source>
        <translation type="vanished">연결 메모를 고침</translation>
    </message>
    <message>
        <source>removed a link</source>
        <translation type="vanished">연결을 없앰</translation>
    </message>
    <message>
        <source>dismissed a suggestion</source>
        <translation type="vanished">제안을 거절함</translation>
    </message>
    <message>
        <source>imported a bundle</source>
        <translation type="vanished">번들을 가져옴</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="114"/>
        <source>Activity</source>
        <extracomment>open this document in the reader the list shows a fresh load with this many entries (tests wait for it)</extracomment>
        <translation>활동</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="115"/>
        <source>&amp;Author:</source>
        <translation>작성자(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="116"/>
        <source>&amp;Show:</source>
        <translation>표시(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="117"/>
        <source> changes</source>
        <translation>건</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="118"/>
        <source>&amp;Refresh</source>
        <translation>새로 고침(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="119"/>
        <source>Read the log again (changes by others appear here)</source>
        <translation>기록을 다시 읽기 (다른 사람의 변경도 여기 나타납니다)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="121"/>
        <source>When</source>
        <translation>언제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="121"/>
        <source>Who</source>
        <translation>누가</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="121"/>
        <source>What</source>
        <translation>무엇을</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="121"/>
        <source>Document</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="121"/>
        <source>Details</source>
        <translation>자세히</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="123"/>
        <source>Recent changes</source>
        <translation>최근 변경</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="124"/>
        <source>Enter or a double-click opens the document in the reader</source>
        <translation>Enter 또는 두 번 클릭하면 리더에서 문서를 엽니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="125"/>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="189"/>
        <source>Everyone</source>
        <translation>모든 사람</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="148"/>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="166"/>
        <source>unknown author</source>
        <translation>작성자 모름</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/activity_view.py" line="178"/>
        <source>Changes shown: %1</source>
        <translation>표시한 변경: %1건</translation>
    </message>
</context>
<context>
    <name>AnnotateDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="84"/>
        <source>Annotate passage</source>
        <translation>구절에 주석 달기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="90"/>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="96"/>
        <source>&amp;Category:</source>
        <translation>분류(&amp;C):</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../src/esgdesk/ui/annotation_controller.py" line="62"/>
        <source>Annotate</source>
        <extracomment>the annotation just made: selected in the panel once the panel shows it</extracomment>
        <translation>주석 달기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotation_controller.py" line="62"/>
        <source>Highlight</source>
        <translation>강조</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotation_controller.py" line="72"/>
        <source>Edit note</source>
        <translation>메모 편집</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotation_controller.py" line="77"/>
        <source>Change category</source>
        <translation>분류 변경</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotation_controller.py" line="81"/>
        <source>Delete annotation</source>
        <translation>주석 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotation_controller.py" line="85"/>
        <source>Choose the annotation in the panel first.</source>
        <translation>먼저 패널에서 주석을 고르십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotation_controller.py" line="91"/>
        <source>Re-attach annotation</source>
        <translation>주석 다시 연결</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="197"/>
        <source>Annotations</source>
        <extracomment>show this annotation&apos;s passage in the reader who made the selected annotation and when: on a shared archive, not everything is one&apos;s own</extracomment>
        <translation>주석</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="198"/>
        <source>Enter or a click shows the passage; Delete removes the annotation</source>
        <translation>Enter 또는 클릭: 구절 보기, Delete: 주석 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="199"/>
        <source>Category</source>
        <translation>분류</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="200"/>
        <source>C&amp;ategory:</source>
        <translation>분류(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="201"/>
        <source>&amp;Save note</source>
        <translation>메모 저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="202"/>
        <source>Save the note (Ctrl+Return)</source>
        <translation>메모 저장 (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="203"/>
        <source>De&amp;lete</source>
        <translation>삭제(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="204"/>
        <source>Delete this annotation (Delete in the list)</source>
        <translation>이 주석 삭제 (목록에서 Delete)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="205"/>
        <source>Re-a&amp;ttach</source>
        <translation>다시 연결(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="207"/>
        <source>Anchor this note to the passage selected in the reader (for a note whose text changed)</source>
        <translation>읽기 창에서 선택한 구절에 이 메모를 연결합니다 (본문이 바뀐 메모용)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="210"/>
        <source>No annotations yet. Select a passage and press Ctrl+Shift+H to highlight it.</source>
        <translation>주석이 아직 없습니다. 구절을 선택하고 Ctrl+Shift+H를 눌러 강조하십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="230"/>
        <source>Orphaned — “%1”</source>
        <translation>연결 끊김 — “%1”</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="238"/>
        <source>Its passage is no longer in the text: select the new wording and re-attach it.</source>
        <translation>해당 구절이 본문에 더 이상 없습니다: 새 문구를 선택해 다시 연결하십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="259"/>
        <source>unknown author</source>
        <translation>작성자 모름</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="260"/>
        <source>Annotated by %1 on %2</source>
        <translation>%1 작성, %2</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="263"/>
        <source>, last changed %1</source>
        <translation>, 마지막 변경 %1</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="290"/>
        <source>Orphaned: select the passage in the reader, then Re-attach.</source>
        <translation>연결 끊김: 읽기 창에서 구절을 선택한 뒤 &apos;다시 연결&apos;을 누르십시오.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../src/esgdesk/ui/app.py" line="106"/>
        <source>Cannot open the archive</source>
        <extracomment>Qt&apos;s offscreen platform says this for every top-level window; it is noise, not a problem of the app a screenshot that has not happened by then will not happen: report it rather than hang a script</extracomment>
        <translation>보관함을 열 수 없습니다</translation>
    </message>
</context>
<context>
    <name>ArchiveController</name>
    <message>
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="61"/>
        <source>Opening %1…</source>
        <extracomment>how often the pending changes are counted again while there are some &quot;Indexing… (3 changes waiting)&quot; in the status bar; hidden when nothing waits how many changes derived state has yet to follow, as last counted (done, total) while the search index is being built in the background, else None</extracomment>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="70"/>
        <source>Archive: %1</source>
        <translation>보관함: %1</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="79"/>
        <source>The archive could not be opened:</source>
        <translation>보관함을 열 수 없습니다:</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="155"/>
        <source>Building the search index… %1%</source>
        <translation>검색 색인을 만드는 중… %1%</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="157"/>
        <source>Searches find everything once the index is built; the rest of the app works meanwhile.</source>
        <translation>색인이 다 만들어지면 검색이 모든 문서를 찾습니다. 그동안 앱의 다른 기능은 그대로 쓸 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="161"/>
        <source>Indexing… (%n changes waiting)</source>
        <translation>
            <numerusform>색인 중… (변경 %n건 대기)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="163"/>
        <source>Search results and entities do not include the latest changes until indexing finishes.</source>
        <translation>색인이 끝날 때까지 검색 결과와 개체에는 최근 변경이 들어 있지 않습니다.</translation>
    </message>
</context>
<context>
    <name>Authorship</name>
    <message>
        <location filename="../../src/esgdesk/ui/authorship.py" line="48"/>
        <source>unknown author</source>
        <translation>작성자 모름</translation>
    </message>
</context>
<context>
    <name>Briefing</name>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="48"/>
        <source>Regional transition support</source>
        <translation>지역별 공정전환 지원 현황</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="49"/>
        <source>Regions, years, industries and measures: a summary table, map, chart, details, sources</source>
        <translation>지역·연도·산업·지원 내용: 요약표, 지도, 차트, 지역별 세부, 출처</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="54"/>
        <source>Document digest</source>
        <translation>문서 요약집</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="55"/>
        <source>One section per document: metadata, gist, annotations, linked documents</source>
        <translation>문서별 한 절: 메타데이터, 요지, 주석, 관련 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="60"/>
        <source>Annotations</source>
        <translation>주석</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="61"/>
        <source>Your highlights and notes, grouped by category, with citations</source>
        <translation>강조와 메모를 분류별로 모아 출처와 함께</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="64"/>
        <source>Timeline</source>
        <translation>연대표</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="65"/>
        <source>Releases and programme years in date order</source>
        <translation>문서 발표와 사업 연도를 날짜 순으로</translation>
    </message>
</context>
<context>
    <name>BriefingWizard</name>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="371"/>
        <source>Build a briefing</source>
        <translation>브리핑 만들기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="414"/>
        <source>Reading the selected documents…</source>
        <translation>선택한 문서를 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="441"/>
        <source>Writing %1…</source>
        <translation>%1 쓰는 중…</translation>
    </message>
</context>
<context>
    <name>CategoryBox</name>
    <message>
        <location filename="../../src/esgdesk/ui/annotations_panel.py" line="62"/>
        <source>(no category)</source>
        <translation>(분류 없음)</translation>
    </message>
</context>
<context>
    <name>CollectionController</name>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="23"/>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="27"/>
        <source>New collection</source>
        <translation>새 모음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="23"/>
        <source>Name:</source>
        <translation>이름:</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="32"/>
        <source>Select documents in the list first.</source>
        <translation>먼저 목록에서 문서를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="38"/>
        <source>Add to collection</source>
        <translation>모음에 추가</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="39"/>
        <source>Add the %n selected documents to the collection (type a new name to make one):</source>
        <translation>
            <numerusform>선택한 문서 %n건을 추가할 모음 (새 이름을 입력하면 새로 만듭니다):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="53"/>
        <source>Add %n documents to collection</source>
        <translation>
            <numerusform>문서 %n건을 모음에 추가</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="76"/>
        <source>Arrange collection</source>
        <translation>모음 정리</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="85"/>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="88"/>
        <source>Rename collection</source>
        <translation>모음 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="85"/>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="96"/>
        <source>Delete collection</source>
        <translation>모음 삭제</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="105"/>
        <source>Tag %n documents</source>
        <translation>
            <numerusform>문서 %n건에 태그 붙이기</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/collection_dialog.py" line="28"/>
        <source>Arrange collection “%1”</source>
        <translation>모음 “%1” 정리</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_dialog.py" line="29"/>
        <source>A briefing made from this collection follows this order.</source>
        <translation>이 모음으로 만드는 브리핑은 이 순서를 따릅니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_dialog.py" line="33"/>
        <source>Documents in briefing order</source>
        <translation>브리핑 순서의 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_dialog.py" line="35"/>
        <source>Drag, or Ctrl+Up / Ctrl+Down, to reorder; Delete takes a document out</source>
        <translation>끌거나 Ctrl+위/Ctrl+아래로 순서 변경, Delete로 문서 빼기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_dialog.py" line="39"/>
        <source>Move &amp;up</source>
        <translation>위로(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_dialog.py" line="40"/>
        <source>Move &amp;down</source>
        <translation>아래로(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/collection_dialog.py" line="41"/>
        <source>&amp;Take out</source>
        <translation>빼기(&amp;T)</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="49"/>
        <source>someone else</source>
        <extracomment>what the analyst chose; None until a button says</extracomment>
        <translation>다른 사람</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="50"/>
        <source>Changed by someone else</source>
        <translation>다른 사람이 변경함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="53"/>
        <source>%1 saved this note while you were editing it (you started from version %2, it is now at version %3). Nothing has been overwritten: choose what to keep.</source>
        <translation>편집하는 동안 %1 님이 이 메모를 저장했습니다 (편집을 시작한 버전 %2, 지금 버전 %3). 아무것도 덮어쓰지 않았습니다. 무엇을 남길지 고르세요.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="62"/>
        <source>Saved now by %1</source>
        <translation>지금 저장된 내용 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="63"/>
        <source>Your version (not saved)</source>
        <translation>내 버전 (저장 안 됨)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="67"/>
        <source>Merged text to save</source>
        <translation>저장할 합친 내용</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="68"/>
        <source>Copy &amp;their text</source>
        <translation>상대 내용 복사(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="71"/>
        <source>Copy y&amp;our text</source>
        <translation>내 내용 복사(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="76"/>
        <source>Saved now by %1:</source>
        <translation>지금 저장된 내용 (%1):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="78"/>
        <source>Your version (not saved):</source>
        <translation>내 버전 (저장 안 됨):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="86"/>
        <source>&amp;Merged by hand (saved over theirs):</source>
        <translation>직접 합친 내용(&amp;M) (상대 내용 위에 저장):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="90"/>
        <source>&amp;Keep theirs</source>
        <translation>상대 것 유지(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="92"/>
        <source>Leave the saved note as it is and drop your version</source>
        <translation>저장된 메모를 그대로 두고 내 버전은 버립니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="93"/>
        <source>&amp;Save merged text</source>
        <translation>합친 내용 저장(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="95"/>
        <source>Save the merged text over theirs (Ctrl+Return); it can be undone</source>
        <translation>합친 내용을 상대 내용 위에 저장합니다 (Ctrl+Return). 실행 취소할 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="97"/>
        <source>Decide &amp;later</source>
        <translation>나중에 결정(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/conflict_dialog.py" line="99"/>
        <source>Close; your version stays in the editor, not saved</source>
        <translation>닫기: 내 버전은 저장되지 않은 채 편집기에 남습니다</translation>
    </message>
</context>
<context>
    <name>DocumentTable</name>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="238"/>
        <source>Title</source>
        <extracomment>reads the rows of some ids (esgdesk.library.browse.document_rows bound to an archive) documents dragged onto a tag or a collection in the sidebar (esgdesk.ui.sidebar reads it) the view asked for another order; the owner fetches the ids sorted that way and calls set_ids</extracomment>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="239"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="240"/>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="241"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="242"/>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="243"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>EmptyArchivePanel</name>
    <message>
        <location filename="../../src/esgdesk/ui/empty_state.py" line="104"/>
        <source>This archive is empty</source>
        <translation>보관함이 비어 있습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/empty_state.py" line="106"/>
        <source>Import press releases (HWP, HWPX, PDF, DOCX, HTML, text or zip), or drop files and folders here.</source>
        <translation>보도자료(HWP, HWPX, PDF, DOCX, HTML, 텍스트, zip)를 가져오거나 파일과 폴더를 여기에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/empty_state.py" line="108"/>
        <source>Import files…</source>
        <translation>파일 가져오기…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/empty_state.py" line="109"/>
        <source>Import folder…</source>
        <translation>폴더 가져오기…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/empty_state.py" line="112"/>
        <source>New to esgdesk? Try it on the four sample releases that come with it. One is real: 산업통상자원부&apos;s release of 28 April 2023 on the just transition. The other three are invented for the demo — their names, places and amounts are made up, and their file names say FICTITIOUS.</source>
        <translation>esgdesk를 처음 쓰시나요? 함께 제공되는 예시 보도자료 4건으로 먼저 써 보세요. 1건은 실제 자료(산업통상자원부, 2023. 4. 28. 공정전환 보도자료)이고, 나머지 3건은 시연용으로 지어낸 가상의 자료입니다. 기관·지역·금액이 모두 지어낸 것이며 파일 이름에 FICTITIOUS라고 적혀 있습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/empty_state.py" line="118"/>
        <source>Not now</source>
        <translation>나중에</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/empty_state.py" line="117"/>
        <source>Load the sample releases</source>
        <translation>예시 보도자료 불러오기</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="57"/>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="58"/>
        <source>Ministries and organisations</source>
        <translation>부처·기관</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="59"/>
        <source>Programmes</source>
        <translation>사업</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="60"/>
        <source>Industries</source>
        <translation>산업</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="278"/>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="285"/>
        <source>Written files</source>
        <translation>만든 파일</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="286"/>
        <source>&amp;Open</source>
        <translation>열기(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="288"/>
        <source>Open the selected file in its program</source>
        <translation>선택한 파일을 해당 프로그램으로 열기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="289"/>
        <source>&amp;Show in folder</source>
        <translation>폴더에서 보기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="331"/>
        <source>The briefing could not be made: %1</source>
        <translation>브리핑을 만들지 못했습니다: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="333"/>
        <source>Done: %n files written.</source>
        <translation>
            <numerusform>완료: 파일 %n개를 만들었습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="90"/>
        <source>Find in document</source>
        <extracomment>a highlight: anything with start, end (code points), colour and — for the panel to find it — an id lavender, underlined: the annotation categories take yellow, green, blue and red (notes.annotations), and a search hit inside a 핵심 highlight must still be told apart from it how much of the document&apos;s note the header shows (the whole note is in `esgdesk note`)</extracomment>
        <translation>문서에서 찾기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="91"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>이전 결과 (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="92"/>
        <source>Next match (Enter)</source>
        <translation>다음 결과 (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="93"/>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../src/esgdesk/ui/import_actions.py" line="40"/>
        <source>Import files</source>
        <translation>파일 가져오기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_actions.py" line="43"/>
        <source>Press releases (*.hwp *.hwpx *.pdf *.docx *.html *.htm *.txt *.xml *.rss *.zip *.eml);;All files (*)</source>
        <translation>보도자료 (*.hwp *.hwpx *.pdf *.docx *.html *.htm *.txt *.xml *.rss *.zip *.eml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_actions.py" line="50"/>
        <source>Import folder</source>
        <translation>폴더 가져오기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_actions.py" line="58"/>
        <source>An import is already running.</source>
        <translation>이미 가져오기가 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_actions.py" line="68"/>
        <source>The sample releases are missing from this installation.</source>
        <translation>이 설치본에는 예시 보도자료가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_actions.py" line="82"/>
        <source>%1 imported, %2 duplicates, %3 failed</source>
        <translation>%1건 가져옴, 중복 %2건, 실패 %3건</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="57"/>
        <source>Reading the files…</source>
        <extracomment>the report (possibly of a cancelled batch) once the batch has stopped</extracomment>
        <translation>파일을 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="57"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="58"/>
        <source>Importing</source>
        <translation>가져오는 중</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="80"/>
        <source>Stopping after the current file…</source>
        <translation>현재 파일을 마친 뒤 멈춥니다…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="90"/>
        <source>File %1 of %2
%3</source>
        <translation>파일 %1/%2
%3</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="110"/>
        <source>(the import stopped)</source>
        <translation>(가져오기가 중단됨)</translation>
    </message>
</context>
<context>
    <name>ImportReason</name>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="17"/>
        <source>the file is empty</source>
        <translation>빈 파일입니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="21"/>
        <source>no such file or folder</source>
        <translation>그런 파일이나 폴더가 없습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="23"/>
        <source>not a regular file</source>
        <translation>일반 파일이 아닙니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="27"/>
        <source>the file is not text (it holds binary data)</source>
        <translation>텍스트 파일이 아닙니다 (이진 데이터가 들어 있음)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="32"/>
        <source>the file is not readable text (it looks like binary data)</source>
        <translation>읽을 수 있는 텍스트가 아닙니다 (이진 데이터로 보임)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="37"/>
        <source>the file is not text in any encoding esgdesk knows</source>
        <translation>esgdesk가 아는 어떤 인코딩으로도 텍스트가 아닙니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="42"/>
        <source>the document holds no text</source>
        <translation>문서에 텍스트가 없습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="47"/>
        <source>no text was found in the file</source>
        <translation>파일에서 텍스트를 찾지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="52"/>
        <source>the file cannot be read: permission denied</source>
        <translation>파일을 읽을 수 없습니다: 권한이 없습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="57"/>
        <source>the file is larger than the import limit</source>
        <translation>파일이 가져오기 크기 제한보다 큽니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="62"/>
        <source>the PDF is protected by a password</source>
        <translation>암호가 걸린 PDF입니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="67"/>
        <source>the PDF is damaged or incomplete</source>
        <translation>PDF가 손상되었거나 불완전합니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="72"/>
        <source>the Word file is damaged</source>
        <translation>Word 파일이 손상되었습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="77"/>
        <source>reading the file took too long and was stopped</source>
        <translation>파일을 읽는 데 너무 오래 걸려 중단했습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="82"/>
        <source>the reader stopped on this file (out of memory?)</source>
        <translation>이 파일을 읽다가 중단되었습니다 (메모리 부족?)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="87"/>
        <source>esgdesk cannot read this kind of file</source>
        <translation>esgdesk가 읽을 수 없는 종류의 파일입니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="92"/>
        <source>its path climbs out of the zip file; it was not read</source>
        <translation>경로가 zip 파일 밖을 가리켜 읽지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="97"/>
        <source>compressed suspiciously well (a zip bomb?)</source>
        <translation>압축률이 비정상적으로 높습니다 (zip 폭탄?)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="102"/>
        <source>inflates beyond its declared size (a zip bomb?)</source>
        <translation>압축을 풀면 선언된 크기를 넘습니다 (zip 폭탄?)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="107"/>
        <source>the disk holding the archive is full</source>
        <translation>보관함이 있는 디스크가 가득 찼습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reasons.py" line="112"/>
        <source>not imported: the disk is full</source>
        <translation>가져오지 않음: 디스크가 가득 찼습니다</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="130"/>
        <source>Import finished</source>
        <translation>가져오기 완료</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="134"/>
        <source>%1 imported, %2 duplicates, %3 failed</source>
        <translation>%1건 가져옴, 중복 %2건, 실패 %3건</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="140"/>
        <source>Cancelled after %1 of %2 files.</source>
        <translation>파일 %2개 중 %1개를 처리한 뒤 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="148"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="148"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="155"/>
        <source>Failed (%1)</source>
        <translation>실패 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="165"/>
        <source>Duplicates (%1)</source>
        <translation>중복 (%1)</translation>
    </message>
</context>
<context>
    <name>LinkController</name>
    <message>
        <location filename="../../src/esgdesk/ui/link_controller.py" line="28"/>
        <source>Link</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/link_controller.py" line="36"/>
        <source>Remove link</source>
        <translation>연결 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/link_controller.py" line="42"/>
        <source>Accept suggested link</source>
        <translation>추천 연결 수락</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/link_controller.py" line="51"/>
        <source>Dismiss suggestion</source>
        <translation>추천 무시</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="80"/>
        <source>Link to…</source>
        <translation>문서 연결…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="81"/>
        <source>Link “%1” to another document.</source>
        <translation>“%1”을(를) 다른 문서와 연결합니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="85"/>
        <source>Search the archive: words, title:, tag:, region: …</source>
        <translation>보관함 검색: 낱말, title:, tag:, region: …</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="87"/>
        <source>Search for the document to link</source>
        <translation>연결할 문서 검색</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="90"/>
        <source>Documents found</source>
        <translation>찾은 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="92"/>
        <source>Passage</source>
        <translation>구절</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="95"/>
        <source>Relation</source>
        <translation>관계</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="101"/>
        <source>Note on the link</source>
        <translation>연결 메모</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="105"/>
        <source>&amp;Link</source>
        <translation>연결(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="111"/>
        <source>&amp;Search:</source>
        <translation>검색(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="113"/>
        <source>&amp;Passage:</source>
        <translation>구절(&amp;P):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="114"/>
        <source>&amp;Relation:</source>
        <translation>관계(&amp;R):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="115"/>
        <source>&amp;Note:</source>
        <translation>메모(&amp;N):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/links_panel.py" line="170"/>
        <source>%n documents found</source>
        <translation>
            <numerusform>문서 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="180"/>
        <source>The whole document</source>
        <translation>문서 전체</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="47"/>
        <source>follows up</source>
        <extracomment>how many hits the Link to… dialog lists for a search</extracomment>
        <translation>후속 조치</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="48"/>
        <source>is followed by</source>
        <translation>후속 문서 있음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="51"/>
        <source>supersedes</source>
        <translation>대체함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="52"/>
        <source>is superseded by</source>
        <translation>대체됨</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="55"/>
        <source>corrects</source>
        <translation>정정함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="56"/>
        <source>is corrected by</source>
        <translation>정정됨</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="59"/>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="60"/>
        <source>same programme</source>
        <translation>같은 사업</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="62"/>
        <source>cites</source>
        <translation>인용함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="62"/>
        <source>is cited by</source>
        <translation>인용됨</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="63"/>
        <source>related</source>
        <translation>관련</translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="281"/>
        <source>Links and backlinks</source>
        <translation>연결과 역연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="282"/>
        <source>Enter opens the linked document; Delete removes the link</source>
        <translation>Enter: 연결된 문서 열기, Delete: 연결 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="283"/>
        <source>Link to…</source>
        <translation>문서 연결…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="284"/>
        <source>Link this document to another (Ctrl+K)</source>
        <translation>이 문서를 다른 문서와 연결 (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="285"/>
        <source>Remove link</source>
        <translation>연결 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="286"/>
        <source>Remove the selected link (Delete)</source>
        <translation>선택한 연결 삭제 (Delete)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="287"/>
        <source>S&amp;uggested links</source>
        <translation>추천 연결(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="288"/>
        <source>Suggested links</source>
        <translation>추천 연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="289"/>
        <source>Enter accepts the suggestion; Delete dismisses it</source>
        <translation>Enter: 추천 수락, Delete: 추천 무시</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="290"/>
        <source>&amp;Accept</source>
        <translation>수락(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="291"/>
        <source>Make this link</source>
        <translation>이 연결 만들기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="292"/>
        <source>&amp;Dismiss</source>
        <translation>무시(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="293"/>
        <source>Never suggest this pair again</source>
        <translation>이 두 문서를 다시 추천하지 않음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="315"/>
        <source>Links</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="317"/>
        <source>Backlinks</source>
        <translation>역연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="337"/>
        <source>(accepted suggestion)</source>
        <translation>(수락한 추천)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="339"/>
        <source>unknown author</source>
        <translation>작성자 모름</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="340"/>
        <source>Linked by %1 on %2</source>
        <translation>%1 연결, %2</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/links_panel.py" line="348"/>
        <source>Would link as “%1”</source>
        <translation>“%1”(으)로 연결됩니다</translation>
    </message>
</context>
<context>
    <name>ListController</name>
    <message>
        <location filename="../../src/esgdesk/ui/list_controller.py" line="158"/>
        <source>Search is not available in this installation.</source>
        <extracomment>the sidebar as last read (None before the first read): counts, tags, collections, saved searches</extracomment>
        <translation>이 설치본에서는 검색을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/list_controller.py" line="162"/>
        <source>The search index is being built; the results appear when it is done.</source>
        <translation>검색 색인을 만드는 중입니다. 다 만들어지면 결과가 나타납니다.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="187"/>
        <source>esgdesk — Korean policy press releases</source>
        <extracomment>the first archive, list and (with show_id) document are on screen: safe to screenshot the list now shows these many documents (after a scope change, sort or search) the reader shows this document the sidebar&apos;s counts now cover a search&apos;s results (a dict of Scope → count) or, with None, the archive the side panel (annotations, links, tags, entities) shows this document the document asked for at start (`gui --show ID`) cannot be shown: the message says why what the list is asked now, and which background answers are still wanted (Qt-free)</extracomment>
        <translation>esgdesk — 정부 정책 보도자료 보관함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="188"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="189"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="190"/>
        <source>Import &amp;files…</source>
        <translation>파일 가져오기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="191"/>
        <source>Import f&amp;older…</source>
        <translation>폴더 가져오기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="192"/>
        <source>Import the &amp;sample releases</source>
        <translation>예시 보도자료 가져오기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="193"/>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="194"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="195"/>
        <source>&amp;Find in document</source>
        <translation>문서에서 찾기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="196"/>
        <source>&amp;Search the archive</source>
        <translation>보관함 검색(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="197"/>
        <source>Mark as &amp;reviewed</source>
        <translation>검토 완료로 표시(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="198"/>
        <source>Mark as &amp;new</source>
        <translation>새 문서로 표시(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="199"/>
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="200"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="201"/>
        <source>Document text</source>
        <translation>문서 본문</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="278"/>
        <source>%n documents in the archive</source>
        <translation>
            <numerusform>보관함 문서 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="279"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n건 검색됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="280"/>
        <source>%n in this view</source>
        <translation>
            <numerusform>이 보기 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="281"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n건 선택됨</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="336"/>
        <source>Import running</source>
        <translation>가져오기 진행 중</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="337"/>
        <source>An import is still running. Stop it after the current file and quit?</source>
        <translation>가져오기가 아직 진행 중입니다. 현재 파일을 마친 뒤 멈추고 종료할까요?</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../src/esgdesk/ui/note_editor.py" line="37"/>
        <source>Write</source>
        <translation>쓰기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/note_editor.py" line="38"/>
        <source>Preview</source>
        <translation>미리 보기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/note_editor.py" line="39"/>
        <source>The note as Markdown renders it (Ctrl+Tab switches tabs)</source>
        <translation>Markdown으로 표시한 메모 (Ctrl+Tab으로 탭 전환)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/note_editor.py" line="40"/>
        <source>A note in Markdown: **bold**, *italic*, - lists, [links](…)</source>
        <translation>Markdown 메모: **굵게**, *기울임*, - 목록, [링크](…)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/note_editor.py" line="41"/>
        <source>Note (Markdown)</source>
        <translation>메모 (Markdown)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/note_editor.py" line="42"/>
        <source>Note preview</source>
        <translation>메모 미리 보기</translation>
    </message>
</context>
<context>
    <name>OutputPage</name>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="197"/>
        <source>Output</source>
        <translation>출력</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="198"/>
        <source>Formats, cover page and where to save the files.</source>
        <translation>형식, 표지, 저장 위치.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="199"/>
        <source>&amp;Word (DOCX)</source>
        <translation>&amp;Word (DOCX)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="201"/>
        <source>&amp;PDF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="212"/>
        <source>Korean (개조식 report style)</source>
        <translation>한국어 (개조식 보고서)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="213"/>
        <source>English (memo style)</source>
        <translation>영어 (메모 형식)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="216"/>
        <source>&amp;Browse…</source>
        <translation>찾아보기(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="226"/>
        <source>Formats:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="229"/>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="230"/>
        <source>&amp;Author:</source>
        <translation>작성자(&amp;A):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="231"/>
        <source>&amp;Classification:</source>
        <translation>보안 등급(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="232"/>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="234"/>
        <source>&amp;Folder:</source>
        <translation>폴더(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="242"/>
        <source>&amp;Export</source>
        <translation>내보내기(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="268"/>
        <source>Save the briefing in</source>
        <translation>브리핑 저장 위치</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="51"/>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="56"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="61"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="62"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="63"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="69"/>
        <source>An empty folder becomes a new archive.</source>
        <translation>빈 폴더를 고르면 새 보관함이 만들어집니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="70"/>
        <location filename="../../src/esgdesk/ui/preferences.py" line="86"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="81"/>
        <source>Your name: recorded as the author of your annotations, notes, tags and links, and printed on briefing packets. Empty: your system user name.</source>
        <translation>내 이름: 주석·메모·태그·연결의 작성자로 기록되고 브리핑 자료에 표시됩니다. 비워 두면 시스템 사용자 이름을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="93"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="94"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="95"/>
        <location filename="../../src/esgdesk/ui/preferences.py" line="121"/>
        <source>Archive folder</source>
        <translation>보관함 폴더</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="96"/>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="97"/>
        <location filename="../../src/esgdesk/ui/preferences.py" line="126"/>
        <source>Export folder</source>
        <translation>내보내기 폴더</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="170"/>
        <source>Select a document in the list to read it here.</source>
        <extracomment>a file entry of the details dict: copy it out of the archive and open it in the system viewer the caret (a click or the arrow keys) is inside this annotation&apos;s passage</extracomment>
        <translation>목록에서 문서를 선택하면 여기에 내용이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="225"/>
        <source>There is no text for this document yet: it is a headline from a ministry&apos;s board.</source>
        <translation>이 항목은 아직 본문이 없습니다. 부처 게시판의 제목만 있는 항목입니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="227"/>
        <source>To read it here, open its source page (the link above), save the release (HWP, HWPX, PDF or the page itself) and import it with File › Import files…</source>
        <translation>여기에서 읽으려면 위의 출처 링크를 열어 보도자료(HWP, HWPX, PDF 또는 웹 페이지)를 저장한 뒤 파일 › 파일 가져오기…로 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="233"/>
        <source>To read it here, find the release on the ministry&apos;s site, save it (HWP, HWPX, PDF or the page itself) and import it with File › Import files…</source>
        <translation>여기에서 읽으려면 부처 누리집에서 보도자료를 찾아 (HWP, HWPX, PDF 또는 웹 페이지로) 저장한 뒤 파일 › 파일 가져오기…로 가져오십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="311"/>
        <source>&amp;Copy</source>
        <translation>복사(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="372"/>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="375"/>
        <source>No matches</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="410"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="412"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="412"/>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="420"/>
        <source>Note (%1)</source>
        <translation>메모 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="437"/>
        <source>Open original: %1</source>
        <translation>원본 열기: %1</translation>
    </message>
</context>
<context>
    <name>ReaderController</name>
    <message>
        <location filename="../../src/esgdesk/ui/reader_controller.py" line="108"/>
        <source>Nothing to read yet.</source>
        <extracomment>the pause in keyboard navigation after which the reader loads the current row the document `gui --show ID` asked for, until the first list is on screen the same, until it is read (or found missing: then showFailed says why)</extracomment>
        <translation>아직 읽을 문서가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader_controller.py" line="110"/>
        <source>Nothing matches. Try fewer words or another library view.</source>
        <translation>일치하는 문서가 없습니다. 검색어를 줄이거나 다른 보기를 선택해 보세요.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader_controller.py" line="112"/>
        <source>Select a document in the list to read it here.</source>
        <translation>목록에서 문서를 선택하면 여기에 내용이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader_controller.py" line="128"/>
        <source>No program is set up to open %1</source>
        <translation>%1 파일을 열 프로그램이 설정되어 있지 않습니다</translation>
    </message>
</context>
<context>
    <name>Rules</name>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="234"/>
        <source>any word</source>
        <translation>낱말 중 하나</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="235"/>
        <source>all words</source>
        <translation>모든 낱말</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="236"/>
        <source>exact phrase</source>
        <translation>정확한 구절</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="237"/>
        <source>regular expression</source>
        <translation>정규 표현식</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="238"/>
        <source>similar spelling</source>
        <translation>비슷한 표기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="245"/>
        <source>everywhere</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="246"/>
        <source>title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="247"/>
        <source>text</source>
        <translation>본문</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="248"/>
        <source>ministry</source>
        <translation>부처</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="262"/>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="265"/>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="416"/>
        <source>Tag rules</source>
        <extracomment>rules changed or tags were attached: the window should refresh its counts</extracomment>
        <translation>태그 규칙</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="287"/>
        <source>&amp;Preview</source>
        <translation>미리 보기(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="288"/>
        <source>Show which documents this rule would tag, without saving it</source>
        <translation>저장하지 않고 이 규칙이 태그할 문서를 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="289"/>
        <source>A&amp;dd rule</source>
        <translation>규칙 추가(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="290"/>
        <source>&amp;Remove rule</source>
        <translation>규칙 삭제(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="291"/>
        <source>Remove the selected rule and the tags it attached</source>
        <translation>선택한 규칙과 그 규칙이 붙인 태그를 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="292"/>
        <source>Appl&amp;y all rules to the archive</source>
        <translation>모든 규칙을 보관함에 적용(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="298"/>
        <source>Documents the rule would tag</source>
        <translation>규칙이 태그할 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="303"/>
        <source>&amp;Name:</source>
        <translation>이름(&amp;N):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="304"/>
        <source>&amp;Tag:</source>
        <translation>태그(&amp;T):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="305"/>
        <source>&amp;Match:</source>
        <translation>일치 방식(&amp;M):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="306"/>
        <source>Patt&amp;ern:</source>
        <translation>패턴(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="307"/>
        <source>&amp;Field:</source>
        <translation>대상(&amp;F):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="340"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="340"/>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="340"/>
        <source>Match</source>
        <translation>일치 방식</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="340"/>
        <source>Pattern</source>
        <translation>패턴</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="340"/>
        <source>Field</source>
        <translation>대상</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="366"/>
        <source>This rule would tag %n documents.</source>
        <translation>
            <numerusform>이 규칙은 문서 %n건에 태그를 붙입니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="385"/>
        <source>Rule added. It tags new imports; apply it to tag the archive too.</source>
        <translation>규칙을 추가했습니다. 새로 가져오는 문서에 적용되며, 보관함 전체에도 적용할 수 있습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="400"/>
        <source>Rule removed with the %n tags it had attached.</source>
        <translation>
            <numerusform>규칙과 그 규칙이 붙인 태그 %n개를 삭제했습니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="410"/>
        <source>%n tags added.</source>
        <translation>
            <numerusform>태그 %n개를 붙였습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../src/esgdesk/ui/search_bar.py" line="54"/>
        <source>Search: 탄소 지역  &quot;공정 전환&quot;  tag:…  region:충북  date:2023</source>
        <extracomment>the query to run (after the typing pause, or at once on Enter); &quot;&quot; means no search</extracomment>
        <translation>검색: 탄소 지역  &quot;공정 전환&quot;  tag:…  region:충북  date:2023</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/search_bar.py" line="57"/>
        <source>&lt;b&gt;Search syntax&lt;/b&gt;&lt;br&gt;탄소 지역 — both words&lt;br&gt;&quot;공정 전환&quot; — the exact phrase&lt;br&gt;탄소 OR 수소 — either word; -폐지 — without it&lt;br&gt;title:  tag:  region:  ministry:  kind:  — one field&lt;br&gt;date:2023  date:2023-01..2023-06 — a period&lt;br&gt;has:annotation  has:link</source>
        <translation>&lt;b&gt;검색 문법&lt;/b&gt;&lt;br&gt;탄소 지역 — 두 낱말 모두&lt;br&gt;&quot;공정 전환&quot; — 정확한 구절&lt;br&gt;탄소 OR 수소 — 둘 중 하나; -폐지 — 제외&lt;br&gt;title:  tag:  region:  ministry:  kind:  — 특정 항목에서&lt;br&gt;date:2023  date:2023-01..2023-06 — 기간&lt;br&gt;has:annotation  has:link</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/search_bar.py" line="66"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/search_bar.py" line="79"/>
        <source>%1 of %n found</source>
        <translation>
            <numerusform>%n건 중 %1건 표시</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/search_bar.py" line="81"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n건 검색됨</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/shortcuts_dialog.py" line="26"/>
        <location filename="../../src/esgdesk/ui/shortcuts_dialog.py" line="37"/>
        <source>Keyboard shortcuts</source>
        <extracomment>keys that belong to a panel or dialog rather than to a window action: (what, keys)</extracomment>
        <translation>단축키</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/shortcuts_dialog.py" line="38"/>
        <source>Action</source>
        <translation>동작</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/shortcuts_dialog.py" line="38"/>
        <source>Keys</source>
        <translation>키</translation>
    </message>
</context>
<context>
    <name>SidebarTree</name>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="49"/>
        <source>Library</source>
        <extracomment>the archive-wide count of a line, kept so a search&apos;s facet counts can be taken back without a reload the groups whose counts follow a search (the fixed views and collections always count the whole archive) documents dragged from the list were dropped on a tag or a collection (its Scope)</extracomment>
        <translation>보관함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="95"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="97"/>
        <source>Releases, letters and reports with their text (headlines are in the Reading list)</source>
        <translation>본문이 있는 보도자료·공문·보고서 (제목만 있는 게시판 항목은 읽을 목록에 있습니다)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="99"/>
        <source>Inbox</source>
        <translation>받은 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="100"/>
        <source>Reading list</source>
        <translation>읽을 목록</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="101"/>
        <source>Headlines from ministry boards: import a release to read its text</source>
        <translation>부처 게시판의 제목: 보도자료를 가져오면 본문을 읽을 수 있습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="102"/>
        <source>Everything</source>
        <translation>전체 항목</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="103"/>
        <source>Documents and headlines together</source>
        <translation>문서와 게시판 제목 모두</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="105"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="106"/>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="107"/>
        <source>Ministries</source>
        <translation>부처</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="108"/>
        <source>Years</source>
        <translation>연도</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="109"/>
        <source>Collections</source>
        <translation>모음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="117"/>
        <source>Saved searches</source>
        <translation>저장한 검색</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="156"/>
        <source>%1 in the search results, %2 in the archive</source>
        <translation>검색 결과 중 %1건, 보관함 전체 %2건</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="191"/>
        <source>(none yet)</source>
        <translation>(아직 없음)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="208"/>
        <source>%1 (also: %2)</source>
        <translation>%1 (다른 이름: %2)</translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="100"/>
        <source>Documents</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="101"/>
        <source>Which documents is the briefing about?</source>
        <translation>브리핑에 넣을 문서는 무엇입니까?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="102"/>
        <source>The %n selected documents</source>
        <translation>
            <numerusform>선택한 문서 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="103"/>
        <source>A &amp;collection:</source>
        <translation>모음(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="104"/>
        <source>The results of a &amp;search:</source>
        <translation>검색 결과(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="110"/>
        <source>Collection</source>
        <translation>모음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="116"/>
        <source>Search</source>
        <translation>검색</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="117"/>
        <source>e.g. 공정전환 region:충청북도</source>
        <translation>예: 공정전환 region:충청북도</translation>
    </message>
</context>
<context>
    <name>TagController</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="39"/>
        <source>Tag %n documents</source>
        <translation>
            <numerusform>문서 %n건에 태그 붙이기</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="45"/>
        <source>Select documents in the list first.</source>
        <translation>먼저 목록에서 문서를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="54"/>
        <source>Remove tags</source>
        <translation>태그 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="61"/>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="64"/>
        <source>Rename tag</source>
        <translation>태그 이름 바꾸기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="61"/>
        <source>New name:</source>
        <translation>새 이름:</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="72"/>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="75"/>
        <source>Tag colour</source>
        <translation>태그 색</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="88"/>
        <source>Merge tag</source>
        <translation>태그 합치기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="89"/>
        <source>Merge “%1” into:</source>
        <translation>“%1”을(를) 합칠 태그:</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="97"/>
        <source>Merge tags</source>
        <translation>태그 합치기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="106"/>
        <source>Tag rules</source>
        <translation>태그 규칙</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="208"/>
        <source>Tag documents</source>
        <translation>문서에 태그 붙이기</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="209"/>
        <source>Tags for the %n selected documents (commas for several):</source>
        <translation>
            <numerusform>선택한 문서 %n건에 붙일 태그 (여러 개는 쉼표로):</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="212"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="125"/>
        <source>&amp;Tags</source>
        <translation>태그(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="126"/>
        <source>Tags of this document</source>
        <translation>이 문서의 태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="127"/>
        <source>Add a tag: 정책/공정전환 (commas for several)</source>
        <translation>태그 추가: 정책/공정전환 (여러 개는 쉼표로)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="128"/>
        <source>New tag</source>
        <translation>새 태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="129"/>
        <source>Add</source>
        <translation>추가</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="131"/>
        <source>Remove</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="132"/>
        <source>Remove the selected tags from this document (Delete)</source>
        <translation>이 문서에서 선택한 태그 삭제 (Delete)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="133"/>
        <source>&amp;Entities and facts</source>
        <translation>개체와 사실(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="134"/>
        <source>Entities and facts</source>
        <translation>개체와 사실</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="147"/>
        <source>Tag the %n selected documents (Enter)</source>
        <translation>
            <numerusform>선택한 문서 %n건에 태그 붙이기 (Enter)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="149"/>
        <source>Tag this document (Enter)</source>
        <translation>이 문서에 태그 붙이기 (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="158"/>
        <source>Attached by a tag rule</source>
        <translation>태그 규칙이 붙임</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="177"/>
        <source>Facts (%1)</source>
        <translation>사실 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="188"/>
        <source>No regions, ministries or programmes recognised.</source>
        <translation>인식한 지역·부처·사업이 없습니다.</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="167"/>
        <source>Template</source>
        <translation>양식</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="168"/>
        <source>What kind of briefing?</source>
        <translation>어떤 브리핑입니까?</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="171"/>
        <source>Templates</source>
        <translation>양식</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="242"/>
        <source>&amp;Document</source>
        <extracomment>how many suggested links the panel lists the side panel&apos;s least width when its tab labels need less link id → (who made it, when): the links panel says who linked Library › Activity…: one window, kept while the main window lives (annotation id, text): an unsaved note to put back in the editor once the panel shows that annotation</extracomment>
        <translation>문서(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="243"/>
        <source>&amp;Library</source>
        <translation>라이브러리(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="244"/>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="245"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="246"/>
        <source>&amp;About ESG Desk</source>
        <translation>ESG Desk 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="247"/>
        <source>&amp;Undo</source>
        <translation>실행 취소(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="248"/>
        <source>&amp;Redo</source>
        <translation>다시 실행(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="250"/>
        <source>&amp;Highlight</source>
        <translation>강조(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="250"/>
        <source>Highlight the selected passage</source>
        <translation>선택한 구절 강조</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="251"/>
        <source>&amp;Annotate…</source>
        <translation>주석 달기(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="251"/>
        <source>Annotate the selected passage with a note</source>
        <translation>선택한 구절에 메모 달기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="254"/>
        <source>Re-attach annotation to selection</source>
        <translation>주석을 선택한 구절에 다시 연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="255"/>
        <source>Anchor the annotation chosen in the panel to the selected passage</source>
        <translation>패널에서 고른 주석을 선택한 구절에 연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="257"/>
        <source>&amp;Link to…</source>
        <translation>문서 연결(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="257"/>
        <source>Link this document to another</source>
        <translation>이 문서를 다른 문서와 연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="258"/>
        <source>&amp;Tag…</source>
        <translation>태그(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="258"/>
        <source>Tag the selected documents</source>
        <translation>선택한 문서에 태그 붙이기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="261"/>
        <source>Add to &amp;collection…</source>
        <translation>모음에 추가(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="262"/>
        <source>Add the selected documents to a collection</source>
        <translation>선택한 문서를 모음에 추가</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="264"/>
        <source>&amp;Back</source>
        <translation>뒤로(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="264"/>
        <source>The document read before</source>
        <translation>앞서 읽은 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="265"/>
        <source>&amp;Forward</source>
        <translation>앞으로(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="265"/>
        <source>The document read after</source>
        <translation>다음에 읽은 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="266"/>
        <source>&amp;New collection…</source>
        <translation>새 모음(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="267"/>
        <source>&amp;Arrange collection…</source>
        <translation>모음 정리(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="267"/>
        <source>Order the collection for a briefing</source>
        <translation>브리핑 순서로 모음 정리</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="268"/>
        <source>Re&amp;name collection…</source>
        <translation>모음 이름 바꾸기(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="269"/>
        <source>&amp;Delete collection</source>
        <translation>모음 삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="270"/>
        <source>&amp;Rename tag…</source>
        <translation>태그 이름 바꾸기(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="271"/>
        <source>Tag c&amp;olour…</source>
        <translation>태그 색(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="272"/>
        <source>&amp;Merge tag into…</source>
        <translation>태그 합치기(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="273"/>
        <source>Tag r&amp;ules…</source>
        <translation>태그 규칙(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="274"/>
        <source>Build a &amp;briefing…</source>
        <translation>브리핑 만들기(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="274"/>
        <source>Export a DOCX or PDF briefing packet</source>
        <translation>DOCX 또는 PDF 브리핑 자료 내보내기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="277"/>
        <source>Acti&amp;vity…</source>
        <translation>활동(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="278"/>
        <source>Recent changes in the archive: who annotated, linked, tagged or imported what</source>
        <translation>보관함의 최근 변경: 누가 무엇에 주석·연결·태그를 달거나 가져왔는지</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="280"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="286"/>
        <source>Go to the &amp;library</source>
        <translation>라이브러리로 이동(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="287"/>
        <source>Go to the document &amp;list</source>
        <translation>문서 목록으로 이동(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="288"/>
        <source>Go to the &amp;reader</source>
        <translation>읽기 창으로 이동(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="289"/>
        <source>Go to &amp;annotations</source>
        <translation>주석으로 이동(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="290"/>
        <source>Go to lin&amp;ks</source>
        <translation>연결로 이동(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="291"/>
        <source>Go to &amp;tags and entities</source>
        <translation>태그·개체로 이동(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="295"/>
        <source>Annotations</source>
        <translation>주석</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="296"/>
        <source>Links</source>
        <translation>연결</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="297"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="298"/>
        <source>The document&apos;s highlights and notes (Ctrl+4)</source>
        <translation>문서의 강조와 메모 (Ctrl+4)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="299"/>
        <source>Links, backlinks and suggestions (Ctrl+5)</source>
        <translation>연결, 역연결, 추천 (Ctrl+5)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="300"/>
        <source>Tags, regions, ministries, programmes, industries, facts (Ctrl+6)</source>
        <translation>태그, 지역, 부처, 사업, 산업, 사실 (Ctrl+6)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="301"/>
        <source>Document panel</source>
        <translation>문서 패널</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="414"/>
        <source>Not done</source>
        <translation>하지 못함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="458"/>
        <source>Merge note</source>
        <translation>메모 합치기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="460"/>
        <source>Kept the saved version; yours was dropped.</source>
        <translation>저장된 버전을 유지하고 내 버전은 버렸습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="481"/>
        <source>Open a document first.</source>
        <translation>먼저 문서를 여십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="491"/>
        <source>Select a passage in the reader first (Shift+arrows, or find it with Ctrl+F).</source>
        <translation>먼저 읽기 창에서 구절을 선택하십시오 (Shift+방향키, 또는 Ctrl+F로 찾기).</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="523"/>
        <source>Select a tag in the library first.</source>
        <translation>먼저 라이브러리에서 태그를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="525"/>
        <source>Select a collection in the library first.</source>
        <translation>먼저 라이브러리에서 모음을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="586"/>
        <source>Briefing written: %1</source>
        <translation>브리핑을 만들었습니다: %1</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="607"/>
        <source>Find in the reader, next match, previous match</source>
        <translation>읽기 창에서 찾기, 다음, 이전</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="608"/>
        <source>Select text in the reader</source>
        <translation>읽기 창에서 글 선택</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="609"/>
        <source>Save the note being edited</source>
        <translation>편집 중인 메모 저장</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="610"/>
        <source>Remove the selected annotation, link or tag</source>
        <translation>선택한 주석·연결·태그 삭제</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="611"/>
        <source>Move a document in a collection</source>
        <translation>모음 안에서 문서 이동</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="612"/>
        <source>Switch between Write and Preview</source>
        <translation>쓰기와 미리 보기 전환</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/workbench.py" line="613"/>
        <source>Open a menu</source>
        <translation>메뉴 열기</translation>
    </message>
</context>
</TS>
