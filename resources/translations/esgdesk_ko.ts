<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>App</name>
    <message>
        <location filename="../../src/esgdesk/ui/app.py" line="79"/>
        <source>Cannot open the archive</source>
        <extracomment>a screenshot that has not happened by then will not happen: report it rather than hang a script</extracomment>
        <translation>보관함을 열 수 없습니다</translation>
    </message>
</context>
<context>
    <name>DocumentTable</name>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="194"/>
        <source>Title</source>
        <extracomment>reads the rows of some ids (esgdesk.core.browse.document_rows bound to an archive) the view asked for another order; the owner fetches the ids sorted that way and calls set_ids</extracomment>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="195"/>
        <source>Date</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="196"/>
        <source>Ministry</source>
        <translation>부처</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="197"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="198"/>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/document_table.py" line="199"/>
        <source>Notes</source>
        <translation>메모</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="78"/>
        <source>Find in document</source>
        <translation>문서에서 찾기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="79"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>이전 결과 (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="80"/>
        <source>Next match (Enter)</source>
        <translation>다음 결과 (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="81"/>
        <source>Close (Esc)</source>
        <translation>닫기 (Esc)</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="55"/>
        <source>Reading the files…</source>
        <extracomment>the report (possibly of a cancelled batch) once the batch has stopped</extracomment>
        <translation>파일을 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="55"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="56"/>
        <source>Importing</source>
        <translation>가져오는 중</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="78"/>
        <source>Stopping after the current file…</source>
        <translation>현재 파일을 마친 뒤 멈춥니다…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="88"/>
        <source>File %1 of %2
%3</source>
        <translation>파일 %1/%2
%3</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="108"/>
        <source>(the import stopped)</source>
        <translation>(가져오기가 중단됨)</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="137"/>
        <source>Import finished</source>
        <translation>가져오기 완료</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="141"/>
        <source>%1 imported, %2 duplicates, %3 failed</source>
        <translation>%1건 가져옴, 중복 %2건, 실패 %3건</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="147"/>
        <source>Cancelled after %1 of %2 files.</source>
        <translation>파일 %2개 중 %1개를 처리한 뒤 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="155"/>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="155"/>
        <source>Reason</source>
        <translation>사유</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="162"/>
        <source>Failed (%1)</source>
        <translation>실패 (%1)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/import_flow.py" line="171"/>
        <source>Duplicates (%1)</source>
        <translation>중복 (%1)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="205"/>
        <source>esgdesk — Korean policy press releases</source>
        <extracomment>how many hits of a search the list shows; the count says how many there are in all the pause in keyboard navigation after which the reader loads the current row the first archive, list and (with show_id) document are on screen: safe to screenshot the list now shows these many documents (after a scope change, sort or search) the reader shows this document</extracomment>
        <translation>esgdesk — 정부 정책 보도자료 보관함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="206"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="207"/>
        <source>&amp;Edit</source>
        <translation>편집(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="208"/>
        <source>Import &amp;files…</source>
        <translation>파일 가져오기(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="209"/>
        <source>Import f&amp;older…</source>
        <translation>폴더 가져오기(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="210"/>
        <source>&amp;Preferences…</source>
        <translation>환경설정(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="211"/>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="212"/>
        <source>&amp;Find in document</source>
        <translation>문서에서 찾기(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="213"/>
        <source>&amp;Search the archive</source>
        <translation>보관함 검색(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="214"/>
        <source>Mark as &amp;reviewed</source>
        <translation>검토 완료로 표시(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="215"/>
        <source>Mark as &amp;new</source>
        <translation>새 문서로 표시(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="234"/>
        <source>Opening %1…</source>
        <translation>%1 여는 중…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="244"/>
        <source>Archive: %1</source>
        <translation>보관함: %1</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="251"/>
        <source>The archive could not be opened:</source>
        <translation>보관함을 열 수 없습니다:</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="344"/>
        <source>Search is not available in this installation.</source>
        <translation>이 설치본에서는 검색을 사용할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="378"/>
        <source>This archive is empty.

Import press releases with File › Import files… or drop files and folders on this window.</source>
        <translation>보관함이 비어 있습니다.

파일 › 파일 가져오기…로 보도자료를 가져오거나, 파일과 폴더를 이 창에 끌어다 놓으세요.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="383"/>
        <source>Nothing matches. Try fewer words or another library view.</source>
        <translation>일치하는 문서가 없습니다. 검색어를 줄이거나 다른 보기를 선택해 보세요.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="385"/>
        <source>Select a document in the list to read it here.</source>
        <translation>목록에서 문서를 선택하면 여기에 내용이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="455"/>
        <source>No program is set up to open %1</source>
        <translation>%1 파일을 열 프로그램이 설정되어 있지 않습니다</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="484"/>
        <source>Import files</source>
        <translation>파일 가져오기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="487"/>
        <source>Press releases (*.hwp *.hwpx *.pdf *.docx *.html *.htm *.txt *.xml *.rss *.zip *.eml);;All files (*)</source>
        <translation>보도자료 (*.hwp *.hwpx *.pdf *.docx *.html *.htm *.txt *.xml *.rss *.zip *.eml);;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="494"/>
        <source>Import folder</source>
        <translation>폴더 가져오기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="502"/>
        <source>An import is already running.</source>
        <translation>이미 가져오기가 진행 중입니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="508"/>
        <source>%1 imported, %2 duplicates, %3 failed</source>
        <translation>%1건 가져옴, 중복 %2건, 실패 %3건</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="558"/>
        <source>%n documents in the archive</source>
        <translation>
            <numerusform>보관함 문서 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="560"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n건 검색됨</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="562"/>
        <source>%n in this view</source>
        <translation>
            <numerusform>이 보기 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="565"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n건 선택됨</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="608"/>
        <source>Import running</source>
        <translation>가져오기 진행 중</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/main_window.py" line="609"/>
        <source>An import is still running. Stop it after the current file and quit?</source>
        <translation>가져오기가 아직 진행 중입니다. 현재 파일을 마친 뒤 멈추고 종료할까요?</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="50"/>
        <source>Preferences</source>
        <translation>환경설정</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="55"/>
        <source>System default</source>
        <translation>시스템 기본값</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="60"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="61"/>
        <source>Light</source>
        <translation>밝게</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="62"/>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="68"/>
        <source>An empty folder becomes a new archive.</source>
        <translation>빈 폴더를 고르면 새 보관함이 만들어집니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="69"/>
        <location filename="../../src/esgdesk/ui/preferences.py" line="77"/>
        <source>Choose…</source>
        <translation>선택…</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="75"/>
        <source>Your name, printed on briefing packets</source>
        <translation>브리핑 자료에 표시될 이름</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="84"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="85"/>
        <source>Theme</source>
        <translation>테마</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="86"/>
        <location filename="../../src/esgdesk/ui/preferences.py" line="112"/>
        <source>Archive folder</source>
        <translation>보관함 폴더</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="87"/>
        <source>Author</source>
        <translation>작성자</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/preferences.py" line="88"/>
        <location filename="../../src/esgdesk/ui/preferences.py" line="117"/>
        <source>Export folder</source>
        <translation>내보내기 폴더</translation>
    </message>
</context>
<context>
    <name>Reader</name>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="147"/>
        <source>Select a document in the list to read it here.</source>
        <extracomment>a file entry of the details dict: copy it out of the archive and open it in the system viewer</extracomment>
        <translation>목록에서 문서를 선택하면 여기에 내용이 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="189"/>
        <source>There is no text for this document yet: it is a headline from a listing. Import the release itself to read it here.</source>
        <translation>이 문서에는 아직 본문이 없습니다. 게시판 목록의 제목만 있는 항목입니다. 보도자료 원문을 가져오면 여기에서 읽을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="260"/>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="263"/>
        <source>No matches</source>
        <translation>결과 없음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="296"/>
        <source>Source</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="298"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="298"/>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/reader.py" line="314"/>
        <source>Open original: %1</source>
        <translation>원본 열기: %1</translation>
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
    <name>SidebarTree</name>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="30"/>
        <source>Library</source>
        <translation>보관함</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="40"/>
        <source>All documents</source>
        <translation>모든 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="41"/>
        <source>Inbox</source>
        <translation>받은 문서</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="42"/>
        <source>Reading list</source>
        <translation>읽을 목록</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="44"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="45"/>
        <source>Regions</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="46"/>
        <source>Ministries</source>
        <translation>부처</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="47"/>
        <source>Years</source>
        <translation>연도</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="48"/>
        <source>Collections</source>
        <translation>모음</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="56"/>
        <source>Saved searches</source>
        <translation>저장한 검색</translation>
    </message>
    <message>
        <location filename="../../src/esgdesk/ui/sidebar.py" line="82"/>
        <source>(none yet)</source>
        <translation>(아직 없음)</translation>
    </message>
</context>
</TS>
