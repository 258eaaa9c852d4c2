"""Document kinds. A kind is a schema + a template + a little context code.

Adding a kind (Báo cáo, Thông báo, Giấy mời, Quyết định …) means one small module that defines a
pydantic schema (unaccented Vietnamese snake_case keys, documented in docs/schema.md), names its
template, and turns a validated document into the template's context; then one line in `_MODULES`.
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from gendoc import nd30
from gendoc.artifacts import Artifact
from gendoc.exceptions import ContentError, FieldProblem

if TYPE_CHECKING:
    from gendoc.document import BuildContext, Document
    from gendoc.workspace import Workspace


ContextFn = Callable[["Document", "BuildContext"], dict[str, Any]]
MakeFn = Callable[["Document", "BuildContext"], list[Artifact]]


@dataclass(frozen=True)
class Kind:
    """The contract of a document kind.

    A simple ND30 kind is a schema, a template and a `context` function; the pipeline renders
    its template with that context into one .docx. A kind with several outputs (a course
    package, a media brief, the consolidated report) gives `make` instead, returning every
    artifact of one document. Either way the kind only computes; `gendoc.output` writes.
    """

    name: str  # the value of `loai:` in a content file, e.g. "ke_hoach"
    title: str  # what a clerk calls it, e.g. "Kế hoạch"
    schema: type[BaseModel]
    template: str  # default template file name on the search path
    context: ContextFn | None = None  # (document, build context) -> template variables
    make: MakeFn | None = None  # (document, build context) -> artifacts; default: one .docx
    ten_loai: str | None = None  # printed document type (ND30 tên loại), e.g. "KẾ HOẠCH"
    formats: tuple[str, ...] = ("docx",)  # the suffixes of the files it makes
    official: bool = True  # an ND30 administrative document (checked by `gendoc check`)
    page_format: Literal["nd30", "own"] = "nd30"  # "own": the template keeps its page layout
    make_template: Callable[[], Any] | None = None  # draws its built-in .docx template
    scaffold: Callable[[Workspace, Any], list[Path]] | None = None  # `gendoc new LOẠI`
    # Variable names a template may use, when running `context` on example content is not
    # possible (read by `gendoc template check`).
    context_names: tuple[str, ...] | None = None
    # Reads other content files (the consolidation reads the units' reports, news figures read
    # the consolidation): an incremental build then rebuilds it when any content file changes.
    reads_workspace: bool = False

    @property
    def viet_tat(self) -> str | None:
        """The Phụ lục III abbreviation of the document type (KH, BC …); None for công văn."""
        return nd30.TYPE_ABBREVIATIONS.get(self.ten_loai or "")


_REGISTRY: dict[str, Kind] = {}

# Modules that define kinds; each calls `register()` at import for the one kind named like the
# module, so `get_kind` imports only the module it needs (a `gendoc issue` renders one document).
_MODULES = [
    "gendoc.kinds.ke_hoach",
    "gendoc.kinds.bao_cao",
    "gendoc.kinds.bao_cao_tong_hop",
    "gendoc.kinds.thong_bao",
    "gendoc.kinds.giay_moi",
    "gendoc.kinds.giay_chung_nhan",
    "gendoc.kinds.thong_cao",
    "gendoc.kinds.tin_bai",
    "gendoc.kinds.kich_ban_truyen_hinh",
    "gendoc.kinds.tin_phat_thanh",
    "gendoc.kinds.guong_dien_hinh",
    "gendoc.kinds.quyet_dinh",
    "gendoc.kinds.kiem_tra_ke_hoach",
    "gendoc.kinds.kiem_tra_quyet_dinh",
    "gendoc.kinds.kiem_tra_de_cuong",
    "gendoc.kinds.kiem_tra_bien_ban",
    "gendoc.kinds.kiem_tra_bao_cao",
    "gendoc.kinds.kiem_tra_thong_bao",
]


def register(kind: Kind) -> Kind:
    _REGISTRY[kind.name] = kind
    return kind


def all_kinds() -> dict[str, Kind]:
    for module in _MODULES:
        importlib.import_module(module)
    return dict(sorted(_REGISTRY.items()))


def get_kind(name: Any, *, path: Any = None, line: int | None = None) -> Kind:
    """The kind called `name`; a ContentError naming the file (and line) and the closest names."""
    if isinstance(name, str) and f"gendoc.kinds.{name}" in _MODULES:
        importlib.import_module(f"gendoc.kinds.{name}")
        return _REGISTRY[name]
    kinds = all_kinds()
    close = difflib.get_close_matches(str(name), list(kinds), n=2, cutoff=0.5)
    hint = (f"có phải ý là '{close[0]}'?" if close else "") + f" Các loại có sẵn: {', '.join(kinds)}."
    message = ("thiếu trường 'loai' (loại văn bản)" if name is None
               else f"không có loại văn bản '{name}'")
    raise ContentError(path, [FieldProblem("loai", message, where=line, hint=hint.strip())])
