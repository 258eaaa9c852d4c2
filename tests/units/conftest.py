"""A two-tier workspace written here (not the shipped sample): a fictional province, Sông Hậu,
with departments, a xã, a phường and a đặc khu, and its provincial plan. The name is made up so
that any leaked example wording (Kiên Giang, An Giang, districts, 2016-2020) shows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

PROVINCE = "Sông Hậu"
PLAN = Path("content/ke-hoach/ubnd-tinh-bdg-2026-2030.yaml")
COMMUNES = ("ubnd-xa-tan-phu", "ubnd-phuong-vinh-thanh", "ubnd-dac-khu-hon-tre")
DEPARTMENTS = ("so-noi-vu", "so-y-te", "so-van-hoa-the-thao-va-du-lich", "dai-phat-thanh")

REGISTRY = """\
tinh: Sông Hậu
giai_doan: 2026-2030
cong_thong_tin: songhau.gov.vn
co_quan:
  - {ma: ubnd-tinh, ten: "ỦY BAN NHÂN DÂN\\nTỈNH SÔNG HẬU", ten_day_du: Ủy ban nhân dân tỉnh Sông Hậu,
     ky_hieu: UBND, dia_danh: Sông Hậu, cap: tinh, chuc_vu_thu_truong: CHỦ TỊCH,
     tap_the: ỦY BAN NHÂN DÂN, ma_dinh_danh: 000.00.00.H77}
  - {ma: so-noi-vu, ten: SỞ NỘI VỤ, ten_day_du: Sở Nội vụ, co_quan_chu_quan: UBND TỈNH SÔNG HẬU,
     ky_hieu: SNV, dia_danh: Sông Hậu, cap: so_ban_nganh, chuc_vu_thu_truong: GIÁM ĐỐC,
     ma_dinh_danh: 000.00.12.H77}
  - {ma: so-y-te, ten: SỞ Y TẾ, ten_day_du: Sở Y tế, co_quan_chu_quan: UBND TỈNH SÔNG HẬU,
     ky_hieu: SYT, dia_danh: Sông Hậu, cap: so_ban_nganh, chuc_vu_thu_truong: GIÁM ĐỐC}
  - {ma: so-van-hoa-the-thao-va-du-lich, ten: "SỞ VĂN HÓA, THỂ THAO\\nVÀ DU LỊCH",
     ten_day_du: "Sở Văn hóa, Thể thao và Du lịch", co_quan_chu_quan: UBND TỈNH SÔNG HẬU,
     ky_hieu: SVHTTDL, dia_danh: Sông Hậu, cap: so_ban_nganh, chuc_vu_thu_truong: GIÁM ĐỐC}
  - {ma: dai-phat-thanh, ten: "BÁO VÀ PHÁT THANH,\\nTRUYỀN HÌNH SÔNG HẬU",
     ten_day_du: "Báo và Phát thanh, Truyền hình Sông Hậu", co_quan_chu_quan: UBND TỈNH SÔNG HẬU,
     ky_hieu: BPTTH, dia_danh: Sông Hậu, cap: so_ban_nganh, chuc_vu_thu_truong: TỔNG BIÊN TẬP}
  - {ma: ubnd-xa-tan-phu, ten: "ỦY BAN NHÂN DÂN\\nXÃ TÂN PHÚ", ten_day_du: Ủy ban nhân dân xã Tân Phú,
     ky_hieu: UBND, dia_danh: Tân Phú, cap: cap_xa, chuc_vu_thu_truong: CHỦ TỊCH,
     tap_the: ỦY BAN NHÂN DÂN, hieu_luc_tu: 2025-07-01}
  - {ma: ubnd-phuong-vinh-thanh, ten: "ỦY BAN NHÂN DÂN\\nPHƯỜNG VĨNH THANH",
     ten_day_du: Ủy ban nhân dân phường Vĩnh Thanh, ky_hieu: UBND, dia_danh: Vĩnh Thanh,
     cap: cap_xa, chuc_vu_thu_truong: CHỦ TỊCH, tap_the: ỦY BAN NHÂN DÂN}
  - {ma: ubnd-dac-khu-hon-tre, ten: "ỦY BAN NHÂN DÂN\\nĐẶC KHU HÒN TRE",
     ten_day_du: Ủy ban nhân dân đặc khu Hòn Tre, ky_hieu: UBND, dia_danh: Hòn Tre, cap: cap_xa,
     chuc_vu_thu_truong: CHỦ TỊCH, tap_the: ỦY BAN NHÂN DÂN}
bao_cao: {han_nop: 15/11, thu_muc: bao-cao}
"""

PROVINCIAL_PLAN = """\
loai: ke_hoach
co_quan: ubnd-tinh
so: 12
ngay: 2025-12-10
trich_yeu: >-
  Triển khai thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công chức, viên chức
  tỉnh Sông Hậu giai đoạn 2026-2030
mo_dau: Ủy ban nhân dân tỉnh xây dựng kế hoạch như sau
noi_dung:
  - tieu_de: MỤC ĐÍCH, YÊU CẦU
    muc:
      - >-
        Bảo đảm bình đẳng giới trong quy hoạch, bố trí và sử dụng tại cơ quan, đơn vị, địa
        phương trên địa bàn tỉnh; xây dựng đội ngũ nữ cán bộ của tỉnh.
  - tieu_de: NHIỆM VỤ VÀ GIẢI PHÁP
    muc:
      - tieu_de: Tuyên truyền về bình đẳng giới
        muc:
          - Đa dạng hóa các hình thức tuyên truyền về bình đẳng giới.
      - tieu_de: Quy hoạch, tạo nguồn nữ cán bộ
        muc:
          - Rà soát quy hoạch tại các cơ quan, đơn vị, địa phương bảo đảm tỷ lệ nữ.
  - tieu_de: TỔ CHỨC THỰC HIỆN
    muc:
      - doan: >-
          Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu có trách nhiệm tổ
          chức thực hiện các nhiệm vụ theo Kế hoạch này, đồng thời thực hiện các nội dung sau:
        muc:
          - >-
            Xây dựng kế hoạch triển khai tại cơ quan, đơn vị mình và gửi về Ủy ban nhân dân
            tỉnh (qua Sở Nội vụ) trước ngày 31/01/2026.
          - Phối hợp với Sở Nội vụ trong việc triển khai Kế hoạch này.
          - >-
            Định kỳ báo cáo kết quả thực hiện nhiệm vụ thuộc trách nhiệm của sở, ban, ngành tỉnh
            và Ủy ban nhân dân các xã, phường, đặc khu trước ngày 15 tháng 11 hằng năm gửi về Sở
            Nội vụ để tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nội vụ.
      - doan: "Sở Nội vụ có trách nhiệm:"
        muc:
          - Hướng dẫn, theo dõi, đôn đốc việc thực hiện Kế hoạch.
ket_thuc: Trên đây là Kế hoạch./.
nguoi_ky: {quyen_han: [TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH], chuc_vu: PHÓ CHỦ TỊCH, ho_ten: Trần Văn B}
noi_nhan: [Bộ Nội vụ, "Các sở, ban, ngành tỉnh", "UBND các xã, phường, đặc khu"]
luu: VT
"""

# Wording that must not appear in a two-tier province's drafts and scaffolds.
FOREIGN = re.compile(r"Kiên Giang|kiengiang|An Giang|angiang|huyện|thị xã|thị trấn|2016|"
                     r"ngày 19 tháng 6 năm 2015", re.IGNORECASE)


def write_ws(root: Path, registry: str = REGISTRY, plan: str | None = PROVINCIAL_PLAN) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "gendoc.yaml").write_text(registry, encoding="utf-8")
    if plan is not None:
        (root / PLAN).parent.mkdir(parents=True, exist_ok=True)
        (root / PLAN).write_text(plan, encoding="utf-8")
    return root


def invoke(ws: Path | None, *args: str):  # noqa: ANN201 - click Result
    from gendoc.cli import main

    prefix = ["-w", str(ws)] if ws is not None else []
    return CliRunner().invoke(main, [*prefix, *args], catch_exceptions=False)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def docx_text(path: Path) -> str:
    """Every paragraph of the body and of its tables, as one line."""
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                parts += [p.text for p in cell.paragraphs]
    return norm(" ".join(parts))


@pytest.fixture
def two_tier(tmp_path: Path) -> Path:
    return write_ws(tmp_path / "ws")
