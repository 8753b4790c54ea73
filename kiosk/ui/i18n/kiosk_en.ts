<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>KioskAttract</name>
    <message numerus="yes">
        <source>Open Spaces sessions were held at %1</source>
        <comment>after the count</comment>
        <translation>
            <numerusform>Open Space session was held at %1</numerusform>
            <numerusform>Open Spaces sessions were held at %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffBackups</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffImport</name>
    <message numerus="yes">
        <source>Imported %n session(s).</source>
        <translation>
            <numerusform>Imported %n session.</numerusform>
            <numerusform>Imported %n sessions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffTools</name>
    <message numerus="yes">
        <source>Exported %n session(s) in every format to %1.</source>
        <translation>
            <numerusform>Exported %n session in every format to %1.</numerusform>
            <numerusform>Exported %n sessions in every format to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskSync</name>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform>
            <numerusform>%n conflicts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffSyncPage</name>
    <message numerus="yes">
        <source>%n change(s) waiting for the hub</source>
        <translation>
            <numerusform>%n change waiting for the hub</numerusform>
            <numerusform>%n changes waiting for the hub</numerusform>
        </translation>
    </message>
</context>
</TS>
