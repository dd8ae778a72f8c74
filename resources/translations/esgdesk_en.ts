<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ArchiveController</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/archive_controller.py" line="111"/>
        <source>Indexing… (%n changes waiting)</source>
        <translation>
            <numerusform>Indexing… (%n change waiting)</numerusform>
            <numerusform>Indexing… (%n changes waiting)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollectionController</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="105"/>
        <source>Tag %n documents</source>
        <translation>
            <numerusform>Tag %n document</numerusform>
            <numerusform>Tag %n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="39"/>
        <source>Add the %n selected documents to the collection (type a new name to make one):</source>
        <translation>
            <numerusform>Add the %n selected document to the collection (type a new name to make one):</numerusform>
            <numerusform>Add the %n selected documents to the collection (type a new name to make one):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/collection_controller.py" line="53"/>
        <source>Add %n documents to collection</source>
        <translation>
            <numerusform>Add %n document to collection</numerusform>
            <numerusform>Add %n documents to collection</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="333"/>
        <source>Done: %n files written.</source>
        <translation>
            <numerusform>Done: %n file written.</numerusform>
            <numerusform>Done: %n files written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/links_panel.py" line="170"/>
        <source>%n documents found</source>
        <translation>
            <numerusform>%n document found</numerusform>
            <numerusform>%n documents found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="278"/>
        <source>%n documents in the archive</source>
        <translation>
            <numerusform>%n document in the archive</numerusform>
            <numerusform>%n documents in the archive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="279"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="280"/>
        <source>%n in this view</source>
        <translation>
            <numerusform>%n in this view</numerusform>
            <numerusform>%n in this view</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="281"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="366"/>
        <source>This rule would tag %n documents.</source>
        <translation>
            <numerusform>This rule would tag %n document.</numerusform>
            <numerusform>This rule would tag %n documents.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="400"/>
        <source>Rule removed with the %n tags it had attached.</source>
        <translation>
            <numerusform>Rule removed with the %n tag it had attached.</numerusform>
            <numerusform>Rule removed with the %n tags it had attached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="410"/>
        <source>%n tags added.</source>
        <translation>
            <numerusform>%n tag added.</numerusform>
            <numerusform>%n tags added.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/search_bar.py" line="79"/>
        <source>%1 of %n found</source>
        <translation>
            <numerusform>%1 of %n found</numerusform>
            <numerusform>%1 of %n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/search_bar.py" line="81"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcePage</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/briefing_wizard.py" line="102"/>
        <source>The %n selected documents</source>
        <translation>
            <numerusform>The %n selected document</numerusform>
            <numerusform>The %n selected documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagController</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tag_controller.py" line="39"/>
        <source>Tag %n documents</source>
        <translation>
            <numerusform>Tag %n document</numerusform>
            <numerusform>Tag %n documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="209"/>
        <source>Tags for the %n selected documents (commas for several):</source>
        <translation>
            <numerusform>Tags for the %n selected document (commas for several):</numerusform>
            <numerusform>Tags for the %n selected documents (commas for several):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagsPanel</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/tags_panel.py" line="147"/>
        <source>Tag the %n selected documents (Enter)</source>
        <translation>
            <numerusform>Tag the %n selected document (Enter)</numerusform>
            <numerusform>Tag the %n selected documents (Enter)</numerusform>
        </translation>
    </message>
</context>
</TS>
