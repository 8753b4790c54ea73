"""The sessions as an .xlsx workbook in which every cell is typed text, so nothing in it can ever be evaluated.

A CSV has to defuse formulas with a visible `'`; here each cell is an inline string (`t="inlineStr"`) with the
text number format, so `=HYPERLINK(...)` stays text and `@dvolkov` shows as `@dvolkov` in Excel, LibreOffice and
Google Sheets. Written with the standard library: the smallest SpreadsheetML package those apps open (content types,
relationships, a workbook with one sheet, a stylesheet for the bold header and the text format).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence

from kiosk.domain import Card, Event
from kiosk.share.table import HEADER, table_rows

SHEET_NAME = "Sessions"
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# A fixed timestamp: an unchanged board exports to the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
# Cell styles (indexes into cellXfs below): text format for data, text format in bold for the header.
_TEXT_STYLE, _HEADER_STYLE = 1, 2
# Excel's widest column is 255 characters; wider than about 60 is unreadable on screen anyway.
_MAX_WIDTH = 60
# Characters XML 1.0 cannot hold, even as references; OOXML writes them as _xHHHH_ (ECMA-376 ST_Xstring).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Text that already looks like such an escape has its underscore escaped, or Excel would decode it.
_LOOKS_ESCAPED = re.compile("_(?=x[0-9A-Fa-f]{4}_)")

_CONTENT_TYPES = f"""{_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
<Default Extension="xml" ContentType="application/xml"/>\
<Override PartName="/xl/workbook.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
<Override PartName="/xl/worksheets/sheet1.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
<Override PartName="/xl/styles.xml" \
ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
</Types>"""

_PACKAGE_RELS = f"""{_DECLARATION}<Relationships xmlns="{_PACKAGE_REL}">\
<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>\
</Relationships>"""

_WORKBOOK = f"""{_DECLARATION}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">\
<bookViews><workbookView/></bookViews>\
<sheets><sheet name="{SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets>\
</workbook>"""

_WORKBOOK_RELS = f"""{_DECLARATION}<Relationships xmlns="{_PACKAGE_REL}">\
<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>\
<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>\
</Relationships>"""

# numFmtId 49 is the built-in text format "@": a cell someone edits later stays text too.
_STYLES = f"""{_DECLARATION}<styleSheet xmlns="{_MAIN}">\
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
<fills count="2"><fill><patternFill patternType="none"/></fill>\
<fill><patternFill patternType="gray125"/></fill></fills>\
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>\
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
</styleSheet>"""


def _column(index: int) -> str:
    """Spreadsheet column letters for a 0-based index: A … Z, AA …"""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _text(value: str) -> str:
    """Cell text as XML character data that every reader turns back into exactly `value`."""
    value = _LOOKS_ESCAPED.sub("_x005F_", value)
    value = _NOT_XML.sub(lambda match: f"_x{ord(match.group()):04X}_", value)
    # A literal CR would come back as LF (XML normalises line ends), so it goes in as a character reference.
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def _cell(reference: str, value: str, style: int) -> str:
    return f'<c r="{reference}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>'


def _widths(rows: Sequence[Sequence[str]]) -> str:
    columns = []
    for index in range(len(HEADER)):
        longest = max(max((len(line) for line in row[index].splitlines()), default=0) for row in rows)
        width = min(longest + 2, _MAX_WIDTH)
        columns.append(f'<col min="{index + 1}" max="{index + 1}" width="{width}" customWidth="1"/>')
    return f"<cols>{''.join(columns)}</cols>"


def _sheet(rows: Sequence[Sequence[str]]) -> str:
    lines = []
    for number, row in enumerate(rows, start=1):
        style = _HEADER_STYLE if number == 1 else _TEXT_STYLE
        cells = "".join(_cell(f"{_column(i)}{number}", value, style) for i, value in enumerate(row))
        lines.append(f'<row r="{number}">{cells}</row>')
    last = f"{_column(len(HEADER) - 1)}{len(rows)}"
    # The header row stays in view while scrolling.
    view = '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
    return (
        f'{_DECLARATION}<worksheet xmlns="{_MAIN}"><dimension ref="A1:{last}"/>'
        f'<sheetViews><sheetView workbookViewId="0">{view}</sheetView></sheetViews>'
        f"{_widths(rows)}<sheetData>{''.join(lines)}</sheetData></worksheet>"
    )


def _zip(parts: Iterable[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            package.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()


def cards_xlsx(event: Event, cards: Iterable[Card]) -> bytes:
    """The same rows and columns as the CSV, as a one-sheet workbook of text cells (no escaping needed or done)."""
    rows = table_rows(event, cards)
    return _zip(
        [
            # [Content_Types].xml first: some readers sniff the package from its first entry.
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _PACKAGE_RELS),
            ("xl/workbook.xml", _WORKBOOK),
            ("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS),
            ("xl/styles.xml", _STYLES),
            ("xl/worksheets/sheet1.xml", _sheet(rows)),
        ]
    )
