"""The built-in template of the Biên bản kiểm tra: two signature columns, `Nơi nhận:` under the
left one.

A biên bản is signed by both sides — the head of the inspected unit on the left, the head of
the team on the right — so its closing table holds both signature blocks in one row that never
breaks across pages, and `Nơi nhận:` follows the unit's signature in the left cell. Everything else is Phụ lục III mẫu 1.4, drawn by the shared
generators of `gendoc.docx_templates`.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement

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
# "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA" (≈ 8.4 cm in 14 pt bold) on one line; the rest for the team head.
WIDTHS_CM = (9.2, 7.3)


def keep_rows_whole(table) -> None:  # noqa: ANN001 - a python-docx table
    """A signature block never breaks across pages (`w:cantSplit` on every row)."""
    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def signature_cell(cell, side: str) -> None:  # noqa: ANN001 - a python-docx cell
    """Capacity lines, title, room to sign, name: the variables of `blocks.signatures`.

    `ky_<side>_dem` holds blank lines that bring the shorter column's name level with the other.
    """
    add_para(cell, f"{{%p for dong in ky_{side}_quyen_han %}}")
    add_para(cell, "{{ dong }}", bold=True)
    add_para(cell, "{%p endfor %}")
    add_para(cell, f"{{{{ ky_{side}_chuc_vu }}}}", bold=True)
    add_para(cell, f"{{%p for dong in ky_{side}_dem %}}")
    add_para(cell, "{{ dong }}")
    add_para(cell, "{%p endfor %}")
    for _ in range(SIGNATURE_LINES):
        add_para(cell, "")
    add_para(cell, f"{{{{ ky_{side}_ho_ten }}}}", bold=True)


def two_signatures_block(doc: DocxDocument) -> None:
    """One row that never splits: the unit's signature with `Nơi nhận:` under it | the team's."""
    add_para(doc, "", after=6).paragraph_format.keep_with_next = True
    table = borderless_table(doc, WIDTHS_CM)
    left, right = table.rows[0].cells
    signature_cell(left, "trai")
    signature_cell(right, "phai")
    label = add_para(left, nd30.NOI_NHAN_LABEL, size=nd30.NOI_NHAN_LABEL_SIZE_PT, bold=True,
                     italic=True, align=LEFT, before=18)
    label.runs[0].font.italic = True
    add_para(left, "{%p for dong in noi_nhan %}", align=LEFT)
    add_para(left, "{{ dong }}", size=nd30.NOI_NHAN_ITEM_SIZE_PT, align=LEFT)
    add_para(left, "{%p endfor %}", align=LEFT)
    keep_rows_whole(table)


def bien_ban() -> DocxDocument:
    """Header, BIÊN BẢN + trích yếu, body, the two signatures and Nơi nhận."""
    doc = base_document()
    header_block(doc)
    title_block(doc)
    body_block(doc)
    two_signatures_block(doc)
    add_para(doc, "")  # Word needs a paragraph after a final table
    return doc
