"""The ND30 text block of invisible organisation signatures (annex files, electronic copies).

Phụ lục I: «Times New Roman, chữ in thường, kiểu chữ đứng, cỡ chữ 10, màu đen», top right of
page 1. The font is Times New Roman when installed, else its metric twin Liberation Serif
(fonts-liberation), embedded as a subset so the file stays PDF/A. Text is drawn literally: it is
never used as a format string.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStamp, TextStampStyle

from gendoc import nd30
from gendoc.sign.errors import SignError
from gendoc.sign.pdffacts import inherited
from gendoc.sign.placement import Box, text_block_origin
from gendoc.writer import atomic_write

TEXT_SIZE_PT = nd30.SIGNATURE_TEXT_SIZE_PT
TEXT_LEADING_PT = 11
_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "C:/Windows/Fonts/times.ttf",
    "/Library/Fonts/Times New Roman.ttf",
)


@lru_cache(maxsize=1)
def times_font() -> Path:
    """Times New Roman (regular), or Liberation Serif; SignError with the install hint if neither."""
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "Times New Roman:style=Regular", "--format=%{file}"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
        name = Path(found).name.lower()
        if found.endswith(".ttf") and ("times" in name or "liberationserif" in name):
            return Path(found)
    for candidate in _FONT_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    raise SignError("không tìm thấy phông Times New Roman (hay Liberation Serif) để in thông tin "
                    "chữ ký số — cài: sudo apt install fonts-liberation.")


def font_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gendoc" / "fonts"


@lru_cache(maxsize=4)
def font_for_pyhanko(font: Path) -> Path:
    """The font rescaled to 1000 units per em, kept in the user's cache (made once per font).

    pyHanko's glyph accumulator writes glyph widths (/W) and TJ adjustments in font units, which
    PDF reads as 1/1000 em: right for 1000-unit fonts (Noto, CFF), spaced out for Times New Roman
    and Liberation Serif (2048 units). Rescaling with fontTools keeps the outlines and metrics.
    """
    # heavy: fontTools, only when a stamp font is prepared
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    data = font.read_bytes()
    cached = font_cache_dir() / f"{hashlib.sha256(data).hexdigest()[:16]}-{font.name}"
    if cached.is_file():
        return cached
    tt = TTFont(io.BytesIO(data))
    if tt["head"].unitsPerEm == 1000:
        return font
    scale_upem(tt, 1000)
    if "FFTM" in tt:  # FontForge's timestamp table: fontTools cannot subset it (and warns)
        del tt["FFTM"]
    buf = io.BytesIO()
    tt.save(buf)
    cached.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(cached, buf.getvalue())
    return cached


def signing_time_text(when: datetime) -> str:
    """`Thời gian ký: 01/12/2026 12:30:05 +07:00` — date, time, offset per ISO 8601."""
    offset = when.isoformat()[-6:]  # "+07:00"
    return f"Thời gian ký: {when:%d/%m/%Y %H:%M:%S} {offset}"


def add_text_block(writer: IncrementalPdfFileWriter, lines: list[str], page: int = 0,
                   right: float | None = None) -> Box:
    """Draw `lines` at the top right of `page` in TNR 10, black, upright; returns the box.
    `right` moves the block's right edge left of an earlier block."""
    text = "\n".join(line.replace("%", "%%") for line in lines)  # the stamp %-formats its text
    flush = layout.SimpleBoxLayoutRule(x_align=layout.AxisAlignment.ALIGN_MIN,
                                       y_align=layout.AxisAlignment.ALIGN_MAX,
                                       margins=layout.Margins(0, 0, 0, 3))  # room for descenders
    style = TextStampStyle(
        stamp_text=text, border_width=0, background=None,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(font_for_pyhanko(times_font())),
                                                                   font_size=TEXT_SIZE_PT),
                                    font_size=TEXT_SIZE_PT, leading=TEXT_LEADING_PT,
                                    text_color=(0, 0, 0), box_layout_rule=flush),
        inner_content_layout=flush)
    stamp = TextStamp(writer, style, text_params={})
    stamp.register()  # renders: the box now has the text's size
    media = _page_box(writer, page)
    x, y = text_block_origin(media[2] - media[0], media[3] - media[1], stamp.box.width,
                             stamp.box.height, right)
    stamp.apply(page, x, y)  # type: ignore[arg-type]  # PDF coordinates are reals
    return Box(x, y, x + stamp.box.width, y + stamp.box.height)


def _page_box(writer: IncrementalPdfFileWriter, page: int) -> tuple[float, ...]:
    return tuple(float(v) for v in inherited(writer.find_page_for_modification(page)[0].get_object(),
                                             "/MediaBox"))
