"""How a unit names itself and its subordinates, and provincial sentences re-worded to its scope.

A provincial plan speaks to "các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, thị xã, thành
phố" and about "cơ quan, đơn vị, địa phương trên địa bàn tỉnh". A department's own plan speaks
about "Sở và các đơn vị trực thuộc"; a district's about "các cơ quan, đơn vị, địa phương trên địa
bàn huyện" and its communes. The re-wording is a short, ordered list of phrase rules: a draft the
unit finishes by hand, never a paraphrase engine, so each rule is a phrase clerks actually write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gendoc import levels
from gendoc.units import CoQuan
from gendoc.vi.text import khoa_so_khop

# Registry levels that receive the provincial plan's duties.
TARGET_LEVELS = {"so_ban_nganh": "sở, ban, ngành", "cap_huyen": "cấp huyện", "cap_xa": "cấp xã"}

# How a department refers to itself in its own plan ("Sở", "Ban" …), by the start of its name.
_SHORT_NAMES = ("Văn phòng", "Thanh tra tỉnh", "Sở", "Ban", "Đài", "Trường", "Chi cục", "Cục")
# "các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện, thị xã, thành phố" (or "… các xã,
# phường, đặc khu"): the provincial plan's addressees, in either structure.
ALL_UNITS = (r"(?:các )?sở, ban, ngành(?: tỉnh)?,? (?:và )?(?:Ủy ban nhân dân|UBND) (?:các|cấp) "
             + levels.FORM_LIST)


def is_target(unit: CoQuan) -> bool:
    """Departments and local People's Committees (district, commune) get a derived plan."""
    return unit.cap in TARGET_LEVELS


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a proper name (UBND)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:2].isupper():
        return text
    return text[:1].lower() + text[1:]


def _title_case(words: list[str]) -> str:
    text = " ".join(w.lower() for w in words)
    return upper_first(text)


@dataclass(frozen=True)
class Scope:
    """The wording facts of one unit, taken from its registry entry and its level."""

    unit: CoQuan
    province: str  # "Kiên Giang"

    @property
    def form(self) -> levels.LocalForm | None:
        return self.unit.form

    @property
    def local(self) -> bool:
        """A local People's Committee (district or commune level)."""
        return self.form is not None

    @property
    def district(self) -> bool:
        return self.unit.cap == "cap_huyen"

    @property
    def commune(self) -> bool:
        return self.unit.cap == "cap_xa"

    @property
    def name(self) -> str:
        """Full name used in sentences: "Sở Y tế", "Ủy ban nhân dân huyện Hòn Đất"."""
        return self.unit.ten_day_du or " ".join(self.unit.header_lines).title()

    @property
    def area(self) -> str:
        """Local only: "huyện", "thị xã", "xã", "phường", "đặc khu" …"""
        return self.form.word if self.form else "tỉnh"

    @property
    def area_name(self) -> str:
        """Local only: "huyện Hòn Đất" (the name after "Ủy ban nhân dân")."""
        m = re.search(rf"\b({re.escape(self.area)}) .+$", self.name, re.IGNORECASE)
        return m.group(0) if m else f"{self.area} {self.unit.dia_danh}"

    @property
    def short(self) -> str:
        """How the unit calls itself mid-sentence: "Sở", "Ban", "Ủy ban nhân dân huyện"."""
        if self.local:
            return f"Ủy ban nhân dân {self.area}"
        return next((s for s in _SHORT_NAMES if self.name.startswith(s)), self.name)

    @property
    def communes(self) -> str:
        """District only: "Ủy ban nhân dân các xã, thị trấn" (from its divisions, or by form)."""
        for item in self.unit.don_vi_truc_thuoc:
            m = re.match(r"(?:Ủy ban nhân dân|UBND) các (.+)$", item.strip())
            if m:
                return f"Ủy ban nhân dân các {m.group(1)}"
        subunits = self.form.subunits if self.form else None
        return f"Ủy ban nhân dân các {subunits or 'xã'}"

    @property
    def communes_short(self) -> str:
        return self.communes.replace("Ủy ban nhân dân", "UBND", 1)

    @property
    def own_units(self) -> str:
        """The unit together with those under it."""
        if self.district:
            return f"các cơ quan, đơn vị, địa phương trên địa bàn {self.area}"
        if self.commune:
            return f"các cơ quan, đơn vị trên địa bàn {self.area}"
        return f"{self.short} và các đơn vị trực thuộc"

    @property
    def divisions(self) -> str:
        """Its divisions as one phrase: "các phòng, đơn vị trực thuộc Sở"."""
        if self.district:
            return f"các phòng, ban, ngành {self.area} và {self.communes}"
        if self.commune:
            return f"các phòng, đơn vị thuộc {self.short}"
        return f"các phòng, đơn vị trực thuộc {self.short}"

    @property
    def lead(self) -> str:
        """The division that coordinates the plan (the first listed one, by convention)."""
        if self.district:
            listed = [d for d in self.unit.don_vi_truc_thuoc if "Nội vụ" in d]
            return listed[0] if listed else self.form.lead if self.form else "Phòng Nội vụ"
        if self.commune:  # "Văn phòng HĐND và UBND" needs its area to be unambiguous
            listed = [d for d in self.unit.don_vi_truc_thuoc if d.startswith("Văn phòng")]
            office = listed[0] if listed else self.form.lead if self.form else levels.VAN_PHONG_XA
            return office if office.endswith(f" {self.area}") or office.startswith("công chức") \
                else f"{office} {self.area}"
        listed = [d for d in self.unit.don_vi_truc_thuoc if not d.startswith("Các ")]
        if listed:
            return listed[0]
        if self.short.startswith("Văn phòng"):
            return "Phòng Hành chính - Tổ chức"
        return f"Văn phòng {self.short}"

    @property
    def media_lead(self) -> str:
        """Local only: the division that leads information and propaganda tasks."""
        listed = self.division_for("Văn hóa")
        return listed or (self.form.media_division if self.form else self.lead)

    def division_for(self, *keywords: str) -> str | None:
        """A listed division whose name contains one of `keywords` (e.g. "Tổ chức")."""
        for division in self.unit.don_vi_truc_thuoc:
            if any(k.lower() in division.lower() for k in keywords):
                return division
        return None

    @property
    def head(self) -> str:
        """The head as named in sentences: "Giám đốc Sở", "Chủ tịch Ủy ban nhân dân huyện"."""
        title = (self.unit.chuc_vu_thu_truong or ("CHỦ TỊCH" if self.local else "THỦ TRƯỞNG"))
        words = title.lower().split()
        short = self.short.split()
        for k in range(min(len(words), len(short)), 0, -1):  # "chánh thanh tra" + "Thanh tra tỉnh"
            if words[-k:] == [w.lower() for w in short[:k]]:
                return " ".join([_title_case(words[:-k]), self.short]).strip()
        return f"{_title_case(words)} {self.short}"

    @property
    def party_committee(self) -> str:
        return self.form.party if self.form else "Tỉnh ủy"

    def mentions(self, text: str) -> bool:
        """Does `text` name this unit (tone placement and case ignored)?"""
        return khoa_so_khop(self.name) in khoa_so_khop(text)

    # -- re-wording --------------------------------------------------------------------------
    def rules(self, plan_ref: str) -> list[tuple[str, str]]:
        """(pattern, replacement) in order; the first rules are the longest phrases."""
        tinh = "tỉnh"
        rules = [
            (ALL_UNITS, self.name),
            (rf"(?:các )?cơ quan, đơn vị,? (?:và )?địa phương(?: trên địa bàn {tinh})?",
             self.own_units),
            (rf"(?:các )?sở, ban, ngành, địa phương(?: trên địa bàn {tinh})?", self.own_units),
            (rf"các cơ quan, đơn vị trên địa bàn {tinh}",
             f"các cơ quan, đơn vị trên địa bàn {self.area}" if self.local else self.divisions),
            (r"(?:của )?Kế hoạch này", plan_ref),
            (rf"của {tinh}(?! {self.province})\b", f"của {self.area if self.local else self.short}"),
        ]
        if self.local:
            rules.append((rf"trên địa bàn {tinh}\b", f"trên địa bàn {self.area}"))
        return rules

    def reword(self, text: str, plan_ref: str) -> str:
        """Re-word one provincial sentence into this unit's scope.

        One pass over one alternation (longest phrases first), so a replacement is never
        re-worded again ("…trên địa bàn huyện" must not become "…huyện trên địa bàn huyện").
        """
        rules = self.rules(plan_ref)
        pattern = re.compile("|".join(f"({p})" for p, _ in rules), re.IGNORECASE)

        def swap(m: re.Match[str]) -> str:
            replacement = rules[m.lastindex - 1][1] if m.lastindex else m.group(0)
            return _keep_case(m.group(0), replacement)

        return pattern.sub(swap, text)


def _keep_case(found: str, replacement: str) -> str:
    """A phrase at the start of a sentence keeps its capital letter."""
    if found[:1].isupper() and replacement[:1].islower():
        return upper_first(replacement)
    return replacement
