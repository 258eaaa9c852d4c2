"""Templates: a .docx with Jinja tags is checked for page setup and fonts only."""

from __future__ import annotations

from collections.abc import Iterator

from gendoc.check.context import Context
from gendoc.check.registry import Hit, rule


@rule(
    "input.template", "thong_tin", group="Tệp", template_ok=True,
    title="Tệp mẫu (có thẻ {{ … }} / {% … %}) chỉ được kiểm tra khổ giấy, lề, phông, số trang.",
    reason="Nội dung mẫu chưa phải văn bản thật; hãy kiểm tra văn bản đã dựng từ mẫu.",
    source="quy ước của gendoc (không thuộc ND30)",
)
def template(ctx: Context) -> Iterator[Hit]:
    if ctx.is_template:
        yield Hit("Toàn văn bản", "tệp là mẫu (template) có thẻ Jinja; chỉ kiểm tra khổ giấy, lề, "
                  "phông chữ và số trang — hãy kiểm tra văn bản đã dựng (gendoc build --check).")
