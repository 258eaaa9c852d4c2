"""The catalogue, gendoc.yaml: a wrong workspace setting stops every command at load (nothing is
written), with the file, the line and the dotted key, in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.test_core_errors import GOOD
from tests.hardening.catalogue import clear_failure

CONFIG = (Path(__file__).resolve().parents[2] / "gendoc.yaml").read_text(encoding="utf-8")
SNV = "    cap: so_ban_nganh\n    chuc_vu_thu_truong: GIÁM ĐỐC\n"

# name → (gendoc.yaml, line or None, words the message must contain)
CASES: dict[str, tuple[str, int | None, tuple[str, ...]]] = {
    "font_size_out_of_range": (CONFIG.replace("  co_chu: 14 ", "  co_chu: 12 "), 8,
                               ("'dinh_dang.co_chu'", "13–14 theo Nghị định 30/2020/NĐ-CP")),
    "margin_in_words": (CONFIG.replace("  le_trai: 30 ", "  le_trai: ba mươi "), 11,
                        ("'dinh_dang.le_trai'", "phải là số")),
    "unknown_setting": (CONFIG + "tinh_thanh: x\n", None, ("'tinh_thanh'", "không có trong mẫu")),
    "duplicate_unit_code": (CONFIG.replace("  - ma: so-noi-vu\n", "  - ma: so-tu-phap\n", 1), None,
                            ("mã cơ quan bị trùng: so-tu-phap",)),
    "unit_code_with_accents": (CONFIG.replace("  - ma: so-noi-vu\n", "  - ma: Sở Nội Vụ\n", 1), 42,
                               ("'co_quan[3].ma'", "chữ thường không dấu")),
    "unknown_tier": (CONFIG.replace(SNV, "    cap: bo\n    chuc_vu_thu_truong: GIÁM ĐỐC\n", 1), 48,
                     ("'co_quan[3].cap'", "'cap_xa' hoặc 'khac'")),
    "units_not_a_list": (CONFIG.replace("co_quan:\n", "co_quan: tất cả\nxx:\n", 1), 17,
                         ("'co_quan'", "phải là danh sách")),
    "unit_date_not_in_calendar": (CONFIG.replace(SNV, SNV + "    hieu_luc_tu: 2018-13-01\n", 1), 50,
                                  ("'co_quan[3].hieu_luc_tu'", "tháng không hợp lệ: 13")),
    "broken_yaml": (CONFIG.replace("tinh: Kiên Giang", "tinh: [Kiên Giang"), None,
                    ("lỗi cú pháp YAML", "thiếu dấu ']'")),
    "tab_indent": (CONFIG.replace("  co_chu: 14", "\tco_chu: 14"), 8, ("dấu Tab",)),
    "alias": (CONFIG.replace("tinh: Kiên Giang", "tinh: &t Kiên Giang\nten2: *t"), 5,
              ("bí danh YAML",)),
    "word_line_break": (CONFIG.replace("tinh: Kiên Giang", "tinh: Kiên\x0bGiang"), 4,
                        ("ngắt dòng của Word",)),
    "oversized": (CONFIG + "# " + "x" * (6 * 1024 * 1024) + "\n", None, ("tệp quá lớn",)),
    "reading_speed_zero": (CONFIG.replace("truyen_hinh: 200", "truyen_hinh: 0"), 432,
                           ("'truyen_thong.toc_do_doc.truyen_hinh'", "phải > 60")),
    "reading_speed_absurd": (CONFIG.replace("truyen_hinh: 200", "truyen_hinh: 100000"), 432,
                             ("'truyen_thong.toc_do_doc.truyen_hinh'", "phải ≤ 400")),
    "invitation_mode": (CONFIG.replace("giay_moi_theo: don_vi", "giay_moi_theo: ca_nhan"), 447,
                        ("'tap_huan.giay_moi_theo'", "'don_vi' hoặc 'hoc_vien'")),
    "register_unknown_key": (CONFIG + "so_dang_ky:\n  url: mysql://x\n", 458,
                             ("'so_dang_ky.url'", "chỉ dùng 'database_url' và 'so_rieng'")),
    "register_bad_url": (CONFIG + "so_dang_ky:\n  database_url: mysql://x/y\n", 458,
                         ("'so_dang_ky.database_url'",)),
    "report_unit_misspelt": (CONFIG.replace("    - so-noi-vu\n    - so-tu-phap\n",
                                            "    - so-noi-vuu\n    - so-tu-phap\n"), 392,
                             ("'bao_cao.don_vi[1]'", "không có cơ quan mã 'so-noi-vuu'",
                              "có phải ý là")),
    "seal_diameter": (CONFIG + "ky_so:\n  duong_kinh_dau_mm: 500\n", 458,
                      ("'ky_so.duong_kinh_dau_mm'", "từ 20 đến 60")),
    "press_contact_email": (CONFIG.replace("email: vanphong@kiengiang.gov.vn",
                                           "email: vanphong@kiengiang"), 442,
                            ("'truyen_thong.lien_he.email'", "không phải địa chỉ thư điện tử")),
    "timestamp_url": (CONFIG + "ky_so:\n  may_chu_dau_thoi_gian: ftp://x\n", 458,
                      ("'ky_so.may_chu_dau_thoi_gian'", "không phải địa chỉ http(s)")),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_setting_stops_the_build_with_file_line_and_key(name: str, make_ws, cli) -> None:  # noqa: ANN001
    config, line, words = CASES[name]
    ws = make_ws({"content/good.yaml": GOOD}, config=config)
    result = cli("build", ws=ws)
    message = clear_failure(result, 1, words)
    assert f"{ws / 'gendoc.yaml'}" in message, message
    if line is not None:
        assert f"gendoc.yaml, dòng {line}" in message, message
    assert not (ws / "output").exists(), "nothing is written with a broken gendoc.yaml"
