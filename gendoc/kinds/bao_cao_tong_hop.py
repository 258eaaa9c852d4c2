"""Báo cáo tổng hợp (BC): Sở Nội vụ's (or UBND tỉnh's) consolidation of the units' reports.

The content file holds only what a person writes — header, signer, opening, the assessment
(hạn chế, kiến nghị) — and the year; every figure, table, chart and the list of late and missing
units comes from the units' reports through `gendoc.reports.consolidation`. Rendering writes three
kinds of output next to each other: the .docx, the .xlsx annex (biểu tổng hợp, with formulas) and
the charts as PNG (also embedded in the .docx), so press material can reuse them.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Literal

from pydantic import Field

from gendoc.artifacts import Artifact, artifact
from gendoc.body import Blocks, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.docx_meta import set_core_properties
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.kinds import Kind, register
from gendoc.kinds.bao_cao import TEN_LOAI, BaoCaoBase, proposals
from gendoc.kinds.official import annex_blocks, annex_labels, official_context
from gendoc.province import BLANK, Province
from gendoc.render import stem_of
from gendoc.reports import charts as charting
from gendoc.reports.body import Holder, assemble, section
from gendoc.reports.consolidation import consolidate
from gendoc.reports.indicators import PAIRED
from gendoc.reports.summary import annex_title, results, situation, unit_table
from gendoc.templates import find_template
from gendoc.workspace import Workspace


class BaoCaoTongHop(BaoCaoBase):
    """The consolidated report of a year (see docs/reports.md)."""

    thu_muc: str | None = Field(None, description="thư mục báo cáo các đơn vị trong content/; "
                                                  "mặc định bao_cao.thu_muc trong gendoc.yaml")
    bieu_do: bool = Field(True, description="vẽ biểu đồ (true/false)")
    bieu_tong_hop: bool = Field(True, description="xuất biểu tổng hợp Excel kèm theo (true/false)")
    bang_don_vi: Literal["phu_luc", "noi_dung"] = Field(
        "phu_luc", description="bảng số liệu theo từng đơn vị: phu_luc (in thành phụ lục sau chữ "
                               "ký) hoặc noi_dung (in trong phần nội dung)")


def default_opening(doc: BaoCaoTongHop, ws: Workspace) -> list[str]:
    who = ws.unit(doc.co_quan).ten_day_du or doc.co_quan
    found = Province(ws).period  # gendoc.yaml's giai_doan, else the provincial plan's
    period = f" giai đoạn {found}" if found != BLANK else ""
    return [f"Thực hiện Kế hoạch của Ủy ban nhân dân tỉnh về triển khai thực hiện biện pháp bảo "
            f"đảm bình đẳng giới đối với nữ cán bộ, công chức, viên chức{period}, trên "
            f"cơ sở báo cáo của các cơ quan, đơn vị, địa phương, {who} tổng hợp kết quả thực hiện "
            f"{doc.ky_text} như sau:"]


def unit_annexes(doc: BaoCaoTongHop) -> dict[str, str]:
    """Group → its annex label, numbered after the annexes written in `phu_luc`."""
    if doc.bang_don_vi != "phu_luc":
        return {}
    labels = annex_labels(len(doc.phu_luc) + len(PAIRED))[len(doc.phu_luc):]
    return {spec.key: label for spec, label in zip(PAIRED, labels, strict=True)}


def annexes(doc: BaoCaoTongHop, cons: Any, ctx: dict[str, Any]) -> Any:
    """`phu_luc` as written, then the per-unit tables when they are printed as annexes."""
    extra = []
    if doc.bang_don_vi == "phu_luc":
        extra = [(annex_title(spec), Blocks([unit_table(cons, spec)])) for spec in PAIRED]
    return annex_blocks(doc.phu_luc, ctx, extra)


def body(doc: BaoCaoTongHop, ws: Workspace, cons: Any, charts: dict[str, tuple[Path, str]],
         annex: bool) -> Any:
    holder = Holder()
    head = plain_paragraphs(doc.can_cu, role="can_cu", italic=True)
    head += plain_paragraphs(doc.mo_dau or default_opening(doc, ws))
    sections = [
        section("Tình hình báo cáo của các cơ quan, đơn vị", situation(cons)),
        section("Kết quả thực hiện", [*results(cons, holder, charts, unit_annexes(doc)),
                                      *doc.ket_qua]),
        section("Hạn chế và nguyên nhân", doc.han_che),
        section("Kiến nghị, đề xuất", proposals(doc)),
        *doc.noi_dung,
    ]
    tail = list(doc.ket_thuc)
    if annex and not tail:
        tail = ["(Kèm theo Biểu tổng hợp số liệu.)"]
    return assemble(head, sections, plain_paragraphs(tail), holder)


def consolidation(document: Document, bctx: BuildContext) -> Any:
    """The year's consolidation, computed once per build whichever document asks first."""
    doc: BaoCaoTongHop = document.data
    key = ("consolidation", doc.nam, doc.thu_muc, doc.ky)
    return bctx.memo(key, lambda: consolidate(bctx.ws, doc.nam, doc.thu_muc, ky=doc.ky,
                                              cache=bctx.cache))


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    """Context without charts (what `gendoc template check` sees of the template's names)."""
    doc: BaoCaoTongHop = document.data
    cons = consolidation(document, bctx)
    ctx = official_context(doc, bctx.ws, TEN_LOAI)
    ctx["noi_dung"] = body(doc, bctx.ws, cons, {}, False)
    ctx["phu_luc"] = annexes(doc, cons, ctx)
    return ctx


def make(document: Document, bctx: BuildContext) -> list[Artifact]:
    """The report .docx with its charts, the Excel annex and the chart PNGs (press material)."""
    doc: BaoCaoTongHop = document.data
    cons = consolidation(document, bctx)
    if cons.missing:
        document.warnings.append(f"{len(cons.missing)} cơ quan, đơn vị chưa gửi báo cáo năm "
                                 f"{doc.nam} (danh sách ở mục I của báo cáo).")
    if not cons.reports:
        document.warnings.append(f"chưa có báo cáo nào của năm {doc.nam} — bảng số liệu trống.")
    stem = stem_of(document, bctx)
    docx, annex, charts = render_outputs(document, bctx.ws, cons)
    made = [artifact(f"{stem}.docx", docx, fixed=True)]  # both written reproducible already
    if annex is not None:
        made.append(artifact(f"{stem}-phu-luc.xlsx", annex, nd30=False, fixed=True))
    made += [artifact(f"{stem}-{name}", data, nd30=False) for name, data in charts]
    return made


def render_outputs(document: Document, ws: Workspace,
                   cons: Any) -> tuple[bytes, bytes | None, list[tuple[str, bytes]]]:
    """The .docx (large tables written as XML: gendoc.reports.docx_rows), the annex workbook and
    the chart PNGs, in memory."""
    # heavy (docxtpl, openpyxl, lxml): only when the report is rendered
    from gendoc.docx_render import render_docx, to_reproducible_bytes
    from gendoc.reports.annex import annex_bytes
    from gendoc.reports.docx_rows import Deferred, defer_rows, fill_rows

    doc: BaoCaoTongHop = document.data
    template = find_template(ws, getattr(doc, "template", None) or document.kind.template)
    deferred = Deferred()
    with tempfile.TemporaryDirectory(prefix="gendoc-charts-") as tmp:
        pictures = _charts(doc, cons, Path(tmp))
        ctx = official_context(doc, ws, TEN_LOAI)
        ctx["noi_dung"] = defer_rows(body(doc, ws, cons, pictures, doc.bieu_tong_hop), deferred)
        ctx["phu_luc"] = defer_rows(annexes(doc, cons, ctx), deferred)
        rendered = render_docx(template, ctx, ws)
        fill_rows(rendered, deferred)
        set_core_properties(rendered, ctx)
        charts = [(path.name, path.read_bytes()) for path, _caption in pictures.values()]
    return (to_reproducible_bytes(rendered, document.date),
            annex_bytes(cons) if doc.bieu_tong_hop else None, charts)


def _charts(doc: BaoCaoTongHop, cons: Any, folder: Path) -> dict[str, tuple[Path, str]]:
    pictures: dict[str, tuple[Path, str]] = {}
    if doc.bieu_do and cons.reports:
        first = charting.share_by_indicator(cons, folder / "bieu-do-1.png")
        pictures["tong_hop"] = (first, f"Biểu đồ 1. Tỷ lệ nữ theo chỉ tiêu, toàn tỉnh năm {doc.nam}"
                                + (f" và năm {doc.nam - 1}" if cons.previous else ""))
        second = charting.share_by_unit(cons, folder / "bieu-do-2.png")
        if second is not None:
            pictures["quy_hoach"] = (second, "Biểu đồ 2. Tỷ lệ nữ lãnh đạo, quản lý và nữ trong "
                                             f"quy hoạch theo cơ quan, đơn vị năm {doc.nam}")
    return pictures


KIND = register(Kind(
    name="bao_cao_tong_hop",
    title="Báo cáo tổng hợp",
    schema=BaoCaoTongHop,
    template="bao_cao_tong_hop.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make=make,
    reads_workspace=True,
    formats=("docx", "xlsx", "png"),
    make_template=van_ban_co_ten_loai,
))
