"""`gendoc new ke_hoach` without --unit: a blank plan of the issuing province.

The file has the ND30 plan structure (mục đích, yêu cầu; nhiệm vụ và giải pháp; tổ chức thực
hiện), guidance comments, and the sentences `gendoc new ke_hoach --all-units` and `gendoc status`
later read (the addressees, the submission deadline, the yearly report), worded for the
workspace's structure: «Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu» in a
two-tier province. It builds as written; «…» marks what the drafter fills in.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gendoc.exceptions import GendocError
from gendoc.media.skeletons import q
from gendoc.province import BLANK, Province
from gendoc.workspace import Workspace


def blank_plan(ws: Workspace, today: dt.date) -> tuple[str, str]:
    """(file stem, YAML text) of the province's blank plan."""
    p = Province(ws)
    unit = p.people_committee
    if unit is None:
        raise GendocError("gendoc.yaml chưa có Ủy ban nhân dân tỉnh (một cơ quan 'cap: tinh') — "
                          "thêm vào mục co_quan rồi chạy lại, xem docs/workspace.md.")
    period = p.period if p.period != BLANK else f"{today.year + 1}-{today.year + 5}"
    home = p.home_affairs.full_name if p.home_affairs else "Sở Nội vụ"
    deadline = f"{today.year + 1}"
    lines = [
        f"# Kế hoạch của {unit.full_name} (bản trống do 'gendoc new ke_hoach' tạo).",
        "# Thay các chỗ «…» và các đoạn gợi ý; giữ ba phần I, II, III theo Nghị định 30/2020/NĐ-CP.",
        "# Câu giao nhiệm vụ cho các sở, ban, ngành và địa phương (mục III.1) là câu mà",
        "# 'gendoc new ke_hoach --all-units' dẫn xuất thành kế hoạch của từng đơn vị.",
        "loai: ke_hoach",
        f"co_quan: {unit.ma}",
        "so:              # văn thư cấp số khi ban hành",
        f"ngay: {today.year}-{today.month:02d}    # ghi đủ ngày khi ban hành",
        f"trich_yeu: {q(f'Triển khai thực hiện … {p.of()} giai đoạn {period}')}",
        "can_cu:          # các văn bản cấp trên làm căn cứ (in nghiêng); xóa nếu dùng mo_dau",
        f"  - {q(f'Căn cứ {p.law};')}",
        f"  - {q('Căn cứ … (văn bản của Trung ương triển khai);')}",
        f"mo_dau: {q(f'Ủy ban nhân dân tỉnh xây dựng Kế hoạch triển khai thực hiện … {p.of()} giai đoạn {period} như sau:')}",
        "noi_dung:",
        "  - tieu_de: MỤC ĐÍCH, YÊU CẦU",
        "    muc:",
        f"      - {q('Mục đích: … (kết quả cần đạt trên địa bàn tỉnh).')}",
        f"      - {q('Yêu cầu: … (phân công rõ trách nhiệm của các cơ quan, đơn vị, địa phương).')}",
        "  - tieu_de: NHIỆM VỤ VÀ GIẢI PHÁP   # mỗi nhiệm vụ một mục, các ý trong 'muc'",
        "    muc:",
        f"      - tieu_de: {q('… (nhiệm vụ thứ nhất)')}",
        "        muc:",
        f"          - {q('…')}",
        "  - tieu_de: TỔ CHỨC THỰC HIỆN",
        "    muc:",
        f"      - doan: {q(f'{p.addressees} có trách nhiệm tổ chức thực hiện các nhiệm vụ theo Kế hoạch này, đồng thời thực hiện các nội dung sau:')}",
        "        muc:",
        "          # Hạn gửi kế hoạch: 'gendoc status' đọc ngày trong câu này (dd/mm/yyyy).",
        f"          - {q(f'Xây dựng kế hoạch triển khai tại cơ quan, đơn vị, địa phương mình và gửi về Ủy ban nhân dân tỉnh (qua {home}) trước ngày 31/01/{deadline}.')}",
        f"          - {q(f'Định kỳ báo cáo kết quả thực hiện trước ngày 15 tháng 11 hằng năm gửi về {home} để tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nội vụ.')}",
        f"      - doan: {q(f'{home} có trách nhiệm:')}",
        "        muc:",
        f"          - {q('Theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng hợp, báo cáo theo quy định.')}",
        f"      - {q('Kinh phí thực hiện Kế hoạch từ ngân sách nhà nước và các nguồn lực khác theo quy định.')}",
        f"ket_thuc: {q(f'Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị, địa phương phản ánh về Ủy ban nhân dân tỉnh (qua {home}) để kịp thời xem xét, giải quyết./.')}",
        "nguoi_ky:",
        f"  quyen_han: [{q('TM. ' + (unit.tap_the or 'ỦY BAN NHÂN DÂN'))}, {q('KT. CHỦ TỊCH')}]",
        "  chuc_vu: PHÓ CHỦ TỊCH",
        "  ho_ten:         # điền họ tên người ký",
        "noi_nhan:",
        "  - Bộ Nội vụ",
        "  - TT. Tỉnh ủy, TT. HĐND tỉnh",
        "  - CT, các PCT UBND tỉnh",
        "  - Các sở, ban, ngành tỉnh",
        f"  - {q(f'UBND {p.locals_phrase}')}",
        "luu: VT",
    ]
    return f"{unit.ma}-ke-hoach-moi", "\n".join(lines) + "\n"


def target_of(ws: Workspace, stem: str, output: Path | None) -> Path:
    folder = ws.content_dir / "ke-hoach"
    if output is None:
        return folder / f"{stem}.yaml"
    output = output if output.is_absolute() else Path.cwd() / output
    if output.is_dir() or output.suffix.lower() not in (".yaml", ".yml"):
        return output / f"{stem}.yaml"
    return output
