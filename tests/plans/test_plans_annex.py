"""The shared `phu_luc` mechanism and the plan's assignment table (`phan_cong`), rendered for real."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from gendoc.exceptions import ContentError
from tests.plans.conftest import norm

HEAD = """\
loai: ke_hoach
co_quan: so-y-te
so: 5
ngay: 2017-01-16
trich_yeu: Thử phụ lục
mo_dau: Mở đầu (chi tiết tại các Phụ lục kèm theo).
noi_dung:
  - tieu_de: MỤC ĐÍCH
    muc: [Một.]
ket_thuc: Trên đây là kế hoạch.
nguoi_ky: {quyen_han: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn An}
noi_nhan: [UBND tỉnh (qua Sở Nội vụ)]
"""

TWO_ANNEXES = HEAD + """\
phu_luc:
  - tieu_de: Danh sách đơn vị & <cán bộ> "nữ"
    doan: Đoạn giới thiệu.
    bang:
      - cot: [TT, Tên, Số lượng]
        dong: [[1, "A & B <c>", 3], [2, C, 4.5], ["", Tổng cộng, 7.5]]
        do_rong: [1, 6, 2]
        can_le: [giua, trai, phai]
        dong_tong: true
phan_cong:
  nhiem_vu:
    - {noi_dung: Việc một, chu_tri: Văn phòng Sở, phoi_hop: Các phòng, thoi_gian: 2017, san_pham: Báo cáo}
    - {noi_dung: Việc hai, chu_tri: Thanh tra Sở, thoi_gian: Hằng năm}
"""


def render(make_ws, text: str) -> Document:  # noqa: ANN001
    from gendoc.build import render_file
    from gendoc.workspace import load_workspace

    ws = make_ws({"content/a.yaml": text})
    result = render_file(load_workspace(ws), ws / "content" / "a.yaml")
    return Document(str(result.output))


def texts(doc: Document) -> list[str]:
    return [norm(p.text) for p in doc.paragraphs if p.text.strip()]


def test_two_annexes_numbered_in_roman_with_their_heading(make_ws) -> None:  # noqa: ANN001
    doc = render(make_ws, TWO_ANNEXES)
    lines = texts(doc)
    first, second = lines.index("Phụ lục I"), lines.index("Phụ lục II")
    assert lines[first + 1] == 'DANH SÁCH ĐƠN VỊ & <CÁN BỘ> "NỮ"'  # literal, never escaped twice
    note = "(Kèm theo Kế hoạch số 05/KH-SYT ngày 16 tháng 01 năm 2017 của Sở Y tế)"
    assert lines[first + 2] == note and lines[second + 2] == note
    assert lines[second + 1] == "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"
    assert lines[first + 3] == "Đoạn giới thiệu."
    label = next(p for p in doc.paragraphs if p.text == "Phụ lục I")
    assert label.style.name == "ND30 Phu luc"
    assert label.style.paragraph_format.page_break_before
    assert label.style.font.size == Pt(14) and label.style.font.bold
    kem_theo = next(p for p in doc.paragraphs if p.text.startswith("(Kèm theo"))
    assert kem_theo.runs[0].italic and not kem_theo.style.font.bold
    # the annexes come after the signature block
    body = list(doc.element.body.iterchildren())
    closing = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    assert body.index(closing._tbl) < body.index(label._p)


def test_annex_table_cells_alignment_and_total_row(make_ws) -> None:  # noqa: ANN001
    doc = render(make_ws, TWO_ANNEXES)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT"
                 and t.rows[0].cells[1].text == "Tên")
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["TT", "Tên", "Số lượng"], ["1", "A & B <c>", "3"], ["2", "C", "4.5"], ["", "Tổng cộng", "7.5"]]
    assert table.rows[1].cells[2].paragraphs[0].alignment == 2  # phai
    assert all(run.bold for run in table.rows[3].cells[1].paragraphs[0].runs)
    widths = [c.width for c in table.columns]
    assert widths[1] == pytest.approx(widths[0] * 6, rel=0.01)
    tasks = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT"
                 and t.rows[0].cells[1].text == "Nội dung")
    assert tasks.rows[2].cells[3].text == ""  # no partner: an empty cell, never "None"
    assert tasks.rows[1].cells[4].text == "2017"


def test_one_annex_is_unnumbered_and_a_plan_without_annex_has_none(make_ws) -> None:  # noqa: ANN001
    one = HEAD + "phan_cong:\n  nhiem_vu:\n    - {noi_dung: X, chu_tri: Y, thoi_gian: Z}\n"
    lines = texts(render(make_ws, one))
    assert "Phụ lục" in lines and "Phụ lục I" not in lines
    plain = texts(render(make_ws, HEAD))
    assert not any(line.startswith(("Phụ lục", "(Kèm theo")) for line in plain)


def test_assignment_table_in_the_body(make_ws) -> None:  # noqa: ANN001
    text = HEAD + ("phan_cong:\n  dat_tai: noi_dung\n  tieu_de: Phân công thực hiện\n  nhiem_vu:\n"
                   "    - {noi_dung: X, chu_tri: Y, thoi_gian: Z}\n")
    doc = render(make_ws, text)
    body = list(doc.element.body.iterchildren())
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    closing_para = next(p for p in doc.paragraphs if p.text.startswith("Trên đây"))
    title = next(p for p in doc.paragraphs if p.text == "PHÂN CÔNG THỰC HIỆN")
    assert body.index(title._p) < body.index(table._tbl) < body.index(closing_para._p)
    assert closing_para.text.endswith("./.")
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert "Phụ lục" not in texts(doc)


@pytest.mark.parametrize("tail, field, words", [
    ("phu_luc:\n  - tieu_de: X\n    bang:\n      - cot: [A, B]\n        dong: [[1, 2, 3]]\n",
     "phu_luc", "bảng có 2 cột"),
    ("phu_luc:\n  - tieu_de: X\n", "phu_luc", "phụ lục trống"),
    ("phu_luc:\n  - tieu_de: X\n    bang:\n      - cot: [A]\n        can_le: [giữa]\n",
     "can_le", "chỉ nhận trai, giua, phai"),
    ("phan_cong:\n  nhiem_vu:\n    - {noi_dung: X, thoi_gian: Z}\n", "chu_tri", ""),
    ("phan_cong:\n  dat_tai: cuoi\n  nhiem_vu:\n    - {noi_dung: X, chu_tri: Y, thoi_gian: Z}\n",
     "dat_tai", ""),
])
def test_bad_annex_or_table_is_a_clear_content_error(make_ws, tail: str, field: str,  # noqa: ANN001
                                                     words: str) -> None:
    from gendoc.document import load_document
    from gendoc.workspace import load_workspace

    ws = make_ws({"content/a.yaml": HEAD + tail})
    with pytest.raises(ContentError) as info:
        load_document(load_workspace(ws), ws / "content" / "a.yaml")
    message = info.value.format_message()
    assert field in message and words in message
    assert "dòng" in message  # names the line to fix
    assert not (Path(ws) / "output" / "a.docx").exists()


def test_page_numbers_restart_in_each_annex(make_ws) -> None:  # noqa: ANN001
    doc = render(make_ws, TWO_ANNEXES)
    sections = doc.element.body.findall(".//" + qn("w:sectPr"))
    assert len(sections) == 3  # the plan, Phụ lục I, Phụ lục II

    def start(sect) -> str | None:  # noqa: ANN001
        number = sect.find(qn("w:pgNumType"))
        return None if number is None else number.get(qn("w:start"))

    assert [start(s) for s in sections] == [None, "1", "1"]
    assert all(s.find(qn("w:titlePg")) is not None for s in sections)  # no number on page 1
    assert all(s.find(qn("w:pgMar")) is not None for s in sections)  # same ND30 margins
    # each annex label opens its own section, right after the section break
    labels = [p for p in doc.paragraphs if p.text.startswith("Phụ lục")]
    for label in labels:
        breaker = label._p.getprevious()
        assert breaker.find(qn("w:pPr")).find(qn("w:sectPr")) is not None
    plain = render(make_ws, HEAD)
    assert len(plain.element.body.findall(".//" + qn("w:sectPr"))) == 1
