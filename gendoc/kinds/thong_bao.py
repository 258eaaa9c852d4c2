"""Thông báo (TB), and the training course announced by one (`lop_hoc:`).

A plain Thông báo is a Phụ lục III mẫu 1.4 document like a Kế hoạch. With a `lop_hoc:` section it
announces a training course: gendoc writes the body (purpose, participants and quotas by unit,
time and place, agenda table, registration and contact) and, from the same file and its
participant list, the whole course package (see `gendoc.training`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import Field

from gendoc.artifacts import Artifact
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBanCoTenLoai, body_blocks, official_context
from gendoc.training.announcement import course_body
from gendoc.training.model import LopHoc
from gendoc.training.scaffold import scaffold as course_scaffold
from gendoc.workspace import Workspace

TEN_LOAI = "THÔNG BÁO"


class ThongBao(VanBanCoTenLoai):
    """A notice; `lop_hoc` makes it a course announcement."""

    danh_so_tu: str = Field("so", description="cấp đánh số đầu tiên: so (1.), la_ma (I.) hoặc chu (a))")
    lop_hoc: LopHoc | None = Field(None, description="lớp bồi dưỡng, tập huấn được thông báo")


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: ThongBao = document.data
    ws = bctx.ws
    ctx = official_context(doc, ws, TEN_LOAI)
    if doc.lop_hoc is not None:
        ctx["noi_dung"] = course_body(doc, ws)
    else:
        ctx["noi_dung"] = body_blocks(doc)
    return ctx


def make(document: Document, bctx: BuildContext) -> list[Artifact]:
    """A course announcement makes the whole course package; a plain notice one .docx."""
    # heavy: training.render loads docxtpl, only when the course is rendered
    from gendoc.training.render import make_course

    return make_course(document, bctx)


def scaffold(ws: Workspace, opts: Any) -> list[Path]:
    """`gendoc new thong_bao`: a course announcement and its participant form."""
    return course_scaffold(ws, opts)


KIND = register(Kind(
    name="thong_bao",
    title="Thông báo",
    schema=ThongBao,
    template="thong_bao.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make=make,
    make_template=van_ban_co_ten_loai,
    scaffold=scaffold,
))
