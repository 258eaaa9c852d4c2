"""Where ND30 Phụ lục I puts each signature, in PDF points, computed from the text positions.

- Signer (ô 7c): the handwritten-signature image centred between the chức vụ line and the họ tên
  line, as tall as the gap between them allows.
- Organisation (ô 8): the seal at its real size, its disc covering about the left third of the
  signer's image, centred on it vertically.
- Annex in its own file, electronic copy (ô 14): an invisible signature; the text block sits at
  the top right of page 1, inside the right margin, above the top margin.
"""

from __future__ import annotations

from dataclasses import dataclass

from gendoc import nd30
from gendoc.sign.pdffacts import MM_PER_PT
from gendoc.sign.textlayout import SignatureBlock

GAP_PADDING_PT = 5.0  # keep the image off the glyphs (descenders included) above and below
MAX_SIGNATURE_ASPECT = 3.0  # a wider image is shrunk rather than spilling out of the column
TEXT_BLOCK_TOP_MM = 5.0  # from the top edge: above the 20 mm top margin, where page 1 has nothing


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def center(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def as_tuple(self) -> tuple[float, float, float, float]:
        return (round(self.x0, 2), round(self.y0, 2), round(self.x1, 2), round(self.y1, 2))


def signer_box(block: SignatureBlock, image_px: tuple[int, int]) -> Box:
    """The signature image's box: centred in the gap between chức vụ and họ tên, aspect kept."""
    top, bottom = block.title.y0 - GAP_PADDING_PT, block.name.y1 + GAP_PADDING_PT
    height = max(top - bottom, 1.0)
    px_w, px_h = image_px
    width = height * px_w / max(px_h, 1)
    limit = height * MAX_SIGNATURE_ASPECT
    if width > limit:  # very wide image: shrink both sides to stay inside the column
        height, width = height * limit / width, limit
    cx, cy = block.center_x, (top + bottom) / 2
    return Box(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def seal_box(signer: Box, diameter_mm: float) -> Box:
    """The seal's square box: real size, right edge at one third of the signer's image."""
    d = diameter_mm / MM_PER_PT
    right = signer.x0 + signer.width * nd30.SEAL_OVER_SIGNATURE
    cy = signer.center[1]
    return Box(right - d, cy - d / 2, right, cy + d / 2)


def text_block_origin(page_width: float, page_height: float, width: float, height: float,
                      right: float | None = None) -> tuple[float, float]:
    """Lower-left corner of a text block at the top right of a page (right edge on the margin,
    or at `right` when an earlier block already sits there)."""
    margin = page_width - nd30.DEFAULT_MARGINS_MM["right"] / MM_PER_PT
    right = margin if right is None else min(right, margin)
    top = page_height - TEXT_BLOCK_TOP_MM / MM_PER_PT
    return right - width, top - height
