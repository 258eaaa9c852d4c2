"""Content files as validated documents: reading, validation, discovery, per-build context.

`load_document(ws, path)` turns one content file into a `Document` (its kind, the validated
model, the raw mapping with its line map, warnings). Kinds turn a `Document` into artifacts with
the help of a `BuildContext` shared by every document of one build (workspace, cached loaders,
figures computed once per build). Nothing here writes files.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from gendoc.exceptions import ContentError, FieldProblem, GendocError
from gendoc.units import validity_problem
from gendoc.validation import validate
from gendoc.workspace import Workspace
from gendoc.yamlio import read_yaml

if TYPE_CHECKING:
    from gendoc.kinds import Kind

DOCUMENT_SUFFIXES = (".yaml", ".yml")

# Other content formats: suffix → "module:function" returning (mapping, locate) or None when the
# file is not a gendoc document (e.g. a plain spreadsheet used as data). `locate(loc)` gives the
# position of a field for error messages (a line number, or "Sheet!D12"). Imported on use: the
# readers belong to feature packages above this layer.
CONTENT_READERS: dict[str, str] = {
    ".xlsx": "gendoc.reports.excel:read_form",
}

Locate = Callable[[Sequence[str | int]], Any]
T = TypeVar("T")


def read_content(path: Path, text: str | None = None) -> tuple[Any, Locate] | None:
    """Parse a content file into a mapping plus a locator for its fields.

    `text` is the YAML to read instead of the file's (a web form's not yet saved version)."""
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        return read_yaml(path, text=text)
    spec = CONTENT_READERS.get(suffix)
    if spec is None:
        return None
    module, func = spec.split(":")
    reader = getattr(importlib.import_module(module), func)
    result: tuple[Any, Locate] | None = reader(path)
    return result


class NotADocument(ContentError):
    """The file is not a gendoc content file (e.g. a data spreadsheet); `build` skips it."""


@dataclass
class Document:
    """A validated content file and its kind."""

    path: Path
    kind: Kind
    data: Any  # the kind's pydantic model
    raw: Any = None  # the plain values read (shared: never modify), YAML or Excel form
    warnings: list[str] = field(default_factory=list)
    ws: Workspace | None = None
    locate: Locate | None = None

    def line(self, *loc: str | int) -> Any:
        """Where a field is in the content file (a line, or a sheet!cell), for messages."""
        return self.locate(loc) if self.locate is not None else None

    @property
    def shown(self) -> str:
        """The content file as the clerk sees it (relative to the workspace)."""
        return rel(self.ws, self.path) if self.ws is not None else str(self.path)

    @property
    def date(self) -> dt.date | None:
        """The document's own date (`ngay:`), which dates its outputs' properties."""
        value = getattr(self.data, "ngay", None)
        return value if isinstance(value, dt.date) else None

    @property
    def ky_hieu(self) -> str | None:
        """The symbol after the slash in `Số:` (e.g. KH-UBND), for official documents."""
        from gendoc.kinds.official import symbol  # kinds sit above documents

        code = getattr(self.data, "co_quan", None)
        if code is None or self.ws is None:
            return None
        return symbol(self.data, self.ws.unit(code), self.kind.viet_tat)


@dataclass
class BuildContext:
    """What every document of one build shares: the workspace and a per-build cache.

    `memo(key, compute)` computes a value once per build (a year's consolidation, a parsed data
    file) whichever document asks first.
    """

    ws: Workspace
    cache: dict[Hashable, Any] = field(default_factory=dict)

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        if key not in self.cache:
            self.cache[key] = compute()
        value: T = self.cache[key]
        return value


def rel(ws: Workspace | None, path: Path) -> str:
    """A path as the clerk sees it: relative to the workspace when possible."""
    if ws is None:
        return str(path)
    try:
        return str(_located(path).relative_to(ws.root))
    except ValueError:
        return str(path)


def _located(path: Path) -> Path:
    """The absolute path, links resolved — except a broken link or a loop: the link itself."""
    path = Path(path)
    if path.is_symlink() and not path.exists():  # exists() is False for a loop too
        return Path(os.path.abspath(path))
    return path.resolve()


def unreadable(path: Path) -> str | None:
    """Why a content file found in content/ cannot be read (Vietnamese), or None."""
    if path.is_symlink() and not path.exists():
        return (f"là liên kết (symlink) trỏ tới '{os.readlink(path)}' nhưng tệp đó không tồn tại "
                "(hoặc liên kết vòng) — xóa liên kết này hoặc chép tệp thật vào chỗ của nó.")
    if path.is_file() and not os.access(path, os.R_OK):
        return ("không có quyền đọc tệp — kiểm tra quyền của tệp (chuột phải → Properties → "
                "Security) hoặc chép lại tệp.")
    return None


def load_document(ws: Workspace, path: Path, *, text: str | None = None) -> Document:
    """Parse and validate one content file; every problem in it is reported together.

    With `text`, that YAML is validated as if it were the file's content (nothing is read)."""
    from gendoc.kinds import get_kind  # the kind registry imports the kinds, above this layer

    path = Path(path)
    shown = rel(ws, path)
    problem = unreadable(path) if text is None else None
    if problem is not None:
        raise ContentError(shown, problem)
    try:
        parsed = read_content(path, text)
    except ContentError as exc:  # the readers name the path they were given: show it relative
        raise ContentError(shown, exc.problems) from None
    if parsed is None:
        if path.suffix.lower() in CONTENT_READERS:
            raise NotADocument(shown, "không phải tệp nội dung của gendoc (ví dụ bảng tính dữ "
                                      "liệu, không phải biểu mẫu do 'gendoc new' tạo).")
        raise ContentError(shown, f"gendoc không đọc được loại tệp '{path.suffix}' — "
                                  "tệp nội dung phải là .yaml (hoặc biểu mẫu Excel của gendoc).")
    raw, locate = parsed
    if not isinstance(raw, dict):
        raise ContentError(shown, "tệp phải là các dòng 'tên_trường: giá trị' "
                                  "(bắt đầu bằng 'loai: …').")
    try:
        kind = get_kind(raw.get("loai"), path=shown)
    except ContentError as exc:  # only now the line: locating may need the slower parse
        raise ContentError(shown, [replace(p, where=locate(("loai",))) for p in exc.problems]) \
            from None
    data = validate(kind.schema, raw, shown, context={"workspace": ws, "path": path},
                    where=locate)
    _check_issuer(ws, data, locate, shown)
    doc = Document(path=path, kind=kind, data=data, raw=raw, ws=ws, locate=locate)
    nguoi_ky = getattr(data, "nguoi_ky", None)
    if nguoi_ky is not None and not nguoi_ky.ho_ten:
        doc.warnings.append("chưa có họ tên người ký (trường nguoi_ky.ho_ten) — "
                            "văn bản in «Họ và tên» ở chỗ ký tên để điền sau.")
    return doc


def _check_issuer(ws: Workspace, data: BaseModel, locate: Locate, shown: str) -> None:
    code = getattr(data, "co_quan", None)
    if code is None:
        return
    try:
        unit = ws.unit(code)
    except ContentError as exc:
        problem = exc.problems[0]
        raise ContentError(shown, [FieldProblem(problem.field, problem.message,
                                                where=locate(("co_quan",)),
                                                hint=problem.hint)]) from None
    outside = validity_problem(unit, getattr(data, "ngay", None))
    if outside:
        raise ContentError(shown, [FieldProblem(
            "ngay", outside, where=locate(("ngay",)),
            hint="sửa ngày văn bản, chọn cơ quan ban hành đúng thời điểm đó, hoặc sửa thời hạn "
                 "của đơn vị trong gendoc.yaml")])


def output_stem(ws: Workspace, path: Path) -> PurePosixPath:
    """content/a/b.yaml → a/b: where a document's outputs go, relative to output/.

    Files outside content/ (rendered one at a time) go to output/<name>.
    """
    path = _located(path)
    try:
        relative = path.relative_to(ws.content_dir.resolve())
    except ValueError:
        relative = Path(path.name)
    return PurePosixPath(relative.with_suffix("").as_posix())


def default_output(ws: Workspace, path: Path, suffix: str) -> Path:
    """content/a/b.yaml → output/a/b<suffix>."""
    return ws.output_dir / f"{output_stem(ws, path)}{suffix}"


def is_data_path(relative_parts: Iterable[str]) -> bool:
    """Files and folders whose name starts with `_` (or `.`) are data, not documents."""
    return any(part.startswith(("_", ".")) for part in relative_parts)


def discover(ws: Workspace, paths: Iterable[Path] | None = None) -> list[Path]:
    """Content files to build: the given files/folders, or all of content/.

    Files and folders whose name starts with `_` are data used by other documents (participant
    lists, figures), not documents themselves.
    """
    roots = [Path(p) for p in paths] if paths else [ws.content_dir]
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root)
            continue
        if not root.exists():
            raise ContentError(str(root), "không tìm thấy tệp hay thư mục này.")
        for path in sorted(root.rglob("*")):
            if is_data_path(path.relative_to(root).parts):
                continue
            suffix = path.suffix.lower()
            listed = path.is_file() or (path.is_symlink() and not path.exists())
            if listed and (suffix in DOCUMENT_SUFFIXES or suffix in CONTENT_READERS):
                found.append(path)  # a broken link fails loudly in load_document
    return found


def new_content_path(folder: Path, name: str, output: str | Path | None, force: bool) -> Path:
    """Where `gendoc new` writes a content file: `-o` (a file, or a folder to put `name` in),
    else `folder/name`. A name that is not .yaml/.yml, or (without --force) an existing file, is
    refused before anything is written."""
    target = Path(output) if output else folder / name
    if target.is_dir():
        target = target / name
    if target.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise GendocError(f"tệp '{target}' phải có đuôi .yaml.")
    if target.exists() and not force:
        raise GendocError(f"'{target}' đã có — thêm --force để ghi đè, hoặc chọn tên khác bằng -o.")
    return target
