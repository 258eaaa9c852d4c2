"""Numbers printed in charts use the Vietnamese format: decimal comma, no decimal point."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gendoc.reports.charts import _bars, _figure, axis_percent


def test_chart_labels_and_axis_ticks_use_a_decimal_comma() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = _figure(2.0)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    _bars(ax, ["Lãnh đạo", "Quy hoạch"], [("Tỷ lệ nữ", [63.6, 12.5])])
    ax.set_xticks([0, 12.5, 62.5, 100])
    fig.canvas.draw()
    ticks = [t.get_text() for t in ax.get_xticklabels()]
    assert ticks == ["0%", "12,5%", "62,5%", "100%"]
    assert [t.get_text() for t in ax.texts] == ["63,6%", "12,5%"]


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_no_axis_value_prints_a_decimal_point(x: float) -> None:
    text = axis_percent(x)
    assert "." not in text and text.endswith("%")
    assert float(text[:-1].replace(",", ".")) == round(x, 6) or abs(float(text[:-1].replace(",", ".")) - x) < 1e-5
