"""Derive a unit's implementation plan from the provincial plan (`gendoc new ke_hoach --unit`).

The provincial plan is read as gendoc reads any content file (validated, with line numbers). Its
sections are sorted by role: "MỤC ĐÍCH, YÊU CẦU" and "NHIỆM VỤ VÀ GIẢI PHÁP" are carried over and
re-worded to the unit's scope; in "TỔ CHỨC THỰC HIỆN" the item addressed to all departments and
districts supplies the unit's own duties (except writing this plan, which the draft *is*, and the
yearly report, which goes to the unit's own organisation section), and an item that names the
unit (Sở Nội vụ, Sở Tài chính …) adds the tasks given to it alone. The result is a content file
the unit finishes by hand: signer's name blank, number and date left to the văn thư.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gendoc import nd30
from gendoc.body import Muc
from gendoc.document import load_document, rel
from gendoc.exceptions import ContentError, FieldProblem, GendocError
from gendoc.plans.scope import Scope, is_target, lower_first, upper_first
from gendoc.plans.tasks import Duties, assignment_rows, own_report, split_duties
from gendoc.plans.yamlout import Comment, Commented, dump
from gendoc.units import CoQuan, date_span
from gendoc.vi.dates import ngay_thang_nam
from gendoc.vi.formats import so_van_ban
from gendoc.workspace import Workspace

_ORG = re.compile(r"tổ chức thực hiện", re.IGNORECASE)
_TASKS = re.compile(r"nhiệm vụ", re.IGNORECASE)
_PERIOD = re.compile(r"(?:giai đoạn )?(\d{4})\s*[-–]\s*(\d{4})")


@dataclass
class Source:
    """The provincial plan as the derivation needs it."""

    path: Path
    rel: str  # path from the workspace root, as written in `thuc_hien_ke_hoach`
    data: Any  # gendoc.kinds.ke_hoach.KeHoach
    issuer: CoQuan
    symbol: str  # KH-UBND

    @property
    def number(self) -> str:
        return so_van_ban(self.data.so) if self.data.so else nd30.PLACEHOLDER

    @property
    def citation(self) -> str:
        """"Kế hoạch số 12/KH-UBND ngày 05 tháng 12 năm 2016 của Ủy ban nhân dân tỉnh Kiên Giang"."""
        ngay = ngay_thang_nam(self.data.ngay, nd30.PLACEHOLDER)
        return f"Kế hoạch số {self.number}/{self.symbol} {ngay} của {self.issuer_name}"

    @property
    def issuer_name(self) -> str:
        return self.issuer.full_name

    @property
    def ref(self) -> str:
        """How the unit's text refers back to it mid-sentence."""
        if self.data.so:
            return f"Kế hoạch số {self.number}/{self.symbol} của {self._issuer_short}"
        return f"Kế hoạch của {self._issuer_short}"

    @property
    def _issuer_short(self) -> str:
        name = self.issuer_name
        return re.sub(r"^(Ủy ban nhân dân tỉnh) .+$", r"\1", name)


@dataclass
class Derived:
    unit: CoQuan
    data: dict[str, Any]
    text: str
    notes: list[str] = field(default_factory=list)


def load_source(ws: Workspace, path: Path) -> Source:
    if not path.is_file():
        raise GendocError(f"không tìm thấy kế hoạch gốc '{path}' — ghi đường dẫn tệp nội dung của "
                          "kế hoạch cấp trên sau --from, ví dụ content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml.")
    doc = load_document(ws, path)
    if doc.kind.name != "ke_hoach":
        raise ContentError(rel(ws, path), [FieldProblem(
            "loai", f"văn bản gốc là '{doc.kind.name}', cần một kế hoạch (loai: ke_hoach)")])
    return Source(path=path, rel=rel(ws, path), data=doc.data, issuer=ws.unit(doc.data.co_quan),
                  symbol=doc.ky_hieu or "KH")


def _sections(src: Source) -> tuple[list[Muc], Muc | None]:
    """The carried-over sections and the organisation section."""
    carried, org = [], None
    for section in src.data.noi_dung:
        if org is None and _ORG.search(section.tieu_de or ""):
            org = section
        else:
            carried.append(section)
    return carried, org


def _reword_item(item: Muc, scope: Scope, ref: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if item.tieu_de:
        out["tieu_de"] = scope.reword(item.tieu_de, ref)
    if item.doan:
        texts = [scope.reword(t, ref) for t in item.doan]
        out["doan"] = texts[0] if len(texts) == 1 else texts
    if item.muc:
        out["muc"] = [_as_yaml(_reword_item(sub, scope, ref)) for sub in item.muc]
    return out


def _as_yaml(item: dict[str, Any]) -> Any:
    """A plain paragraph item is written as the string itself (the content files' shorthand)."""
    if set(item) == {"doan"} and isinstance(item["doan"], str):
        return item["doan"]
    return item


def _trich_yeu(src: Source, scope: Scope, tinh: str) -> str:
    own = scope.area_name if scope.local else scope.name
    text = src.data.trich_yeu
    for phrase in (f"tỉnh {tinh}", "tỉnh"):
        if re.search(rf"\b{phrase}\b", text):
            return re.sub(rf"\b{phrase}\b", own, text, count=1)
    period = _PERIOD.search(text)
    if period:
        return f"{text[:period.start()].rstrip()} {own} {text[period.start():]}"
    return f"{text} tại {own}"


def _signer(scope: Scope) -> dict[str, Any]:
    title = scope.unit.chuc_vu_thu_truong or ("CHỦ TỊCH" if scope.local else "GIÁM ĐỐC")
    lines = [f"TM. {scope.unit.tap_the}"] if scope.unit.tap_the else []
    lines.append(f"KT. {title}")
    return {"quyen_han": lines, "chuc_vu": f"PHÓ {title}",
            "ho_ten": Commented(None, "điền họ tên người ký")}


def _recipients(scope: Scope, duties: Duties) -> list[str]:
    via = duties.send_to or "UBND tỉnh (qua Sở Nội vụ)"
    via = via.replace("Ủy ban nhân dân", "UBND")
    is_home = scope.mentions("Sở Nội vụ")
    lines = [via if not is_home else "UBND tỉnh"]
    if not is_home:
        lines.append("Sở Nội vụ")
    if scope.local:  # its Party committee, council, front and divisions, by its level
        lines += [f"TT. {scope.party_committee}, TT. HĐND {scope.area}",
                  f"CT, các PCT UBND {scope.area}",
                  f"Ủy ban MTTQ Việt Nam {scope.area}"]
        if scope.district:
            lines += [f"Các phòng, ban, ngành {scope.area}", scope.communes_short]
        else:
            lines.append(f"Các phòng, đơn vị thuộc UBND {scope.area}")
    else:
        lines.append(f"Ban Giám đốc {scope.short}" if scope.short == "Sở"
                     else f"Lãnh đạo {scope.short}")
        listed = [d for d in scope.unit.don_vi_truc_thuoc]
        lines += listed or [upper_first(scope.divisions)]
    return lines


def _organisation(scope: Scope, src: Source, duties: Duties, with_table: bool) -> dict[str, Any]:
    lead, head = scope.lead, scope.head
    if scope.local:
        named = f"{lead} {scope.area}" if scope.district else upper_first(lead)
        first = (f"{named} là cơ quan thường trực, tham mưu {head} triển khai, theo dõi, "
                 f"đôn đốc, kiểm tra việc thực hiện Kế hoạch này; tổng hợp kết quả, báo cáo theo quy định.")
    else:
        first = (f"{lead} là đầu mối, tham mưu {head} triển khai, theo dõi, đôn đốc, kiểm tra việc "
                 f"thực hiện Kế hoạch này; tổng hợp kết quả, báo cáo theo quy định.")
    annex = " (chi tiết tại Phụ lục kèm theo)" if with_table else ""
    second = (f"{upper_first(scope.divisions)} căn cứ chức năng, nhiệm vụ tổ chức thực hiện các nhiệm "
              f"vụ được phân công{annex}; báo cáo kết quả về {lead} để tổng hợp.")
    items: list[Any] = [first, second]
    if duties.report:
        items.append(own_report(scope.reword(duties.report, src.ref), scope, duties.report_when))
    if duties.send_to and duties.deadline:
        send_to = re.sub(r"\s*\((?:thông )?qua ([^)]+)\)",  # not "(qua Sở Nội vụ)" in its own plan
                         lambda m: "" if scope.mentions(m[1]) else m[0], duties.send_to)
        items.append(f"Giao {lead} gửi Kế hoạch này về {send_to} trước ngày "
                     f"{duties.deadline}.")
    items += [scope.reword(text, src.ref) for text in duties.funding]
    return {"tieu_de": "TỔ CHỨC THỰC HIỆN", "muc": items}


def derive(ws: Workspace, src: Source, unit: CoQuan) -> Derived:
    """The content file (as data and as YAML text) of `unit`'s plan."""
    tinh = ws.config.tinh or src.issuer.dia_danh
    scope = Scope(unit, tinh)
    carried, org = _sections(src)
    duties = split_duties(org, scope)
    notes = []
    if org is None:
        notes.append("kế hoạch gốc không có phần 'TỔ CHỨC THỰC HIỆN': chưa có nhiệm vụ riêng.")
    sections = [_reword_item(s, scope, src.ref) for s in carried]
    own = [_as_yaml(_reword_item(m, scope, src.ref)) for m in duties.general]
    own += [_as_yaml({"doan": scope.reword(t, src.ref)}) for t in duties.assigned]
    if own:
        target = next((s for s in sections if _TASKS.search(s.get("tieu_de", ""))), None)
        block = {"tieu_de": f"Thực hiện các nhiệm vụ được giao tại {src.ref}", "muc": own}
        if target is None:
            sections.append({"tieu_de": "NHIỆM VỤ", "muc": [block]})
        else:
            target.setdefault("muc", []).append(block)
    rows = assignment_rows(src, scope, carried, duties)
    sections.append(_organisation(scope, src, duties, bool(rows)))
    trich_yeu = _trich_yeu(src, scope, tinh)
    mo_dau = (f"Thực hiện {src.citation} về {lower_first(src.data.trich_yeu)}, {scope.name} xây "
              f"dựng Kế hoạch {lower_first(trich_yeu)} như sau:")
    ket_thuc = (f"Trên đây là Kế hoạch {lower_first(trich_yeu)}. Trong quá trình "
                f"thực hiện, nếu có khó khăn, vướng mắc, {scope.divisions} phản ánh về {scope.name} "
                f"(qua {scope.lead}) để kịp thời xem xét, giải quyết./.")
    data: dict[str, Any] = {
        "loai": "ke_hoach",
        "co_quan": unit.ma,
        "so": Commented(None, "văn thư cấp số khi ban hành"),
        "ngay": Commented(_draft_date(duties), "ghi đủ ngày khi ban hành, ví dụ "
                          f"{_draft_date(duties) or '2026-01'}-16"),
        "thuc_hien_ke_hoach": src.rel,
        "trich_yeu": trich_yeu,
        "c1": Comment("Căn cứ: kế hoạch của tỉnh (điền số, ngày nếu tỉnh chưa cấp khi dẫn xuất)."),
        "mo_dau": mo_dau,
        "noi_dung": sections,
        "ket_thuc": ket_thuc,
        "nguoi_ky": _signer(scope),
        "noi_nhan": _recipients(scope, duties),
        "luu": "VT",
    }
    if rows:
        data["c2"] = Comment("Bảng phân công (in thành Phụ lục): sửa đơn vị, thời gian, sản phẩm "
                             "cho đúng thực tế.")
        data["phan_cong"] = {"tieu_de": "Phân công nhiệm vụ thực hiện Kế hoạch", "nhiem_vu": rows}
    if not src.data.so or not (src.data.ngay and src.data.ngay.is_complete):
        notes.append("kế hoạch gốc chưa có số hoặc ngày: đoạn căn cứ để trống chỗ đó, điền khi có.")
    header = [f"Kế hoạch của {scope.name},",
              f"dẫn xuất từ {src.rel} bằng 'gendoc new ke_hoach'.",
              "BẢN NHÁP: đơn vị đọc lại, sửa cho phù hợp rồi dựng bằng 'gendoc build'."]
    return Derived(unit=unit, data=data, text=dump(data, header), notes=notes)


def _draft_date(duties: Duties) -> str | None:
    """The draft's year-month: the month before the submission deadline when it is known."""
    if duties.deadline_date is None:
        return None
    d = duties.deadline_date
    return f"{d.year:04d}-{d.month:02d}"


def default_target(ws: Workspace, src: Source, unit: CoQuan) -> Path:
    """content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml → content/ke-hoach/so-y-te-bdg-2016-2020.yaml."""
    stem = src.path.stem
    prefix = src.data.co_quan
    tail = stem[len(prefix):].lstrip("-") if stem.startswith(prefix) else stem
    return src.path.parent / f"{unit.ma}-{tail}.yaml"


def in_force_on(src: Source) -> tuple[dt.date, dt.date] | None:
    """The days the provincial plan's date may stand for (units must exist then)."""
    return date_span(src.data.ngay)


def targets(ws: Workspace, codes: list[str], all_units: bool,
            on: tuple[dt.date, dt.date] | None = None) -> list[CoQuan]:
    """The units to derive for; with --all-units, every department and local committee that
    exists on the provincial plan's date (`on`), communes included."""
    if all_units:
        units = [u for u in ws.config.co_quan if is_target(u) and (on is None or u.in_force(*on))]
        if not units:
            raise GendocError("gendoc.yaml chưa có đơn vị nào là sở, ban, ngành, cấp xã hay cấp "
                              "huyện (trường 'cap': so_ban_nganh, cap_xa hoặc cap_huyen).")
        return units
    if not codes:
        raise GendocError("chọn đơn vị: --unit MÃ (xem mã bằng 'gendoc units') hoặc --all-units "
                          "(bỏ cả --from để tạo kế hoạch trống của tỉnh).")
    found = []
    for code in codes:
        try:
            found.append(ws.unit(code))
        except ContentError as exc:
            problem = exc.problems[0]
            raise GendocError(f"{problem.message} — {problem.hint}") from None
    return found
