"""The other documents of one inspection, read once per build.

Every inspection document after the plan names the file it builds on: the Quyết định, the Đề
cương and the Biên bản name the Kế hoạch kiểm tra (`ke_hoach_kiem_tra:`); the Báo cáo kết quả and
the Thông báo kết luận name the Biên bản (`bien_ban:`). Paths are relative to the folder of the
content file. The referenced file is validated exactly as `gendoc build` does; its errors are
reported against the field that names it.
"""

from __future__ import annotations

from typing import Any

from gendoc.document import BuildContext, Document, load_document, rel
from gendoc.exceptions import ContentError, FieldProblem, GendocError
from gendoc.inspections.derive import checklist_from_plan


def referenced(document: Document, bctx: BuildContext, field: str, kind: str) -> Document:
    """The content file named by `field` of `document`, of kind `kind`, loaded once per build."""
    relative = getattr(document.data, field)
    path = (document.path.parent / relative).resolve()
    shown = rel(bctx.ws, document.path)

    def fail(message: str, hint: str | None = None) -> ContentError:
        return ContentError(shown, [FieldProblem(field, message, where=document.line(field),
                                                 hint=hint)])

    root = bctx.ws.root.resolve()
    if root not in path.parents or not path.is_file():
        raise fail(f"không tìm thấy tệp '{relative}'",
                   f"đường dẫn tính từ thư mục {rel(bctx.ws, document.path.parent)}/")
    try:
        found = bctx.memo(("kiem_tra", str(path)), lambda: load_document(bctx.ws, path))
    except GendocError as exc:
        raise fail(f"tệp '{relative}' có lỗi: {exc.format_message()}") from None
    if found.kind.name != kind:
        raise fail(f"tệp '{relative}' là '{found.kind.name}', cần một tệp loai: {kind}")
    return found


def plan_of(document: Document, bctx: BuildContext) -> Document:
    """The Kế hoạch kiểm tra a document builds on (itself, for the plan)."""
    if document.kind.name == "kiem_tra_ke_hoach":
        return document
    if document.kind.name in ("kiem_tra_bao_cao", "kiem_tra_thong_bao"):
        return plan_of(minutes_of(document, bctx), bctx)
    return referenced(document, bctx, "ke_hoach_kiem_tra", "kiem_tra_ke_hoach")


def minutes_of(document: Document, bctx: BuildContext) -> Document:
    """The Biên bản kiểm tra a Báo cáo kết quả or a Thông báo kết luận consolidates."""
    return referenced(document, bctx, "bien_ban", "kiem_tra_bien_ban")


def checklist(document: Document, bctx: BuildContext) -> list[Any]:
    """The plan's checklist: as written, or derived once per build from `ke_hoach_goc`."""
    data = document.data
    if data.noi_dung_kiem_tra:
        return data.noi_dung_kiem_tra
    path = (bctx.ws.root / str(data.ke_hoach_goc)).resolve()
    return bctx.memo(("kiem_tra_checklist", str(path)),
                     lambda: checklist_from_plan(bctx.ws, path))
