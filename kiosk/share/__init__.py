"""Getting sessions off the wall: QR payloads, calendar files, schedule.xml/json, CSV, .xlsx and the public static site.

Import from the submodules (`kiosk.share.export.export`, `kiosk.share.qr.qr_matrix`, ...); re-exporting here would let
the `export` function shadow the `export` module.
"""
