"""The catalogue, fields of a content file: wrong types, absurd values, broken files, text that
looks like code. Each fails alone with file, line and field (see catalogue.fails_alone)."""

from __future__ import annotations

import pytest

from tests.core.test_core_errors import GOOD
from tests.hardening.catalogue import fails_alone
from tests.hardening.test_hardening_structure import nested

BODY = "noi_dung:\n  - tieu_de: Mục đích\n    muc:\n      - Nội dung một.\n"
SIGNER = "nguoi_ky:\n  quyen_han: KT. GIÁM ĐỐC\n  chuc_vu: PHÓ GIÁM ĐỐC\n  ho_ten: Nguyễn Thị A\n"


def with_field(field: str, value: str) -> str:
    lines = [ln for ln in GOOD.splitlines() if not ln.startswith(f"{field}:")]
    return "\n".join(lines[:2] + [f"{field}: {value}"] + lines[2:]) + "\n"


# name → (content, line or None, words the message must contain)
CASES: dict[str, tuple[str, int | None, tuple[str, ...]]] = {
    "date_not_in_calendar": (with_field("ngay", "2017-02-30"), 3,
                             ("'ngay'", "ngày 30 tháng 2 năm 2017")),
    "date_words": (with_field("ngay", "hôm qua"), 3, ("'ngay'", "Không đọc được ngày")),
    "date_as_list": (with_field("ngay", "[2017, 1, 1]"), 3, ("'ngay'", "Không đọc được ngày")),
    "number_negative": (with_field("so", "-5"), 3, ("'so'", "phải ≥ 1")),
    "number_fraction": (with_field("so", "12.5"), 3, ("'so'", "phải là số nguyên")),
    "title_as_list": (with_field("trich_yeu", "[a, b]"), 3, ("'trich_yeu'", "phải là chữ")),
    "title_empty": (with_field("trich_yeu", "''"), 3, ("'trich_yeu'", "không được để trống")),
    "title_null": (with_field("trich_yeu", "null"), 3, ("'trich_yeu'", "phải là chữ")),
    "title_number": (with_field("trich_yeu", "12"), 3, ("'trich_yeu'", "phải là chữ")),
    "issuer_as_list": (with_field("co_quan", "[so-noi-vu]"), 3, ("'co_quan'", "phải là chữ")),
    "issuer_as_group": (with_field("co_quan", "{a: b}"), 3, ("'co_quan'", "phải là chữ")),
    "kind_missing": (GOOD.replace("loai: ke_hoach\n", ""), 1, ("thiếu trường 'loai'",)),
    "kind_misspelt": (GOOD.replace("loai: ke_hoach", "loai: ke_hoac"), 1,
                      ("không có loại văn bản 'ke_hoac'", "có phải ý là 'ke_hoach'")),
    "kind_number": (GOOD.replace("loai: ke_hoach", "loai: 5"), 1, ("không có loại văn bản '5'",)),
    "body_as_text": (GOOD.replace(BODY, "noi_dung: chỉ một dòng\n"), 4,
                     ("'noi_dung'", "phải là danh sách")),
    "item_null": (GOOD.replace("      - Nội dung một.\n", "      - null\n"), 7,
                  ("'noi_dung[1].muc[1]'",)),
    "item_number": (GOOD.replace("      - Nội dung một.\n", "      - 5\n"), 7,
                    ("'noi_dung[1].muc[1]'",)),
    "signer_as_text": (GOOD.replace(SIGNER, "nguoi_ky: Nguyễn Thị A\n"), 8,
                       ("'nguoi_ky'", "phải là một nhóm trường")),
    "signer_unknown_key": (GOOD.replace("  ho_ten: Nguyễn Thị A\n",
                                        "  ho_ten: Nguyễn Thị A\n  chu_ky: x\n"), 12,
                           ("'nguoi_ky.chu_ky'", "có phải ý là 'chuc_vu'")),
    "recipients_as_text": (GOOD.replace("noi_nhan:\n  - UBND tỉnh\n", "noi_nhan: UBND tỉnh\n"), 12,
                           ("'noi_nhan'", "phải là danh sách")),
    "recipient_nested": (GOOD.replace("  - UBND tỉnh\n", "  - [UBND tỉnh]\n"), 13,
                         ("'noi_nhan[1]'", "phải là chữ")),
    "numeric_key": (GOOD + "5: x\n", None, ("trường '5'", "không có trong mẫu")),
    "top_level_list": ("- a\n- b\n", None, ("tệp phải là các dòng 'tên_trường: giá trị'",)),
    "top_level_text": ("chỉ một dòng chữ\n", None, ("tệp phải là các dòng",)),
    "empty_file": ("", None, ("tệp phải là các dòng",)),
    "only_a_comment": ("# trống\n", None, ("tệp phải là các dòng",)),
    "two_documents": (GOOD + "---\nloai: ke_hoach\n", 14, ("chỉ được chứa một văn bản",)),
    "jinja_statement_unquoted": (GOOD.replace("Nội dung một.", "{% include '/etc/passwd' %}"), 7,
                                 ("'%'", "ngoặc kép")),
    "template_absolute": (GOOD + "template: /etc/passwd\n", None,
                          ("tên mẫu '/etc/passwd' không hợp lệ",)),
    "template_parent": (GOOD + "template: ../../x.docx\n", None, ("không hợp lệ",)),
    "template_missing": (GOOD + "template: khong-co.docx\n", None, ("không tìm thấy mẫu",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_field_fails_alone(name: str, make_ws, cli) -> None:  # noqa: ANN001
    content, line, words = CASES[name]
    ws = make_ws({"content/good.yaml": GOOD})
    (ws / "content" / "bad.yaml").write_text(content, encoding="utf-8")
    result = cli("build", ws=ws)
    fails_alone(result, ws, "content/bad.yaml", where=f"dòng {line}" if line else None,
                words=words, bad_outputs=("output/bad.docx",))


@pytest.mark.parametrize(("name", "data", "words"), [
    ("utf16", GOOD.encode("utf-16"), ("không phải văn bản UTF-8",)),
    ("latin1", "loai: ke_hoach\ntrich_yeu: café\n".encode("latin-1"), ("byte lạ ở vị trí 29",)),
    ("binary", bytes(range(256)) * 4, ("không phải văn bản UTF-8",)),
])
def test_a_file_in_another_encoding_fails_alone(name: str, data: bytes, words: tuple[str, ...],
                                                make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/good.yaml": GOOD})
    (ws / "content" / "bad.yaml").write_bytes(data)
    fails_alone(cli("build", ws=ws), ws, "content/bad.yaml", words=words,
                bad_outputs=("output/bad.docx",))


def test_markup_in_text_is_printed_literally(make_ws, cli) -> None:  # noqa: ANN001
    """Not a failure: `<script>`, `&`, quotes and `{{ }}` are text, printed as written."""
    from docx import Document as DocxDocument

    text = "<script>alert(1)</script> & < > \" ' {{ 7*7 }} {%raw%}"
    ws = make_ws({"content/a.yaml": GOOD.replace("Nội dung một.", f"'{text.replace(chr(39), chr(39) * 2)}'")})
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.stderr
    paragraphs = [p.text for p in DocxDocument(str(ws / "output" / "a.docx")).paragraphs]
    assert any(text in p for p in paragraphs), paragraphs


def test_a_long_title_builds_and_its_file_property_is_cut(make_ws, cli) -> None:  # noqa: ANN001
    """The page prints the whole trích yếu; the .docx title property holds 255 characters."""
    from docx import Document as DocxDocument

    title = "Kế hoạch thực hiện " + "các biện pháp bình đẳng giới " * 12
    ws = make_ws({"content/a.yaml": with_field("trich_yeu", title.strip())})
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.stderr
    doc = DocxDocument(str(ws / "output" / "a.docx"))
    assert len(doc.core_properties.title) == 255 and doc.core_properties.title.endswith("…")
    printed = " ".join(p.text for p in doc.paragraphs)
    assert title.strip() in printed.replace("\n", " ")


@pytest.mark.parametrize(("start", "levels", "ok"), [("la_ma", 5, True), ("so", 4, True),
                                                     ("so", 5, False), ("chu", 3, True),
                                                     ("chu", 4, False)])
def test_nesting_is_bounded_by_the_levels_left_after_the_first_scheme(
        start: str, levels: int, ok: bool, make_ws, cli) -> None:  # noqa: ANN001
    """ND30 numbering has five labels (I. → 1. → a) → - → +): numbering from «1.» leaves four."""
    content = nested(levels).replace("noi_dung:\n", f"danh_so_tu: {start}\nnoi_dung:\n", 1)
    ws = make_ws({"content/good.yaml": GOOD, "content/bad.yaml": content})
    result = cli("build", ws=ws)
    if ok:
        assert result.exit_code == 0, result.stderr
        return
    fails_alone(result, ws, "content/bad.yaml", where="dòng 5",
                words=("'noi_dung'", f"chỉ còn {5 - ('la_ma', 'so', 'chu').index(start)} cấp"),
                bad_outputs=("output/bad.docx",))

