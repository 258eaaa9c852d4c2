"""`gendoc new thong_bao`: a ready-to-build course announcement and a blank participant form.

The content file builds as soon as it is written (dates a month ahead, the units given with
`--unit`/`--all-units` or two placeholders) so the clerk sees the whole package before editing.
The Excel form has the headings gendoc reads, drop-downs for Giới tính and Hoàn thành, and is
the file the clerk sends to units to fill in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gendoc.exceptions import GendocError
from gendoc.workspace import Workspace
from gendoc.writer import atomic_save, atomic_write

HEADINGS = ("STT", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Đơn vị", "Điện thoại", "Email",
            "Hoàn thành", "Xếp loại")
WIDTHS = (6, 28, 10, 10, 34, 34, 15, 26, 12, 10)
FORM_ROWS = 200

SKELETON = """\
# Thông báo mở lớp bồi dưỡng. gendoc dựng: thông báo, giấy mời, danh sách học viên, giấy chứng
# nhận (xem docs/training.md). Thông báo thường (không mở lớp): xóa cả mục lop_hoc.
loai: thong_bao
co_quan: {co_quan}
so:                # để trống khi chưa cấp số
ngay: {ngay}
trich_yeu: Về việc tổ chức lớp bồi dưỡng {ten_thuong}
mo_dau: "{don_vi_ban_hanh} thông báo tổ chức lớp bồi dưỡng như sau:"

lop_hoc:
  ten: Lớp bồi dưỡng {ten_thuong}
  muc_dich:
    - Trang bị kiến thức, kỹ năng … cho học viên
  doi_tuong: Nữ cán bộ, công chức, viên chức trong diện quy hoạch của các đơn vị
  tu_ngay: {tu_ngay}
  den_ngay: {den_ngay}
  gio_khai_giang: 7 giờ 30 phút
  dia_diem: Hội trường …
  don_vi:            # đơn vị cử học viên và số lượng (chỉ tiêu)
{don_vi}
  chuong_trinh:      # mỗi dòng một buổi; để trống nếu không in bảng chương trình
    - {{thoi_gian: "Sáng {ngay_ngan}", noi_dung: Khai giảng; chuyên đề 1, bao_cao_vien: …}}
  lien_he: {{ho_ten: …, chuc_vu: chuyên viên …, dien_thoai: …, email: …}}
  han_dang_ky: {han}
  # Khi các đơn vị đã gửi danh sách (theo tệp mẫu dưới đây), bỏ dấu # ở dòng sau:
  # danh_sach: {danh_sach}
  giay_moi:
    gui_theo: don_vi   # don_vi: mỗi đơn vị một giấy mời; hoc_vien: mỗi học viên một giấy
  chung_nhan:
    so_bat_dau: 1
    ky_hieu: GCN-{ky_hieu}

nguoi_ky:
  quyen_han: KT. {thu_truong}
  chuc_vu: PHÓ {thu_truong}
  ho_ten:
noi_nhan:
  - Các đơn vị có tên tại mục 2
luu: VT
"""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_form(path: Path, root: Path | None) -> Path:
    """The blank participant list (Excel) with the headings gendoc reads and drop-downs."""
    # heavy: openpyxl, only when a roster form is written
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = "Học viên"
    sheet.append(["DANH SÁCH HỌC VIÊN ĐĂNG KÝ — mỗi người một dòng; cột Hoàn thành ghi x khi kết thúc lớp"])
    sheet.append(list(HEADINGS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A3"
    for column, choices in (("C", '"Nam,Nữ"'), ("I", '"x"')):
        rule = DataValidation(type="list", formula1=choices, allow_blank=True)
        rule.add(f"{column}3:{column}{FORM_ROWS + 2}")
        sheet.add_data_validation(rule)
    return atomic_save(path, lambda tmp: book.save(tmp), root=root)


def scaffold(ws: Workspace, opts: Any) -> list[Path]:
    """Write content/tap-huan/<name>.yaml and its participant form under _du-lieu/."""
    target = Path(opts.output) if opts.output else ws.content_dir / "tap-huan" / "lop-moi.yaml"
    if target.suffix.lower() not in (".yaml", ".yml"):
        target = target / "lop-moi.yaml"
    form = target.parent / "_du-lieu" / f"{target.stem}-hoc-vien.xlsx"
    for path in (target, form):
        if path.exists() and not opts.force:
            raise GendocError(f"'{path}' đã có — chọn tên khác bằng -o hoặc thêm --force để ghi đè.")
    issuers = [u for u in ws.config.co_quan if u.ky_hieu == "SNV"] or ws.config.co_quan[:1]
    if not issuers:
        raise GendocError("gendoc.yaml chưa có cơ quan nào (mục co_quan) — thêm cơ quan ban hành trước.")
    issuer = issuers[0]
    units = ([ws.unit(code) for code in opts.units] if opts.units
             else [u for u in ws.config.co_quan if u.ma != issuer.ma] if opts.all_units else [])
    names = [u.full_name for u in units] or ["Đơn vị thứ nhất", "Đơn vị thứ hai"]
    start = dt.date.today() + dt.timedelta(days=30)
    text = SKELETON.format(
        co_quan=issuer.ma, ngay=dt.date.today().isoformat(), ten_thuong="…",
        don_vi_ban_hanh=issuer.full_name,
        tu_ngay=start.isoformat(), den_ngay=(start + dt.timedelta(days=2)).isoformat(),
        ngay_ngan=f"{start.day:02d}/{start.month}/{start.year}",
        don_vi="\n".join(f"    - {{ten: {_quoted(n)}, so_luong: 2}}" for n in names),
        han=(start - dt.timedelta(days=10)).isoformat(),
        danh_sach=f"_du-lieu/{form.name}", ky_hieu=issuer.ky_hieu,
        thu_truong=(issuer.chuc_vu_thu_truong or "GIÁM ĐỐC").upper())
    root = ws.root if ws.root in target.resolve().parents else None
    return [atomic_write(target, text.encode("utf-8"), root=root), write_form(form, root)]
