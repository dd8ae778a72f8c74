<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="558"/>
        <source>%n documents in the archive</source>
        <translation>
            <numerusform>%n document in the archive</numerusform>
            <numerusform>%n documents in the archive</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="560"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="562"/>
        <source>%n in this view</source>
        <translation>
            <numerusform>%n in this view</numerusform>
            <numerusform>%n in this view</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/esgdesk/ui/main_window.py" line="565"/>
        <source>%n selected</source>
        <translation>
            <numerusform>%n selected</numerusform>
            <numerusform>%n selected</numerusform>
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
</TS>
