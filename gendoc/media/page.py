"""A standalone web page around a media brief: layout template, stylesheet, sanitiser, CSP.

The portal's editors paste or upload one file, so the page carries everything: the stylesheet in
<style>, pictures as data: URIs, `lang="vi"` (screen readers, fonts and line breaking choose
Vietnamese rules), and NFC text. Typography follows Vietnamese print practice: a serif face with
full Vietnamese coverage, generous leading so stacked diacritics (ậ, ễ, ỡ) never touch the line
above, no automatic hyphenation (browsers would split syllables) and unbroken spaces inside
numbers with units.

The page frame is a Jinja template on the template search path (`truyen_thong.html.j2`, which a
workspace may override or extend), rendered sandboxed with autoescape. It receives the body
already built from blocks (`gendoc.media.convert`) and escaped values; content is never template
source. Two gates follow, whatever the template says: everything inside <body> passes through
nh3 (the maintained Rust sanitiser ammonia) with an allow-list of tags and attributes — no
script, no event attributes, no javascript:/data: links — and a Content-Security-Policy meta tag
is put first in <head> (no script at all, pictures only from the page itself).
"""

from __future__ import annotations

import base64
import re
import unicodedata
from pathlib import Path
from typing import Any

import jinja2
import nh3
from markupsafe import Markup

from gendoc.exceptions import RenderError
from gendoc.templates import find_template, make_env, render_error

PAGE_TEMPLATE = "truyen_thong.html.j2"
CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
       "form-action 'none'")
CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
TAGS = nh3.ALLOWED_TAGS | {"main", "section"}
ATTRIBUTES = {"*": {"class", "id", "lang", "title"}, "img": {"src", "alt", "width", "height"},
              "a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)
_BODY = re.compile(r"(<body(?:\s[^>]*)?>)(.*)(</body\s*>)", re.I | re.S)

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


def data_uri(path: Path) -> str:
    kind = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
            ".gif": "image/gif"}[path.suffix.lower()]
    return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def sanitise(fragment: str) -> str:
    """The last gate: only allow-listed tags and attributes, only safe URL schemes."""
    return nh3.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, strip_comments=True,
                     link_rel="noopener noreferrer")


def inline_images(body: str, images: dict[str, Path]) -> str:
    """Replace gendoc's picture references (`<img src="gendoc-anh-N"`) by the pictures.

    Runs after the sanitiser (which refuses data: URLs): only an <img> tag gendoc wrote can
    carry a reference, because content text reaches the page escaped.
    """
    for ref, path in images.items():
        body = body.replace(f'<img src="{ref}"', f'<img src="{data_uri(path)}"')
    return body


def page(title: str, body: str, *, images: dict[str, Path] | None = None,
         description: str | None = None, site: str | None = None, ws: Any = None,
         template: str = PAGE_TEMPLATE) -> str:
    """The complete HTML document (NFC), ready to open in a browser or upload to the portal."""
    rendered = _render_frame(ws, template, {  # the body and CSS are gendoc's own markup
        "tieu_de": title, "mo_ta": description or "", "dau_trang": site or "",
        "noi_dung": Markup(body), "css": Markup(CSS)})
    return unicodedata.normalize("NFC", gate(rendered, images or {}, template))


def _render_frame(ws: Any, name: str, context: dict[str, Any]) -> str:
    find_template(ws, name)  # a clear "not found, looked in …" error
    env = make_env(ws, autoescape=True)
    try:
        return env.get_template(name).render(**context)
    except (jinja2.TemplateError, jinja2.exceptions.SecurityError, TypeError, ValueError) as exc:
        raise render_error(name, exc) from exc


def gate(document: str, images: dict[str, Path], template: str) -> str:
    """Sanitise the <body>, inline the pictures, put the CSP first in <head>.

    The <head> comes from the template alone (content reaches it only as autoescaped values);
    the CSP placed before everything in it forbids any script a template might carry there.
    """
    body = _BODY.search(document)
    head = _HEAD.search(document)
    if body is None or head is None or head.start() > body.start():
        raise RenderError(f"mẫu '{template}': trang web phải có <head> và <body> — sửa mẫu, "
                          "hoặc chép lại mẫu gốc của gendoc.")
    inner = inline_images(sanitise(body.group(2)), images)
    document = document[:body.start(2)] + inner + document[body.end(2):]
    return document[:head.end()] + "\n" + CSP_META + document[head.end():]
