"""The built-in template of the Biên bản kiểm tra: two signature columns above `Nơi nhận:`.

A biên bản is signed by both sides — the head of the inspected unit on the left, the head of
the team on the right — so its closing table has two rows: the two signature blocks, then
`Nơi nhận:` under the left one. Everything else is Phụ lục III mẫu 1.4, drawn by the shared
generators of `gendoc.docx_templates`.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from gendoc import nd30
from gendoc.docx_templates import (
    add_para,
    base_document,
    body_block,
    borderless_table,
    header_block,
    title_block,
)

LEFT = WD_ALIGN_PARAGRAPH.LEFT
SIGNATURE_LINES = 4  # blank lines left for the handwritten signature


def signature_cell(cell, side: str) -> None:  # noqa: ANN001 - a python-docx cell
    """Capacity lines, title, room to sign, name: the variables of `blocks.signatures`."""
    add_para(cell, f"{{%p for dong in ky_{side}_quyen_han %}}")
    add_para(cell, "{{ dong }}", bold=True)
    add_para(cell, "{%p endfor %}")
    add_para(cell, f"{{{{ ky_{side}_chuc_vu }}}}", bold=True)
    for _ in range(SIGNATURE_LINES):
        add_para(cell, "")
    add_para(cell, f"{{{{ ky_{side}_ho_ten }}}}", bold=True)


def two_signatures_block(doc: DocxDocument) -> None:
    """Row 1: left and right signatures; row 2: `Nơi nhận:` on the left."""
    add_para(doc, "", after=6)
    widths = (nd30.CLOSING_COLUMNS_CM[0] + 1.0, nd30.CLOSING_COLUMNS_CM[1] - 1.0)
    table = borderless_table(doc, widths)
    left, right = table.rows[0].cells
    signature_cell(left, "trai")
    signature_cell(right, "phai")
    row = table.add_row()
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Cm(width)
    notes = row.cells[0]
    label = add_para(notes, nd30.NOI_NHAN_LABEL, size=nd30.NOI_NHAN_LABEL_SIZE_PT, bold=True,
                     italic=True, align=LEFT, before=12)
    label.runs[0].font.italic = True
    add_para(notes, "{%p for dong in noi_nhan %}", align=LEFT)
    add_para(notes, "{{ dong }}", size=nd30.NOI_NHAN_ITEM_SIZE_PT, align=LEFT)
    add_para(notes, "{%p endfor %}", align=LEFT)


def bien_ban() -> DocxDocument:
    """Header, BIÊN BẢN + trích yếu, body, the two signatures and Nơi nhận."""
    doc = base_document()
    header_block(doc)
    title_block(doc)
    body_block(doc)
    two_signatures_block(doc)
    add_para(doc, "")  # Word needs a paragraph after a final table
    return doc
