"""Kế hoạch (KH): the provincial plan and the units' own implementation plans."""

from __future__ import annotations

from typing import Any

from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBanCoTenLoai, body_blocks, official_context
from gendoc.workspace import Workspace

TEN_LOAI = "KẾ HOẠCH"


class KeHoach(VanBanCoTenLoai):
    """A plan: sections (I. II. III.) of items (1. 2.) and points (a) b) …)."""


def context(doc: KeHoach, ws: Workspace) -> dict[str, Any]:
    ctx = official_context(doc, ws, TEN_LOAI)
    ctx["noi_dung"] = body_blocks(doc)
    return ctx


KIND = register(Kind(
    name="ke_hoach",
    title="Kế hoạch",
    schema=KeHoach,
    template="ke_hoach.docx",
    context=context,
    ten_loai=TEN_LOAI,
    extra={"make_template": van_ban_co_ten_loai},
))
