<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AttractRestTile</name>
    <message>
        <source>Free — add yours</source>
        <translation>Frei – trag dich ein</translation>
    </message>
    <message>
        <source>+%1 more rooms</source>
        <translation>+%1 weitere Räume</translation>
    </message>
    <message>
        <source>%1 rooms: %2</source>
        <translation>%1 Räume: %2</translation>
    </message>
    <message>
        <source>On the board: %1</source>
        <translation>An der Tafel: %1</translation>
    </message>
</context>
<context>
    <name>AttractRoomTile</name>
    <message>
        <source>Next %1 · %2</source>
        <translation>Danach %1 · %2</translation>
    </message>
    <message>
        <source>Then free — add yours</source>
        <translation>Danach frei – trag dich ein</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Jetzt: %1</translation>
    </message>
    <message>
        <source>Free now — add yours</source>
        <translation>Jetzt frei – trag dich ein</translation>
    </message>
    <message>
        <source>Now · %1</source>
        <translation>Jetzt · %1</translation>
    </message>
    <message>
        <source>Not open now</source>
        <translation>Gerade geschlossen</translation>
    </message>
    <message>
        <source>Next %1</source>
        <translation>Danach %1</translation>
    </message>
    <message>
        <source>Free — add yours</source>
        <translation>Frei – trag dich ein</translation>
    </message>
    <message>
        <source>Nothing booked yet</source>
        <translation>Noch nichts eingetragen</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>bis %1</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>%1 · Open Spaces</source>
        <translation>%1 · Open Spaces</translation>
    </message>
    <message>
        <source>Page %1 of %2 · the rooms turn every few seconds</source>
        <translation>Seite %1 von %2 · die Räume wechseln alle paar Sekunden</translation>
    </message>
    <message>
        <source>Touch anywhere to see the whole board · %1</source>
        <translation>Tippe irgendwo, um die ganze Tafel zu sehen · %1</translation>
    </message>
</context>
<context>
    <name>BoardGrid</name>
    <message>
        <source>Rooms %1–%2
of %3</source>
        <translation>Räume %1–%2
von %3</translation>
    </message>
    <message>
        <source>‹ back</source>
        <translation>‹ zurück</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>Räume</translation>
    </message>
</context>
<context>
    <name>BoardHeader</name>
    <message>
        <source>Open Spaces</source>
        <translation>Open Spaces</translation>
    </message>
    <message>
        <source>Wish list</source>
        <translation>Wunschliste</translation>
    </message>
    <message>
        <source>ideas to host</source>
        <translation>Ideen zum Leiten</translation>
    </message>
</context>
<context>
    <name>CardDetailSheet</name>
    <message>
        <source>Session page</source>
        <translation>Seite der Session</translation>
    </message>
    <message>
        <source>Add to calendar</source>
        <translation>In den Kalender</translation>
    </message>
    <message>
        <source>Share it</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>I&apos;m the host</source>
        <translation>Das ist meine Session</translation>
    </message>
</context>
<context>
    <name>CardFormActions</name>
    <message>
        <source>Put it on the board</source>
        <translation>An die Tafel hängen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Tap again to cancel the session</source>
        <translation>Noch mal tippen, um die Session abzusagen</translation>
    </message>
    <message>
        <source>Cancel this session</source>
        <translation>Diese Session absagen</translation>
    </message>
    <message>
        <source>Nothing is saved until you tap the button. After a while without a touch the form clears itself.</source>
        <translation>Gespeichert wird erst, wenn du auf den Knopf tippst. Bleibt das Formular eine Weile unberührt, leert es sich von selbst.</translation>
    </message>
</context>
<context>
    <name>CardFormFields</name>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>What will you talk about or do?</source>
        <translation>Worüber willst du sprechen, was willst du machen?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
    <message>
        <source>How people will know you</source>
        <translation>So erkennen dich die Leute</translation>
    </message>
    <message>
        <source>Social handle</source>
        <translation>Social-Media-Name</translation>
    </message>
    <message>
        <source>@you, @you@server.social or you.bsky.social</source>
        <translation>@du, @du@server.social oder du.bsky.social</translation>
    </message>
    <message>
        <source>Short description</source>
        <translation>Kurze Beschreibung</translation>
    </message>
    <message>
        <source>Who is it for, what to bring</source>
        <translation>Für wen ist es, was soll man mitbringen</translation>
    </message>
    <message>
        <source>Preview: your card on the board</source>
        <translation>Vorschau: deine Karte an der Tafel</translation>
    </message>
</context>
<context>
    <name>CardFormSheet</name>
    <message>
        <source>Edit this Open Space (staff)</source>
        <translation>Diesen Open Space bearbeiten (Orga-Team)</translation>
    </message>
    <message>
        <source>Edit your Open Space</source>
        <translation>Deinen Open Space bearbeiten</translation>
    </message>
    <message>
        <source>Host an Open Space</source>
        <translation>Einen Open Space anbieten</translation>
    </message>
    <message>
        <source>This slot is free</source>
        <translation>Dieser Platz ist frei</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No time to choose? Tap Done: your card is kept, and the staff office will find it a slot.</source>
        <translation>Keine Zeit zum Aussuchen? Tippe auf „Fertig“: Deine Karte bleibt erhalten, und das Orga-Büro findet einen Platz für sie.</translation>
    </message>
    <message>
        <source>Your session has been cancelled and its slot is free again.</source>
        <translation>Deine Session ist abgesagt, ihr Platz ist wieder frei.</translation>
    </message>
    <message>
        <source>Throw away what you typed?</source>
        <translation>Alles Getippte verwerfen?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>Enter the edit code you got when you added this card</source>
        <translation>Gib den Bearbeitungscode ein, den du beim Anlegen der Karte bekommen hast</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>HealthNotice</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>IdeaBanner</name>
    <message>
        <source>Tap a free slot to host “%1”</source>
        <translation>Tippe auf einen freien Platz, um „%1“ anzubieten</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
</context>
<context>
    <name>IdeaFormSheet</name>
    <message>
        <source>Add an idea to the wish list</source>
        <translation>Eine Idee auf die Wunschliste setzen</translation>
    </message>
    <message>
        <source>You suggest the topic; someone else may host it</source>
        <translation>Du schlägst das Thema vor, leiten kann es jemand anderes</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Throw away your idea?</source>
        <translation>Deine Idee verwerfen?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>What would you love someone to host?</source>
        <translation>Welches Thema soll jemand anbieten?</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Why, who it is for, what it could cover</source>
        <translation>Warum, für wen, was es abdecken könnte</translation>
    </message>
    <message>
        <source>Add to the wish list</source>
        <translation>Auf die Wunschliste</translation>
    </message>
    <message>
        <source>Nothing is saved until you tap “Add to the wish list”.</source>
        <translation>Gespeichert wird erst, wenn du auf „Auf die Wunschliste“ tippst.</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Still there?</source>
        <translation>Noch da?</translation>
    </message>
    <message>
        <source>This form clears itself in %1 seconds, so the next person starts fresh.</source>
        <translation>Dieses Formular leert sich in %1 Sekunden, damit die nächste Person neu anfangen kann.</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Ich bin noch da</translation>
    </message>
</context>
<context>
    <name>KioskAttract</name>
    <message>
        <source>Thank you!</source>
        <translation>Danke!</translation>
    </message>
    <message>
        <source>Open Spaces start %1 at %2</source>
        <translation>Open Spaces beginnen %1 um %2</translation>
    </message>
    <message>
        <source>The first session in each room</source>
        <translation>Die erste Session in jedem Raum</translation>
    </message>
    <message>
        <source>Tomorrow’s first sessions</source>
        <translation>Die ersten Sessions morgen</translation>
    </message>
    <message>
        <source>%1 · from %2</source>
        <translation>%1 · ab %2</translation>
    </message>
    <message>
        <source>%1’s first sessions</source>
        <translation>Die ersten Sessions am %1</translation>
    </message>
    <message>
        <source>Open Spaces start at %1</source>
        <translation>Open Spaces beginnen um %1</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <source>%1 · Open Spaces until %2</source>
        <translation>%1 · Open Spaces bis %2</translation>
    </message>
    <message>
        <source>Happening now</source>
        <translation>Gerade läuft</translation>
    </message>
    <message>
        <source>Coming up next</source>
        <translation>Als Nächstes</translation>
    </message>
    <message>
        <source>Rooms are free — add yours</source>
        <translation>Räume sind frei – trag dich ein</translation>
    </message>
    <message>
        <source>for coming to the Open Spaces at %1</source>
        <translation>fürs Mitmachen bei den Open Spaces auf der %1</translation>
    </message>
    <message numerus="yes">
        <source>Open Spaces sessions were held at %1</source>
        <comment>after the count</comment>
        <translation>
            <numerusform>Open-Space-Session fand auf der %1 statt</numerusform>
            <numerusform>Open-Space-Sessions fanden auf der %1 statt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>noch %1 Min.</translation>
    </message>
</context>
<context>
    <name>KioskCardForm</name>
    <message>
        <source>Another kiosk booked this slot a moment before you. Your card is safe, but off the board.</source>
        <translation>Ein anderes Terminal hat diesen Platz kurz vor dir belegt. Deine Karte ist sicher, hängt aber nicht an der Tafel.</translation>
    </message>
    <message>
        <source>Your card could not be saved yet: %1</source>
        <translation>Deine Karte konnte noch nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Someone else has just taken this slot. Your card is safe:</source>
        <translation>Jemand hat diesen Platz gerade belegt. Deine Karte ist sicher:</translation>
    </message>
    <message>
        <source>This room has just been blocked (%1).</source>
        <translation>Dieser Raum wurde gerade gesperrt (%1).</translation>
    </message>
    <message>
        <source>Your topic</source>
        <translation>Dein Thema</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Dein Name</translation>
    </message>
</context>
<context>
    <name>KioskClock</name>
    <message>
        <source>rehearsal clock</source>
        <translation>Probeuhr</translation>
    </message>
    <message>
        <source>demo clock</source>
        <translation>Demo-Uhr</translation>
    </message>
</context>
<context>
    <name>KioskHealth</name>
    <message>
        <source>The board&apos;s database was damaged (its first page is not a SQLite database any more).</source>
        <translation>Die Datenbank der Tafel war beschädigt (ihre erste Seite ist keine SQLite-Datenbank mehr).</translation>
    </message>
    <message numerus="yes">
        <source>The board&apos;s database was damaged (SQLite&apos;s check says: %1 and %n more problem(s)).</source>
        <translation>
            <numerusform>Die Datenbank der Tafel war beschädigt (SQLites Prüfung meldet: %1 und %n weiteres Problem).</numerusform>
            <numerusform>Die Datenbank der Tafel war beschädigt (SQLites Prüfung meldet: %1 und %n weitere Probleme).</numerusform>
        </translation>
    </message>
    <message>
        <source>no details</source>
        <translation>keine Einzelheiten</translation>
    </message>
    <message>
        <source>The board&apos;s database was damaged (SQLite&apos;s check says: %1).</source>
        <translation>Die Datenbank der Tafel war beschädigt (SQLites Prüfung meldet: %1).</translation>
    </message>
    <message>
        <source>The board&apos;s database was damaged (%1).</source>
        <translation>Die Datenbank der Tafel war beschädigt (%1).</translation>
    </message>
    <message>
        <source>The board&apos;s database held fewer changes (up to change %1) than its newest backup (%2), as when its write-ahead log (-wal) is lost or damaged.</source>
        <translation>Die Datenbank der Tafel enthielt weniger Änderungen (bis Änderung %1) als ihre neueste Sicherung (%2), wie wenn ihr Write-Ahead-Log (-wal) verloren oder beschädigt ist.</translation>
    </message>
    <message>
        <source>It was moved to %1.</source>
        <translation>Sie wurde nach %1 verschoben.</translation>
    </message>
    <message numerus="yes">
        <source>The board was restored from the backup made %1 (%n session(s)); cards added after it must be added again.</source>
        <translation>
            <numerusform>Die Tafel wurde aus der Sicherung vom %1 wiederhergestellt (%n Session); Karten, die danach angelegt wurden, müssen neu angelegt werden.</numerusform>
            <numerusform>Die Tafel wurde aus der Sicherung vom %1 wiederhergestellt (%n Sessions); Karten, die danach angelegt wurden, müssen neu angelegt werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskIdeaForm</name>
    <message>
        <source>Your idea could not be added yet: %1</source>
        <translation>Deine Idee konnte noch nicht hinzugefügt werden: %1</translation>
    </message>
</context>
<context>
    <name>KioskStaff</name>
    <message>
        <source>No staff PIN is set on this kiosk. Set one from a terminal: kiosk set-pin</source>
        <translation>Auf diesem Terminal ist keine Team-PIN gesetzt. Setze sie in einer Shell: kiosk set-pin</translation>
    </message>
</context>
<context>
    <name>KioskStaffAudit</name>
    <message>
        <source>added a card</source>
        <translation>hat eine Karte angelegt</translation>
    </message>
    <message>
        <source>changed a card</source>
        <translation>hat eine Karte geändert</translation>
    </message>
    <message>
        <source>cancelled a card</source>
        <translation>hat eine Karte abgesagt</translation>
    </message>
    <message>
        <source>gave a displaced card a new slot</source>
        <translation>hat einer verdrängten Karte einen neuen Platz gegeben</translation>
    </message>
    <message>
        <source>typed a wrong edit code</source>
        <translation>hat einen falschen Bearbeitungscode eingegeben</translation>
    </message>
    <message>
        <source>added an idea</source>
        <translation>hat eine Idee hinzugefügt</translation>
    </message>
    <message>
        <source>voted for an idea</source>
        <translation>hat für eine Idee gestimmt</translation>
    </message>
    <message>
        <source>filled the board with the demo</source>
        <translation>hat die Tafel mit der Demo gefüllt</translation>
    </message>
    <message>
        <source>applied the config</source>
        <translation>hat die Konfiguration übernommen</translation>
    </message>
    <message>
        <source>opened the staff panel</source>
        <translation>hat den Team-Bereich geöffnet</translation>
    </message>
    <message>
        <source>typed a wrong staff PIN</source>
        <translation>hat eine falsche Team-PIN eingegeben</translation>
    </message>
    <message>
        <source>typed too many wrong staff PINs: the pad paused</source>
        <translation>hat zu oft eine falsche Team-PIN eingegeben: das Tastenfeld pausierte</translation>
    </message>
    <message>
        <source>typed a staff PIN while the pad was paused</source>
        <translation>hat eine Team-PIN eingegeben, während das Tastenfeld pausiert war</translation>
    </message>
    <message>
        <source>edited a card</source>
        <translation>hat eine Karte bearbeitet</translation>
    </message>
    <message>
        <source>moved a card</source>
        <translation>hat eine Karte verschoben</translation>
    </message>
    <message>
        <source>restored a card</source>
        <translation>hat eine Karte wiederhergestellt</translation>
    </message>
    <message>
        <source>blocked a room</source>
        <translation>hat einen Raum gesperrt</translation>
    </message>
    <message>
        <source>unblocked a room</source>
        <translation>hat eine Raumsperre aufgehoben</translation>
    </message>
    <message>
        <source>hid an idea</source>
        <translation>hat eine Idee ausgeblendet</translation>
    </message>
    <message>
        <source>merged two ideas</source>
        <translation>hat zwei Ideen zusammengeführt</translation>
    </message>
    <message>
        <source>imported sessions</source>
        <translation>hat Sessions importiert</translation>
    </message>
    <message>
        <source>cancelled a displaced card</source>
        <translation>hat eine verdrängte Karte abgesagt</translation>
    </message>
    <message>
        <source>kept the board&apos;s version in a conflict</source>
        <translation>hat in einem Konflikt die Fassung der Tafel behalten</translation>
    </message>
    <message>
        <source>took another kiosk&apos;s version in a conflict</source>
        <translation>hat in einem Konflikt die Fassung eines anderen Terminals übernommen</translation>
    </message>
    <message>
        <source>joined the hub</source>
        <translation>hat sich mit dem Hub verbunden</translation>
    </message>
    <message>
        <source>sent changes to the hub</source>
        <translation>hat Änderungen an den Hub geschickt</translation>
    </message>
    <message>
        <source>received changes from the hub</source>
        <translation>hat Änderungen vom Hub bekommen</translation>
    </message>
    <message>
        <source>restored the damaged board from a backup at start</source>
        <translation>hat die beschädigte Tafel beim Start aus einer Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>restored a backup</source>
        <translation>hat eine Sicherung wiederhergestellt</translation>
    </message>
    <message>
        <source>cleared the board</source>
        <translation>hat die Tafel geleert</translation>
    </message>
    <message>
        <source>sent the screen back to today&apos;s board</source>
        <translation>hat den Bildschirm zur heutigen Tafel zurückgeholt</translation>
    </message>
    <message>
        <source>made a backup</source>
        <translation>hat eine Sicherung angelegt</translation>
    </message>
    <message>
        <source>exported the board</source>
        <translation>hat die Tafel exportiert</translation>
    </message>
    <message>
        <source>set the rehearsal clock</source>
        <translation>hat die Probeuhr gestellt</translation>
    </message>
    <message>
        <source>put the clock back to real time</source>
        <translation>hat die Uhr auf die echte Zeit zurückgestellt</translation>
    </message>
    <message>
        <source>closed the kiosk application</source>
        <translation>hat die Kiosk-Anwendung beendet</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation>Teilnehmer*in</translation>
    </message>
    <message>
        <source>host</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n Zeile)</numerusform>
            <numerusform>%1 (%n Zeilen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffBackups</name>
    <message>
        <source>%1 KiB</source>
        <comment>a backup&apos;s size</comment>
        <translation>%1 KiB</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Session</numerusform>
            <numerusform>%n Sessions</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup was made: %1</source>
        <translation>Es wurde keine Sicherung angelegt: %1</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Gesichert in %1.</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>Nichts wurde wiederhergestellt: %1</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n session(s) from %1; the board as it was before is kept in %2.</source>
        <translation>
            <numerusform>%n Session aus %1 wiederhergestellt; die Tafel, wie sie vorher war, liegt in %2.</numerusform>
            <numerusform>%n Sessions aus %1 wiederhergestellt; die Tafel, wie sie vorher war, liegt in %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffBlocks</name>
    <message>
        <source>Blocked %1, %2.</source>
        <translation>%1 gesperrt, %2.</translation>
    </message>
    <message>
        <source>No free slot near “%1”: cancel it instead, or move it from Cards.</source>
        <translation>Kein freier Platz in der Nähe von „%1“: Sag sie stattdessen ab oder verschiebe sie unter „Karten“.</translation>
    </message>
    <message>
        <source>Moved “%1” to %2.</source>
        <translation>„%1“ verschoben nach %2.</translation>
    </message>
    <message>
        <source>Cancelled; staff can restore it from Cards.</source>
        <translation>Abgesagt; das Team kann sie unter „Karten“ wiederherstellen.</translation>
    </message>
    <message>
        <source>The room is open for Open Spaces again.</source>
        <translation>Der Raum ist wieder frei für Open Spaces.</translation>
    </message>
</context>
<context>
    <name>KioskStaffCards</name>
    <message>
        <source>Moved “%1” to %2, %3.</source>
        <translation>„%1“ verschoben nach %2, %3.</translation>
    </message>
    <message>
        <source>Cancelled. It stays in the list below, and can be restored.</source>
        <translation>Abgesagt. Sie bleibt unten in der Liste und kann wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>“%1” is back on the board.</source>
        <translation>„%1“ hängt wieder an der Tafel.</translation>
    </message>
</context>
<context>
    <name>KioskStaffIdeas</name>
    <message>
        <source>Hidden from the wish list.</source>
        <translation>Von der Wunschliste ausgeblendet.</translation>
    </message>
    <message>
        <source>“%1” is folded into “%2”: %3 +1s now.</source>
        <translation>„%1“ ist in „%2“ aufgegangen: jetzt %3 × +1.</translation>
    </message>
</context>
<context>
    <name>KioskStaffImport</name>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 ready, %3 with problems</source>
        <translation>%1: %2 bereit, %3 mit Problemen</translation>
    </message>
    <message>
        <source>%1: %2 ready</source>
        <translation>%1: %2 bereit</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Nichts wurde importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s).</source>
        <translation>
            <numerusform>%n Session importiert.</numerusform>
            <numerusform>%n Sessions importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The board changed since the preview; nothing was imported.</source>
        <translation>Die Tafel hat sich seit der Vorschau geändert; es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Nothing was imported: fix the file and import it again.</source>
        <translation>Es wurde nichts importiert: Korrigiere die Datei und importiere sie noch einmal.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) cannot go on the board.</source>
        <translation>
            <numerusform>%1 von %n Zeile kann nicht an die Tafel.</numerusform>
            <numerusform>%1 von %n Zeilen können nicht an die Tafel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(und %1 weitere)</translation>
    </message>
</context>
<context>
    <name>KioskStaffSync</name>
    <message>
        <source>Edited on %1 while another kiosk changed the same card (%2)</source>
        <translation>Auf %1 bearbeitet, während ein anderes Terminal dieselbe Karte geändert hat (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same block (%2)</source>
        <translation>Auf %1 bearbeitet, während ein anderes Terminal dieselbe Sperre geändert hat (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same idea (%2)</source>
        <translation>Auf %1 bearbeitet, während ein anderes Terminal dieselbe Idee geändert hat (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same room (%2)</source>
        <translation>Auf %1 bearbeitet, während ein anderes Terminal denselben Raum geändert hat (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same row (%2)</source>
        <translation>Auf %1 bearbeitet, während ein anderes Terminal dieselbe Zeile geändert hat (%2)</translation>
    </message>
    <message>
        <source>“%1” needs a new slot: the room was blocked</source>
        <translation>„%1“ braucht einen neuen Platz: der Raum wurde gesperrt</translation>
    </message>
    <message>
        <source>A card needs a new slot: the room was blocked</source>
        <translation>Eine Karte braucht einen neuen Platz: der Raum wurde gesperrt</translation>
    </message>
    <message>
        <source>“%1” needs a new slot: another kiosk booked it first</source>
        <translation>„%1“ braucht einen neuen Platz: ein anderes Terminal hat ihn zuerst gebucht</translation>
    </message>
    <message>
        <source>A card needs a new slot: another kiosk booked it first</source>
        <translation>Eine Karte braucht einen neuen Platz: ein anderes Terminal hat ihn zuerst gebucht</translation>
    </message>
    <message>
        <source>nothing visible</source>
        <translation>nichts Sichtbares</translation>
    </message>
    <message>
        <source>The conflicts could not be read: %1</source>
        <translation>Die Konflikte konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Wanted %1. Host: %2.</source>
        <translation>Gewünscht: %1. Leitung: %2.</translation>
    </message>
    <message>
        <source>No free slot is left near it.</source>
        <translation>In der Nähe ist kein Platz mehr frei.</translation>
    </message>
    <message>
        <source>No difference a person would see.</source>
        <translation>Kein sichtbarer Unterschied.</translation>
    </message>
    <message>
        <source>%1 wanted: %2</source>
        <translation>%1 wollte: %2</translation>
    </message>
    <message>
        <source>“%1” is on the board again: %2.</source>
        <translation>„%1“ hängt wieder an der Tafel: %2.</translation>
    </message>
    <message>
        <source>The card was cancelled; the conflict is resolved.</source>
        <translation>Die Karte ist abgesagt; der Konflikt ist gelöst.</translation>
    </message>
    <message>
        <source>The board&apos;s version stays.</source>
        <translation>Die Fassung der Tafel bleibt.</translation>
    </message>
    <message>
        <source>The other kiosk&apos;s version is on the board now.</source>
        <translation>Jetzt hängt die Fassung des anderen Terminals an der Tafel.</translation>
    </message>
</context>
<context>
    <name>KioskStaffTools</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n Session</numerusform>
            <numerusform>%n Sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n Sperre</numerusform>
            <numerusform>%n Sperren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n idea(s)</source>
        <translation>
            <numerusform>%n Idee</numerusform>
            <numerusform>%n Ideen</numerusform>
        </translation>
    </message>
    <message>
        <source>OK: %1; integrity_check ok</source>
        <translation>OK: %1; integrity_check in Ordnung</translation>
    </message>
    <message>
        <source>The export did not finish: %1</source>
        <translation>Der Export wurde nicht fertig: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) in every format to %1.</source>
        <translation>
            <numerusform>%n Session in allen Formaten nach %1 exportiert.</numerusform>
            <numerusform>%n Sessions in allen Formaten nach %1 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The kiosk runs on a rehearsal clock from %1 %2.</source>
        <translation>Das Terminal läuft auf einer Probeuhr ab %1 %2.</translation>
    </message>
    <message>
        <source>The kiosk runs on real time again.</source>
        <translation>Das Terminal läuft wieder in Echtzeit.</translation>
    </message>
    <message>
        <source>Type %1 to clear the board.</source>
        <translation>Tippe %1, um die Tafel zu leeren.</translation>
    </message>
    <message>
        <source>Nothing was cleared: %1</source>
        <translation>Nichts wurde geleert: %1</translation>
    </message>
    <message>
        <source>The board is clear. A backup of what was there is in %1.</source>
        <translation>Die Tafel ist leer. Eine Sicherung des vorherigen Stands liegt in %1.</translation>
    </message>
</context>
<context>
    <name>KioskSync</name>
    <message>
        <source>Synced</source>
        <translation>Abgeglichen</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Gleiche ab …</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Offline seit %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n Konflikt</numerusform>
            <numerusform>%n Konflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 same</source>
        <comment>rows the hub already had</comment>
        <translation>%1 gleich</translation>
    </message>
    <message>
        <source>%1 replayed</source>
        <comment>rows sent again after a lost answer</comment>
        <translation>%1 wiederholt</translation>
    </message>
    <message>
        <source>%1 displaced</source>
        <comment>bookings that lost their slot</comment>
        <translation>%1 verdrängt</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <comment>rows the hub refused</comment>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>%1 still to push</source>
        <comment>changes not yet sent</comment>
        <translation>%1 noch zu senden</translation>
    </message>
    <message numerus="yes">
        <source>%n edit conflict(s)</source>
        <translation>
            <numerusform>%n Bearbeitungskonflikt</numerusform>
            <numerusform>%n Bearbeitungskonflikte</numerusform>
        </translation>
    </message>
    <message>
        <source>pushed %1</source>
        <translation>%1 gesendet</translation>
    </message>
    <message>
        <source>pulled %1</source>
        <translation>%1 geholt</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>%1 übernommen</translation>
    </message>
</context>
<context>
    <name>KioskTextField</name>
    <message>
        <source>(optional)</source>
        <translation>(freiwillig)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>KioskWishList</name>
    <message>
        <source>Adopted · %1</source>
        <translation>Übernommen · %1</translation>
    </message>
    <message>
        <source>Thanks! Your +1 for “%1” is counted.</source>
        <translation>Danke! Dein +1 für „%1“ ist gezählt.</translation>
    </message>
    <message>
        <source>“%1” is on the wish list. Thank you!</source>
        <translation>„%1“ steht auf der Wunschliste. Danke!</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Open Spaces</source>
        <translation>%1 – Open Spaces</translation>
    </message>
    <message>
        <source>Tap a free slot to host an Open Space · promote it with %1</source>
        <translation>Tippe auf einen freien Platz, um einen Open Space anzubieten · mach Werbung mit %1</translation>
    </message>
    <message>
        <source>Wish for a topic, +1 the ones you&apos;d attend, or host one yourself · %1</source>
        <translation>Wünsch dir ein Thema, gib +1 für die, zu denen du kämst, oder leite selbst eins · %1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
</context>
<context>
    <name>SavedPanel</name>
    <message>
        <source>You&apos;re on the board!</source>
        <translation>Du hängst an der Tafel!</translation>
    </message>
    <message>
        <source>The changes are on the board</source>
        <translation>Die Änderungen hängen an der Tafel</translation>
    </message>
    <message>
        <source>Your session&apos;s page</source>
        <translation>Die Seite deiner Session</translation>
    </message>
    <message>
        <source>Your edit code</source>
        <translation>Dein Bearbeitungscode</translation>
    </message>
    <message>
        <source>Write it down or take a photo: it is shown only this once. Tap your card and &quot;I&apos;m the host&quot; to change or cancel your session with it.</source>
        <translation>Schreib ihn auf oder mach ein Foto: Er wird nur dieses eine Mal angezeigt. Tippe auf deine Karte und „Das ist meine Session“, um deine Session damit zu ändern oder abzusagen.</translation>
    </message>
    <message>
        <source>Spread the word: post about your session with %1 so people find it.</source>
        <translation>Sag es weiter: Poste über deine Session mit %1, damit die Leute sie finden.</translation>
    </message>
    <message>
        <source>Done — back to the board</source>
        <translation>Fertig – zurück zur Tafel</translation>
    </message>
</context>
<context>
    <name>SlotCell</name>
    <message>
        <source>+ Open Space</source>
        <translation>+ Open Space</translation>
    </message>
    <message>
        <source>Not available</source>
        <translation>Nicht verfügbar</translation>
    </message>
</context>
<context>
    <name>SlotConflict</name>
    <message>
        <source>Tap a free slot to put your card there:</source>
        <translation>Tippe auf einen freien Platz für deine Karte:</translation>
    </message>
    <message>
        <source>Every slot is taken; please ask the staff office.</source>
        <translation>Alle Plätze sind belegt; bitte frag im Orga-Büro.</translation>
    </message>
</context>
<context>
    <name>StaffAuditPage</name>
    <message>
        <source>About “%1”</source>
        <translation>Zu „%1“</translation>
    </message>
    <message>
        <source>Everything, newest first</source>
        <translation>Alles, das Neueste zuerst</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Alles zeigen</translation>
    </message>
</context>
<context>
    <name>StaffBackupsPage</name>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Wiederherstellen …</translation>
    </message>
    <message>
        <source>Replace the board with this</source>
        <translation>Die Tafel hierdurch ersetzen</translation>
    </message>
</context>
<context>
    <name>StaffBlocksPage</name>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Block this room…</source>
        <translation>Diesen Raum sperren …</translation>
    </message>
    <message>
        <source>Move it</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Cancel it</source>
        <translation>Absagen</translation>
    </message>
    <message>
        <source>The room is blocked</source>
        <translation>Der Raum ist gesperrt</translation>
    </message>
    <message>
        <source>Blocked now</source>
        <translation>Jetzt gesperrt</translation>
    </message>
    <message>
        <source>(from the config file)</source>
        <translation>(aus der Konfigurationsdatei)</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>What is the room used for?</source>
        <translation>Wofür wird der Raum gebraucht?</translation>
    </message>
    <message>
        <source>Block it</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <source>Shown on the board, e.g. Sponsor workshop</source>
        <translation>Steht an der Tafel, z. B. Sponsoren-Workshop</translation>
    </message>
</context>
<context>
    <name>StaffCardsPage</name>
    <message>
        <source>Move %1 to:</source>
        <translation>%1 verschieben nach:</translation>
    </message>
    <message>
        <source>Never mind</source>
        <translation>Doch nicht</translation>
    </message>
    <message>
        <source>Cancelled · </source>
        <translation>Abgesagt · </translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Why is “%1” cancelled?</source>
        <translation>Warum wird „%1“ abgesagt?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation>Session absagen</translation>
    </message>
    <message>
        <source>Shown in the audit log, e.g. double booking, host ill</source>
        <translation>Steht im Protokoll, z. B. doppelt gebucht, Leitung krank</translation>
    </message>
</context>
<context>
    <name>StaffIdeasPage</name>
    <message>
        <source>Tap the idea that “%1” duplicates.</source>
        <translation>Tippe auf die Idee, die „%1“ doppelt.</translation>
    </message>
    <message>
        <source>%1 × +1</source>
        <translation>%1 × +1</translation>
    </message>
    <message>
        <source>Duplicate of…</source>
        <translation>Doppelt zu …</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Diese behalten</translation>
    </message>
    <message>
        <source>Never mind</source>
        <translation>Doch nicht</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>StaffImportPage</name>
    <message>
        <source>CSV with the columns of the CSV export (Day, Start, Room, Topic, Host; End, Handle, Description, Tags, URL optional), or JSON like it, from a USB stick or the kiosk&apos;s imports folder.</source>
        <translation>CSV mit den Spalten des CSV-Exports (Day, Start, Room, Topic, Host; End, Handle, Description, Tags, URL freiwillig) oder JSON in derselben Form, von einem USB-Stick oder aus dem Importordner des Terminals.</translation>
    </message>
    <message>
        <source>No CSV or JSON file found. Plug in a USB stick, then come back to this page.</source>
        <translation>Keine CSV- oder JSON-Datei gefunden. Steck einen USB-Stick ein und komm dann auf diese Seite zurück.</translation>
    </message>
    <message>
        <source>Import all of them</source>
        <translation>Alle importieren</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>Zeile %1</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation>Orga-Team</translation>
    </message>
    <message>
        <source>Rehearsal clock: %1</source>
        <translation>Probeuhr: %1</translation>
    </message>
    <message>
        <source>Lock and close</source>
        <translation>Sperren und schließen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>Team-PIN</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
    <message>
        <source>Blocked rooms</source>
        <translation>Gesperrte Räume</translation>
    </message>
    <message>
        <source>Wish list</source>
        <translation>Wunschliste</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sicherungen</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Sync (%1)</source>
        <translation>Abgleich (%1)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Abgleich</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
</context>
<context>
    <name>StaffSyncPage</name>
    <message>
        <source>Hub: %1 — %2</source>
        <translation>Hub: %1 – %2</translation>
    </message>
    <message>
        <source>No hub is configured: this kiosk runs alone. Add a [hub] section to its config to sync.</source>
        <translation>Kein Hub eingerichtet: Dieses Terminal läuft allein. Füge seiner Konfiguration einen Abschnitt [hub] hinzu, um abzugleichen.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Gleiche ab …</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt abgleichen</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting for the hub</source>
        <translation>
            <numerusform>%n Änderung wartet auf den Hub</numerusform>
            <numerusform>%n Änderungen warten auf den Hub</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting for the hub</source>
        <translation>Nichts wartet auf den Hub</translation>
    </message>
    <message>
        <source>To settle (%1)</source>
        <translation>Zu klären (%1)</translation>
    </message>
    <message>
        <source>Nothing to settle</source>
        <translation>Nichts zu klären</translation>
    </message>
    <message>
        <source>Cancel the card…</source>
        <translation>Karte absagen …</translation>
    </message>
    <message>
        <source>Keep the board&apos;s version</source>
        <translation>Fassung der Tafel behalten</translation>
    </message>
    <message>
        <source>Use the other version</source>
        <translation>Die andere Fassung nehmen</translation>
    </message>
    <message>
        <source>Cancel the card</source>
        <translation>Karte absagen</translation>
    </message>
    <message>
        <source>Shown in the audit log, e.g. host could not move</source>
        <translation>Steht im Protokoll, z. B. Leitung konnte nicht umziehen</translation>
    </message>
</context>
<context>
    <name>StaffToolsPage</name>
    <message>
        <source>Export everything to…</source>
        <translation>Alles exportieren nach …</translation>
    </message>
    <message>
        <source>Check the board</source>
        <translation>Tafel prüfen</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Rehearsal clock</source>
        <translation>Probeuhr</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Back to real time</source>
        <translation>Zurück zur Echtzeit</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <source>Back to today&apos;s board</source>
        <translation>Zurück zur heutigen Tafel</translation>
    </message>
    <message>
        <source>Clear the board for a new event…</source>
        <translation>Tafel für ein neues Event leeren …</translation>
    </message>
    <message>
        <source>Every card, idea and staff block goes (a backup is made first; the config stays). Type %1 to confirm.</source>
        <translation>Alle Karten, Ideen und Team-Sperren werden entfernt (vorher wird gesichert; die Konfiguration bleibt). Tippe zur Bestätigung %1.</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Bestätigung</translation>
    </message>
    <message>
        <source>Clear the board</source>
        <translation>Tafel leeren</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Verlassen</translation>
    </message>
    <message>
        <source>Exit the kiosk application</source>
        <translation>Die Kiosk-Anwendung beenden</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>(up to %1)</source>
        <translation>(bis zu %1)</translation>
    </message>
</context>
<context>
    <name>WishListPage</name>
    <message>
        <source>Wish list — topics people would love someone to host</source>
        <translation>Wunschliste – Themen, die jemand anbieten soll</translation>
    </message>
    <message>
        <source>Tap “+1, I&apos;d come” for the ones you would join. Fancy leading one? Tap “Host this” and pick a free slot.</source>
        <translation>Tippe bei den Themen, bei denen du dabei wärst, auf „+1, ich komme“. Lust, eins zu leiten? Tippe auf „Übernehmen“ und wähl einen freien Platz.</translation>
    </message>
    <message>
        <source>+ Add an idea</source>
        <translation>+ Idee hinzufügen</translation>
    </message>
    <message>
        <source>No wishes yet. Is there a topic you would love someone to host? Tap “Add an idea”.</source>
        <translation>Noch keine Wünsche. Gibt es ein Thema, das jemand anbieten soll? Tippe auf „Idee hinzufügen“.</translation>
    </message>
    <message>
        <source>+1, I&apos;d come</source>
        <translation>+1, ich komme</translation>
    </message>
    <message>
        <source>Host this</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Übernommen</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>ddd d MMM</source>
        <comment>a day tab: Fri 21 Apr (Qt date format)</comment>
        <translation>ddd d. MMM</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>a day in full: Friday 21 April (Qt date format)</comment>
        <translation>dddd, d. MMMM</translation>
    </message>
    <message>
        <source>dddd</source>
        <comment>a weekday alone: Friday (Qt date format)</comment>
        <translation>dddd</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <comment>a date without its weekday: 21 April (Qt date format)</comment>
        <translation>d. MMMM</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Topic</source>
        <translation>Thema</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Leitung</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Name im Netz</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgesagt</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Stimmen</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Ausgeblendet</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Give your session a topic (at least %1 characters).</source>
        <translation>Gib deiner Session ein Thema (mindestens %1 Zeichen).</translation>
    </message>
    <message>
        <source>Give the idea a topic (at least %1 characters).</source>
        <translation>Gib der Idee ein Thema (mindestens %1 Zeichen).</translation>
    </message>
    <message>
        <source>Keep the topic to %1 characters — %2 too many.</source>
        <translation>Das Thema darf höchstens %1 Zeichen haben – %2 zu viel.</translation>
    </message>
    <message>
        <source>Keep the description to %1 characters — %2 too many.</source>
        <translation>Die Beschreibung darf höchstens %1 Zeichen haben – %2 zu viel.</translation>
    </message>
    <message>
        <source>Keep the name to %1 characters — %2 too many.</source>
        <translation>Der Name darf höchstens %1 Zeichen haben – %2 zu viel.</translation>
    </message>
    <message>
        <source>Keep the note to %1 characters — %2 too many.</source>
        <translation>Die Notiz darf höchstens %1 Zeichen haben – %2 zu viel.</translation>
    </message>
    <message>
        <source>Keep the reason to %1 characters — %2 too many.</source>
        <translation>Der Grund darf höchstens %1 Zeichen haben – %2 zu viel.</translation>
    </message>
    <message>
        <source>Who is hosting? Add your name.</source>
        <translation>Wer leitet die Session? Gib deinen Namen an.</translation>
    </message>
    <message>
        <source>Pick up to %1 tags.</source>
        <translation>Wähl bis zu %1 Schlagwörter.</translation>
    </message>
    <message>
        <source>“%1” is not one of this event&apos;s tags.</source>
        <translation>„%1“ ist keines der Schlagwörter dieses Events.</translation>
    </message>
    <message>
        <source>Pick each tag only once.</source>
        <translation>Wähl jedes Schlagwort nur einmal.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Gib einen Grund an.</translation>
    </message>
    <message>
        <source>No handle given. %H</source>
        <translation>Kein Name angegeben. %H</translation>
    </message>
    <message>
        <source>That looks like an email address, which would be shown to everyone. %H</source>
        <translation>Das sieht nach einer E-Mail-Adresse aus, die alle sehen würden. %H</translation>
    </message>
    <message>
        <source>X names have at most 15 characters. %H</source>
        <translation>Namen auf X haben höchstens 15 Zeichen. %H</translation>
    </message>
    <message>
        <source>That handle doesn&apos;t look right. %H</source>
        <translation>Dieser Name sieht nicht richtig aus. %H</translation>
    </message>
    <message>
        <source>Someone else has just taken this slot. Please pick another one.</source>
        <translation>Jemand hat diesen Platz gerade belegt. Bitte wähl einen anderen.</translation>
    </message>
    <message>
        <source>This room is not available for Open Spaces at that time (%1).</source>
        <translation>Dieser Raum ist zu dieser Zeit nicht für Open Spaces frei (%1).</translation>
    </message>
    <message>
        <source>This slot is already over. Please pick a later one.</source>
        <translation>Dieser Platz ist schon vorbei. Bitte wähl einen späteren.</translation>
    </message>
    <message>
        <source>This session is no longer on the board.</source>
        <translation>Diese Session hängt nicht mehr an der Tafel.</translation>
    </message>
    <message>
        <source>This idea is no longer on the wish list.</source>
        <translation>Diese Idee steht nicht mehr auf der Wunschliste.</translation>
    </message>
    <message>
        <source>That time is not one of the board&apos;s session slots.</source>
        <translation>Diese Zeit ist keiner der Plätze der Tafel.</translation>
    </message>
    <message>
        <source>There is no room &apos;%1&apos; on this board.</source>
        <translation>Auf dieser Tafel gibt es keinen Raum „%1“.</translation>
    </message>
    <message>
        <source>Lots of cards were just added at this kiosk. Please wait a minute and try again.</source>
        <translation>An diesem Terminal wurden gerade viele Karten angelegt. Bitte warte eine Minute und versuch es noch mal.</translation>
    </message>
    <message>
        <source>Lots of ideas were just added at this kiosk. Please wait a minute and try again.</source>
        <translation>An diesem Terminal wurden gerade viele Ideen hinzugefügt. Bitte warte eine Minute und versuch es noch mal.</translation>
    </message>
    <message>
        <source>Lots of votes were just made at this kiosk. Please wait a minute and vote again.</source>
        <translation>An diesem Terminal wurde gerade viel abgestimmt. Bitte warte eine Minute und stimm dann noch mal ab.</translation>
    </message>
    <message>
        <source>Your vote for this idea is counted. Let someone else vote too!</source>
        <translation>Deine Stimme für diese Idee ist gezählt. Lass auch andere abstimmen!</translation>
    </message>
    <message>
        <source>%1 already hosts %2 sessions on %3, the most one person can put up in a day.</source>
        <translation>%1 leitet am %3 schon %2 Sessions, so viele kann eine Person an einem Tag anbieten.</translation>
    </message>
    <message>
        <source>Many wrong edit codes were just tried at this kiosk. Please wait a minute and try again, or ask at the staff office.</source>
        <translation>An diesem Terminal wurden gerade viele falsche Bearbeitungscodes versucht. Bitte warte eine Minute und versuch es noch mal, oder frag im Orga-Büro.</translation>
    </message>
    <message>
        <source>That is not this card&apos;s edit code. 1 more try before host actions pause for a while.</source>
        <translation>Das ist nicht der Bearbeitungscode dieser Karte. Noch 1 Versuch, dann ist Bearbeiten eine Weile gesperrt.</translation>
    </message>
    <message>
        <source>That is not this card&apos;s edit code. %1 more tries before host actions pause for a while.</source>
        <translation>Das ist nicht der Bearbeitungscode dieser Karte. Noch %1 Versuche, dann ist Bearbeiten eine Weile gesperrt.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Editing and cancelling this card are paused for %1 seconds.</source>
        <translation>Zu viele falsche Codes. Bearbeiten und Absagen dieser Karte sind für %1 Sekunden gesperrt.</translation>
    </message>
    <message>
        <source>The board&apos;s database at %1 cannot be used: %2</source>
        <translation>Die Datenbank der Tafel unter %1 ist nicht nutzbar: %2</translation>
    </message>
    <message>
        <source>1 session sits in that time: move or cancel it first.</source>
        <translation>In dieser Zeit liegt 1 Session: Verschiebe sie zuerst oder sag sie ab.</translation>
    </message>
    <message>
        <source>%1 sessions sit in that time: move or cancel them first.</source>
        <translation>In dieser Zeit liegen %1 Sessions: Verschiebe sie zuerst oder sag sie ab.</translation>
    </message>
    <message>
        <source>There is no such block on this board.</source>
        <translation>Diese Sperre gibt es auf dieser Tafel nicht.</translation>
    </message>
    <message>
        <source>This block comes from the event&apos;s config file: change the file to remove it.</source>
        <translation>Diese Sperre stammt aus der Konfigurationsdatei des Events: Ändere die Datei, um sie zu entfernen.</translation>
    </message>
    <message>
        <source>That overlaps a block already there (%1).</source>
        <translation>Das überschneidet sich mit einer bestehenden Sperre (%1).</translation>
    </message>
    <message>
        <source>The end must be later than the start.</source>
        <translation>Das Ende muss nach dem Beginn liegen.</translation>
    </message>
    <message>
        <source>%1 is not one of the event&apos;s days.</source>
        <translation>%1 ist keiner der Tage des Events.</translation>
    </message>
    <message>
        <source>Open Spaces run from %1 to %2; keep the block within them.</source>
        <translation>Open Spaces laufen von %1 bis %2; die Sperre muss darin liegen.</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk. Set one from a terminal with: kiosk set-pin</source>
        <translation>Auf diesem Terminal ist keine Team-PIN gesetzt. Setze sie in einer Shell mit: kiosk set-pin</translation>
    </message>
    <message>
        <source>A staff PIN is made of digits only.</source>
        <translation>Eine Team-PIN besteht nur aus Ziffern.</translation>
    </message>
    <message>
        <source>A staff PIN has %1 to %2 digits.</source>
        <translation>Eine Team-PIN hat %1 bis %2 Ziffern.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The pad is paused for 1 minute.</source>
        <translation>Zu viele falsche PINs. Das Tastenfeld ist für 1 Minute gesperrt.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The pad is paused for %1 minutes.</source>
        <translation>Zu viele falsche PINs. Das Tastenfeld ist für %1 Minuten gesperrt.</translation>
    </message>
    <message>
        <source>That is not the staff PIN. 1 more try.</source>
        <translation>Das ist nicht die Team-PIN. Noch 1 Versuch.</translation>
    </message>
    <message>
        <source>That is not the staff PIN. %1 more tries.</source>
        <translation>Das ist nicht die Team-PIN. Noch %1 Versuche.</translation>
    </message>
    <message>
        <source>This conflict was resolved already, perhaps on another kiosk.</source>
        <translation>Dieser Konflikt ist schon gelöst, vielleicht an einem anderen Terminal.</translation>
    </message>
    <message>
        <source>This card has a slot again already, perhaps placed on another kiosk.</source>
        <translation>Diese Karte hat schon wieder einen Platz, vielleicht von einem anderen Terminal aus.</translation>
    </message>
    <message>
        <source>This card has a slot again already.</source>
        <translation>Diese Karte hat schon wieder einen Platz.</translation>
    </message>
    <message>
        <source>The row this conflict is about is not on this kiosk yet; sync and try again.</source>
        <translation>Der Eintrag dieses Konflikts ist noch nicht auf diesem Terminal; gleich ab und versuch es noch mal.</translation>
    </message>
    <message>
        <source>The room of that version is gone from the board.</source>
        <translation>Der Raum dieser Fassung ist nicht mehr auf der Tafel.</translation>
    </message>
    <message>
        <source>sync has stopped</source>
        <translation>der Abgleich wurde beendet</translation>
    </message>
    <message>
        <source>the hub did not answer within %1 s</source>
        <translation>der Hub hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>the hub refused the login (%1)</source>
        <translation>der Hub hat die Anmeldung abgelehnt (%1)</translation>
    </message>
    <message>
        <source>sync failed: %1</source>
        <translation>der Abgleich ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1: cannot read the hub password: %2</source>
        <translation>%1: das Hub-Passwort kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: the hub password file is empty</source>
        <translation>%1: die Datei mit dem Hub-Passwort ist leer</translation>
    </message>
    <message>
        <source>%1: the hub password file can be read by other users (mode %2); run: chmod 600 %3</source>
        <translation>%1: die Datei mit dem Hub-Passwort können andere Benutzer lesen (Modus %2); führe aus: chmod 600 %3</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation>Die Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <source>%1 has no sessions in it.</source>
        <translation>%1 enthält keine Sessions.</translation>
    </message>
    <message>
        <source>The file starts like UTF-16 text but is not; save it as UTF-8.</source>
        <translation>Die Datei beginnt wie UTF-16-Text, ist aber keiner; speichere sie als UTF-8.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (line %1, byte %2: %3); save it as UTF-8 (“CSV UTF-8” in Excel) and import it again.</source>
        <translation>Die Datei ist kein UTF-8-Text (Zeile %1, Byte %2: %3); speichere sie als UTF-8 („CSV UTF-8“ in Excel) und importiere sie erneut.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB, the most an import file may be (%2 sessions at most). Is it the right file?</source>
        <translation>Die Datei ist größer als %1 MB, mehr darf eine Importdatei nicht sein (höchstens %2 Sessions). Ist es die richtige Datei?</translation>
    </message>
    <message>
        <source>The file has more than %1 sessions; a board has at most a few thousand slots. Is it the right file?</source>
        <translation>Die Datei hat mehr als %1 Sessions; eine Tafel hat höchstens ein paar tausend Plätze. Ist es die richtige Datei?</translation>
    </message>
    <message>
        <source>The file cannot be read as CSV near line %1: %2.</source>
        <translation>Die Datei kann um Zeile %1 nicht als CSV gelesen werden: %2.</translation>
    </message>
    <message>
        <source>The first row must name the columns (%1); this file&apos;s first row names none of Day, Start, Room, Topic and Host.</source>
        <translation>Die erste Zeile muss die Spalten nennen (%1); die erste Zeile dieser Datei nennt keine von Day, Start, Room, Topic und Host.</translation>
    </message>
    <message>
        <source>The file has no %1 column; every import needs Day, Start, Room, Topic and Host.</source>
        <translation>Der Datei fehlt die Spalte %1; jeder Import braucht Day, Start, Room, Topic und Host.</translation>
    </message>
    <message>
        <source>The column %1 appears more than once; keep one.</source>
        <translation>Die Spalte %1 kommt mehrmals vor; behalte eine.</translation>
    </message>
    <message>
        <source>The JSON in the file is nested too deeply to be a list of sessions.</source>
        <translation>Das JSON in der Datei ist zu tief verschachtelt, um eine Liste von Sessions zu sein.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line %1, column %2: %3).</source>
        <translation>Die Datei ist kein gültiges JSON (Zeile %1, Spalte %2: %3).</translation>
    </message>
    <message>
        <source>The file is not usable JSON: %1.</source>
        <translation>Die Datei ist kein brauchbares JSON: %1.</translation>
    </message>
    <message>
        <source>The JSON must be a list of sessions, an object with a &quot;sessions&quot; list, or the board&apos;s schedule.json.</source>
        <translation>Das JSON muss eine Liste von Sessions sein, ein Objekt mit einer Liste „sessions“ oder die schedule.json der Tafel.</translation>
    </message>
    <message>
        <source>It has %1 cells but the header has %2: a value with the delimiter in it needs quotes.</source>
        <translation>Sie hat %1 Zellen, die Kopfzeile aber %2: ein Wert, der das Trennzeichen enthält, braucht Anführungszeichen.</translation>
    </message>
    <message>
        <source>It is not an object with session fields.</source>
        <translation>Er ist kein Objekt mit Session-Feldern.</translation>
    </message>
    <message>
        <source>%1: the value should be text.</source>
        <translation>%1: der Wert sollte Text sein.</translation>
    </message>
    <message>
        <source>Day: %1 is not a day of this board (%2).</source>
        <translation>Day: %1 ist kein Tag dieser Tafel (%2).</translation>
    </message>
    <message>
        <source>Day: “%1” is not a date; write it as %2.</source>
        <translation>Day: „%1“ ist kein Datum; schreib es als %2.</translation>
    </message>
    <message>
        <source>Day: missing.</source>
        <translation>Day: fehlt.</translation>
    </message>
    <message>
        <source>Start: “%1” is not a time; write it as 10:00.</source>
        <translation>Start: „%1“ ist keine Uhrzeit; schreib sie als 10:00.</translation>
    </message>
    <message>
        <source>Start: missing.</source>
        <translation>Start: fehlt.</translation>
    </message>
    <message>
        <source>Start: %1 is outside the board&apos;s hours (%2).</source>
        <translation>Start: %1 liegt außerhalb der Zeiten der Tafel (%2).</translation>
    </message>
    <message>
        <source>Start: %1 is not the start of a slot; slots start every %2 minutes from %3.</source>
        <translation>Start: %1 ist nicht der Beginn eines Platzes; Plätze beginnen alle %2 Minuten ab %3.</translation>
    </message>
    <message>
        <source>End: “%1” is not a time; leave it empty or write %2.</source>
        <translation>End: „%1“ ist keine Uhrzeit; lass es leer oder schreib %2.</translation>
    </message>
    <message>
        <source>End: %1 does not fit; sessions are %2 minutes, so this one ends at %3.</source>
        <translation>End: %1 passt nicht; Sessions dauern %2 Minuten, diese endet also um %3.</translation>
    </message>
    <message>
        <source>Room: missing.</source>
        <translation>Room: fehlt.</translation>
    </message>
    <message>
        <source>Room: more than one room is called “%1”; write the room&apos;s key.</source>
        <translation>Room: mehr als ein Raum heißt „%1“; schreib den Schlüssel des Raums.</translation>
    </message>
    <message>
        <source>Room: there is no room “%1” on this board; did you mean %2?</source>
        <translation>Room: auf dieser Tafel gibt es keinen Raum „%1“; meintest du %2?</translation>
    </message>
    <message>
        <source>Room: there is no room “%1” on this board.</source>
        <translation>Room: auf dieser Tafel gibt es keinen Raum „%1“.</translation>
    </message>
    <message>
        <source>Topic: %1</source>
        <translation>Topic: %1</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>Host: %1</translation>
    </message>
    <message>
        <source>Description: %1</source>
        <translation>Description: %1</translation>
    </message>
    <message>
        <source>Handle: %1</source>
        <translation>Handle: %1</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>Same slot as row %1.</source>
        <translation>Gleicher Platz wie Zeile %1.</translation>
    </message>
    <message>
        <source>Same slot as entry %1.</source>
        <translation>Gleicher Platz wie Eintrag %1.</translation>
    </message>
    <message>
        <source>This session is already on the board (%1).</source>
        <translation>Diese Session hängt schon an der Tafel (%1).</translation>
    </message>
    <message>
        <source>%1 is blocked (%2).</source>
        <translation>%1 ist gesperrt (%2).</translation>
    </message>
    <message>
        <source>%1 is taken by “%2”.</source>
        <translation>%1 ist von „%2“ belegt.</translation>
    </message>
    <message>
        <source>Its room is no longer on the board.</source>
        <translation>Ihr Raum ist nicht mehr auf der Tafel.</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>Es gibt nichts zu importieren.</translation>
    </message>
    <message>
        <source>A slot in the file was taken while importing; nothing was imported.</source>
        <translation>Ein Platz aus der Datei wurde während des Imports belegt; nichts wurde importiert.</translation>
    </message>
    <message>
        <source>%1 shares its room and hour with %2.</source>
        <translation>%1 teilt Raum und Stunde mit %2.</translation>
    </message>
    <message>
        <source>%1 sits in a blocked slot (%2, %3 to %4).</source>
        <translation>%1 liegt in einem gesperrten Platz (%2, %3 bis %4).</translation>
    </message>
    <message>
        <source>%1 is in a room that is not in the database.</source>
        <translation>%1 liegt in einem Raum, der nicht in der Datenbank ist.</translation>
    </message>
    <message>
        <source>%1 is in room &apos;%2&apos;, which was taken off the board.</source>
        <translation>%1 liegt in Raum &apos;%2&apos;, der von der Tafel genommen wurde.</translation>
    </message>
    <message>
        <source>%1 is in room &apos;%2&apos;, which the event&apos;s config does not have.</source>
        <translation>%1 liegt in Raum &apos;%2&apos;, den die Konfiguration der Veranstaltung nicht hat.</translation>
    </message>
    <message>
        <source>%1 is on a day that is not one of the event&apos;s days.</source>
        <translation>%1 liegt an einem Tag, der kein Tag der Veranstaltung ist.</translation>
    </message>
    <message>
        <source>%1 does not start at one of the event&apos;s slot times.</source>
        <translation>%1 beginnt nicht zu einer der Platz-Zeiten der Veranstaltung.</translation>
    </message>
    <message>
        <source>%1 ends at %2 instead of %3.</source>
        <translation>%1 endet um %2 statt um %3.</translation>
    </message>
    <message>
        <source>The idea &apos;%1&apos; is adopted by a session that does not exist.</source>
        <translation>Die Idee &apos;%1&apos; wurde von einer Session übernommen, die es nicht gibt.</translation>
    </message>
    <message>
        <source>The idea &apos;%1&apos; is adopted by %2, which was cancelled.</source>
        <translation>Die Idee &apos;%1&apos; wurde von %2 übernommen, die abgesagt wurde.</translation>
    </message>
    <message>
        <source>The board&apos;s rows could not be read: %1</source>
        <translation>Die Zeilen der Tafel konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>integrity_check: could not run (%1)</source>
        <translation>integrity_check: konnte nicht laufen (%1)</translation>
    </message>
    <message>
        <source>The backup %1 %2.</source>
        <translation>Die Sicherung %1 %2.</translation>
    </message>
    <message>
        <source>%1 at %2 on %3</source>
        <translation>%1 um %2 am %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2, %3)</source>
        <translation>&apos;%1&apos; (%2, %3)</translation>
    </message>
    <message>
        <source>a room missing from the database</source>
        <translation>ein Raum, der in der Datenbank fehlt</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>gibt es nicht</translation>
    </message>
    <message>
        <source>is not a file</source>
        <translation>ist keine Datei</translation>
    </message>
    <message>
        <source>is empty (0 bytes)</source>
        <translation>ist leer (0 Byte)</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>is not a SQLite database</source>
        <translation>ist keine SQLite-Datenbank</translation>
    </message>
    <message>
        <source>is a SQLite database but not a kiosk board</source>
        <translation>ist eine SQLite-Datenbank, aber keine Tafel des Terminals</translation>
    </message>
    <message>
        <source>is a SQLite database but not a kiosk board (it has no schema revision)</source>
        <translation>ist eine SQLite-Datenbank, aber keine Tafel des Terminals (sie hat keine Schema-Revision)</translation>
    </message>
    <message>
        <source>was written by a newer version of the kiosk software (schema revision %1); restore it with that version</source>
        <translation>wurde von einer neueren Version der Terminal-Software geschrieben (Schema-Revision %1); stelle sie mit dieser Version wieder her</translation>
    </message>
    <message>
        <source>is damaged (SQLite&apos;s check says: %1)</source>
        <translation>ist beschädigt (SQLites Prüfung meldet: %1)</translation>
    </message>
    <message>
        <source>is damaged or cannot be read (%1)</source>
        <translation>ist beschädigt oder kann nicht gelesen werden (%1)</translation>
    </message>
    <message>
        <source>is the live board itself</source>
        <translation>ist die laufende Tafel selbst</translation>
    </message>
    <message>
        <source>could not be copied (%1)</source>
        <translation>konnte nicht kopiert werden (%1)</translation>
    </message>
    <message>
        <source>cannot be brought up to this version&apos;s schema: %1</source>
        <translation>kann nicht auf das Schema dieser Version gebracht werden: %1</translation>
    </message>
    <message>
        <source>is damaged after upgrading (SQLite&apos;s check says: %1)</source>
        <translation>ist nach dem Aktualisieren beschädigt (SQLites Prüfung meldet: %1)</translation>
    </message>
    <message>
        <source>holds no board</source>
        <translation>enthält keine Tafel</translation>
    </message>
    <message>
        <source>Use @name (X), @name@server.social (Mastodon) or name.bsky.social (Bluesky).</source>
        <translation>Nutze @name (X), @name@server.social (Mastodon) oder name.bsky.social (Bluesky).</translation>
    </message>
</context>
</TS>
