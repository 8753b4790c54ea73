<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AttractRestTile</name>
    <message>
        <source>Free — add yours</source>
        <translation>Libre: apúntate</translation>
    </message>
    <message>
        <source>+%1 more rooms</source>
        <translation>+%1 salas más</translation>
    </message>
    <message>
        <source>%1 rooms: %2</source>
        <translation>%1 salas: %2</translation>
    </message>
    <message>
        <source>On the board: %1</source>
        <translation>En el tablero: %1</translation>
    </message>
</context>
<context>
    <name>AttractRoomTile</name>
    <message>
        <source>Next %1 · %2</source>
        <translation>Luego %1 · %2</translation>
    </message>
    <message>
        <source>Then free — add yours</source>
        <translation>Luego libre: apúntate</translation>
    </message>
    <message>
        <source>Now: %1</source>
        <translation>Ahora: %1</translation>
    </message>
    <message>
        <source>Free now — add yours</source>
        <translation>Libre ahora: apúntate</translation>
    </message>
    <message>
        <source>Now · %1</source>
        <translation>Ahora · %1</translation>
    </message>
    <message>
        <source>Not open now</source>
        <translation>Cerrada ahora</translation>
    </message>
    <message>
        <source>Next %1</source>
        <translation>Luego %1</translation>
    </message>
    <message>
        <source>Free — add yours</source>
        <translation>Libre: apúntate</translation>
    </message>
    <message>
        <source>Nothing booked yet</source>
        <translation>Aún no hay nada</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>hasta las %1</translation>
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
        <translation>Página %1 de %2 · las salas cambian cada pocos segundos</translation>
    </message>
    <message>
        <source>Touch anywhere to see the whole board · %1</source>
        <translation>Toca en cualquier sitio para ver todo el tablero · %1</translation>
    </message>
</context>
<context>
    <name>BoardGrid</name>
    <message>
        <source>Rooms %1–%2
of %3</source>
        <translation>Salas %1–%2
de %3</translation>
    </message>
    <message>
        <source>‹ back</source>
        <translation>‹ atrás</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>salas</translation>
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
        <translation>Lista de deseos</translation>
    </message>
    <message>
        <source>ideas to host</source>
        <translation>ideas para organizar</translation>
    </message>
</context>
<context>
    <name>CardDetailSheet</name>
    <message>
        <source>Session page</source>
        <translation>Página de la sesión</translation>
    </message>
    <message>
        <source>Add to calendar</source>
        <translation>Añadir al calendario</translation>
    </message>
    <message>
        <source>Share it</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>I&apos;m the host</source>
        <translation>Es mi sesión</translation>
    </message>
</context>
<context>
    <name>CardFormActions</name>
    <message>
        <source>Put it on the board</source>
        <translation>Ponerla en el tablero</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Guardar cambios</translation>
    </message>
    <message>
        <source>Tap again to cancel the session</source>
        <translation>Toca otra vez para cancelar la sesión</translation>
    </message>
    <message>
        <source>Cancel this session</source>
        <translation>Cancelar esta sesión</translation>
    </message>
    <message>
        <source>Nothing is saved until you tap the button. After a while without a touch the form clears itself.</source>
        <translation>No se guarda nada hasta que toques el botón. Si nadie toca el formulario durante un rato, se vacía solo.</translation>
    </message>
</context>
<context>
    <name>CardFormFields</name>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>What will you talk about or do?</source>
        <translation>¿De qué vas a hablar o qué vas a hacer?</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
    <message>
        <source>How people will know you</source>
        <translation>Cómo te reconocerá la gente</translation>
    </message>
    <message>
        <source>Social handle</source>
        <translation>Usuario en redes</translation>
    </message>
    <message>
        <source>@you, @you@server.social or you.bsky.social</source>
        <translation>@tú, @tú@server.social o tú.bsky.social</translation>
    </message>
    <message>
        <source>Short description</source>
        <translation>Descripción breve</translation>
    </message>
    <message>
        <source>Who is it for, what to bring</source>
        <translation>Para quién es, qué traer</translation>
    </message>
    <message>
        <source>Preview: your card on the board</source>
        <translation>Vista previa: tu tarjeta en el tablero</translation>
    </message>
</context>
<context>
    <name>CardFormSheet</name>
    <message>
        <source>Edit this Open Space (staff)</source>
        <translation>Editar este Open Space (organización)</translation>
    </message>
    <message>
        <source>Edit your Open Space</source>
        <translation>Editar tu Open Space</translation>
    </message>
    <message>
        <source>Host an Open Space</source>
        <translation>Organiza un Open Space</translation>
    </message>
    <message>
        <source>This slot is free</source>
        <translation>Este hueco está libre</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>No time to choose? Tap Done: your card is kept, and the staff office will find it a slot.</source>
        <translation>¿No tienes tiempo de elegir? Toca «Listo»: tu tarjeta se guarda y la organización le buscará un hueco.</translation>
    </message>
    <message>
        <source>Your session has been cancelled and its slot is free again.</source>
        <translation>Tu sesión se ha cancelado y su hueco vuelve a estar libre.</translation>
    </message>
    <message>
        <source>Throw away what you typed?</source>
        <translation>¿Descartar lo que has escrito?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>CodePad</name>
    <message>
        <source>Enter the edit code you got when you added this card</source>
        <translation>Introduce el código de edición que recibiste al crear esta tarjeta</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>HealthNotice</name>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
</context>
<context>
    <name>IdeaBanner</name>
    <message>
        <source>Tap a free slot to host “%1”</source>
        <translation>Toca un hueco libre para organizar «%1»</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
</context>
<context>
    <name>IdeaFormSheet</name>
    <message>
        <source>Add an idea to the wish list</source>
        <translation>Añade una idea a la lista de deseos</translation>
    </message>
    <message>
        <source>You suggest the topic; someone else may host it</source>
        <translation>Tú propones el tema; puede organizarlo otra persona</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Throw away your idea?</source>
        <translation>¿Descartar tu idea?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>What would you love someone to host?</source>
        <translation>¿Qué te encantaría que alguien organizara?</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Why, who it is for, what it could cover</source>
        <translation>Por qué, para quién, qué podría tratar</translation>
    </message>
    <message>
        <source>Add to the wish list</source>
        <translation>Añadir a la lista de deseos</translation>
    </message>
    <message>
        <source>Nothing is saved until you tap “Add to the wish list”.</source>
        <translation>No se guarda nada hasta que toques «Añadir a la lista de deseos».</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>Still there?</source>
        <translation>¿Sigues ahí?</translation>
    </message>
    <message>
        <source>This form clears itself in %1 seconds, so the next person starts fresh.</source>
        <translation>Este formulario se vaciará en %1 segundos para que la siguiente persona empiece de cero.</translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Sigo aquí</translation>
    </message>
</context>
<context>
    <name>KioskAttract</name>
    <message>
        <source>Thank you!</source>
        <translation>¡Gracias!</translation>
    </message>
    <message>
        <source>Open Spaces start %1 at %2</source>
        <translation>Los Open Spaces empiezan el %1 a las %2</translation>
    </message>
    <message>
        <source>The first session in each room</source>
        <translation>La primera sesión de cada sala</translation>
    </message>
    <message>
        <source>Tomorrow’s first sessions</source>
        <translation>Las primeras sesiones de mañana</translation>
    </message>
    <message>
        <source>%1 · from %2</source>
        <translation>%1 · desde las %2</translation>
    </message>
    <message>
        <source>%1’s first sessions</source>
        <translation>Las primeras sesiones del %1</translation>
    </message>
    <message>
        <source>Open Spaces start at %1</source>
        <translation>Los Open Spaces empiezan a las %1</translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Hoy, %1</translation>
    </message>
    <message>
        <source>%1 · Open Spaces until %2</source>
        <translation>%1 · Open Spaces hasta las %2</translation>
    </message>
    <message>
        <source>Happening now</source>
        <translation>Ahora mismo</translation>
    </message>
    <message>
        <source>Coming up next</source>
        <translation>A continuación</translation>
    </message>
    <message>
        <source>Rooms are free — add yours</source>
        <translation>Hay salas libres: apúntate</translation>
    </message>
    <message>
        <source>for coming to the Open Spaces at %1</source>
        <translation>por venir a los Open Spaces de %1</translation>
    </message>
    <message numerus="yes">
        <source>Open Spaces sessions were held at %1</source>
        <comment>after the count</comment>
        <translation>
            <numerusform>sesión de Open Space se celebró en %1</numerusform>
            <numerusform>sesiones de Open Space se celebraron en %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>quedan %1 min</translation>
    </message>
</context>
<context>
    <name>KioskCardForm</name>
    <message>
        <source>Another kiosk booked this slot a moment before you. Your card is safe, but off the board.</source>
        <translation>Otro terminal reservó este hueco un momento antes que tú. Tu tarjeta está a salvo, pero fuera del tablero.</translation>
    </message>
    <message>
        <source>Your card could not be saved yet: %1</source>
        <translation>Tu tarjeta aún no se ha podido guardar: %1</translation>
    </message>
    <message>
        <source>Someone else has just taken this slot. Your card is safe:</source>
        <translation>Alguien acaba de ocupar este hueco. Tu tarjeta está a salvo:</translation>
    </message>
    <message>
        <source>This room has just been blocked (%1).</source>
        <translation>Esta sala se acaba de bloquear (%1).</translation>
    </message>
    <message>
        <source>Your topic</source>
        <translation>Tu tema</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Tu nombre</translation>
    </message>
</context>
<context>
    <name>KioskClock</name>
    <message>
        <source>rehearsal clock</source>
        <translation>reloj de ensayo</translation>
    </message>
    <message>
        <source>demo clock</source>
        <translation>reloj de demostración</translation>
    </message>
</context>
<context>
    <name>KioskHealth</name>
    <message>
        <source>The board&apos;s database was damaged (its first page is not a SQLite database any more).</source>
        <translation>La base de datos del tablero estaba dañada (su primera página ya no es una base de datos SQLite).</translation>
    </message>
    <message numerus="yes">
        <source>The board&apos;s database was damaged (SQLite&apos;s check says: %1 and %n more problem(s)).</source>
        <translation>
            <numerusform>La base de datos del tablero estaba dañada (la comprobación de SQLite dice: %1 y %n problema más).</numerusform>
            <numerusform>La base de datos del tablero estaba dañada (la comprobación de SQLite dice: %1 y %n problemas más).</numerusform>
        </translation>
    </message>
    <message>
        <source>no details</source>
        <translation>sin detalles</translation>
    </message>
    <message>
        <source>The board&apos;s database was damaged (SQLite&apos;s check says: %1).</source>
        <translation>La base de datos del tablero estaba dañada (la comprobación de SQLite dice: %1).</translation>
    </message>
    <message>
        <source>The board&apos;s database was damaged (%1).</source>
        <translation>La base de datos del tablero estaba dañada (%1).</translation>
    </message>
    <message>
        <source>The board&apos;s database held fewer changes (up to change %1) than its newest backup (%2), as when its write-ahead log (-wal) is lost or damaged.</source>
        <translation>La base de datos del tablero tenía menos cambios (hasta el cambio %1) que su copia de seguridad más reciente (%2), como cuando su registro de escritura anticipada (-wal) se pierde o se daña.</translation>
    </message>
    <message>
        <source>It was moved to %1.</source>
        <translation>Se movió a %1.</translation>
    </message>
    <message numerus="yes">
        <source>The board was restored from the backup made %1 (%n session(s)); cards added after it must be added again.</source>
        <translation>
            <numerusform>El tablero se restauró desde la copia de seguridad del %1 (%n sesión); las tarjetas añadidas después hay que volver a añadirlas.</numerusform>
            <numerusform>El tablero se restauró desde la copia de seguridad del %1 (%n sesiones); las tarjetas añadidas después hay que volver a añadirlas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskIdeaForm</name>
    <message>
        <source>Your idea could not be added yet: %1</source>
        <translation>Tu idea aún no se ha podido añadir: %1</translation>
    </message>
</context>
<context>
    <name>KioskStaff</name>
    <message>
        <source>No staff PIN is set on this kiosk. Set one from a terminal: kiosk set-pin</source>
        <translation>Este terminal no tiene PIN de organización. Configúralo desde una consola: kiosk set-pin</translation>
    </message>
</context>
<context>
    <name>KioskStaffAudit</name>
    <message>
        <source>added a card</source>
        <translation>añadió una tarjeta</translation>
    </message>
    <message>
        <source>changed a card</source>
        <translation>cambió una tarjeta</translation>
    </message>
    <message>
        <source>cancelled a card</source>
        <translation>canceló una tarjeta</translation>
    </message>
    <message>
        <source>gave a displaced card a new slot</source>
        <translation>dio un hueco nuevo a una tarjeta desplazada</translation>
    </message>
    <message>
        <source>typed a wrong edit code</source>
        <translation>escribió un código de edición incorrecto</translation>
    </message>
    <message>
        <source>added an idea</source>
        <translation>añadió una idea</translation>
    </message>
    <message>
        <source>voted for an idea</source>
        <translation>votó por una idea</translation>
    </message>
    <message>
        <source>filled the board with the demo</source>
        <translation>llenó el tablero con la demo</translation>
    </message>
    <message>
        <source>applied the config</source>
        <translation>aplicó la configuración</translation>
    </message>
    <message>
        <source>opened the staff panel</source>
        <translation>abrió el panel de organización</translation>
    </message>
    <message>
        <source>typed a wrong staff PIN</source>
        <translation>escribió un PIN de organización incorrecto</translation>
    </message>
    <message>
        <source>typed too many wrong staff PINs: the pad paused</source>
        <translation>escribió demasiados PIN de organización incorrectos: el teclado se pausó</translation>
    </message>
    <message>
        <source>typed a staff PIN while the pad was paused</source>
        <translation>escribió un PIN de organización con el teclado en pausa</translation>
    </message>
    <message>
        <source>edited a card</source>
        <translation>editó una tarjeta</translation>
    </message>
    <message>
        <source>moved a card</source>
        <translation>movió una tarjeta</translation>
    </message>
    <message>
        <source>restored a card</source>
        <translation>restauró una tarjeta</translation>
    </message>
    <message>
        <source>blocked a room</source>
        <translation>bloqueó una sala</translation>
    </message>
    <message>
        <source>unblocked a room</source>
        <translation>desbloqueó una sala</translation>
    </message>
    <message>
        <source>hid an idea</source>
        <translation>ocultó una idea</translation>
    </message>
    <message>
        <source>merged two ideas</source>
        <translation>fusionó dos ideas</translation>
    </message>
    <message>
        <source>imported sessions</source>
        <translation>importó sesiones</translation>
    </message>
    <message>
        <source>cancelled a displaced card</source>
        <translation>canceló una tarjeta desplazada</translation>
    </message>
    <message>
        <source>kept the board&apos;s version in a conflict</source>
        <translation>se quedó con la versión del tablero en un conflicto</translation>
    </message>
    <message>
        <source>took another kiosk&apos;s version in a conflict</source>
        <translation>tomó la versión de otro terminal en un conflicto</translation>
    </message>
    <message>
        <source>joined the hub</source>
        <translation>se unió al hub</translation>
    </message>
    <message>
        <source>sent changes to the hub</source>
        <translation>envió cambios al hub</translation>
    </message>
    <message>
        <source>received changes from the hub</source>
        <translation>recibió cambios del hub</translation>
    </message>
    <message>
        <source>restored the damaged board from a backup at start</source>
        <translation>restauró el tablero dañado desde una copia de seguridad al arrancar</translation>
    </message>
    <message>
        <source>restored a backup</source>
        <translation>restauró una copia de seguridad</translation>
    </message>
    <message>
        <source>cleared the board</source>
        <translation>vació el tablero</translation>
    </message>
    <message>
        <source>sent the screen back to today&apos;s board</source>
        <translation>devolvió la pantalla al tablero de hoy</translation>
    </message>
    <message>
        <source>made a backup</source>
        <translation>hizo una copia de seguridad</translation>
    </message>
    <message>
        <source>exported the board</source>
        <translation>exportó el tablero</translation>
    </message>
    <message>
        <source>set the rehearsal clock</source>
        <translation>puso el reloj de ensayo</translation>
    </message>
    <message>
        <source>put the clock back to real time</source>
        <translation>volvió a poner el reloj en la hora real</translation>
    </message>
    <message>
        <source>closed the kiosk application</source>
        <translation>cerró la aplicación del quiosco</translation>
    </message>
    <message>
        <source>attendee</source>
        <translation>asistente</translation>
    </message>
    <message>
        <source>host</source>
        <translation>organizador/a</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>organización</translation>
    </message>
    <message>
        <source>system</source>
        <translation>sistema</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n row(s))</source>
        <translation>
            <numerusform>%1 (%n fila)</numerusform>
            <numerusform>%1 (%n filas)</numerusform>
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
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup was made: %1</source>
        <translation>No se hizo ninguna copia de seguridad: %1</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Copia de seguridad en %1.</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>No se restauró nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n session(s) from %1; the board as it was before is kept in %2.</source>
        <translation>
            <numerusform>Se restauró %n sesión desde %1; el tablero tal como estaba se guarda en %2.</numerusform>
            <numerusform>Se restauraron %n sesiones desde %1; el tablero tal como estaba se guarda en %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KioskStaffBlocks</name>
    <message>
        <source>Blocked %1, %2.</source>
        <translation>%1 bloqueada, %2.</translation>
    </message>
    <message>
        <source>No free slot near “%1”: cancel it instead, or move it from Cards.</source>
        <translation>No hay hueco libre cerca de «%1»: cancélala o muévela desde «Tarjetas».</translation>
    </message>
    <message>
        <source>Moved “%1” to %2.</source>
        <translation>«%1» movida a %2.</translation>
    </message>
    <message>
        <source>Cancelled; staff can restore it from Cards.</source>
        <translation>Cancelada; la organización puede restaurarla desde «Tarjetas».</translation>
    </message>
    <message>
        <source>The room is open for Open Spaces again.</source>
        <translation>La sala vuelve a estar abierta para Open Spaces.</translation>
    </message>
</context>
<context>
    <name>KioskStaffCards</name>
    <message>
        <source>Moved “%1” to %2, %3.</source>
        <translation>«%1» movida a %2, %3.</translation>
    </message>
    <message>
        <source>Cancelled. It stays in the list below, and can be restored.</source>
        <translation>Cancelada. Sigue en la lista de abajo y se puede restaurar.</translation>
    </message>
    <message>
        <source>“%1” is back on the board.</source>
        <translation>«%1» vuelve a estar en el tablero.</translation>
    </message>
</context>
<context>
    <name>KioskStaffIdeas</name>
    <message>
        <source>Hidden from the wish list.</source>
        <translation>Oculta en la lista de deseos.</translation>
    </message>
    <message>
        <source>“%1” is folded into “%2”: %3 +1s now.</source>
        <translation>«%1» se ha unido a «%2»: ahora %3 × +1.</translation>
    </message>
</context>
<context>
    <name>KioskStaffImport</name>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entrada</numerusform>
            <numerusform>%n entradas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n fila</numerusform>
            <numerusform>%n filas</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 ready, %3 with problems</source>
        <translation>%1: %2 listas, %3 con problemas</translation>
    </message>
    <message>
        <source>%1: %2 ready</source>
        <translation>%1: %2 listas</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>No se importó nada: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n session(s).</source>
        <translation>
            <numerusform>%n sesión importada.</numerusform>
            <numerusform>%n sesiones importadas.</numerusform>
        </translation>
    </message>
    <message>
        <source>The board changed since the preview; nothing was imported.</source>
        <translation>El tablero cambió desde la vista previa; no se importó nada.</translation>
    </message>
    <message>
        <source>Nothing was imported: fix the file and import it again.</source>
        <translation>No se importó nada: corrige el archivo e impórtalo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s) cannot go on the board.</source>
        <translation>
            <numerusform>%1 de %n fila no puede ir al tablero.</numerusform>
            <numerusform>%1 de %n filas no pueden ir al tablero.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Fila %1: %2</translation>
    </message>
    <message>
        <source>(and %1 more)</source>
        <translation>(y %1 más)</translation>
    </message>
</context>
<context>
    <name>KioskStaffSync</name>
    <message>
        <source>Edited on %1 while another kiosk changed the same card (%2)</source>
        <translation>Editada en %1 mientras otro terminal cambiaba la misma tarjeta (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same block (%2)</source>
        <translation>Editado en %1 mientras otro terminal cambiaba el mismo bloqueo (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same idea (%2)</source>
        <translation>Editada en %1 mientras otro terminal cambiaba la misma idea (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same room (%2)</source>
        <translation>Editada en %1 mientras otro terminal cambiaba la misma sala (%2)</translation>
    </message>
    <message>
        <source>Edited on %1 while another kiosk changed the same row (%2)</source>
        <translation>Editada en %1 mientras otro terminal cambiaba la misma fila (%2)</translation>
    </message>
    <message>
        <source>“%1” needs a new slot: the room was blocked</source>
        <translation>«%1» necesita un hueco nuevo: la sala se bloqueó</translation>
    </message>
    <message>
        <source>A card needs a new slot: the room was blocked</source>
        <translation>Una tarjeta necesita un hueco nuevo: la sala se bloqueó</translation>
    </message>
    <message>
        <source>“%1” needs a new slot: another kiosk booked it first</source>
        <translation>«%1» necesita un hueco nuevo: otro terminal lo reservó antes</translation>
    </message>
    <message>
        <source>A card needs a new slot: another kiosk booked it first</source>
        <translation>Una tarjeta necesita un hueco nuevo: otro terminal lo reservó antes</translation>
    </message>
    <message>
        <source>nothing visible</source>
        <translation>nada visible</translation>
    </message>
    <message>
        <source>The conflicts could not be read: %1</source>
        <translation>No se pudieron leer los conflictos: %1</translation>
    </message>
    <message>
        <source>Wanted %1. Host: %2.</source>
        <translation>Quería %1. Organiza: %2.</translation>
    </message>
    <message>
        <source>No free slot is left near it.</source>
        <translation>No queda ningún hueco libre cerca.</translation>
    </message>
    <message>
        <source>No difference a person would see.</source>
        <translation>Ninguna diferencia visible.</translation>
    </message>
    <message>
        <source>%1 wanted: %2</source>
        <translation>%1 quería: %2</translation>
    </message>
    <message>
        <source>“%1” is on the board again: %2.</source>
        <translation>«%1» vuelve a estar en el tablero: %2.</translation>
    </message>
    <message>
        <source>The card was cancelled; the conflict is resolved.</source>
        <translation>La tarjeta se canceló; el conflicto está resuelto.</translation>
    </message>
    <message>
        <source>The board&apos;s version stays.</source>
        <translation>Se queda la versión del tablero.</translation>
    </message>
    <message>
        <source>The other kiosk&apos;s version is on the board now.</source>
        <translation>Ahora está en el tablero la versión del otro terminal.</translation>
    </message>
</context>
<context>
    <name>KioskStaffTools</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n sesión</numerusform>
            <numerusform>%n sesiones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n block(s)</source>
        <translation>
            <numerusform>%n bloqueo</numerusform>
            <numerusform>%n bloqueos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n idea(s)</source>
        <translation>
            <numerusform>%n idea</numerusform>
            <numerusform>%n ideas</numerusform>
        </translation>
    </message>
    <message>
        <source>OK: %1; integrity_check ok</source>
        <translation>OK: %1; integrity_check correcto</translation>
    </message>
    <message>
        <source>The export did not finish: %1</source>
        <translation>La exportación no terminó: %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n session(s) in every format to %1.</source>
        <translation>
            <numerusform>%n sesión exportada en todos los formatos a %1.</numerusform>
            <numerusform>%n sesiones exportadas en todos los formatos a %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The kiosk runs on a rehearsal clock from %1 %2.</source>
        <translation>El terminal funciona con un reloj de ensayo desde %1 %2.</translation>
    </message>
    <message>
        <source>The kiosk runs on real time again.</source>
        <translation>El terminal vuelve a funcionar en tiempo real.</translation>
    </message>
    <message>
        <source>Type %1 to clear the board.</source>
        <translation>Escribe %1 para vaciar el tablero.</translation>
    </message>
    <message>
        <source>Nothing was cleared: %1</source>
        <translation>No se vació nada: %1</translation>
    </message>
    <message>
        <source>The board is clear. A backup of what was there is in %1.</source>
        <translation>El tablero está vacío. Hay una copia de lo que había en %1.</translation>
    </message>
</context>
<context>
    <name>KioskSync</name>
    <message>
        <source>Synced</source>
        <translation>Sincronizado</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Offline since %1</source>
        <translation>Sin conexión desde las %1</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n conflicto</numerusform>
            <numerusform>%n conflictos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 same</source>
        <comment>rows the hub already had</comment>
        <translation>%1 iguales</translation>
    </message>
    <message>
        <source>%1 replayed</source>
        <comment>rows sent again after a lost answer</comment>
        <translation>%1 repetidos</translation>
    </message>
    <message>
        <source>%1 displaced</source>
        <comment>bookings that lost their slot</comment>
        <translation>%1 desplazadas</translation>
    </message>
    <message>
        <source>%1 refused</source>
        <comment>rows the hub refused</comment>
        <translation>%1 rechazados</translation>
    </message>
    <message>
        <source>%1 still to push</source>
        <comment>changes not yet sent</comment>
        <translation>%1 aún por enviar</translation>
    </message>
    <message numerus="yes">
        <source>%n edit conflict(s)</source>
        <translation>
            <numerusform>%n conflicto de edición</numerusform>
            <numerusform>%n conflictos de edición</numerusform>
        </translation>
    </message>
    <message>
        <source>pushed %1</source>
        <translation>enviados %1</translation>
    </message>
    <message>
        <source>pulled %1</source>
        <translation>recibidos %1</translation>
    </message>
    <message>
        <source>applied %1</source>
        <translation>aplicados %1</translation>
    </message>
</context>
<context>
    <name>KioskTextField</name>
    <message>
        <source>(optional)</source>
        <translation>(opcional)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>KioskWishList</name>
    <message>
        <source>Adopted · %1</source>
        <translation>Adoptada · %1</translation>
    </message>
    <message>
        <source>Thanks! Your +1 for “%1” is counted.</source>
        <translation>¡Gracias! Tu +1 para «%1» ya cuenta.</translation>
    </message>
    <message>
        <source>“%1” is on the wish list. Thank you!</source>
        <translation>«%1» está en la lista de deseos. ¡Gracias!</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Open Spaces</source>
        <translation>%1 — Open Spaces</translation>
    </message>
    <message>
        <source>Tap a free slot to host an Open Space · promote it with %1</source>
        <translation>Toca un hueco libre para organizar un Open Space · promociónalo con %1</translation>
    </message>
    <message>
        <source>Wish for a topic, +1 the ones you&apos;d attend, or host one yourself · %1</source>
        <translation>Pide un tema, dale +1 a los que irías u organiza uno tú · %1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
</context>
<context>
    <name>SavedPanel</name>
    <message>
        <source>You&apos;re on the board!</source>
        <translation>¡Ya estás en el tablero!</translation>
    </message>
    <message>
        <source>The changes are on the board</source>
        <translation>Los cambios están en el tablero</translation>
    </message>
    <message>
        <source>Your session&apos;s page</source>
        <translation>La página de tu sesión</translation>
    </message>
    <message>
        <source>Your edit code</source>
        <translation>Tu código de edición</translation>
    </message>
    <message>
        <source>Write it down or take a photo: it is shown only this once. Tap your card and &quot;I&apos;m the host&quot; to change or cancel your session with it.</source>
        <translation>Apúntalo o hazle una foto: solo se muestra esta vez. Toca tu tarjeta y «Es mi sesión» para cambiar o cancelar tu sesión con él.</translation>
    </message>
    <message>
        <source>Spread the word: post about your session with %1 so people find it.</source>
        <translation>Corre la voz: publica sobre tu sesión con %1 para que la gente la encuentre.</translation>
    </message>
    <message>
        <source>Done — back to the board</source>
        <translation>Listo: volver al tablero</translation>
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
        <translation>No disponible</translation>
    </message>
</context>
<context>
    <name>SlotConflict</name>
    <message>
        <source>Tap a free slot to put your card there:</source>
        <translation>Toca un hueco libre para poner ahí tu tarjeta:</translation>
    </message>
    <message>
        <source>Every slot is taken; please ask the staff office.</source>
        <translation>Todos los huecos están ocupados; pregunta a la organización.</translation>
    </message>
</context>
<context>
    <name>StaffAuditPage</name>
    <message>
        <source>About “%1”</source>
        <translation>Sobre «%1»</translation>
    </message>
    <message>
        <source>Everything, newest first</source>
        <translation>Todo, lo más reciente primero</translation>
    </message>
    <message>
        <source>Show everything</source>
        <translation>Mostrar todo</translation>
    </message>
</context>
<context>
    <name>StaffBackupsPage</name>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia ahora</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Replace the board with this</source>
        <translation>Sustituir el tablero por esta</translation>
    </message>
</context>
<context>
    <name>StaffBlocksPage</name>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Block this room…</source>
        <translation>Bloquear esta sala…</translation>
    </message>
    <message>
        <source>Move it</source>
        <translation>Moverla</translation>
    </message>
    <message>
        <source>Cancel it</source>
        <translation>Cancelarla</translation>
    </message>
    <message>
        <source>The room is blocked</source>
        <translation>La sala está bloqueada</translation>
    </message>
    <message>
        <source>Blocked now</source>
        <translation>Bloqueadas ahora</translation>
    </message>
    <message>
        <source>(from the config file)</source>
        <translation>(del archivo de configuración)</translation>
    </message>
    <message>
        <source>Unblock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>What is the room used for?</source>
        <translation>¿Para qué se usa la sala?</translation>
    </message>
    <message>
        <source>Block it</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <source>Shown on the board, e.g. Sponsor workshop</source>
        <translation>Se muestra en el tablero, p. ej. Taller de patrocinadores</translation>
    </message>
</context>
<context>
    <name>StaffCardsPage</name>
    <message>
        <source>Move %1 to:</source>
        <translation>Mover %1 a:</translation>
    </message>
    <message>
        <source>Never mind</source>
        <translation>Da igual</translation>
    </message>
    <message>
        <source>Cancelled · </source>
        <translation>Cancelada · </translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Why is “%1” cancelled?</source>
        <translation>¿Por qué se cancela «%1»?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation>Cancelar la sesión</translation>
    </message>
    <message>
        <source>Shown in the audit log, e.g. double booking, host ill</source>
        <translation>Se muestra en el registro, p. ej. reserva doble, quien organiza está enfermo</translation>
    </message>
</context>
<context>
    <name>StaffIdeasPage</name>
    <message>
        <source>Tap the idea that “%1” duplicates.</source>
        <translation>Toca la idea que «%1» repite.</translation>
    </message>
    <message>
        <source>%1 × +1</source>
        <translation>%1 × +1</translation>
    </message>
    <message>
        <source>Duplicate of…</source>
        <translation>Repetida de…</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Quedarse con esta</translation>
    </message>
    <message>
        <source>Never mind</source>
        <translation>Da igual</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>StaffImportPage</name>
    <message>
        <source>CSV with the columns of the CSV export (Day, Start, Room, Topic, Host; End, Handle, Description, Tags, URL optional), or JSON like it, from a USB stick or the kiosk&apos;s imports folder.</source>
        <translation>CSV con las columnas de la exportación CSV (Day, Start, Room, Topic, Host; End, Handle, Description, Tags, URL opcionales), o JSON equivalente, desde una memoria USB o la carpeta de importación del terminal.</translation>
    </message>
    <message>
        <source>No CSV or JSON file found. Plug in a USB stick, then come back to this page.</source>
        <translation>No se encontró ningún archivo CSV o JSON. Conecta una memoria USB y vuelve a esta página.</translation>
    </message>
    <message>
        <source>Import all of them</source>
        <translation>Importarlas todas</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>fila %1</translation>
    </message>
</context>
<context>
    <name>StaffPanel</name>
    <message>
        <source>Staff</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>Rehearsal clock: %1</source>
        <translation>Reloj de ensayo: %1</translation>
    </message>
    <message>
        <source>Lock and close</source>
        <translation>Bloquear y cerrar</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN de organización</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Tarjetas</translation>
    </message>
    <message>
        <source>Blocked rooms</source>
        <translation>Salas bloqueadas</translation>
    </message>
    <message>
        <source>Wish list</source>
        <translation>Lista de deseos</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Sync (%1)</source>
        <translation>Sincronización (%1)</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Herramientas</translation>
    </message>
</context>
<context>
    <name>StaffSyncPage</name>
    <message>
        <source>Hub: %1 — %2</source>
        <translation>Hub: %1 — %2</translation>
    </message>
    <message>
        <source>No hub is configured: this kiosk runs alone. Add a [hub] section to its config to sync.</source>
        <translation>No hay ningún hub configurado: este terminal funciona solo. Añade una sección [hub] a su configuración para sincronizar.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting for the hub</source>
        <translation>
            <numerusform>%n cambio esperando al hub</numerusform>
            <numerusform>%n cambios esperando al hub</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing waiting for the hub</source>
        <translation>Nada esperando al hub</translation>
    </message>
    <message>
        <source>To settle (%1)</source>
        <translation>Por resolver (%1)</translation>
    </message>
    <message>
        <source>Nothing to settle</source>
        <translation>Nada por resolver</translation>
    </message>
    <message>
        <source>Cancel the card…</source>
        <translation>Cancelar la tarjeta…</translation>
    </message>
    <message>
        <source>Keep the board&apos;s version</source>
        <translation>Quedarse con la versión del tablero</translation>
    </message>
    <message>
        <source>Use the other version</source>
        <translation>Usar la otra versión</translation>
    </message>
    <message>
        <source>Cancel the card</source>
        <translation>Cancelar la tarjeta</translation>
    </message>
    <message>
        <source>Shown in the audit log, e.g. host could not move</source>
        <translation>Se muestra en el registro, p. ej. no se pudo cambiar de hueco</translation>
    </message>
</context>
<context>
    <name>StaffToolsPage</name>
    <message>
        <source>Export everything to…</source>
        <translation>Exportar todo a…</translation>
    </message>
    <message>
        <source>Check the board</source>
        <translation>Comprobar el tablero</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Comprobar ahora</translation>
    </message>
    <message>
        <source>Rehearsal clock</source>
        <translation>Reloj de ensayo</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Back to real time</source>
        <translation>Volver al tiempo real</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Back to today&apos;s board</source>
        <translation>Volver al tablero de hoy</translation>
    </message>
    <message>
        <source>Clear the board for a new event…</source>
        <translation>Vaciar el tablero para un nuevo evento…</translation>
    </message>
    <message>
        <source>Every card, idea and staff block goes (a backup is made first; the config stays). Type %1 to confirm.</source>
        <translation>Se borran todas las tarjetas, ideas y bloqueos de la organización (antes se hace una copia; la configuración se queda). Escribe %1 para confirmar.</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmación</translation>
    </message>
    <message>
        <source>Clear the board</source>
        <translation>Vaciar el tablero</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Exit the kiosk application</source>
        <translation>Cerrar la aplicación del terminal</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>(up to %1)</source>
        <translation>(hasta %1)</translation>
    </message>
</context>
<context>
    <name>WishListPage</name>
    <message>
        <source>Wish list — topics people would love someone to host</source>
        <translation>Lista de deseos: temas que a la gente le encantaría que alguien organizara</translation>
    </message>
    <message>
        <source>Tap “+1, I&apos;d come” for the ones you would join. Fancy leading one? Tap “Host this” and pick a free slot.</source>
        <translation>Toca «+1, yo iría» en los que te apuntarías. ¿Te animas a llevar uno? Toca «Lo organizo» y elige un hueco libre.</translation>
    </message>
    <message>
        <source>+ Add an idea</source>
        <translation>+ Añadir una idea</translation>
    </message>
    <message>
        <source>No wishes yet. Is there a topic you would love someone to host? Tap “Add an idea”.</source>
        <translation>Aún no hay deseos. ¿Hay algún tema que te encantaría que alguien organizara? Toca «Añadir una idea».</translation>
    </message>
    <message>
        <source>+1, I&apos;d come</source>
        <translation>+1, yo iría</translation>
    </message>
    <message>
        <source>Host this</source>
        <translation>Lo organizo</translation>
    </message>
    <message>
        <source>Adopted</source>
        <translation>Adoptada</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>ddd d MMM</source>
        <comment>a day tab: Fri 21 Apr (Qt date format)</comment>
        <translation>ddd d MMM</translation>
    </message>
    <message>
        <source>dddd d MMMM</source>
        <comment>a day in full: Friday 21 April (Qt date format)</comment>
        <translation>dddd, d &apos;de&apos; MMMM</translation>
    </message>
    <message>
        <source>dddd</source>
        <comment>a weekday alone: Friday (Qt date format)</comment>
        <translation>dddd</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <comment>a date without its weekday: 21 April (Qt date format)</comment>
        <translation>d &apos;de&apos; MMMM</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>Topic</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Organiza</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>Votos</translation>
    </message>
    <message>
        <source>Hidden</source>
        <translation>Oculta</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>Give your session a topic (at least %1 characters).</source>
        <translation>Ponle un tema a tu sesión (al menos %1 caracteres).</translation>
    </message>
    <message>
        <source>Give the idea a topic (at least %1 characters).</source>
        <translation>Ponle un tema a la idea (al menos %1 caracteres).</translation>
    </message>
    <message>
        <source>Keep the topic to %1 characters — %2 too many.</source>
        <translation>El tema puede tener como mucho %1 caracteres: sobran %2.</translation>
    </message>
    <message>
        <source>Keep the description to %1 characters — %2 too many.</source>
        <translation>La descripción puede tener como mucho %1 caracteres: sobran %2.</translation>
    </message>
    <message>
        <source>Keep the name to %1 characters — %2 too many.</source>
        <translation>El nombre puede tener como mucho %1 caracteres: sobran %2.</translation>
    </message>
    <message>
        <source>Keep the note to %1 characters — %2 too many.</source>
        <translation>La nota puede tener como mucho %1 caracteres: sobran %2.</translation>
    </message>
    <message>
        <source>Keep the reason to %1 characters — %2 too many.</source>
        <translation>El motivo puede tener como mucho %1 caracteres: sobran %2.</translation>
    </message>
    <message>
        <source>Who is hosting? Add your name.</source>
        <translation>¿Quién organiza? Añade tu nombre.</translation>
    </message>
    <message>
        <source>Pick up to %1 tags.</source>
        <translation>Elige hasta %1 etiquetas.</translation>
    </message>
    <message>
        <source>“%1” is not one of this event&apos;s tags.</source>
        <translation>«%1» no es una de las etiquetas de este evento.</translation>
    </message>
    <message>
        <source>Pick each tag only once.</source>
        <translation>Elige cada etiqueta una sola vez.</translation>
    </message>
    <message>
        <source>Give a reason.</source>
        <translation>Indica un motivo.</translation>
    </message>
    <message>
        <source>No handle given. %H</source>
        <translation>No has indicado ningún usuario. %H</translation>
    </message>
    <message>
        <source>That looks like an email address, which would be shown to everyone. %H</source>
        <translation>Parece una dirección de correo, y la vería todo el mundo. %H</translation>
    </message>
    <message>
        <source>X names have at most 15 characters. %H</source>
        <translation>Los nombres de X tienen como mucho 15 caracteres. %H</translation>
    </message>
    <message>
        <source>That handle doesn&apos;t look right. %H</source>
        <translation>Ese usuario no parece correcto. %H</translation>
    </message>
    <message>
        <source>Someone else has just taken this slot. Please pick another one.</source>
        <translation>Alguien acaba de ocupar este hueco. Elige otro, por favor.</translation>
    </message>
    <message>
        <source>This room is not available for Open Spaces at that time (%1).</source>
        <translation>Esta sala no está disponible para Open Spaces a esa hora (%1).</translation>
    </message>
    <message>
        <source>This slot is already over. Please pick a later one.</source>
        <translation>Este hueco ya ha pasado. Elige uno más tarde, por favor.</translation>
    </message>
    <message>
        <source>This session is no longer on the board.</source>
        <translation>Esta sesión ya no está en el tablero.</translation>
    </message>
    <message>
        <source>This idea is no longer on the wish list.</source>
        <translation>Esta idea ya no está en la lista de deseos.</translation>
    </message>
    <message>
        <source>That time is not one of the board&apos;s session slots.</source>
        <translation>Esa hora no es uno de los huecos del tablero.</translation>
    </message>
    <message>
        <source>There is no room &apos;%1&apos; on this board.</source>
        <translation>No hay ninguna sala «%1» en este tablero.</translation>
    </message>
    <message>
        <source>Lots of cards were just added at this kiosk. Please wait a minute and try again.</source>
        <translation>Se acaban de añadir muchas tarjetas en este terminal. Espera un minuto y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Lots of ideas were just added at this kiosk. Please wait a minute and try again.</source>
        <translation>Se acaban de añadir muchas ideas en este terminal. Espera un minuto y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Lots of votes were just made at this kiosk. Please wait a minute and vote again.</source>
        <translation>Se acaba de votar mucho en este terminal. Espera un minuto y vuelve a votar.</translation>
    </message>
    <message>
        <source>Your vote for this idea is counted. Let someone else vote too!</source>
        <translation>Tu voto para esta idea ya cuenta. ¡Deja votar a los demás!</translation>
    </message>
    <message>
        <source>%1 already hosts %2 sessions on %3, the most one person can put up in a day.</source>
        <translation>%1 ya organiza %2 sesiones el %3, lo máximo que una persona puede proponer en un día.</translation>
    </message>
    <message>
        <source>Many wrong edit codes were just tried at this kiosk. Please wait a minute and try again, or ask at the staff office.</source>
        <translation>Se acaban de probar muchos códigos erróneos en este terminal. Espera un minuto y vuelve a intentarlo, o pregunta a la organización.</translation>
    </message>
    <message>
        <source>That is not this card&apos;s edit code. 1 more try before host actions pause for a while.</source>
        <translation>Ese no es el código de edición de esta tarjeta. Te queda 1 intento antes de que la edición se bloquee un rato.</translation>
    </message>
    <message>
        <source>That is not this card&apos;s edit code. %1 more tries before host actions pause for a while.</source>
        <translation>Ese no es el código de edición de esta tarjeta. Te quedan %1 intentos antes de que la edición se bloquee un rato.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Editing and cancelling this card are paused for %1 seconds.</source>
        <translation>Demasiados códigos erróneos. Editar y cancelar esta tarjeta queda bloqueado durante %1 segundos.</translation>
    </message>
    <message>
        <source>The board&apos;s database at %1 cannot be used: %2</source>
        <translation>No se puede usar la base de datos del tablero en %1: %2</translation>
    </message>
    <message>
        <source>1 session sits in that time: move or cancel it first.</source>
        <translation>Hay 1 sesión en ese horario: muévela o cancélala primero.</translation>
    </message>
    <message>
        <source>%1 sessions sit in that time: move or cancel them first.</source>
        <translation>Hay %1 sesiones en ese horario: muévelas o cancélalas primero.</translation>
    </message>
    <message>
        <source>There is no such block on this board.</source>
        <translation>Ese bloqueo no existe en este tablero.</translation>
    </message>
    <message>
        <source>This block comes from the event&apos;s config file: change the file to remove it.</source>
        <translation>Este bloqueo viene del archivo de configuración del evento: cambia el archivo para quitarlo.</translation>
    </message>
    <message>
        <source>That overlaps a block already there (%1).</source>
        <translation>Se solapa con un bloqueo que ya existe (%1).</translation>
    </message>
    <message>
        <source>The end must be later than the start.</source>
        <translation>El final debe ser posterior al inicio.</translation>
    </message>
    <message>
        <source>%1 is not one of the event&apos;s days.</source>
        <translation>%1 no es uno de los días del evento.</translation>
    </message>
    <message>
        <source>Open Spaces run from %1 to %2; keep the block within them.</source>
        <translation>Los Open Spaces van de %1 a %2; el bloqueo debe quedar dentro.</translation>
    </message>
    <message>
        <source>No staff PIN is set on this kiosk. Set one from a terminal with: kiosk set-pin</source>
        <translation>Este terminal no tiene PIN de organización. Configúralo desde una consola con: kiosk set-pin</translation>
    </message>
    <message>
        <source>A staff PIN is made of digits only.</source>
        <translation>Un PIN de organización solo tiene cifras.</translation>
    </message>
    <message>
        <source>A staff PIN has %1 to %2 digits.</source>
        <translation>Un PIN de organización tiene de %1 a %2 cifras.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The pad is paused for 1 minute.</source>
        <translation>Demasiados PIN erróneos. El teclado queda bloqueado 1 minuto.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The pad is paused for %1 minutes.</source>
        <translation>Demasiados PIN erróneos. El teclado queda bloqueado %1 minutos.</translation>
    </message>
    <message>
        <source>That is not the staff PIN. 1 more try.</source>
        <translation>Ese no es el PIN de organización. Te queda 1 intento.</translation>
    </message>
    <message>
        <source>That is not the staff PIN. %1 more tries.</source>
        <translation>Ese no es el PIN de organización. Te quedan %1 intentos.</translation>
    </message>
    <message>
        <source>This conflict was resolved already, perhaps on another kiosk.</source>
        <translation>Este conflicto ya se resolvió, quizá en otro terminal.</translation>
    </message>
    <message>
        <source>This card has a slot again already, perhaps placed on another kiosk.</source>
        <translation>Esta tarjeta ya vuelve a tener hueco, quizá desde otro terminal.</translation>
    </message>
    <message>
        <source>This card has a slot again already.</source>
        <translation>Esta tarjeta ya vuelve a tener hueco.</translation>
    </message>
    <message>
        <source>The row this conflict is about is not on this kiosk yet; sync and try again.</source>
        <translation>El registro de este conflicto aún no está en este terminal; sincroniza y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The room of that version is gone from the board.</source>
        <translation>La sala de esa versión ya no está en el tablero.</translation>
    </message>
    <message>
        <source>sync has stopped</source>
        <translation>la sincronización se detuvo</translation>
    </message>
    <message>
        <source>the hub did not answer within %1 s</source>
        <translation>el hub no respondió en %1 s</translation>
    </message>
    <message>
        <source>the hub refused the login (%1)</source>
        <translation>el hub rechazó el inicio de sesión (%1)</translation>
    </message>
    <message>
        <source>sync failed: %1</source>
        <translation>la sincronización falló: %1</translation>
    </message>
    <message>
        <source>%1: cannot read the hub password: %2</source>
        <translation>%1: no se puede leer la contraseña del hub: %2</translation>
    </message>
    <message>
        <source>%1: the hub password file is empty</source>
        <translation>%1: el archivo de la contraseña del hub está vacío</translation>
    </message>
    <message>
        <source>%1: the hub password file can be read by other users (mode %2); run: chmod 600 %3</source>
        <translation>%1: otros usuarios pueden leer el archivo de la contraseña del hub (modo %2); ejecuta: chmod 600 %3</translation>
    </message>
    <message>
        <source>The file %1 cannot be read: %2.</source>
        <translation>No se puede leer el archivo %1: %2.</translation>
    </message>
    <message>
        <source>%1 has no sessions in it.</source>
        <translation>%1 no contiene sesiones.</translation>
    </message>
    <message>
        <source>The file starts like UTF-16 text but is not; save it as UTF-8.</source>
        <translation>El archivo empieza como texto UTF-16 pero no lo es; guárdalo como UTF-8.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (line %1, byte %2: %3); save it as UTF-8 (“CSV UTF-8” in Excel) and import it again.</source>
        <translation>El archivo no es texto UTF-8 (línea %1, byte %2: %3); guárdalo como UTF-8 («CSV UTF-8» en Excel) e impórtalo de nuevo.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB, the most an import file may be (%2 sessions at most). Is it the right file?</source>
        <translation>El archivo ocupa más de %1 MB, el máximo para un archivo de importación (%2 sesiones como mucho). ¿Es el archivo correcto?</translation>
    </message>
    <message>
        <source>The file has more than %1 sessions; a board has at most a few thousand slots. Is it the right file?</source>
        <translation>El archivo tiene más de %1 sesiones; un tablero tiene como mucho unos miles de huecos. ¿Es el archivo correcto?</translation>
    </message>
    <message>
        <source>The file cannot be read as CSV near line %1: %2.</source>
        <translation>El archivo no se puede leer como CSV cerca de la línea %1: %2.</translation>
    </message>
    <message>
        <source>The first row must name the columns (%1); this file&apos;s first row names none of Day, Start, Room, Topic and Host.</source>
        <translation>La primera fila debe nombrar las columnas (%1); la primera fila de este archivo no nombra ninguna de Day, Start, Room, Topic y Host.</translation>
    </message>
    <message>
        <source>The file has no %1 column; every import needs Day, Start, Room, Topic and Host.</source>
        <translation>Al archivo le falta la columna %1; toda importación necesita Day, Start, Room, Topic y Host.</translation>
    </message>
    <message>
        <source>The column %1 appears more than once; keep one.</source>
        <translation>La columna %1 aparece más de una vez; deja solo una.</translation>
    </message>
    <message>
        <source>The JSON in the file is nested too deeply to be a list of sessions.</source>
        <translation>El JSON del archivo está demasiado anidado para ser una lista de sesiones.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line %1, column %2: %3).</source>
        <translation>El archivo no es JSON válido (línea %1, columna %2: %3).</translation>
    </message>
    <message>
        <source>The file is not usable JSON: %1.</source>
        <translation>El archivo no es JSON utilizable: %1.</translation>
    </message>
    <message>
        <source>The JSON must be a list of sessions, an object with a &quot;sessions&quot; list, or the board&apos;s schedule.json.</source>
        <translation>El JSON debe ser una lista de sesiones, un objeto con una lista «sessions» o el schedule.json del tablero.</translation>
    </message>
    <message>
        <source>It has %1 cells but the header has %2: a value with the delimiter in it needs quotes.</source>
        <translation>Tiene %1 celdas pero la cabecera tiene %2: un valor que contiene el separador necesita comillas.</translation>
    </message>
    <message>
        <source>It is not an object with session fields.</source>
        <translation>No es un objeto con campos de sesión.</translation>
    </message>
    <message>
        <source>%1: the value should be text.</source>
        <translation>%1: el valor debería ser texto.</translation>
    </message>
    <message>
        <source>Day: %1 is not a day of this board (%2).</source>
        <translation>Day: %1 no es un día de este tablero (%2).</translation>
    </message>
    <message>
        <source>Day: “%1” is not a date; write it as %2.</source>
        <translation>Day: «%1» no es una fecha; escríbela como %2.</translation>
    </message>
    <message>
        <source>Day: missing.</source>
        <translation>Day: falta.</translation>
    </message>
    <message>
        <source>Start: “%1” is not a time; write it as 10:00.</source>
        <translation>Start: «%1» no es una hora; escríbela como 10:00.</translation>
    </message>
    <message>
        <source>Start: missing.</source>
        <translation>Start: falta.</translation>
    </message>
    <message>
        <source>Start: %1 is outside the board&apos;s hours (%2).</source>
        <translation>Start: %1 está fuera del horario del tablero (%2).</translation>
    </message>
    <message>
        <source>Start: %1 is not the start of a slot; slots start every %2 minutes from %3.</source>
        <translation>Start: %1 no es el inicio de un hueco; los huecos empiezan cada %2 minutos desde las %3.</translation>
    </message>
    <message>
        <source>End: “%1” is not a time; leave it empty or write %2.</source>
        <translation>End: «%1» no es una hora; déjalo vacío o escribe %2.</translation>
    </message>
    <message>
        <source>End: %1 does not fit; sessions are %2 minutes, so this one ends at %3.</source>
        <translation>End: %1 no encaja; las sesiones duran %2 minutos, así que esta termina a las %3.</translation>
    </message>
    <message>
        <source>Room: missing.</source>
        <translation>Room: falta.</translation>
    </message>
    <message>
        <source>Room: more than one room is called “%1”; write the room&apos;s key.</source>
        <translation>Room: hay más de una sala llamada «%1»; escribe la clave de la sala.</translation>
    </message>
    <message>
        <source>Room: there is no room “%1” on this board; did you mean %2?</source>
        <translation>Room: no hay ninguna sala «%1» en este tablero; ¿querías decir %2?</translation>
    </message>
    <message>
        <source>Room: there is no room “%1” on this board.</source>
        <translation>Room: no hay ninguna sala «%1» en este tablero.</translation>
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
        <translation>Mismo hueco que la fila %1.</translation>
    </message>
    <message>
        <source>Same slot as entry %1.</source>
        <translation>Mismo hueco que la entrada %1.</translation>
    </message>
    <message>
        <source>This session is already on the board (%1).</source>
        <translation>Esta sesión ya está en el tablero (%1).</translation>
    </message>
    <message>
        <source>%1 is blocked (%2).</source>
        <translation>%1 está bloqueado (%2).</translation>
    </message>
    <message>
        <source>%1 is taken by “%2”.</source>
        <translation>%1 está ocupado por «%2».</translation>
    </message>
    <message>
        <source>Its room is no longer on the board.</source>
        <translation>Su sala ya no está en el tablero.</translation>
    </message>
    <message>
        <source>There is nothing to import.</source>
        <translation>No hay nada que importar.</translation>
    </message>
    <message>
        <source>A slot in the file was taken while importing; nothing was imported.</source>
        <translation>Un hueco del archivo se ocupó durante la importación; no se importó nada.</translation>
    </message>
    <message>
        <source>%1 shares its room and hour with %2.</source>
        <translation>%1 comparte sala y hora con %2.</translation>
    </message>
    <message>
        <source>%1 sits in a blocked slot (%2, %3 to %4).</source>
        <translation>%1 está en un hueco bloqueado (%2, de %3 a %4).</translation>
    </message>
    <message>
        <source>%1 is in a room that is not in the database.</source>
        <translation>%1 está en una sala que no está en la base de datos.</translation>
    </message>
    <message>
        <source>%1 is in room &apos;%2&apos;, which was taken off the board.</source>
        <translation>%1 está en la sala &apos;%2&apos;, que se quitó del tablero.</translation>
    </message>
    <message>
        <source>%1 is in room &apos;%2&apos;, which the event&apos;s config does not have.</source>
        <translation>%1 está en la sala &apos;%2&apos;, que la configuración del evento no tiene.</translation>
    </message>
    <message>
        <source>%1 is on a day that is not one of the event&apos;s days.</source>
        <translation>%1 está en un día que no es de los del evento.</translation>
    </message>
    <message>
        <source>%1 does not start at one of the event&apos;s slot times.</source>
        <translation>%1 no empieza a una de las horas de los huecos del evento.</translation>
    </message>
    <message>
        <source>%1 ends at %2 instead of %3.</source>
        <translation>%1 termina a las %2 en lugar de a las %3.</translation>
    </message>
    <message>
        <source>The idea &apos;%1&apos; is adopted by a session that does not exist.</source>
        <translation>La idea &apos;%1&apos; la adoptó una sesión que no existe.</translation>
    </message>
    <message>
        <source>The idea &apos;%1&apos; is adopted by %2, which was cancelled.</source>
        <translation>La idea &apos;%1&apos; la adoptó %2, que se canceló.</translation>
    </message>
    <message>
        <source>The board&apos;s rows could not be read: %1</source>
        <translation>No se pudieron leer las filas del tablero: %1</translation>
    </message>
    <message>
        <source>integrity_check: could not run (%1)</source>
        <translation>integrity_check: no se pudo ejecutar (%1)</translation>
    </message>
    <message>
        <source>The backup %1 %2.</source>
        <translation>La copia de seguridad %1 %2.</translation>
    </message>
    <message>
        <source>%1 at %2 on %3</source>
        <translation>%1 a las %2 del %3</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2, %3)</source>
        <translation>&apos;%1&apos; (%2, %3)</translation>
    </message>
    <message>
        <source>a room missing from the database</source>
        <translation>una sala que falta en la base de datos</translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation>no existe</translation>
    </message>
    <message>
        <source>is not a file</source>
        <translation>no es un archivo</translation>
    </message>
    <message>
        <source>is empty (0 bytes)</source>
        <translation>está vacía (0 bytes)</translation>
    </message>
    <message>
        <source>cannot be read (%1)</source>
        <translation>no se puede leer (%1)</translation>
    </message>
    <message>
        <source>is not a SQLite database</source>
        <translation>no es una base de datos SQLite</translation>
    </message>
    <message>
        <source>is a SQLite database but not a kiosk board</source>
        <translation>es una base de datos SQLite pero no un tablero del terminal</translation>
    </message>
    <message>
        <source>is a SQLite database but not a kiosk board (it has no schema revision)</source>
        <translation>es una base de datos SQLite pero no un tablero del terminal (no tiene revisión de esquema)</translation>
    </message>
    <message>
        <source>was written by a newer version of the kiosk software (schema revision %1); restore it with that version</source>
        <translation>la escribió una versión más nueva del software del terminal (revisión de esquema %1); restáurala con esa versión</translation>
    </message>
    <message>
        <source>is damaged (SQLite&apos;s check says: %1)</source>
        <translation>está dañada (la comprobación de SQLite dice: %1)</translation>
    </message>
    <message>
        <source>is damaged or cannot be read (%1)</source>
        <translation>está dañada o no se puede leer (%1)</translation>
    </message>
    <message>
        <source>is the live board itself</source>
        <translation>es el propio tablero en uso</translation>
    </message>
    <message>
        <source>could not be copied (%1)</source>
        <translation>no se pudo copiar (%1)</translation>
    </message>
    <message>
        <source>cannot be brought up to this version&apos;s schema: %1</source>
        <translation>no se puede actualizar al esquema de esta versión: %1</translation>
    </message>
    <message>
        <source>is damaged after upgrading (SQLite&apos;s check says: %1)</source>
        <translation>está dañada tras la actualización (la comprobación de SQLite dice: %1)</translation>
    </message>
    <message>
        <source>holds no board</source>
        <translation>no contiene ningún tablero</translation>
    </message>
    <message>
        <source>Use @name (X), @name@server.social (Mastodon) or name.bsky.social (Bluesky).</source>
        <translation>Usa @nombre (X), @nombre@server.social (Mastodon) o nombre.bsky.social (Bluesky).</translation>
    </message>
</context>
</TS>
