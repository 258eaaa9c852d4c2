"""The content files `gendoc new` writes for the media kinds and the commendation decision.

Each skeleton builds as written and reads like the worked examples, but every fact in it —
province, portal, press contact, broadcaster, period, the local-government law, the addressees
(«… Ủy ban nhân dân các xã, phường, đặc khu» or «… các huyện, thị xã, thành phố») — comes from
the workspace (`gendoc.province.Province`), never from the Kiên Giang example. Values are written
as double-quoted YAML scalars, so any registry text stays literal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gendoc.exceptions import GendocError
from gendoc.province import BLANK, Province, signer_of


def q(text: object) -> str:
    """A YAML double-quoted scalar."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _issuer(p: Province) -> tuple[str, str]:
    unit = p.people_committee or (p.ws.config.co_quan[0] if p.ws.config.co_quan else None)
    if unit is None:
        raise GendocError("gendoc.yaml chưa có cơ quan nào (mục co_quan) — thêm Ủy ban nhân dân "
                          "tỉnh (cap: tinh) trước.")
    return unit.ma, unit.full_name


def _plan(p: Province) -> str:
    period = f" giai đoạn {p.period}" if p.period != BLANK else ""
    return (f"Kế hoạch của Ủy ban nhân dân tỉnh về biện pháp bảo đảm bình đẳng giới đối với nữ "
            f"cán bộ, công chức, viên chức{period}")


def _header(what: str) -> list[str]:
    return [f"# {what} — tệp mẫu do 'gendoc new' tạo từ gendoc.yaml (tỉnh, cổng thông tin, đầu mối",
            "# liên hệ, giai đoạn). Sửa nội dung theo thực tế rồi chạy 'gendoc build'."]


def thong_cao(p: Province, day: dt.date) -> list[str]:
    code, name = _issuer(p)
    unit = p.ws.unit(code)
    quyen_han, chuc_vu = ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG") if unit.cap == "tinh" else signer_of(unit)
    lines = _header("Thông cáo báo chí") + [
        "loai: thong_cao", f"co_quan: {code}", "so:", f"ngay: {day.isoformat()}",
        f"trich_yeu: {q(f'Kết quả thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công chức, viên chức {p.of()} năm {day.year - 1}')}",
        f"don_vi_web: {q(p.portal + ' · Thông cáo báo chí')}",
        f"sapo: {q(f'Ngày {day:%d/%m/%Y}, {name} thông báo kết quả thực hiện {_plan(p)} trong năm {day.year - 1}.')}",
        "noi_dung:", "  - tieu_de: Kết quả chủ yếu", "    doan:",
        f"      - {q(p.addressees + ' đã triển khai Kế hoạch tại cơ quan, đơn vị mình; rà soát, bổ sung quy hoạch nguồn nữ cán bộ, công chức, viên chức.')}",
        f"  - tieu_de: {q(f'Nhiệm vụ năm {day.year}')}", "    doan:",
        f"      - {q('Tiếp tục lồng ghép nội dung bình đẳng giới trong đào tạo, bồi dưỡng; tăng cường kiểm tra, giám sát việc thực hiện công tác cán bộ nữ.')}",
    ]
    contact = p.contact()
    if contact is None:
        domain = p.portal_domain or BLANK
        lines += ["lien_he:            # đầu mối liên hệ báo chí (ghi một lần ở gendoc.yaml, "
                  "truyen_thong.lien_he)",
                  f"  ho_ten: {q(BLANK)}", f"  chuc_vu: {q(BLANK)}", f"  don_vi: {q(BLANK)}",
                  f"  dien_thoai: {q(BLANK)}", f"  email: {q(f'{BLANK}@{domain}')}"]
    else:
        lines.append("# lien_he: đầu mối liên hệ lấy từ gendoc.yaml (truyen_thong.lien_he).")
    lines += ["nguoi_ky:", f"  quyen_han: {q(quyen_han)}", f"  chuc_vu: {q(chuc_vu)}", "  ho_ten:",
              "noi_nhan:", "  - Các cơ quan báo chí Trung ương và địa phương",
              f"  - {q(p.broadcaster)}", f"  - {q(p.portal)}", "luu: VT"]
    return lines


def tin_bai(p: Province, day: dt.date) -> list[str]:
    nguon = p.home_affairs.full_name if p.home_affairs else BLANK
    return _header("Tin bài cho cổng thông tin điện tử") + [
        "loai: tin_bai", f"don_vi: {q(p.portal)}", "chuyen_muc: Bình đẳng giới",
        f"ngay: {day.isoformat()}",
        f"tieu_de: {q(f'{p.name or BLANK} triển khai biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công chức, viên chức')}",
        f"sapo: {q(f'{p.addressees} triển khai {_plan(p)}.')}",
        "noi_dung:", "  - doan:",
        f"      - {q(f'Ngày …, {nguon} tổ chức hội nghị triển khai {_plan(p)}. Dự hội nghị có đại diện lãnh đạo {p.addressees[0].lower() + p.addressees[1:]}.')}",
        "  - tieu_de: Nhiệm vụ trọng tâm", "    doan:",
        f"      - {q('Rà soát, bổ sung quy hoạch bảo đảm tỷ lệ nữ theo quy định; lồng ghép nội dung bình đẳng giới trong đào tạo, bồi dưỡng.')}",
        f"tac_gia: {q(BLANK)}", f"nguon: {q(nguon)}",
    ]


def tin_phat_thanh(p: Province, day: dt.date) -> list[str]:
    nguon = p.home_affairs.full_name if p.home_affairs else BLANK
    return _header("Tin phát thanh") + [
        "loai: tin_phat_thanh", f"don_vi: {q(p.broadcaster)}", "chuong_trinh: Thời sự 18 giờ",
        f"ngay_phat: {day.isoformat()}",
        f"tieu_de: {q('Triển khai biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công chức, viên chức')}",
        'thoi_luong: "0:20"', "noi_dung:",
        f"  - {q(f'Sáng nay, {nguon} tổ chức hội nghị triển khai {_plan(p)}.')}",
        f"  - {q(f'Hội nghị đề nghị {p.addressees[0].lower() + p.addressees[1:]} rà soát quy hoạch, bảo đảm tỷ lệ nữ theo quy định.')}",
        f"bien_tap: {q(BLANK)}", f"nguon: {q(nguon)}",
    ]


def kich_ban_truyen_hinh(p: Province, day: dt.date) -> list[str]:
    return _header("Kịch bản phóng sự truyền hình") + [
        "loai: kich_ban_truyen_hinh", f"don_vi: {q(p.broadcaster)}",
        "chuong_trinh: Chuyên mục Phụ nữ và Phát triển",
        "tieu_de: Những nữ cán bộ vững vàng nơi cơ sở", 'thoi_luong: "1:00"',
        f"ngay_phat: {day.isoformat()}",
        "thuc_hien:", f"  bien_tap: {q(BLANK)}", f"  quay_phim: {q(BLANK)}", f"  doc: {q(BLANK)}",
        "phan_doan:",
        "  - co_canh: Toàn", f"    hinh_anh: {q(f'Trụ sở Ủy ban nhân dân {p.of()}.')}",
        "    am_thanh: Nhạc hiệu chuyên mục", "    thoi_luong: 10",
        "  - co_canh: Trung", "    hinh_anh: Hội nghị triển khai công tác bình đẳng giới.",
        f"    loi_binh: {q(f'Thực hiện {_plan(p)}, các cơ quan, đơn vị, địa phương đã rà soát quy hoạch, cử nữ cán bộ tham gia đào tạo, bồi dưỡng.')}",
        "    thoi_luong: 30",
        "  - co_canh: Toàn", "    hinh_anh: Nữ cán bộ tại nơi làm việc; chữ cuối chương trình.",
        "    am_thanh: Nhạc kết", "    thoi_luong: 20",
    ]


def guong_dien_hinh(p: Province, day: dt.date) -> list[str]:
    return _header("Tập gương điển hình") + [
        "loai: guong_dien_hinh", f"don_vi: {q(p.press_department + ' ' + p.of())}",
        f"tieu_de: {q(f'Gương nữ cán bộ, công chức, viên chức tiêu biểu năm {day.year}')}",
        "gioi_thieu:",
        f"  - {q(f'Thực hiện {_plan(p)}, {p.press_department} phối hợp với {p.broadcaster} giới thiệu những tấm gương tiêu biểu.')}",
        "nguoi:", f"  - ho_ten: {q('Họ và tên')}", f"    chuc_vu: {q(BLANK)}",
        f"    don_vi: {q(BLANK)}", "    thanh_tich:", f"      - {q(BLANK)}",
    ]


def quyet_dinh(p: Province, day: dt.date) -> list[str]:
    code, _ = _issuer(p)
    home = p.home_affairs.full_name if p.home_affairs else "Sở Nội vụ"
    period = f" giai đoạn {p.period}" if p.period != BLANK else ""
    return _header("Quyết định biểu dương") + [
        "loai: quyet_dinh", f"co_quan: {code}", "so:", f"ngay: {day.year}-{day.month:02d}",
        f"trich_yeu: {q(f'Về việc biểu dương tập thể, cá nhân thực hiện tốt công tác bình đẳng giới đối với nữ cán bộ, công chức, viên chức năm {day.year - 1}')}",
        "can_cu:", f"  - {q(f'Căn cứ {p.law};')}",
        f"  - {q('Căn cứ Luật Bình đẳng giới ngày 29 tháng 11 năm 2006;')}",
        f"  - {q(f'Căn cứ Kế hoạch của Ủy ban nhân dân tỉnh về triển khai thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công chức, viên chức {p.of()}{period};')}",
        f"  - {q(f'Theo đề nghị của Giám đốc {home}.')}",
        "dieu:",
        f"  - {q(f'Biểu dương các tập thể có thành tích tiêu biểu trong thực hiện công tác bình đẳng giới đối với nữ cán bộ, công chức, viên chức năm {day.year - 1} (có danh sách kèm theo).')}",
        "  - Quyết định này có hiệu lực kể từ ngày ký.",
        f"  - {q(f'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc {home}, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.')}",
        "danh_sach:", f"  tieu_de: {q(f'Tập thể thực hiện tốt công tác bình đẳng giới năm {day.year - 1}')}",
        "  tap_the:", f"    - ten: {q(home)}", f"      thanh_tich: {q(BLANK)}",
        "nguoi_ky:", "  quyen_han: KT. CHỦ TỊCH", "  chuc_vu: PHÓ CHỦ TỊCH", "  ho_ten:",
        "noi_nhan:", "  - Như Điều 3", "  - CT, các PCT UBND tỉnh", f"  - {q(p.broadcaster)}",
        f"  - {q(p.portal)}", "luu: VT",
    ]


SKELETONS: dict[str, Callable[[Province, dt.date], list[str]]] = {
    "thong_cao": thong_cao, "tin_bai": tin_bai, "tin_phat_thanh": tin_phat_thanh,
    "kich_ban_truyen_hinh": kich_ban_truyen_hinh, "guong_dien_hinh": guong_dien_hinh,
    "quyet_dinh": quyet_dinh,
}


def skeleton(kind: str, p: Province, day: dt.date) -> str:
    return "\n".join(SKELETONS[kind](p, day)) + "\n"
