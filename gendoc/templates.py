"""One template search path for DOCX and Markdown, and the sandboxed Jinja environment.

The workspace's own `templates/` comes first, then the built-in templates, so a province or a
unit overrides a built-in template by saving a file of the same name. A user template may also
extend a built-in one as `default:<name>` (Markdown/Jinja templates).

Templates render in Jinja's sandbox with StrictUndefined: a template cannot reach Python
internals, and a misspelt variable fails the build instead of leaving a silent blank.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from gendoc.exceptions import RenderError, TemplateNotFoundError
from gendoc.vi.filters import FILTERS
from gendoc.workspace import Workspace, builtin_templates_dir


def search_path(ws: Workspace | None) -> list[Path]:
    """Folders searched for templates, most specific first."""
    dirs: list[Path] = []
    if ws is not None:
        dirs.append(ws.templates_dir)  # listed even before the clerk creates it
    builtin = builtin_templates_dir()
    if builtin.resolve() not in [d.resolve() for d in dirs]:
        dirs.append(builtin)
    return dirs


def find_template(ws: Workspace | None, *names: str) -> Path:
    """First existing template among `names` along the search path; else list where we looked."""
    dirs = search_path(ws)
    for name in names:
        if Path(name).is_absolute() or ".." in Path(name).parts:
            raise TemplateNotFoundError(
                f"tên mẫu '{name}' không hợp lệ — chỉ ghi tên tệp trong thư mục templates/."
            )
        for folder in dirs:
            candidate = folder / name
            if candidate.is_file():
                return _confined(candidate, folder)
    tried = "\n".join(f"  - {folder / name}" for name in names for folder in dirs)
    raise TemplateNotFoundError(
        f"không tìm thấy mẫu {' hoặc '.join(repr(n) for n in names)}. Đã tìm ở:\n{tried}\n"
        "Kiểm tra tên mẫu (trường 'template') hoặc tạo mẫu bằng 'gendoc template new'."
    )


def _confined(path: Path, folder: Path) -> Path:
    """`path`, refused when it (through a symbolic link) lies outside its template folder: a link
    in templates/ must never let a template read /etc/passwd or another workspace's files."""
    resolved, root = path.resolve(), folder.resolve()
    if root not in resolved.parents:
        raise TemplateNotFoundError(
            f"mẫu '{path}' là liên kết trỏ ra ngoài thư mục {folder} — gendoc chỉ đọc mẫu nằm "
            "trong thư mục templates/; chép tệp mẫu vào đó thay cho liên kết.")
    return path


class _ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that refuses files whose real path leaves its folders."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        folders = [Path(p) for p in self.searchpath]
        if not any(Path(filename).resolve().is_relative_to(f.resolve()) for f in folders):
            raise jinja2.TemplateNotFound(f"{template} (liên kết trỏ ra ngoài thư mục mẫu)")
        return source, filename, uptodate


class _Undefined(jinja2.StrictUndefined):
    """StrictUndefined whose message names the variable in Vietnamese."""

    def _fail_with_undefined_error(self, *args: Any, **kwargs: Any):  # noqa: ANN202
        name = self._undefined_name
        if self._undefined_obj is not jinja2.utils.missing and name is not None:
            obj = type(self._undefined_obj).__name__
            raise jinja2.UndefinedError(f"biến '{name}' không có trong dữ liệu ({obj})")
        raise jinja2.UndefinedError(f"biến '{name}' không có trong dữ liệu văn bản")

    __str__ = _fail_with_undefined_error
    __iter__ = _fail_with_undefined_error
    __len__ = _fail_with_undefined_error
    __bool__ = _fail_with_undefined_error


def _filters() -> dict[str, Any]:
    return dict(FILTERS)


def make_env(ws: Workspace | None = None, *, autoescape: bool = False,
             loader: bool = True) -> jinja2.Environment:
    """A sandboxed, strict Jinja environment with gendoc's Vietnamese filters."""
    jinja_loader = None
    if loader:
        dirs = [str(d) for d in search_path(ws)]
        jinja_loader = jinja2.ChoiceLoader([
            _ConfinedLoader(dirs),
            jinja2.PrefixLoader({"default": _ConfinedLoader(str(builtin_templates_dir()))},
                                delimiter=":"),
        ])
    env = ImmutableSandboxedEnvironment(
        loader=jinja_loader,
        undefined=_Undefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(_filters())
    return env


def render_error(template: Path | str, exc: Exception) -> RenderError:
    """Explain a Jinja failure naming the template (and line for text templates)."""
    where = f"mẫu '{template}'"
    line = getattr(exc, "lineno", None)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        text = f"{where}: lỗi cú pháp mẫu ({exc.message})"
        if line and not str(template).endswith(".docx"):
            text += f" ở dòng {line}"
        return RenderError(text + " — sửa thẻ {{ … }} / {% … %} trong mẫu, "
                           "hoặc kiểm tra bằng 'gendoc template check'.")
    if isinstance(exc, jinja2.UndefinedError):
        return RenderError(f"{where}: {exc.message} — sửa tên biến trong mẫu "
                           "hoặc bổ sung trường tương ứng trong tệp nội dung.")
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return RenderError(f"{where}: mẫu gọi thao tác không được phép ({exc}) — "
                           "mẫu chỉ được dùng biến và bộ lọc của gendoc.")
    return RenderError(f"{where}: lỗi khi dựng văn bản ({type(exc).__name__}: {exc})")
