"""`gendoc vi …`: the Vietnamese language layer for clerks and scripts.

Thin wrappers: each command parses its argument, calls one function of `gendoc.vi` and prints one
result. ValueErrors from the API (already Vietnamese) become GendocError: "Lỗi: …", exit code 1.
The command words (words, date, sort, convert) are fixed because scripts call them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from gendoc.exceptions import GendocError


def _fail(exc: ValueError, hint: str = "") -> GendocError:
    message = str(exc)
    if hint:
        message += f" {hint}"
    return GendocError(message[:1].lower() + message[1:] if message else "giá trị không hợp lệ")


@click.group(name="vi")
@click.help_option("-h", "--help", help="Hiện hướng dẫn này rồi thoát.")
def vi() -> None:
    """Công cụ tiếng Việt: đọc số thành chữ, ngày tháng, sắp xếp tên, chuyển mã.

    \b
    Ví dụ:
      gendoc vi words 1050000            một triệu không trăm năm mươi nghìn
      gendoc vi words 1250000 --dong     Một triệu hai trăm năm mươi nghìn đồng
      gendoc vi date 2020-03-05          ngày 05 tháng 3 năm 2020
      gendoc vi sort danh_sach.txt       sắp xếp họ tên theo tên, tên đệm, họ
      gendoc vi convert cu.docx -o moi.docx   chuyển TCVN3/VNI sang Unicode
    """


@vi.command(name="words", context_settings={"ignore_unknown_options": True})
@click.help_option("-h", "--help", help="Hiện hướng dẫn này rồi thoát.")
@click.argument("so", metavar="SỐ")
@click.option("--dong", is_flag=True, help='Dạng số tiền: viết hoa chữ đầu, thêm "đồng".')
@click.option("--chan", is_flag=True, help='Thêm "chẵn" sau số tiền tròn (dùng với --dong).')
@click.option("--le", "le", is_flag=True, help='Đọc "lẻ" thay cho "linh" (105: một trăm lẻ năm).')
@click.option("--ngan", is_flag=True, help='Đọc "ngàn" thay cho "nghìn".')
@click.option("--bon", is_flag=True, help='Đọc "bốn" thay cho "tư" (24: hai mươi bốn).')
def words_cmd(so: str, dong: bool, chan: bool, le: bool, ngan: bool, bon: bool) -> None:
    """Đọc SỐ thành chữ theo cách đọc chính thức (văn bản, chứng từ tài chính).

    SỐ viết bằng chữ số: 1234567, 1.234.567, 12,5 hoặc -50000.
    """
    from gendoc.vi.numwords import so_thanh_chu, tien_bang_chu

    style = {"linh": "lẻ" if le else "linh", "nghin": "ngàn" if ngan else "nghìn",
             "tu": "bốn" if bon else "tư"}  # fmt: skip
    try:
        text = tien_bang_chu(so, chan=chan, **style) if dong else so_thanh_chu(so, **style)
    except ValueError as exc:
        raise _fail(exc) from None
    click.echo(text)


@vi.command(name="date")
@click.help_option("-h", "--help", help="Hiện hướng dẫn này rồi thoát.")
@click.argument("ngay", metavar="YYYY-MM-DD")
@click.option("--noi", "noi", default=None, metavar="ĐỊA_DANH",
              help='In cả dòng địa danh, ví dụ --noi "Kiên Giang".')  # fmt: skip
@click.option("--thu", "thu", is_flag=True, help="Thêm thứ trong tuần (thứ Hai, …, Chủ nhật).")
def date_cmd(ngay: str, noi: str | None, thu: bool) -> None:
    """In ngày theo Nghị định 30: ngày 05 tháng 3 năm 2020.

    Nhận cả ngày chưa đủ: 2020-12 (ngày để trống) hoặc 2020 (ngày, tháng để trống);
    cũng nhận dạng 05/03/2020.
    """
    from gendoc.vi.dates import dia_danh_ngay, ngay_thang_nam
    from gendoc.vi.periods import thu_ngay

    try:
        if thu:
            text = thu_ngay(ngay)
            text = f"{noi.strip()}, {text}" if noi else text
        else:
            text = dia_danh_ngay(noi, ngay) if noi is not None else ngay_thang_nam(ngay)
    except ValueError as exc:
        raise _fail(exc) from None
    click.echo(text)


def _read_lines(path: str) -> list[str]:
    if path == "-":
        return sys.stdin.read().splitlines()
    file = Path(path)
    if not file.is_file():
        raise GendocError(f"không tìm thấy tệp '{path}' — kiểm tra lại tên và đường dẫn.")
    try:
        return file.read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        raise GendocError(
            f"{path}: tệp không phải Unicode (UTF-8) — có thể là mã TCVN3/VNI; hãy chạy "
            f"'gendoc vi convert {path} -o <tệp mới>' trước."
        ) from None


@vi.command(name="sort")
@click.help_option("-h", "--help", help="Hiện hướng dẫn này rồi thoát.")
@click.argument("tep", metavar="TỆP")
@click.option("--chu", "chu", is_flag=True,
              help="Sắp xếp theo thứ tự chữ cái của cả dòng (tên đơn vị, địa danh) thay vì họ tên.")  # fmt: skip
@click.option("--bo-trung", is_flag=True, help="Bỏ dòng trùng (kể cả hoà/hòa, dựng sẵn/tổ hợp).")
def sort_cmd(tep: str, chu: bool, bo_trung: bool) -> None:
    """Sắp xếp họ tên trong TỆP (mỗi dòng một tên) theo thứ tự văn bản hành chính.

    Theo tên (chữ cuối), rồi tên đệm, rồi họ; chữ cái tiếng Việt a ă â b c d đ … y, dấu thanh
    xét sau chữ cái (ngang, huyền, hỏi, ngã, sắc, nặng). Dòng trống được bỏ qua. TỆP là "-"
    để đọc từ bàn phím/đầu vào chuẩn.
    """
    from gendoc.vi.collate import sap_xep, sap_xep_ten
    from gendoc.vi.text import bo_trung as dedupe
    from gendoc.vi.text import nfc

    names = [nfc(line.strip()) for line in _read_lines(tep) if line.strip()]
    if bo_trung:
        names = dedupe(names)
    for name in sap_xep(names) if chu else sap_xep_ten(names):
        click.echo(name)


@vi.command(name="convert")
@click.help_option("-h", "--help", help="Hiện hướng dẫn này rồi thoát.")
@click.argument("tep", metavar="TỆP")
@click.option("-o", "--out", "out", required=True, metavar="TỆP_RA",
              help="Tệp kết quả (Unicode); không được trùng tệp gốc.")  # fmt: skip
@click.option("--ma", type=click.Choice(["tu-dong", "tcvn3", "vni"]), default="tu-dong",
              show_default=True,
              help="Bảng mã của tệp văn bản thuần (.txt, .csv…). Với .docx/.xlsx bảng mã "
              "được nhận ra từ tên phông (.VnTime → TCVN3, VNI-Times → VNI).")  # fmt: skip
def convert_cmd(tep: str, out: str, ma: str) -> None:
    """Chuyển tệp gõ bằng phông cũ TCVN3 (.VnTime) hoặc VNI (VNI-Times) sang Unicode.

    Nhận .docx, .xlsx và tệp văn bản thuần. Trong .docx/.xlsx, đoạn chữ dùng phông .VnTime*,
    .VnTimeH (chữ hoa) hoặc VNI-* được chuyển mã và đổi sang phông Times New Roman.
    Mã thoát 1 khi thiếu tệp hoặc sai tùy chọn, 2 khi tệp hỏng/không đọc được.
    """
    from gendoc.vi.convert import convert_file

    report = convert_file(tep, out, None if ma == "tu-dong" else ma)
    click.echo(f"{out}: {report.summary()}.")
