"""Body building shared by the unit report and the consolidation: sections with tables inside.

Báo cáo bodies are numbered sections (I., 1., a)) like any mẫu 1.4 document, but some items
carry a table or a chart right after their text. `gendoc.body.number_items` numbers paragraphs
only, so an item holds a marker paragraph that `splice` replaces with the real block afterwards:
the numbering stays the one every other document uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from gendoc.body import Block, Blocks, Image, Muc, Para, Table, close_body, number_items
from gendoc.reports.indicators import PAIRED
from gendoc.reports.model import totals
from gendoc.reports.wording import so, ty_le

_MARK = "\ue000gendoc-block:"  # a private-use character: never typed by a clerk


class Holder:
    """Blocks waiting to be spliced into numbered paragraphs."""

    def __init__(self) -> None:
        self.blocks: list[Table | Image | Para] = []

    def mark(self, block: Table | Image | Para) -> str:
        self.blocks.append(block)
        return f"{_MARK}{len(self.blocks) - 1}"

    def splice(self, paras: list[Para]) -> Blocks:
        out: list[Block] = []
        for para in paras:
            text = para.text
            if text.startswith(_MARK):
                out.append(self.blocks[int(text[len(_MARK):])])
            else:
                out.append(para)
        return Blocks(out)


def section(title: str, items: Sequence[Muc | str]) -> Muc | None:
    return Muc.model_validate({"tieu_de": title, "muc": list(items)}) if items else None


def assemble(head: list[Para], sections: list[Muc | None], tail: list[Para],
             holder: Holder) -> Blocks:
    """Opening paragraphs, the numbered sections (I., II. …), closing paragraphs, ending `./.`."""
    numbered = number_items([s for s in sections if s is not None], start="la_ma")
    paras = close_body([*head, *numbered, *tail])
    return holder.splice(paras)


def figures_table(so_lieu, title: str | None = None) -> Table:  # noqa: ANN001 - a SoLieu
    """One unit's figures: a bold line per group (its total), then its rows."""
    rows: list[list[str]] = []
    for index, spec in enumerate(PAIRED, start=1):
        total = totals(so_lieu, spec.key)
        rows.append([f"**{index}**", f"**{spec.title}**", f"**{so(total.tong)}**",
                     f"**{so(total.nu)}**", f"**{ty_le(total.ty_le)}**"])
        for row in spec.rows:
            pair = getattr(getattr(so_lieu, spec.key), row.key)
            rows.append(["", f"- {row.label}", so(pair.tong), so(pair.nu), ty_le(pair.ty_le)])
    return Table(header=["STT", "Chỉ tiêu", "Tổng số (người)", "Trong đó nữ (người)",
                         "Tỷ lệ nữ (%)"],
                 rows=rows, widths=[1.4, 6.8, 2.6, 2.6, 2.2],
                 align=["giua", "trai", "phai", "phai", "phai"], title=title)
