"""A Jinja source with one line per Word paragraph, so template errors point at paragraphs.

docxtpl turns a DOCX part into one long XML string before Jinja sees it, so Jinja's line numbers
are useless to a clerk ("line 1"). Here the tags of each paragraph, with docxtpl's prefixes
(`{%p`, `{%tr`, `{%tc`, `{%r`, `{{p`, `{{r` …) and cell commands (`colspan`, `cellbg`, `vm`,
`hm`) turned into plain Jinja, form line N of the source for paragraph N. Block structure is
matched on Jinja's own token stream, so an unclosed `{%p if %}` is reported at the paragraph
that opens it, and the remaining syntax errors at the paragraph Jinja stops in.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import jinja2

from gendoc.authoring.docx_scan import Paragraph, Tag, find_tags
from gendoc.authoring.model import LOI, TemplateReport, Where

PREFIX_RE = re.compile(r"^(\{[{%#])(p|r|tr|tc)\s")
CELL_CMD_RE = re.compile(r"^\{%-?\s*(colspan|cellbg)\s+(.*?)\s*-?%\}$", re.S)
MARK_CMD_RE = re.compile(r"^\{%-?\s*(vm|hm)\s*-?%\}$")
OPENERS = {"if", "for", "macro", "call", "filter", "with", "block", "autoescape", "raw", "trans"}
MIDDLES = {"elif": {"if"}, "else": {"if", "for"}, "pluralize": {"trans"}}
KNOWN_TAGS = sorted(OPENERS | set(MIDDLES) | {f"end{o}" for o in OPENERS} |
                    {"set", "include", "import", "from", "extends", "do", "break", "continue"})
PREFIX_LEVEL = {"p": "đoạn", "tr": "hàng bảng", "tc": "ô bảng", "r": "đoạn chữ (run)"}


@dataclass
class Line:
    """One source line: a paragraph (DOCX) or a file line (Markdown), and its tags in order."""

    where: Callable[[int | None], Where]
    tag_texts: list[str] = field(default_factory=list)
    names: Callable[[str], Where] | None = None


@dataclass
class Source:
    text: str
    lines: list[Line]

    def where(self, lineno: int | None, ordinal: int | None = None) -> Where | None:
        if lineno is None or not 1 <= lineno <= len(self.lines):
            return None
        return self.lines[lineno - 1].where(ordinal)

    def where_name(self, lineno: int | None, name: str) -> Where | None:
        """The paragraph of a node, with the first tag that mentions `name` marked."""
        if lineno is None or not 1 <= lineno <= len(self.lines):
            return None
        line = self.lines[lineno - 1]
        pattern = re.compile(rf"(?<![\w.]){re.escape(name)}\b")
        for i, text in enumerate(line.tag_texts):
            if pattern.search(text):
                return line.where(i)
        return line.where(None)


def plain_jinja(tag: Tag) -> tuple[str | None, str | None]:
    """(Jinja text for the pseudo source or None to skip, docxtpl prefix or None)."""
    text = tag.clean
    if tag.opener == "#":
        return None, None
    m = PREFIX_RE.match(text)
    prefix = None
    if m:
        prefix = m.group(2)
        text = m.group(1) + " " + text[m.end():]
    if MARK_CMD_RE.match(text):
        return None, prefix
    cell = CELL_CMD_RE.match(text)
    if cell:
        return "{{ " + cell.group(2) + " }}", prefix
    return text, prefix


def docx_source(paragraphs: list[Paragraph], tags: dict[int, list[Tag]],
                report: TemplateReport) -> Source:
    """The part's pseudo source; also reports docxtpl prefix misuse (text that would be lost)."""
    lines: list[str] = []
    infos: list[Line] = []
    for index, para in enumerate(paragraphs):
        used: list[Tag] = []
        texts: list[str] = []
        prefixed: list[tuple[Tag, str]] = []
        for tag in tags.get(index, []):
            if not tag.closed:
                continue
            jinja_text, prefix = plain_jinja(tag)
            if prefix:
                prefixed.append((tag, prefix))
            if jinja_text is not None:
                used.append(tag)
                texts.append(jinja_text)
        _check_prefixes(para, prefixed, report)
        lines.append(" ".join(texts))

        def where(ordinal: int | None, para: Paragraph = para, used: list[Tag] = used) -> Where:
            if ordinal is not None and 0 <= ordinal < len(used):
                return used[ordinal].where()
            return para.where()

        infos.append(Line(where, texts))
    return Source("\n".join(lines), infos)


def _check_prefixes(para: Paragraph, prefixed: list[tuple[Tag, str]],
                    report: TemplateReport) -> None:
    for tag, prefix in prefixed:
        if prefix in ("tr", "tc") and para.cell is None:
            report.add(LOI, "the-bang-ngoai-bang",
                       f"thẻ {tag.clean[:3]}{prefix} … chỉ dùng được trong một ô bảng",
                       tag.where(), hint=f"dùng {tag.clean[:2]}p … cho đoạn thường, "
                       "hoặc đặt thẻ vào trong bảng")
    whole = [(t, p) for t, p in prefixed if p != "r"]
    if len(whole) > 1:
        tag = whole[1][0]
        report.add(LOI, "nhieu-the-p-mot-doan",
                   f"một đoạn có {len(whole)} thẻ thay cả {PREFIX_LEVEL[whole[0][1]]}; "
                   "khi dựng chỉ thẻ đầu được giữ, các thẻ sau bị mất",
                   tag.where(), hint="đặt mỗi thẻ {%p …%} trong một đoạn riêng (nhấn Enter)")
    if whole:
        tag, prefix = whole[0]
        others = [t for t in _all_tags(para) if (t.start, t.end) != (tag.start, tag.end)]
        rest = para.text
        for t in sorted([tag, *others], key=lambda t: -t.start):
            rest = rest[:t.start] + rest[t.end:]
        lost = [t for t in others if t.opener != "#" and not PREFIX_RE.match(t.clean)]
        if lost:
            report.add(LOI, "the-mat-theo-the-p",
                       f"thẻ {lost[0].clean} nằm cùng {PREFIX_LEVEL[prefix]} với thẻ "
                       f"{tag.clean[:3]}{prefix} …; khi dựng, cả {PREFIX_LEVEL[prefix]} được thay "
                       "bằng thẻ nên thẻ này bị mất", lost[0].where(),
                       hint="đưa thẻ sang một đoạn riêng (nhấn Enter trước/sau thẻ)")
        if rest.strip():
            report.add(LOI, "chu-mat-theo-the-p",
                       f"chữ «{rest.strip()[:40]}» nằm cùng {PREFIX_LEVEL[prefix]} với thẻ "
                       f"{tag.clean[:3]}{prefix} …; khi dựng, cả {PREFIX_LEVEL[prefix]} được thay "
                       "bằng thẻ nên chữ này bị mất", tag.where(),
                       hint="đưa chữ sang một đoạn riêng (nhấn Enter trước/sau thẻ)")


def _all_tags(para: Paragraph) -> list[Tag]:
    return [t for t in find_tags(para)[0] if t.closed]


def text_source(text: str) -> Source:
    """A Markdown/text template is its own source: line N is file line N."""
    lines = text.split("\n")
    tag_re = re.compile(r"\{\{.*?\}\}|\{%.*?%\}")
    infos = []
    for number, content in enumerate(lines, start=1):
        tags = tag_re.findall(content)

        def where(ordinal: int | None, number: int = number, content: str = content,
                  tags: list[str] = tags) -> Where:
            shown = content.strip()
            if ordinal is not None and 0 <= ordinal < len(tags):
                start = content.find(tags[ordinal])
                shown = content[:start] + "⟦" + tags[ordinal] + "⟧" + content[start + len(tags[ordinal]):]
            return Where(line=number, text=shown.strip()[:90])

        infos.append(Line(where, tags))
    return Source(text, infos)


def parse(source: Source, env: jinja2.Environment, report: TemplateReport) -> jinja2.nodes.Template | None:
    """Block structure first (located at the opening tag), then Jinja's own parser."""
    try:
        tokens = list(env.lex(source.text))
    except jinja2.TemplateSyntaxError as exc:
        _syntax(source, exc, report)
        return None
    if not _blocks(source, tokens, report):
        return None
    try:
        return env.parse(source.text)
    except jinja2.TemplateSyntaxError as exc:
        _syntax(source, exc, report)
        return None


def _close(source: Source, stack: list[tuple[str, int, int]], value: str,
           here: tuple[int, int], report: TemplateReport) -> bool:
    """Pop the block `{% endX %}` closes; False (with the problem reported) when it closes none
    or another one."""
    opener = value[3:]
    if not stack:
        report.add(LOI, "the-dong-thua", f"thẻ {{% {value} %}} không có thẻ mở "
                   f"{{% {opener} … %}} tương ứng phía trên", source.where(*here),
                   hint="xóa thẻ đóng thừa hoặc thêm thẻ mở")
        return False
    top, line, order = stack.pop()
    if top != opener:
        report.add(LOI, "the-dong-sai",
                   f"gặp {{% {value} %}} trong khi thẻ {{% {top} … %}} mở ở "
                   f"{_short(source.where(line, order))} chưa đóng",
                   source.where(*here), hint=f"thêm {{% end{top} %}} trước thẻ này, "
                   "hoặc sửa tên thẻ đóng")
        return False
    return True


def _blocks(source: Source, tokens: list[tuple[int, str, str]], report: TemplateReport) -> bool:
    stack: list[tuple[str, int, int]] = []  # keyword, line, ordinal within the line
    ordinal: dict[int, int] = {}
    expect_keyword = False
    set_line: tuple[int, int] | None = None
    for lineno, kind, value in tokens:
        if kind == "whitespace":
            continue
        if kind in ("block_begin", "variable_begin"):
            ordinal[lineno] = ordinal.get(lineno, -1) + 1
            expect_keyword = kind == "block_begin"
            set_line = None
            continue
        if kind == "block_end":
            if set_line is not None:
                stack.append(("set", *set_line))
            continue
        if kind == "operator" and value == "=" and set_line is not None:
            set_line = None  # `{% set x = … %}` is not a block
        if not expect_keyword:
            continue
        expect_keyword = False
        if kind != "name":
            continue
        here = (lineno, ordinal.get(lineno, 0))
        if value in OPENERS:
            stack.append((value, *here))
        elif value == "set":
            set_line = here
        elif value not in KNOWN_TAGS and not value.startswith("end"):
            close = difflib.get_close_matches(value, KNOWN_TAGS, n=1, cutoff=0.6)
            report.add(LOI, "loi-cu-phap", f"không có lệnh '{value}'", source.where(*here),
                       hint=f"có phải ý là '{close[0]}'?" if close else
                       "các lệnh dùng được: if, elif, else, for, set và thẻ end… tương ứng")
            return False
        elif value in MIDDLES:
            if not stack or stack[-1][0] not in MIDDLES[value]:
                report.add(LOI, "the-khoi-lac", f"thẻ {{% {value} %}} nằm ngoài khối "
                           f"{' / '.join('{% ' + o + ' %}' for o in sorted(MIDDLES[value]))}",
                           source.where(*here), hint="xóa thẻ hoặc thêm thẻ mở khối phía trên")
                return False
        elif value.startswith("end") and not _close(source, stack, value, here, report):
            return False
    for top, line, order in stack:
        report.add(LOI, "the-chua-dong", f"thẻ {{% {top} … %}} mở ở đây nhưng không có "
                   f"{{% end{top} %}}", source.where(line, order),
                   hint=f"thêm một đoạn chứa {{%p end{top} %}} ở chỗ khối kết thúc")
    return not stack


def _short(where: Where | None) -> str:
    if where is None:
        return "phía trên"
    bits = [b for b in (where.area, where.cell,
                        f"đoạn {where.paragraph}" if where.paragraph else None,
                        f"dòng {where.line}" if where.line else None) if b]
    return ", ".join(bits)


TOKEN_NAMES = {"name": "tên biến", "end of print statement": "}}",
               "end of statement block": "%}", "end of template": "hết mẫu"}
SYNTAX_MESSAGES = [
    (re.compile(r"unexpected char '(.+?)'"), "ký tự lạ {0} trong thẻ"),
    (re.compile(r"Encountered unknown tag '(\w+)'"), "không có lệnh '{0}'"),
    (re.compile(r"expected token '(.+?)', got '(.+?)'"), "thẻ viết sai: cần '{0}' nhưng gặp '{1}'"),
    (re.compile(r"unexpected '(.+?)'"), "thừa hoặc sai ký hiệu '{0}' trong thẻ"),
    (re.compile(r"unexpected end of template", re.I), "thẻ chưa viết xong"),
    (re.compile(r"Expected an expression"), "thẻ thiếu tên biến hoặc biểu thức"),
]


def _syntax(source: Source, exc: jinja2.TemplateSyntaxError, report: TemplateReport) -> None:
    message = f"lỗi cú pháp trong thẻ ({exc.message})"
    hint = "sửa thẻ theo mẫu {{ ten_bien }} hoặc {%p if … %} … {%p endif %}"
    for pattern, text in SYNTAX_MESSAGES:
        m = pattern.search(exc.message or "")
        if m:
            message = text.format(*(TOKEN_NAMES.get(g, g) for g in m.groups()))
            if "unknown tag" in pattern.pattern:
                close = difflib.get_close_matches(m.group(1), KNOWN_TAGS, n=1, cutoff=0.6)
                if close:
                    hint = f"có phải ý là '{close[0]}'?"
            break
    report.add(LOI, "loi-cu-phap", message, _culprit(source, exc.lineno), hint=hint)


def _culprit(source: Source, lineno: int | None) -> Where | None:
    """Mark the first tag on the line that does not parse on its own (expressions only)."""
    if lineno is None or not 1 <= lineno <= len(source.lines):
        return None
    line = source.lines[lineno - 1]
    env = jinja2.Environment()
    for i, text in enumerate(line.tag_texts):
        try:
            tokens = list(env.lex(text))
            if text.startswith("{{"):
                env.parse(text)
        except jinja2.TemplateSyntaxError:
            return line.where(i)
        if not tokens:
            return line.where(i)
    return line.where(None)
