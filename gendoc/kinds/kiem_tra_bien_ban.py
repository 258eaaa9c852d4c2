"""Biên bản kiểm tra (BB): one per inspected unit, from one file holding every unit's findings.

For each unit: who was present (the team from the Kế hoạch kiểm tra, the unit's representatives),
the unit's figures from its annual report (via the consolidation, computed once per build) and
whether its implementation plan was issued, the finding on every checklist item (next to the
unit's own verdict when its Excel self-assessment form came back), what it must correct, and two
signature columns: the head of the unit and the head of the team.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from gendoc.artifacts import Artifact
from gendoc.body import Blocks, Para, Span, close_body, parse_inline, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.inspections import blocks
from gendoc.inspections.minutes import UnitMinutes, minutes, unit_figures
from gendoc.inspections.model import unit_code
from gendoc.inspections.scaffold import minutes_scaffold
from gendoc.inspections.sources import plan_of
from gendoc.inspections.templates import bien_ban
from gendoc.kinds import Kind, register
from gendoc.kinds.official import NguoiKy, Strict, VanBan, official_context
from gendoc.render import docx_artifact, stem_of
from gendoc.vi.dates import parse_date

TEN_LOAI = "BIÊN BẢN"
DEFAULT_SUBJECT = ("Kiểm tra việc thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, "
                   "công chức, viên chức")


class KetQua(Strict):
    dat: bool = Field(description="đạt (true) hay chưa đạt (false)")
    nhan_xet: str = Field(min_length=1, description="nhận xét của Đoàn kiểm tra")
    khac_phuc: str | None = Field(None, description="việc đơn vị phải khắc phục (bắt buộc khi "
                                                    "chưa đạt)")

    @model_validator(mode="after")
    def _correction(self) -> KetQua:
        if not self.dat and not self.khac_phuc:
            raise ValueError("nội dung chưa đạt: ghi 'khac_phuc' (việc đơn vị phải khắc phục)")
        return self


class DaiDien(Strict):
    ho_ten: str = Field(min_length=1, description="họ và tên")
    chuc_vu: str = Field(min_length=1, description="chức vụ")


class BienBanDonVi(Strict):
    """The inspection of one unit."""

    don_vi: str = Field(min_length=1, description="mã đơn vị (có trong lịch của kế hoạch kiểm tra)")
    so: int | None = Field(None, ge=1, description="số biên bản")
    bat_dau: str = Field("8 giờ 00 phút", description="giờ bắt đầu")
    ket_thuc: str = Field("11 giờ 00 phút", description="giờ kết thúc")
    dai_dien: list[DaiDien] = Field(min_length=1, description="đại diện đơn vị được kiểm tra")
    nguoi_ky: NguoiKy = Field(description="thủ trưởng đơn vị ký biên bản")
    ket_qua: dict[str, KetQua] = Field(min_length=1, description="kết quả theo mã từng nội dung "
                                       "kiểm tra, ví dụ '1': {dat: true, nhan_xet: …}")
    tu_danh_gia: str | None = Field(None, description="Biểu tự đánh giá đơn vị gửi lại (.xlsx, "
                                    "tính từ thư mục của tệp này)")
    y_kien: list[str] = Field(default_factory=list, description="ý kiến của đơn vị")

    _unit = field_validator("don_vi")(unit_code)

    @field_validator("ket_qua", mode="before")
    @classmethod
    def _keys(cls, v: Any, info: ValidationInfo) -> Any:
        return {str(k): x for k, x in v.items()} if isinstance(v, dict) else v


class BienBanKiemTra(VanBan):
    """The minutes of every inspected unit (see docs/inspections.md)."""

    ke_hoach_kiem_tra: str = Field(min_length=1, description="tệp kế hoạch kiểm tra (tính từ "
                                   "thư mục của tệp này), ví dụ ke-hoach-kiem-tra-2018.yaml")
    trich_yeu: str = Field(DEFAULT_SUBJECT, description="trích yếu; gendoc thêm 'tại <đơn vị>'")
    # The team head signs by default.
    nguoi_ky: NguoiKy | None = Field(None, description="mặc định: Trưởng đoàn kiểm tra")  # type: ignore[assignment]
    noi_nhan: list[str] = Field(default_factory=lambda: ["Giám đốc Sở (b/c)"],
                                description="nơi nhận; gendoc thêm đơn vị được kiểm tra")
    don_vi: list[BienBanDonVi] = Field(min_length=1, description="biên bản của từng đơn vị")


def unit_context(document: Document, bctx: BuildContext, unit: UnitMinutes) -> dict[str, Any]:
    doc: BienBanKiemTra = document.data
    ws, plan = bctx.ws, plan_of(document, bctx).data
    head = blocks.head_of(plan.doan)
    name = blocks.unit_name(ws, unit.visit.don_vi)
    team = doc.nguoi_ky or NguoiKy(chuc_vu="TRƯỞNG ĐOÀN KIỂM TRA", ho_ten=head.ho_ten)
    data = doc.model_copy(update={"so": unit.entry.so, "ngay": parse_date(unit.visit.ngay),
                                  "trich_yeu": f"{doc.trich_yeu} tại {name}", "nguoi_ky": team,
                                  "noi_nhan": [*doc.noi_nhan, name]})
    ctx = official_context(data, ws, TEN_LOAI)
    cite = blocks.citation(plan, ws, "Kế hoạch", "KH")
    body = Blocks(plain_paragraphs([
        f"Thực hiện {cite}, vào lúc {unit.entry.bat_dau} ngày {blocks.day_text(unit.visit.ngay)}, "
        f"tại {blocks.place_of(ws, unit.visit)}, Đoàn kiểm tra tiến hành kiểm tra tại {name}."]))
    body += [blocks.heading(1, "Thành phần"), Para([Span("1. Đoàn kiểm tra:")]),
             *blocks.team_lines(plan.doan), Para([Span(f"2. Đại diện {name}:")]),
             *[Para([Span(f"- {p.ho_ten}, {p.chuc_vu};")]) for p in unit.entry.dai_dien]]
    body += [blocks.heading(2, f"Số liệu của đơn vị năm {plan.nam}"),
             *unit_figures(bctx, plan.nam, unit.visit.don_vi)]
    rows = [[str(i), it.noi_dung, *([_self(unit, it.ma)] if unit.self_check else []),
             blocks.DAT if unit.entry.ket_qua[it.ma].dat else blocks.CHUA_DAT,
             unit.entry.ket_qua[it.ma].nhan_xet] for i, it in enumerate(unit.items, 1)]
    body += [blocks.heading(3, "Kết quả kiểm tra"), blocks.findings_table(rows, bool(unit.self_check))]
    fixes = [f"- {unit.entry.ket_qua[it.ma].khac_phuc};" for it in unit.items
             if not unit.entry.ket_qua[it.ma].dat]
    body += [blocks.heading(4, "Kiến nghị và ý kiến của đơn vị"),
             Para([Span(f"1. Đề nghị {name} khắc phục:" if fixes else
                        f"1. Đoàn kiểm tra ghi nhận {name} thực hiện đạt các nội dung kiểm tra.")]),
             *plain_paragraphs(fixes),
             Para([Span("2. Ý kiến của đơn vị: "), *parse_inline(" ".join(unit.entry.y_kien) or
                   "thống nhất với kết quả kiểm tra của Đoàn.")])]
    body += close_body(plain_paragraphs([
        f"Biên bản kết thúc vào lúc {unit.entry.ket_thuc} cùng ngày, được lập thành 02 bản có giá "
        f"trị như nhau, Đoàn kiểm tra giữ 01 bản, {name} giữ 01 bản; các thành viên dự họp đã "
        "nghe đọc lại và thống nhất ký tên."]))
    ctx["noi_dung"] = body
    signer = unit.entry.nguoi_ky
    ctx |= blocks.signatures((["Đại diện đơn vị được kiểm tra", *signer.quyen_han],
                              signer.chuc_vu, signer.ho_ten),
                             (team.quyen_han, team.chuc_vu, team.ho_ten))
    return ctx


def _self(unit: UnitMinutes, code: str) -> str:
    answer = unit.self_check.get(code)
    return "" if answer is None else (blocks.DAT if answer.dat else blocks.CHUA_DAT)


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    """The first unit's biên bản (what `gendoc template check` sees)."""
    return unit_context(document, bctx, minutes(document, bctx)[0])


def make(document: Document, bctx: BuildContext) -> list[Artifact]:
    """One biên bản per unit: output/<file>/<unit code>.docx."""
    stem = stem_of(document, bctx)
    return [docx_artifact(document, bctx, unit_context(document, bctx, unit),
                          path=f"{stem}/{unit.entry.don_vi}.docx")
            for unit in minutes(document, bctx)]


KIND = register(Kind(
    name="kiem_tra_bien_ban",
    title="Biên bản kiểm tra (mỗi đơn vị một biên bản)",
    schema=BienBanKiemTra,
    template="kiem_tra_bien_ban.docx",
    context=context,
    make=make,
    ten_loai=TEN_LOAI,
    make_template=bien_ban,
    scaffold=minutes_scaffold,
))
