"""A standalone web page around a media brief: its own CSS, Vietnamese typography, images inline.

The portal's editors paste or upload one file, so the page carries everything: the stylesheet in
<style>, pictures as data: URIs, `lang="vi"` (screen readers, fonts and line breaking choose
Vietnamese rules), and NFC text. Typography follows Vietnamese print practice: a serif face with
full Vietnamese coverage, generous leading so stacked diacritics (ậ, ễ, ỡ) never touch the line
above, no automatic hyphenation (browsers would split syllables), curly quotes “…” (Markdown's
smarty extension) and unbroken spaces inside numbers with units.
"""

from __future__ import annotations

import base64
import html
import re
import unicodedata
from pathlib import Path

CSS = """
:root { --chu: #1a1a1a; --nhat: #5a5a5a; --nhan: #8b1a1a; --vien: #d9d4cc; --nen: #fffdf9; }
* { box-sizing: border-box; }
html { font-size: 18px; -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--nen); color: var(--chu);
  font-family: "Noto Serif", "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  line-height: 1.65; text-rendering: optimizeLegibility; font-kerning: normal;
  font-variant-numeric: lining-nums; hyphens: manual; -webkit-hyphens: manual;
  overflow-wrap: break-word; }
main { max-width: 42rem; margin: 0 auto; padding: 2.5rem 1.25rem 4rem; }
header.dau { border-bottom: 2px solid var(--nhan); margin-bottom: 1.5rem; padding-bottom: .5rem;
  font-family: "Noto Sans", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; font-size: .8rem;
  color: var(--nhat); text-transform: uppercase; letter-spacing: .04em; }
h1, h2, h3 { font-family: "Noto Sans", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  line-height: 1.3; text-wrap: balance; }
h1 { font-size: 1.75rem; margin: 0 0 .75rem; color: var(--nhan); }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
p { margin: 0 0 1rem; text-align: justify; text-justify: inter-word; }
p.sapo { font-weight: 700; font-size: 1.05rem; }
p.ngay, p.tac-gia, p.nho { color: var(--nhat); font-size: .85rem; text-align: left; }
p.tac-gia { text-align: right; font-weight: 700; color: var(--chu); }
p.giua { text-align: center; font-weight: 700; }
figure { margin: 1.5rem 0; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: .85rem; color: var(--nhat); font-style: italic; text-align: center;
  margin-top: .4rem; }
figcaption .nguon { font-style: normal; }
blockquote { margin: 1.25rem 0; padding: .25rem 1rem; border-left: 3px solid var(--nhan);
  font-style: italic; }
q { quotes: "“" "”" "‘" "’"; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0 1.5rem; font-size: .9rem; }
caption { font-weight: 700; text-align: left; padding-bottom: .4rem; }
th, td { border: 1px solid var(--vien); padding: .45rem .6rem; vertical-align: top;
  text-align: left; }
th { background: #f1ece4; font-family: "Noto Sans", Arial, sans-serif; }
td.tg { text-align: center; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.so, th.so { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.lien-he { border-top: 1px solid var(--vien); margin-top: 2rem; padding-top: 1rem;
  font-size: .9rem; }
.ho-so { break-after: page; border-bottom: 1px solid var(--vien); padding-bottom: 2rem;
  margin-bottom: 2rem; overflow: hidden; }
.ho-so figure { float: right; width: 11rem; margin: 0 0 1rem 1.5rem; }
.canh-bao { color: var(--nhan); font-weight: 700; }
@media print { body { background: #fff; } main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; } }
"""

_UNIT = re.compile(r"(\d)\s+(%|km|ha|m²|người|đồng|triệu|tỷ|giây|phút)(?!\w)")


def unbreakable_units(body: str) -> str:
    """Keep a number and its unit on one line ("35 người", "2 phút") in text nodes only."""
    parts = re.split(r"(<[^>]+>)", body)
    return "".join(p if p.startswith("<") else _UNIT.sub("\\1\u00a0\\2", p) for p in parts)


def data_uri(path: Path) -> str:
    kind = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".gif": "image/gif"}[path.suffix.lower()]
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def inline_images(body: str, images: dict[str, Path]) -> str:
    """Replace gendoc's image references (`gendoc-anh:N`) by the pictures themselves."""
    for ref, path in images.items():
        body = body.replace(f'src="{ref}"', f'src="{data_uri(path)}"')
    return body


def page(title: str, body: str, *, images: dict[str, Path] | None = None,
         description: str | None = None, site: str | None = None) -> str:
    """The complete HTML document (NFC), ready to open in a browser or upload to the portal."""
    body = inline_images(unbreakable_units(body), images or {})
    meta = (f'<meta name="description" content="{html.escape(description, quote=True)}">\n'
            if description else "")
    top = f'<header class="dau">{html.escape(site)}</header>\n' if site else ""
    text = (
        "<!DOCTYPE html>\n"
        '<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="gendoc">\n'
        f"{meta}<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{top}{body}\n</main>\n</body>\n</html>\n"
    )
    return unicodedata.normalize("NFC", text)
