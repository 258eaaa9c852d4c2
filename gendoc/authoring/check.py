"""`check_template()`: everything that can be wrong with a template, found before rendering.

Order of the checks follows what a clerk fixes first: tags Word damaged (fixable with `--fix`),
then block structure and syntax (located by paragraph), then names (misspelt variables, loop
variables outside their loop, unknown filters), then required content the template never shows.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from gendoc.authoring import docx_scan
from gendoc.authoring.docx_scan import WRAPPERS, Tag, damage, find_tags
from gendoc.authoring.known import Known, known_names
from gendoc.authoring.listing import content_kinds, variant_of
from gendoc.authoring.model import CANH_BAO, LOI, TemplateReport
from gendoc.authoring.names import ANY, MapShape, Walker
from gendoc.authoring.source import PREFIX_RE, Source, docx_source, parse, text_source
from gendoc.body import Blocks
from gendoc.exceptions import GendocError, UnusableInputError
from gendoc.kinds import Kind, all_kinds
from gendoc.templates import make_env
from gendoc.workspace import Workspace
from gendoc.writer import atomic_write

TEXT_SUFFIXES = (".j2", ".jinja", ".md", ".html", ".txt")
SIMPLE_VAR_RE = re.compile(r"^\{\{\s*(\w+)\s*\}\}$")


def kinds_using(name: str, ws: Workspace | None = None) -> list[Kind]:
    """Kinds whose default template is this file name, else the kinds of the content files
    that choose it with `template:`, else the kind whose template name it extends
    (`bao_cao-so-y-te.docx`, as `gendoc template new bao_cao -o …` suggests)."""
    kinds = all_kinds()
    found = [k for k in kinds.values() if k.template == name]
    if found or ws is None:
        return found

    chosen = [kinds[k] for k in content_kinds(ws, name) if k in kinds]
    return chosen or [kinds[k] for k in variant_of(name)]


def check_template(path: Path, kind: Kind | None, ws: Workspace | None,
                   shown: str | None = None, *, errors_only: bool = False) -> TemplateReport:
    """Check one template file (DOCX or Jinja text) against `kind` (or the kind it serves).

    `errors_only` leaves out the warnings that cost a context run per schema field (a required
    field the template never shows): for `gendoc build`, which stops only on errors.
    """
    path = Path(path)
    shown = shown or str(path)
    if kind is None:
        serving = kinds_using(path.name, ws)
        if len(serving) > 1:  # a shared template must suit every kind that uses it
            return _merged([check_template(path, k, ws, shown, errors_only=errors_only)
                            for k in serving])
        kind = serving[0] if serving else None
    report = TemplateReport(template=shown, kind=kind.name if kind else None)
    if not path.is_file():
        raise UnusableInputError(f"không tìm thấy tệp mẫu '{shown}'.")
    known = _known(kind, ws, report)
    if path.suffix.lower() == ".docx":
        sources, simple = _docx_sources(path, shown, report)
    elif path.suffix.lower() in TEXT_SUFFIXES:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise UnusableInputError(f"'{shown}' không phải tệp chữ UTF-8 ({exc}) — "
                                     "lưu lại với mã UTF-8.") from exc
        sources, simple = [text_source(text)], []
    else:
        raise UnusableInputError(f"'{shown}': gendoc chỉ kiểm tra mẫu .docx hoặc .md.j2/.html.j2.")
    _names(sources, known, ws, report, errors_only)
    if known is not None:
        _blocks_in_runs(simple, known, report)
    report.findings.sort(key=_reading_order)
    return report


def _merged(reports: list[TemplateReport]) -> TemplateReport:
    merged = TemplateReport(template=reports[0].template,
                            kind=", ".join(r.kind or "" for r in reports),
                            known_from="; ".join(sorted({r.known_from for r in reports
                                                         if r.known_from})) or None)
    seen = set()
    for r in reports:
        for f in r.findings:
            key = (f.code, f.message, f.where)
            if key not in seen:
                seen.add(key)
                merged.findings.append(f)
    merged.variables = sorted({v for r in reports for v in r.variables})
    merged.findings.sort(key=_reading_order)
    return merged


def _reading_order(finding) -> tuple:  # noqa: ANN001
    """General notes first, then the body top to bottom, then headers and footers."""
    w = finding.where
    if w is None:
        return (0, "", 0)
    return (1 if w.area in ("", "thân văn bản") else 2, w.area, w.paragraph or w.line or 0)


def _known(kind: Kind | None, ws: Workspace | None, report: TemplateReport) -> Known | None:
    if kind is None:
        report.add(CANH_BAO, "chua-biet-loai",
                   "chưa biết mẫu này dùng cho loại văn bản nào nên chưa kiểm tra tên biến",
                   hint="thêm --kind LOẠI (xem danh sách: gendoc templates)")
        return None
    if ws is None:
        return None
    try:
        known = known_names(kind, ws)
    except Exception as exc:  # noqa: BLE001 - another developer's context code: degrade, say so
        why = exc.format_message() if isinstance(exc, GendocError) else str(exc).split("\n")[0]
        report.add(CANH_BAO, "khong-lay-duoc-bien",
                   f"không lấy được danh sách biến của loại '{kind.name}' ({why}); "
                   "chỉ kiểm tra cú pháp", hint="thêm một tệp nội dung loại này vào content/ "
                   "để gendoc lấy tên biến từ đó")
        return None
    if not known.root.fields:
        report.add(CANH_BAO, "khong-lay-duoc-bien",
                   f"loại '{kind.name}' tự dựng dữ liệu cho mẫu nên chưa kiểm tra được tên biến; "
                   "chỉ kiểm tra cú pháp")
        return None
    report.known_from = known.source
    return known


def _docx_sources(path: Path, shown: str,
                  report: TemplateReport) -> tuple[list[Source], list[tuple[Tag, str]]]:
    parts, _zf = docx_scan.load(path)
    sources: list[Source] = []
    simple: list[tuple[Tag, str]] = []
    for part in parts.values():
        tags: dict[int, list[Tag]] = {}
        for index, para in enumerate(part.paragraphs):
            found, stray = find_tags(para)
            tags[index] = found
            for start, end in stray:
                report.add(LOI, "the-dong-le", "dấu đóng thẻ không có dấu mở tương ứng trong đoạn",
                           para.where(start, end), hint="xóa dấu thừa hoặc thêm '{{' / '{%' "
                           "ở đầu thẻ — mỗi thẻ phải nằm trọn trong một đoạn")
            for tag in found:
                _damage(tag, report)
                m = SIMPLE_VAR_RE.match(tag.clean) if tag.closed else None
                prefix = PREFIX_RE.match(tag.clean) if tag.closed else None
                if m and not prefix:
                    simple.append((tag, m.group(1)))
                elif prefix and prefix.group(1) == "{{" and prefix.group(2) == "r":
                    simple.append((tag, "{{r"))
                elif prefix and prefix.group(1) == "{{" and prefix.group(2) == "p":
                    whole = re.match(r"^\{\{p\s+(\w+)\s*\}\}$", tag.clean)
                    if whole:
                        simple.append((tag, "{{p " + whole.group(1)))
        sources.append(docx_source(part.paragraphs, tags, report))
    return sources, simple


def _damage(tag: Tag, report: TemplateReport) -> None:
    if not tag.closed:
        report.add(LOI, "the-khong-dong", "thẻ mở nhưng không đóng trong cùng đoạn",
                   tag.where(), hint="mỗi thẻ phải nằm trọn trong một đoạn: viết đủ '}}' hoặc "
                   "'%}', và không nhấn Enter giữa thẻ")
        return
    d = damage(tag)
    if d["wrappers"]:
        what = ", ".join(sorted({WRAPPERS[w] for w in d["wrappers"]}))
        report.add(LOI, "the-bi-boc", f"thẻ bị Word cắt bởi {what}; khi dựng, tệp hỏng hoặc "
                   "mất phần sau của văn bản", tag.where(), hint=_wrapper_hint(d["wrappers"]),
                   fixable=True)
    if d["breaks"]:
        report.add(LOI, "the-co-ngat", "trong thẻ có dấu tab hoặc ngắt dòng (Shift+Enter)",
                   tag.where(), hint="xóa dấu tab/ngắt dòng bên trong thẻ", fixable=True)
    if d["odd_chars"]:
        report.add(LOI, "ky-tu-la-trong-the",
                   "trong thẻ có ký tự ẩn (dán từ trang web), dấu nháy lạ hoặc dấu ngoặc bị "
                   "tách ('{ {'); thẻ sẽ không đọc được hoặc in ra nguyên văn",
                   tag.where(), hint="gõ lại thẻ bằng bàn phím, dấu ngoặc liền nhau '{{', "
                   "dấu nháy thẳng ' \"", fixable=True)
    if d["pieces"] > 1 and not d["wrappers"]:
        why = " (có dấu kiểm tra chính tả bên trong)" if d["proofing"] else ""
        text = f"Word đã tách thẻ thành {d['pieces']} phần{why}"
        if d["formats"] > 1:
            text += ("; các phần có định dạng khác nhau — giá trị in ra lấy định dạng của phần "
                     f"đầu «{tag.para.text[tag.start:tag.start + 6]}…»")
        report.add(CANH_BAO, "the-bi-tach", text, tag.where(),
                   hint="gendoc vẫn dựng được; --fix gộp thẻ về một phần cho chắc chắn, hoặc "
                   "định dạng cả thẻ giống nhau", fixable=True)


def _wrapper_hint(wrappers: list[str]) -> str:
    if {"ins", "del", "moveTo"} & set(wrappers):
        return ("trong Word chọn Xem lại (Review) → Chấp nhận (Accept) mọi thay đổi rồi tắt "
                "Theo dõi thay đổi (Track Changes) và lưu")
    if "hyperlink" in wrappers:
        return "bỏ liên kết trong thẻ (chuột phải → Loại bỏ siêu liên kết / Remove Hyperlink)"
    if "sdt" in wrappers:
        return "xóa ô nhập liệu (content control) quanh thẻ, giữ lại chữ"
    return "xóa thẻ và gõ lại liền một lần"


def _names(sources: list[Source], known: Known | None, ws: Workspace | None,
           report: TemplateReport, errors_only: bool) -> None:
    env = make_env(ws, autoescape=True, loader=False)
    root = known.root if known is not None else MapShape({})
    used: set[str] = set()
    paths: set[str] = set()
    for source in sources:
        tree = parse(source, env, report)
        if tree is None:
            if known is not None:  # structure is broken: still report misspelt names now
                _names_tag_by_tag(source, env, known, report)
            continue
        walker = Walker(root, env, field_hint=known.field_hint if known else {},
                        permissive=known is None)  # unknown kind: collect names only
        usage = walker.walk(tree)
        used |= usage.roots
        paths |= usage.paths
        for p in usage.problems if known is not None else []:
            report.add(LOI, p.code, p.message, source.where_name(p.lineno, p.name), hint=p.hint)
    report.variables = sorted(paths)
    if known is None or report.errors or errors_only:
        return
    for name in known.required:
        shows = known.field_vars.get(name, set())
        if shows and not shows & used:
            report.add(CANH_BAO, "mau-thieu-truong",
                       f"mẫu không hiển thị trường bắt buộc '{name}' "
                       f"(biến trong mẫu: {', '.join(sorted(shows))})",
                       hint="thêm thẻ {{ " + sorted(shows)[0] + " }} vào chỗ cần in, nếu bỏ "
                       "là có ý thì bỏ qua cảnh báo này")


STATEMENT_EXPR_RE = re.compile(
    r"^\{%-?\s*(?:(?:if|elif)\s+(?P<test>.*?)|for\s+(?P<target>[\w\s,]+?)\s+in\s+(?P<iter>.*?)"
    r"(?:\s+if\s+.*?)?)\s*-?%\}$", re.S)


def _names_tag_by_tag(source: Source, env, known: Known, report: TemplateReport) -> None:  # noqa: ANN001
    """Names in each tag on its own, for a template whose blocks do not parse as a whole.

    Loop variables are taken as known (their scope cannot be judged without the structure).
    """
    exprs: list[tuple[int, str]] = []
    loop_vars: set[str] = set()
    for lineno, line in enumerate(source.lines, start=1):
        for text in line.tag_texts:
            m = STATEMENT_EXPR_RE.match(text)
            if text.startswith("{{"):
                exprs.append((lineno, text))
            elif m:
                exprs.append((lineno, "{{ " + (m.group("test") or m.group("iter")) + " }}"))
                if m.group("target"):
                    loop_vars |= {n.strip() for n in m.group("target").split(",")}
    for lineno, text in exprs:
        try:
            tree = env.parse(text)
        except jinja2.TemplateSyntaxError:
            continue
        walker = Walker(known.root, env, field_hint=known.field_hint)
        walker.scopes[0].update({name: (ANY, ("…",)) for name in loop_vars | {"loop"}})
        for p in walker.walk(tree).problems:
            report.add(LOI, p.code, p.message, source.where_name(lineno, p.name), hint=p.hint)


def _blocks_in_runs(simple: list[tuple[Tag, str]], known: Known, report: TemplateReport) -> None:
    """A body variable (many paragraphs) in a plain `{{ }}` would put paragraphs inside a line."""
    rich = _has_rich_text(known.context)
    for tag, name in simple:
        if name == "{{r":
            if not rich:
                report.add(LOI, "the-r-can-richtext",
                           "thẻ {{r …}} chỉ dùng cho chữ đã định dạng sẵn (RichText); dữ liệu "
                           "của loại văn bản này là chữ thường nên sẽ bị mất khi dựng",
                           tag.where(), hint="bỏ chữ r: viết {{ … }}")
            continue
        if name.startswith("{{p "):
            name = name[4:]
            value = known.context.get(name)
            if name in known.context and value is not None and not isinstance(value, Blocks):
                report.add(LOI, "the-p-can-noi-dung",
                           f"thẻ {{{{p …}}}} chỉ dùng cho phần nội dung nhiều đoạn; '{name}' là "
                           "một dòng chữ nên sẽ bị mất khi dựng", tag.where(),
                           hint=f"bỏ chữ p: viết {{{{ {name} }}}}")
            continue
        if isinstance(known.context.get(name), Blocks):
            report.add(LOI, "noi-dung-can-the-p",
                       f"'{name}' là cả phần nội dung (nhiều đoạn, bảng) nên không in được trong "
                       "một dòng chữ", tag.where(),
                       hint=f"đặt {{{{p {name} }}}} một mình trong một đoạn riêng")


def _has_rich_text(value, depth: int = 0) -> bool:  # noqa: ANN001
    """Whether the example context holds a docxtpl RichText/Listing anywhere."""
    # heavy: docxtpl, only to recognise its rich-text objects
    from docxtpl import Listing, RichText

    if isinstance(value, (RichText, Listing)):
        return True
    if depth > 6:
        return False
    if isinstance(value, dict):
        return any(_has_rich_text(v, depth + 1) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_has_rich_text(v, depth + 1) for v in value[:50])
    return False


def fix_template(path: Path, out: Path, *, root: Path | None = None) -> int:
    """Write a copy of a DOCX template with every damaged tag repaired; returns how many."""
    parts, zf = docx_scan.load(path)
    replaced: dict[str, bytes] = {}
    count = 0
    for part in parts.values():
        touched = False
        for para in part.paragraphs:
            for tag in reversed(find_tags(para)[0]):
                if not tag.closed:
                    continue
                d = damage(tag)
                if d["pieces"] > 1 or d["curly"] or d["breaks"] or d["wrappers"]:
                    docx_scan.repair_tag(tag)
                    count += 1
                    touched = True
        if touched:
            replaced[part.name] = docx_scan.serialize(part.root)
    atomic_write(out, docx_scan.rewrite(zf, replaced), root=root)
    return count
