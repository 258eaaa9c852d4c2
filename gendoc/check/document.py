"""The checked document as the rules see it: paragraphs with effective formatting and places.

Everything is read once: body paragraphs, table cells (with their table/row/column), header
and footer parts per section. Components (header block, title, closing block) are located in
`gendoc.check.anatomy`; this module only knows structure and how to name a location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

from gendoc.check.ooxml import (
    W_P,
    W_PPR,
    W_SECTPR,
    W_TBL,
    W_TC,
    W_TR,
    Package,
    block_items,
    iter_runs,
    run_text,
    w,
    wattr,
)
from gendoc.check.styles import RunFormat, StyleResolver, to_twips
from gendoc.check.text import clean, has_letters, snippet

_DRAWING_TAGS = {w("drawing"), w("pict"), w("object")}


@dataclass(eq=False)
class Para:
    """One paragraph, its text, its runs with effective formatting and where it sits."""

    el: etree._Element
    text: str
    runs: list[tuple[str, RunFormat]]
    ppr: dict
    section: int
    body_no: int | None = None  # ordinal among non-empty body-level paragraphs
    table: Table | None = None
    row: int = 0
    col: int = 0
    cell_no: int = 0  # ordinal among the cell's paragraphs (1-based)
    line_no: int | None = None  # set on the lines of a paragraph split at manual line breaks
    line_count: int = 1

    @property
    def stripped(self) -> str:
        return clean(self.text)

    @property
    def empty(self) -> bool:
        return not self.stripped

    @property
    def visible_runs(self) -> list[tuple[str, RunFormat]]:
        """Runs with visible, non-space text (what a reader sees)."""
        return [(t, f) for t, f in self.runs if t.strip() and not f.hidden]

    @property
    def letter_runs(self) -> list[tuple[str, RunFormat]]:
        return [(t, f) for t, f in self.runs if has_letters(t) and not f.hidden]

    @property
    def jc(self) -> str:
        return (self.ppr.get("jc") or "left").lower()

    @property
    def centered(self) -> bool:
        return self.jc == "center"

    def all_bold(self) -> bool:
        runs = self.letter_runs
        return bool(runs) and all(f.bold for _, f in runs)

    def any_bold(self) -> bool:
        return any(f.bold for _, f in self.letter_runs)

    def all_italic(self) -> bool:
        runs = self.letter_runs
        return bool(runs) and all(f.italic for _, f in runs)

    def shown_text(self) -> str:
        """The text as displayed: runs with the caps property come out upper case."""
        return "".join(t.upper() if f.caps else t for t, f in self.runs if not f.hidden)

    def lines(self) -> list[Para]:
        """The paragraph split at manual line breaks (Shift+Enter): one Para per visual line,
        sharing this paragraph's place. Clerks often type a whole block this way."""
        if "\n" not in self.text:
            return [self]
        out = self._split("\n")
        for i, line in enumerate(out):
            line.line_no, line.line_count = i + 1, len(out)
        return out

    def segments(self) -> list[Para]:
        """The non-empty pieces of a line between tab stops (a header typed with tabs)."""
        if "\t" not in self.text:
            return [self]
        return [seg for seg in self._split("\t") if not seg.empty]

    def _split(self, sep: str) -> list[Para]:
        out: list[Para] = []
        current: list[tuple[str, RunFormat]] = []
        for text, fmt in self.runs:
            for i, piece in enumerate(text.split(sep)):
                if i:
                    out.append(self._line(current))
                    current = []
                if piece:
                    current.append((piece, fmt))
        out.append(self._line(current))
        return out

    def _line(self, runs: list[tuple[str, RunFormat]]) -> Para:
        return Para(el=self.el, text="".join(t for t, _ in runs), runs=runs, ppr=self.ppr,
                    section=self.section, body_no=self.body_no, table=self.table, row=self.row,
                    col=self.col, cell_no=self.cell_no, line_no=self.line_no,
                    line_count=self.line_count)

    @cached_property
    def has_drawing(self) -> bool:
        return any(el.tag in _DRAWING_TAGS for el in self.el.iter())

    @property
    def last_line(self) -> bool:
        """Whether a paragraph border below (or an anchored shape) sits under this line."""
        return self.line_no is None or self.line_no == self.line_count

    def sizes(self) -> set[float]:
        return {f.size for t, f in self.letter_runs if f.size is not None and not f.superscript}


@dataclass(eq=False)
class Table:
    """A table with its position among the document's tables and its cells' paragraphs."""

    el: etree._Element
    number: int  # 1-based among body-level tables
    section: int
    cells: list[list[list[Para]]] = field(default_factory=list)  # rows -> cells -> paragraphs

    @property
    def paragraphs(self) -> list[Para]:
        return [p for row in self.cells for cell in row for p in cell]

    @property
    def style(self) -> str | None:
        st = self.el.find(f"{w('tblPr')}/{w('tblStyle')}")
        return wattr(st, "val")


@dataclass
class Section:
    """Page setup of one section (sizes in twips) and the header parts it uses."""

    number: int
    sectpr: etree._Element | None
    headers: dict[str, etree._Element | None] = field(default_factory=dict)  # default/first/even
    title_pg: bool = False

    def measure(self, tag: str, attr: str) -> float | None:
        el = self.sectpr.find(w(tag)) if self.sectpr is not None else None
        return to_twips(wattr(el, attr)) if el is not None else None


class Document:
    """Body blocks, paragraphs, tables and sections of one package."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.styles = StyleResolver(pkg.styles, pkg.theme)
        self.blocks: list[Para | Table] = []
        self.tables: list[Table] = []
        self.sections: list[Section] = []
        body = pkg.document.find(w("body"))
        self._sect_els: list[etree._Element | None] = []
        if body is not None:
            self._read_body(body)
        self._make_sections(body)
        self.default_tab = self._default_tab()

    # -- reading -----------------------------------------------------------------------------
    def make_para(self, p: etree._Element, section: int, table_style: str | None = None) -> Para:
        ppr = self.styles.paragraph(p, table_style)
        pstyle = ppr.get("_pstyle")
        runs = []
        for r in iter_runs(p):
            text = run_text(r)
            if text:
                runs.append((text, self.styles.run(r, pstyle, table_style)))
        return Para(el=p, text="".join(t for t, _ in runs), runs=runs, ppr=ppr, section=section)

    def _read_body(self, body: etree._Element) -> None:
        section = 0
        body_no = 0
        for el in block_items(body):
            if el.tag == W_P:
                para = self.make_para(el, section)
                if not para.empty:
                    body_no += 1
                    para.body_no = body_no
                self.blocks.append(para)
                ppr = el.find(W_PPR)
                sect = ppr.find(W_SECTPR) if ppr is not None else None
                if sect is not None:
                    self._sect_els.append(sect)
                    section += 1
            elif el.tag == W_TBL:
                table = Table(el=el, number=len(self.tables) + 1, section=section)
                self._read_table(table, el, table.style)
                self.tables.append(table)
                self.blocks.append(table)
        self._last_section = section

    def _read_table(self, table: Table, tbl: etree._Element, style: str | None) -> None:
        rows = [tr for tr in tbl.iter(W_TR) if _owner_table(tr) is tbl]
        for r_i, tr in enumerate(rows):  # rows of nested tables are read as part of their cell
            row: list[list[Para]] = []
            for c_i, tc in enumerate(el for el in tr if el.tag == W_TC):
                paras: list[Para] = []
                for p in tc.iter(W_P):
                    para = self.make_para(p, table.section, style)
                    para.table, para.row, para.col = table, r_i, c_i
                    para.cell_no = len(paras) + 1
                    paras.append(para)
                row.append(paras)
            table.cells.append(row)

    def _make_sections(self, body: etree._Element | None) -> None:
        final = body.find(W_SECTPR) if body is not None else None
        els = self._sect_els + [final]
        inherited: dict[str, etree._Element | None] = {}
        for i, sect in enumerate(els):
            sec = Section(number=i + 1, sectpr=sect)
            if sect is not None:
                for ref in sect.iter(w("headerReference")):
                    kind = wattr(ref, "type") or "default"
                    inherited[kind] = self.pkg.headers.get(ref.get(f"{{{_R}}}id", ""))
                sec.title_pg = sect.find(w("titlePg")) is not None and (
                    wattr(sect.find(w("titlePg")), "val") or "1"
                ) not in ("0", "false", "off")
            sec.headers = dict(inherited)
            self.sections.append(sec)

    def _default_tab(self) -> float:
        st = self.pkg.settings
        el = st.find(w("defaultTabStop")) if st is not None else None
        return to_twips(wattr(el, "val")) or 720.0

    # -- views -------------------------------------------------------------------------------
    @cached_property
    def body_paras(self) -> list[Para]:
        return [b for b in self.blocks if isinstance(b, Para)]

    @cached_property
    def all_paras(self) -> list[Para]:
        out: list[Para] = []
        for b in self.blocks:
            out.extend([b] if isinstance(b, Para) else b.paragraphs)
        return out

    def index(self, block: Para | Table) -> int:
        return self._positions[id(block)]

    @cached_property
    def _positions(self) -> dict[int, int]:
        return {id(b): i for i, b in enumerate(self.blocks)}

    @cached_property
    def text_chars(self) -> int:
        return sum(len(p.text) for p in self.all_paras)

    @cached_property
    def page_breaks(self) -> int:
        body = self.pkg.document.find(w("body"))
        if body is None:
            return 0
        n = sum(1 for br in body.iter(w("br")) if wattr(br, "type") == "page")
        return n + len(self._sect_els)

    @cached_property
    def estimated_pages(self) -> int:
        """A rough page count: ~2,200 characters or ~30 paragraphs a page, plus hard breaks."""
        by_text = self.text_chars / 2200
        by_paras = len([p for p in self.all_paras]) / 30
        return max(1, round(max(by_text, by_paras) + 0.49) + self.page_breaks)

    def section_name(self, number: int) -> str:
        if len(self.sections) == 1:
            return "Thiết lập trang (Page Setup)"
        return f"Thiết lập trang (Page Setup) của phần {number}"

    def locate(self, para: Para, role: str | None = None) -> str:
        """Where a clerk finds this paragraph: 'Đoạn 14: «2. Tăng cường…»' and the like."""
        quote = f": «{snippet(para.text)}»" if not para.empty else " (đoạn trống)"
        if para.table is None:
            if para.body_no is not None:
                return f"Đoạn {para.body_no}{quote}"
            return f"Đoạn trống sau đoạn {self._prev_body_no(para)}"
        line = f", dòng {para.line_no}" if para.line_no else ""
        if role:
            return f"{role}, đoạn {para.cell_no}{line}{quote}"
        t = para.table
        return (f"Bảng {t.number}, hàng {para.row + 1}, ô {para.col + 1}, đoạn {para.cell_no}"
                f"{line}{quote}")

    def _prev_body_no(self, para: Para) -> int:
        n = 0
        for p in self.body_paras:
            if p is para:
                break
            n = p.body_no or n
        return n


def _owner_table(el: etree._Element) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != W_TBL:
        parent = parent.getparent()
    return parent


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
