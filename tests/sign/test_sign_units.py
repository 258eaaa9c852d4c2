"""Placement geometry, settings and small helpers, without LibreOffice."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gendoc.exceptions import ContentError
from gendoc.sign.copying import parse_pages
from gendoc.sign.errors import SignError
from gendoc.sign.placement import Box, seal_box, signer_box, text_block_origin
from gendoc.sign.settings import settings_from
from gendoc.sign.stamps import signing_time_text
from gendoc.sign.textlayout import SignatureBlock, TextLine, _block_on_page


def line(y: float, text: str, x0: float = 380, x1: float = 460, page: int = 0) -> TextLine:
    return TextLine(page, x0, y, x1, y + 14, text=text, font="LiberationSerif-Bold", size=14)


@given(gap=st.floats(30, 150), w=st.integers(10, 3000), h=st.integers(10, 3000),
       cx=st.floats(300, 500))
def test_signer_box_fits_between_title_and_name_centred(gap: float, w: int, h: int, cx: float) -> None:
    name = line(500, "Nguyễn Văn A", cx - 40, cx + 40)
    title = line(500 + 14 + gap, "CHỦ TỊCH", cx - 30, cx + 30)
    box = signer_box(SignatureBlock(0, title, name), (w, h))
    assert name.y1 < box.y0 < box.y1 < title.y0
    assert abs(box.center[0] - cx) < 1e-6
    assert box.width <= 3.0 * (gap - 10) + 1e-6  # never wider than three times the room's height
    assert abs(box.width / box.height - w / h) < 1e-6 * max(1, w / h)  # aspect ratio kept


@given(x0=st.floats(300, 400), width=st.floats(20, 200), d=st.floats(20, 60))
def test_seal_is_real_size_over_left_third(x0: float, width: float, d: float) -> None:
    signer = Box(x0, 500, x0 + width, 560)
    seal = seal_box(signer, d)
    assert abs(seal.width - d * 72 / 25.4) < 1e-6 and abs(seal.height - seal.width) < 1e-6
    assert abs(seal.x1 - (x0 + width / 3)) < 1e-6
    assert abs(seal.center[1] - 530) < 1e-6


def test_text_block_sits_top_right_inside_the_right_margin() -> None:
    x, y = text_block_origin(595.3, 841.9, 150, 35)
    assert abs((595.3 - (x + 150)) - 15 * 72 / 25.4) < 1e-6  # right edge on the 15 mm margin
    assert 841.9 - (y + 35) == pytest.approx(5 * 72 / 25.4)


def test_signature_block_is_found_beside_noi_nhan_only() -> None:
    lines = [line(660, "Nơi nhận:", 98, 150), line(651, "TM. ỦY BAN NHÂN DÂN", 338, 499),
             line(635, "CHỦ TỊCH", 383, 453), line(555, "Phạm Vũ Hồng", 372, 464),
             line(640, "- Bộ Nội vụ;", 98, 153)]
    block = _block_on_page(sorted(lines, key=lambda ln: -ln.y1), 595)
    assert block is not None and (block.title.text, block.name.text) == ("CHỦ TỊCH", "Phạm Vũ Hồng")
    assert _block_on_page([ln for ln in lines if ln.text != "Nơi nhận:"], 595) is None
    close = [ln if ln.text != "Phạm Vũ Hồng" else line(615, "Phạm Vũ Hồng") for ln in lines]
    assert _block_on_page(sorted(close, key=lambda ln: -ln.y1), 595) is None  # no room to sign


def test_signing_time_is_iso_offset() -> None:
    when = datetime(2026, 3, 5, 8, 7, 9, tzinfo=timezone(timedelta(hours=7)))
    assert signing_time_text(when) == "Thời gian ký: 05/03/2026 08:07:09 +07:00"


def test_page_ranges() -> None:
    assert parse_pages("1,3-4", 5) == [0, 2, 3]
    assert parse_pages(None, 3) == [0, 1, 2]
    for bad in ("0", "2-1", "6", "a", "1,,2"):
        with pytest.raises(SignError):
            parse_pages(bad, 5)


def test_settings_collect_every_problem(tmp_path: Path) -> None:
    (tmp_path / "root.pem").write_text("x")
    ok = settings_from(tmp_path, {"ky_so": {"duong_kinh_dau_mm": 36, "chung_thu_goc": "root.pem",
                                            "may_chu_dau_thoi_gian": "http://tsa.example"}})
    assert ok.seal_diameter_mm == 36 and ok.trust_roots == (tmp_path / "root.pem",)
    with pytest.raises(ContentError) as err:
        settings_from(tmp_path, {"ky_so": {"duong_kinh_dau_mm": "to", "la": 1,
                                           "may_chu_dau_thoi_gian": "ftp://x"}})
    fields = [p.field for p in err.value.problems]
    assert fields == ["ky_so.la", "ky_so.duong_kinh_dau_mm", "ky_so.may_chu_dau_thoi_gian"]
    assert settings_from(None, None).trust_roots == ()


def test_a_damaged_pdf_is_named_in_vietnamese_and_verbose_shows_the_cause(tmp_path: Path) -> None:
    """The library's English stays out of the message; --verbose prints it for IT support."""
    from click.testing import CliRunner

    from gendoc.cli import main

    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n" + bytes(range(256)))
    quiet = CliRunner().invoke(main, ["check", str(bad)])
    assert quiet.exit_code != 0
    assert "hong.pdf" in quiet.output and "--verbose" in quiet.output, quiet.output
    assert "Error" not in quiet.output and "Traceback" not in quiet.output, quiet.output
    loud = CliRunner().invoke(main, ["--verbose", "check", str(bad)])
    assert "Traceback" in loud.output, loud.output
