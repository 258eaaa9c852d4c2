"""Render a media brief: its blocks → HTML page, plain text and DOCX, all at once.

Every output of a document is produced in memory first and written only when all of them
succeeded (each atomically), so a failing template never leaves a web page without its DOCX twin
or a half-written file. The gender-bias checker runs on the content fields (with their YAML
lines) and on the rendered text (a workspace template may add words of its own).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gendoc.artifacts import Artifact, artifact
from gendoc.bias import check_content, check_text, load_phrases
from gendoc.body import image_problem
from gendoc.document import BuildContext, Document, rel
from gendoc.exceptions import ContentError, FieldProblem
from gendoc.kinds import MakeFn
from gendoc.media.config import media_config
from gendoc.render import stem_of
from gendoc.templates import find_template
from gendoc.validation import field_name
from gendoc.workspace import Workspace

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif")
IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")
MAX_IMAGE_BYTES = 10 * 1024 * 1024


class Images:
    """Pictures named in a content file, checked and given stable references for the page."""

    def __init__(self, ws: Workspace, doc: Document) -> None:
        self.ws = ws
        self.doc = doc
        self.by_ref: dict[str, Path] = {}

    def add(self, relative: str, loc: tuple) -> str:
        """Check the file (inside the workspace, a real PNG/JPEG/GIF) and return its reference."""
        base = self.doc.path.parent
        path = (base / relative).resolve()
        problem = None
        if path.suffix.lower() not in IMAGE_SUFFIXES:
            problem = "ảnh phải là tệp .png, .jpg hoặc .gif"
        elif self.ws.root.resolve() not in path.parents:
            problem = "ảnh phải nằm trong thư mục làm việc (ví dụ content/truyen-thong/_anh/)"
        elif not path.is_file():
            problem = f"không tìm thấy tệp ảnh '{relative}' (tính từ thư mục của tệp nội dung)"
        elif path.stat().st_size > MAX_IMAGE_BYTES:
            problem = "ảnh lớn hơn 10 MB — thu nhỏ ảnh trước khi dùng"
        else:
            with open(path, "rb") as fh:
                head = fh.read(8)
            if not head.startswith(IMAGE_MAGIC):
                problem = "tệp không phải ảnh PNG, JPEG hay GIF (có thể đã bị đổi đuôi)"
            elif (bad := image_problem(path)) is not None:  # pixel cap, corrupt data
                problem = f"ảnh '{relative}': {bad}"
        if problem:
            raise ContentError(rel(self.ws, self.doc.path), [FieldProblem(
                field_name(loc), problem, where=self.doc.line(*loc))])
        ref = f"gendoc-anh-{len(self.by_ref) + 1}"  # a relative URL: passes the sanitiser
        self.by_ref[ref] = path
        return ref


def docx_bytes(ws: Workspace, template_name: str, context: dict[str, Any]) -> bytes:
    # heavy: docxtpl, only when a .docx is rendered
    from gendoc.docx_render import render_docx, to_bytes

    template = find_template(ws, template_name)
    return to_bytes(render_docx(template, context, ws))


def _phrases(ws: Workspace):  # noqa: ANN202 - list[Phrase] or None when switched off
    cfg = media_config(ws)
    return load_phrases(cfg.dinh_kien_bo_sung_path(ws)) if cfg.kiem_tra_dinh_kien else None


def content_bias_warnings(ws: Workspace, doc: Document) -> list[str]:
    """Bias findings in the content file's text fields, each naming its YAML line and field."""
    phrases = _phrases(ws)
    if phrases is None:
        return []
    return check_content(doc.raw, lambda loc: doc.line(*loc), phrases)


def bias_warnings(ws: Workspace, doc: Document, rendered_text: str) -> list[str]:
    """Bias findings in the content (with YAML lines) and any the template itself adds."""
    phrases = _phrases(ws)
    if phrases is None:
        return []
    out = content_bias_warnings(ws, doc)
    in_content = {f.split("«", 1)[1].split("»", 1)[0].casefold() for f in out if "«" in f}
    for finding in check_text(rendered_text, phrases):
        if finding.phrase.casefold() not in in_content:
            out.append(f"mẫu văn bản có từ ngữ định kiến giới «{finding.phrase}» "
                       f"— {finding.entry.reason} Nên viết: {finding.entry.alternative}.")
    return out


def media_maker(build_outputs: Callable[[Workspace, Document], dict[str, bytes]]) -> MakeFn:
    """Wrap a kind's `build_outputs(ws, doc) -> {suffix: bytes}` as the kind's `make`:
    output/<mirrored path><suffix> for each (the web page, the text, the .docx)."""

    def make(doc: Document, bctx: BuildContext) -> list[Artifact]:
        contents = build_outputs(bctx.ws, doc)
        stem = stem_of(doc, bctx)
        return [artifact(f"{stem}{suffix}", data, nd30=doc.kind.official)
                for suffix, data in contents.items()]

    return make
