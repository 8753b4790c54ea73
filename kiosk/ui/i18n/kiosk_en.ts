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
    <name>KioskHealth</name>
    <message numerus="yes">
        <source>The board&apos;s database was damaged (SQLite&apos;s check says: %1 and %n more problem(s)).</source>
        <translation>
            <numerusform>The board&apos;s database was damaged (SQLite&apos;s check says: %1 and %n more problem).</numerusform>
            <numerusform>The board&apos;s database was damaged (SQLite&apos;s check says: %1 and %n more problems).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The board was restored from the backup made %1 (%n session(s)); cards added after it must be added again.</source>
        <translation>
            <numerusform>The board was restored from the backup made %1 (%n session); cards added after it must be added again.</numerusform>
            <numerusform>The board was restored from the backup made %1 (%n sessions); cards added after it must be added again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffAudit</name>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n row)</numerusform>
            <numerusform>%1 (%n rows)</numerusform>
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
    <message numerus="yes">
        <source>Restored %n session(s) from %1; the board as it was before is kept in %2.</source>
        <translation>
            <numerusform>Restored %n session from %1; the board as it was before is kept in %2.</numerusform>
            <numerusform>Restored %n sessions from %1; the board as it was before is kept in %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffImport</name>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s).</source>
        <translation>
            <numerusform>Imported %n session.</numerusform>
            <numerusform>Imported %n sessions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) cannot go on the board.</source>
        <translation>
            <numerusform>%1 of %n row cannot go on the board.</numerusform>
            <numerusform>%1 of %n rows cannot go on the board.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffTools</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n block</numerusform>
            <numerusform>%n blocks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n idea(s)</source>
        <translation>
            <numerusform>%n idea</numerusform>
            <numerusform>%n ideas</numerusform>
        </translation>
    </message>
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
    <message numerus="yes">
        <source>%n edit conflict(s)</source>
        <translation>
            <numerusform>%n edit conflict</numerusform>
            <numerusform>%n edit conflicts</numerusform>
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
