"""Render a course: every document of the package from one Thông báo with `lop_hoc:`.

content/tap-huan/lop-x.yaml → output/tap-huan/lop-x/
    thong-bao.docx                      the announcement (ND30, checked)
    giay-moi/01-so-tu-phap.docx …       one Giấy mời per unit or per participant (ND30, checked)
    giay-moi-tong-hop.docx              all invitations, one printable file
    danh-sach-hoc-vien.docx             attendance list to sign (a form)
    giay-chung-nhan/001-….docx …        one certificate per participant who completed
    giay-chung-nhan-tong-hop.docx       all certificates, one printable file

Everything that can fail (the participant list, the templates, Jinja) runs before the first
file is written, so a bad list or template leaves the previous outputs untouched. Each file is
written atomically; files of a previous run that no longer belong to the batch (a participant
removed from the list) are deleted from the batch folders, and so is the PDF of every rewritten
.docx (`--pdf` makes it again), so a PDF never disagrees with its document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.build import Document, RenderResult, default_output, rel, write_docx
from gendoc.docx_render import render_docx, to_bytes
from gendoc.exceptions import ContentError, FieldProblem
from gendoc.templates import find_template
from gendoc.training import attendance, certificate, invitations
from gendoc.training.batch import BatchTemplate, write_batch
from gendoc.training.model import LopHoc, tap_huan_config
from gendoc.training.roster import HocVien, read_roster, unaccent
from gendoc.workspace import Workspace
from gendoc.writer import atomic_write, ensure_inside
from gendoc.yamlio import line_of

_BATCH_FILE = re.compile(r"^\d+-[a-z0-9-]+\.(docx|pdf)$")


@dataclass
class CourseResult(RenderResult):
    """A render result whose outputs include files that are not ND30 documents.

    `not_nd30` (certificates, attendance list, combined print files) are skipped by
    `gendoc build --check`; every other .docx output is checked.
    """

    not_nd30: list[Path] = field(default_factory=list)


def slug(text: str, limit: int = 40) -> str:
    """An unaccented file-name part: "Sở Tư pháp" → "so-tu-phap"."""
    return (re.sub(r"[^a-z0-9]+", "-", unaccent(text)).strip("-")[:limit].strip("-")) or "x"


def render_plain(ws: Workspace, doc: Document, out: Path | None) -> RenderResult:
    """A Thông báo without a course: the default single-document rendering."""
    return write_docx(ws, doc, doc.kind.context(doc.data, ws), out)


def participants(ws: Workspace, doc: Document) -> list[HocVien] | None:
    """The validated participant list in attendance order, or None when there is none yet."""
    lop: LopHoc = doc.data.lop_hoc
    if not lop.danh_sach:
        doc.warnings.append("chưa có danh sách học viên (trường lop_hoc.danh_sach): chỉ dựng thông báo "
                            "và giấy mời gửi các đơn vị.")
        return None
    path = Path(lop.danh_sach)
    if not path.is_absolute():
        path = doc.path.parent / path
    if not path.is_file():
        raise ContentError(rel(ws, doc.path), [FieldProblem(
            "lop_hoc.danh_sach", f"không tìm thấy tệp danh sách học viên '{lop.danh_sach}'",
            where=line_of(doc.raw, ("lop_hoc", "danh_sach")) if doc.raw is not None else None,
            hint=f"đường dẫn tính từ thư mục {rel(ws, doc.path.parent)}/; "
                 "để trống trường này nếu chưa có danh sách")])
    roster = read_roster(path, [u.ten for u in lop.don_vi], shown=rel(ws, path))
    people = [p for _, members in attendance.grouped(lop, roster.hoc_vien) for p in members]
    for unit in lop.don_vi:
        count = sum(1 for p in people if p.don_vi == unit.ten)
        if count > unit.so_luong:
            doc.warnings.append(f"{unit.ten} cử {count} học viên, vượt chỉ tiêu {unit.so_luong} "
                                "(lop_hoc.don_vi) — kiểm tra lại danh sách hoặc chỉ tiêu.")
        elif count == 0:
            doc.warnings.append(f"{unit.ten} chưa cử học viên nào (chỉ tiêu {unit.so_luong}).")
    return people


def _prune(folder: Path, keep: set[Path]) -> None:
    """Delete batch files of an earlier run that this run did not write."""
    if not folder.is_dir():
        return
    kept = {p.resolve() for p in keep} | {p.with_suffix(".pdf").resolve() for p in keep}
    for path in folder.iterdir():
        if path.is_file() and _BATCH_FILE.match(path.name) and path.resolve() not in kept:
            path.unlink()


def render_course(ws: Workspace, doc: Document, out: Path | None) -> RenderResult:
    """Render the course package (or a plain Thông báo when there is no `lop_hoc`)."""
    lop: LopHoc | None = doc.data.lop_hoc
    if lop is None:
        return render_plain(ws, doc, out)
    settings = tap_huan_config(ws.raw_config.get("tap_huan"))
    folder = out.with_suffix("") if out is not None else default_output(ws, doc.path, "")
    root = ws.output_dir if out is None else folder.parent
    ensure_inside(folder, root)
    gui_theo = lop.giay_moi.gui_theo or settings.giay_moi_theo
    people = participants(ws, doc)
    if gui_theo == "hoc_vien" and people is None:
        raise ContentError(rel(ws, doc.path), [FieldProblem(
            "lop_hoc.giay_moi.gui_theo", "gửi giấy mời theo học viên cần danh sách học viên",
            hint="thêm lop_hoc.danh_sach hoặc đổi thành gui_theo: don_vi")])

    # 1. Everything that can fail, in memory.
    names = [doc.data.template] if doc.data.template else [doc.kind.template]
    template = find_template(ws, *names)
    announcement = to_bytes(render_docx(template, doc.kind.context(doc.data, ws), ws))
    unit = ws.unit(doc.data.co_quan)
    issuer = unit.ten_day_du or " ".join(unit.header_lines)
    gm = invitations.template(doc.data, ws)
    recipients = (invitations.per_person(people) if gui_theo == "hoc_vien" and people
                  else invitations.per_unit(lop, issuer, people))
    width = max(2, len(str(len(recipients))))
    gm_jobs = [(folder / "giay-moi" / f"{i:0{width}d}-{slug(name)}.docx", values)
               for i, (name, values) in enumerate(recipients, start=1)]
    gm_all = gm.combine([v for _, v in gm_jobs])
    sheet = to_bytes(attendance.build(ws, doc.data, people)) if people else None
    cert_jobs: list[tuple[Path, dict[str, str]]] = []
    cert: BatchTemplate | None = None
    cert_all = b""
    if people is not None:
        done = [p for p in people if p.hoan_thanh]
        if not done:
            doc.warnings.append("chưa có học viên nào được đánh dấu hoàn thành (cột 'Hoàn thành') — "
                                "chưa dựng giấy chứng nhận.")
        else:
            cfg = lop.chung_nhan
            signer = cfg.nguoi_ky or doc.data.nguoi_ky
            shared = certificate.shared_context(unit, ws.config.tinh, lop, signer,
                                                cfg.ngay or lop.den_ngay)
            cert = BatchTemplate.from_template(find_template(ws, certificate.TEMPLATE), shared,
                                               certificate.FIELDS, ws=None)
            for n, person in enumerate(done, start=cfg.so_bat_dau):
                values = certificate.person_values(person, n, cfg.ky_hieu)
                cert_jobs.append((folder / "giay-chung-nhan" / f"{n:03d}-{slug(person.ho_ten)}.docx", values))
            cert_all = cert.combine([v for _, v in cert_jobs])
            long = [v["ho_ten"] for _, v in cert_jobs
                    if certificate.estimated_lines(shared, v) > certificate.MAX_LINES]
            if long:
                doc.warnings.append(
                    f"giấy chứng nhận của {', '.join(long)} có thể tràn sang trang thứ hai (chức vụ, "
                    "đơn vị, tên lớp hoặc địa điểm quá dài) — rút gọn cột Chức vụ trong danh sách, "
                    "hoặc xem lại tệp PDF.")

    # 2. Write.
    outputs: list[Path] = [atomic_write(folder / "thong-bao.docx", announcement, root=root)]
    not_nd30: list[Path] = []
    threads, progress = settings.song_song, settings.tien_trinh_tu
    outputs += write_batch(gm, gm_jobs, root, threads=threads, label="Giấy mời", progress_from=progress)
    _prune(folder / "giay-moi", {p for p, _ in gm_jobs})
    combined = atomic_write(folder / "giay-moi-tong-hop.docx", gm_all, root=root)
    outputs.append(combined)
    not_nd30.append(combined)
    if sheet is not None:
        path = atomic_write(folder / "danh-sach-hoc-vien.docx", sheet, root=root)
        outputs.append(path)
        not_nd30.append(path)
    if cert is not None:
        written = write_batch(cert, cert_jobs, root, threads=threads, label="Giấy chứng nhận",
                              progress_from=progress)
        path = atomic_write(folder / "giay-chung-nhan-tong-hop.docx", cert_all, root=root)
        outputs += [*written, path]
        not_nd30 += [*written, path]
    _prune(folder / "giay-chung-nhan", {p for p, _ in cert_jobs})
    for name in ("danh-sach-hoc-vien", "giay-chung-nhan-tong-hop"):  # not made this time
        if folder / f"{name}.docx" not in outputs:
            (folder / f"{name}.docx").unlink(missing_ok=True)
            (folder / f"{name}.pdf").unlink(missing_ok=True)
    for path in outputs:  # a PDF from an earlier --pdf run no longer matches its .docx
        path.with_suffix(".pdf").unlink(missing_ok=True)
    return CourseResult(document=doc, outputs=outputs, template=template, not_nd30=not_nd30)

