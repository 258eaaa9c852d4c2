"""Effective formatting: docDefaults → table style → paragraph style chain → run style → direct.

Clerks' documents (and gendoc's templates) put most formatting in styles, so a rule that read
only direct run properties would both miss violations and invent them. Resolution is cached
per style id, so a run costs one small dict merge.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from gendoc.check.ooxml import A_NS, W_PPR, W_RPR, w, wattr

_TRUE_OFF = {"0", "false", "off", "none"}
_BOOL_RPR = {"b": "bold", "i": "italic", "caps": "caps", "smallCaps": "small_caps", "vanish": "hidden"}
_UNIT_TWIPS = {"pt": 20.0, "mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pc": 240.0}


def to_twips(value: str | None) -> float | None:
    """An OOXML measure (twips, or '12pt'/'1cm' in strict files) in twips; None if unreadable."""
    if value is None:
        return None
    value = value.strip()
    try:
        return float(value)
    except ValueError:
        pass
    for unit, factor in _UNIT_TWIPS.items():
        if value.endswith(unit):
            try:
                return float(value[: -len(unit)]) * factor
            except ValueError:
                return None
    return None


def _on(el: etree._Element) -> bool:
    val = wattr(el, "val")
    return val is None or val.lower() not in _TRUE_OFF


def parse_rpr(rpr: etree._Element | None) -> dict:
    """The run properties set by one rPr element."""
    out: dict = {}
    if rpr is None:
        return out
    for child in rpr:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag in _BOOL_RPR:
            out[_BOOL_RPR[tag]] = _on(child)
        elif tag == "sz":
            half = to_twips(wattr(child, "val"))  # half-points, plain number
            if half is not None:
                out["size"] = half / 2
        elif tag == "rFonts":
            for slot in ("ascii", "hAnsi"):
                theme = wattr(child, slot + "Theme")
                name = wattr(child, slot)
                if theme:
                    out[slot] = ("theme", theme)
                elif name:
                    out[slot] = ("name", name)
        elif tag == "color":
            val = wattr(child, "val")
            if val:
                out["color"] = val
        elif tag == "vertAlign":
            out["vert"] = wattr(child, "val")
        elif tag == "rStyle":
            out["_rstyle"] = wattr(child, "val")
    return out


def parse_ppr(ppr: etree._Element | None) -> dict:
    """The paragraph properties set by one pPr element (indents and spacing in twips)."""
    out: dict = {}
    if ppr is None:
        return out
    for child in ppr:
        tag = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if tag == "jc":
            out["jc"] = wattr(child, "val")
        elif tag == "ind":
            left = to_twips(wattr(child, "left") or wattr(child, "start"))
            if left is not None:
                out["left"] = left
            hanging = to_twips(wattr(child, "hanging"))
            first = to_twips(wattr(child, "firstLine"))
            if hanging is not None:
                out["first"] = -hanging
            elif first is not None:
                out["first"] = first
            if wattr(child, "firstLineChars") is not None or wattr(child, "hangingChars"):
                out["first_chars"] = True
        elif tag == "spacing":
            for attr in ("before", "after", "line"):
                val = to_twips(wattr(child, attr))
                if val is not None:
                    out[attr] = val
            rule = wattr(child, "lineRule")
            if rule:
                out["line_rule"] = rule
            for attr, key in (("beforeAutospacing", "before_auto"), ("afterAutospacing", "after_auto")):
                flag = wattr(child, attr)
                if flag is not None:
                    out[key] = flag.lower() not in _TRUE_OFF
        elif tag == "contextualSpacing":
            out["contextual"] = _on(child)
        elif tag == "pBdr":
            for side in ("top", "bottom"):
                b = child.find(w(side))
                if b is not None:
                    out["border_" + side] = (wattr(b, "val") or "single") not in ("nil", "none")
        elif tag == "numPr":
            num = child.find(w("numId"))
            lvl = child.find(w("ilvl"))
            if num is not None:
                out["num_id"] = wattr(num, "val")
                out["ilvl"] = int(to_twips(wattr(lvl, "val")) or 0) if lvl is not None else 0
        elif tag == "pStyle":
            out["_pstyle"] = wattr(child, "val")
    return out


@dataclass(frozen=True)
class RunFormat:
    """Effective formatting of one run."""

    font: str | None  # the font of Vietnamese letters (hAnsi slot, else ascii)
    size: float | None
    bold: bool
    italic: bool
    caps: bool
    color: str | None
    superscript: bool
    hidden: bool
    font_ascii: str | None = None  # the font of plain ASCII letters and digits


class StyleResolver:
    """Resolves effective paragraph and run properties through the style chain, with caches."""

    def __init__(self, styles: etree._Element | None, theme: etree._Element | None = None):
        self._styles: dict[str, etree._Element] = {}
        self._pcache: dict[tuple, dict] = {}
        self._rcache: dict[tuple, dict] = {}
        self.default_ppr: dict = {}
        self.default_rpr: dict = {}
        self.default_pstyle: str | None = None
        self.default_rstyle: str | None = None
        self.theme_fonts = _theme_fonts(theme)
        if styles is None:
            return
        dd = styles.find(w("docDefaults"))
        if dd is not None:
            self.default_rpr = parse_rpr(dd.find(f"{w('rPrDefault')}/{W_RPR}"))
            self.default_ppr = parse_ppr(dd.find(f"{w('pPrDefault')}/{W_PPR}"))
        for st in styles.iter(w("style")):
            sid = wattr(st, "styleId")
            if sid is None:
                continue
            self._styles[sid] = st
            if wattr(st, "default") in ("1", "true", "on"):
                if wattr(st, "type") == "paragraph":
                    self.default_pstyle = sid
                elif wattr(st, "type") == "character":
                    self.default_rstyle = sid

    def style_name(self, sid: str | None) -> str:
        st = self._styles.get(sid or "")
        name = st.find(w("name")) if st is not None else None
        return (wattr(name, "val") or sid or "") if name is not None else (sid or "")

    def _chain(self, sid: str | None) -> list[etree._Element]:
        chain, seen = [], set()
        while sid and sid in self._styles and sid not in seen:
            seen.add(sid)
            st = self._styles[sid]
            chain.append(st)
            based = st.find(w("basedOn"))
            sid = wattr(based, "val") if based is not None else None
        return list(reversed(chain))

    def _style_props(self, sid: str | None, which: str) -> dict:
        key = (sid, which)
        if key not in self._pcache:
            merged: dict = {}
            for st in self._chain(sid):
                el = st.find(W_PPR if which == "p" else W_RPR)
                merged.update(parse_ppr(el) if which == "p" else parse_rpr(el))
            self._pcache[key] = merged
        return self._pcache[key]

    def paragraph(self, p: etree._Element, table_style: str | None = None) -> dict:
        """Effective paragraph properties (jc, first, left, before, after, line, …)."""
        direct = parse_ppr(p.find(W_PPR))
        sid = direct.get("_pstyle") or self.default_pstyle
        key = (sid, table_style)
        base = self._rcache.get(("P",) + key)
        if base is None:
            base = dict(self.default_ppr)
            if table_style:
                base.update(self._style_props(table_style, "p"))
            base.update(self._style_props(sid, "p"))
            self._rcache[("P",) + key] = base
        out = dict(base)
        out.update(direct)
        out["_pstyle"] = sid
        return out

    def run(self, r: etree._Element, pstyle: str | None, table_style: str | None = None) -> RunFormat:
        """Effective formatting of a run inside a paragraph of style `pstyle`."""
        direct = parse_rpr(r.find(W_RPR))
        rstyle = direct.get("_rstyle") or self.default_rstyle
        key = ("R", pstyle, rstyle, table_style)
        base = self._rcache.get(key)
        if base is None:
            base = dict(self.default_rpr)
            if table_style:
                base.update(self._style_props(table_style, "r"))
            base.update(self._style_props(pstyle, "r"))
            base.update(self._style_props(rstyle, "r"))
            self._rcache[key] = base
        props = dict(base)
        props.update(direct)
        return RunFormat(
            font=self._font_name(props.get("hAnsi") or props.get("ascii")),
            size=props.get("size", 10.0),  # OOXML default when nothing sets sz
            bold=props.get("bold", False),
            italic=props.get("italic", False),
            caps=props.get("caps", False),
            color=props.get("color"),
            superscript=props.get("vert") in ("superscript", "subscript"),
            hidden=props.get("hidden", False),
            font_ascii=self._font_name(props.get("ascii")),
        )

    def _font_name(self, spec: tuple[str, str] | None) -> str | None:
        if spec is None:
            return None
        kind, value = spec
        if kind == "name":
            return value
        return self.theme_fonts.get("major" if value.startswith("major") else "minor")


def _theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """Latin typefaces of the theme's major/minor fonts (what asciiTheme points to)."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{A_NS}}}{kind}Font/{{{A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            out[kind] = latin.get("typeface")
    return out
