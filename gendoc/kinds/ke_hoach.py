"""Kế hoạch (KH): the provincial plan and the units' own implementation plans."""

from __future__ import annotations

from typing import Any

from gendoc.kinds import Kind, register
from gendoc.kinds.official import (
    VanBanCoTenLoai,
    body_paragraphs,
    official_context,
    rich_paragraphs,
)
from gendoc.workspace import Workspace

TEN_LOAI = "KẾ HOẠCH"


class KeHoach(VanBanCoTenLoai):
    """A plan: sections (I. II. III.) of items (1. 2.) and points (a) b) …)."""


def context(doc: KeHoach, ws: Workspace) -> dict[str, Any]:
    ctx = official_context(doc, ws, TEN_LOAI)
    ctx["noi_dung"] = rich_paragraphs(body_paragraphs(doc))
    return ctx


KIND = register(Kind(
    name="ke_hoach",
    title="Kế hoạch",
    schema=KeHoach,
    template="ke_hoach.docx",
    context=context,
    ten_loai=TEN_LOAI,
))
