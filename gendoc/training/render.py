"""Make a course: every document of the package from one Thông báo with `lop_hoc:`.

content/tap-huan/lop-x.yaml → output/tap-huan/lop-x/
    thong-bao.docx                      the announcement (ND30, checked)
    giay-moi/01-so-tu-phap.docx …       one Giấy mời per unit or per participant (ND30, checked)
    giay-moi-tong-hop.docx              all invitations, one printable file
    danh-sach-hoc-vien.docx             attendance list to sign (a form)
    giay-chung-nhan/001-….docx …        one certificate per participant who completed
    giay-chung-nhan-tong-hop.docx       all certificates, one printable file

The kind only computes artifacts in memory; the build's writer writes them and removes what an
earlier run made and this one does not (a participant taken off the list, the PDF of a rewritten
.docx), from the manifest — never any other file in those folders.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from gendoc.artifacts import Artifact, artifact
from gendoc.document import BuildContext, Document, rel
from gendoc.docx_render import to_bytes
from gendoc.exceptions import ContentError, FieldProblem
from gendoc.pdf_split import item_marks
from gendoc.render import docx_artifact, kind_context, stem_of
from gendoc.templates import find_template
from gendoc.training import attendance, certificate, invitations
from gendoc.training.batch import BatchTemplate
from gendoc.training.model import LopHoc, tap_huan_config
from gendoc.training.roster import HocVien, read_roster, unaccent
from gendoc.workspace import Workspace


def slug(text: str, limit: int = 40) -> str:
    """An unaccented file-name part: "Sở Tư pháp" → "so-tu-phap"."""
    return (re.sub(r"[^a-z0-9]+", "-", unaccent(text)).strip("-")[:limit].strip("-")) or "x"


def participants(ws: Workspace, doc: Document) -> list[HocVien] | None:
    """The validated participant list in attendance order, or None when there is none yet."""
    lop: LopHoc = doc.data.lop_hoc
    if not lop.danh_sach:
        doc.warnings.append("chưa có danh sách học viên (trường lop_hoc.danh_sach): chỉ dựng thông báo "
                            "và giấy mời gửi các đơn vị.")
        return None
    path = doc.path.parent / lop.danh_sach
    if Path(lop.danh_sach).is_absolute() or ws.root.resolve() not in path.resolve().parents:
        raise ContentError(rel(ws, doc.path), [FieldProblem(
            "lop_hoc.danh_sach", f"tệp danh sách '{lop.danh_sach}' nằm ngoài thư mục làm việc",
            where=doc.line("lop_hoc", "danh_sach"),
            hint="chép danh sách vào thư mục làm việc (ví dụ content/tap-huan/_du-lieu/) và ghi "
                 "đường dẫn tính từ thư mục của tệp nội dung")])
    if not path.is_file():
        raise ContentError(rel(ws, doc.path), [FieldProblem(
            "lop_hoc.danh_sach", f"không tìm thấy tệp danh sách học viên '{lop.danh_sach}'",
            where=doc.line("lop_hoc", "danh_sach"),
            hint=f"đường dẫn tính từ thư mục {rel(ws, doc.path.parent)}/; "
                 "để trống trường này nếu chưa có danh sách")])
    try:
        roster = read_roster(path, [u.ten for u in lop.don_vi], shown=rel(ws, path))
    except ContentError as exc:  # name the course file and field that point to the list
        raise ContentError(rel(ws, doc.path), [FieldProblem(
            "lop_hoc.danh_sach", "danh sách học viên có lỗi:\n    "
            + exc.format_message().replace("\n", "\n    "),
            where=doc.line("lop_hoc", "danh_sach"))]) from exc
    people = [p for _, members in attendance.grouped(lop, roster.hoc_vien) for p in members]
    for unit in lop.don_vi:
        count = sum(1 for p in people if p.don_vi == unit.ten)
        if count > unit.so_luong:
            doc.warnings.append(f"{unit.ten} cử {count} học viên, vượt chỉ tiêu {unit.so_luong} "
                                "(lop_hoc.don_vi) — kiểm tra lại danh sách hoặc chỉ tiêu.")
        elif count == 0:
            doc.warnings.append(f"{unit.ten} chưa cử học viên nào (chỉ tiêu {unit.so_luong}).")
    return people


def make_course(doc: Document, bctx: BuildContext) -> list[Artifact]:
    """The course package (or a plain Thông báo when there is no `lop_hoc`)."""
    lop: LopHoc | None = doc.data.lop_hoc
    if lop is None:
        return [docx_artifact(doc, bctx, kind_context(doc, bctx))]

    ws = bctx.ws
    settings = tap_huan_config(ws)
    folder = stem_of(doc, bctx)
    gui_theo = lop.giay_moi.gui_theo or settings.giay_moi_theo
    people = participants(ws, doc)
    if gui_theo == "hoc_vien" and people is None:
        raise ContentError(rel(ws, doc.path), [FieldProblem(
            "lop_hoc.giay_moi.gui_theo", "gửi giấy mời theo học viên cần danh sách học viên",
            hint="thêm lop_hoc.danh_sach hoặc đổi thành gui_theo: don_vi")])
    made = [docx_artifact(doc, bctx, kind_context(doc, bctx), path=folder / "thong-bao.docx")]
    made += _invitations(doc, ws, lop, people, gui_theo, folder)
    if people:
        sheet = to_bytes(attendance.build(ws, doc.data, people))
        made.append(artifact(folder / "danh-sach-hoc-vien.docx", sheet, nd30=False))
        made += _certificates(doc, ws, lop, people, folder)
    return made


def _invitations(doc: Document, ws: Workspace, lop: LopHoc, people: list[HocVien] | None,
                 gui_theo: str, folder: PurePosixPath) -> list[Artifact]:
    """One Giấy mời per unit (or per participant), and all of them in one printable file."""
    unit = ws.unit(doc.data.co_quan)
    issuer = unit.full_name
    gm = invitations.template(doc.data, ws)
    recipients = (invitations.per_person(people) if gui_theo == "hoc_vien" and people
                  else invitations.per_unit(lop, issuer, people))
    width = max(2, len(str(len(recipients))))
    values = [v for _, v in recipients]
    made = [artifact(folder / "giay-moi" / f"{i:0{width}d}-{slug(name)}.docx", gm.fill(v),
                     fixed=True)
            for i, (name, v) in enumerate(recipients, start=1)]
    combined = folder / "giay-moi-tong-hop.docx"
    made.append(artifact(combined, gm.combine(values, marks(combined, made)), nd30=False,
                         fixed=True))
    return made


def _certificates(doc: Document, ws: Workspace, lop: LopHoc, people: list[HocVien],
                  folder: PurePosixPath) -> list[Artifact]:
    """A certificate for each participant who completed, and all of them in one file."""
    done = [p for p in people if p.hoan_thanh]
    if not done:
        doc.warnings.append("chưa có học viên nào được đánh dấu hoàn thành (cột 'Hoàn thành') — "
                            "chưa dựng giấy chứng nhận.")
        return []
    cfg = lop.chung_nhan
    signer = cfg.nguoi_ky or doc.data.nguoi_ky
    shared = certificate.shared_context(ws.unit(doc.data.co_quan), ws.config.tinh, lop, signer,
                                        cfg.ngay or lop.den_ngay)
    cert = BatchTemplate.from_template(find_template(ws, certificate.TEMPLATE), shared,
                                       certificate.FIELDS, ws=None, date=shared["ngay"])
    jobs = [(folder / "giay-chung-nhan" / f"{n:03d}-{slug(p.ho_ten)}.docx",
             certificate.person_values(p, n, cfg.ky_hieu))
            for n, p in enumerate(done, start=cfg.so_bat_dau)]
    long = [v["ho_ten"] for _, v in jobs if certificate.estimated_lines(shared, v) > certificate.MAX_LINES]
    if long:
        doc.warnings.append(
            f"giấy chứng nhận của {', '.join(long)} có thể tràn sang trang thứ hai (chức vụ, "
            "đơn vị, tên lớp hoặc địa điểm quá dài) — rút gọn cột Chức vụ trong danh sách, "
            "hoặc xem lại tệp PDF.")
    made = [artifact(path, cert.fill(values), nd30=False, fixed=True) for path, values in jobs]
    combined = folder / "giay-chung-nhan-tong-hop.docx"
    made.append(artifact(combined, cert.combine([v for _, v in jobs], marks(combined, made)),
                         nd30=False, fixed=True))
    return made


def marks(combined: PurePosixPath, items: list[Artifact]) -> list[str]:
    """The bookmarks naming each item in the combined file, then the seal after the last: the
    items' PDFs are cut from the combined file's PDF (gendoc.pdf_split) instead of LibreOffice
    converting every item."""
    return item_marks([item.path.relative_to(combined.parent).as_posix() for item in items])
