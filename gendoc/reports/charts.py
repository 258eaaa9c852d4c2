"""Charts of the consolidation (matplotlib), made to be printed on an office laser printer.

Choices and why:
- Series are told apart by hatching and grey levels, never by colour alone: reports are
  photocopied in black and white.
- A serif font with full Vietnamese coverage (Liberation Serif, metric twin of Times New Roman,
  else DejaVu Serif which ships with matplotlib), so "Tỷ lệ nữ" never shows boxes.
- 200 dpi at the printed width (16 cm), numbers on the bars in Vietnamese format (33,3%).
- The Agg backend and a fresh Figure per chart: no GUI, no global pyplot state, safe in tests.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from gendoc.reports.consolidation import Consolidation, unit_share
from gendoc.reports.indicators import LANH_DAO, PAIRED, QUY_HOACH
from gendoc.reports.wording import phan_tram_vn
from gendoc.vi.formats import phan_tram
from gendoc.writer import atomic_save

DPI = 200
WIDTH_IN = 16 / 2.54
FONTS = ["Times New Roman", "Liberation Serif", "DejaVu Serif"]
MAX_UNITS = 40  # beyond this a bar per unit is unreadable on A4
STYLES = (  # (face colour, hatch) — distinct in grey scale and in pattern
    ("#a6a6a6", "///"),
    ("#ffffff", "xxx"),
)


def _figure(height_in: float):  # noqa: ANN202 - matplotlib Figure
    # heavy: matplotlib, only when a chart is drawn
    import matplotlib

    matplotlib.use("Agg", force=False)
    # heavy: matplotlib, only when a chart is drawn
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, height_in), dpi=DPI)
    return fig


# Every Vietnamese letter a chart label may hold; a font is used only if it has them all.
_VIETNAMESE = "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


def _fonts() -> list[str]:
    """Serif families whose resolved file covers Vietnamese (an old Liberation Serif may not:
    Debian ships v1 and v2 under one family name), best first; DejaVu Serif always does."""
    # heavy: matplotlib, only when a chart is drawn
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    usable = []
    for family in FONTS:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=family),
                                         fallback_to_default=False)
            charmap = FT2Font(path).get_charmap()
        except (ValueError, OSError, RuntimeError):  # not installed here
            continue
        if all(ord(ch) in charmap for ch in _VIETNAMESE):
            usable.append(family)
    return usable or ["DejaVu Serif"]


def _rc():  # noqa: ANN202 - a matplotlib rc context
    # heavy: matplotlib, only when a chart is drawn
    import matplotlib

    return matplotlib.rc_context({
        "font.family": "serif", "font.serif": _fonts(), "font.size": 9,
        "hatch.linewidth": 0.8, "axes.spines.top": False, "axes.spines.right": False,
    })


def _save(fig, path: Path, root: Path | None) -> Path:  # noqa: ANN001
    atomic_save(path, lambda tmp: fig.savefig(str(tmp), format="png", dpi=DPI,
                                              bbox_inches="tight", facecolor="white"), root=root)
    return path


def _bars(ax, labels: list[str], series: list[tuple[str, list[float | None]]]) -> None:  # noqa: ANN001
    count = len(series)
    height = 0.8 / count
    for index, (name, values) in enumerate(series):
        face, hatch = STYLES[index % len(STYLES)]
        ys = [i + (index - (count - 1) / 2) * height for i in range(len(labels))]
        widths = [v or 0 for v in values]
        bars = ax.barh(ys, widths, height=height * 0.92, color=face, hatch=hatch,
                       edgecolor="black", linewidth=0.6, label=name)
        for bar, value in zip(bars, values, strict=True):
            ax.annotate(phan_tram_vn(value), (bar.get_width(), bar.get_y() + bar.get_height() / 2),
                        xytext=(3, 0), textcoords="offset points", va="center", fontsize=8,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6}, zorder=5)
    ax.set_yticks(range(len(labels)), labels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("Tỷ lệ nữ (%)")
    ax.xaxis.set_major_formatter(lambda x, _pos: axis_percent(x))
    ax.grid(axis="x", color="#999999", linewidth=0.4, linestyle=":")
    ax.set_axisbelow(True)


def _legend(ax) -> None:  # noqa: ANN001
    """Below the plot, so it never hides a bar; the caption in the document is the title."""
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False, fontsize=8)


def axis_percent(x: float) -> str:
    """An axis tick in Vietnamese format: 62.5 → "62,5%", 20.0 → "20%" (never a decimal point)."""
    return phan_tram(Decimal(repr(round(float(x), 6))).normalize())


def _target_line(ax, cons: Consolidation, metric: str, label: str) -> None:  # noqa: ANN001
    for result in cons.targets:
        if result.target.chi_so == metric:
            ax.axvline(result.target.chi_tieu, color="black", linestyle="--", linewidth=1.0,
                       label=f"{label}: {phan_tram_vn(result.target.chi_tieu)}")
            return


def share_by_indicator(cons: Consolidation, path: Path, root: Path | None = None) -> Path:
    """Share of women in each indicator for the province; the previous year beside it."""
    labels = [spec.title for spec in PAIRED]
    series = [(f"Năm {cons.year}", [cons.ty_le(spec.key) for spec in PAIRED])]
    if cons.previous is not None:
        series.append((f"Năm {cons.previous.year}",
                       [cons.previous.ty_le(spec.key) for spec in PAIRED]))
    with _rc():
        fig = _figure(0.3 * len(labels) * len(series) + 1.1)
        ax = fig.add_subplot()
        _bars(ax, labels, series)
        _target_line(ax, cons, f"ty_le_nu.{QUY_HOACH.key}", "Chỉ tiêu nữ trong quy hoạch")
        _legend(ax)
        return _save(fig, path, root)


def share_by_unit(cons: Consolidation, path: Path, root: Path | None = None) -> Path | None:
    """Women among each unit's leaders and planning pool; None when too many units to draw."""
    reports = cons.reports
    if not reports or len(reports) > MAX_UNITS:
        return None
    labels = [r.unit.ten_day_du or r.unit.ma for r in reports]
    series = [
        ("Nữ lãnh đạo, quản lý", [unit_share(r, LANH_DAO.key) for r in reports]),
        ("Nữ trong quy hoạch", [unit_share(r, QUY_HOACH.key) for r in reports]),
    ]
    with _rc():
        fig = _figure(0.55 * len(labels) + 1.1)
        ax = fig.add_subplot()
        _bars(ax, labels, series)
        _target_line(ax, cons, f"ty_le_nu.{QUY_HOACH.key}", "Chỉ tiêu nữ trong quy hoạch")
        _legend(ax)
        return _save(fig, path, root)
