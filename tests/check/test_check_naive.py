"""A clerk's first attempt: the right words typed into a blank Word document, no formatting.

Every component is located despite the default styles (Cambria 11 pt from the theme, Letter
paper), and each slip is reported once, at its place, with what ND30 requires.
"""

from __future__ import annotations

import docx

from gendoc.check import check_document


def naive():  # noqa: ANN201
    d = docx.Document()
    t = d.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].text = "UBND TỈNH KIÊN GIANG"
    left.add_paragraph("SỞ NỘI VỤ")
    left.add_paragraph("Số: 5/KH-SNV")
    right.paragraphs[0].text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    right.add_paragraph("Độc lập – Tự do – Hạnh phúc")
    right.add_paragraph("Kiên Giang, ngày 5 tháng 6 năm 2024")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Về việc tổ chức hội nghị")
    for i in (1, 2, 3):
        d.add_paragraph(f"{i}. Nội dung thứ {i} của kế hoạch, trình bày dài hơn một dòng để thấy "
                        "canh lề của đoạn văn bản này rõ ràng hơn.")
    d.add_paragraph("f) sai chữ cái")
    t = d.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    left.add_paragraph("- Sở Nội vụ;")
    left.add_paragraph("- Lưu VT")
    right.paragraphs[0].text = "T/M UBND TỈNH"
    right.add_paragraph("CHỦ TỊCH")
    right.add_paragraph("")
    right.add_paragraph("Nguyễn Văn A")
    return d


def test_first_attempt_in_a_blank_word_document() -> None:
    report = check_document(naive())
    assert report.rules_fired() == {
        "page.size", "page.margins", "font.name", "font.body_size", "para.align", "para.indent",
        "header.quoc_hieu", "header.tieu_ngu", "header.tieu_ngu_rule", "header.co_quan",
        "header.chu_quan", "header.co_quan_rule", "so.format", "date.format", "title.ten_loai",
        "title.trich_yeu", "title.trich_yeu_rule", "numbering.order", "signature.capacity", "signature.name",
        "noi_nhan.label", "noi_nhan.luu",
    }
    msg: dict = {}
    for f in report.findings:
        msg.setdefault(f.rule, f)  # the first finding of each rule
    assert "215,9 mm × 279,4 mm" in msg["page.size"].message  # Letter paper
    assert "Cambria" in msg["font.name"].message  # the theme font, resolved
    assert msg["header.quoc_hieu"].message == "Quốc hiệu chưa in đậm; cỡ chữ 11 pt (cần 12–13 pt)."
    assert "(dùng gạch nối «-», có cách chữ hai bên)" in msg["header.tieu_ngu"].message
    assert "số «5» nhỏ hơn 10 phải viết 05" in msg["so.format"].message
    assert "ngày «5» phải viết «05»" in msg["date.format"].message
    assert "phải in nghiêng" in msg["date.format"].message
    assert msg["title.trich_yeu"].location == "Đoạn 2: «Về việc tổ chức hội nghị»"
    assert [f.message for f in report.findings if f.rule == "numbering.order"] == [
        "điểm «f)» không dùng: ND30 đánh điểm theo bảng chữ cái tiếng Việt (a, b, c, d, đ, e, g, "
        "h …), không có f, j, w, z."]
    assert "quyền hạn viết «T/M», phải viết «TM.»" in msg["signature.capacity"].message
    assert msg["noi_nhan.luu"].location == "Cuối văn bản, ô trái (Nơi nhận), đoạn 3: «- Lưu VT»"
